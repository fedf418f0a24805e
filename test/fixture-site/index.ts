import type http from 'node:http';
import { PressmonError } from '../../core/errors.ts';
import type { CoalitionLanguage } from '../../core/languages.ts';
import type { OutletDefinition, OutletListings } from './outlet.ts';
import { type RequestLogEntry, type RunningOutlet, startOutletServer } from './outlet-server.ts';
import { EN_OUTLET } from './outlets/en-fixture.ts';
import { PL_OUTLET } from './outlets/pl-fixture.ts';
import { RO_OUTLET } from './outlets/ro-fixture.ts';
import { RU_UK_OUTLET } from './outlets/ru-uk-fixture.ts';

export type { OutletListings } from './outlet.ts';
export type { RequestLogEntry } from './outlet-server.ts';
export { EN_BROKEN_LINKS, EN_REDIRECT } from './outlets/en-fixture.ts';
export { RO_SEARCH } from './outlets/ro-fixture.ts';
export { RU_UK_JS_SECTION } from './outlets/ru-uk-fixture.ts';

/** The outlets in port order: basePort + 0 … basePort + 3. */
export const FIXTURE_OUTLETS: readonly OutletDefinition[] = [RO_OUTLET, PL_OUTLET, EN_OUTLET, RU_UK_OUTLET];

/** The port the committed source configs (sources/**.yaml) name for the first outlet. */
export const DEFAULT_BASE_PORT = 47801;
/** Default delay of the slow page, ms. */
export const DEFAULT_SLOW_MS = 3000;

/** One running outlet. */
export interface FixtureOutlet {
  readonly id: string;
  readonly name: string;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  readonly port: number;
  /** Main language (the first of `languages`). */
  readonly language: CoalitionLanguage;
  readonly languages: readonly CoalitionLanguage[];
  /** Where the outlet lists its articles (paths on `baseUrl`). */
  readonly listings: OutletListings;
}

/** The running fixture news site. */
export interface FixtureSite {
  readonly outlets: readonly FixtureOutlet[];
  /** Every request any outlet received, in arrival order (live: it grows). */
  readonly requests: readonly RequestLogEntry[];
  /** The outlet with this id; throws when there is none. */
  outlet(id: string): FixtureOutlet;
  close(): Promise<void>;
}

export interface FixtureSiteOptions {
  /**
   * Port of the first outlet; the others follow. Default 47801 (what sources/*.yaml name).
   * 0 puts every outlet on a free port the system picks (no clash with anything).
   */
  readonly basePort?: number;
  /** How long the slow page waits before answering, ms. Default 3000. */
  readonly slowMs?: number;
  /** Every article page answers only after this many ms (for crawls interrupted mid-way). Default 0. */
  readonly articleDelayMs?: number;
}

/** The fixture site could not start (usually: a port is taken). */
export class FixtureSiteStartError extends PressmonError {
  override readonly name = 'FixtureSiteStartError';
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Starts the fixture news site: one HTTP server per outlet on 127.0.0.1, ports
 * basePort … basePort + 3 (or free ports with basePort 0). Everything is served from memory; nothing touches
 * the network beyond loopback.
 */
export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const basePort = options.basePort ?? DEFAULT_BASE_PORT;
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const requests: RequestLogEntry[] = [];
  const servers: http.Server[] = [];
  const outlets: FixtureOutlet[] = [];
  for (const definition of FIXTURE_OUTLETS) {
    const requestedPort = basePort === 0 ? 0 : basePort + definition.portOffset;
    let running: RunningOutlet;
    try {
      running = await startOutletServer(
        definition,
        requestedPort,
        {
          slowMs,
          ...(options.articleDelayMs === undefined ? {} : { articleDelayMs: options.articleDelayMs }),
        },
        requests,
      );
    } catch (error) {
      await Promise.all(servers.map(closeServer));
      throw new FixtureSiteStartError(
        `start fixture outlet ${definition.id} on 127.0.0.1:${requestedPort} failed: is the port taken (another fixture site running)? Pass another basePort.`,
        { cause: error },
      );
    }
    servers.push(running.server);
    const [language = 'en', ...others] = definition.languages;
    outlets.push({
      id: definition.id,
      name: definition.name,
      baseUrl: running.baseUrl,
      port: running.port,
      language,
      languages: [language, ...others],
      listings: definition.listings,
    });
  }
  return {
    outlets,
    requests,
    outlet(id: string): FixtureOutlet {
      const found = outlets.find((outlet) => outlet.id === id);
      if (found === undefined) throw new Error(`fixture site has no outlet ${id}`);
      return found;
    },
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}

/**
 * Rewrites the default fixture ports (47801…47804) in a value (a URL, a loaded
 * SourceConfig) to those of a site started on another basePort.
 */
export function withFixturePorts<T>(value: T, site: FixtureSite): T {
  let json = JSON.stringify(value);
  for (const definition of FIXTURE_OUTLETS) {
    const outlet = site.outlet(definition.id);
    json = json.replaceAll(
      `127.0.0.1:${DEFAULT_BASE_PORT + definition.portOffset}`,
      `127.0.0.1:${outlet.port}`,
    );
  }
  return JSON.parse(json) as T;
}
