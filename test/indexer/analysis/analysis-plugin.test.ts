import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_TOKEN_FILTERS } from '../../../indexer/analysis.ts';
import {
  ANALYSIS_PLUGIN_NAME,
  analysisPluginStamp,
  artifactJarName,
  luceneVersionFromLibFiles,
  pluginDependencies,
  pluginDescriptor,
} from '../../../indexer/local-node/analysis-plugin.ts';

const SOURCE_DIR = path.resolve(import.meta.dirname, '../../../indexer/local-node/analysis-plugin/src');

describe('pluginDescriptor', () => {
  it('names the plugin, its class and the exact Elasticsearch version', () => {
    const descriptor = pluginDescriptor('8.19.21');
    expect(descriptor).toContain(`name=${ANALYSIS_PLUGIN_NAME}\n`);
    expect(descriptor).toContain('elasticsearch.version=8.19.21\n');
    expect(descriptor).toContain('java.version=21\n');
    expect(descriptor).toContain('classname=org.pressmon.analysis.PressmonAnalysisPlugin\n');
  });
});

describe('luceneVersionFromLibFiles', () => {
  it('reads the version of lucene-core among the lib jars', () => {
    const files = [
      'lucene-analysis-common-9.12.2.jar',
      'lucene-core-9.12.2.jar',
      'elasticsearch-8.19.21.jar',
    ];
    expect(luceneVersionFromLibFiles(files)).toBe('9.12.2');
  });

  it('answers null when there is no lucene-core jar', () => {
    expect(luceneVersionFromLibFiles(['elasticsearch-8.19.21.jar'])).toBeNull();
  });
});

describe('pluginDependencies', () => {
  it('follows the Lucene version for Lucene modules and bundles the Ukrainian dictionary', () => {
    const deps = pluginDependencies('9.12.2');
    expect(deps.map(artifactJarName)).toEqual([
      'lucene-analysis-stempel-9.12.2.jar',
      'lucene-analysis-morfologik-9.12.2.jar',
      'morfologik-stemming-2.1.9.jar',
      'morfologik-fsa-2.1.9.jar',
      'morfologik-ukrainian-search-4.9.1.jar',
    ]);
  });
});

describe('analysisPluginStamp', () => {
  const source = { path: 'org/pressmon/analysis/A.java', content: 'class A {}' };
  const sources = [source];
  const base = { esVersion: '8.19.21', dependencies: pluginDependencies('9.12.2'), sources };

  it('is stable for the same inputs, whatever the source order', () => {
    const two = [...sources, { path: 'org/pressmon/analysis/B.java', content: 'class B {}' }];
    expect(analysisPluginStamp({ ...base, sources: two })).toBe(
      analysisPluginStamp({ ...base, sources: [...two].reverse() }),
    );
  });

  it('changes with the sources, the Elasticsearch version and the dependencies', () => {
    const stamp = analysisPluginStamp(base);
    expect(analysisPluginStamp({ ...base, sources: [{ ...source, content: 'class A { }' }] })).not.toBe(
      stamp,
    );
    expect(analysisPluginStamp({ ...base, esVersion: '8.19.22' })).not.toBe(stamp);
    expect(analysisPluginStamp({ ...base, dependencies: pluginDependencies('9.12.3') })).not.toBe(stamp);
  });
});

describe('the Java plugin', () => {
  it('registers exactly the token filters that indexer/analysis.ts relies on', async () => {
    const java = await readFile(
      path.join(SOURCE_DIR, 'org/pressmon/analysis/PressmonAnalysisPlugin.java'),
      'utf8',
    );
    const registered = [...java.matchAll(/entry\("(pressmon_\w+)"/g)].map((match) => match[1]);
    expect(registered.sort()).toEqual([...PLUGIN_TOKEN_FILTERS].sort());
  });

  it('keeps its sources in the org.pressmon.analysis package folder', async () => {
    const files = await readdir(path.join(SOURCE_DIR, 'org/pressmon/analysis'));
    expect(files.filter((file) => file.endsWith('.java')).length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(path.join(SOURCE_DIR, 'org/pressmon/analysis', file), 'utf8');
      expect(text.startsWith('package org.pressmon.analysis;'), file).toBe(true);
    }
  });
});
