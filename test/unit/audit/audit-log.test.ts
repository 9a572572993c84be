// The audit log on a real encrypted store, with a SecretStore in memory standing in for the keychain (the
// same interface; the keychain itself is exercised by test/integration/audit/). Appends are one
// transaction with the caller's, the head follows them into the keychain, and the table refuses change.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../main/audit/audit-log';
import { AuditEntryError } from '../../../main/audit/append';
import { AUDIT_HEAD_ACCOUNT, decodeHead, readHead } from '../../../main/audit/head';
import { AUDIT_KEY_ACCOUNT, AuditKeyError } from '../../../main/audit/key';
import { countEntries, iterateAuditRows, lastOfAction } from '../../../main/audit/rows';
import { settingsAtStart } from '../../../main/audit/settings-entry';
import { verifyChain } from '../../../main/audit/verify';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import { configureLogging } from '../../../main/lib/log';
import { redact } from '../../../main/lib/redact';
import { inTransaction } from '../../../main/store/connection';
import { requireRecord } from '../../../main/store/records';
import { runPendingRecord } from '../../../main/verification/run';
import { createEventBus } from '../../../main/bridge/events';
import { FakeClock, manualTimers } from '../../support/clocks';
import { outcome } from '../renderer/fixtures';
import { NIK_A, seed } from '../retention/fixtures';
import { tempDir, tempStore } from '../store/temp-store';

let logs: string[] = [];
beforeEach(() => {
  logs = [];
  configureLogging({ sink: (line) => logs.push(line), level: 'warn' });
});
afterEach(() => configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'error' }));

const clock = new FakeClock(Date.UTC(2026, 0, 5, 8, 0, 0));

async function opened(store = tempStore(), secrets = new MemorySecretStore()) {
  const timers = manualTimers();
  const audit = await openAuditLog({ store, secrets, clock, timers });
  return { store, secrets, timers, audit };
}

const rows = (store: ReturnType<typeof tempStore>) => [...iterateAuditRows(store)];

describe('the audit log', () => {
  it('appends sequenced, chained entries and moves the head to the keychain after the turn', async () => {
    const { store, secrets, timers, audit } = await opened();
    expect(await secrets.get(AUDIT_KEY_ACCOUNT)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    audit.append({ action: 'sign_in', actor: 'acc-1' });
    audit.append({
      action: 'photo_viewed',
      actor: 'acc-1',
      recordId: 'REC0000001',
      details: { kind: 'selfie' },
    });
    expect(rows(store).map((row) => [row.seq, row.action, row.record_id])).toEqual([
      [1, 'sign_in', null],
      [2, 'photo_viewed', 'REC0000001'],
    ]);
    expect(await readHead(secrets)).toBeNull();
    timers.advance(0);
    await audit.flush();
    const head = await readHead(secrets);
    expect(head).toEqual({ count: 2, mac: rows(store)[1]?.mac });
    expect(verifyChain(rows(store), audit.key, head)).toEqual({ ok: true, count: 2, anchored: 2 });
    await audit.close();
  });

  it('commits an entry with the action it records, or neither', async () => {
    const { store, secrets, audit } = await opened();
    seed(store, { id: 'REC0000001', status: 'decided' });
    expect(() =>
      inTransaction(store, () => {
        store.db.prepare(`DELETE FROM records WHERE id = 'REC0000001'`).run();
        audit.append({ action: 'deletion_on_request', actor: 'acc-1', recordId: 'REC0000001' });
        throw new Error('the deletion failed after all');
      }),
    ).toThrow(/failed after all/);
    expect(countEntries(store)).toBe(0);
    expect(requireRecord(store, 'REC0000001').status).toBe('decided');
    audit.append({ action: 'sign_in', actor: 'acc-1' });
    await audit.close();
    // No gap where the rolled-back entry was, and the head never named it.
    expect(rows(store).map((row) => row.seq)).toEqual([1]);
    expect((await readHead(secrets))?.count).toBe(1);
  });

  it('is append-only in SQLite: UPDATE and DELETE are refused', async () => {
    const { store, audit } = await opened();
    audit.append({ action: 'sign_in', actor: 'acc-1' });
    expect(() => store.db.prepare(`UPDATE audit_log SET actor = 'acc-2'`).run()).toThrow(/append-only/);
    expect(() => store.db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(countEntries(store)).toBe(1);
    await audit.close();
  });

  it('refuses entries that could carry something other than ids, codes and counts', async () => {
    const { store, audit } = await opened();
    const bad = [
      { action: 'sign_in', actor: 'Budi Santoso' },
      { action: 'unknown', actor: 'acc-1' },
      { action: 'export', actor: 'acc-1', details: { reason: `customer ${NIK_A}` } },
      { action: 'export', actor: 'acc-1', details: { reason: 'x'.repeat(201) } },
      { action: 'export', actor: 'acc-1', details: { rows: Number.NaN } },
      { action: 'export', actor: 'acc-1', details: { 'bad key': 1 } },
      { action: 'export', actor: 'acc-1', details: { nested: { a: 1 } } },
    ];
    for (const entry of bad) {
      expect(() => audit.append(entry as never), JSON.stringify(entry)).toThrow(AuditEntryError);
    }
    expect(countEntries(store)).toBe(0);
    await audit.close();
  });

  it('reuses its key, and refuses to start over a log whose key is gone', async () => {
    const dir = tempDir();
    const { store, secrets, audit } = await opened(tempStore(dir));
    audit.append({ action: 'sign_in', actor: 'acc-1' });
    await audit.close();
    const again = await openAuditLog({ store, secrets, clock });
    expect(again.key.equals(audit.key)).toBe(true);
    await again.close();
    await secrets.delete(AUDIT_KEY_ACCOUNT);
    await expect(openAuditLog({ store, secrets, clock })).rejects.toThrow(AuditKeyError);
    expect(await secrets.get(AUDIT_KEY_ACCOUNT)).toBeNull();
  });

  it('keeps the head as evidence when the database no longer holds the entry it names', async () => {
    const { store, secrets, audit } = await opened();
    for (let i = 0; i < 5; i++) audit.append({ action: 'sign_in', actor: `acc-${i}` });
    await audit.close();
    const headBefore = await secrets.get(AUDIT_HEAD_ACCOUNT);
    // Someone with the file and the data key cuts the newest entries off.
    store.db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 3`);
    const reopened = await openAuditLog({ store, secrets, clock, timers: manualTimers() });
    expect(logs.some((line) => line.includes('does not contain the head'))).toBe(true);
    reopened.append({ action: 'sign_in', actor: 'acc-9' });
    await reopened.close();
    expect(await secrets.get(AUDIT_HEAD_ACCOUNT)).toBe(headBefore);
    const state = await reopened.state();
    expect(state.verify).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('names the settings that changed since the previous start, by keyed hash only', async () => {
    const { store, audit } = await opened();
    const first = { provider: 'sandbox', providerUrl: 'https://example.invalid/x', sync: { concurrency: 2 } };
    audit.append(settingsAtStart(first, audit.key, undefined));
    const previous = JSON.parse(lastOfAction(store, 'settings_at_start')?.details_json ?? '{}') as Record<
      string,
      unknown
    >;
    expect(previous).toMatchObject({ changed: '', firstStart: true });
    expect(JSON.stringify(previous)).not.toContain('example.invalid');
    const second = { ...first, sync: { concurrency: 4 }, timeZone: 'Asia/Makassar' };
    const entry = settingsAtStart(second, audit.key, previous);
    expect(entry.details).toMatchObject({ changed: 'sync,timeZone', firstStart: false });
    expect(settingsAtStart(first, audit.key, previous).details).toMatchObject({ changed: '' });
    await audit.close();
  });

  it('writes each keyed hash as 24 letters a–p, which nothing the redactor masks can look like', () => {
    const settings = { provider: 'sandbox', mode: 'assisted', kioskId: 'kiosk-1', sync: { concurrency: 2 } };
    for (let i = 0; i < 2_000; i++) {
      const { details } = settingsAtStart(settings, randomBytes(32), undefined);
      for (const [name, value] of Object.entries(details ?? {})) {
        if (name !== 'hash' && !name.startsWith('h_')) continue;
        expect(value).toMatch(/^[a-p]{24}$/);
        expect(redact(String(value))).toBe(value);
      }
    }
  });

  it('audits a decision in the transaction that records it', async () => {
    const { store, audit } = await opened();
    seed(store, { id: 'RUNTEST00001', status: 'pending', steps: 0 });
    const decided = await runPendingRecord(
      {
        store,
        events: createEventBus(),
        clock,
        getProvider: () =>
          Promise.resolve({
            name: 'sandbox',
            verify: () => Promise.resolve({ kind: 'decided', outcome, raw: {} }),
          }),
        retryDelay: () => 0,
        onReachability: () => undefined,
        audit,
        photoAtFault: () => 'selfie',
      },
      'RUNTEST00001',
      new AbortController().signal,
    );
    expect(decided.status).toBe('decided');
    const [entry] = rows(store);
    expect(entry).toMatchObject({ action: 'decision', actor: 'system', record_id: 'RUNTEST00001' });
    expect(JSON.parse(entry?.details_json ?? '')).toEqual({
      decision: outcome.decision,
      mode: 'assisted',
      provider: 'sandbox',
      training: true,
    });
    await audit.close();
  });
});

describe('the head as the keychain holds it', () => {
  it('is decoded only when well formed', () => {
    expect(decodeHead('{"count":0,"mac":null}')).toEqual({ count: 0, mac: null });
    expect(decodeHead(`{"count":3,"mac":"${'a'.repeat(64)}"}`)).toEqual({ count: 3, mac: 'a'.repeat(64) });
    for (const bad of [
      '',
      'null',
      '{"count":-1,"mac":null}',
      '{"count":2,"mac":null}',
      '{"count":1,"mac":"xyz"}',
    ]) {
      expect(decodeHead(bad), bad).toBeNull();
    }
  });
});
