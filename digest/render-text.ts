import type { DigestModel, DigestSection, StoryView } from './compose.ts';
import { formatChange, formatDay, formatWeekRange, oneLine, safeHttpUrl } from './format.ts';
import { changeText, summaryText } from './render-html.ts';
import { type DigestStrings, fill, plural } from './strings.ts';
import type { UnsubscribeLinks } from './unsubscribe.ts';

/** The digest as plain text (the part text-only clients and screen readers get). Pure. */
export function renderText(
  model: DigestModel,
  strings: DigestStrings,
  unsubscribe: UnsubscribeLinks,
): string {
  const tz = model.member.timeZone;
  const lines: string[] = [
    strings.heading,
    `${formatWeekRange(model.window, strings, tz)} · ${model.week}`,
    '',
    fill(strings.greeting, { name: oneLine(model.member.name, 100) }),
    '',
  ];
  if (model.isEmpty) {
    lines.push(strings.nothingNew, '');
  } else {
    lines.push(summaryText(model, strings));
    const change = changeText(model, strings);
    if (change !== null) lines.push(change);
    if (model.summary.busiestTopics.length > 0) {
      const topics = model.summary.busiestTopics.map((topic) => {
        const delta =
          topic.previousArticles === null
            ? ''
            : ` (${formatChange(topic.articles, topic.previousArticles, strings.locale)})`;
        return `${topic.label}: ${topic.articles}${delta}`;
      });
      lines.push(`${strings.busiestTopics}: ${topics.join(' · ')}`);
    }
    lines.push('');
    for (const section of model.sections) lines.push(...sectionLines(section, strings, tz));
    lines.push(...organisationLines(model, strings, tz), ...frameLines(model, strings));
  }
  lines.push(
    '-- ',
    fill(strings.footerWhy, {
      x: `${model.member.email} (${model.organisationName})`,
      topics: model.topicLabels.join(', '),
    }),
    `${strings.footerUnsubscribe}: ${unsubscribe.url ?? unsubscribe.mailto}`,
  );
  return `${lines.join('\n')}\n`;
}

function sectionLines(section: DigestSection, strings: DigestStrings, tz: string): string[] {
  const title =
    section.kind === 'saved-search' ? fill(strings.savedSearch, { x: section.title }) : section.title;
  const heading = `${title} (${section.storyCount})`;
  const lines = [heading.toUpperCase(), '='.repeat(Math.min(60, heading.length)), ''];
  for (const story of section.stories) lines.push(...storyLines(story, strings, tz), '');
  if (section.moreCount > 0) lines.push(plural(strings, strings.moreStories, section.moreCount), '');
  return lines;
}

function storyLines(story: StoryView, strings: DigestStrings, tz: string): string[] {
  const meta = [oneLine(story.sourceName, 80), formatDay(story.time, strings, tz)];
  if (story.alsoIn.length > 0)
    meta.push(fill(strings.alsoIn, { x: story.alsoIn.map((n) => oneLine(n, 80)).join(', ') }));
  const lines = [`* ${oneLine(story.title, 200)}`, `  ${meta.join(' · ')}`];
  if (story.lead !== null) lines.push(`  ${oneLine(story.lead, 240)}`);
  const original = safeHttpUrl(story.url);
  if (original !== null) lines.push(`  ${strings.readOriginal}: ${original}`);
  lines.push(`  ${strings.openInPressmon}: ${story.articleViewUrl}`);
  return lines;
}

function organisationLines(model: DigestModel, strings: DigestStrings, tz: string): string[] {
  if (model.organisations.length === 0) return [];
  const lines = [
    strings.mentionsHeading.toUpperCase(),
    '='.repeat(Math.min(60, strings.mentionsHeading.length)),
    '',
  ];
  for (const mention of model.organisations) {
    const count =
      mention.storyCount === 0
        ? strings.mentionsNone
        : `${plural(strings, strings.stories, mention.storyCount)}, ${plural(strings, strings.articles, mention.articleCount)}`;
    lines.push(`${mention.name}: ${count}`);
    for (const story of mention.stories) {
      lines.push(
        `  - ${oneLine(story.title, 160)} (${oneLine(story.sourceName, 80)} · ${formatDay(story.time, strings, tz)})`,
      );
      lines.push(`    ${safeHttpUrl(story.url) ?? story.articleViewUrl}`);
    }
  }
  lines.push('');
  return lines;
}

function frameLines(model: DigestModel, strings: DigestStrings): string[] {
  const lines = [
    strings.framesHeading.toUpperCase(),
    '='.repeat(Math.min(60, strings.framesHeading.length)),
    '',
  ];
  if (model.frames.shares.length === 0) return [...lines, strings.framesNone, ''];
  lines.push(fill(strings.framesIntro, { n: String(model.frames.framedStories) }));
  for (const share of model.frames.shares) {
    const percent = Math.round(share.share * 100);
    const bar = '#'.repeat(Math.max(1, Math.round(percent / 5)));
    lines.push(`  ${share.label.padEnd(28)} ${bar} ${percent}% (${share.stories})`);
  }
  lines.push('');
  return lines;
}
