// The verification flow as data. One screen at a time; each carries exactly what it needs, so a screen
// can never show a record id or photo left over from the previous customer.
import type { CustomerAction, Progress } from '../../../common/contract';
import type { BridgeError, PhotoRejection } from '../../../common/errors';
import type { ImageKind, Outcome, RecordView, RetakeReason } from '../../../common/record';

/** Why the capture screen is shown again, in words on screen. */
export type CaptureNotice =
  | { type: 'retake'; reason: RetakeReason }
  /** The photo could not be read at all (damaged, empty). */
  | { type: 'rejected' }
  /** Main's capture check refused it, before any provider saw it, and said why. */
  | {
      type: 'refused';
      rejection: PhotoRejection;
      /** The refused ID photo when only the card was not found (CARD_NOT_FOUND): staff may confirm it. */
      confirmable: string | null;
    };

/** What "Try again" does on the failure screen. */
export type Retry =
  | { action: 'start' }
  | { action: 'capture'; recordId: string; kind: ImageKind; submitAfter: boolean }
  | { action: 'submit'; recordId: string };

export type FlowState =
  | { screen: 'home'; starting: boolean }
  | {
      screen: 'capture';
      recordId: string;
      kind: ImageKind;
      notice: CaptureNotice | null;
      /** After a retake asked for by the provider, the other photo is already saved: submit straight away. */
      submitAfter: boolean;
    }
  | {
      screen: 'preview';
      recordId: string;
      kind: ImageKind;
      imageBase64: string;
      /** The ID card as the guidance Worker cut it out and straightened; false: a whole frame. */
      cardCrop: boolean;
      submitAfter: boolean;
      saving: boolean;
    }
  | {
      screen: 'waiting';
      recordId: string;
      progress: Pick<Progress, 'step' | 'fraction' | 'status'> | null;
      /**
       * Something the customer must do outside Loket's screens (the provider's hosted face check), from the
       * latest progress event; null once an event no longer carries one.
       */
      action: CustomerAction | null;
      /** submit answered while the record was still in progress; the outcome is fetched on a final event. */
      submitReturned: boolean;
    }
  | { screen: 'result'; record: RecordView; outcome: Outcome }
  | { screen: 'pending'; record: RecordView }
  | { screen: 'failed'; error: BridgeError; retry: Retry | null };

export type FlowAction =
  | { type: 'startRequested' }
  | { type: 'started'; record: RecordView }
  | { type: 'startFailed'; error: BridgeError }
  | { type: 'photoTaken'; imageBase64: string; cardCrop?: boolean }
  | { type: 'retakePressed' }
  | { type: 'savePressed' }
  | { type: 'saved'; recordId: string; kind: ImageKind }
  | { type: 'saveFailed'; recordId: string; kind: ImageKind; error: BridgeError }
  | { type: 'progress'; progress: Progress }
  | { type: 'submitted'; record: RecordView }
  | { type: 'submitFailed'; recordId: string; error: BridgeError }
  | { type: 'retryCapture'; recordId: string; kind: ImageKind; submitAfter: boolean }
  | { type: 'retrySubmit'; recordId: string }
  | { type: 'reset' };

export const initialFlowState: FlowState = { screen: 'home', starting: false };
