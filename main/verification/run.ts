// Runs (or resumes) a provider for one record and records what happened. This is the step runner the
// offline queue will wake later: it only needs a record in `pending`, and it saves every provider step's
// output as the step completes, so a second run continues where the first stopped.
import type { CustomerAction, ProgressStep } from '../../common/contract';
import { checkNik } from '../../common/nik-checks';
import type { AuditLog } from '../audit/events';
import type { ImageKind, RetakeReason } from '../../common/record';
import type { EventBus } from '../bridge/events';
import type { Clock } from '../lib/clock';
import { today } from '../lib/calendar';
import { HttpError } from '../lib/http-error';
import { createLogger } from '../lib/log';
import { toBridgeError } from '../bridge/failure';
import { ProviderError, type ProviderResult, type VerificationProvider } from '../providers/provider';
import type { Store } from '../store';
import {
  getImages,
  deleteStepOutput,
  getStepOutputs,
  inTransaction,
  requireRecord,
  saveStepOutput,
  transition,
  type StoredRecord,
} from '../store';

const log = createLogger('verification');

export interface RunDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  getProvider: () => Promise<VerificationProvider>;
  /** How long a record waits after its `attempts`-th transient failure (honouring a provider's Retry-After). */
  retryDelay: (attempts: number, retryAfterMs: number | null) => number;
  onReachability: (reachable: boolean) => void;
  /** Every decision is audited in the transaction that records it. */
  audit: AuditLog;
  /** The photo to retake when the provider asked for one without saying which. */
  photoAtFault: (recordId: string, reason: RetakeReason) => ImageKind;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Moves a pending record through the provider. Returns the record in its new state. */
export async function runPendingRecord(
  deps: RunDeps,
  recordId: string,
  signal: AbortSignal,
): Promise<StoredRecord> {
  const { store, clock } = deps;
  const now = iso(clock.now());
  const started = transition(store, recordId, {
    from: ['pending'],
    to: 'in_progress',
    patch: {
      startedAt: now,
      attempts: requireRecord(store, recordId).attempts + 1,
      errorCode: null,
      errorMessage: null,
      nextAttemptAt: null,
    },
    now,
  });
  let lastFraction = 0;
  // A customer action stays on screen until the provider clears it, whatever progress follows.
  let currentAction: CustomerAction | null = null;
  const progress = (step: ProgressStep, fraction: number) => {
    lastFraction = Math.max(lastFraction, Math.min(1, fraction));
    deps.events.emit('onProgress', {
      recordId,
      step,
      status: 'in_progress',
      fraction: lastFraction,
      action: currentAction,
    });
  };
  progress('authorising', 0.05);

  try {
    const images = getImages(store, recordId);
    const provider = await deps.getProvider();
    const result = await provider.verify({
      recordId,
      images: requireImages(images),
      saved: savedSteps(store, recordId),
      sending: (step) => saveStepOutput(store, recordId, sendingMarker(step), null, iso(clock.now())),
      save: (step, output) =>
        inTransaction(store, () => {
          saveStepOutput(store, recordId, step, output, iso(clock.now()));
          deleteStepOutput(store, recordId, sendingMarker(step));
        }),
      forget: (step) => void deleteStepOutput(store, recordId, step),
      progress,
      requestAction: (action) => {
        currentAction = action;
        deps.events.emit('onProgress', {
          recordId,
          step: 'waiting_for_customer',
          status: 'in_progress',
          fraction: lastFraction,
          action,
        });
      },
      signal,
    });
    deps.onReachability(true);
    // The provider answered every request it sent (a retake is an answer too): no window is open.
    clearSendingMarkers(store, recordId);
    const finished = recordResult(deps, started, result);
    deps.events.emit('onProgress', { recordId, step: 'done', status: finished.status, fraction: 1 });
    return finished;
  } catch (error) {
    return recordInterruption(deps, recordId, error);
  }
}

/** Marker rows share record_steps with the outputs; a name no provider step can have. */
const SENDING = '@sending';
const sendingMarker = (step: string) => `${step}${SENDING}`;

/**
 * The saved outputs a provider resumes from. A marker left without its output means the duplicate window
 * was hit: the request went out, its answer was never saved, so the step will be sent again (and may be
 * billed twice). That is logged, and the marker cleared.
 */
function savedSteps(store: Store, recordId: string): Record<string, unknown> {
  const saved: Record<string, unknown> = {};
  for (const [step, output] of Object.entries(getStepOutputs(store, recordId))) {
    if (!step.endsWith(SENDING)) {
      saved[step] = output;
      continue;
    }
    log.warn('duplicate window hit: a request was sent but its answer was not saved; sending it again', {
      recordId,
      step: step.slice(0, -SENDING.length),
    });
    deleteStepOutput(store, recordId, step);
  }
  return saved;
}

function clearSendingMarkers(store: Store, recordId: string): void {
  for (const step of Object.keys(getStepOutputs(store, recordId))) {
    if (step.endsWith(SENDING)) deleteStepOutput(store, recordId, step);
  }
}

function requireImages(images: Partial<Record<ImageKind, Buffer>>): Record<ImageKind, Buffer> {
  const { id_card: idCard, selfie } = images;
  if (!idCard || !selfie) throw new ProviderError('provider_unavailable', 'The record lost an image.');
  return { id_card: idCard, selfie };
}

function recordResult(deps: RunDeps, record: StoredRecord, result: ProviderResult): StoredRecord {
  const now = iso(deps.clock.now());
  const base = { from: ['in_progress' as const], now };
  switch (result.kind) {
    case 'decided': {
      const { outcome } = result;
      log.info('record decided', { recordId: record.id, decision: outcome.decision });
      // The decision and its audit entry commit together, or neither does.
      return inTransaction(deps.store, () => {
        const decided = transition(deps.store, record.id, {
          ...base,
          to: 'decided',
          patch: {
            decidedAt: now,
            decision: outcome.decision,
            liveness: outcome.liveness,
            live: outcome.live,
            similarity: outcome.similarity,
            match: outcome.match,
            ocr: outcome.ocr,
            providerMessage: outcome.providerMessage,
            raw: result.raw,
            // Checked as the answer arrives, so the desk sees the flags at once (and again after corrections).
            nikFlags: checkNik(outcome.ocr, today(deps.clock)),
          },
        });
        deps.audit.append({
          action: 'decision',
          // The provider decided, through the kiosk: no member of staff did.
          actor: 'system',
          recordId: record.id,
          details: {
            decision: outcome.decision,
            provider: decided.provider,
            mode: decided.mode,
            training: decided.training,
          },
        });
        return decided;
      });
    }
    case 'retake': {
      const imageKind = result.imageKind ?? deps.photoAtFault(record.id, result.reason);
      log.info('provider asked for a retake', {
        recordId: record.id,
        reason: result.reason,
        imageKind,
        chosenBy: result.imageKind ? 'provider' : 'on-device analysis',
      });
      return transition(deps.store, record.id, {
        ...base,
        to: 'retake',
        patch: {
          retakeKind: imageKind,
          retakeReason: result.reason,
          providerMessage: result.providerMessage,
          raw: result.raw,
        },
      });
    }
    case 'failed':
      log.warn('record failed', { recordId: record.id, code: result.code });
      return transition(deps.store, record.id, {
        ...base,
        to: 'failed',
        patch: { decidedAt: now, errorCode: result.code, errorMessage: result.message, raw: result.raw },
      });
  }
}

/** The attempt ended without a final answer: the record goes back to pending, nothing is lost. */
function recordInterruption(deps: RunDeps, recordId: string, error: unknown): StoredRecord {
  const { code, message } =
    error instanceof HttpError
      ? { code: error.retryable ? 'provider_unavailable' : 'provider_auth', message: error.message }
      : toBridgeError(error);
  // Only a failure to reach the provider says anything about the network; a refused key does not.
  if (code === 'provider_unavailable') deps.onReachability(false);
  const retryAfterMs = error instanceof ProviderError ? error.retryAfterMs : null;
  log.warn('attempt interrupted; record kept pending', { recordId, code, message });
  // A request the provider certainly never handled (refused connection, 429) opened no duplicate window:
  // its marker goes, so the next attempt does not report a window that was never hit.
  if ((error instanceof HttpError || error instanceof ProviderError) && error.neverHandled) {
    clearSendingMarkers(deps.store, recordId);
  }
  const now = deps.clock.now();
  const attempts = requireRecord(deps.store, recordId).attempts;
  const record = transition(deps.store, recordId, {
    from: ['in_progress'],
    to: 'pending',
    patch: {
      errorCode: code,
      errorMessage: message,
      nextAttemptAt: iso(now + deps.retryDelay(attempts, retryAfterMs)),
    },
    now: iso(now),
  });
  deps.events.emit('onProgress', { recordId, step: 'done', status: 'pending', fraction: 1 });
  return record;
}
