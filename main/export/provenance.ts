// What every export says about itself: what it covers, whether it is masked, how many rows, and the audit
// chain's head as it stood when the export was made (entries, last MAC, whether verify passed). An auditor
// holding an export can later check that the log still contains that head: a log cut back after the
// export no longer does.
import type { ChainState } from '../audit/audit-log';
import { describeRange, type ExportRange } from './range';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

export interface Provenance {
  range: ExportRange;
  kioskId: string;
  /** Epoch ms. */
  generatedAt: number;
  masked: boolean;
  includeTraining: boolean;
  chain: ChainSummary;
}

export interface ChainSummary {
  /** Entries in the keychain's head (null: none). */
  headEntries: number | null;
  headMac: string | null;
  /** Entries in the database. */
  entries: number;
  /** 'yes', or 'no: <problem> at entry N'. */
  verified: string;
}

export function summariseChain(state: ChainState): ChainSummary {
  const { verify } = state;
  return {
    headEntries: state.head?.count ?? null,
    headMac: state.head?.mac ?? null,
    entries: state.entries,
    verified: verify.ok ? 'yes' : `no: ${verify.problem} at entry ${verify.seq}`,
  };
}

/** The facts as label/value pairs, in one order for every format (CSV trailer, XLSX About sheet, PDF). */
export function provenanceFields(p: Provenance, rows: number | null): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['range', describeRange(p.range)],
    ['time_zone', p.range.zone],
    ['kiosk_id', p.kioskId],
    ['generated_at', new Date(p.generatedAt).toISOString()],
    ['masked', p.masked ? 'yes' : 'no (unmasked: audited)'],
    ['training_records', p.includeTraining ? 'included, flagged in the training column' : 'excluded'],
  ];
  if (rows !== null) fields.push(['rows', String(rows)]);
  fields.push(
    ['audit_head_entries', p.chain.headEntries === null ? 'none' : String(p.chain.headEntries)],
    ['audit_head_mac', p.chain.headMac ?? 'none'],
    ['audit_entries', String(p.chain.entries)],
    ['audit_verified', p.chain.verified],
  );
  return fields;
}
