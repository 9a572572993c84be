// `npm run operators -- add|list|disable|reset … --data DIR`: IT's way to manage the desk's staff accounts.
// Passwords come in on standard input (never as arguments, which end up in shell history and `ps`) and are
// never printed or logged. Kept apart from the process wiring (cli.ts) so tests drive it with an io of
// their own; the real CLI is also tested as a child process against a real keychain.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { missingCase } from '../../common/errors';
import { isRole, ROLES, type Role } from '../../common/roles';
import type { AuditLog } from '../audit/events';
import { KeychainUnavailableError } from '../keys/errors';
import { describeError } from '../lib/redact';
import { DATABASE_FILE, inTransaction, type Store } from '../store/connection';
import { DatabaseKeyError } from '../store/encryption';
import { nameProblem, passwordProblem } from './names';
import type { PasswordHasher } from './password-hash';
import {
  AccountNameTakenError,
  createAccount,
  findAccountByName,
  listAccounts,
  saveAccount,
  type Account,
} from './repository';

export const EXIT_OK = 0;
/** Right command, but it could not be done: no such operator, name taken, no database, keychain locked. */
export const EXIT_FAILED = 1;
/** Wrong command, option, name, role or password. */
export const EXIT_USAGE = 2;

export interface OperatorsCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** The password for NAME: typed twice without echo on a terminal, the first line of a pipe otherwise. */
  readPassword(name: string): Promise<string>;
  /** Opens DIR's store as the app does (the data key from the keychain). */
  openStore(dataDir: string): Promise<Store>;
  hasher: PasswordHasher;
  /** Epoch milliseconds. */
  now(): number;
  /** Opens the audit log on the store (the real one: main/audit/audit-log.ts); closing writes its head. */
  openAudit(store: Store): Promise<AuditLog & { close(): Promise<void> }>;
}

export const USAGE = [
  'usage: npm run operators -- add NAME --role ROLE --data DIR   add an operator; the password is read',
  '                                                              from standard input',
  '       npm run operators -- list --data DIR                   the operators as JSON (never passwords)',
  '       npm run operators -- disable NAME --data DIR           stop NAME signing in (signs them out)',
  '       npm run operators -- reset NAME --data DIR             a new password from standard input; also',
  '                                                              lifts a lockout and a disable',
  '',
  `ROLE is ${ROLES.join(', ')} (each can do what the ones before it can).`,
  'Exit codes: 0 done; 1 could not be done (no such operator, name taken, no database, keychain locked);',
  '2 wrong command, name, role or password.',
].join('\n');

type Parsed =
  | { command: 'add'; name: string; role: Role; dataDir: string }
  | { command: 'disable' | 'reset'; name: string; dataDir: string }
  | { command: 'list'; dataDir: string };

/** Actor of every change made from the command line (there is no signed-in operator there). */
const CLI_ACTOR = 'system';

export async function runOperatorsCommand(args: readonly string[], io: OperatorsCommandIo): Promise<number> {
  const parsed = parse(args, io);
  if (typeof parsed === 'number') return parsed;
  // A new kiosk's first admin may be added before the kiosk ever started: only `add` may create the store.
  if (parsed.command !== 'add' && !fs.existsSync(path.join(parsed.dataDir, DATABASE_FILE))) {
    io.err(`error: there is no Loket database in ${parsed.dataDir} (expected ${DATABASE_FILE}).`);
    return EXIT_FAILED;
  }

  let password: string | null = null;
  if (parsed.command === 'add' || parsed.command === 'reset') {
    try {
      password = await io.readPassword(parsed.name);
    } catch (error) {
      io.err(`error: could not read the password: ${describeError(error)}`);
      return EXIT_USAGE;
    }
    const problem = passwordProblem(password, parsed.name);
    if (problem) return usage(io, problem);
  }

  let store: Store | undefined;
  let audit: (AuditLog & { close(): Promise<void> }) | undefined;
  try {
    const passwordHash = password === null ? null : await io.hasher.hash(password);
    store = await io.openStore(parsed.dataDir);
    audit = await io.openAudit(store);
    const now = new Date(io.now()).toISOString();
    switch (parsed.command) {
      case 'list':
        io.out(JSON.stringify({ operators: listAccounts(store).map((a) => listed(a, io.now())) }));
        return EXIT_OK;
      case 'add': {
        const account = createAccount(store, {
          name: parsed.name,
          role: parsed.role,
          passwordHash: passwordHash ?? '',
          now,
        });
        audit.append({
          action: 'operator_added',
          actor: CLI_ACTOR,
          subject: account.id,
          details: { role: account.role, via: 'cli' },
        });
        io.out(`Added ${account.role} ${account.name}.`);
        return EXIT_OK;
      }
      case 'disable':
      case 'reset': {
        const done = inTransaction(store, () => {
          const account = findAccountByName(store as Store, parsed.name);
          if (!account) return null;
          const next: Account =
            parsed.command === 'disable'
              ? { ...account, disabledAt: account.disabledAt ?? now, updatedAt: now }
              : {
                  ...account,
                  passwordHash: passwordHash ?? account.passwordHash,
                  passwordChangedAt: now,
                  disabledAt: null,
                  failedSignIns: 0,
                  lockedUntil: null,
                  updatedAt: now,
                };
          saveAccount(store as Store, next);
          return { before: account, after: next };
        });
        if (!done) {
          io.err(`error: there is no operator named ${parsed.name}.`);
          return EXIT_FAILED;
        }
        const { before, after } = done;
        if (parsed.command === 'disable') {
          audit.append({
            action: 'operator_disabled',
            actor: CLI_ACTOR,
            subject: after.id,
            details: { via: 'cli' },
          });
          io.out(before.disabledAt ? `${after.name} was already disabled.` : `Disabled ${after.name}.`);
        } else {
          const unlocked = before.lockedUntil !== null && Date.parse(before.lockedUntil) > io.now();
          const enabled = before.disabledAt !== null;
          audit.append({
            action: 'operator_reset',
            actor: CLI_ACTOR,
            subject: after.id,
            details: { via: 'cli', unlocked, enabled },
          });
          io.out(
            `Set a new password for ${after.name}` +
              (enabled ? ' and enabled the account again' : '') +
              (unlocked ? ' (the lockout is lifted)' : '') +
              '.',
          );
        }
        return EXIT_OK;
      }
      default:
        return missingCase(parsed);
    }
  } catch (error) {
    if (error instanceof AccountNameTakenError) {
      io.err(`error: an operator named ${parsed.command === 'list' ? '' : parsed.name} exists already.`);
    } else if (error instanceof KeychainUnavailableError || error instanceof DatabaseKeyError) {
      io.err(`error: ${error.message}`);
    } else {
      io.err(`error: ${describeError(error)}`);
    }
    return EXIT_FAILED;
  } finally {
    // The head goes to the keychain before the store closes.
    await audit?.close();
    store?.close();
  }
}

function listed(account: Account, now: number) {
  const locked = account.lockedUntil !== null && Date.parse(account.lockedUntil) > now;
  return {
    name: account.name,
    role: account.role,
    status: account.disabledAt ? 'disabled' : locked ? 'locked' : 'active',
    lockedUntil: locked ? account.lockedUntil : null,
    lastSignInAt: account.lastSignInAt,
    createdAt: account.createdAt,
  };
}

function parse(args: readonly string[], io: OperatorsCommandIo): Parsed | number {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (command === undefined || command.startsWith('-')) return usage(io, 'no command given');
  if (command !== 'add' && command !== 'list' && command !== 'disable' && command !== 'reset') {
    return usage(io, `unknown command '${command}'`);
  }
  let values: { data?: string | undefined; role?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: { data: { type: 'string' }, role: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    // parseArgs may quote what was typed, which is never a password (those come on stdin): say it as it is.
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (!values.data) return usage(io, '--data DIR is required');
  const dataDir = path.resolve(values.data);
  if (command === 'list') {
    if (positionals.length > 0 || values.role !== undefined) return usage(io, 'list takes only --data DIR');
    return { command, dataDir };
  }
  if (positionals.length !== 1) {
    return usage(io, `${command} takes one NAME (quote a name with spaces: "Siti Rahma")`);
  }
  const name = positionals[0] ?? '';
  const problem = nameProblem(name);
  if (problem) return usage(io, problem);
  if (command !== 'add') {
    if (values.role !== undefined) return usage(io, `${command} takes no --role`);
    return { command, name, dataDir };
  }
  if (values.role === undefined) return usage(io, `add needs --role (${ROLES.join(', ')})`);
  if (!isRole(values.role)) return usage(io, `unknown role '${values.role}' (${ROLES.join(', ')})`);
  return { command, name, role: values.role, dataDir };
}

function usage(io: OperatorsCommandIo, problem: string): number {
  io.err(`error: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}
