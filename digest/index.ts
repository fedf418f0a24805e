// The weekly digest: select each member's articles of an ISO week, fold
// syndicated copies into stories, compose, render (HTML + text, ro/pl/en),
// send over SMTP and record each (member, week) so re-runs never send twice.
export {
  type ComposeInput,
  composeDigest,
  DEFAULT_LIMITS,
  type DigestLimits,
  type DigestModel,
  type DigestSection,
  type DigestVocabulary,
  rankStory,
  type StoryView,
} from './compose.ts';
export {
  DEFAULT_RETRY,
  type DeliveryResult,
  deliverDigest,
  type Mailer,
  type RetryPolicy,
} from './deliver.ts';
export { DigestError } from './errors.ts';
export {
  formatIsoWeek,
  type IsoWeek,
  isoWeekOf,
  lastCompletedIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
  type TimeWindow,
  weekWindow,
} from './iso-week.ts';
export { loadWeekMaterial, type MemberWeek, type WeekMaterial } from './load-week.ts';
export {
  buildDigest,
  digestMessageId,
  MAX_HTML_BYTES,
  type RenderedDigest,
  type RenderSettings,
  renderDigest,
} from './render.ts';
export { type SavedSearchMatches, type SelectedArticle, selectMemberArticles } from './select.ts';
export {
  type DigestContext,
  type DigestRunReport,
  type MemberOutcome,
  type MemberReport,
  previewDigest,
  resolveWeek,
  type SendOptions,
  sendWeeklyDigests,
} from './send-weekly-digests.ts';
export { classifySmtpFailure, type SmtpFailureKind } from './smtp-failure.ts';
export { foldStories, type Story } from './stories.ts';
export { DIGEST_STRINGS, type DigestLanguage, type DigestStrings } from './strings.ts';
export {
  isValidUnsubscribeToken,
  UNSUBSCRIBE_PATH,
  unsubscribeHeaders,
  unsubscribeLinks,
  unsubscribeToken,
} from './unsubscribe.ts';
