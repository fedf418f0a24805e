import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { scanArticles } from '../../../indexer/index.ts';
import type { DashboardDeps } from '../deps.ts';
import { badRequest } from '../errors.ts';
import { csvHeader, csvRow, jsonRecord } from '../export-rows.ts';
import { parseSearchParams, type QueryParams, single } from '../search-params.ts';

/**
 * GET /api/export?format=csv|json&<search>: every matching article, not just
 * one page, streamed from a point in time (indexer/scan.ts) as it is read, so
 * memory stays flat whatever the size. JSON is one array.
 */
export function registerExportRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings, logger } = deps;
  app.get<{ Querystring: QueryParams }>('/api/export', async (request, reply) => {
    const format = single(request.query, 'format');
    if (!format.ok) throw badRequest(format.message);
    if (format.value !== 'csv' && format.value !== 'json') throw badRequest('format must be csv or json');
    // Validated like a search (the page and sort parameters are ignored: an export is everything).
    const parsed = parseSearchParams(
      { ...request.query, after: undefined, size: undefined },
      settings.timeZone,
    );
    if (!parsed.ok) throw badRequest(parsed.message);
    const { query, sort: _sort, size: _size, searchAfter: _after, ...filters } = parsed.value;
    const articles = scanArticles(client, settings.indexPrefix, { ...filters, query });
    const stamp = new Date().toISOString().slice(0, 10);
    const body = format.value === 'csv' ? csvLines(articles) : jsonArray(articles);
    const stream = Readable.from(body);
    stream.on('error', (error) => logger.error({ err: error }, 'export stopped'));
    return reply
      .header(
        'content-type',
        format.value === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      )
      .header('content-disposition', `attachment; filename="pressmon-export-${stamp}.${format.value}"`)
      .send(stream);
  });
}

async function* csvLines(articles: AsyncIterable<Parameters<typeof csvRow>[0]>): AsyncGenerator<string> {
  // A byte-order mark, so spreadsheet programs read the UTF-8 diacritics right.
  yield `\uFEFF${csvHeader()}`;
  for await (const article of articles) yield csvRow(article);
}

async function* jsonArray(articles: AsyncIterable<Parameters<typeof csvRow>[0]>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const article of articles) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(jsonRecord(article))}`;
    first = false;
  }
  yield '\n]\n';
}
