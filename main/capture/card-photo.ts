// The ID photo is the card, not the room. A crop the kiosk made (marked `cardCrop`) is checked as it is; any
// other picture (a manual "Take photo" before the live guidance found the card) is searched with the same
// detector the Worker runs, and cropped here with the same geometry. Either way the stored photo is the
// crop, and what is measured is the card on that crop.
import type { CardDetector } from '../../common/capture/card-detector';
import { cardInCrop, cropCard, ID1_ASPECT, type CropGeometry } from '../../common/capture/crop';
import type { CardPhotoInput } from '../../common/capture/precheck';
import { measureRegion } from '../../common/capture/region';
import type { CardDetection, FaceObservation, Quad, RgbaImage } from '../../common/capture/types';
import { decodeRgba, encodeJpeg } from './decode';
import type { FaceFinder } from './faces';

/** A crop may differ from the ID-1 aspect by this much (rounding, an older kiosk's crop size). */
export const CROP_ASPECT_TOLERANCE = 0.06;

export interface CardPhoto {
  input: CardPhotoInput;
  source: 'crop' | 'frame';
  /** What is stored and sent: the crop as JPEG; null when there is no card to crop. */
  jpeg: Buffer | null;
}

export interface CardPhotoDeps {
  geometry: CropGeometry;
  findFaces: FaceFinder;
  /** One per process: it keeps its buffers between photos. */
  detector: CardDetector;
}

const isCardShaped = (image: { width: number; height: number }) =>
  Math.abs(image.width / image.height / ID1_ASPECT - 1) <= CROP_ASPECT_TOLERANCE;

const centreInside = (face: FaceObservation, card: Quad) => {
  const cx = face.box.x + face.box.width / 2;
  const cy = face.box.y + face.box.height / 2;
  return cx >= card[0].x && cx <= card[1].x && cy >= card[0].y && cy <= card[3].y;
};

export async function analyseCardPhoto(
  deps: CardPhotoDeps,
  bytes: Buffer,
  cardCrop: boolean,
): Promise<CardPhoto> {
  const picture = await decodeRgba(bytes);
  if (cardCrop) {
    // A crop with the wrong shape is not a card crop: nothing on it is treated as the card.
    if (!isCardShaped(picture)) return noCard(picture, 'crop');
    const card = cardInCrop(picture.width, picture.height, deps.geometry.margin);
    const detection: CardDetection = { status: 'ok', quad: card, score: 1 };
    return { input: await onCrop(deps, picture, picture, detection), source: 'crop', jpeg: bytes };
  }
  const detection = deps.detector.detect(picture);
  if (detection.status !== 'ok') return { input: empty(picture, detection), source: 'frame', jpeg: null };
  const crop = cropCard(picture, detection.quad, deps.geometry);
  if (!crop) return noCard(picture, 'frame');
  return {
    input: await onCrop(deps, picture, crop, detection),
    source: 'frame',
    jpeg: await encodeJpeg(crop),
  };
}

async function onCrop(
  deps: CardPhotoDeps,
  frame: RgbaImage,
  crop: RgbaImage,
  detection: CardDetection,
): Promise<CardPhotoInput> {
  const card = cardInCrop(crop.width, crop.height, deps.geometry.margin);
  const faces = (await deps.findFaces(crop)).filter((f) => centreInside(f, card));
  return {
    frame: { width: frame.width, height: frame.height },
    detection,
    measures: measureRegion(crop, card),
    faces,
    cardWidth: card[1].x - card[0].x,
  };
}

const empty = (picture: RgbaImage, detection: CardDetection): CardPhotoInput => ({
  frame: { width: picture.width, height: picture.height },
  detection,
  measures: null,
  faces: [],
  cardWidth: 0,
});

const noCard = (picture: RgbaImage, source: CardPhoto['source']): CardPhoto => ({
  input: empty(picture, { status: 'none' }),
  source,
  jpeg: null,
});
