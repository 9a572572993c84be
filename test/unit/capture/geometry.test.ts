// The card's geometry: homographies, corner order and the true aspect of a card seen in perspective.
import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  homography,
  isConvex,
  orderQuad,
  rectAspect,
  rectQuad,
} from '../../../common/capture/geometry';
import { ID1_ASPECT } from '../../../common/capture/crop';
import type { Quad } from '../../../common/capture/types';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../fixtures/capture/backgrounds';
import { between, seeded } from '../../fixtures/capture/prng';
import { FOCAL, poseInView, projectCorners } from '../../fixtures/capture/scene';

const quad: Quad = [
  { x: 100, y: 120 },
  { x: 700, y: 90 },
  { x: 760, y: 480 },
  { x: 80, y: 450 },
];

describe('homography', () => {
  it('maps each source corner onto its destination, and points in between consistently', () => {
    const h = homography(rectQuad(856, 540), quad);
    expect(h).not.toBeNull();
    if (!h) return;
    rectQuad(856, 540).forEach((p, i) => {
      const q = applyHomography(h, p.x, p.y);
      expect(q.x).toBeCloseTo(quad[i]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(quad[i]?.y ?? NaN, 6);
    });
    const back = homography(quad, rectQuad(856, 540));
    if (!back) throw new Error('no inverse');
    const mid = applyHomography(h, 428, 270);
    const round = applyHomography(back, mid.x, mid.y);
    expect(round.x).toBeCloseTo(428, 6);
    expect(round.y).toBeCloseTo(270, 6);
  });

  it('has no answer for degenerate corners', () => {
    const line = [0, 1, 2, 3].map((i) => ({ x: i * 10, y: i * 10 }));
    expect(homography(rectQuad(1, 1), line)).toBeNull();
  });
});

describe('orderQuad', () => {
  it('puts the corners in reading order whatever order they come in, top edge the long one', () => {
    const shuffled = [quad[2], quad[0], quad[3], quad[1]];
    expect(orderQuad(shuffled)).toEqual(quad);
    expect(isConvex(orderQuad(shuffled))).toBe(true);
    expect(isConvex([quad[0], quad[2], quad[1], quad[3]])).toBe(false);
  });
});

describe('rectAspect', () => {
  it('recovers the ID-1 aspect of a card tilted up to 15° in any direction, within 4 %', () => {
    const random = seeded(7);
    for (let i = 0; i < 40; i++) {
      const corners = projectCorners(poseInView(random, between(random, 0.4, 0.85), 15));
      const aspect = rectAspect(corners, FRAME_WIDTH, FRAME_HEIGHT, FOCAL);
      expect(Math.abs(aspect / ID1_ASPECT - 1)).toBeLessThan(0.04);
    }
  });

  it('tells an A4 sheet (1.414) and a phone (2.05) from a card, seen straight on', () => {
    const sheet = rectQuad(400, 400 * 1.414).map((p) => ({ x: p.y + 100, y: p.x + 100 }));
    const ordered = orderQuad(sheet);
    expect(rectAspect(ordered, FRAME_WIDTH, FRAME_HEIGHT, FOCAL)).toBeCloseTo(1.414, 2);
    expect(rectAspect(orderQuad(rectQuad(410, 200)), FRAME_WIDTH, FRAME_HEIGHT, FOCAL)).toBeCloseTo(2.05, 2);
  });
});
