// The verification service behind the bridge's verification.* and sync.* channels. It owns the record's
// life: created before anything is captured, every image and state change written in a transaction
// before any provider sees it.
import { CARD_NOT_FOUND, type PhotoRejection } from '../../common/capture/precheck';
import { photoAtFault } from '../../common/capture/retake';
import type { SyncStatus } from '../../common/contract';
import { CONSENT_VERSION, type ConsentAcceptance } from '../../common/consent';
import type { AuditLog } from '../audit/events';
import type { ImageKind, Mode, RecordView } from '../../common/record';
import type { ProviderName } from '../../common/providers';
import { BridgeFailure } from '../bridge/failure';
import type { EventBus } from '../bridge/events';
import { rejectionMessage } from '../capture/messages';
import type { PhotoCheck } from '../capture/photo-check';
import type { Clock } from '../lib/clock';
import { createLogger } from '../lib/log';
import type { VerificationProvider } from '../providers/provider';
import type { Store } from '../store';
import {
  countByStatus,
  createRecord,
  deleteRecord,
  getImageAnalyses,
  getRecord,
  inTransaction,
  lastDecidedAt,
  listByStatus,
  listCorrections,
  listImageKinds,
  newRecordId,
  putImage,
  transition,
  type StoredRecord,
} from '../store';
import { deleteRecordCounted } from '../store/retention-queries';
import { decodeCapturedJpeg } from './image-check';
import { runPendingRecord, type RunDeps } from './run';
import { nextAttemptDelay, type BackoffPolicy } from '../sync/backoff';
import { createSyncEngine } from '../sync/engine';
import { toView } from './view';

export interface SyncSettings {
  /** Records with the provider at once. */
  concurrency: number;
  backoff: BackoffPolicy;
  probeIntervalMs: number;
  /** The light health probe (see main/sync/probe.ts). */
  probe: (signal: AbortSignal) => Promise<boolean>;
}

export interface VerificationServiceDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  random?: () => number;
  providerName: ProviderName;
  /** Training mode: every record is flagged, so nothing can pass one off as a real verification. */
  training: boolean;
  getProvider: () => Promise<VerificationProvider>;
  /** Main's check of every photo before it is stored (and so before any provider sees it). */
  photos: PhotoCheck;
  sync: SyncSettings;
  /** The kiosk's mode (settings.mode): records take it, and a self-service kiosk's views are anonymous. */
  kioskMode?: Mode;
  /** Written on every record (settings.kioskId). */
  kioskId?: string | null;
  /** Where decisions are audited. */
  audit: AuditLog;
}

export interface StartRequest {
  /** When given, it must be the kiosk's mode: the setting decides, not the screen. */
  mode?: Mode | undefined;
  consent?: ConsentAcceptance | undefined;
  /** Who serves the customer (main/accounts/access.ts): an account id, 'training', 'self_service' or null. */
  operator: string | null;
}

/** What wiping a customer's session removed. */
export interface WipeCounts {
  records: number;
  images: number;
}

export interface VerificationService {
  start(request: StartRequest): Promise<RecordView>;
  addImage(request: {
    recordId: string;
    kind: ImageKind;
    imageBase64: string;
    cardCrop?: boolean | undefined;
    /** Staff confirm the card is in a photo main could not find it in (assisted desks only). */
    staffConfirmed?: boolean | undefined;
    /** Who added it (the signed-in operator), for the audit entry a staff confirmation makes. */
    operator?: string | null;
  }): Promise<RecordView>;
  submit(request: { recordId: string }): Promise<RecordView>;
  get(request: { recordId: string }): Promise<RecordView>;
  discard(request: { recordId: string }): Promise<{ discarded: boolean }>;
  /**
   * Forgets the customer at the kiosk: every record never sent to the provider, or sent back for a retake
   * and not sent again, is deleted with its photos. Returns how many. Submitted work is never touched.
   */
  wipeUnsubmitted(): WipeCounts;
  syncStatus(): Promise<SyncStatus>;
  /** Records left in_progress by a crash go back to pending; called once at start-up. */
  recover(): number;
  /** Starts draining pending records in the background. */
  startSync(): void;
  close(): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const log = createLogger('verification');
const PHOTO_NAMES: Readonly<Record<ImageKind, string>> = { id_card: 'ID card', selfie: 'face' };

export function createVerificationService(deps: VerificationServiceDeps): VerificationService {
  const { store, clock, events } = deps;
  const kioskMode = deps.kioskMode ?? 'assisted';
  /** Only at a staffed desk, only for the ID card, and only where the card was not found (CARD_NOT_FOUND). */
  const mayConfirmCard = (rejection: PhotoRejection) =>
    kioskMode === 'assisted' && rejection.kind === 'id_card' && CARD_NOT_FOUND.includes(rejection.reason);

  const view = (record: StoredRecord) =>
    toView(record, listImageKinds(store, record.id), {
      kioskMode,
      correctedFields:
        record.status === 'decided' ? listCorrections(store, record.id).map((c) => c.field) : [],
    });
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
      reachable: engine.reachable,
    };
  };
  const publishSyncStatus = () => events.emit('onSyncStatus', syncStatus());

  const random = deps.random ?? Math.random;
  const runDeps: RunDeps = {
    store,
    events,
    clock,
    getProvider: deps.getProvider,
    retryDelay: (attempts, retryAfterMs) =>
      nextAttemptDelay(attempts, deps.sync.backoff, random, retryAfterMs),
    onReachability: (value) => engine.setReachable(value),
    audit: deps.audit,
    photoAtFault: (recordId, reason) =>
      photoAtFault(reason, getImageAnalyses(store, recordId), deps.photos.thresholds),
  };
  const engine = createSyncEngine({
    store,
    clock,
    run: (recordId, signal) => runPendingRecord(runDeps, recordId, signal),
    probe: deps.sync.probe,
    provider: deps.providerName,
    concurrency: deps.sync.concurrency,
    probeIntervalMs: deps.sync.probeIntervalMs,
    onChange: () => publishSyncStatus(),
  });

  return {
    async start({ mode, consent, operator }) {
      if (mode !== undefined && mode !== kioskMode) {
        throw new BridgeFailure(
          'invalid_state',
          `This kiosk is set up for ${kioskMode.replace('_', '-')} use.`,
        );
      }
      // Self-service: the customer accepted this version of the consent before the camera opened; declining
      // never reaches here, so nothing is stored about them.
      if (kioskMode === 'self_service' && consent?.version !== CONSENT_VERSION) {
        throw new BridgeFailure(
          'consent_required',
          consent
            ? 'The consent accepted is not the current one.'
            : 'The customer has not accepted the consent.',
        );
      }
      if (consent && consent.version !== CONSENT_VERSION) {
        throw new BridgeFailure('consent_required', 'The consent accepted is not the current one.');
      }
      const now = clock.now();
      const record = createRecord(store, {
        id: newRecordId(),
        mode: kioskMode,
        provider: deps.providerName,
        training: deps.training,
        now: iso(now),
        operator,
        kioskId: deps.kioskId ?? null,
        consent: consent ?? null,
      });
      return view(record);
    },

    async addImage({ recordId, kind, imageBase64, cardCrop, staffConfirmed, operator }) {
      const record = load(recordId);
      if (record.status !== 'captured' && record.status !== 'retake') {
        throw new BridgeFailure(
          'invalid_state',
          'This verification has been submitted; its photos cannot change.',
        );
      }
      const bytes = await decodeCapturedJpeg(imageBase64);
      // Checked before anything is stored: a refused photo leaves the record as it was, and the person
      // retakes that photo at once, while still in front of the camera.
      const verdict = await deps.photos.check(kind, bytes, { cardCrop: cardCrop === true });
      if (!verdict.ok && staffConfirmed === true && mayConfirmCard(verdict.rejection)) {
        // The whole picture is kept: staff can see the card in it, where the detector could not.
        const by = operator ?? 'unsigned';
        inTransaction(store, () => {
          const analysis = { ...verdict.analysis, source: 'staff_confirmed' } as const;
          putImage(store, recordId, kind, bytes, iso(clock.now()), analysis);
          deps.audit.append({
            action: 'card_confirmed_by_staff',
            actor: by,
            recordId,
            details: { refusedAs: verdict.rejection.reason },
          });
        });
        log.info('card photo kept on staff confirmation', { recordId, reason: verdict.rejection.reason });
        return view(load(recordId));
      }
      if (!verdict.ok) {
        log.info('photo refused by the capture check', { recordId, kind, reason: verdict.rejection.reason });
        throw new BridgeFailure('photo_rejected', rejectionMessage(verdict.rejection), verdict.rejection);
      }
      putImage(store, recordId, kind, verdict.jpeg, iso(clock.now()), verdict.analysis);
      return view(load(recordId));
    },

    async submit({ recordId }) {
      const record = load(recordId);
      if (record.status === 'decided' || record.status === 'failed') return view(record);
      if (record.status === 'captured' || record.status === 'retake') {
        const kinds = listImageKinds(store, recordId);
        if (!kinds.includes('id_card') || !kinds.includes('selfie')) {
          throw new BridgeFailure('invalid_state', 'Both the ID card and the selfie are needed first.');
        }
        // Only photos that passed the capture check carry its analysis: one without (stored by a Loket from
        // before the check) is taken again rather than sent unchecked.
        const checked = getImageAnalyses(store, recordId);
        const unchecked = kinds.find((kind) => !checked[kind]);
        if (unchecked) {
          throw new BridgeFailure(
            'invalid_state',
            `The ${PHOTO_NAMES[unchecked]} photo was not checked by this kiosk; take it again.`,
          );
        }
        const now = iso(clock.now());
        // Saved as pending before any provider is called: from here the customer can never be lost.
        transition(store, recordId, {
          from: ['captured', 'retake'],
          to: 'pending',
          patch: { submittedAt: now, retakeKind: null, retakeReason: null, nextAttemptAt: null },
          now,
        });
        events.emit('onProgress', { recordId, step: 'saving', status: 'pending', fraction: 0.02 });
        publishSyncStatus();
      }
      // With the provider reachable (or not yet known) the customer waits for the answer; otherwise the
      // record waits in the queue and the person is told it is saved and will be checked.
      const attempt = engine.runNow(recordId);
      if (!attempt) {
        engine.kick();
        return view(load(recordId));
      }
      return view(await attempt.catch(() => load(recordId)));
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

    wipeUnsubmitted() {
      return inTransaction(store, () => {
        const counts: WipeCounts = { records: 0, images: 0 };
        for (const record of listByStatus(store, ['captured', 'retake'])) {
          const deleted = deleteRecordCounted(store, record.id);
          counts.records += deleted.records;
          counts.images += deleted.images;
        }
        return counts;
      });
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

    startSync() {
      engine.start();
    },

    close() {
      return engine.stop();
    },
  };
}
