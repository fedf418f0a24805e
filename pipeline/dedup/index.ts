// Near-duplicates and stories (issue 5 §7): fingerprints computed per article
// by the pipeline, and the decision rule indexer/stories.ts applies to
// candidates it finds in the index.
import { contentHashOf, simhashOf } from '../fingerprint.ts';
import type { DedupInfo } from '../types.ts';
import { bandKeys, minhashSignature } from './minhash.ts';
import { shingleHashes } from './shingles.ts';
import { titleKeyOf } from './title-key.ts';

export {
  compareStoryTexts,
  createStoryMatcher,
  MIN_SHARED_SHINGLES,
  NEAR_COPY_THRESHOLD,
} from './decide-story.ts';
export { bandKeys, MINHASH_SIZE, minhashSignature } from './minhash.ts';
export { countWords } from './scan-words.ts';
export { dedupWords, SHINGLE_WORDS, shingleSet } from './shingles.ts';
export { containment, jaccard, sharedCount } from './similarity.ts';
export { titleKeyOf } from './title-key.ts';

/**
 * The fingerprints of one article: content hash, simhash, MinHash lookup
 * keys of the body's 4-word shingles, and the title key. The article is its
 * own story (`storyId` = its id, not a duplicate) until indexer/stories.ts
 * finds an earlier copy. Pure.
 */
export function dedupInfoOf(article: {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}): DedupInfo {
  return {
    contentHash: contentHashOf(article.body),
    simhash: simhashOf(article.body),
    storyId: article.id,
    duplicateOf: null,
    bands: bandKeys(minhashSignature(shingleHashes(article.body))),
    titleKey: titleKeyOf(article.title),
  };
}
