// How every provider's run ends early: a cancelled run stops between steps, and a permanent failure (an
// unusable photo, the provider's refusal, any other non-transient HTTP answer) becomes a failed result,
// while everything else (ProviderError, transient HttpError, an abort) is thrown on for a later retry.
import { abortReason } from '../../lib/clock';
import { HttpError } from '../../lib/http-error';
import { InvalidImageError } from '../../lib/image';
import type { Logger } from '../../lib/log';
import { describeError, redact } from '../../lib/redact';
import type { ProviderResult, StepContext } from '../provider';
import type { ProviderRejection } from './errors';

export function stopIfAborted(ctx: StepContext): void {
  if (ctx.signal.aborted) throw abortReason(ctx.signal);
}

export interface FailureMapping {
  /** As it appears in the log line, e.g. 'Incode'. */
  provider: string;
  log: Logger;
  /** The provider's own refusal class: only its instances are logged and reported as its refusals. */
  rejection: abstract new (...args: never[]) => ProviderRejection;
}

/** Permanent failures become results; everything else (ProviderError, transient HttpError) is thrown on. */
export function mapFailure(error: unknown, recordId: string, mapping: FailureMapping): ProviderResult {
  if (error instanceof InvalidImageError) {
    return { kind: 'failed', code: 'invalid_image', message: error.message, raw: null };
  }
  if (error instanceof mapping.rejection) {
    mapping.log.warn(`${mapping.provider} rejected the request`, { recordId, error: describeError(error) });
    return { kind: 'failed', code: 'provider_rejected', message: redact(error.message), raw: error.body };
  }
  if (error instanceof HttpError && !error.retryable) {
    return { kind: 'failed', code: 'provider_rejected', message: error.message, raw: error.body };
  }
  throw error;
}
