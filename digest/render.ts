import { createHash } from 'node:crypto';
import {
  type ComposeInput,
  composeDigest,
  DEFAULT_LIMITS,
  type DigestLimits,
  type DigestModel,
} from './compose.ts';
import { formatWeekRange, oneLine } from './format.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import { DIGEST_STRINGS, fill, plural } from './strings.ts';
import { unsubscribeHeaders, unsubscribeLinks } from './unsubscribe.ts';

/** Gmail clips messages whose HTML exceeds about 102 kB; stay clearly below. */
export const MAX_HTML_BYTES = 100_000;

/** The settings rendering reads (a part of config/settings.ts DigestSettings). */
export interface RenderSettings {
  readonly from: string;
  readonly publicUrl: string;
  readonly unsubscribeSecret: string | null;
  readonly unsubscribeMailto: string;
}

/** A digest ready to hand to the SMTP transport. */
export interface RenderedDigest {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly htmlBytes: number;
  /** The same for every attempt at (member, week), so a duplicate can be recognised. */
  readonly messageId: string;
  /** List-Unsubscribe, List-Unsubscribe-Post, List-Id, Auto-Submitted. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Renders a composed digest: subject, plain text, HTML and headers in the member's language. Pure. */
export function renderDigest(model: DigestModel, settings: RenderSettings): RenderedDigest {
  const { member } = model;
  const strings = DIGEST_STRINGS[member.language];
  const range = formatWeekRange(model.window, strings, member.timeZone);
  const subject = model.isEmpty
    ? fill(strings.subjectEmpty, { range })
    : fill(strings.subject, { range, stories: plural(strings, strings.stories, model.summary.stories) });
  const links = unsubscribeLinks(settings, member.email);
  const html = renderHtml(model, strings, subject, links);
  return {
    to: { name: oneLine(member.name, 100), address: member.email },
    subject,
    text: renderText(model, strings, links),
    html,
    htmlBytes: Buffer.byteLength(html, 'utf8'),
    messageId: digestMessageId(member.email, model.week, settings.from),
    headers: {
      ...unsubscribeHeaders(links),
      'List-Id': `pressmon weekly digest <digest.${domainOf(settings.from)}>`,
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/**
 * Composes and renders, lowering the number of stories per section (and of
 * links per organisation) until the HTML fits {@link MAX_HTML_BYTES}. Pure.
 */
export function buildDigest(
  input: ComposeInput,
  settings: RenderSettings,
): { model: DigestModel; message: RenderedDigest } {
  let limits: DigestLimits = { ...DEFAULT_LIMITS, ...input.limits };
  for (;;) {
    const model = composeDigest({ ...input, limits });
    const message = renderDigest(model, settings);
    if (
      message.htmlBytes <= MAX_HTML_BYTES ||
      (limits.storiesPerSection <= 1 && limits.linksPerOrganisation <= 1)
    ) {
      return { model, message };
    }
    limits = {
      ...limits,
      storiesPerSection: Math.max(1, Math.floor(limits.storiesPerSection * 0.6)),
      linksPerOrganisation: Math.max(1, limits.linksPerOrganisation - 1),
    };
  }
}

/** `<digest.2026-W03.<hash of the address>@<sender's domain>>`: stable per (member, week). */
export function digestMessageId(email: string, week: string, from: string): string {
  const hash = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 20);
  return `<digest.${week}.${hash}@${domainOf(from)}>`;
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}
