// The store's public face: open it, group changes in a transaction, and use the repositories.
export { DATABASE_FILE, inTransaction, openStore, type OpenStoreOptions, type Store } from './connection';
export {
  CorruptRowError,
  DatabaseFromTheFutureError,
  InvalidTransitionError,
  RecordNotFoundError,
} from './errors';
export * from './records';
