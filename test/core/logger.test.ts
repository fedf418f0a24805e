import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.ts';

/** A logger writing JSON lines into an array, as it writes them to stderr off a terminal. */
function capture(level = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(level, { destination });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const BODY = 'Guvernul a aprobat azi o nouă strategie privind integrarea refugiaților din Ucraina.';

describe('structured logs', () => {
  it('are JSON lines carrying the run id and source id of their child logger on every line', () => {
    const { logger, records } = capture();
    const run = logger.child({ runId: 'crawl-1', jobId: 'crawl:hotnews' }).child({ sourceId: 'hotnews' });
    run.info({ fetched: 3 }, 'source crawled');
    run.debug({ url: 'https://hotnews.ro/a' }, 'page fetched');
    for (const record of records()) {
      expect(record).toMatchObject({ runId: 'crawl-1', jobId: 'crawl:hotnews', sourceId: 'hotnews' });
    }
    expect(records().map((record) => record.msg)).toEqual(['source crawled', 'page fetched']);
  });

  it('honour the level setting', () => {
    const { logger, records } = capture('warn');
    logger.info('routine');
    logger.warn('degraded');
    expect(records().map((record) => record.msg)).toEqual(['degraded']);
  });

  it('never contain credentials or article text', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        settings: {
          elasticsearch: { auth: { kind: 'basic', username: 'elastic', password: 'hunter2-secret' } },
        },
        smtp: { password: 'smtp-pass-secret' },
        apiKey: 'a2V5LXNlY3JldA==',
        headers: { authorization: 'Bearer tok-secret', cookie: 'session=cookie-secret' },
        article: { title: 'Titlu', body: BODY },
        page: { html: `<html><body><p>${BODY}</p></body></html>` },
        url: 'https://elastic:url-secret@es.example.org:9200/',
      },
      'settings at start',
    );
    logger.error(
      { err: new Error('POST https://u:err-secret@es.example.org answered 401; token=tok2-secret') },
      'failed',
    );
    logger.warn('connect to https://admin:msg-secret@es.example.org failed');
    const text = lines.join('\n');
    for (const secret of [
      'hunter2-secret',
      'smtp-pass-secret',
      'a2V5LXNlY3JldA==',
      'tok-secret',
      'cookie-secret',
      'url-secret',
      'err-secret',
      'tok2-secret',
      'msg-secret',
      'integrarea refugiaților',
    ]) {
      expect(text).not.toContain(secret);
    }
    // What is safe stays readable.
    expect(text).toContain('Titlu');
    expect(text).toContain('es.example.org');
    expect(text).toContain('[redacted]');
  });
});
