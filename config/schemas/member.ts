import { z } from 'zod';
import type { Member } from '../types.ts';
import { idSchema, nonEmptyTextSchema, strictObject, timeZoneSchema } from './common.ts';

const DIGEST_LANGUAGES = ['ro', 'pl', 'en'] as const satisfies readonly Member['language'][];

export const memberSchema = strictObject({
  email: z.email({ error: 'must be an e-mail address like name@example.org' }),
  name: nonEmptyTextSchema,
  organisation: idSchema,
  language: z.enum(DIGEST_LANGUAGES, { error: () => `must be one of ${DIGEST_LANGUAGES.join(', ')}` }),
  timeZone: timeZoneSchema,
  topics: z.array(idSchema).min(1, 'name at least one topic id'),
  organisations: z.array(idSchema).default([]),
  sendEmptyDigest: z.boolean().default(false),
}) satisfies z.ZodType<Member>;

/** `members.yaml`: a list under the key `members`. */
export const membersFileSchema = strictObject({
  members: z.array(memberSchema),
});
