// What every provider's errors.ts shares: the shape of a permanent refusal, the message of a transient
// HttpError (the provider could not be reached), and the JSON-object test the answer readers use. Messages
// are built from our own words plus HttpError's already-redacted message: never a body or header.
import type { HttpError } from '../../lib/http-error';
import { ProviderError } from '../provider';

/**
 * A permanent refusal of one request (bad image, unknown job or session, a 4xx other than credentials): the
 * record fails with provider_rejected. Each provider has its own subclass, named after it.
 */
export abstract class ProviderRejection extends Error {
  readonly code = 'provider_rejected';
  constructor(
    message: string,
    /** The answer's body, for audit (and for reading a result a provider sends with a 4xx). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** A transient HttpError (5xx, 429, network, time-out), as every provider reports it. */
export function unreachable(provider: string, what: string, error: HttpError): ProviderError {
  return new ProviderError(
    'provider_unavailable',
    `${provider} could not be reached for ${what}: ${error.message}`,
    error.retryAfterMs,
    error.neverHandled,
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
