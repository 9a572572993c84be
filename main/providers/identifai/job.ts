// Reading IdentifAI's job answers. The async GET wraps the result in `job.result`; syncv2 answers flat. Both
// become one JobResult. The in-flight spelling is "on going" in the one client seen; "on-going"/"ongoing"
// are accepted too, and any status that is not terminal keeps the waiter polling until its deadline.
import { isObject } from './errors';

export const TERMINAL_STATUSES = ['success', 'incompleted', 'failed'] as const;
export type JobStatus = (typeof TERMINAL_STATUSES)[number];

export interface JobResult {
  jobId: string | null;
  status: JobStatus;
  analyticType: string | null;
  /** The provider's message, e.g. "The Face Pair Not Match"; '' when it sent none. */
  message: string;
  /** `result` items, e.g. `[{face_liveness:{…}}, {face_match:{…}}]`. */
  items: readonly unknown[];
  /** The whole answer, kept for audit. */
  raw: unknown;
}

export type JobAnswer = { state: 'final'; result: JobResult } | { state: 'in_flight'; status: string };

/** Status words compared without case, spaces or punctuation ("On-Going" = "on going"). */
function normalise(status: string): string {
  return status.toLowerCase().replace(/[^a-z]/g, '');
}

const TERMINAL: Readonly<Record<string, JobStatus>> = {
  success: 'success',
  incompleted: 'incompleted',
  incomplete: 'incompleted',
  failed: 'failed',
};

/** An async `{job:{id,result:{status,…}},message,ok}` or a flat syncv2 `{status,result,…}`; null when neither. */
export function readJobAnswer(body: unknown): JobAnswer | null {
  if (!isObject(body)) return null;
  const message = typeof body.message === 'string' ? body.message : '';
  const job = isObject(body.job) ? body.job : null;
  const inner = job && isObject(job.result) ? job.result : job ? null : body;
  if (!inner || typeof inner.status !== 'string') return null;

  const status = TERMINAL[normalise(inner.status)];
  if (!status) return { state: 'in_flight', status: inner.status };
  const jobId = readJobId(body);
  const analyticType = typeof inner.analytic_type === 'string' ? inner.analytic_type : null;
  const items = Array.isArray(inner.result) ? inner.result : [];
  return { state: 'final', result: { jobId, status, analyticType, message, items, raw: body } };
}

/** v2 docs answer `job_id`; v1 docs and community clients read `job.id`. */
export function readJobId(body: unknown): string | null {
  if (!isObject(body)) return null;
  if (typeof body.job_id === 'string' && body.job_id) return body.job_id;
  if (isObject(body.job) && typeof body.job.id === 'string' && body.job.id) return body.job.id;
  return null;
}
