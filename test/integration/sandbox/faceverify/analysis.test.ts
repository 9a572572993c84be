// The stand-in's face-check "test cards" (main/sandbox/faceverify/analysis.ts), on the real detector.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { analyseFaceCheck, FACE_CHECK_MESSAGES } from '../../../../main/sandbox/faceverify/analysis';
import { UndecodableImageError } from '../../../../main/sandbox/faces/image';
import {
  blankImage,
  catImage,
  ktpCard,
  selfieA,
  selfieBColour,
  selfieGrey,
  tinyImage,
  twoFaces,
} from '../../../fixtures/images';

/** What a 640×480 fake camera shows when it plays a KTP: the card letterboxed on black. */
const cameraFrameOf = async (jpeg: Buffer) =>
  sharp(jpeg).resize(640, 480, { fit: 'contain', background: '#000' }).jpeg().toBuffer();

describe('analyseFaceCheck', () => {
  it.each([
    ['a colour selfie of A', selfieA],
    ['a colour selfie of B', selfieBColour],
    ['a camera frame of a KTP (a colour face)', async () => cameraFrameOf(await ktpCard('A'))],
  ])('%s → completed, live', async (_name, image) => {
    const check = await analyseFaceCheck(await image(), 0.6);
    expect(check.status).toBe('completed');
    expect(check.result).toMatchObject({ live: true, similarity: null, match: null });
    expect(check.result.message).toBe(FACE_CHECK_MESSAGES.passed);
    expect(check.result.liveness).toBeGreaterThanOrEqual(0.6);
  });

  it('greyscale → completed, not live', async () => {
    const check = await analyseFaceCheck(await selfieGrey(), 0.6);
    expect(check).toMatchObject({
      status: 'completed',
      result: { live: false, message: FACE_CHECK_MESSAGES.notLive },
    });
    expect(check.result.liveness).toBeLessThan(0.6);
  });

  it.each([
    ['the cat', catImage, FACE_CHECK_MESSAGES.noFace],
    ['a blank frame', blankImage, FACE_CHECK_MESSAGES.noFace],
    ['two faces', twoFaces, FACE_CHECK_MESSAGES.multipleFaces],
    ['a 48 px image', tinyImage, FACE_CHECK_MESSAGES.tooSmall],
  ])('%s → failed', async (_name, image, message) => {
    expect(await analyseFaceCheck(await image(), 0.6)).toEqual({
      status: 'failed',
      result: { liveness: 0, live: false, similarity: null, match: null, message },
    });
  });

  it('the threshold is a setting', async () => {
    expect((await analyseFaceCheck(await selfieA(), 0.99)).result.live).toBe(false);
  });

  it('bytes that are not an image are refused', async () => {
    await expect(analyseFaceCheck(Buffer.from('nope'), 0.6)).rejects.toBeInstanceOf(UndecodableImageError);
  });
});
