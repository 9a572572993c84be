// The supervisor's console in main: the day, the records, one record, reveal and photo, the review queue
// and its decisions, the audit chain and the exports. Who may call it is the access policy's business (the
// handlers ask it first); each method that acts takes the supervisor's account id for its audit entry.
import {
  RECORD_PAGE_SIZE,
  type AuditState,
  type DaySummary,
  type RecordDetail,
  type RecordFilter,
  type RecordListItem,
  type RecordPage,
  type RecordSearch,
  type RevealedFields,
  type ReviewQueue,
} from '../../common/console';
import type { ImageKind } from '../../common/record';
import { parseReferenceCode } from '../../common/reference-code';
import type { OpenAuditLog } from '../audit/audit-log';
import { BridgeFailure } from '../bridge/failure';
import type { Clock } from '../lib/clock';
import { DayError, dayRange } from '../lib/local-day';
import type { Store } from '../store/connection';
import { auditState } from './audit-state';
import { daySummary } from './day';
import { decide, type DecideRequest } from './decide';
import { recordDetail } from './detail';
import { createConsoleExports, type ConsoleExportDeps, type ConsoleExports } from './exports';
import { toListItem } from './list-item';
import { awaitingReview, byNik, byReference, dayCount, dayPage } from './queries';
import { revealFields, viewPhoto } from './reveal';

export interface ConsoleDeps extends Omit<ConsoleExportDeps, 'audit' | 'clock' | 'zone'> {
  store: Store;
  audit: OpenAuditLog;
  clock: Clock;
  /** The kiosk's IANA zone: the console's days are the branch's days. */
  zone: string;
}

export interface ConsoleService {
  day(day: string, includeTraining: boolean): DaySummary;
  records(filter: RecordFilter): RecordPage;
  search(search: RecordSearch, by: string): RecordListItem[];
  record(recordId: string): RecordDetail;
  reveal(recordId: string, by: string): RevealedFields;
  photo(recordId: string, kind: ImageKind, by: string): { mime: 'image/jpeg'; imageBase64: string };
  queue(includeTraining: boolean): ReviewQueue;
  decide(request: DecideRequest, by: string): RecordDetail;
  audit(day: string): Promise<AuditState>;
  exports: ConsoleExports;
}

/** The queue is a branch's backlog of a few records; a cap keeps a neglected one from flooding the page. */
const QUEUE_LIMIT = 500;

export function createConsoleService(deps: ConsoleDeps): ConsoleService {
  const { store, audit, clock, zone } = deps;
  const rangeOf = (day: string) => {
    try {
      return dayRange(day, day, zone);
    } catch (error) {
      if (error instanceof DayError) throw new BridgeFailure('invalid_request', error.message);
      throw error;
    }
  };
  return {
    day(day, includeTraining) {
      rangeOf(day);
      return daySummary({ store, zone }, day, includeTraining);
    },

    records(filter) {
      const { from, to } = rangeOf(filter.day);
      const query = {
        from,
        to,
        includeTraining: filter.includeTraining ?? false,
        decision: filter.decision ?? null,
        status: filter.status ?? null,
        operator: filter.operator ?? null,
        mode: filter.mode ?? null,
        provider: filter.provider ?? null,
      };
      const page = filter.page ?? 1;
      const rows = dayPage(store, query, RECORD_PAGE_SIZE, (page - 1) * RECORD_PAGE_SIZE);
      return { items: rows.map(toListItem), total: dayCount(store, query), page, pageSize: RECORD_PAGE_SIZE };
    },

    search(search, by) {
      if ('reference' in search) {
        const code = parseReferenceCode(search.reference);
        if (code === null) {
          throw new BridgeFailure(
            'invalid_request',
            'A reference code is 8 letters or digits, e.g. K7Q4-3ZPX.',
          );
        }
        return byReference(store, code).map(toListItem);
      }
      const rows = byNik(store, search.nik);
      // Looking a person up by their number is itself on record: who, when, how many records; never the NIK.
      audit.append({ action: 'nik_searched', actor: by, details: { results: rows.length } });
      return rows.map(toListItem);
    },

    record: (recordId) => recordDetail(store, recordId),
    reveal: (recordId, by) => revealFields(store, audit, recordId, by),
    photo: (recordId, kind, by) => viewPhoto(store, audit, recordId, kind, by),

    queue(includeTraining) {
      const items = awaitingReview(store, QUEUE_LIMIT).map(toListItem);
      const real = items.filter((item) => !item.training);
      return { items: includeTraining ? items : real, training: items.length - real.length };
    },

    decide(request, by) {
      decide({ store, audit, auditKey: audit.key, clock }, request, by);
      return recordDetail(store, request.recordId);
    },

    audit: (day) => {
      rangeOf(day);
      return auditState({ store, audit, zone }, day);
    },

    exports: createConsoleExports({ ...deps, audit, clock, zone }),
  };
}
