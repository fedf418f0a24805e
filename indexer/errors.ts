import { PressmonError } from '../core/errors.ts';

/**
 * An indexer operation failed in a way a person must look at: an index or
 * alias in an unexpected state, a spool file that cannot be written. Messages
 * name the operation, the index or file, and what to do.
 */
export class IndexerError extends PressmonError {
  override readonly name = 'IndexerError';
}
