import { errors } from '@elastic/elasticsearch';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { describeEsError } from '../../indexer/index.ts';

/** An answer other than 200, as the API sends it: `{ error, message }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'bad-query', message);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not-found', message);
}

/**
 * The one error handler: a client's mistake gets its status and a message
 * (400 for bad input, never a 500); Elasticsearch out of reach is a 503; only
 * a real bug is a 500, logged with its stack and answered without details.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    void reply.code(error.statusCode).send({ error: error.code, message: error.message });
    return;
  }
  if (error instanceof errors.ResponseError && error.statusCode === 400) {
    void reply
      .code(400)
      .send({ error: 'bad-query', message: `Elasticsearch could not run this: ${describeEsError(error)}` });
    return;
  }
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    request.log.error({ err: error }, 'elasticsearch unreachable');
    void reply.code(503).send({
      error: 'elasticsearch-unavailable',
      message: 'Elasticsearch does not answer; try again later',
    });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (error as FastifyError).validation
      ? 'bad-request'
      : status === 429
        ? 'too-many-requests'
        : 'bad-request';
    void reply.code(status).send({ error: code, message: error.message });
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply
    .code(500)
    .send({ error: 'internal', message: 'unexpected failure; the server log has the details' });
}
