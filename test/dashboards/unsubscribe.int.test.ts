import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../digest/unsubscribe.ts';
import { getUnsubscription, listUnsubscriptions } from '../../indexer/unsubscriptions.ts';
import { CONTENT_SECURITY_POLICY } from '../../dashboards/server/security-headers.ts';
import {
  ANALYST,
  type DashboardsFixture,
  DIGEST_SECRET,
  startFixtureDashboards,
} from './support/dashboards-fixture.ts';

// The members of the real config/members.yaml (fictitious example.org addresses).
const JAN = 'jan.przyklad@example.org'; // language pl
const SAM = 'sam.example@example.org'; // language en
const ONE_CLICK = 'List-Unsubscribe=One-Click';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** Where a webmail's servers would say the POST comes from, if they said anything. */
const MAIL_ORIGIN = { origin: 'https://mail.example.com' };

let fixture: DashboardsFixture;

function link(member: string, token = unsubscribeToken(DIGEST_SECRET, member)): string {
  return `${fixture.url}/digest/unsubscribe?${new URLSearchParams({ member, token })}`;
}

async function postOneClick(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    body: ONE_CLICK,
    ...init,
    headers: { ...FORM, ...MAIL_ORIGIN, ...(init.headers ?? {}) },
  });
}

beforeAll(async () => {
  fixture = await startFixtureDashboards('dash-unsub');
});

afterAll(async () => {
  await fixture?.close();
});

describe('GET /digest/unsubscribe (the link opened in a browser, or by a mail scanner)', () => {
  it("shows a confirmation page in the member's language whose button POSTs, and records nothing", async () => {
    const response = await fetch(link(JAN), { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain(`Przestać wysyłać cotygodniowy przegląd prasy na adres <strong>${JAN}</strong>?`);
    expect(html).toMatch(
      /<form method="post" action="&#x2F;digest&#x2F;unsubscribe\?member=jan\.przyklad%40example\.org&amp;token=[\w-]{22}">/,
    );
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(html).not.toMatch(/<script/i);
    expect(await getUnsubscription(fixture.client, fixture.prefix, JAN)).toBeNull();
  });

  it("uses the browser's language for an address that is not in members.yaml", async () => {
    const response = await fetch(link('former@example.org'), {
      headers: { 'accept-language': 'ro-RO,ro;q=0.9' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="ro">');
  });

  it('answers 400 with a message for a wrong, missing or repeated token, and records nothing', async () => {
    const wrong = await fetch(link(SAM, 'A'.repeat(22)), { headers: { 'accept-language': 'pl' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Ten link do wypisania się jest nieprawidłowy');
    const missing = await fetch(`${fixture.url}/digest/unsubscribe?member=${encodeURIComponent(SAM)}`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('This unsubscribe link is not valid');
    const token = unsubscribeToken(DIGEST_SECRET, SAM);
    const repeated = await fetch(`${link(SAM)}&token=${token}`);
    expect(repeated.status).toBe(400);
    // Another member's token does not fit this address.
    expect((await fetch(link(SAM, unsubscribeToken(DIGEST_SECRET, JAN)))).status).toBe(400);
    expect(await getUnsubscription(fixture.client, fixture.prefix, SAM)).toBeNull();
  });
});

describe('POST /digest/unsubscribe (RFC 8058 one-click, cross-site, no login)', () => {
  it('records the unsubscription and answers 200 at once, without a redirect', async () => {
    const before = Date.now();
    const response = await postOneClick(link(SAM));
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toBe('unsubscribed\n');
    const record = await getUnsubscription(fixture.client, fixture.prefix, SAM);
    expect(record).toMatchObject({ member: SAM, status: 'unsubscribed', method: 'one-click' });
    expect(Date.parse(record?.unsubscribedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('is idempotent: a second POST keeps the first time and method', async () => {
    const first = await getUnsubscription(fixture.client, fixture.prefix, SAM);
    const again = await postOneClick(link(SAM));
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('already unsubscribed\n');
    const record = await getUnsubscription(fixture.client, fixture.prefix, SAM);
    expect(record?.unsubscribedAt).toBe(first?.unsubscribedAt);
    expect(record?.history).toHaveLength(1);
  });

  it('accepts the body as multipart/form-data, the encoding RFC 8058 recommends', async () => {
    const member = 'multipart@example.org';
    const body = new FormData();
    body.set('List-Unsubscribe', 'One-Click');
    const response = await fetch(link(member), { method: 'POST', body, headers: MAIL_ORIGIN });
    expect(response.status).toBe(200);
    expect((await getUnsubscription(fixture.client, fixture.prefix, member))?.method).toBe('one-click');
  });

  it("records the confirmation page's button as `page` and answers with a page", async () => {
    const response = await fetch(link(JAN), {
      method: 'POST',
      redirect: 'manual',
      body: `${ONE_CLICK}&via=page`,
      headers: { ...FORM, origin: fixture.url },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain(`Adres <strong>${JAN}</strong> został wypisany`);
    expect((await getUnsubscription(fixture.client, fixture.prefix, JAN))?.method).toBe('page');
    const listed = await listUnsubscriptions(fixture.client, fixture.prefix);
    expect(listed.map((record) => record.member)).toEqual([
      'jan.przyklad@example.org',
      'multipart@example.org',
      SAM,
    ]);
  });

  it('answers 400 and records nothing for a bad token or a body that is not the one-click one', async () => {
    const member = 'careful@example.org';
    const bad = await postOneClick(link(member, 'x'.repeat(22)));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('bad or missing unsubscribe token');
    const noBody = await fetch(link(member), { method: 'POST', headers: MAIL_ORIGIN });
    expect(noBody.status).toBe(400);
    const wrongBody = await postOneClick(link(member), { body: 'List-Unsubscribe=Yes' });
    expect(wrongBody.status).toBe(400);
    expect(await wrongBody.text()).toContain('List-Unsubscribe=One-Click');
    expect(await getUnsubscription(fixture.client, fixture.prefix, member)).toBeNull();
  });
});

describe('the other POSTs stay protected', () => {
  it('a cross-site form post to the API is still refused (415), with or without a session', async () => {
    const login = await fetch(`${fixture.url}/api/login`, {
      method: 'POST',
      headers: { ...FORM, ...MAIL_ORIGIN },
      body: new URLSearchParams({ username: ANALYST.name, password: ANALYST.password }).toString(),
    });
    expect(login.status).toBe(415);
    const saved = await fetch(`${fixture.url}/api/saved-searches`, {
      method: 'POST',
      headers: { ...FORM, ...MAIL_ORIGIN },
      body: 'name=x&query=y',
    });
    expect([401, 415]).toContain(saved.status);
  });

  it('a JSON login from another origin is still 403', async () => {
    const response = await fetch(`${fixture.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...MAIL_ORIGIN },
      body: JSON.stringify({ username: ANALYST.name, password: ANALYST.password }),
    });
    expect(response.status).toBe(403);
  });
});

describe('the confirmation page in Chromium, JavaScript off', () => {
  it('the button submits under the CSP and the page says it is done', async () => {
    const member = 'browser@example.org';
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ro-RO' });
      const page = await context.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
      });
      await page.goto(link(member));
      expect(await page.locator('h1').textContent()).toBe('Dezabonare de la revista presei săptămânală');
      expect(await getUnsubscription(fixture.client, fixture.prefix, member)).toBeNull();
      await Promise.all([page.waitForURL(/\/digest\/unsubscribe/), page.getByRole('button').click()]);
      await page.waitForSelector('main p');
      expect(await page.locator('main p').textContent()).toBe(
        `${member} este dezabonat: nu mai trimitem reviste săptămânale la această adresă.`,
      );
      expect(cspViolations).toEqual([]);
      expect((await getUnsubscription(fixture.client, fixture.prefix, member))?.method).toBe('page');
    } finally {
      await browser.close();
    }
  });
});

describe('unsubscribe requests are rate-limited per client address', () => {
  let limited: DashboardsFixture;
  beforeAll(async () => {
    limited = await startFixtureDashboards('dash-unsub-limit', {
      unsubscribeLimit: { max: 3, windowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('the fourth POST within the window is 429 and records nothing', async () => {
    const url = (member: string): string =>
      `${limited.url}/digest/unsubscribe?${new URLSearchParams({ member, token: unsubscribeToken(DIGEST_SECRET, member) })}`;
    for (const n of [1, 2, 3]) {
      expect((await postOneClick(url(`limit-${n}@example.org`))).status).toBe(200);
    }
    expect((await postOneClick(url('limit-4@example.org'))).status).toBe(429);
    expect(await getUnsubscription(limited.client, limited.prefix, 'limit-4@example.org')).toBeNull();
  });
});
