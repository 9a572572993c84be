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
  return statement as unknown as Database.Statement<Params, Row>;
}
