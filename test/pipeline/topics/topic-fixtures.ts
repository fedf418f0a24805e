import type { Topic } from '../../../config/types.ts';

/** Builds a small Topic for tests; only the fields matching reads matter. */
export function makeTopic(
  id: string,
  terms: Topic['terms'],
  options: { exclusions?: Topic['exclusions']; weight?: number; examples?: Topic['examples'] } = {},
): Topic {
  return {
    id,
    labels: { en: id },
    description: `test topic ${id}`,
    weight: options.weight ?? 1,
    terms,
    exclusions: options.exclusions ?? {},
    examples: options.examples ?? { match: [], noMatch: [] },
    file: `test/${id}.yaml`,
  };
}

/** A compact asylum/refugee topic in the five coalition languages. */
export const REFUGEES = makeTopic('asylum', {
  ro: ['refugiat', 'azil', 'solicitant de azil', 'cerere ~4 azil'],
  pl: ['uchodźca', 'azyl', 'cudzoziemiec', 'migrant'],
  en: ['refugee', 'asylum seeker', 'asylum'],
  ru: ['беженец', 'убежище'],
  uk: ['біженець', 'притулок'],
});

export const ROMA = makeTopic(
  'roma',
  { ro: ['romi', 'rom', 'romă', 'comunitat* ~3 rom*'], en: ['Roma', 'Romani'], pl: ['Romowie', 'romsk*'] },
  {
    exclusions: {
      ro: ['AS Roma', 'la Roma'],
      en: ['AS Roma', 'Serie A', 'football', 'Rome'],
      pl: ['AS Roma'],
    },
  },
);

export const BORDER = makeTopic(
  'detention_return_border',
  {
    en: ['deportation', 'pushback*', 'border'],
    ro: ['deportare', 'frontier*', 'graniț*'],
    uk: ['кордон', 'депортаці*'],
  },
  {
    exclusions: {
      en: ['front line', 'frontline', 'shelling', 'troops'],
      uk: ['фронт*', 'обстріл*'],
      ro: ['linia frontului'],
    },
  },
);
