import { z } from 'zod';
import type { Topic } from '../types.ts';
import {
  coalitionLanguageSchema,
  idSchema,
  nonEmptyTextSchema,
  perLanguage,
  strictObject,
  termPatternSchema,
} from './common.ts';

const exampleSchema = strictObject({
  lang: coalitionLanguageSchema,
  text: nonEmptyTextSchema,
});

/** One file of `topics/<id>.yaml`, keys in camelCase as in {@link Topic}. */
export const topicFileSchema = strictObject({
  id: idSchema,
  labels: perLanguage(nonEmptyTextSchema),
  description: nonEmptyTextSchema,
  weight: z.number().positive().max(10).default(1),
  terms: perLanguage(z.array(termPatternSchema).min(1)),
  exclusions: perLanguage(z.array(termPatternSchema)).default({}),
  examples: strictObject({
    match: z.array(exampleSchema).default([]),
    noMatch: z.array(exampleSchema).default([]),
  }).default({ match: [], noMatch: [] }),
});

export type TopicFile = z.output<typeof topicFileSchema>;

/** Adds the file a validated topic came from. */
export function toTopic(parsed: TopicFile, file: string): Topic {
  return { ...parsed, file } satisfies Topic;
}
