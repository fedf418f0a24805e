import { timeZoneOffsetMs } from './zoned-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Unit words of relative dates in en, ro, pl, ru, uk, by their length in ms. */
const RELATIVE_UNITS: readonly (readonly [RegExp, number])[] = [
  [
    /^(min|mins|minute|minutes|minut|minuty|minutę|minutu|мин|минут|минуты|минуту|хв|хвилин|хвилини|хвилину)\.?$/iu,
    MINUTE_MS,
  ],
  [
    /^(h|hr|hrs|hour|hours|oră|ora|ore|godz|godzina|godziny|godzin|godzinę|ч|час|часа|часов|год|годину|години|годин)\.?$/iu,
    HOUR_MS,
  ],
  [/^(day|days|zi|zile|dzień|dni|день|дня|дней|днів|дні)\.?$/iu, DAY_MS],
];

/** "3 hours ago", "acum 3 ore", "2 godz. temu", "3 часа назад", "3 години тому". */
const AGO = /(?:acum\s+)?(\d{1,3})\s+([\p{L}]+\.?)\s*(?:ago|temu|назад|тому)?/iu;
const HAS_AGO_WORD = /(\bago\b|\bacum\b|temu|назад|тому)/iu;
const YESTERDAY = /(yesterday|ieri|wczoraj|вчера|вчора)/iu;
const TODAY = /(today|astăzi|azi|dzisiaj|dziś|сегодня|сьогодні)/iu;
const CLOCK = /(\d{1,2})[:.](\d{2})(?!\d)/;

/**
 * Reads a relative date ("acum 3 ore", "2 godz. temu", "вчера, 14:05",
 * "3 hours ago") against the time the page was fetched, as ISO-8601 UTC.
 * "Yesterday"/"today" with a clock time are read in `timeZone`; without one,
 * they mean midnight of that day. Returns null when the text holds no relative
 * date.
 */
export function parseRelativeDate(text: string, fetchedAt: string, timeZone: string): string | null {
  const fetchedMs = Date.parse(fetchedAt);
  if (!Number.isFinite(fetchedMs)) return null;
  const sample = text.slice(0, 200);
  if (HAS_AGO_WORD.test(sample)) {
    const match = AGO.exec(sample);
    const unit = RELATIVE_UNITS.find(([pattern]) => pattern.test(match?.[2] ?? ''));
    if (match !== null && unit !== undefined)
      return new Date(fetchedMs - Number(match[1]) * unit[1]).toISOString();
  }
  const daysBack = YESTERDAY.test(sample) ? 1 : TODAY.test(sample) ? 0 : null;
  if (daysBack === null) return null;
  let offsetMs: number;
  try {
    offsetMs = timeZoneOffsetMs(fetchedMs, timeZone);
  } catch {
    return null;
  }
  const localMidnight = Math.floor((fetchedMs + offsetMs) / DAY_MS) * DAY_MS - daysBack * DAY_MS;
  const clock = CLOCK.exec(sample);
  const clockMs = clock === null ? 0 : Number(clock[1]) * HOUR_MS + Number(clock[2]) * MINUTE_MS;
  return new Date(localMidnight + clockMs - offsetMs).toISOString();
}
