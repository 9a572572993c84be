// A small fetch wrapper: one request, a time-out through AbortSignal, JSON in and out, and every failure
// turned into the one redacting HttpError. Retrying is not its job (see retry.ts).
import { abortReason } from './clock';
import { HttpError, type Fetch } from './http-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON when defined. */
  body?: unknown;
  /**
   * Sent exactly as given instead of `body`, for a body that must match what was signed; the caller's
   * headers then carry the Content-Type.
   */
  rawBody?: string;
  /** Covers connecting, the headers and the whole body. */
  timeoutMs: number;
  /** The caller's cancellation: it rejects with the abort reason, never with an HttpError. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON, the raw text when it was not JSON, or null when empty. */
  body: unknown;
}

export async function requestJson(fetchFn: Fetch, request: HttpRequest): Promise<HttpResponse> {
  const { method, url, signal } = request;
  if (signal?.aborted) throw abortReason(signal);

  // Our own controller, so that a time-out and a caller's abort can be told apart afterwards.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  try {
    const response = await fetchFn(url, {
      method,
      headers,
      body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
      signal: controller.signal,
    });
    const text = await response.text();
    const body = parseBody(text);
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      throw new HttpError('http', method, url, response.status, body, undefined, retryAfterMs);
    }
    if (typeof body === 'string' && looksLikeJson(response.headers.get('content-type'), text)) {
      throw new HttpError('malformed', method, url, response.status, null, 'the answer is not valid JSON');
    }
    return { status: response.status, body };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (signal?.aborted) throw abortReason(signal);
    if (timedOut)
      throw new HttpError('timeout', method, url, null, null, `no answer within ${request.timeoutMs} ms`);
    // fetch reports connection failures as a TypeError whose cause names the errno; keep only that.
    throw new HttpError('network', method, url, null, null, networkDetail(error));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110); anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A body that claims to be JSON (by its type or its first character) but does not parse. */
function looksLikeJson(contentType: string | null, text: string): boolean {
  return (contentType ?? '').includes('json') || /^\s*[[{]/.test(text);
}

function parseBody(text: string): unknown {
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function networkDetail(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return error instanceof Error ? error.message : 'network failure';
}
