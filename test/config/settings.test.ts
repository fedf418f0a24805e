import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { ConfigError, redactSecrets } from '../../core/errors.ts';

describe('loadSettings', () => {
  it('defaults to the embedded Elasticsearch on 127.0.0.1:9200 with a 1g heap', () => {
    const settings = loadSettings({});
    expect(settings.elasticsearch).toEqual({
      kind: 'embedded',
      url: 'http://127.0.0.1:9200',
      port: 9200,
      heap: '1g',
    });
    expect(settings.indexPrefix).toBe('pressmon');
    expect(settings.sourcesDir.endsWith('config/sources')).toBe(true);
  });

  it('switches to an external cluster when PRESSMON_ES_URL is set, with an API key', () => {
    const settings = loadSettings({
      PRESSMON_ES_URL: 'https://es.example.org:9243',
      PRESSMON_ES_API_KEY: 'k',
    });
    expect(settings.elasticsearch).toEqual({
      kind: 'external',
      url: 'https://es.example.org:9243',
      auth: { kind: 'api-key', apiKey: 'k' },
      caFile: null,
    });
  });

  it('takes user and password with a CA file', () => {
    const settings = loadSettings({
      PRESSMON_ES_URL: 'https://es.example.org',
      PRESSMON_ES_USERNAME: 'pressmon',
      PRESSMON_ES_PASSWORD: 'pw',
      PRESSMON_ES_CA_FILE: '/etc/ssl/es-ca.pem',
    });
    expect(settings.elasticsearch).toMatchObject({
      auth: { kind: 'basic', username: 'pressmon', password: 'pw' },
      caFile: '/etc/ssl/es-ca.pem',
    });
  });

  it.each([
    [{ PRESSMON_ES_PORT: 'ninety' }, /PRESSMON_ES_PORT must be a port number/],
    [{ PRESSMON_ES_HEAP: '2 gigs' }, /PRESSMON_ES_HEAP must look like 512m or 1g/],
    [{ PRESSMON_ES_URL: 'es.example.org' }, /PRESSMON_ES_URL must start with http/],
    [{ PRESSMON_ES_URL: 'https://x', PRESSMON_ES_USERNAME: 'u' }, /PRESSMON_ES_PASSWORD is not/],
    [{ PRESSMON_ES_URL: 'https://x', PRESSMON_ES_API_KEY: 'k', PRESSMON_ES_USERNAME: 'u' }, /not both/],
    [{ PRESSMON_INDEX_PREFIX: 'Press Mon' }, /PRESSMON_INDEX_PREFIX/],
    [{ PRESSMON_LOG_LEVEL: 'loud' }, /PRESSMON_LOG_LEVEL must be one of/],
  ])('rejects %o with a message naming the setting', (env, message) => {
    expect(() => loadSettings(env)).toThrow(ConfigError);
    expect(() => loadSettings(env)).toThrow(message);
  });
});

describe('redactSecrets', () => {
  it('hides passwords in URLs and key=value pairs', () => {
    expect(redactSecrets('GET https://elastic:hunter2@es.example.org/_bulk failed')).toBe(
      'GET https://elastic:***@es.example.org/_bulk failed',
    );
    expect(redactSecrets('apiKey: abc123 password=xyz')).toBe('apiKey: *** password=***');
  });
});
