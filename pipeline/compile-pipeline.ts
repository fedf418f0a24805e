import type { PressmonConfig } from '../config/types.ts';
import { type CompiledFrames, compileFrames } from './frames/index.ts';
import { type CompiledOrganisations, compileOrganisations } from './organisations/index.ts';
import { type CompiledPlaces, compilePlaces } from './places/index.ts';
import { type CompiledTaxonomy, compileTopics } from './topics/index.ts';

/** Everything the enrichment stages match against, compiled once per run from the config. */
export interface CompiledPipeline {
  readonly taxonomy: CompiledTaxonomy;
  readonly organisations: CompiledOrganisations;
  readonly places: CompiledPlaces;
  readonly frames: CompiledFrames;
}

/**
 * Compiles topics (with the general migration vocabulary), organisations,
 * places, frames and terminology. Throws a ConfigError when a term is
 * malformed (the config loader normally reports these first).
 */
export function compilePipeline(
  config: Pick<PressmonConfig, 'topics' | 'organisations' | 'places' | 'frames' | 'terminology'>,
): CompiledPipeline {
  return {
    taxonomy: compileTopics(config.topics),
    organisations: compileOrganisations(config.organisations),
    places: compilePlaces(config.places),
    frames: compileFrames(config.frames, config.terminology),
  };
}
