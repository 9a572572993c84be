// Crash safety: the host is killed with SIGKILL at random moments while records sync, then restarted.
// Every captured record must end in exactly one final state, none lost, and each analytic submitted once
// per record, plus at most one more for each time the documented duplicate window was hit (request sent,
// answer not saved), which the kiosk logs. Every host is killed in a finally, also when the test fails or
// times out (test/support/processes.ts kills any left after it); the data folder and the keychain entry
// the hosts made are removed after the file.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_KEY_ACCOUNT } from '../../../main/keys/data-key';
import { KeytarSecretStore } from '../../../main/keys/keytar-store';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { ktpCard, REPO_ROOT, selfieA } from '../../fixtures/images';
import { spawnTracked, stopProcess } from '../../support/processes';
import { jobsByRecord } from './harness';

interface Host {
  child: ChildProcess;
  url: string;
  key: string;
  logs: string[];
}

const service = `loket-crash-test-${process.pid}`;
let sandbox: Sandbox;
const dataDir = mkdtempSync(join(tmpdir(), 'loket-crash-'));
const allLogs: string[] = [];
// Deterministic "random" moments, so a failure can be replayed.
let seed = 20261122;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 300, latencyMs: 40 });
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({
      provider: 'sandbox',
      providerUrl: sandbox.url,
      sync: { concurrency: 2, backoffBaseSeconds: 0.2, backoffCapSeconds: 1, probeIntervalSeconds: 0.2 },
    }),
  );
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await new KeytarSecretStore({ service }).delete(DATA_KEY_ACCOUNT).catch(() => undefined);
});

/** The real `npm run host` program, in its own process group so SIGKILL reaches the node process itself. */
async function startHost(): Promise<Host> {
  const child = spawnTracked(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [join(REPO_ROOT, 'main/host/cli.ts'), '--port', '0', '--data', dataDir],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LOKET_LOG_LEVEL: 'info', LOKET_KEYCHAIN_SERVICE: service },
    },
  );
  const logs: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    logs.push(line);
    allLogs.push(line);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`host did not start:\n${logs.join('\n')}`)), 60_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('http://127.0.0.1:')) resolve(line.trim());
      });
      child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${logs.join('\n')}`)));
    });
    const parsed = new URL(url);
    const host = { child, url: parsed.origin, key: parsed.hash.replace('#k=', ''), logs };
    // Sessions live in memory: every restarted desk is signed in again (training, the sandbox's one tap).
    await call(host, 'session.signInTraining', {});
    return host;
  } catch (error) {
    await stopProcess(child, { signal: 'SIGKILL' });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Pulls the plug: SIGKILL to the host's whole process group (tsx and the node it runs). */
const kill = (host: Host): Promise<void> => stopProcess(host.child, { signal: 'SIGKILL' });

async function call<T>(host: Host, channel: string, body: unknown): Promise<T> {
  const response = await fetch(`${host.url}/bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-loket-key': host.key },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { code: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code}`);
  return envelope.value;
}

async function capture(host: Host): Promise<string> {
  const { id } = await call<{ id: string }>(host, 'verification.start', { mode: 'assisted' });
  await call(host, 'verification.addImage', {
    recordId: id,
    kind: 'id_card',
    cardCrop: true,
    imageBase64: (await ktpCard('A')).toString('base64'),
  });
  await call(host, 'verification.addImage', {
    recordId: id,
    kind: 'selfie',
    imageBase64: (await selfieA()).toString('base64'),
  });
  return id;
}

describe('SIGKILL while records sync', () => {
  it('loses no record, leaves none stuck, and submits each once outside the logged window', async () => {
    const ids: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const host = await startHost();
      try {
        for (let i = 0; i < 2; i += 1) ids.push(await capture(host));
        // Submit without waiting (a kiosk has many customers), then pull the plug at a random moment.
        for (const recordId of ids)
          void call(host, 'verification.submit', { recordId }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 150 + random() * 1_200));
      } finally {
        await kill(host);
      }
    }

    const host = await startHost();
    try {
      const until = Date.now() + 90_000;
      let views: Array<{ id: string; status: string; outcome: { decision: string } | null }> = [];
      for (;;) {
        views = await Promise.all(
          ids.map((recordId) => call<(typeof views)[number]>(host, 'verification.get', { recordId })),
        );
        if (views.every((v) => v.status === 'decided' || v.status === 'failed')) break;
        if (Date.now() > until)
          throw new Error(`not final: ${views.map((v) => `${v.id}:${v.status}`).join(', ')}`);
        // Records a killed host never submitted are still captured: submitting them is the customer's
        // step, and it is idempotent for records already on their way.
        for (const v of views)
          if (v.status === 'captured') await call(host, 'verification.submit', { recordId: v.id });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(views.map((v) => v.outcome?.decision)).toEqual(ids.map(() => 'verified'));
      // The kills really landed mid-sync: at least one restart found records in progress and recovered them.
      expect(allLogs.some((line) => line.includes('interrupted by a restart'))).toBe(true);

      const jobs = await jobsByRecord(sandbox.url);
      for (const id of ids) {
        const hits = allLogs.filter(
          (line) => line.includes('duplicate window hit') && line.includes(id),
        ).length;
        for (const analytic of ['face-match-liveness-v1', 'ocr-ktp']) {
          const count = (jobs.get(id) ?? []).filter((a) => a === analytic).length;
          expect(count, `${id} ${analytic}`).toBeGreaterThanOrEqual(1);
          expect(count, `${id} ${analytic} (window hits ${hits})`).toBeLessThanOrEqual(1 + hits);
        }
      }
    } finally {
      await kill(host);
    }
  });
});
