// One HTTP call to IdentifAI: the shared transport (base URL, time-out, bounded retries of transient
// failures) with IdentifAI's log line. Its callers add the signature or token headers.
import type { HttpMethod, HttpResponse } from '../../lib/http';
import { createLogger } from '../../lib/log';
import { createJsonTransport, type TransportSettings } from '../shared/transport';

export type TransportOptions = TransportSettings;

export interface SendOptions {
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  signal?: AbortSignal;
}

export type Send = (method: HttpMethod, path: string, options?: SendOptions) => Promise<HttpResponse>;

const log = createLogger('identifai');

export function createTransport(options: TransportOptions): Send {
  const transport = createJsonTransport(options, {
    log,
    message: 'retrying IdentifAI request',
    fields: ({ path }) => ({ path: redactPath(path) }),
  });
  return (method, path, { headers, body, signal } = {}) =>
    transport.send({ method, path, headers, body, signal, billable: isBillable(method, path) });
}

/** Analytics requests create a billed job; signatures, submission tokens and job reads do not. */
function isBillable(method: HttpMethod, path: string): boolean {
  return method === 'POST' && (path.startsWith('/v1/analytics/') || path.startsWith('/syncv2/'));
}

/** Job ids are not secret, but they are long and noisy in a log line. */
function redactPath(path: string): string {
  return path.replace(/\/v1\/jobs\/.+$/, '/v1/jobs/…');
}
