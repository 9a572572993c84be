import { describe, expect, it } from 'vitest';
import { SubmissionTokenStore } from '../../../main/sandbox/identifai/tokens';
import { fakeClock } from './fake-clock';

const TTL = 300_000;

describe('submission tokens', () => {
  it('lets a fresh token create exactly one job', () => {
    const store = new SubmissionTokenStore(fakeClock(), TTL);
    const token = store.issue();
    expect(store.checkSubmit(token)).toBeNull();
    expect(store.consume(token, 'job1')).toBeNull();
    expect(store.checkSubmit(token)).toBe('used');
    expect(store.consume(token, 'job2')).toBe('used');
  });

  it('lets the token read only the job it created, until it expires', () => {
    const clock = fakeClock();
    const store = new SubmissionTokenStore(clock, TTL);
    const token = store.issue();
    expect(store.checkRead(token, 'job1')).toBe('wrong-job'); // not used yet
    store.consume(token, 'job1');
    expect(store.checkRead(token, 'job1')).toBeNull();
    expect(store.checkRead(token, 'job2')).toBe('used');
    clock.advance(TTL - 1);
    expect(store.checkRead(token, 'job1')).toBeNull();
    clock.advance(1);
    expect(store.checkRead(token, 'job1')).toBe('expired');
  });

  it('expires an unused token at the TTL, and reports expiry before reuse', () => {
    const clock = fakeClock();
    const store = new SubmissionTokenStore(clock, TTL);
    const unused = store.issue();
    const used = store.issue();
    store.consume(used, 'job1');
    clock.advance(TTL - 1);
    expect(store.checkSubmit(unused)).toBeNull();
    clock.advance(1);
    expect(store.checkSubmit(unused)).toBe('expired');
    expect(store.consume(unused, 'job2')).toBe('expired');
    expect(store.checkSubmit(used)).toBe('expired');
  });

  it('does not know tokens it did not issue', () => {
    const store = new SubmissionTokenStore(fakeClock(), TTL);
    expect(store.checkSubmit('9268e8f3-1c2e-4b39-8604-61fe30a29908-GIYDEMJNGA4S2MRS')).toBe('unknown');
    expect(store.checkRead('nope', 'job1')).toBe('unknown');
  });
});
