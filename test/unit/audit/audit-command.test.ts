// `npm run audit` through its testable function: in-memory io, a real store, the keychain's interface in
// memory. The child-process runs against a real keychain are in test/integration/audit/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  runAuditCommand,
  type AuditCommandIo,
} from '../../../main/audit/audit-command';
import { openAuditLog } from '../../../main/audit/audit-log';
import { AUDIT_HEAD_ACCOUNT } from '../../../main/audit/head';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import { manualClock } from '../../support/clocks';
import { tempDir, tempStore } from '../store/temp-store';

async function setup() {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'Asia/Jayapura' }));
  const secrets = new MemorySecretStore();
  const clock = manualClock(Date.parse('2026-01-04T14:59:59.000Z')); // 23:59:59 WIT, 4 January
  const store = tempStore(dir);
  const audit = await openAuditLog({ store, secrets, clock });
  audit.append({ action: 'sign_in', actor: 'acc-1' });
  clock.advance(1000); // 00:00:00 WIT, 5 January
  audit.append({ action: 'sign_out', actor: 'acc-1' });
  clock.advance(86_399_000); // 23:59:59 WIT
  audit.append({ action: 'lockout', actor: 'acc-2' });
  clock.advance(1000);
  audit.append({ action: 'sign_in', actor: 'acc-3' });
  await audit.close();
  store.close();
  const out: string[] = [];
  const err: string[] = [];
  const io: AuditCommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    openStore: async (d) => tempStore(d),
    secrets: () => secrets,
  };
  return { dir, io, out, err, secrets };
}

describe('npm run audit', () => {
  it('list --day prints the local day’s entries only, as JSON lines', async () => {
    const { dir, io, out } = await setup();
    expect(await runAuditCommand(['list', '--data', dir, '--day', '2026-01-05'], io)).toBe(EXIT_OK);
    expect(out.map((line) => (JSON.parse(line) as { action: string }).action)).toEqual([
      'sign_out',
      'lockout',
    ]);
  });

  it('verify is exit 0 when intact and 1 when the head is gone, naming the problem', async () => {
    const { dir, io, out, err, secrets } = await setup();
    expect(await runAuditCommand(['verify', '--data', dir], io)).toBe(EXIT_OK);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ ok: true, count: 4, anchored: 4 });
    await secrets.delete(AUDIT_HEAD_ACCOUNT);
    expect(await runAuditCommand(['verify', '--data', dir], io)).toBe(EXIT_FAILED);
    expect(JSON.parse(out[1] ?? '')).toMatchObject({ ok: false, problem: 'head_missing' });
    expect(err.join('\n')).toMatch(/tampered with: .*head_missing/);
  });

  it('says when there is no database, and refuses wrong arguments with exit 2', async () => {
    const { io, err } = await setup();
    expect(await runAuditCommand(['verify', '--data', tempDir()], io)).toBe(EXIT_FAILED);
    expect(err.join('\n')).toMatch(/no Loket database/);
    for (const args of [
      [],
      ['check', '--data', 'x'],
      ['verify'],
      ['verify', '--data', 'x', '--day', '2026-01-05'],
      ['list', '--data', 'x', '--day', 'today'],
    ]) {
      expect(await runAuditCommand(args, io), JSON.stringify(args)).toBe(EXIT_USAGE);
    }
  });
});
