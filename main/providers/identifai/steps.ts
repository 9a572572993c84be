// What each submit step leaves in the record (ctx.save), so a later run resumes polling the same job instead
// of submitting — and paying — again. The shapes are checked when read back: the store hands back unknown.
import { z } from 'zod';
import type { AnalyticName, Submission } from './client';
import { readJobAnswer, type JobResult } from './job';
import type { JobRef } from './poll';

export const STEP_NAMES: Readonly<Record<AnalyticName, string>> = {
  faceMatchLiveness: 'face_match_liveness',
  ocrKtp: 'ocr_ktp',
};

const SavedJob = z.object({ jobId: z.string().min(1), token: z.string(), submittedAt: z.string() });
const SavedSync = z.object({ mode: z.literal('syncv2'), submittedAt: z.string(), answer: z.unknown() });

export type SavedStep = { kind: 'job'; job: JobRef } | { kind: 'final'; result: JobResult };

/** The value passed to ctx.save right after IdentifAI answered the submission. */
export function toSaved(submission: Submission): unknown {
  if (submission.mode === 'async') {
    return { jobId: submission.jobId, token: submission.token, submittedAt: submission.submittedAt };
  }
  return { mode: 'syncv2', submittedAt: submission.submittedAt, answer: submission.result.raw };
}

/** null when nothing (usable) was saved: the step runs from the start. */
export function fromSaved(value: unknown): SavedStep | null {
  const job = SavedJob.safeParse(value);
  if (job.success) return { kind: 'job', job: job.data };
  const sync = SavedSync.safeParse(value);
  if (sync.success) {
    const answer = readJobAnswer(sync.data.answer);
    if (answer?.state === 'final') return { kind: 'final', result: answer.result };
  }
  return null;
}
