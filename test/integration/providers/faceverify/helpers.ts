// Shared pieces for the faceverify provider tests: fast client options against a base URL, a person who
// completes the hosted check once the kiosk shows it, and the test peer set up to answer 5xx or never answer.
import type { FaceverifyClientOptions } from '../../../../main/providers/faceverify/client';
import { SANDBOX_FACEVERIFY } from '../../../../main/sandbox/credentials';
import { fastRetriesAndPolling } from '../../../support/client-options';
import { startPeer as startTestPeer, type Peer } from '../../../support/peer';
import type { RecordingContext } from '../../../support/step-context';
import { submitFrame } from '../../sandbox/faceverify/helpers';

/** Fast polling and retries, so a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<FaceverifyClientOptions> = {},
): FaceverifyClientOptions {
  return {
    baseUrl,
    credentials: { ...SANDBOX_FACEVERIFY },
    timeoutMs: 5_000,
    ...fastRetriesAndPolling(),
    ...overrides,
  };
}

/** Waits until the provider has saved its session, then plays the person: sends `frame` from the hosted page. */
export async function personCompletes(rec: RecordingContext, frame: Buffer): Promise<void> {
  const url = await savedSessionUrl(rec);
  const reply = await submitFrame(url, frame);
  if (reply.status !== 200) throw new Error(`hosted result: ${reply.status} ${reply.text}`);
}

export async function savedSessionUrl(rec: RecordingContext, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const saved = rec.saved.session as { url?: string } | undefined;
    if (saved?.url && rec.actions.length > 0) return saved.url;
    if (Date.now() > until) throw new Error('the provider never showed a session');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type { Peer };

/** The shared test peer (test/support/peer.ts), answering every request with `status` or never ('hang'). */
export function startPeer(behaviour: number | 'hang'): Promise<Peer> {
  if (behaviour === 'hang') return startTestPeer(() => 'hang');
  return startTestPeer(() => 'unavailable', {
    refusal: { status: behaviour, body: '{"success":false,"message":"Internal Server Error"}' },
  });
}
