// Shared pieces for the IdentifAI integration tests: fast client options, a StepContext, the sandbox's job
// list, and the test peer (answers 503, hangs, or forwards to the sandbox and loses the answer) set up for
// IdentifAI. The clock that can be moved forward is test/support/clocks.ts's ShiftClock.
import type { ImageKind } from '../../../../common/record';
import { fastRetriesAndPolling } from '../../../support/client-options';
import { peerFor, type Peer, type PeerAction } from '../../../support/peer';
import { recordingContext, type RecordingContext } from '../../../support/step-context';
import type { IdentifaiClientOptions } from '../../../../main/providers/identifai/client';
import { SANDBOX_IDENTIFAI } from '../../../../main/sandbox/credentials';

/** Fast polling and retries, so a test of a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<IdentifaiClientOptions> = {},
): IdentifaiClientOptions {
  return {
    baseUrl,
    credentials: { ...SANDBOX_IDENTIFAI },
    timeoutMs: 15_000,
    ...fastRetriesAndPolling(),
    ...overrides,
  };
}

export type TestContext = RecordingContext;

export function stepContext(
  images: Record<ImageKind, Buffer>,
  options: { recordId?: string; saved?: Record<string, unknown>; signal?: AbortSignal } = {},
): TestContext {
  return recordingContext(images, options);
}

export interface SandboxJob {
  id: string;
  analytic: string;
  client_ref: string | null;
}

export async function sandboxJobs(sandboxUrl: string): Promise<SandboxJob[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/jobs`);
  return ((await response.json()) as { jobs: SandboxJob[] }).jobs;
}

export type { Peer, PeerAction };

/** The test peer (test/support/peer.ts) passing on IdentifAI's auth headers, refusing as IdentifAI does. */
export const startPeer = peerFor({
  forwardHeaders: ['authorization', 'x-nodeflux-timestamp', 'content-type', 'accept'],
  refusal: { status: 503, body: '{"ok":false,"message":"Service Unavailable"}' },
});
