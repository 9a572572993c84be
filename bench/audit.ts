// The audit log's costs: one append (validate, read the tail, HMAC, insert) on its own and inside a
// decision's transaction; the head's write to the keychain, which is why it is not inside append (real
// gnome-keyring when this session has one); and verify over a 100,000-entry chain, intact and with an
// entry edited halfway (the worst case of the search that names the problem).
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../main/audit/append';
import { chainState, openAuditLog } from '../main/audit/audit-log';
import { iterateAuditRows, type AuditRow } from '../main/audit/rows';
import { verifyChain } from '../main/audit/verify';
import { KeytarSecretStore } from '../main/keys/keytar-store';
import { MemorySecretStore } from '../main/keys/memory-store';
import { systemClock } from '../main/lib/clock';
import { inTransaction, openStore, type Store } from '../main/store/connection';
import { createRecord, transition } from '../main/store/records';
import { formatMs, summarize } from './stats';
import type { Row } from './table';
import { withTempDir } from './temp';

const APPENDS = 5_000;
const WARMUP = 200;
const CHAIN = 100_000;
const KEYCHAIN_WRITES = 30;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function latency(measurement: string, samples: number[], note: string): Row {
  const s = summarize(samples);
  return {
    measurement,
    n: s.n,
    p50: formatMs(s.p50),
    p99: formatMs(s.p99),
    other: `max ${formatMs(s.max)}`,
    note,
  };
}

async function appends(store: Store): Promise<Row[]> {
  const audit = await openAuditLog({ store, secrets: new MemorySecretStore(), clock: systemClock });
  const alone: number[] = [];
  const withDecision: number[] = [];
  for (let i = 0; i < WARMUP + APPENDS; i++) {
    const t0 = performance.now();
    audit.append({
      action: 'photo_viewed',
      actor: 'acc-1',
      recordId: `REC${i}AAAAAA`,
      details: { kind: 'selfie' },
    });
    const t1 = performance.now();
    const id = `DEC${i}AAAAAA`;
    const now = new Date().toISOString();
    createRecord(store, { id, mode: 'assisted', provider: 'identifai', now });
    transition(store, id, { from: ['captured'], to: 'pending', now });
    transition(store, id, { from: ['pending'], to: 'in_progress', now });
    const t2 = performance.now();
    inTransaction(store, () => {
      transition(store, id, {
        from: ['in_progress'],
        to: 'decided',
        patch: { decision: 'verified', decidedAt: now },
        now,
      });
      audit.append({ action: 'decision', actor: 'system', recordId: id, details: { decision: 'verified' } });
    });
    const t3 = performance.now();
    if (i >= WARMUP) {
      alone.push(t1 - t0);
      withDecision.push(t3 - t2);
    }
    // As writes arrive in the kiosk: the head write and the checkpointer get their turn between them.
    await nextTurn();
  }
  await audit.close();
  return [
    latency('audit append', alone, 'validate, read the tail, HMAC-SHA256, INSERT: its own transaction'),
    latency(
      'decision + its audit entry',
      withDecision,
      'one transaction: the record’s UPDATE and the append',
    ),
  ];
}

async function keychainWrites(): Promise<Row> {
  const secrets = new KeytarSecretStore({
    service: `loket-bench-${randomBytes(4).toString('hex')}`,
    timeoutMs: 3_000,
  });
  try {
    const samples: number[] = [];
    for (let i = 0; i < KEYCHAIN_WRITES; i++) {
      const t0 = performance.now();
      await secrets.set('audit-head', JSON.stringify({ count: i + 1, mac: 'ab'.repeat(32) }));
      samples.push(performance.now() - t0);
    }
    return latency(
      'head write to the keychain',
      samples,
      'keytar set incl. the store’s probe: why it is after the transaction, coalesced',
    );
  } catch {
    return {
      measurement: 'head write to the keychain',
      n: 0,
      p50: '–',
      p99: '–',
      other: 'no keychain in this session',
      note: 'run the bench inside a D-Bus session with gnome-keyring to measure it',
    };
  } finally {
    await secrets.delete('audit-head').catch(() => false);
  }
}

async function verifyLarge(store: Store): Promise<Row[]> {
  const key = randomBytes(32);
  const t0 = performance.now();
  const at = Date.now();
  for (let done = 0; done < CHAIN; done += 1000) {
    inTransaction(store, () => {
      for (let i = done; i < done + 1000; i++) {
        appendAudit(
          store,
          key,
          {
            action: 'photo_viewed',
            actor: `acc-${i % 7}`,
            recordId: `REC${i}AAAAAA`,
            details: { kind: 'selfie', n: i },
          },
          at + i,
        );
      }
    });
  }
  const built = performance.now() - t0;
  const rows: AuditRow[] = [...iterateAuditRows(store)];
  const last = rows.at(-1);
  const head = { count: rows.length, mac: last?.mac ?? null };
  const t1 = performance.now();
  const state = chainState(store, key, head);
  const whole = performance.now() - t1;
  const t2 = performance.now();
  const intact = verifyChain(rows, key, head);
  const pure = performance.now() - t2;
  const edited = rows.map((row) => (row.seq === CHAIN / 2 ? { ...row, actor: 'acc-x' } : row));
  const t3 = performance.now();
  const found = verifyChain(edited, key, head);
  const search = performance.now() - t3;
  const heap = process.memoryUsage().heapUsed;
  return [
    {
      measurement: `audit verify, ${CHAIN.toLocaleString('en')} entries`,
      n: state.entries,
      p50: formatMs(whole),
      p99: '',
      other: `${intact.ok ? 'intact' : 'BROKEN'}; verifyChain alone ${formatMs(pure)}`,
      note: `read every row + one HMAC each (the chain was built in ${formatMs(built)}); heap ${Math.round(heap / 1e6)} MB`,
    },
    {
      measurement: `audit verify, entry ${CHAIN / 2} edited`,
      n: CHAIN,
      p50: formatMs(search),
      p99: '',
      other: found.ok ? 'MISSED' : `${found.problem} at ${found.seq}`,
      note: 'walk to the edit, then the searches that tell edit, insert, remove and reorder apart',
    },
  ];
}

export async function benchAudit(): Promise<Row[]> {
  const rows: Row[] = [];
  await withTempDir('audit', async (dir) => {
    const store = openStore(dir, { key: randomBytes(32) });
    try {
      rows.push(...(await appends(store)));
    } finally {
      store.close();
    }
  });
  rows.push(await keychainWrites());
  await withTempDir('audit-verify', async (dir) => {
    const store = openStore(dir, { key: randomBytes(32) });
    try {
      rows.push(...(await verifyLarge(store)));
    } finally {
      store.close();
    }
  });
  return rows;
}
