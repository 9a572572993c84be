// The MAC encoding, frozen: these vectors were computed once and checked with a second, independent
// implementation (Python's hmac and json). If one of them changes, every chain ever written stops verifying.
import { describe, expect, it } from 'vitest';
import { canonicalDetails, canonicalEntry, entryMac, type MacFields } from '../../../main/audit/canonical';

const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));

const E1: MacFields = {
  seq: 1,
  at: '2026-01-05T08:00:00.000Z',
  action: 'settings_at_start',
  actor: 'system',
  recordId: null,
  subject: null,
  detailsJson: canonicalDetails({ hash: '0123456789abcdef', firstStart: true, changed: '' }),
};
const M1 = '748f44ac6bc77ea7356246debacb0d91bb17719c376a42e2109ca59e5346926a';
const E2: MacFields = {
  seq: 2,
  at: '2026-01-05T08:01:02.345Z',
  action: 'decision',
  actor: 'system',
  recordId: '01JGXYZABCDEF0123456789ABC',
  subject: null,
  detailsJson: canonicalDetails({
    training: false,
    decision: 'verified',
    provider: 'identifai',
    mode: 'assisted',
  }),
};
const M2 = '5cff9e1b467966a0e58bc6bc96840d36aa236ba6362ba1eaf26f7c167d37c9e4';
const E3: MacFields = {
  seq: 3,
  at: '2026-01-05T08:02:00.000Z',
  action: 'operator_added',
  actor: 'acc-7',
  recordId: null,
  subject: 'acc-9',
  detailsJson: canonicalDetails({ role: 'supervisor', note: 'ünïcode "quoted"' }),
};
const M3 = '9bc57cb20dc767c2e94e1f6c37d6788797293a747f49178f6bbef96162166d4f';

describe('the audit MAC encoding (loket-audit-v1)', () => {
  it('is the JSON of one array, the details as sorted-key JSON text', () => {
    expect(canonicalEntry(E1, null)).toBe(
      '["loket-audit-v1",1,"2026-01-05T08:00:00.000Z","settings_at_start","system",null,null,' +
        '"{\\"changed\\":\\"\\",\\"firstStart\\":true,\\"hash\\":\\"0123456789abcdef\\"}",null]',
    );
    expect(E2.detailsJson).toBe(
      '{"decision":"verified","mode":"assisted","provider":"identifai","training":false}',
    );
  });

  it('matches the frozen vectors, each chained to the one before', () => {
    expect(entryMac(KEY, E1, null)).toBe(M1);
    expect(entryMac(KEY, E2, M1)).toBe(M2);
    expect(entryMac(KEY, E3, M2)).toBe(M3);
  });

  it('changes with every field, the previous MAC and the key', () => {
    const variants: MacFields[] = [
      { ...E2, seq: 3 },
      { ...E2, at: '2026-01-05T08:01:02.346Z' },
      { ...E2, action: 'supervisor_decision' },
      { ...E2, actor: 'acc-1' },
      { ...E2, recordId: null },
      { ...E2, subject: '01JGXYZABCDEF0123456789ABC' },
      { ...E2, detailsJson: canonicalDetails({ decision: 'not_verified' }) },
    ];
    for (const variant of variants) expect(entryMac(KEY, variant, M1)).not.toBe(M2);
    expect(entryMac(KEY, E2, null)).not.toBe(M2);
    expect(entryMac(Buffer.alloc(32, 1), E2, M1)).not.toBe(M2);
  });

  it('cannot be made ambiguous by moving text between fields', () => {
    // With plain concatenation these two would encode alike.
    const a = { ...E3, actor: 'acc-7', subject: 'x' };
    const b = { ...E3, actor: 'acc-', subject: '7x' };
    expect(canonicalEntry(a, null)).not.toBe(canonicalEntry(b, null));
    // A record id of null and of the text "null" differ.
    expect(canonicalEntry({ ...E3, recordId: 'null' }, null)).not.toBe(canonicalEntry(E3, null));
  });
});
