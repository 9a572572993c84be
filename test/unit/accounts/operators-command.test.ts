// `npm run operators` through its testable function: an in-memory io, a real store in a temp folder, and
// a recording audit log.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  runOperatorsCommand,
  type OperatorsCommandIo,
} from '../../../main/accounts/operators-command';
import { findAccountByName, getAccount, saveAccount } from '../../../main/accounts/repository';
import { tempDir, tempStore } from '../store/temp-store';
import { cheapHasher, PASSWORD, recordingAudit } from './fixtures';

const NOW = Date.parse('2026-12-01T09:00:00.000Z');

function harness(dir: string, password = PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const audit = recordingAudit();
  const io: OperatorsCommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readPassword: async () => password,
    openStore: async (d) => tempStore(d),
    hasher: cheapHasher(),
    now: () => NOW,
    openAudit: async () => Object.assign(audit, { close: async () => undefined }),
  };
  return {
    io,
    out,
    err,
    audit,
    run: (...args: string[]) => runOperatorsCommand([...args, '--data', dir], io),
  };
}

const verifyIn = async (dir: string, name: string, password: string) => {
  const store = tempStore(dir);
  const account = findAccountByName(store, name);
  const ok = account ? (await cheapHasher().verify(password, account.passwordHash)).ok : false;
  store.close();
  return { account, ok };
};

describe('npm run operators', () => {
  it('adds an operator with the password from stdin, creating the store on a new kiosk', async () => {
    const dir = tempDir();
    const h = harness(dir);
    expect(await h.run('add', 'Siti Rahma', '--role', 'admin')).toBe(EXIT_OK);
    expect(h.out).toEqual(['Added admin Siti Rahma.']);
    const { account, ok } = await verifyIn(dir, 'siti rahma', PASSWORD);
    expect(account?.role).toBe('admin');
    expect(ok).toBe(true);
    expect(h.audit.entries).toEqual([
      {
        action: 'operator_added',
        actor: 'system',
        subject: account?.id,
        details: { role: 'admin', via: 'cli' },
      },
    ]);
    expect(JSON.stringify([h.out, h.err, h.audit.entries])).not.toContain(PASSWORD);
  });

  it('refuses a second operator of the same name in another case (exit 1)', async () => {
    const dir = tempDir();
    expect(await harness(dir).run('add', 'Siti', '--role', 'operator')).toBe(EXIT_OK);
    const again = harness(dir);
    expect(await again.run('add', 'SITI', '--role', 'supervisor')).toBe(EXIT_FAILED);
    expect(again.err.join('\n')).toMatch(/exists already/);
  });

  it('lists operators as JSON with their state, never a password or hash', async () => {
    const dir = tempDir();
    await harness(dir).run('add', 'Siti', '--role', 'operator');
    await harness(dir).run('add', 'Budi', '--role', 'supervisor');
    const store = tempStore(dir);
    const budi = findAccountByName(store, 'Budi');
    if (budi) saveAccount(store, { ...budi, lockedUntil: new Date(NOW + 60_000).toISOString() });
    store.close();
    const h = harness(dir);
    expect(await h.run('list')).toBe(EXIT_OK);
    const listed = JSON.parse(h.out[0] ?? '') as { operators: Record<string, unknown>[] };
    expect(listed.operators.map((o) => [o.name, o.role, o.status])).toEqual([
      ['Budi', 'supervisor', 'locked'],
      ['Siti', 'operator', 'active'],
    ]);
    expect(h.out[0]).not.toMatch(/scrypt|password/i);
  });

  it('disables an operator, and reset gives a new password, lifting the disable and a lockout', async () => {
    const dir = tempDir();
    await harness(dir).run('add', 'Siti', '--role', 'operator');
    const disable = harness(dir);
    expect(await disable.run('disable', 'siti')).toBe(EXIT_OK);
    expect(disable.out).toEqual(['Disabled Siti.']);
    expect((await verifyIn(dir, 'Siti', PASSWORD)).account?.disabledAt).not.toBeNull();

    const store = tempStore(dir);
    const siti = findAccountByName(store, 'Siti');
    if (siti)
      saveAccount(store, { ...siti, failedSignIns: 0, lockedUntil: new Date(NOW + 60_000).toISOString() });
    store.close();

    const reset = harness(dir, 'a-brand-new-password');
    expect(await reset.run('reset', 'Siti')).toBe(EXIT_OK);
    expect(reset.out).toEqual([
      'Set a new password for Siti and enabled the account again (the lockout is lifted).',
    ]);
    const after = await verifyIn(dir, 'Siti', 'a-brand-new-password');
    expect(after.ok).toBe(true);
    expect(after.account).toMatchObject({ disabledAt: null, lockedUntil: null, failedSignIns: 0 });
    expect((await verifyIn(dir, 'Siti', PASSWORD)).ok).toBe(false);
    expect(reset.audit.entries[0]).toMatchObject({
      action: 'operator_reset',
      subject: after.account?.id,
      details: { via: 'cli', unlocked: true, enabled: true },
    });
    expect(disable.audit.actions()).toEqual(['operator_disabled']);
  });

  it('says there is no such operator (exit 1), and no database in a folder without one', async () => {
    const dir = tempDir();
    await harness(dir).run('add', 'Siti', '--role', 'operator');
    const h = harness(dir);
    expect(await h.run('disable', 'Nobody')).toBe(EXIT_FAILED);
    expect(h.err.join('\n')).toMatch(/no operator named Nobody/);
    const empty = tempDir();
    const none = harness(empty);
    expect(await none.run('list')).toBe(EXIT_FAILED);
    expect(none.err.join('\n')).toMatch(/no Loket database/);
    expect(fs.existsSync(path.join(empty, 'loket.db'))).toBe(false);
  });

  it.each([
    ['no command', [], /no command given/],
    ['an unknown command', ['remove', 'Siti'], /unknown command 'remove'/],
    ['no role', ['add', 'Siti'], /add needs --role/],
    ['an unknown role', ['add', 'Siti', '--role', 'root'], /unknown role 'root'/],
    ['no name', ['disable'], /takes one NAME/],
    ['two names', ['add', 'Siti', 'Rahma', '--role', 'operator'], /takes one NAME/],
    ['a bad name', ['add', 'Siti;DROP', '--role', 'operator'], /a name is letters and digits/],
    ['a role on list', ['list', '--role', 'admin'], /list takes only --data DIR/],
  ])('%s is exit 2 with the usage, and opens nothing', async (_case, args, problem) => {
    const dir = tempDir();
    const h = harness(dir);
    expect(await h.run(...args)).toBe(EXIT_USAGE);
    expect(h.err.join('\n')).toMatch(problem);
    expect(h.err.join('\n')).toMatch(/usage: npm run operators/);
    expect(fs.existsSync(path.join(dir, 'loket.db'))).toBe(false);
  });

  it('refuses a short password (exit 2) without quoting it, and stores nothing', async () => {
    const dir = tempDir();
    const h = harness(dir, 'pendek');
    expect(await h.run('add', 'Siti', '--role', 'operator')).toBe(EXIT_USAGE);
    expect(h.err.join('\n')).toMatch(/at least 10 characters/);
    expect(h.err.join('\n')).not.toContain('pendek');
    expect(fs.existsSync(path.join(dir, 'loket.db'))).toBe(false);
  });

  it('keeps an account’s id when its password is reset', async () => {
    const dir = tempDir();
    await harness(dir).run('add', 'Siti', '--role', 'operator');
    const before = (await verifyIn(dir, 'Siti', PASSWORD)).account;
    await harness(dir, 'another-long-password').run('reset', 'Siti');
    const store = tempStore(dir);
    expect(getAccount(store, before?.id ?? '')?.name).toBe('Siti');
    store.close();
  });
});
