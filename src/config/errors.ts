export type CosmicErrorKind = 'config' | 'io' | 'parse' | 'internal';

/**
 * An error that is a value with a kind until the edge turns it into a message and exit code 2.
 * Its stack is its message: a user needs the file and the reason, not our call stack.
 */
export class CosmicError extends Error {
  readonly kind: CosmicErrorKind;
  readonly file: string | undefined;

  constructor(kind: CosmicErrorKind, message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'CosmicError';
    this.kind = kind;
    this.file = file;
    this.stack = `cosmic-lint ${kind} error: ${this.message}`;
  }
}
