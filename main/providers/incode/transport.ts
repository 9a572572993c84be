// One HTTP call to Incode: the shared transport (base URL, time-out, bounded retries of transient failures:
// 5xx, 429, network, time-out) with Incode's mandatory headers. The API key and session tokens are
// registered as secrets, so no log line or error message can carry them.
import type { HttpMethod, HttpResponse } from '../../lib/http';
import { createLogger } from '../../lib/log';
import { registerCredential, registerSecret } from '../../lib/redact';
import { createJsonTransport, type TransportSettings } from '../shared/transport';

export const API_VERSION = '1.0';
export const HARDWARE_ID_HEADER = 'X-Incode-Hardware-Id';

export interface TransportOptions extends TransportSettings {
  apiKey: string;
}

export interface SendOptions {
  /** The session token from /omni/start; sent as X-Incode-Hardware-Id. Absent only for /omni/start. */
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export type Send = (method: HttpMethod, path: string, options?: SendOptions) => Promise<HttpResponse>;

const log = createLogger('incode');

export function createTransport(options: TransportOptions): Send {
  registerCredential(options.apiKey);
  const transport = createJsonTransport(options, {
    log,
    message: 'retrying Incode request',
    fields: ({ path }) => ({ path: path.split('?')[0] }),
  });
  return (method, path, { token, body, signal } = {}) => {
    const headers: Record<string, string> = {
      'x-api-key': options.apiKey,
      'api-version': API_VERSION,
      'Content-Type': 'application/json',
    };
    if (token !== undefined) {
      registerSecret(token);
      headers[HARDWARE_ID_HEADER] = token;
    }
    // Every Incode POST creates or changes session state (a session, an upload, a processing run).
    return transport.send({ method, path, headers, body, signal, billable: method === 'POST' });
  };
}
