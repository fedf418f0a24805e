import type { FastifyInstance } from 'fastify';
import { getArticle, type IndexedArticle } from '../../../indexer/index.ts';
import { storyCopies } from '../../../indexer/story-copies.ts';
import type { ApiArticle, ApiTagEvidence } from '../../api-types.ts';
import type { DashboardDeps } from '../deps.ts';
import { badRequest, notFound } from '../errors.ts';
import { markParagraphs, markTerms } from '../highlight.ts';
import { findArchivedPage, readArchivedHtml } from '../raw-page.ts';

/** Article ids are hashes; anything else is refused before it reaches Elasticsearch. */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * GET /api/articles/<id>: the text and metadata, the words that tagged it
 * (marked), its story's other copies and whether the raw page is archived.
 * GET /api/articles/<id>/raw: the archived page as text/plain in a sandbox,
 * never as live HTML.
 */
export function registerArticleRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings } = deps;

  const load = async (id: string): Promise<IndexedArticle> => {
    if (!ARTICLE_ID.test(id)) throw badRequest('an article id is letters, digits, - and _ (at most 128)');
    const article = await getArticle(client, settings.indexPrefix, id);
    if (article === null) throw notFound(`no article ${id}`);
    return article;
  };
  const archived = (article: IndexedArticle): Promise<string | null> =>
    findArchivedPage(settings.dataDir, {
      urls: [article.url, article.canonicalUrl],
      fetchedAt: article.fetchedAt,
    });

  app.get<{ Params: { id: string } }>('/api/articles/:id', async (request): Promise<ApiArticle> => {
    const article = await load(request.params.id);
    const [copies, rawPath] = await Promise.all([
      storyCopies(client, settings.indexPrefix, article.dedup.storyId, { excludeId: article.id }),
      archived(article),
    ]);
    return toApiArticle(article, copies, rawPath !== null);
  });

  app.get<{ Params: { id: string }; Querystring: { download?: string } }>(
    '/api/articles/:id/raw',
    async (request, reply) => {
      const article = await load(request.params.id);
      const rawPath = await archived(article);
      if (rawPath === null) throw notFound(`the raw page of article ${article.id} is not in the archive`);
      const html = await readArchivedHtml(rawPath);
      const disposition = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `${disposition}; filename="${article.id}.html.txt"`)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(html);
    },
  );
}

function toApiArticle(
  article: IndexedArticle,
  copies: ApiArticle['copies'],
  hasRawPage: boolean,
): ApiArticle {
  const evidence = [...article.topics, ...article.frames, ...article.terminology];
  const phrases = evidence.flatMap((tag) => tag.terms.map((term) => term.text));
  return {
    id: article.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    source: article.source,
    title: markTerms(article.title, phrases),
    lead: article.lead === null ? null : markTerms(article.lead, phrases),
    body: markParagraphs(article.body, phrases),
    authors: article.authors,
    section: article.section,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    fetchedAt: article.fetchedAt,
    indexedAt: article.indexedAt,
    language: article.language,
    wordCount: article.wordCount,
    relevance: article.relevance,
    isMigrationRelated: article.isMigrationRelated,
    topics: article.topics.map(toEvidence),
    frames: article.frames.map(toEvidence),
    terminology: article.terminology.map((use) => ({ id: use.id, score: use.count, terms: use.terms })),
    organisations: article.organisations,
    places: article.places,
    storyId: article.dedup.storyId,
    duplicateOf: article.dedup.duplicateOf,
    copies,
    hasRawPage,
  };
}

function toEvidence(tag: { id: string; score: number; terms: ApiTagEvidence['terms'] }): ApiTagEvidence {
  return { id: tag.id, score: tag.score, terms: tag.terms };
}
