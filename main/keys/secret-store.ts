// Where Loket keeps provider keys. Everything that needs a secret takes this interface, so the backend
// (keytar today; Electron safeStorage if keytar, archived upstream, has to go) is one class to swap.
export interface SecretStore {
  /** The value, or null when there is none. A locked or missing keychain throws; it never reads as null. */
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** The account names that hold a value, sorted; never the values. */
  list(): Promise<string[]>;
}
