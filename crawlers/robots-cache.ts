import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../core/write-atomically.ts';

/** How long a robots.txt is trusted before it is fetched again: 24 h, as RFC 9309 §2.4 advises at most. */
export const ROBOTS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** A robots.txt as kept between runs. */
export interface CachedRobots {
  /** `parsed`: `body` is the file; `absent`: the server answered 4xx (everything allowed). */
  readonly state: 'parsed' | 'absent';
  readonly body: string;
  /** ISO-8601 UTC time of the fetch. */
  readonly fetchedAt: string;
}

/**
 * robots.txt files kept on disk (`<dir>/<sha1 of the robots URL>.json`) with
 * the time they were fetched, so that daily runs and restarted crawls do not
 * fetch them again within `maxAgeMs`. Only readable answers are kept.
 */
export class RobotsCache {
  readonly #dir: string;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(dir: string, options: { maxAgeMs?: number; now?: () => number } = {}) {
    this.#dir = dir;
    this.#maxAgeMs = options.maxAgeMs ?? ROBOTS_MAX_AGE_MS;
    this.#now = options.now ?? Date.now;
  }

  /** The cached file when it is younger than the maximum age, else null. */
  async get(robotsUrl: string): Promise<CachedRobots | null> {
    let entry: CachedRobots & { robotsUrl?: string };
    try {
      entry = JSON.parse(await readFile(this.#fileOf(robotsUrl), 'utf8')) as CachedRobots;
    } catch {
      return null; // none yet, or unreadable: fetch again
    }
    const age = this.#now() - Date.parse(entry.fetchedAt);
    if (!(age >= 0 && age < this.#maxAgeMs) || entry.robotsUrl !== robotsUrl) return null;
    return { state: entry.state, body: entry.body, fetchedAt: entry.fetchedAt };
  }

  async put(robotsUrl: string, entry: CachedRobots): Promise<void> {
    await writeAtomically(this.#fileOf(robotsUrl), `${JSON.stringify({ robotsUrl, ...entry })}\n`);
  }

  #fileOf(robotsUrl: string): string {
    return path.join(this.#dir, `${createHash('sha1').update(robotsUrl).digest('hex')}.json`);
  }
}
