import { z } from 'zod';
import type { TerminologyLabel } from '../types.ts';
import { idSchema, nonEmptyTextSchema, perLanguage, strictObject, termPatternSchema } from './common.ts';
import { topicFileSchema } from './topic.ts';

const REGISTERS = ['neutral', 'legal', 'loaded'] as const satisfies readonly TerminologyLabel['register'][];

export const terminologyLabelSchema = strictObject({
  id: idSchema,
  labels: perLanguage(nonEmptyTextSchema),
  register: z.enum(REGISTERS, { error: () => `must be one of ${REGISTERS.join(', ')}` }),
  terms: perLanguage(z.array(termPatternSchema).min(1)),
}) satisfies z.ZodType<TerminologyLabel>;

/**
 * `frames.yaml`: portrayal frames under `frames` (each shaped like a topic
 * file, topic.ts) and the labels for people under `terminology`.
 */
export const framesFileSchema = strictObject({
  frames: z.array(topicFileSchema),
  terminology: z.array(terminologyLabelSchema).default([]),
});

export type FramesFile = z.output<typeof framesFileSchema>;
