// What the console's end-to-end test does to the kiosk outside the page, honestly, through the host's own
// HTTP bridge with the page's per-run key (taken from the URL the host printed): real verifications against
// the sandbox, a desk correction, and signing the kiosk's one session in or out. The session lives in main,
// so the page sees it through session.get and the session.changed event, as it would a sign-in screen's.
import { ktpCard, selfieA, selfieBColour } from '../fixtures/images';

export interface HostBridge {
  call(channel: string, body: unknown): Promise<Record<string, unknown>>;
}

export function hostBridge(url: string): HostBridge {
  const { origin, hash } = new URL(url);
  const key = new URLSearchParams(hash.slice(1)).get('k') ?? '';
  return {
    async call(channel, body) {
      const response = await fetch(`${origin}/bridge/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-loket-key': key },
        body: JSON.stringify(body),
      });
      const envelope = (await response.json()) as
        { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string } };
      if (!envelope.ok) throw new Error(`${channel} refused: ${envelope.error.code}`);
      return envelope.value;
    },
  };
}

/** One customer: start, the KTP and a selfie (the same person, or another), submit; the decided record. */
export async function verifyCustomer(bridge: HostBridge, selfie: 'same' | 'other' = 'same') {
  const record = await bridge.call('verification.start', {});
  const recordId = String(record.id);
  const face = selfie === 'same' ? await selfieA() : await selfieBColour();
  for (const [kind, image] of [
    ['id_card', await ktpCard('A')],
    ['selfie', face],
  ] as const) {
    // The fixture KTP is the card itself, as the kiosk's crop would be.
    const cardCrop = kind === 'id_card';
    await bridge.call('verification.addImage', {
      recordId,
      kind,
      imageBase64: image.toString('base64'),
      cardCrop,
    });
  }
  // Submit answers once the provider has decided (the sandbox's jobs take well under its wait).
  const view = await bridge.call('verification.submit', { recordId });
  if (view.status !== 'decided') throw new Error(`the record is ${String(view.status)}, not decided`);
  return view;
}
