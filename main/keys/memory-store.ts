// A SecretStore in memory: for training mode (the sandbox's published test keys) and for tests of code that
// takes a SecretStore. Nothing survives the process.
import type { SecretStore } from './secret-store';

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [account, value] of Object.entries(initial)) this.values.set(account, value);
  }

  async get(account: string): Promise<string | null> {
    return this.values.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.values.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.values.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.values.keys()].sort();
  }
}
