// A kiosk in-process for the offline-queue tests: the real store (encrypted, on a temp folder), the real
// IdentifAI client and sync engine, and the sandbox over loopback with its fault switches. Time is real
// but short: backoff, probes and time-outs are set in tenths of a second.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordView } from '../../../common/record';
import { createApp, type App } from '../../../main/app';
import { loadSettings } from '../../../main/config/settings';
import { MemorySecretStore } from '../../../main/keys';
import { configureLogging } from '../../../main/lib/log';
import { ktpCard, selfieA } from '../../fixtures/images';

export interface QueueKiosk {
  app: App;
  dataDir: string;
  /** Log lines the kiosk wrote (JSON), for the duplicate-window and redaction checks. */
  logs: string[];
  close(): Promise<void>;
}

export async function startQueueKiosk(providerUrl: string, dataDir?: string): Promise<QueueKiosk> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'loket-queue-'));
  const logs: string[] = [];
  configureLogging({ level: 'info', sink: (line) => logs.push(line) });
  const settings = loadSettings(dir, {
    provider: 'sandbox',
    providerUrl,
    identifai: {
      mode: 'async',
      livenessThreshold: 0.6,
      similarityThreshold: 0.7,
      faceMatchLivenessSlug: 'face-match-liveness-v1',
      ocrKtpSlug: 'ocr-ktp',
      pollDeadlineSeconds: 3,
    },
    sync: {
      concurrency: 3,
      backoffBaseSeconds: 0.1,
      backoffCapSeconds: 0.8,
      probeIntervalSeconds: 0.2,
      requestTimeoutSeconds: 1,
    },
  });
  const app = await createApp({ dataDir: dir, settings, version: 'test', secrets: keychainFor(dir) });
  // A desk verifies only with someone signed in; the sandbox's one-tap training sign-in is that someone.
  await app.handlers.signInTraining({});
  return { app, dataDir: dir, logs, close: () => app.close() };
}

// One in-memory keychain per data folder, so a "restarted" kiosk finds its database key again.
const keychains = new Map<string, MemorySecretStore>();
export function keychainFor(dataDir: string): MemorySecretStore {
  let secrets = keychains.get(dataDir);
  if (!secrets) keychains.set(dataDir, (secrets = new MemorySecretStore()));
  return secrets;
}

export async function capturedRecord(app: App): Promise<string> {
  const started = await app.handlers.startVerification({ mode: 'assisted' });
  await app.handlers.addImage({
    recordId: started.id,
    kind: 'id_card',
    cardCrop: true,
    imageBase64: (await ktpCard('A')).toString('base64'),
  });
  await app.handlers.addImage({
    recordId: started.id,
    kind: 'selfie',
    imageBase64: (await selfieA()).toString('base64'),
  });
  return started.id;
}

export async function view(app: App, recordId: string): Promise<RecordView> {
  return app.handlers.getVerification({ recordId });
}

/** Waits until every record is final (decided or failed), or fails the test after `timeoutMs`. */
export async function untilAllFinal(
  app: App,
  ids: readonly string[],
  timeoutMs = 60_000,
): Promise<RecordView[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const views = await Promise.all(ids.map((id) => view(app, id)));
    if (views.every((v) => v.status === 'decided' || v.status === 'failed')) return views;
    if (Date.now() > until) {
      const states = views.map((v) => `${v.id}:${v.status}:${v.error?.code ?? ''}`).join(', ');
      throw new Error(`records not final after ${timeoutMs} ms: ${states}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface SandboxJob {
  analytic: string;
  client_ref: string | null;
}

export async function jobsByRecord(sandboxUrl: string): Promise<Map<string, string[]>> {
  const { jobs } = (await (await fetch(`${sandboxUrl}/_sandbox/jobs`)).json()) as { jobs: SandboxJob[] };
  const byRecord = new Map<string, string[]>();
  for (const job of jobs) {
    if (!job.client_ref) continue;
    byRecord.set(job.client_ref, [...(byRecord.get(job.client_ref) ?? []), job.analytic]);
  }
  return byRecord;
}

export async function setFaults(sandboxUrl: string, policy: object | null): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method: policy ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: policy ? JSON.stringify(policy) : null,
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}
