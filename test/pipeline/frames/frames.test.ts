import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow, type PressmonConfig } from '../../../config/index.ts';
import type { Frame } from '../../../config/types.ts';
import type { DetectedLanguageCode } from '../../../core/languages.ts';
import {
  type CompiledFrames,
  compileFrames,
  findTerminology,
  scoreFrames,
} from '../../../pipeline/frames/index.ts';
import { compileTopics, runTopicExamples } from '../../../pipeline/topics/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let config: PressmonConfig;
let compiled: CompiledFrames;
beforeAll(async () => {
  // The real lexicons (config/frames.yaml).
  config = await loadConfigOrThrow({
    configDir: path.join(ROOT, 'config'),
    sourcesDir: path.join(ROOT, 'config/sources'),
  });
  compiled = compileFrames(config.frames, config.terminology);
});

function frameIds(language: DetectedLanguageCode, title: string, body: string): string[] {
  return scoreFrames(compiled, { title, lead: null, body, language }).map((frame) => frame.id);
}

/** `id:count` of every terminology label used. */
function labels(body: string, title = ''): string[] {
  return findTerminology(compiled, { title, lead: null, body }).map(({ id, count }) => `${id}:${count}`);
}

describe('the frame lexicons', () => {
  it('has the eight frames', () => {
    expect(config.frames.map((frame) => frame.id).sort()).toEqual([
      'crime',
      'cultural',
      'economic_burden',
      'economic_contribution',
      'human_interest_voice',
      'humanitarian_victim',
      'legal_procedural',
      'security_threat',
    ]);
  });

  it('passes its own examples', () => {
    const failures = runTopicExamples(compileTopics(config.frames, null), config.frames).filter(
      (result) => !result.passed,
    );
    expect(failures).toEqual([]);
  });
});

describe('scoreFrames', () => {
  it('finds the security frame from loaded metaphors in five languages', () => {
    expect(
      frameIds('ro', 'Un nou val de migranți la graniță', 'Guvernul vorbește despre invazie.'),
    ).toContain('security_threat');
    expect(frameIds('pl', 'Fala migracji na granicy z Białorusią', 'Politycy mówią o inwazji.')).toContain(
      'security_threat',
    );
    expect(frameIds('en', 'An influx at the border', 'Ministers warned of an invasion.')).toContain(
      'security_threat',
    );
    expect(frameIds('ru', 'Наплыв мигрантов', 'Власти говорят об угрозе.')).toContain('security_threat');
    expect(frameIds('uk', 'Хвиля мігрантів', 'Політики говорять про загрозу.')).toContain('security_threat');
  });

  it('explains a frame by the terms that matched, as written, with field and count', () => {
    const [frame] = scoreFrames(compiled, {
      title: 'Nielegalni imigranci zatrzymani',
      lead: null,
      body: 'Przemytnicy zostali zatrzymani. Przemytnik uciekł.',
      language: 'pl',
    });
    expect(frame?.id).toBe('crime');
    expect(frame?.terms).toEqual(
      expect.arrayContaining([
        { term: 'nielegal*', field: 'title', text: 'Nielegalni', count: 1 },
        { term: 'przemyt*', field: 'body', text: 'Przemytnicy', count: 2 },
      ]),
    );
  });

  it('ranks the humanitarian frame first in a rescue story', () => {
    const frames = frameIds(
      'en',
      'Volunteers rescued children from hypothermia',
      'Humanitarian aid reached the victims who fled the war.',
    );
    expect(frames[0]).toBe('humanitarian_victim');
  });

  it('does not take a heat wave or social security for the security frame', () => {
    expect(frameIds('en', 'A heat wave', 'Social security payments rise.')).not.toContain('security_threat');
    expect(frameIds('ro', 'Val de căldură', 'Securitate socială pentru pensionari.')).not.toContain(
      'security_threat',
    );
  });

  it('finds nothing in a text that uses none of the frames', () => {
    expect(frameIds('ro', 'Vremea de mâine', 'Cer senin în toată țara.')).toEqual([]);
  });

  it('scores frames built by hand like topics', () => {
    const frame: Frame = {
      id: 'wave',
      labels: {},
      description: 'test',
      weight: 2,
      terms: { en: ['wave'] },
      exclusions: {},
      examples: { match: [], noMatch: [] },
      file: 'frames.yaml',
    };
    const own = compileFrames([frame], []);
    expect(scoreFrames(own, { title: '', lead: null, body: 'A wave.', language: 'en' })).toEqual([
      { id: 'wave', score: 2, terms: [{ term: 'wave', field: 'body', text: 'wave', count: 1 }] },
    ]);
  });
});

describe('findTerminology', () => {
  it('labels the words for people in Romanian, a longer term winning', () => {
    expect(
      labels('Imigranții ilegali și refugiații ucraineni; solicitanții de azil și expații din București.'),
    ).toEqual(['asylum_seeker:1', 'expat:1', 'illegal_immigrant:1', 'refugee:1']);
  });

  it('labels Polish, Russian and Ukrainian words in their cases', () => {
    expect(labels('Nielegalni imigranci, uchodźcy i uchodźców. Cudzoziemcy czekają.')).toEqual([
      'refugee:2',
      'foreigner:1',
      'illegal_immigrant:1',
    ]);
    expect(labels('Беженцы и беженцев; нелегалы; гастарбайтеры.')).toEqual([
      'refugee:2',
      'foreign_worker:1',
      'illegal_immigrant:1',
    ]);
    expect(labels('Біженці, внутрішньо переміщені особи та шукачі притулку.')).toEqual([
      'asylum_seeker:1',
      'displaced_person:1',
      'refugee:1',
    ]);
  });

  it('tells irregular from illegal in English', () => {
    expect(labels('Illegal immigrants, irregular migrants, migrants and refugees.')).toEqual([
      'illegal_immigrant:1',
      'irregular_migrant:1',
      'migrant:1',
      'refugee:1',
    ]);
  });

  it('keeps the words as written, per field, under the first term that matched them', () => {
    const [use] = findTerminology(compiled, { title: 'Refugees', lead: null, body: 'refugees, a refugee' });
    expect(use).toEqual({
      id: 'refugee',
      count: 3,
      terms: [
        { term: 'refugee', field: 'title', text: 'Refugees', count: 1 },
        { term: 'refugee', field: 'body', text: 'refugees', count: 2 },
      ],
    });
  });

  it('does not count an illegal building as a person', () => {
    expect(labels('Construcție ilegală demolată; nielegalne budowy.')).toEqual([]);
  });
});
