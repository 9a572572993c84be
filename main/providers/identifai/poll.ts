// Waiting for an async job: GET /v1/jobs/{id} through the waiter (backoff, jitter, deadline, abort). The
// seed authorises the GET with the submission token that created the job; once that token has expired
// (by age, or because IdentifAI says so) the HMAC pair is used instead, and stays in use for this job.
import { HttpError } from '../../lib/http-error';
import type { Clock } from '../../lib/clock';
import { waitFor, type PollSettings } from '../../lib/waiter';
import { ProviderError } from '../provider';
import {
  classify,
  IdentifaiRejection,
  isAuthRejection,
  isObject,
  isTokenRejection,
  providerMessage,
} from './errors';
import type { HmacCall } from './hmac';
import { readJobAnswer, type JobAnswer, type JobResult } from './job';
import type { Send } from './transport';

export interface JobRef {
  jobId: string;
  /** The submission token that created the job ('' when there was none). */
  token: string;
  /** ISO time of the submission; the token's age is measured from it. */
  submittedAt: string;
}

export type { PollSettings };

export interface PollDeps {
  send: Send;
  hmac: HmacCall;
  clock: Clock;
  random?: () => number;
  tokenRejections: readonly RegExp[];
  /** The submission token's lifetime (documented: five minutes), less a safety margin. */
  submissionTokenTtlMs: number;
  poll: PollSettings;
}

export interface WaitJobOptions {
  signal?: AbortSignal;
  /** Told after every GET, with the attempt number (for progress). */
  onPoll?: (attempt: number) => void;
}

const TOKEN_MARGIN_MS = 15_000;

export async function waitForJob(
  deps: PollDeps,
  job: JobRef,
  options: WaitJobOptions = {},
): Promise<JobResult> {
  const { signal } = options;
  const state = { useHmac: !job.token || tokenAged(deps, job) };
  const outcome = await waitFor<JobResult>({
    ...deps.poll,
    clock: deps.clock,
    random: deps.random,
    signal,
    poll: async (attempt) => {
      const answer = await getJob(deps, job, state, signal);
      options.onPoll?.(attempt);
      return answer.state === 'final' ? { done: true, value: answer.result } : { done: false };
    },
  });
  if (outcome.state === 'timeout') {
    const limit =
      outcome.reason === 'max_polls' ? ', the most allowed per job (identifai.maxPollsPerJob)' : '';
    throw new ProviderError(
      'provider_unavailable',
      `IdentifAI had not finished the job after ${Math.round(outcome.elapsedMs / 1000)} s (${outcome.attempts} checks${limit}); it will be checked again.`,
    );
  }
  return outcome.value;
}

/** One GET. `state.useHmac` flips (for good) when the submission token stops being accepted. */
export async function getJob(
  deps: PollDeps,
  job: JobRef,
  state: { useHmac: boolean },
  signal?: AbortSignal,
): Promise<JobAnswer> {
  const path = `/v1/jobs/${encodeURIComponent(job.jobId)}`;
  try {
    if (!state.useHmac && tokenAged(deps, job)) state.useHmac = true;
    if (!state.useHmac) {
      try {
        return read(await deps.send('GET', path, { headers: { Authorization: job.token }, signal }));
      } catch (error) {
        const final = readFromError(error);
        if (final) return final;
        if (!isTokenRejection(error, deps.tokenRejections) && !isAuthRejection(error)) throw error;
        state.useHmac = true;
      }
    }
    try {
      return read(
        await deps.hmac('the job result', (headers) => deps.send('GET', path, { headers, signal }), signal),
      );
    } catch (error) {
      const final = readFromError(error);
      if (final) return final;
      throw error;
    }
  } catch (error) {
    throw classify(error, 'the job result');
  }
}

function tokenAged(deps: PollDeps, job: JobRef): boolean {
  const submitted = Date.parse(job.submittedAt);
  if (Number.isNaN(submitted)) return true;
  return deps.clock.now() - submitted >= deps.submissionTokenTtlMs - TOKEN_MARGIN_MS;
}

function read(response: { body: unknown }): JobAnswer {
  const answer = readJobAnswer(response.body);
  if (answer) return answer;
  if (isObject(response.body) && response.body.ok === false) {
    throw new IdentifaiRejection(
      `IdentifAI refused the job result: ${providerMessage(response.body) ?? 'no message'}`,
    );
  }
  // A job record without a status yet: nothing final to read, so keep waiting.
  return { state: 'in_flight', status: '' };
}

/** The HTTP status of an incompleted job is undocumented (maybe 4xx): a final job body wins over the status. */
function readFromError(error: unknown): JobAnswer | null {
  if (!(error instanceof HttpError) || error.kind !== 'http' || error.retryable) return null;
  const answer = readJobAnswer(error.body);
  return answer?.state === 'final' ? answer : null;
}
