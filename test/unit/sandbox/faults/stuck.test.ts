// The `stuck` switch where jobs finish: IdentifAI jobs stay "on going", Incode onboarding stops short of
// ONBOARDING_FINISHED; both go on as soon as the switch is off again.
import { describe, expect, it } from 'vitest';
import { IdentifaiJobStore } from '../../../../main/sandbox/identifai/jobs';
import { IncodeSessionStore } from '../../../../main/sandbox/incode/sessions';
import { type StatusTiming, onboardingStatus } from '../../../../main/sandbox/incode/status';
import { manualClock } from '../../../support/clocks';

describe('stuck jobs', () => {
  it('keeps an IdentifAI job "on going" while the switch is set', async () => {
    const clock = manualClock();
    const faults = { stuck: true };
    const store = new IdentifaiJobStore(clock, 100, faults);
    const outcome = { status: 'success', message: 'ok', result: [] } as never;
    const job = store.create({ id: 'j', slug: 'face-match', type: 'FACE_MATCH', clientRef: null }, () =>
      Promise.resolve(outcome),
    );
    await job.finished;
    clock.advance(10_000);
    expect(store.view(job)).toEqual({ status: 'on going' });
    faults.stuck = false;
    expect(store.view(job)).toBe(outcome);
  });

  it('stops Incode onboarding short of ONBOARDING_FINISHED while the switch is set', () => {
    const clock = manualClock();
    const faults = { stuck: true };
    const timing: StatusTiming = {
      stepDelayMs: 300,
      sessionTtlMs: 60_000,
      finishOnFaceValidation: true,
      faults,
    };
    const session = new IncodeSessionStore(clock, 'client', timing.sessionTtlMs).create({
      countryCode: 'ALL',
      configurationId: null,
      externalCustomerId: null,
      language: null,
      redirectUrl: null,
    });
    session.idProcessedAt = clock.now();
    session.faceProcessedAt = clock.now();
    session.finishRequestedAt = clock.now();
    clock.advance(5_000);
    expect(onboardingStatus(session, timing, clock.now())).toBe('FACE_VALIDATION_FINISHED');
    expect(onboardingStatus(session, { ...timing, finishOnFaceValidation: false }, clock.now())).toBe(
      'FACE_VALIDATION_FINISHED',
    );
    faults.stuck = false;
    expect(onboardingStatus(session, timing, clock.now())).toBe('ONBOARDING_FINISHED');
  });
});
