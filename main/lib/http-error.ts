// One HTTP error type for every provider client. Its message is built from the method, a redacted URL and
// the status, never from request headers or bodies, so logging it leaks nothing.
import { redact } from './redact';

export type HttpFailureKind = 'network' | 'timeout' | 'http';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly kind: HttpFailureKind,
    readonly method: string,
    readonly url: string,
    readonly status: number | null,
    /** The response body (parsed JSON when it was JSON), kept for mapping; redact before logging. */
    readonly body: unknown,
    detail?: string,
  ) {
    super(redact(`${method} ${stripQuery(url)} → ${status ?? kind}${detail ? `: ${detail}` : ''}`));
  }

  /** 5xx, 429, network failures and time-outs are worth another try; other 4xx are not. */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status === null || this.status >= 500 || this.status === 429;
  }
}

function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** fetch as a dependency: tests and the sandbox use the real one over loopback. */
export type Fetch = typeof fetch;
