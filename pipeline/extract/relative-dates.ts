import { timeZoneOffsetMs } from '../../core/zoned-time.ts';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Unit words of relative dates in en, ro, pl, ru, uk, de, hu (Hungarian "-ja/-e" forms already mean "ago"). */
const UNIT_WORDS: readonly (readonly [Unit, RegExp])[] = [
  [
    'second',
    /^(s|sec|secs|seconds?|secund[ăae]|sekund[aęy]?|сек|секунд[уы]?|секунди?|sekunden?|másodperce?)$/u,
  ],
  [
    'minute',
    /^(m|min|mins|minutes?|minut[ey]?|minutę|minutu|мин|минут[уы]?|хв|хвилин[уи]?|minuten?|perce?)$/u,
  ],
  [
    'hour',
    /^(h|hr|hrs|hours?|or[ăae]|godz|godzin[ayę]?|ч|час[аов]*|год\.|годин[уи]?|stunden?|std|órája|óra)$/u,
  ],
  ['day', /^(d|days?|zi|zile|dzień|dni|день|дн[яей]+|днів|дні|tage?n?|napja|nap)$/u],
  [
    'week',
    /^(w|wk|weeks?|săptămân[ăi]|tydzień|tygodni[ea]?|недел[юиь]|недель|тижн[іяів]+|тиждень|wochen?|hete|hét)$/u,
  ],
  [
    'month',
    /^(months?|lun[aăi]|luni|miesiąc[ea]?|miesięcy|месяц[аев]*|місяц[іьяів]+|monate?n?|monat|hónapja|hónap)$/u,
  ],
  ['year', /^(y|yrs?|years?|an|ani|rok|lata|lat|год[а]?|лет|рок[иу]?|років|jahre?n?|jahr|éve|év)$/u],
];
const FIXED_MS: Readonly<Record<Exclude<Unit, 'month' | 'year'>, number>> = {
  second: SECOND_MS,
  minute: MINUTE_MS,
  hour: HOUR_MS,
  day: DAY_MS,
  week: 7 * DAY_MS,
};

/** Words for "one" that stand for a number ("an hour ago", "vor einer Stunde", "o oră"). */
const ONE_WORD = /^(a|an|one|un|o|una|einer|einem|einen|ein|egy|один|одна|одну|jeden|jedną|godzinę)$/u;
/** Words that make a quantity a past offset: "ago", "acum", "temu", "назад", "тому", "vor", "ezelőtt", or Hungarian "-ja/-e" units. */
const AGO_MARKER = /(\bago\b|\bacum\b|temu|назад|тому|\bvor\b|ezelőtt|órája|perce|napja|hete|hónapja|éve)/iu;
/** Words of no weight between quantities: "and", "etwa", commas. */
const FILLER = /^(and|și|si|i|oraz|и|і|та|und|és|etwa|about|around|около|близько|około|circa)$/u;
const DAYS_BACK: readonly (readonly [RegExp, number])[] = [
  [/(day before yesterday|alaltăieri|przedwczoraj|позавчера|позавчора|vorgestern|tegnapelőtt)/iu, 2],
  [/(yesterday|ieri|wczoraj|вчера|вчора|gestern|tegnap)/iu, 1],
  [/(today|astăzi|azi|dzisiaj|dziś|сегодня|сьогодні|heute|\bma\b(?=[\s,]*\d{1,2}[:.]\d{2}))/iu, 0],
];
const CLOCK = /(\d{1,2})[:.](\d{2})(?!\d)/;
/** "just now", "chiar acum", "przed chwilą", "только что", "щойно", "gerade eben": the fetch time. */
const JUST_NOW =
  /^[\s(]*(just now|right now|chiar acum|acum câteva (?:clipe|secunde)|przed chwilą|chwilę temu|только что|щойно|gerade eben|soeben|az imént|éppen most)[\s).]*$/iu;
/** A text that is only a clock time ("14:05", "9:30 am"): see {@link parseClockTime}. */
const BARE_CLOCK = /^\s*(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\.?)?\s*$/i;

/** The unit a word names; "год." (Ukrainian hours) keeps its dot, apart from "год" (Russian year). */
function unitOf(word: string): Unit | null {
  const bare = word === 'год.' ? word : word.replace(/\.$/, '');
  for (const [unit, pattern] of UNIT_WORDS) if (pattern.test(bare)) return unit;
  return null;
}

/** Sums "2 hours 21 minutes", "1 Jahr, 1 Monat und 1 Woche", "час" (one hour): null when no quantity is named. */
function readOffsets(sample: string): Map<Unit, number> | null {
  const tokens = sample.toLowerCase().match(/\d+|[\p{L}]+\.?/gu) ?? [];
  const offsets = new Map<Unit, number>();
  let pending: number | null = null;
  for (const [index, token] of tokens.entries()) {
    const bare = token.replace(/\.$/, '');
    const next = tokens[index + 1];
    // "an" is one in "an hour" but a year in Romanian "un an": a number word is one before a unit.
    const isOne =
      ONE_WORD.test(bare) && (unitOf(token) === null || (next !== undefined && unitOf(next) !== null));
    if (/^\d+$/.test(bare)) pending = Number(bare);
    else if (isOne) pending = 1;
    else {
      const unit = unitOf(token);
      if (unit !== null && (pending !== null || offsets.size === 0)) {
        offsets.set(unit, (offsets.get(unit) ?? 0) + (pending ?? 1));
        pending = null;
      } else if (!FILLER.test(bare) && !AGO_MARKER.test(bare)) pending = null;
    }
  }
  return offsets.size === 0 ? null : offsets;
}

function subtractOffsets(fetchedMs: number, offsets: ReadonlyMap<Unit, number>): number {
  const date = new Date(fetchedMs);
  const months = (offsets.get('year') ?? 0) * 12 + (offsets.get('month') ?? 0);
  if (months !== 0) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() - months);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  let ms = date.getTime();
  for (const [unit, length] of Object.entries(FIXED_MS)) ms -= (offsets.get(unit as Unit) ?? 0) * length;
  return ms;
}

/**
 * Reads a relative date ("acum 3 ore", "2 godz. 21 min. temu", "вчера, 14:05",
 * "vor 3 Stunden", "2 órája", "3 hours ago", "just now") against the time the
 * page was fetched, as ISO-8601 UTC. Several quantities add up; months and
 * years count calendar months. "Yesterday"/"today" with a clock time are read
 * in `timeZone`; without one, they mean midnight of that day. Returns null
 * when the text holds no relative date.
 */
export function parseRelativeDate(text: string, fetchedAt: string, timeZone: string): string | null {
  const fetchedMs = Date.parse(fetchedAt);
  if (!Number.isFinite(fetchedMs)) return null;
  const sample = text.slice(0, 200);
  if (JUST_NOW.test(sample)) return new Date(fetchedMs).toISOString();
  if (AGO_MARKER.test(sample)) {
    const offsets = readOffsets(sample);
    if (offsets !== null) return new Date(subtractOffsets(fetchedMs, offsets)).toISOString();
  }
  const daysBack = DAYS_BACK.find(([pattern]) => pattern.test(sample))?.[1];
  if (daysBack === undefined) return null;
  const midnight = localMidnightMs(fetchedMs, timeZone);
  if (midnight === null) return null;
  const clock = CLOCK.exec(sample);
  const clockMs = clock === null ? 0 : Number(clock[1]) * HOUR_MS + Number(clock[2]) * MINUTE_MS;
  return new Date(midnight.ms - daysBack * DAY_MS + clockMs - midnight.offsetMs).toISOString();
}

/**
 * Reads a text that is only a clock time ("14:05", "9:30 am"), as pages print
 * for today's articles: today at that time in `timeZone`, or yesterday when
 * today's would lie after the fetch. Returns null for any other text.
 */
export function parseClockTime(text: string, fetchedAt: string, timeZone: string): string | null {
  const fetchedMs = Date.parse(fetchedAt);
  const clock = BARE_CLOCK.exec(text.slice(0, 40));
  if (!Number.isFinite(fetchedMs) || clock === null) return null;
  const [, hour, minute, meridiem] = clock;
  const clockMs = hour24(Number(hour), meridiem) * HOUR_MS + Number(minute) * MINUTE_MS;
  if (clockMs >= DAY_MS || Number(minute) >= 60) return null;
  const midnight = localMidnightMs(fetchedMs, timeZone);
  if (midnight === null) return null;
  const today = midnight.ms + clockMs - midnight.offsetMs;
  // A clock time later than the fetch is yesterday's (a page fetched just after midnight).
  return new Date(today > fetchedMs + MINUTE_MS ? today - DAY_MS : today).toISOString();
}

/** The start of the fetch day in `timeZone` as a wall-clock ms count, with the zone's offset; null for an unknown zone. */
function localMidnightMs(fetchedMs: number, timeZone: string): { ms: number; offsetMs: number } | null {
  try {
    const offsetMs = timeZoneOffsetMs(fetchedMs, timeZone);
    return { ms: Math.floor((fetchedMs + offsetMs) / DAY_MS) * DAY_MS, offsetMs };
  } catch {
    return null;
  }
}

/** A 12-hour clock's hour on the 24-hour clock ("12 am" is 0). */
function hour24(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  return (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}
