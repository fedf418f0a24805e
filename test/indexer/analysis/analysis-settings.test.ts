import { describe, expect, it } from 'vitest';
import { KNOWN_LANGUAGES } from '../../../core/languages.ts';
import {
  ANALYZER_BY_LANGUAGE,
  articleAnalysisSettings,
  CORE_TOKEN_FILTERS,
  DEFAULT_ANALYZER,
  FOLDED_ANALYZER,
  filterTypesUsed,
  PLUGIN_TOKEN_FILTERS,
} from '../../../indexer/analysis.ts';

const { analysis } = articleAnalysisSettings();
const knownTypes = new Set<string>([...CORE_TOKEN_FILTERS, ...PLUGIN_TOKEN_FILTERS]);

describe('articleAnalysisSettings', () => {
  it('defines an analyzer and a folded analyzer for each coalition language and Hungarian', () => {
    for (const language of ['ro', 'pl', 'en', 'ru', 'uk', 'hu']) {
      expect(analysis.analyzer).toHaveProperty(`pressmon_${language}`);
      expect(analysis.analyzer).toHaveProperty(`pressmon_${language}_folded`);
    }
    expect(analysis.analyzer).toHaveProperty(FOLDED_ANALYZER);
    expect(analysis.analyzer).toHaveProperty(DEFAULT_ANALYZER);
  });

  it('lets every analyzer use only filters defined in the settings, core filters or plugin filters', () => {
    for (const [name, analyzer] of Object.entries(analysis.analyzer)) {
      expect(analyzer.tokenizer, name).toBe('standard');
      for (const filter of analyzer.filter) {
        const isDefined = filter in analysis.filter || knownTypes.has(filter);
        expect(isDefined, `${name} uses unknown filter ${filter}`).toBe(true);
      }
    }
  });

  it('gives every defined filter a core or plugin type, and uses every defined filter', () => {
    const used = new Set(Object.values(analysis.analyzer).flatMap((analyzer) => analyzer.filter));
    for (const [name, definition] of Object.entries(analysis.filter)) {
      expect(knownTypes.has(definition.type), `${name} has type ${definition.type}`).toBe(true);
      expect(used.has(name), `${name} is defined but unused`).toBe(true);
    }
  });

  it('names no filter of analysis-common, which the integ-test distribution lacks', () => {
    const analysisCommon = [
      'asciifolding',
      'snowball',
      'stemmer',
      'elision',
      'mapping',
      'unique',
      'remove_duplicates',
    ];
    for (const type of filterTypesUsed(analysis)) expect(analysisCommon).not.toContain(type);
  });

  it('folds diacritics in every folded analyzer, after stemming', () => {
    for (const [name, analyzer] of Object.entries(analysis.analyzer)) {
      if (!name.endsWith('_folded')) continue;
      expect(analyzer.filter, name).toContain('pressmon_fold');
      expect(analyzer.filter.indexOf('pressmon_fold'), name).toBeGreaterThan(
        analyzer.filter.indexOf('pressmon_fold_keep'),
      );
    }
  });

  it('maps Romanian cedilla letters before Romanian stop words and stemming', () => {
    const ro = analysis.analyzer.pressmon_ro?.filter ?? [];
    expect(ro.indexOf('pressmon_romanian_cedilla')).toBeGreaterThan(-1);
    expect(ro.indexOf('pressmon_romanian_cedilla')).toBeLessThan(ro.indexOf('pressmon_ro_stem'));
    expect(analysis.analyzer[FOLDED_ANALYZER]?.filter).toContain('pressmon_romanian_cedilla');
  });

  it('reports the plugin and core filter types it needs', () => {
    const types = filterTypesUsed(analysis);
    expect(types).toEqual(
      expect.arrayContaining(['lowercase', 'stop', 'pressmon_fold', 'pressmon_snowball']),
    );
    expect(types.every((type) => knownTypes.has(type))).toBe(true);
  });
});

describe('ANALYZER_BY_LANGUAGE', () => {
  it('has analyzers that exist for every known language and und', () => {
    for (const language of [...KNOWN_LANGUAGES, 'und'] as const) {
      const names = ANALYZER_BY_LANGUAGE[language];
      expect(analysis.analyzer, language).toHaveProperty(names.analyzer);
      expect(analysis.analyzer, language).toHaveProperty(names.folded);
    }
  });

  it('sends undetermined text to the default analyzer', () => {
    expect(ANALYZER_BY_LANGUAGE.und).toEqual({ analyzer: DEFAULT_ANALYZER, folded: DEFAULT_ANALYZER });
    expect(ANALYZER_BY_LANGUAGE.ro).toEqual({ analyzer: 'pressmon_ro', folded: 'pressmon_ro_folded' });
  });
});
