// Every job any provider stand-in creates, in creation order, for `GET /_sandbox/jobs`: tests count
// submissions with it (e.g. "a retried step did not submit twice").
export interface SandboxJobEntry {
  id: string;
  provider: 'identifai' | 'incode' | 'faceverify';
  /** The provider's name for what was asked, e.g. the IdentifAI slug `face-match-liveness`. */
  analytic: string;
  client_ref: string | null;
  /** ISO 8601, from the sandbox clock. */
  createdAt: string;
}

export class JobRegistry {
  private readonly entries: SandboxJobEntry[] = [];

  record(entry: SandboxJobEntry): void {
    this.entries.push(entry);
  }

  list(): SandboxJobEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
