import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { ConfigError } from '../../core/errors.ts';
import { createEsClient, esClientOptions } from '../../indexer/es-client.ts';

describe('esClientOptions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pressmon-es-client-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('points at the embedded node on loopback without credentials', () => {
    const options = esClientOptions(loadSettings({ PRESSMON_ES_PORT: '9277' }));
    expect(options).toMatchObject({ node: 'http://127.0.0.1:9277', maxRetries: 3, requestTimeout: 30_000 });
    expect(options.auth).toBeUndefined();
  });

  it('passes an API key or basic credentials to an external cluster', () => {
    const withKey = esClientOptions(
      loadSettings({ PRESSMON_ES_URL: 'https://es.example.org:9200', PRESSMON_ES_API_KEY: 'a2V5' }),
    );
    expect(withKey).toMatchObject({ node: 'https://es.example.org:9200', auth: { apiKey: 'a2V5' } });
    const withPassword = esClientOptions(
      loadSettings({
        PRESSMON_ES_URL: 'https://es.example.org:9200',
        PRESSMON_ES_USERNAME: 'pressmon',
        PRESSMON_ES_PASSWORD: 's3cret',
      }),
    );
    expect(withPassword.auth).toEqual({ username: 'pressmon', password: 's3cret' });
  });

  it('reads the CA file from disk into tls.ca', async () => {
    const caFile = path.join(dir, 'ca.pem');
    await writeFile(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const options = esClientOptions(
      loadSettings({ PRESSMON_ES_URL: 'https://es.example.org:9200', PRESSMON_ES_CA_FILE: caFile }),
    );
    expect(String(options.tls?.ca)).toContain('BEGIN CERTIFICATE');
  });

  it('names a missing CA file in a ConfigError', () => {
    const caFile = path.join(dir, 'missing.pem');
    const settings = loadSettings({
      PRESSMON_ES_URL: 'https://es.example.org:9200',
      PRESSMON_ES_CA_FILE: caFile,
    });
    expect(() => createEsClient(settings)).toThrow(ConfigError);
    expect(() => createEsClient(settings)).toThrow(`${caFile} (PRESSMON_ES_CA_FILE)`);
  });
});
