// Why a photo was refused, in words, for the bridge error's message and for staff (the renderer has its
// own words for the customer, in both languages, keyed by the same reasons).
import type { CardRejection, PhotoRejection, SelfieRejection } from '../../common/capture/precheck';

const CARD: Readonly<Record<CardRejection, string>> = {
  no_card: 'No ID card was found in the photo.',
  card_cut_off: 'The ID card runs out of the photo.',
  card_too_small: 'The ID card is too far from the camera to be read.',
  too_dark: 'The photo of the ID card is too dark.',
  blurry: 'The photo of the ID card is blurred.',
  glare: 'There is a reflection on the ID card.',
  no_face_on_card: 'The photo on the ID card cannot be seen.',
};

const SELFIE: Readonly<Record<SelfieRejection, string>> = {
  no_face: 'No face was found in the photo.',
  multiple_faces: 'There is more than one face in the photo.',
  face_too_small: 'The face is too far from the camera.',
  too_dark: 'The photo of the face is too dark.',
  blurry: 'The photo of the face is blurred.',
  printed_photo: 'The face looks like a printed photo, not a person.',
};

export function rejectionMessage(rejection: PhotoRejection): string {
  const why = rejection.kind === 'id_card' ? CARD[rejection.reason] : SELFIE[rejection.reason];
  return `${why} Take that photo again.`;
}
