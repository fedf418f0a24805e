import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../../config/index.ts';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { compilePipeline, processPage } from '../../../pipeline/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const PARAGRAPHS = [
  'Consiliul Național Român pentru Refugiați (CNRR) a anunțat că refugiații sosiți la Iași și în București au primit ajutor umanitar.',
  'Potrivit CNRR-ului, solicitanții de azil așteaptă decizia Inspectoratului General pentru Imigrări, iar voluntarii au salvat mai multe familii.',
  'Unii politicieni vorbesc despre un val de migranți, dar organizațiile spun că este vorba despre oameni care au fugit de război din Ucraina.',
];

function page(): FetchedPage {
  const body = PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
  return {
    sourceId: 'example-ro',
    url: 'https://news.example.ro/refugiati-iasi',
    finalUrl: 'https://news.example.ro/refugiati-iasi',
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: `<html lang="ro"><head><title>Refugiați la Iași</title></head><body><article><h1>Refugiați la Iași</h1>${body}</article></body></html>`,
    fetchedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('processPage with the compiled pipeline', () => {
  it('fills organisations, places, frames and terminology from the real config', async () => {
    const config = await loadConfigOrThrow({
      configDir: path.join(ROOT, 'config'),
      sourcesDir: path.join(ROOT, 'config/sources'),
    });
    const source = {
      id: 'example-ro',
      name: 'Example',
      country: 'ro',
      languages: ['ro'],
      timeZone: 'Europe/Bucharest',
    } as const;
    const result = processPage(page(), { source, compiled: compilePipeline(config) });
    if (!result.ok) throw new Error(`not processed: ${result.reason} ${result.detail}`);
    const { article } = result;
    expect(article.organisations).toEqual([
      { id: 'cnrr', name: 'Consiliul Național Român pentru Refugiați', count: 3 },
      { id: 'igi', name: 'Inspectoratul General pentru Imigrări', count: 1 },
    ]);
    expect(article.places.map((place) => place.id)).toEqual(['iasi', 'bucuresti', 'ukraine']);
    expect(article.frames.map((frame) => frame.id)).toEqual(
      expect.arrayContaining(['humanitarian_victim', 'security_threat', 'legal_procedural']),
    );
    expect(article.terminology.map((use) => use.id)).toEqual(
      expect.arrayContaining(['refugee', 'asylum_seeker', 'migrant']),
    );
  });
});
