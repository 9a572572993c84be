// One HTTP error type for every provider client. Its message is built from the method, a redacted URL and
// the status, never from request headers or bodies, so logging it leaks nothing.
import { redact } from './redact';

/** 'malformed': a 2xx answer whose body is not the JSON promised (cut off on the way, a broken proxy). */
export type HttpFailureKind = 'network' | 'timeout' | 'http' | 'malformed';

/** Network failures that happen before a request leaves the machine: the provider never saw it. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly kind: HttpFailureKind,
    readonly method: string,
    readonly url: string,
    readonly status: number | null,
    /** The response body (parsed JSON when it was JSON), kept for mapping; redact before logging. */
    readonly body: unknown,
    readonly detail?: string,
    /** What a 429 (or 503) answer's Retry-After asked for, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(redact(`${method} ${stripQuery(url)} → ${status ?? kind}${detail ? `: ${detail}` : ''}`));
  }

  /**
   * True when the provider certainly did not act on the request: it was refused before sending, or
   * answered 429. Anything else (a time-out, a 5xx, a cut-off answer) may have been handled.
   */
  get neverHandled(): boolean {
    return (this.kind === 'network' && NEVER_SENT.has(this.detail ?? '')) || this.status === 429;
  }

  /**
   * 5xx, 429, network failures, time-outs and cut-off answers are worth another try; other 4xx are not, and
   * neither is 501 Not Implemented: the server says it has no such function, which no retry changes.
   */
  get retryable(): boolean {
    if (this.kind !== 'http' || this.status === null) return true;
    return (this.status >= 500 && this.status !== 501) || this.status === 429;
  }
}

function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** fetch as a dependency: tests and the sandbox use the real one over loopback. */
export type Fetch = typeof fetch;
