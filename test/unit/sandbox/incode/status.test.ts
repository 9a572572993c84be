// The onboarding status machine, driven by a fake clock through the session store.
import { describe, expect, it } from 'vitest';
import { IncodeSessionStore } from '../../../../main/sandbox/incode/sessions';
import {
  type StatusTiming,
  isExpired,
  onboardingStatus,
  timeline,
} from '../../../../main/sandbox/incode/status';
import { fakeClock } from '../fake-clock';

const timing: StatusTiming = { stepDelayMs: 300, sessionTtlMs: 60_000, finishOnFaceValidation: true };

function setup(t: StatusTiming = timing) {
  const clock = fakeClock();
  const store = new IncodeSessionStore(clock, 'client', t.sessionTtlMs);
  const session = store.create({
    countryCode: 'ALL',
    configurationId: null,
    externalCustomerId: null,
    language: null,
    redirectUrl: null,
  });
  const status = () => onboardingStatus(session, t, clock.now());
  return { clock, session, status };
}

describe('onboarding status', () => {
  it('walks UNKNOWN → ID_VALIDATION → POST_PROCESSING → FACE_VALIDATION → ONBOARDING_FINISHED', () => {
    const { clock, session, status } = setup();
    expect(status()).toBe('UNKNOWN');
    session.idProcessedAt = clock.now();
    expect(status()).toBe('UNKNOWN');
    clock.advance(299);
    expect(status()).toBe('UNKNOWN');
    clock.advance(1);
    expect(status()).toBe('ID_VALIDATION_FINISHED');
    clock.advance(300);
    expect(status()).toBe('POST_PROCESSING_FINISHED');
    session.faceProcessedAt = clock.now();
    clock.advance(299);
    expect(status()).toBe('POST_PROCESSING_FINISHED');
    clock.advance(1);
    expect(status()).toBe('FACE_VALIDATION_FINISHED');
    clock.advance(300);
    expect(status()).toBe('ONBOARDING_FINISHED');
  });

  it('never reaches FACE_VALIDATION_FINISHED before POST_PROCESSING_FINISHED', () => {
    const { clock, session, status } = setup();
    session.faceProcessedAt = clock.now();
    clock.advance(10_000);
    expect(status()).toBe('UNKNOWN');
    session.idProcessedAt = clock.now();
    session.faceProcessedAt = clock.now();
    expect(timeline(session, timing)).toEqual({
      idValidation: clock.now() + 300,
      postProcessing: clock.now() + 600,
      faceValidation: clock.now() + 600,
      onboarding: clock.now() + 900,
    });
    clock.advance(600);
    expect(status()).toBe('FACE_VALIDATION_FINISHED');
  });

  it('waits for /omni/finish-status when the flow does not complete itself', () => {
    const manual = { ...timing, finishOnFaceValidation: false };
    const { clock, session, status } = setup(manual);
    session.idProcessedAt = clock.now();
    session.faceProcessedAt = clock.now();
    clock.advance(5_000);
    expect(status()).toBe('FACE_VALIDATION_FINISHED');
    session.finishRequestedAt = clock.now();
    expect(status()).toBe('ONBOARDING_FINISHED');
  });

  it('expires an unfinished session after the TTL, but a finished one stays finished', () => {
    const a = setup();
    a.session.idProcessedAt = a.clock.now();
    a.clock.advance(59_999);
    expect(a.status()).toBe('POST_PROCESSING_FINISHED');
    expect(isExpired(a.session, timing, a.clock.now())).toBe(false);
    a.clock.advance(1);
    expect(a.status()).toBe('EXPIRED');
    expect(isExpired(a.session, timing, a.clock.now())).toBe(true);

    const b = setup();
    b.session.idProcessedAt = b.clock.now();
    b.session.faceProcessedAt = b.clock.now();
    b.clock.advance(120_000);
    expect(b.status()).toBe('ONBOARDING_FINISHED');
  });

  it('does not finish after the expiry when the last step was still pending', () => {
    const { clock, session, status } = setup();
    clock.advance(59_800);
    session.idProcessedAt = clock.now();
    session.faceProcessedAt = clock.now();
    clock.advance(5_000);
    expect(status()).toBe('EXPIRED');
  });
});
