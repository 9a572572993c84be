// The accounts table (migration 005) as the code uses it. Statements are constants with bound parameters;
// a name's uniqueness is the database's (name_key UNIQUE), so two admins adding the same person at once
// cannot both succeed.
import { isRole, type Role } from '../../common/roles';
import type { ErrorCode } from '../../common/errors';
import type { Store } from '../store/connection';
import { CorruptRowError } from '../store/errors';
import { newRecordId } from '../store/record-id';
import type { IsoTime } from '../store/record-row';
import { prepared } from '../store/statements';
import { nameKey, tidyName } from './names';

export interface Account {
  id: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  passwordChangedAt: IsoTime;
  disabledAt: IsoTime | null;
  failedSignIns: number;
  lockedUntil: IsoTime | null;
  lastSignInAt: IsoTime | null;
}

interface AccountRow {
  id: string;
  name: string;
  name_key: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
}

export class AccountNameTakenError extends Error {
  override readonly name = 'AccountNameTakenError';
  readonly code: ErrorCode = 'invalid_request';
  constructor() {
    super('An account with this name exists already.');
  }
}

const INSERT = `
  INSERT INTO accounts (id, name, name_key, role, password_hash, created_at, updated_at, password_changed_at,
    disabled_at, failed_sign_ins, locked_until, last_sign_in_at)
  VALUES (@id, @name, @name_key, @role, @password_hash, @created_at, @updated_at, @password_changed_at,
    @disabled_at, @failed_sign_ins, @locked_until, @last_sign_in_at)`;
const UPDATE = `
  UPDATE accounts SET role = @role, password_hash = @password_hash, updated_at = @updated_at,
    password_changed_at = @password_changed_at, disabled_at = @disabled_at, failed_sign_ins = @failed_sign_ins,
    locked_until = @locked_until, last_sign_in_at = @last_sign_in_at
  WHERE id = @id`;
const BY_KEY = `SELECT * FROM accounts WHERE name_key = ?`;
const BY_ID = `SELECT * FROM accounts WHERE id = ?`;
const ALL = `SELECT * FROM accounts ORDER BY name_key`;
const COUNT = `SELECT COUNT(*) AS n FROM accounts`;

export interface NewAccount {
  name: string;
  role: Role;
  passwordHash: string;
  now: IsoTime;
}

export function createAccount(store: Store, fields: NewAccount): Account {
  const account: Account = {
    id: newRecordId(Date.parse(fields.now)),
    name: tidyName(fields.name),
    role: fields.role,
    passwordHash: fields.passwordHash,
    createdAt: fields.now,
    updatedAt: fields.now,
    passwordChangedAt: fields.now,
    disabledAt: null,
    failedSignIns: 0,
    lockedUntil: null,
    lastSignInAt: null,
  };
  try {
    prepared<[AccountRow]>(store, INSERT).run(toRow(account));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AccountNameTakenError();
    }
    throw error;
  }
  return account;
}

export function findAccountByName(store: Store, name: string): Account | undefined {
  const row = prepared<[string], AccountRow>(store, BY_KEY).get(nameKey(name));
  return row ? fromRow(row) : undefined;
}

export function getAccount(store: Store, id: string): Account | undefined {
  const row = prepared<[string], AccountRow>(store, BY_ID).get(id);
  return row ? fromRow(row) : undefined;
}

export function listAccounts(store: Store): Account[] {
  return prepared<[], AccountRow>(store, ALL).all().map(fromRow);
}

export function countAccounts(store: Store): number {
  return prepared<[], { n: number }>(store, COUNT).get()?.n ?? 0;
}

/** Writes an account's changeable fields back (name and id never change). */
export function saveAccount(store: Store, account: Account): void {
  prepared<[AccountRow]>(store, UPDATE).run(toRow(account));
}

function toRow(account: Account): AccountRow {
  return {
    id: account.id,
    name: account.name,
    name_key: nameKey(account.name),
    role: account.role,
    password_hash: account.passwordHash,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    password_changed_at: account.passwordChangedAt,
    disabled_at: account.disabledAt,
    failed_sign_ins: account.failedSignIns,
    locked_until: account.lockedUntil,
    last_sign_in_at: account.lastSignInAt,
  };
}

function fromRow(row: AccountRow): Account {
  if (!isRole(row.role)) throw new CorruptRowError(row.id, `unknown role '${row.role}'`);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
    disabledAt: row.disabled_at,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
  };
}
