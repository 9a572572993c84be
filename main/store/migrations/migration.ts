import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * One schema change. `up` runs inside the runner's transaction, so it must not open its own or change
 * pragmas that cannot run in one (foreign_keys, journal_mode). Once released, a migration is frozen:
 * its SQL spells every constant out rather than importing them, so a later change to a TS constant can
 * never rewrite history.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * True for a migration that rebuilds a table (SQLite cannot alter a CHECK constraint). The runner then
   * follows SQLite's documented procedure: foreign keys off around the transaction, so dropping the old
   * parent table cascades nothing, and PRAGMA foreign_key_check before it commits.
   */
  readonly rebuildsTables?: boolean;
  up(db: Database.Database): void;
}
