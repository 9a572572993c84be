// Prepared statements, compiled once per connection. Callers pass SQL constants only: values always travel
// as bound parameters, never inside the text.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Store } from './connection';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

export function prepared<Params extends unknown[] = [], Row = unknown>(
  store: Store,
  sql: string,
): Database.Statement<Params, Row> {
  let statements = cache.get(store.db);
  if (!statements) {
    statements = new Map();
    cache.set(store.db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = store.db.prepare<unknown[], unknown>(sql);
    statements.set(sql, statement);
  }
  // A statement that writes tells the checkpointer before it runs: what that schedules runs on a later turn
  // of the event loop, when this write is done, never inside it.
  if (!statement.readonly) store.noteWrite();
  return statement as unknown as Database.Statement<Params, Row>;
}
