// Main's check of every photo before it is stored, and so before any provider sees it. A photo that fails
// is refused with which photo and why (PhotoRejection), and nothing is stored; one that passes is stored
// with what was measured on it (numbers only), which item 6's retake routing reads later.
import { CardDetector } from '../../common/capture/card-detector';
import type { CropGeometry } from '../../common/capture/crop';
import {
  checkCardPhoto,
  checkSelfie,
  summariseCardPhoto,
  summariseSelfie,
  type PhotoAnalysis,
  type PhotoRejection,
} from '../../common/capture/precheck';
import type { CaptureThresholds } from '../../common/capture/thresholds';
import type { ImageKind } from '../../common/record';
import { analyseCardPhoto } from './card-photo';
import type { FaceFinder } from './faces';
import { analyseSelfie } from './selfie-photo';

export type PhotoVerdict =
  | { ok: true; jpeg: Buffer; analysis: PhotoAnalysis }
  | { ok: false; rejection: PhotoRejection; analysis: PhotoAnalysis };

export interface PhotoCheck {
  readonly thresholds: Readonly<CaptureThresholds>;
  /** `cardCrop`: the kiosk says this ID photo is already its crop of the card. */
  check(kind: ImageKind, bytes: Buffer, options?: { cardCrop?: boolean }): Promise<PhotoVerdict>;
}

export interface PhotoCheckDeps {
  thresholds: Readonly<CaptureThresholds>;
  geometry: CropGeometry;
  findFaces: FaceFinder;
}

export function createPhotoCheck(deps: PhotoCheckDeps): PhotoCheck {
  const detector = new CardDetector();
  const t = deps.thresholds;
  return {
    thresholds: t,
    async check(kind, bytes, options = {}) {
      if (kind === 'selfie') {
        const input = await analyseSelfie(deps.findFaces, bytes, t);
        const analysis = summariseSelfie(input, t);
        const reason = checkSelfie(input, t);
        return reason
          ? { ok: false, rejection: { kind, reason }, analysis }
          : { ok: true, jpeg: bytes, analysis };
      }
      const card = await analyseCardPhoto(
        { geometry: deps.geometry, findFaces: deps.findFaces, detector },
        bytes,
        options.cardCrop === true,
      );
      const analysis = summariseCardPhoto(card.input, card.source, t);
      const reason = checkCardPhoto(card.input, t);
      if (reason) return { ok: false, rejection: { kind, reason }, analysis };
      if (!card.jpeg) return { ok: false, rejection: { kind, reason: 'no_card' }, analysis };
      return { ok: true, jpeg: card.jpeg, analysis };
    },
  };
}
