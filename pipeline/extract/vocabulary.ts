/**
 * Heuristic vocabularies of the extract stage, in one table each so that a
 * change is one visible line. Every pattern is matched case-insensitively.
 */

/** Tags whose content is never article text. */
export const JUNK_TAGS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'menu',
  'figcaption',
  'header',
];

/**
 * A class, id or role that marks boilerplate: comments, sharing, related links,
 * "read also" boxes, cookie banners, subscription prompts, ads, navigation.
 * Matched against `class`, `id` and `role` joined by spaces.
 */
export const BOILERPLATE_ATTRIBUTE =
  /(^|[\s_-])(comments?|disqus|share|sharing|social|related|recommended|read-?also|citeste|czytaj|more-?stories|cookies?|consent|gdpr|subscribe|subscription|newsletter|ads?|advert\w*|adsbygoogle|banner|sponsor\w*|promo\w*|sidebar|breadcrumbs?|pagination|pager|tags?|tag-?list|topics-?list|keywords|author-?bio|popup|modal|outbrain|taboola|teaser|trending|most-?read|navigation|navbar|menu|masthead|site-?footer|site-?header|skip-?link|toolbar|rating|poll|signup|login|hidden|visually-?hidden|sr-only|caption|credit|video-?player)($|[\s_-])/i;

/** A class or id that marks the article itself; such an element is never removed as boilerplate. */
export const ARTICLE_ATTRIBUTE =
  /(^|[\s_-])(article-?body|article-?content|articlebody|post-?content|post-?body|entry-?content|story-?body|story-?content|main-?content|content-?body|text-?content|article-?text|news-?text|body-?text)($|[\s_-])/i;

/**
 * A paragraph that starts with one of these is a cross-link to another article
 * ("read also", "see also") in en, ro, pl, ru, uk, and is dropped.
 */
export const CROSS_LINK_PREFIX =
  /^\s*(read (also|more|next)|see also|related( articles?| stories)?|more on this|citește și|citeste si|vezi și|vezi si|recomandări|czytaj (też|także|więcej)|zobacz (też|także|również)|przeczytaj (też|także|również)|polecamy|читайте (также|еще|ещё|нас)|смотрите также|читайте також|дивіться також|по теме|по темі)\b/iu;

/** Whole short lines that are interface text, not article text. */
export const INTERFACE_LINE =
  /^\s*(advertisement|publicitate|reklama|реклама|share( this( article)?)?|distribuie|udostępnij|поделиться|поділитися|comments?|comentarii|komentarze|комментарии|коментарі|subscribe|abonează-te|subskrybuj|подписаться|follow us( on .*)?|urmărește-ne.*|sign up.*|loading\.*|cookie.*|accept(ă)?|tweet|email|print|copy link|skip to (main )?content|photo|foto|фото)\s*:?\s*$/iu;

/** Prefixes of a byline, removed before author names are split. */
export const BYLINE_PREFIX =
  /^\s*(by|written by|de|de către|scris de|autor(ul)?|autorzy|autorka|tekst|text|opracowanie|фото|автор(ы)?|авторы|текст|posted by|reporter|redactor|reporting by)\s*[:\-–—]?\s+/iu;

/** Separators between several authors in one byline. */
export const AUTHOR_SEPARATOR = /\s*[,;|&]\s*|\s+(?:and|și|şi|si|i|oraz|и|та|і)\s+/iu;

/** Words that mark a byline date as the modification date, not the publication date. */
export const MODIFIED_MARKER =
  /(updated|modified|last update|actualizat|actualizare|zaktualizowano|aktualizacja|aktualizowano|обновлено|обновлен|оновлено|змінено)/iu;

/** Class or id of elements that usually hold the printed date. */
export const DATE_ATTRIBUTE = /(date|time|publish|posted|datum|data|дата|meta|byline)/i;

/** Class or id of elements that usually hold the byline. */
export const AUTHOR_ATTRIBUTE =
  /(^|[\s_-])(author|authors|byline|autor|creator|writer|article-?author|signature)($|[\s_-])/i;

/** Class or id of a standfirst (the lead paragraph printed under the title). */
export const STANDFIRST_ATTRIBUTE =
  /(^|[\s_-])(lead|standfirst|intro|summary|excerpt|dek|subtitle|sapo|deck|abstract|perex)($|[\s_-])/i;

/** URL path segments of tag and topic index pages. */
export const TAG_PATH_SEGMENT =
  /\/(tag|tags|tagi|eticheta|etichete|tag-uri|subiect|temat|tematy|tema|topic|topics|keyword|теги|тег|метки|теми)\//iu;

/** Titles of "not found" pages served with status 200 (soft 404s). */
export const NOT_FOUND_TITLE =
  /(\b404\b|page not found|not found|pagina nu (a fost găsită|există)|nie znaleziono|strona nie istnieje|страница не найдена|сторінку не знайдено|сторінка не знайдена)/iu;

/** JSON-LD types that denote an article. */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);
