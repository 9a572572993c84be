// Answer bodies. Key order follows the documents (they are Go-marshalled maps: alphabetical at the top
// level; the inner `result` object is printed status, analytic_type, result), so a byte-for-byte comparison
// with a seed example holds.
import type { AnalyticOutcome } from './analytics';
import type { IdentifaiJob, JobView } from './jobs';

export function errorBody(code: string, message: string, errors: string[] = []) {
  return { code, errors, message, ok: false };
}

export function submittedBody(job: IdentifaiJob, message: string) {
  return {
    job: { id: job.id, result: { status: 'on going', analytic_type: job.type, result: [] } },
    job_id: job.id,
    message,
    ok: true,
  };
}

/** `GET /v1/jobs/{id}`; an on-going job repeats the submission message (the real text is not documented). */
export function jobBody(job: IdentifaiJob, view: JobView, onGoingMessage: string) {
  const done = view.status !== 'on going';
  return {
    job: {
      id: job.id,
      result: { status: view.status, analytic_type: job.type, result: done ? view.result : [] },
    },
    message: done ? view.message : onGoingMessage,
    ok: true,
  };
}

/** The flat `syncv2` answer (PROTOCOLS 1.7). */
export function syncBody(job: IdentifaiJob, outcome: AnalyticOutcome) {
  return {
    analytic_type: job.type,
    job_id: job.id,
    message: outcome.message,
    ok: true,
    result: outcome.result,
    status: outcome.status,
  };
}
