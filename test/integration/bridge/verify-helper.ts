// One customer through the real host and the sandbox: start, both photos, submit; the decided record.
// Also the steps alone, for tests that go their own way after one of them.
import { ktpCard, selfieA } from '../../fixtures/images';
import { call, type Envelope, type Kiosk } from './kiosk-harness';

/** A new record (verification.start), its id. */
export async function startRecord(kiosk: Kiosk, start: Record<string, unknown> = {}): Promise<string> {
  const started = await call(kiosk, 'verification.start', start);
  if (!started.envelope.ok) throw new Error(`start failed: ${JSON.stringify(started.envelope)}`);
  return started.envelope.value.id;
}

export async function capture(kiosk: Kiosk, start: Record<string, unknown> = {}): Promise<string> {
  const recordId = await startRecord(kiosk, start);
  for (const [kind, image] of [
    ['id_card', await ktpCard('A')],
    ['selfie', await selfieA()],
  ] as const) {
    const added = await call(kiosk, 'verification.addImage', {
      recordId,
      kind,
      imageBase64: image.toString('base64'),
      cardCrop: kind === 'id_card', // the fixture KTP is the card itself, as the kiosk's crop would be
    });
    if (!added.envelope.ok) throw new Error(`addImage failed: ${JSON.stringify(added.envelope)}`);
  }
  return recordId;
}

export async function verify(kiosk: Kiosk, start: Record<string, unknown> = {}): Promise<Envelope> {
  const recordId = await capture(kiosk, start);
  return (await call(kiosk, 'verification.submit', { recordId })).envelope;
}
