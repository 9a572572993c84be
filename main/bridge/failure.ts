// How main's failures become bridge errors. Services throw BridgeFailure with a code from the closed list;
// the typed errors of other modules (provider, keychain, image) carry a `code` of their own. Anything else
// is 'internal', and its message is redacted before it leaves main.
import { ERROR_CODES, type BridgeError, type ErrorCode, type PhotoRejection } from '../../common/errors';
import { describeError, redact } from '../lib/redact';

export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** photo_rejected: which photo and why, for the renderer to send the person back to that step. */
    readonly photo?: PhotoRejection,
  ) {
    super(message);
  }
}

function hasKnownCode(error: unknown): error is Error & { code: ErrorCode } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(error.code)
  );
}

export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeFailure && error.photo) {
    return { code: error.code, message: redact(error.message), photo: error.photo };
  }
  if (hasKnownCode(error)) return { code: error.code, message: redact(error.message) };
  return { code: 'internal', message: describeError(error) };
}
