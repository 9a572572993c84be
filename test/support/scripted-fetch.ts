// A fetch stand-in for unit tests: each request is recorded and handed to a script that answers with a
// status and a JSON body, a network failure, or no answer until the request is aborted. (Integration tests
// use real HTTP against the sandbox; this only pins a client's own decisions.)
import { abortReason } from '../../main/lib/clock';
import type { Fetch } from '../../main/lib/http-error';

export interface SeenRequest {
  method: string;
  /** The full URL as handed to fetch. */
  url: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body exactly as handed to fetch; undefined when none. */
  raw: string | undefined;
  /** The body parsed as JSON (the text itself when it is not JSON); null when none. */
  body: unknown;
}

/**
 * A status with a JSON body (or `raw` text sent as it is: a cut-off answer) and optional headers
 * (Retry-After), a network failure, or no answer until the request is aborted.
 */
export type Answer =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | 'network-error'
  | 'hang';

export type Script = (request: SeenRequest, index: number) => Answer;

export interface ScriptedFetchOptions {
  /** The errno of a 'network-error' (a TypeError with a cause, as fetch reports it); default ECONNREFUSED. */
  networkErrorCode?: string;
}

export function scriptedFetch(
  script: Script,
  options: ScriptedFetchOptions = {},
): { fetch: Fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchStub: Fetch = async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href);
    const raw = typeof init?.body === 'string' ? init.body : undefined;
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: href,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      raw,
      body: raw ? parseJson(raw) : null,
    };
    seen.push(request);
    const answer = script(request, seen.length - 1);
    if (answer === 'network-error') {
      throw new TypeError('fetch failed', { cause: { code: options.networkErrorCode ?? 'ECONNREFUSED' } });
    }
    if (answer === 'hang') {
      const signal = init?.signal;
      return new Promise<Response>((_resolve, reject) => {
        if (signal?.aborted) reject(abortReason(signal));
        signal?.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
      });
    }
    const text = answer.raw ?? (answer.body === undefined ? null : JSON.stringify(answer.body));
    return new Response(text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetchStub, seen };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
