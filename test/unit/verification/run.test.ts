// The step runner's bracket around billable requests, on a real store: a request sent whose answer was
// never saved is reported as the duplicate window on the next attempt, once; a request the provider
// certainly never handled (refused, 429) is not; and saved steps reach the next attempt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../main/bridge/events';
import { HttpError } from '../../../main/lib/http-error';
import { configureLogging } from '../../../main/lib/log';
import { ProviderError, type StepContext, type VerificationProvider } from '../../../main/providers/provider';
import type { Store } from '../../../main/store/connection';
import { getStepOutputs, requireRecord } from '../../../main/store/records';
import { runPendingRecord, type RunDeps } from '../../../main/verification/run';
import { noAudit } from '../../../main/audit/events';
import { FakeClock } from '../../support/clocks';
import { outcome } from '../renderer/fixtures';
import { seed } from '../retention/fixtures';
import { tempStore } from '../store/temp-store';

const RECORD = 'RUNTEST00001';
let logs: string[] = [];

beforeEach(() => {
  logs = [];
  configureLogging({ sink: (line) => logs.push(line), level: 'info' });
});
afterEach(() => configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'error' }));

const windowHits = () => logs.filter((line) => line.includes('duplicate window hit')).length;

/** A provider whose every attempt announces the billable step 'submit', then does what `attempt` says. */
function provider(attempt: (ctx: StepContext) => Promise<void>): VerificationProvider {
  return {
    name: 'sandbox',
    async verify(ctx) {
      if (!('submit' in ctx.saved)) {
        ctx.sending('submit');
        await attempt(ctx);
        ctx.save('submit', { job: 'J1' });
      }
      return { kind: 'decided', outcome, raw: { saved: ctx.saved } };
    },
  };
}

function deps(store: Store, verify: VerificationProvider): RunDeps {
  return {
    store,
    events: createEventBus(),
    clock: new FakeClock(),
    getProvider: () => Promise.resolve(verify),
    retryDelay: () => 0,
    onReachability: () => undefined,
    audit: noAudit,
    photoAtFault: () => 'selfie',
  };
}

const run = (d: RunDeps) => runPendingRecord(d, RECORD, new AbortController().signal);

describe('the duplicate window', () => {
  it('is reported once, on the attempt after a request whose answer was lost', async () => {
    const store = tempStore();
    seed(store, { id: RECORD, status: 'pending', steps: 0 });
    let lose = true;
    const d = deps(
      store,
      provider(async () => {
        if (lose) throw new HttpError('timeout', 'POST', 'http://provider/jobs', null, null);
      }),
    );

    expect((await run(d)).status).toBe('pending');
    expect(Object.keys(getStepOutputs(store, RECORD))).toEqual(['submit@sending']);
    expect(windowHits()).toBe(0);

    lose = false;
    expect((await run(d)).status).toBe('decided');
    expect(windowHits()).toBe(1);
    expect(Object.keys(getStepOutputs(store, RECORD))).toEqual(['submit']);
  });

  it('is not reported when the provider certainly never handled the request', async () => {
    for (const never of [
      new HttpError('network', 'POST', 'http://provider/jobs', null, null, 'ECONNREFUSED'),
      new ProviderError('provider_unavailable', 'rate limited', 2_000, true),
    ]) {
      const store = tempStore();
      seed(store, { id: RECORD, status: 'pending', steps: 0 });
      let fail = true;
      const d = deps(
        store,
        provider(async () => {
          if (fail) throw never;
        }),
      );
      expect((await run(d)).status).toBe('pending');
      expect(getStepOutputs(store, RECORD)).toEqual({});
      fail = false;
      expect((await run(d)).status).toBe('decided');
    }
    expect(windowHits()).toBe(0);
  });

  it('is not reported after a step whose answer was saved', async () => {
    const store = tempStore();
    seed(store, { id: RECORD, status: 'pending', steps: 0 });
    const d = deps(
      store,
      provider(() => Promise.resolve()),
    );
    expect((await run(d)).status).toBe('decided');
    expect(requireRecord(store, RECORD).attempts).toBe(1);
    expect(windowHits()).toBe(0);
  });
});

describe('the NIK checks', () => {
  it('are stored with the decision, from the fields the provider read', async () => {
    const store = tempStore();
    seed(store, { id: RECORD, status: 'pending', steps: 0 });
    const decided = await run(
      deps(
        store,
        provider(() => Promise.resolve()),
      ),
    );
    // The fixture's card has a plausible NIK but no birth date or sex to compare it with.
    expect(decided.nikFlags).toEqual(['birth_date_unreadable', 'sex_unreadable']);
    expect(requireRecord(store, RECORD).nikFlags).toEqual(['birth_date_unreadable', 'sex_unreadable']);
  });
});
