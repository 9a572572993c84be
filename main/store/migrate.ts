// Brings a database up to the newest schema this code knows: each pending migration runs in its own
// transaction together with the bump of PRAGMA user_version, so a crash leaves the file at a whole version.
import type Database from 'better-sqlite3-multiple-ciphers';
import { createLogger } from '../lib/log';
import { DatabaseFromTheFutureError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

const log = createLogger('store');

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations; returns the versions applied. Refuses a database newer than the code. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertWellFormed(migrations);
  const current = refuseFutureDatabase(db, migrations);

  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const rebuild = migration.rebuildsTables === true;
    if (rebuild) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (rebuild) assertForeignKeysHold(db, migration);
        // PRAGMA takes no bound parameters; the value is an integer checked by assertWellFormed.
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (rebuild) db.pragma('foreign_keys = ON');
    }
    applied.push(migration.version);
    log.info('migration applied', { version: migration.version, name: migration.name });
  }
  return applied;
}

function assertForeignKeysHold(db: Database.Database, migration: Migration): void {
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) {
    throw new Error(`Migration '${migration.name}' broke ${problems.length} foreign key reference(s)`);
  }
}

/** Throws DatabaseFromTheFutureError when the file is newer than the code; returns its version otherwise. */
export function refuseFutureDatabase(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseFromTheFutureError(current, latest, db.name);
  return current;
}

/** Versions must be 1, 2, 3… in order: a gap or a duplicate is a merge mistake, caught before any write. */
function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (!Number.isSafeInteger(migration.version) || migration.version !== index + 1) {
      throw new Error(
        `Migration '${migration.name}' has version ${migration.version}; expected ${index + 1}`,
      );
    }
  });
}
