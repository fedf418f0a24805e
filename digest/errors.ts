import { PressmonError } from '../core/errors.ts';

/** A digest run cannot go on: SMTP refuses our credentials or TLS, or a member is unknown. */
export class DigestError extends PressmonError {
  override readonly name = 'DigestError';
}
