import type { Browser, BrowserContext, Request, Route } from 'playwright';
import { FetchError } from './errors.ts';
import { checkHost } from './host-guard.ts';

/** A listing page as a browser shows it once its scripts have run. */
export interface RenderedListing {
  readonly finalUrl: string;
  readonly status: number;
  /** Headers of the page's own answer, names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The rendered document (to tell a block page from a listing). */
  readonly html: string;
  /** Every `a[href]` of the rendered page, absolute. */
  readonly hrefs: readonly string[];
  /** The `href` of the first element matching the next-page selector, absolute. */
  readonly nextPageUrl?: string;
}

/** Renders listing pages in a browser; passed to the crawler (one per run), closed by its owner. */
export interface ListingRenderer {
  /**
   * Loads the page, lets its scripts fetch and insert content, and reads its
   * links. `isAllowed` is asked for every request the page makes (robots.txt
   * of its origin); a refused one is aborted. Throws FetchError.
   */
  render(
    url: string,
    isAllowed: (url: string) => Promise<boolean>,
    nextPageSelector?: string,
  ): Promise<RenderedListing>;
  close(): Promise<void>;
}

export interface ChromiumRendererOptions {
  /** Chromium to drive (Debian's /usr/bin/chromium). */
  readonly executablePath: string;
  readonly userAgent: string;
  readonly allowPrivateHosts: readonly string[];
  /** Time for loading one page and its network settling, ms. */
  readonly timeoutMs: number;
}

/** Resource types a listing does not need: never requested, from any host. */
const SKIPPED_RESOURCES = new Set(['image', 'media', 'font', 'stylesheet', 'texttrack', 'manifest']);
/** After `load`, how long the network must stay quiet for the page's scripts to be done. */
const NETWORK_IDLE_MS = 500;

/**
 * A ListingRenderer on headless Chromium through playwright, started on the
 * first page and reused. Only the page itself and its scripts and data
 * requests to its own site (its host, or a subdomain of it: `static.` of
 * `www.example.ro`) are let through, each after the private-address guard and
 * robots.txt; requests to other hosts (trackers, ads, embeds in frames) and
 * images, media, fonts and styles are never sent. Links need none of them,
 * the page renders lighter, and nothing escapes the crawler's per-host
 * spacing except the page's own sub-requests, made inside its host slot.
 */
export function createChromiumRenderer(options: ChromiumRendererOptions): ListingRenderer {
  let started: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
  const start = async (): Promise<{ browser: Browser; context: BrowserContext }> => {
    const { chromium } = await import('playwright');
    const browser = await chromium.launch({ executablePath: options.executablePath, headless: true });
    const context = await browser.newContext({ userAgent: options.userAgent, javaScriptEnabled: true });
    return { browser, context };
  };
  return {
    async render(url, isAllowed, nextPageSelector) {
      started ??= start();
      const { context } = await started;
      const page = await context.newPage();
      try {
        const siteHosts = new Set([new URL(url).host]);
        await page.route('**/*', (route) =>
          guardRoute(route, { isAllowed, siteHosts, allowPrivateHosts: options.allowPrivateHosts }),
        );
        const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
        await page
          .waitForLoadState('networkidle', { timeout: Math.max(NETWORK_IDLE_MS, options.timeoutMs / 3) })
          .catch(() => undefined); // a page that keeps polling still shows what it has
        const hrefs = await page.$$eval('a[href]', (anchors) =>
          anchors.map((anchor) => (anchor as unknown as { href: string }).href),
        );
        const next =
          nextPageSelector === undefined
            ? null
            : await page
                .locator(nextPageSelector)
                .first()
                .evaluate((element) => (element as unknown as { href?: string }).href ?? null, undefined, {
                  timeout: 1000,
                })
                .catch(() => null);
        return {
          finalUrl: page.url(),
          status: response?.status() ?? 0,
          headers: (await response?.allHeaders()) ?? {},
          html: await page.content(),
          hrefs,
          ...(typeof next === 'string' && next !== '' ? { nextPageUrl: next } : {}),
        };
      } catch (error) {
        if (error instanceof FetchError) throw error;
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        const isTimeout = error instanceof Error && error.name === 'TimeoutError';
        throw new FetchError(`render ${url} in Chromium failed: ${message}`, {
          url,
          reason: isTimeout ? 'timeout' : 'network',
          isRetryable: true,
          cause: error,
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close() {
      if (started === undefined) return;
      const { browser } = await started.catch(() => ({ browser: undefined }));
      started = undefined;
      await browser?.close();
    },
  };
}

interface RouteGuard {
  readonly isAllowed: (url: string) => Promise<boolean>;
  /** Hosts the page lives on: the one asked for, and the one a main-frame redirect led to. */
  readonly siteHosts: Set<string>;
  readonly allowPrivateHosts: readonly string[];
}

async function guardRoute(route: Route, guard: RouteGuard): Promise<void> {
  const request = route.request();
  const url = request.url();
  if (SKIPPED_RESOURCES.has(request.resourceType()) || !/^https?:/.test(url)) {
    await route.abort('blockedbyclient');
    return;
  }
  const isPageItself = isMainFrameNavigation(request);
  const onSite = [...guard.siteHosts].some((host) => isSameSiteHost(url, host));
  if (!isPageItself && !onSite) {
    await route.abort('blockedbyclient');
    return;
  }
  const host = await checkHost(new URL(url), guard.allowPrivateHosts).catch(() => ({ ok: false }));
  const allowed = host.ok && (await guard.isAllowed(url).catch(() => false));
  if (!allowed) {
    await route.abort('blockedbyclient');
    return;
  }
  if (isPageItself) guard.siteHosts.add(new URL(url).host); // a redirect moved the page to this host
  await route.continue();
}

/** The page's own document (or a redirect of it), not a frame or a sub-resource. */
function isMainFrameNavigation(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    return false; // a service worker's request has no frame
  }
}

/**
 * Whether a URL is on a page's site: the page's host itself, or (same port,
 * not an IP address) a host under the page's domain without `www.`
 * (`static.example.ro` for `www.example.ro`).
 */
export function isSameSiteHost(requestUrl: string, pageHost: string): boolean {
  const request = new URL(requestUrl);
  if (request.host === pageHost) return true;
  const page = new URL(`http://${pageHost}`);
  if (request.port !== page.port || isIpAddress(page.hostname)) return false;
  const domain = page.hostname.replace(/^www\./, '');
  return domain.includes('.') && (request.hostname === domain || request.hostname.endsWith(`.${domain}`));
}

function isIpAddress(hostname: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname.startsWith('[');
}
