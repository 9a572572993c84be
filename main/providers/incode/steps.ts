// The Incode run as named steps, each saved (ctx.save) the moment Incode answers it, so a run interrupted by
// a restart or a network failure resumes after the last completed step instead of uploading again. The
// shapes are checked when read back: the store hands back unknown, and an unreadable step is simply redone.
import { z } from 'zod';
import type { ImageKind } from '../../../common/record';
import type { IncodeSession } from './client';

export const STEPS = [
  'start',
  'front_id',
  'process_id',
  'selfie',
  'process_face',
  'onboarding',
  'finish',
  'score',
  'ocr',
] as const;
export type StepName = (typeof STEPS)[number];

/**
 * What a retaken photo must redo: the photo's upload and every step after it. The session ('start') is
 * kept, and a new selfie keeps the card already uploaded and processed.
 */
export const REDO_ON_RETAKE: Readonly<Record<ImageKind, readonly StepName[]>> = {
  id_card: STEPS.slice(STEPS.indexOf('front_id')),
  selfie: STEPS.slice(STEPS.indexOf('selfie')),
};

const SavedSession = z.object({ token: z.string().min(1), interviewId: z.string().min(1) }).loose();
const SavedObject = z.record(z.string(), z.unknown());

export function readSession(value: unknown): IncodeSession | null {
  const parsed = SavedSession.safeParse(value);
  return parsed.success ? { token: parsed.data.token, interviewId: parsed.data.interviewId } : null;
}

/** Any saved answer that is a JSON object; null means the step runs again. */
export function readObject(value: unknown): Record<string, unknown> | null {
  const parsed = SavedObject.safeParse(value);
  return parsed.success ? parsed.data : null;
}
