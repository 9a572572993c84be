// A StepContext that records what a provider did (saves, forgets, progress, customer actions) in memory,
// for provider tests that do not need the verification service around them. Saved outputs behave like the
// store: what one run saves, the next run built from `saved` sees; what it forgets, it does not.
import type { CustomerAction, ProgressStep } from '../../common/contract';
import type { ImageKind } from '../../common/record';
import type { StepContext } from '../../main/providers/provider';

export interface RecordingContext {
  ctx: StepContext;
  /** Every save in order (a step saved twice appears twice). */
  saves: Array<[string, unknown]>;
  /** What a next run would find: saves minus forgets. */
  saved: Record<string, unknown>;
  forgotten: string[];
  progress: Array<[ProgressStep, number]>;
  actions: Array<CustomerAction | null>;
  /** Steps announced with `sending`, in order: each should be followed by its `save`. */
  sent: string[];
}

export function recordingContext(
  images: Record<ImageKind, Buffer>,
  options: { recordId?: string; saved?: Record<string, unknown>; signal?: AbortSignal } = {},
): RecordingContext {
  const saved: Record<string, unknown> = { ...options.saved };
  const recording: Omit<RecordingContext, 'ctx'> = {
    saves: [],
    saved,
    forgotten: [],
    progress: [],
    actions: [],
    sent: [],
  };
  const ctx: StepContext = {
    recordId: options.recordId ?? 'LOKETTEST0001',
    images,
    saved: { ...saved },
    sending: (step) => recording.sent.push(step),
    save: (step, output) => {
      recording.saves.push([step, output]);
      saved[step] = output;
    },
    forget: (step) => {
      recording.forgotten.push(step);
      Reflect.deleteProperty(saved, step);
    },
    progress: (step, fraction) => recording.progress.push([step, fraction]),
    requestAction: (action) => recording.actions.push(action),
    signal: options.signal ?? new AbortController().signal,
  };
  return { ctx, ...recording };
}
