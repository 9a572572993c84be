// The offline queue against a misbehaving provider (the sandbox's fault switches over real HTTP): every
// record ends in exactly one final state, none is lost, retries stay bounded, and nothing is submitted twice
// except in the one documented window (request sent, answer lost), which is logged when it is hit.
import { afterEach, describe, expect, it } from 'vitest';
import { getRecord, openStore } from '../../../main/store';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { loadOrCreateDataKey } from '../../../main/keys';
import {
  capturedRecord,
  jobsByRecord,
  keychainFor,
  setFaults,
  startQueueKiosk,
  untilAllFinal,
  view,
  type QueueKiosk,
} from './harness';

let sandbox: Sandbox | undefined;
let kiosk: QueueKiosk | undefined;

afterEach(async () => {
  await kiosk?.close();
  await sandbox?.close();
  kiosk = undefined;
  sandbox = undefined;
});

async function submitAll(k: QueueKiosk, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push(await capturedRecord(k.app));
  // Staff submit one after another without waiting for answers; each submit settles on its own.
  await Promise.all(ids.map((recordId) => k.app.handlers.submitVerification({ recordId })));
  return ids;
}

function duplicateWindowHits(k: QueueKiosk, recordId: string): number {
  return k.logs.filter((line) => line.includes('duplicate window hit') && line.includes(recordId)).length;
}

describe('the offline queue against faults', () => {
  it('drains through 5xx, 429, time-outs and malformed answers to one final state each, submitting once', async () => {
    sandbox = await startSandbox({
      port: 0,
      jobDurationMs: 50,
      faults: {
        errorRate: 0.15,
        rateLimitRate: 0.1,
        retryAfterSeconds: 1,
        timeoutRate: 0.05,
        malformedRate: 0.1,
        seed: 20261122,
      },
    });
    kiosk = await startQueueKiosk(sandbox.url);
    const ids = await submitAll(kiosk, 8);
    const views = await untilAllFinal(kiosk.app, ids, 90_000);

    expect(
      views.map((v) => v.outcome?.decision ?? `${v.status}:${v.error?.code}:${v.error?.message}`),
    ).toEqual(ids.map(() => 'verified'));
    const jobs = await jobsByRecord(sandbox.url);
    for (const id of ids) {
      // Faults answered before the request was handled create nothing, so each analytic ran exactly once.
      expect((jobs.get(id) ?? []).sort()).toEqual(['face-match-liveness-v1', 'ocr-ktp']);
    }
    const store = openStore(kiosk.dataDir, { key: await keyOf(kiosk) });
    try {
      for (const id of ids) expect(getRecord(store, id)?.attempts).toBeLessThanOrEqual(12);
    } finally {
      store.close();
    }
    const faults = (await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()) as {
      injected: { error: number; rateLimit: number; malformed: number };
    };
    expect(faults.injected.error + faults.injected.rateLimit + faults.injected.malformed).toBeGreaterThan(0);
  });

  it('submits again only when an answer was lost after the provider handled the request, and logs it', async () => {
    sandbox = await startSandbox({
      port: 0,
      jobDurationMs: 50,
      faults: { faultAfterHandlingRate: 0.25, faultAfterHandlingAs: 'error', seed: 7 },
    });
    kiosk = await startQueueKiosk(sandbox.url);
    const ids = await submitAll(kiosk, 6);
    await untilAllFinal(kiosk.app, ids, 90_000);
    const jobs = await jobsByRecord(sandbox.url);
    let duplicates = 0;
    for (const id of ids) {
      const submitted = jobs.get(id) ?? [];
      const extra = submitted.length - 2;
      duplicates += extra;
      // Every extra job is one the kiosk knows about: it logged the window for that record.
      expect(extra).toBeLessThanOrEqual(duplicateWindowHits(kiosk, id));
    }
    expect(duplicates).toBeGreaterThan(0);
  });

  it('keeps polling a job that stays "on going", without submitting it again', async () => {
    sandbox = await startSandbox({ port: 0, jobDurationMs: 50, faults: { stuckJobs: true } });
    kiosk = await startQueueKiosk(sandbox.url);
    const [id] = await submitAll(kiosk, 1);
    if (!id) throw new Error('no record');
    // The poll deadline passes: the record is kept pending, not failed.
    expect((await view(kiosk.app, id)).status).toMatch(/pending|in_progress/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await setFaults(sandbox.url, null);
    const [final] = await untilAllFinal(kiosk.app, [id], 60_000);
    expect(final?.outcome?.decision).toBe('verified');
    expect(((await jobsByRecord(sandbox.url)).get(id) ?? []).sort()).toEqual([
      'face-match-liveness-v1',
      'ocr-ktp',
    ]);
  });

  it('tells the person the application is saved when the provider is down, and sends it when it is back', async () => {
    const first = await startSandbox({ port: 0, jobDurationMs: 50 });
    const port = Number(new URL(first.url).port);
    await first.close();
    kiosk = await startQueueKiosk(`http://127.0.0.1:${port}`);
    const ids = await submitAll(kiosk, 3);
    for (const id of ids) expect((await view(kiosk.app, id)).status).toBe('pending');
    expect(await kiosk.app.handlers.getSyncStatus({})).toMatchObject({ pending: 3, reachable: false });

    // The provider comes back on the same address: the health probe notices and the queue drains.
    sandbox = await startSandbox({ port, jobDurationMs: 50 });
    const views = await untilAllFinal(kiosk.app, ids, 60_000);
    expect(views.map((v) => v.outcome?.decision)).toEqual(['verified', 'verified', 'verified']);
    expect(await kiosk.app.handlers.getSyncStatus({})).toMatchObject({ pending: 0, reachable: true });
  });
});

function keyOf(k: QueueKiosk): Promise<Buffer> {
  return loadOrCreateDataKey(keychainFor(k.dataDir), k.dataDir);
}
