// The one interface every verification provider implements. The verification service owns the record and
// its persistence; a provider owns the wire protocol. A provider's run is a sequence of named steps whose
// outputs are saved as they complete, so a run interrupted by a crash or a network failure resumes from
// the last saved step instead of submitting (and billing) again.
import type { ErrorCode } from '../../common/errors';
import type { CustomerAction, ProgressStep } from '../../common/contract';
import type { ImageKind, Outcome, RetakeReason } from '../../common/record';
import type { ProviderName } from '../../common/providers';

export interface StepContext {
  recordId: string;
  /** JPEG bytes as captured (the provider prepares them for its own size limits). */
  images: Readonly<Record<ImageKind, Buffer>>;
  /** Outputs of steps saved in earlier runs of this record, by step name. */
  saved: Readonly<Record<string, unknown>>;
  /**
   * Call right before sending a request that creates something billable at the provider (a job, a
   * session, an upload). Together with `save` it brackets the one window Loket cannot close: the request
   * was sent but its answer was not saved (a crash, a lost answer). A run that finds such an open bracket
   * logs it; the step is then sent again.
   */
  sending(step: string): void;
  /** Persist a step's output (job id, session token…) in the same transaction that marks it done. */
  save(step: string, output: unknown): void;
  /** Forget a saved step, so the next run does it again (a retaken photo must be uploaded anew). */
  forget(step: string): void;
  progress(step: ProgressStep, fraction: number): void;
  /** Something the customer must do outside the kiosk's own screens (a hosted session); null clears it. */
  requestAction(action: CustomerAction | null): void;
  signal: AbortSignal;
}

export type ProviderResult =
  | { kind: 'decided'; outcome: Outcome; raw: unknown }
  | {
      kind: 'retake';
      /** null: the provider did not say which photo (Loket's own analysis of the two decides). */
      imageKind: ImageKind | null;
      reason: RetakeReason;
      providerMessage: string;
      raw: unknown;
    }
  | { kind: 'failed'; code: ErrorCode; message: string; raw: unknown };

export interface VerificationProvider {
  readonly name: ProviderName;
  /**
   * Runs (or resumes) the provider's steps for one record. Returns a final result; throws ProviderError
   * (or HttpError) when the run could not finish now: the record goes back to pending and is retried.
   */
  verify(context: StepContext): Promise<ProviderResult>;
}

/** A failure that ends this attempt but not the record: credentials, reachability, time-outs. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: Extract<
      ErrorCode,
      'provider_auth' | 'provider_unavailable' | 'credentials_missing' | 'keychain_locked'
    >,
    message: string,
    /** How long the provider asked us to wait (HTTP 429 Retry-After), when it did. */
    readonly retryAfterMs: number | null = null,
    /** The failed request certainly did not reach the provider's handling (see HttpError.neverHandled). */
    readonly neverHandled = false,
  ) {
    super(message);
  }
}
