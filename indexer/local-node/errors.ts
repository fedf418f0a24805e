import { PressmonError } from '../../core/errors.ts';

/**
 * The embedded Elasticsearch node could not be downloaded, started, reached or
 * stopped. The message names the operation, the port or file, and what to do.
 */
export class LocalNodeError extends PressmonError {
  override readonly name = 'LocalNodeError';
}

/** An Elasticsearch cluster (embedded or external) does not answer, or is not healthy. */
export class ElasticsearchUnavailableError extends PressmonError {
  override readonly name = 'ElasticsearchUnavailableError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, isRetryable: true });
  }
}
