import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../main/lib/http-error';
import { withRetry } from '../../../main/lib/retry';
import { FakeClock } from './fake-clock';

const unavailable = () => new HttpError('http', 'GET', 'https://x.test/a', 503, null);
const badRequest = () => new HttpError('http', 'GET', 'https://x.test/a', 400, null);
const policy = { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999999 };

describe('withRetry', () => {
  it('retries retryable failures with growing delays, then returns the value', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const value = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw unavailable();
        return 'ok';
      },
      { ...policy, clock },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('gives up after the bounded number of retries with the last error', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new HttpError('timeout', 'POST', 'https://x.test/a', null, null);
      },
      { ...policy, clock },
    );
    await expect(failing).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls).toBe(4);
    expect(clock.sleeps).toHaveLength(3);
  });

  it('does not retry a non-retryable failure', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw badRequest();
      },
      { ...policy, clock },
    );
    await expect(failing).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries 429 and network failures, not plain errors', async () => {
    const clock = new FakeClock();
    const errors = [
      new HttpError('http', 'GET', 'u', 429, null),
      new HttpError('network', 'GET', 'u', null, null),
      new Error('bug'),
    ];
    let calls = 0;
    const failing = withRetry(
      async () => {
        throw errors[calls++] ?? new Error('unexpected');
      },
      { ...policy, clock },
    );
    await expect(failing).rejects.toThrow('bug');
    expect(calls).toBe(3);
  });

  it("waits at least a 429's Retry-After, and leaves a longer one to the caller", async () => {
    const limited = (retryAfterMs: number) =>
      new HttpError('http', 'POST', 'https://x.test/a', 429, null, undefined, retryAfterMs);
    const clock = new FakeClock();
    let calls = 0;
    const value = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt === 1) throw limited(900);
        return 'ok';
      },
      { ...policy, random: () => 0, clock },
    );
    expect(value).toBe('ok');
    expect(clock.sleeps).toEqual([900]);

    const longer = new FakeClock();
    calls = 0;
    const refused = withRetry(
      async () => {
        calls++;
        throw limited(30_000);
      },
      { ...policy, clock: longer },
    );
    await expect(refused).rejects.toMatchObject({ status: 429, retryAfterMs: 30_000 });
    expect(calls).toBe(1);
    expect(longer.sleeps).toEqual([]);
  });

  it('retries = 0 tries exactly once', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw unavailable();
      },
      { ...policy, retries: 0, clock: new FakeClock() },
    );
    await expect(failing).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });

  it('stops with the abort reason when aborted, without another attempt', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        controller.abort(reason);
        throw unavailable();
      },
      { ...policy, clock: new FakeClock(), signal: controller.signal },
    );
    await expect(failing).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('honours a custom isRetryable and reports each retry', async () => {
    const retried: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 2) throw new Error('flaky');
        return calls;
      },
      {
        ...policy,
        clock: new FakeClock(),
        isRetryable: () => true,
        onRetry: (_e, attempt) => retried.push(attempt),
      },
    );
    expect(value).toBe(2);
    expect(retried).toEqual([1]);
  });
});
