// The seed's client-side rules for Incode's upload answers: when the front of the ID or the selfie must be
// taken again, and which of Loket's retake reasons tells the customer what to do. Pure.
import type { RetakeReason } from '../../../common/record';
import type { UploadAnswer } from './client';

/** The seed's ID-quality floors: a value below one asks for a new photo of the card. */
export interface IdThresholds {
  /** `glare < 10` → id_glare (Incode's glare score: higher is less glare). */
  glare: number;
  /** `sharpness < 10` → id_blurry. */
  sharpness: number;
  /** `horizontalResolution < 155` → id_too_small. */
  horizontalResolution: number;
}

export const DEFAULT_ID_THRESHOLDS: IdThresholds = { glare: 10, sharpness: 10, horizontalResolution: 155 };

export interface Retake {
  reason: RetakeReason;
  providerMessage: string;
}

/** The seed's selfie error-code table (HTTP status != 200); anything else is poor_conditions. */
export const SELFIE_ERROR_CODES: ReadonlyMap<number, RetakeReason> = new Map<number, RetakeReason>([
  [100, 'too_dark'],
  [101, 'remove_glasses'],
  [4010, 'only_one_person'],
  [4019, 'center_face'],
  [1003, 'center_face'],
  [3004, 'center_face'],
  [3005, 'move_closer'],
  [3006, 'blurry'],
  [3007, 'too_dark_move'],
  [3008, 'try_later'],
  [3009, 'try_later'],
  [3010, 'capture_failed'],
]);

/** The seed's words for each code, used as the provider message when Incode's body has none. */
const SELFIE_CODE_WORDS: ReadonlyMap<number, string> = new Map([
  [100, 'Too dark'],
  [101, 'Take off your glasses'],
  [4010, 'Make sure you are the only one in the frame'],
  [4019, 'Position your face in the center of the frame'],
  [1003, 'Position your face in the center of the frame'],
  [3004, 'Position your face in the center of the frame'],
  [3005, 'Move closer so your face fits the frame'],
  [3006, 'Photo blurry, clean the lens and hold still'],
  [3007, 'Too dark, try moving elsewhere'],
  [3008, 'Something went wrong, please try later'],
  [3009, 'Something went wrong, please try later'],
  [3010, "Couldn't capture, try moving elsewhere"],
]);

/**
 * The web SDK's error messages, for an answer without a known code (Incode documents codes for the selfie
 * upload, but the SDK also switches on these words).
 */
const SELFIE_MESSAGES: ReadonlyArray<readonly [RegExp, RetakeReason]> = [
  [/more than one face/i, 'only_one_person'],
  [/no faces? found/i, 'center_face'],
  [/cropping area/i, 'center_face'],
  [/spoof/i, 'spoof_suspected'],
];

/**
 * `failReason` → the closest retake reason; unknown and document-type reasons ask for the card again
 * (id_not_recognised).
 */
const FAIL_REASONS: ReadonlyArray<readonly [RegExp, RetakeReason]> = [
  [/GLARE/i, 'id_glare'],
  [/BLUR|SHARP|NOT_READABLE/i, 'id_blurry'],
  [/SMALL|RESOLUTION|TOO_FAR/i, 'id_too_small'],
];

export function failReasonToRetake(failReason: string): RetakeReason {
  return FAIL_REASONS.find(([pattern]) => pattern.test(failReason))?.[1] ?? 'id_not_recognised';
}

/**
 * The front-of-ID rules, in the seed's order: `!classification`, `glare`, `sharpness`,
 * `horizontalResolution`; then a `failReason` on an otherwise good answer (Incode answers HTTP 200 even on
 * failure). A refused upload (4xx with a code: 4019 "face not found" on the card, 1003 face cropping…) asks
 * for the card again too. null: the photo is good.
 */
export function frontIdRetake(
  answer: UploadAnswer,
  thresholds: IdThresholds = DEFAULT_ID_THRESHOLDS,
): Retake | null {
  if (!answer.accepted) {
    const code = answer.code !== null && answer.code !== answer.httpStatus ? ` (code ${answer.code})` : '';
    return {
      reason: 'id_not_recognised',
      providerMessage: `${answer.message || `HTTP ${answer.httpStatus}`}${code}`,
    };
  }
  const body = answer.body;
  const failReason = typeof body.failReason === 'string' && body.failReason ? body.failReason : null;
  if (body.classification !== true) {
    return {
      reason: failReason ? failReasonToRetake(failReason) : 'id_not_recognised',
      providerMessage: failReason ?? 'ID not classified',
    };
  }
  const below = (field: keyof IdThresholds, reason: RetakeReason): Retake | null => {
    const value = numeric(body[field]);
    return value !== null && value < thresholds[field]
      ? { reason, providerMessage: failReason ?? `${field} ${value} < ${thresholds[field]}` }
      : null;
  };
  return (
    below('glare', 'id_glare') ??
    below('sharpness', 'id_blurry') ??
    below('horizontalResolution', 'id_too_small') ??
    (failReason ? { reason: failReasonToRetake(failReason), providerMessage: failReason } : null)
  );
}

/**
 * The selfie rules, in the seed's order: HTTP status != 200 (by error code), `confidence > 0` (spoof),
 * `hasLenses`, `hasFaceMask`, `!isBright`. null: the selfie is good.
 */
export function selfieRetake(answer: UploadAnswer): Retake | null {
  if (!answer.accepted) {
    const { code, message } = answer;
    // A custom code decides by the seed's table, unknown ones included (→ poor_conditions); the SDK's words
    // are only consulted when the body carries no custom code (none, or just the HTTP status again).
    const custom = code !== null && code !== answer.httpStatus;
    const byCode = custom ? (SELFIE_ERROR_CODES.get(code) ?? 'poor_conditions') : undefined;
    const reason =
      byCode ?? SELFIE_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'poor_conditions';
    const words = message || (code !== null ? SELFIE_CODE_WORDS.get(code) : undefined) || '';
    const shown =
      code !== null ? `${code}${words ? `: ${words}` : ''}` : words || `HTTP ${answer.httpStatus}`;
    return { reason, providerMessage: shown };
  }
  const body = answer.body;
  const confidence = numeric(body.confidence);
  if (confidence !== null && confidence > 0) {
    return { reason: 'spoof_suspected', providerMessage: `confidence ${confidence}` };
  }
  if (body.hasLenses === true) return { reason: 'remove_glasses', providerMessage: 'hasLenses' };
  if (body.hasFaceMask === true) return { reason: 'remove_mask', providerMessage: 'hasFaceMask' };
  // The seed's `!isBright`: an answer without the flag is treated as too dark, as the seed's check would.
  if (body.isBright !== true) {
    return {
      reason: 'too_dark',
      providerMessage: `isBright ${body.isBright === false ? 'false' : 'missing'}`,
    };
  }
  return null;
}

/** Numbers, or numeric strings (Incode sends some values as strings); null otherwise. */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
