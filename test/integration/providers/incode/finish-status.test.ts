// Item 7 over real HTTP: a flow that completes itself ("Mark session completed on status" on its last step)
// and one that never reaches ONBOARDING_FINISHED until /omni/finish-status is called (the sandbox's
// `finishOnFaceValidation: false`). By default Loket calls finish-status once, at the onboarding deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { createIncodeProvider } from '../../../../main/providers/incode/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { ktpCard, selfieA } from '../../../fixtures/images';
import { recordingContext } from '../../../support/step-context';
import { watchingFetch } from '../../../support/watching-fetch';
import { clientOptions } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const images = async () => ({ id_card: await ktpCard('A'), selfie: await selfieA() });
/** The sandbox's status steps are 100 ms apart; the onboarding deadline is 1.5 s. */
const FAST = { poll: { firstDelayMs: 50, growth: 1.5, maxDelayMs: 200, deadlineMs: 1_500 } };

async function run(flow: { finishOnFaceValidation: boolean }, finishStatus?: 'on_deadline' | 'never') {
  sandbox = await startSandbox({ port: 0, incode: { stepDelayMs: 100, ...flow } });
  const { fetch, count } = watchingFetch();
  const provider = createIncodeProvider({
    client: clientOptions(`${sandbox.url}/incode`, { fetch, ...FAST }),
    afterFinishPoll: { deadlineMs: 1_500 },
    ...(finishStatus ? { finishStatus } : {}),
  });
  const rec = recordingContext(await images(), { recordId: 'INCFINISH001' });
  const result = await provider.verify(rec.ctx).catch((error: unknown) => error);
  return { result, rec, count };
}

describe('Incode finish-status at the onboarding deadline', () => {
  it('a flow that completes itself: finish-status is never called', async () => {
    const { result, rec, count } = await run({ finishOnFaceValidation: true });
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    expect(count('/omni/finish-status')).toBe(0);
    expect(rec.saved.finish).toBeUndefined();
  });

  it('a flow that needs it: called once at the deadline, then the status is polled again and the record decided', async () => {
    const { result, rec, count } = await run({ finishOnFaceValidation: false });
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    expect(count('/omni/finish-status')).toBe(1);
    expect(rec.saved.finish).toMatchObject({ calledAt: 'deadline', answer: { action: 'approved' } });
    expect(rec.saved.onboarding).toEqual({ onboardingStatus: 'ONBOARDING_FINISHED' });
  });

  it("with finishStatus 'never' that flow waits in the queue, and the error names the dashboard setting", async () => {
    const { result, rec, count } = await run({ finishOnFaceValidation: false }, 'never');
    expect(result).toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
      message: expect.stringMatching(/Mark session completed on status/) as string,
    });
    expect(count('/omni/finish-status')).toBe(0);
    expect(rec.saved.onboarding).toBeUndefined();
  });
});
