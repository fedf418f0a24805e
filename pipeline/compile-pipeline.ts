import type { PressmonConfig } from '../config/types.ts';
import { type CompiledFrames, compileFrames } from './frames/index.ts';
import { type CompiledOrganisations, compileOrganisations } from './organisations/index.ts';
import { type CompiledPlaces, compilePlaces } from './places/index.ts';
import {
  type CompiledTaxonomy,
  combineDictionaries,
  compileTopics,
  type TermDictionary,
} from './topics/index.ts';

/** Everything the enrichment stages match against, compiled once per run from the config. */
export interface CompiledPipeline {
  readonly taxonomy: CompiledTaxonomy;
  readonly organisations: CompiledOrganisations;
  readonly places: CompiledPlaces;
  readonly frames: CompiledFrames;
  /** The terms of topics, frames and terminology together: one analysis of a text serves the three stages. */
  readonly dictionary: TermDictionary;
}

/**
 * Compiles topics (with the general migration vocabulary), organisations,
 * places, frames and terminology. Throws a ConfigError when a term is
 * malformed (the config loader normally reports these first).
 */
export function compilePipeline(
  config: Pick<PressmonConfig, 'topics' | 'organisations' | 'places' | 'frames' | 'terminology'>,
): CompiledPipeline {
  const taxonomy = compileTopics(config.topics);
  const frames = compileFrames(config.frames, config.terminology);
  return {
    taxonomy,
    organisations: compileOrganisations(config.organisations),
    places: compilePlaces(config.places),
    frames,
    dictionary: combineDictionaries(taxonomy.dictionary, frames.dictionary),
  };
}
