import { z } from 'zod';
import type { Organisation } from '../types.ts';
import { countrySchema, idSchema, nonEmptyTextSchema, strictObject } from './common.ts';

const ORGANISATION_KINDS = [
  'coalition-member',
  'ngo',
  'public-body',
  'international',
] as const satisfies readonly Organisation['kind'][];

export const organisationSchema = strictObject({
  id: idSchema,
  name: nonEmptyTextSchema,
  country: countrySchema,
  kind: z.enum(ORGANISATION_KINDS, { error: () => `must be one of ${ORGANISATION_KINDS.join(', ')}` }),
  variants: z.array(nonEmptyTextSchema).default([]),
  abbreviations: z
    .array(
      z.string().regex(/^\S+$/u, 'an abbreviation is one word without spaces; put longer forms in variants'),
    )
    .default([]),
}) satisfies z.ZodType<Organisation>;

/** `organisations.yaml`: a list under the key `organisations`. */
export const organisationsFileSchema = strictObject({
  organisations: z.array(organisationSchema),
});
