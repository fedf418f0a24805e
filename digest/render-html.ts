import { escapeHtml } from '../indexer/search.ts';
import type { DigestModel, DigestSection, FrameShare, OrganisationMentions, StoryView } from './compose.ts';
import { formatChange, formatDay, formatWeekRange, oneLine, safeHttpUrl } from './format.ts';
import { type DigestStrings, fill, plural } from './strings.ts';
import type { UnsubscribeLinks } from './unsubscribe.ts';

// Mail clients ignore <style> blocks and most modern CSS (Gmail strips classes in
// some views, Outlook renders with Word): every style is inline, the layout is
// nested tables 600 px wide at most, and text sizes suit a phone without media queries.
const STYLE = {
  page: 'margin:0;padding:0;background-color:#f2f4f7;',
  outer: 'background-color:#f2f4f7;',
  card: 'max-width:600px;width:100%;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.45;',
  header: 'padding:20px 20px 8px 20px;',
  heading: 'margin:0;font-size:20px;line-height:1.3;color:#12355b;',
  week: 'margin:4px 0 0 0;font-size:13px;color:#52606d;',
  block: 'padding:8px 20px;',
  summary: 'padding:12px 20px;background-color:#eef4fb;',
  sectionTitle:
    'margin:16px 0 4px 0;font-size:17px;line-height:1.3;color:#12355b;border-bottom:2px solid #d9e2ec;padding-bottom:4px;',
  story: 'padding:8px 0;border-bottom:1px solid #edf0f3;',
  storyTitle: 'font-size:16px;font-weight:bold;color:#0b4f8a;text-decoration:none;',
  meta: 'font-size:13px;color:#52606d;',
  lead: 'margin:4px 0 0 0;font-size:14px;color:#3e4c59;',
  link: 'color:#0b4f8a;',
  more: 'padding:6px 0;font-size:13px;color:#52606d;',
  barTrack: 'background-color:#edf0f3;',
  barFill: 'background-color:#4a90c2;font-size:1px;line-height:8px;',
  footer:
    'padding:16px 20px 24px 20px;font-size:12px;line-height:1.5;color:#7b8794;border-top:1px solid #d9e2ec;',
} as const;

const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

/** The digest as an HTML document (every text from articles and config escaped). Pure. */
export function renderHtml(
  model: DigestModel,
  strings: DigestStrings,
  subject: string,
  unsubscribe: UnsubscribeLinks,
): string {
  const tz = model.member.timeZone;
  const body = model.isEmpty
    ? [row(STYLE.block, `<p style="margin:8px 0;">${text(strings.nothingNew)}</p>`)]
    : [
        summaryRow(model, strings),
        ...model.sections.map((section) => sectionRow(section, strings, tz)),
        organisationsRow(model.organisations, strings, tz),
        framesRow(model.frames, strings),
      ];
  const preheader = model.isEmpty ? strings.nothingNew : summaryText(model, strings);
  return [
    '<!DOCTYPE html>',
    `<html lang="${model.member.language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(subject)}</title></head>`,
    `<body style="${STYLE.page}">`,
    `<div style="display:none;max-height:0;overflow:hidden;">${text(preheader)}</div>`,
    `<table ${TABLE} width="100%" style="${STYLE.outer}"><tr><td align="center" style="padding:12px 6px;">`,
    `<table ${TABLE} width="600" style="${STYLE.card}">`,
    row(
      STYLE.header,
      `<h1 style="${STYLE.heading}">${text(strings.heading)}</h1>` +
        `<p style="${STYLE.week}">${text(`${formatWeekRange(model.window, strings, tz)} · ${model.week}`)}</p>` +
        `<p style="margin:12px 0 0 0;">${text(fill(strings.greeting, { name: model.member.name }))}</p>`,
    ),
    ...body,
    footerRow(model, strings, unsubscribe),
    '</table></td></tr></table></body></html>',
  ].join('\n');
}

/** The summary sentence (also the text part's first lines and the hidden preheader). */
export function summaryText(model: DigestModel, strings: DigestStrings): string {
  const { summary } = model;
  return fill(strings.summaryLine, {
    stories: plural(strings, strings.stories, summary.stories),
    articles: plural(strings, strings.articles, summary.articles),
    outlets: plural(strings, strings.outlets, summary.outlets),
  });
}

/** The change line, or null when the week before is unknown. */
export function changeText(model: DigestModel, strings: DigestStrings): string | null {
  const previous = model.summary.previousArticles;
  if (previous === null) return null;
  return fill(strings.change, {
    n: plural(strings, strings.articles, previous),
    x: formatChange(model.summary.articles, previous, strings.locale),
  });
}

function summaryRow(model: DigestModel, strings: DigestStrings): string {
  const change = changeText(model, strings);
  const topics = model.summary.busiestTopics.map((topic) => {
    const delta =
      topic.previousArticles === null
        ? ''
        : ` (${formatChange(topic.articles, topic.previousArticles, strings.locale)})`;
    return `${topic.label}: ${topic.articles}${delta}`;
  });
  return row(
    STYLE.summary,
    `<p style="margin:0;font-weight:bold;">${text(summaryText(model, strings))}</p>` +
      (change === null ? '' : `<p style="margin:4px 0 0 0;">${text(change)}</p>`) +
      (topics.length === 0
        ? ''
        : `<p style="margin:4px 0 0 0;">${text(`${strings.busiestTopics}: ${topics.join(' · ')}`)}</p>`),
  );
}

function sectionRow(section: DigestSection, strings: DigestStrings, timeZone: string): string {
  const title =
    section.kind === 'saved-search' ? fill(strings.savedSearch, { x: section.title }) : section.title;
  const stories = section.stories.map((story) => storyBlock(story, strings, timeZone)).join('');
  const more =
    section.moreCount > 0
      ? `<div style="${STYLE.more}">${text(plural(strings, strings.moreStories, section.moreCount))}</div>`
      : '';
  return row(
    STYLE.block,
    `<h2 style="${STYLE.sectionTitle}">${text(`${title} (${section.storyCount})`)}</h2>${stories}${more}`,
  );
}

function storyBlock(story: StoryView, strings: DigestStrings, timeZone: string): string {
  const original = safeHttpUrl(story.url);
  const title = text(oneLine(story.title, 200));
  const titleHtml =
    original === null
      ? `<span style="${STYLE.storyTitle}">${title}</span>`
      : link(original, title, STYLE.storyTitle);
  const meta = [story.sourceName, formatDay(story.time, strings, timeZone)].map(text).join(' · ');
  const alsoIn =
    story.alsoIn.length > 0 ? ` · ${text(fill(strings.alsoIn, { x: story.alsoIn.join(', ') }))}` : '';
  const links = [
    original === null ? null : link(original, text(strings.readOriginal), STYLE.link),
    link(story.articleViewUrl, text(strings.openInPressmon), STYLE.link),
  ].filter((item): item is string => item !== null);
  const lead = story.lead === null ? '' : `<p style="${STYLE.lead}">${text(oneLine(story.lead, 240))}</p>`;
  return (
    `<div style="${STYLE.story}">${titleHtml}` +
    `<div style="${STYLE.meta}">${meta}${alsoIn}</div>${lead}` +
    `<div style="${STYLE.meta};margin-top:2px;">${links.join(' · ')}</div></div>`
  );
}

function organisationsRow(
  mentions: readonly OrganisationMentions[],
  strings: DigestStrings,
  tz: string,
): string {
  if (mentions.length === 0) return '';
  const items = mentions.map((mention) => {
    const count =
      mention.storyCount === 0
        ? strings.mentionsNone
        : `${plural(strings, strings.stories, mention.storyCount)}, ${plural(strings, strings.articles, mention.articleCount)}`;
    const stories = mention.stories
      .map((story) => {
        const url = safeHttpUrl(story.url) ?? story.articleViewUrl;
        return `<li style="margin:2px 0;">${link(url, text(oneLine(story.title, 160)), STYLE.link)} <span style="${STYLE.meta}">${text(`${story.sourceName} · ${formatDay(story.time, strings, tz)}`)}</span></li>`;
      })
      .join('');
    return (
      `<p style="margin:8px 0 2px 0;"><strong>${text(mention.name)}</strong>: ${text(count)}</p>` +
      (stories === '' ? '' : `<ul style="margin:0;padding-left:20px;">${stories}</ul>`)
    );
  });
  return row(
    STYLE.block,
    `<h2 style="${STYLE.sectionTitle}">${text(strings.mentionsHeading)}</h2>${items.join('')}`,
  );
}

function framesRow(frames: DigestModel['frames'], strings: DigestStrings): string {
  const heading = `<h2 style="${STYLE.sectionTitle}">${text(strings.framesHeading)}</h2>`;
  if (frames.shares.length === 0)
    return row(STYLE.block, `${heading}<p style="${STYLE.meta}">${text(strings.framesNone)}</p>`);
  const intro = `<p style="${STYLE.meta}">${text(fill(strings.framesIntro, { n: String(frames.framedStories) }))}</p>`;
  const rows = frames.shares.map((share) => frameBar(share, strings)).join('');
  return row(STYLE.block, `${heading}${intro}<table ${TABLE} width="100%">${rows}</table>`);
}

function frameBar(share: FrameShare, strings: DigestStrings): string {
  const percent = Math.round(share.share * 100);
  const width = Math.max(1, percent);
  return (
    `<tr><td style="padding:3px 0;font-size:14px;">${text(share.label)}` +
    ` <span style="${STYLE.meta}">${percent.toLocaleString(strings.locale)}% (${share.stories})</span></td></tr>` +
    `<tr><td style="padding:0 0 4px 0;"><table ${TABLE} width="100%" style="${STYLE.barTrack}"><tr>` +
    `<td width="${width}%" style="${STYLE.barFill}">&nbsp;</td>` +
    (width < 100 ? `<td width="${100 - width}%" style="font-size:1px;line-height:8px;">&nbsp;</td>` : '') +
    '</tr></table></td></tr>'
  );
}

function footerRow(model: DigestModel, strings: DigestStrings, unsubscribe: UnsubscribeLinks): string {
  const why = fill(strings.footerWhy, {
    x: `${model.member.email} (${model.organisationName})`,
    topics: model.topicLabels.join(', '),
  });
  const target = unsubscribe.url ?? unsubscribe.mailto;
  return row(
    STYLE.footer,
    `<p style="margin:0 0 6px 0;">${text(why)}</p>` +
      `<p style="margin:0;">${link(target, text(strings.footerUnsubscribe), 'color:#52606d;')}</p>`,
  );
}

function row(style: string, content: string): string {
  return `<tr><td style="${style}">${content}</td></tr>`;
}

function link(href: string, html: string, style: string): string {
  return `<a href="${escapeHtml(href)}" style="${style}">${html}</a>`;
}

function text(value: string): string {
  return escapeHtml(value);
}
