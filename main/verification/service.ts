// The verification service behind the bridge's verification.* and sync.* channels. It owns the record's
// life: created before anything is captured, every image and state change written in a transaction
// before any provider sees it.
import type { SyncStatus } from '../../common/contract';
import type { ImageKind, Mode, RecordView } from '../../common/record';
import type { ProviderName } from '../../common/providers';
import { BridgeFailure } from '../bridge/failure';
import type { EventBus } from '../bridge/events';
import type { Clock } from '../lib/clock';
import type { VerificationProvider } from '../providers/provider';
import type { Store } from '../store';
import {
  countByStatus,
  createRecord,
  deleteRecord,
  getRecord,
  lastDecidedAt,
  listByStatus,
  listImageKinds,
  newRecordId,
  putImage,
  transition,
  type StoredRecord,
} from '../store';
import { decodeCapturedJpeg } from './image-check';
import { runPendingRecord } from './run';
import { toView } from './view';

export interface VerificationServiceDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  providerName: ProviderName;
  getProvider: () => Promise<VerificationProvider>;
  retryDelayMs?: number;
}

export interface VerificationService {
  start(request: { mode: Mode }): Promise<RecordView>;
  addImage(request: { recordId: string; kind: ImageKind; imageBase64: string }): Promise<RecordView>;
  submit(request: { recordId: string }): Promise<RecordView>;
  get(request: { recordId: string }): Promise<RecordView>;
  discard(request: { recordId: string }): Promise<{ discarded: boolean }>;
  syncStatus(): Promise<SyncStatus>;
  /** Records left in_progress by a crash go back to pending; called once at start-up. */
  recover(): number;
  close(): void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createVerificationService(deps: VerificationServiceDeps): VerificationService {
  const { store, clock, events } = deps;
  const running = new Map<string, Promise<StoredRecord>>();
  const shutdown = new AbortController();
  let reachable: boolean | null = null;

  const view = (record: StoredRecord) => toView(record, listImageKinds(store, record.id));
  const load = (recordId: string) => {
    const record = getRecord(store, recordId);
    if (!record) throw new BridgeFailure('not_found', 'There is no such verification.');
    return record;
  };
  const syncStatus = (): SyncStatus => {
    const counts = countByStatus(store);
    return {
      pending: counts.pending,
      inProgress: counts.in_progress,
      lastSyncAt: lastDecidedAt(store),
      reachable,
    };
  };
  const publishSyncStatus = () => events.emit('onSyncStatus', syncStatus());

  const runDeps = {
    store,
    events,
    clock,
    getProvider: deps.getProvider,
    retryDelayMs: deps.retryDelayMs ?? 60_000,
    onReachability: (value: boolean) => {
      reachable = value;
    },
  };

  return {
    async start({ mode }) {
      const record = createRecord(store, {
        id: newRecordId(),
        mode,
        provider: deps.providerName,
        now: iso(clock.now()),
      });
      return view(record);
    },

    async addImage({ recordId, kind, imageBase64 }) {
      const record = load(recordId);
      if (record.status !== 'captured' && record.status !== 'retake') {
        throw new BridgeFailure(
          'invalid_state',
          'This verification has been submitted; its photos cannot change.',
        );
      }
      const bytes = await decodeCapturedJpeg(imageBase64);
      putImage(store, recordId, kind, bytes, iso(clock.now()));
      return view(load(recordId));
    },

    async submit({ recordId }) {
      const inFlight = running.get(recordId);
      if (inFlight) return view(await inFlight);
      const record = load(recordId);
      if (record.status === 'decided' || record.status === 'failed') return view(record);
      if (record.status === 'in_progress') {
        throw new BridgeFailure('invalid_state', 'This verification is already being checked.');
      }
      const kinds = listImageKinds(store, recordId);
      if (!kinds.includes('id_card') || !kinds.includes('selfie')) {
        throw new BridgeFailure('invalid_state', 'Both the ID card and the selfie are needed first.');
      }
      if (record.status !== 'pending') {
        const now = iso(clock.now());
        transition(store, recordId, {
          from: ['captured', 'retake'],
          to: 'pending',
          patch: { submittedAt: now, retakeKind: null, retakeReason: null },
          now,
        });
      }
      events.emit('onProgress', { recordId, step: 'saving', status: 'pending', fraction: 0.02 });
      publishSyncStatus();
      const run = runPendingRecord(runDeps, recordId, shutdown.signal).finally(() => {
        running.delete(recordId);
        publishSyncStatus();
      });
      running.set(recordId, run);
      return view(await run);
    },

    async get({ recordId }) {
      return view(load(recordId));
    },

    async discard({ recordId }) {
      const record = load(recordId);
      // Only work that never reached a provider may be thrown away; anything submitted is kept for audit.
      if (record.status !== 'captured' && record.status !== 'retake') return { discarded: false };
      deleteRecord(store, recordId);
      return { discarded: true };
    },

    async syncStatus() {
      return syncStatus();
    },

    recover() {
      const stranded = listByStatus(store, ['in_progress']);
      for (const record of stranded) {
        transition(store, record.id, {
          from: ['in_progress'],
          to: 'pending',
          patch: {},
          now: iso(clock.now()),
        });
      }
      return stranded.length;
    },

    close() {
      shutdown.abort(new Error('The kiosk is shutting down.'));
    },
  };
}
