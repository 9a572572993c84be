// Provider step outputs (job ids, session tokens, upload answers), one row per named step, so a run picks up
// after a crash where it stopped. To mark a step done in the same transaction as a status change, call
// saveStepOutput and transition inside one inTransaction.
import type { Store } from './connection';
import type { IsoTime } from './record-row';
import { prepared } from './statements';

const UPSERT = `
  INSERT INTO record_steps (record_id, step, output_json, done_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (record_id, step) DO UPDATE SET output_json = excluded.output_json, done_at = excluded.done_at`;
const SELECT_ALL = `SELECT step, output_json FROM record_steps WHERE record_id = ? ORDER BY done_at, step`;
const DELETE_ALL = `DELETE FROM record_steps WHERE record_id = ?`;
const DELETE_ONE = `DELETE FROM record_steps WHERE record_id = ? AND step = ?`;

/** Saves (or replaces) a step's output. `undefined` is stored as JSON null, since JSON has no undefined. */
export function saveStepOutput(
  store: Store,
  recordId: string,
  step: string,
  output: unknown,
  now: IsoTime,
): void {
  const json = JSON.stringify(output) ?? 'null';
  prepared<[string, string, string, string]>(store, UPSERT).run(recordId, step, json, now);
}

export function getStepOutputs(store: Store, recordId: string): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const row of prepared<[string], { step: string; output_json: string }>(store, SELECT_ALL).all(
    recordId,
  )) {
    outputs[row.step] = JSON.parse(row.output_json) as unknown;
  }
  return outputs;
}

/** Forgets one step's output, so the next run does that step again (e.g. a new photo after a retake). */
export function deleteStepOutput(store: Store, recordId: string, step: string): boolean {
  return prepared<[string, string]>(store, DELETE_ONE).run(recordId, step).changes > 0;
}

/** Forgets every step output: the next run starts the provider flow from the beginning. Returns how many. */
export function clearStepOutputs(store: Store, recordId: string): number {
  return prepared<[string]>(store, DELETE_ALL).run(recordId).changes;
}
