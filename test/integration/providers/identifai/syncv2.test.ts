// The synchronous variant: POST /syncv2/analytics/{slug} answers the final result at once, flat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentifaiProvider } from '../../../../main/providers/identifai/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { catImage, ktpCard, selfieA, selfieBColour } from '../../../fixtures/images';
import { clientOptions, sandboxJobs, stepContext } from './helpers';

let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  base = `${sandbox.url}/identifai`;
});
afterAll(() => sandbox.close());

const sync = () => createIdentifaiProvider({ client: clientOptions(base, { mode: 'syncv2' }) });

describe('IdentifAI over HTTP: syncv2', () => {
  it('verified, with OCR fields, and the answers saved so a resumed run submits nothing', async () => {
    const first = stepContext(
      { id_card: await ktpCard('A'), selfie: await selfieA() },
      { recordId: 'SYNCV2OK01' },
    );
    const result = await sync().verify(first.ctx);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified', ocr: { nik: expect.stringMatching(/^\d{16}$/) as unknown } },
    });
    expect(first.saves.map(([s]) => s)).toEqual(['face_match_liveness', 'ocr_ktp']);

    const again = stepContext(
      { id_card: await ktpCard('A'), selfie: await selfieA() },
      { recordId: 'SYNCV2OK01', saved: Object.fromEntries(first.saves) },
    );
    await expect(sync().verify(again.ctx)).resolves.toEqual(result);
    expect((await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'SYNCV2OK01')).toHaveLength(2);
  });

  it('The Face Pair Not Match → not_verified', async () => {
    const result = await sync().verify(
      stepContext({ id_card: await ktpCard('A'), selfie: await selfieBColour() }).ctx,
    );
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', providerMessage: 'The Face Pair Not Match' },
    });
  });

  it('No face detected → retake', async () => {
    const result = await sync().verify(
      stepContext({ id_card: await ktpCard('A'), selfie: await catImage() }).ctx,
    );
    expect(result).toMatchObject({ kind: 'retake', reason: 'no_face' });
  });
});
