import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { ConfigError } from '../../core/errors.ts';
import { coalitionFirst } from '../../dashboards/server/routes/trends.ts';
import type { PressmonConfig } from '../../config/types.ts';

const HASH = `scrypt.32768.8.1.${'A'.repeat(22)}.${'B'.repeat(43)}`;

describe('dashboard settings', () => {
  it('reads users (name:email:hash), the API token and the session secret', () => {
    const settings = loadSettings({
      PRESSMON_DASHBOARD_USERS: `ana:ana@ngo.ro:${HASH}, piotr::${HASH}`,
      PRESSMON_DASHBOARD_API_TOKEN: 't'.repeat(32),
      PRESSMON_DASHBOARD_SESSION_SECRET: 's'.repeat(40),
      PRESSMON_DASHBOARD_HOST: '0.0.0.0',
    });
    expect(settings.dashboardUsers).toEqual([
      { name: 'ana', email: 'ana@ngo.ro', passwordHash: HASH },
      { name: 'piotr', email: null, passwordHash: HASH },
    ]);
    expect(settings.dashboardApiToken).toBe('t'.repeat(32));
    expect(settings.dashboardSessionSecret).toBe('s'.repeat(40));
    expect(settings.dashboardHost).toBe('0.0.0.0');
  });

  it('defaults to no users, no token, a random session key and 127.0.0.1', () => {
    const settings = loadSettings({});
    expect(settings.dashboardUsers).toEqual([]);
    expect(settings.dashboardApiToken).toBeNull();
    expect(settings.dashboardSessionSecret).toBeNull();
    expect(settings.dashboardHost).toBe('127.0.0.1');
  });

  it.each([
    [{ PRESSMON_DASHBOARD_USERS: 'ana:ana@ngo.ro:secret' }, 'hash must be scrypt'],
    [{ PRESSMON_DASHBOARD_USERS: `ana:not-an-email:${HASH}` }, 'not an e-mail address'],
    [{ PRESSMON_DASHBOARD_USERS: `ana::${HASH},ana::${HASH}` }, 'listed twice'],
    [{ PRESSMON_DASHBOARD_USERS: `a/b::${HASH}` }, 'name:email:hash'],
    [{ PRESSMON_DASHBOARD_API_TOKEN: 'short' }, 'at least 32'],
    [{ PRESSMON_DASHBOARD_SESSION_SECRET: 'short' }, 'at least 32'],
  ])('refuses %j', (env, words) => {
    expect(() => loadSettings(env)).toThrow(ConfigError);
    expect(() => loadSettings(env)).toThrow(words);
  });

  it('never repeats a password hash in its messages', () => {
    expect(() => loadSettings({ PRESSMON_DASHBOARD_USERS: 'ana:bad:supersecret' })).not.toThrow(
      /supersecret/,
    );
  });
});

describe('organisations: coalition members first', () => {
  it('puts members first, then by mentions', () => {
    const config = {
      organisations: [
        { id: 'cnrr', kind: 'coalition-member' },
        { id: 'igi', kind: 'public-body' },
      ],
    } as unknown as PressmonConfig;
    expect(
      coalitionFirst(
        [
          { key: 'igi', count: 9 },
          { key: 'cnrr', count: 2 },
          { key: 'other', count: 3 },
        ],
        config,
      ).map((bucket) => bucket.key),
    ).toEqual(['cnrr', 'igi', 'other']);
  });
});
