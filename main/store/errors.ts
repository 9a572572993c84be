// Typed store errors. Each carries the bridge error code it maps to, so the bridge's handlers translate them
// without string matching.
import type { ErrorCode } from '../../common/errors';
import type { RecordStatus } from '../../common/record';

/** The database was written by a newer Loket; opening it with older code could corrupt it, so we refuse. */
export class DatabaseFromTheFutureError extends Error {
  override readonly name = 'DatabaseFromTheFutureError';
  readonly code: ErrorCode = 'storage';
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
    readonly path: string,
  ) {
    super(
      `The database ${path} has schema version ${databaseVersion}, but this Loket knows only up to ` +
        `${codeVersion}. It was written by a newer Loket: install that version (or newer) instead.`,
    );
  }
}

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  readonly code: ErrorCode = 'invalid_state';
  constructor(
    readonly recordId: string,
    readonly current: RecordStatus,
    readonly wanted: RecordStatus,
    readonly allowedFrom: readonly RecordStatus[],
  ) {
    super(
      `Record ${recordId} is '${current}'; moving to '${wanted}' needs one of: ${allowedFrom.join(', ') || '(none)'}`,
    );
  }
}

export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  readonly code: ErrorCode = 'not_found';
  constructor(readonly recordId: string) {
    super(`No record ${recordId}`);
  }
}

/** A row that the schema's CHECKs cannot rule out but the code cannot read (e.g. an unknown provider). */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';
  readonly code: ErrorCode = 'storage';
  constructor(recordId: string, detail: string) {
    super(`Record ${recordId} cannot be read: ${detail}`);
  }
}
