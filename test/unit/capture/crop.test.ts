// The ID photo is the card: a held card de-warped to 1280×807 with a 5 % margin, the card where cardInCrop
// says it is, and the warp itself exact where it can be checked exactly.
import { describe, expect, it } from 'vitest';
import { CardDetector } from '../../../common/capture/card-detector';
import {
  CROP_HEIGHT,
  CROP_MARGIN,
  CROP_WIDTH,
  cardInCrop,
  cropCard,
  ID1_ASPECT,
  warpBilinearFixed,
} from '../../../common/capture/crop';
import { homography, rectQuad } from '../../../common/capture/geometry';
import { ktpBlueFraction, ktpSideBands } from '../../../common/capture/ktp-appearance';
import type { Quad, RgbaImage } from '../../../common/capture/types';
import { heldCardFrame } from '../../fixtures/capture/held-card';
import { decodeFrame } from '../../fixtures/capture/rgba';

describe('the crop geometry', () => {
  it('keeps the ID-1 aspect, is wide enough for every provider, and has the margin on every side', () => {
    expect(CROP_WIDTH).toBeGreaterThanOrEqual(1000); // Incode: ≥ 1000 px on one side
    expect(CROP_WIDTH).toBeLessThanOrEqual(1280); // IdentifAI's longest side sent: no second resize
    expect(CROP_WIDTH / CROP_HEIGHT).toBeCloseTo(ID1_ASPECT, 2);
    const card = cardInCrop(CROP_WIDTH, CROP_HEIGHT);
    const cardWidth = card[1].x - card[0].x;
    const cardHeight = card[3].y - card[0].y;
    expect(card[0].x / cardWidth).toBeCloseTo(CROP_MARGIN, 6);
    expect(card[0].y / cardHeight).toBeCloseTo(CROP_MARGIN, 6);
    expect(cardWidth / cardHeight).toBeCloseTo(ID1_ASPECT, 2);
  });
});

describe('cropCard', () => {
  it('de-warps a held card: card blue inside the card rectangle, the background in the margin', async () => {
    const held = await heldCardFrame({ design: 'realistic', background: 'desk', seed: 2, maxTiltDeg: 12 });
    const frame = await decodeFrame(held.jpeg);
    const detection = new CardDetector().detect(frame);
    if (detection.status !== 'ok') throw new Error(`expected a card, got ${detection.status}`);
    const crop = cropCard(frame, detection.quad);
    if (!crop) throw new Error('no crop');
    expect([crop.width, crop.height]).toEqual([CROP_WIDTH, CROP_HEIGHT]);
    const card = cardInCrop(crop.width, crop.height);
    expect(ktpSideBands(crop, card)).toBeGreaterThan(0.6);
    // The margin: a band just outside each side is the desk, not the card.
    const outside: Quad = [
      { x: 4, y: 4 },
      { x: crop.width - 4, y: 4 },
      { x: crop.width - 4, y: card[0].y - 8 },
      { x: 4, y: card[0].y - 8 },
    ];
    expect(ktpBlueFraction(crop, outside)).toBeLessThan(0.1);
  });
});

describe('warpBilinearFixed', () => {
  const gradient = (): RgbaImage => {
    const width = 64;
    const height = 48;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 4;
        data.set([x * 4, y * 5, 128, 255], o);
      }
    return { width, height, data };
  };

  it('reproduces the source under the identity (away from the last row and column)', () => {
    const src = gradient();
    const h = homography(rectQuad(64, 48), rectQuad(64, 48));
    if (!h) throw new Error('no homography');
    const out = warpBilinearFixed(src, h, 64, 48);
    for (let y = 0; y < 47; y++)
      for (let x = 0; x < 63; x++) {
        const o = (y * 64 + x) * 4;
        expect([out.data[o], out.data[o + 1], out.data[o + 2]]).toEqual([x * 4, y * 5, 128]);
      }
  });

  it('interpolates halfway between pixels and paints outside the source black', () => {
    const src = gradient();
    // Output pixel u samples source x = u/2 + 0.25 - 0.5… a 2× enlargement of the top-left quarter.
    const h = homography(rectQuad(64, 48), rectQuad(32, 24));
    if (!h) throw new Error('no homography');
    const out = warpBilinearFixed(src, h, 64, 48);
    // u = 11 → x = (11.5)/2 - 0.5 = 5.25: between 20 and 24, a quarter of the way.
    expect(out.data[(10 * 64 + 11) * 4]).toBe(21);
    const beyond = homography(rectQuad(64, 48), [
      { x: 100, y: 100 },
      { x: 164, y: 100 },
      { x: 164, y: 148 },
      { x: 100, y: 148 },
    ]);
    if (!beyond) throw new Error('no homography');
    const black = warpBilinearFixed(src, beyond, 8, 8);
    expect([...black.data.subarray(0, 4)]).toEqual([0, 0, 0, 255]);
  });
});
