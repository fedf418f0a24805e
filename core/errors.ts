/**
 * One base for every real failure. Expected non-results (a page that is not an
 * article, a URL disallowed by robots.txt) are values, not errors.
 */
export abstract class PressmonError extends Error {
  abstract override readonly name: string;
  /** Whether trying the same operation again later can help. */
  readonly isRetryable: boolean;

  constructor(message: string, options: { cause?: unknown; isRetryable?: boolean } = {}) {
    super(redactSecrets(message), options.cause === undefined ? {} : { cause: options.cause });
    this.isRetryable = options.isRetryable ?? false;
  }
}

/** A configuration file, setting or command-line argument is wrong; a person must fix it. */
export class ConfigError extends PressmonError {
  override readonly name = 'ConfigError';
}

/** A required program or file is missing on this machine (a JDK, Maven, Chromium). */
export class MissingPrerequisiteError extends PressmonError {
  override readonly name = 'MissingPrerequisiteError';
}

/** A command that exists in the CLI contract but is not built yet. */
export class NotImplementedError extends PressmonError {
  override readonly name = 'NotImplementedError';
  constructor(command: string) {
    super(`pressmon ${command}: not implemented yet`);
  }
}

const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1***@'], // user:password@ in URLs
  [/((?:api[_-]?key|password|passwd|token|authorization)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1***'],
];

/** Removes credentials from a message before it reaches a log or a terminal. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
