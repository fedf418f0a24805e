import { z } from 'zod';
import type { Place, PlaceKind } from '../types.ts';
import {
  coalitionLanguageSchema,
  idSchema,
  nonEmptyTextSchema,
  perLanguage,
  strictObject,
} from './common.ts';

const PLACE_KINDS = ['city', 'region', 'country'] as const satisfies readonly PlaceKind[];

/** A place name: words of letters (with inner `-`, `'`, `.`), separated by spaces. */
const placeNameSchema = nonEmptyTextSchema.regex(
  /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}][\p{L}\p{M}'’.-]*)*$/u,
  "a place name is one or more words of letters (with inner - . or '), separated by single spaces",
);

export const placeSchema = strictObject({
  id: idSchema,
  name: nonEmptyTextSchema,
  kind: z.enum(PLACE_KINDS, { error: () => `must be one of ${PLACE_KINDS.join(', ')}` }),
  country: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in lower case, like ro, pl, de, gb'),
  names: perLanguage(z.array(placeNameSchema).min(1)).refine(
    (names) => Object.keys(names).length > 0,
    'give the names in at least one language (ro, pl, en, ru, uk)',
  ),
  forms: z.array(placeNameSchema).default([]),
  ambiguous: strictObject({
    languages: z.array(coalitionLanguageSchema).min(1, 'list the languages whose names are ambiguous'),
    reason: nonEmptyTextSchema,
  })
    .nullable()
    .default(null),
}) satisfies z.ZodType<Place>;

/** `places.yaml`: a list under the key `places`. */
export const placesFileSchema = strictObject({
  places: z.array(placeSchema),
});
