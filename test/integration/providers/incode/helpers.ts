// Shared pieces for the Incode integration tests: client options with fast retries and polling, the
// sandbox's job list, and the test peer (answers 503, never answers, or forwards to the sandbox) set up for
// Incode. The clock that can be moved forward and the watching fetch are in test/support.
import type { IncodeClientOptions } from '../../../../main/providers/incode/client';
import { SANDBOX_INCODE } from '../../../../main/sandbox/credentials';
import { fastRetriesAndPolling } from '../../../support/client-options';
import { peerFor, type Peer, type PeerAction } from '../../../support/peer';

/** Fast polling and retries, so a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<IncodeClientOptions> = {},
): IncodeClientOptions {
  return {
    baseUrl,
    apiKey: SANDBOX_INCODE.apiKey,
    timeoutMs: 15_000,
    ...fastRetriesAndPolling(),
    ...overrides,
  };
}

export interface SandboxJob {
  id: string;
  provider: string;
  analytic: string;
  client_ref: string | null;
}

/** The Incode calls the sandbox recorded, optionally for one record (externalCustomerId). */
export async function incodeJobs(sandboxUrl: string, recordId?: string): Promise<SandboxJob[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/jobs`);
  const { jobs } = (await response.json()) as { jobs: SandboxJob[] };
  return jobs.filter((j) => j.provider === 'incode' && (recordId === undefined || j.client_ref === recordId));
}

/** How many recorded jobs are calls to `path` (the sandbox's analytic: 'omni/start', 'omni/process/id'…). */
export function countJobs(jobs: readonly SandboxJob[], path: string): number {
  return jobs.filter((j) => j.analytic === path).length;
}

export type { Peer, PeerAction };

/**
 * The test peer (test/support/peer.ts) passing on Incode's key, version and session headers, refusing as
 * Incode does.
 */
export const startPeer = peerFor({
  forwardHeaders: ['x-api-key', 'api-version', 'x-incode-hardware-id', 'content-type', 'accept'],
  refusal: { status: 503, body: '{"status":503,"error":"Service Unavailable"}' },
});
