// The LoketApi for a plain browser, built over the loopback host. It is derived from the contract by
// iterating VERBS and EVENT_VERBS, so a channel added to common/contract.ts needs no code here.
// Nothing here throws to the UI: every failure comes back as an envelope.
import type { LoketApi, Verb } from '../../common/contract';
import { channels, EVENT_VERBS, VERBS } from '../../common/contract';
import type { Envelope } from '../../common/errors';
import { fail } from '../../common/errors';
import type { EventHub } from './eventHub';
import { buildInvokeRequest, parseEnvelope } from './hostProtocol';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json: () => Promise<unknown> }>;

export interface HostBridgeOptions {
  origin: string;
  secret: string;
  fetch: FetchLike;
  hub: EventHub;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHostBridge({ origin, secret, fetch, hub }: HostBridgeOptions): LoketApi {
  const invoke = async (verb: Verb, request: unknown): Promise<Envelope<unknown>> => {
    const { channel, response: schema } = channels[verb];
    const { url, init } = buildInvokeRequest(origin, secret, channel, request);
    let status: number;
    let body: unknown;
    try {
      const response = await fetch(url, init);
      status = response.status;
      body = await response.json().catch(() => undefined);
    } catch (error) {
      return fail('internal', `The Loket host could not be reached: ${messageOf(error)}`);
    }
    return parseEnvelope(schema, body, status);
  };

  const api: Record<string, unknown> = {};
  for (const verb of VERBS) api[verb] = (request: unknown) => invoke(verb, request);
  for (const verb of EVENT_VERBS)
    api[verb] = (listener: (payload: unknown) => void) => hub.subscribe(verb, listener);
  // The loops above give every verb and event of the contract its function; TypeScript cannot follow a
  // loop over keys, so the one assertion is here, and test/unit/renderer checks the shape at run time.
  return api as LoketApi;
}
