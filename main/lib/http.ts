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
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    const body = parseBody(await response.text());
    if (!response.ok) throw new HttpError('http', method, url, response.status, body);
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
