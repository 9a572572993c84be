// The card detector on generated frames whose true corners are known: found within tolerance at several
// distances, tilts and backgrounds; "cutoff" when the card runs out of the frame; nothing on a frame without
// a card. (The bench measures the rates on a few hundred frames; these pin single cases.)
import { describe, expect, it } from 'vitest';
import { CardDetector } from '../../../common/capture/card-detector';
import { dist } from '../../../common/capture/geometry';
import type { CardDetection, Quad, RgbaImage } from '../../../common/capture/types';
import { background } from '../../fixtures/capture/backgrounds';
import { heldCardFrame, type HeldCardOptions } from '../../fixtures/capture/held-card';
import { decodeFrame } from '../../fixtures/capture/rgba';
import { finish } from '../../fixtures/capture/scene';

const detector = new CardDetector();

async function detect(options: HeldCardOptions): Promise<{ detection: CardDetection; corners: Quad }> {
  const held = await heldCardFrame(options);
  return { detection: detector.detect(await decodeFrame(held.jpeg)), corners: held.corners };
}

/** The research's tolerance: the worst corner within max(8 px, 2 % of the card's width). */
const tolerance = (corners: Quad) => Math.max(8, 0.02 * dist(corners[0], corners[1]));
const worstCorner = (found: Quad, corners: Quad) =>
  Math.max(...found.map((p, i) => dist(p, corners[i] ?? p)));

/** The frame under a lamp 20 % warmer than daylight (red up, blue down), in place. */
function warm(frame: RgbaImage): RgbaImage {
  for (let i = 0; i < frame.data.length; i += 4) {
    frame.data[i] = (frame.data[i] ?? 0) * 1.2;
    frame.data[i + 2] = (frame.data[i + 2] ?? 0) * 0.8;
  }
  return frame;
}

describe('CardDetector', () => {
  it.each([
    { design: 'realistic', widthFraction: 0.7, background: 'desk', seed: 1 },
    { design: 'realistic', widthFraction: 0.5, background: 'room', seed: 3, maxTiltDeg: 15 },
    { design: 'specimen', widthFraction: 0.82, background: 'texture', seed: 4 },
    { design: 'specimen', widthFraction: 0.6, background: 'cat', seed: 5, maxTiltDeg: 15 },
  ] as const)('finds a $design card $widthFraction of the frame wide on $background', async (options) => {
    const { detection, corners } = await detect(options);
    expect(detection.status).toBe('ok');
    if (detection.status !== 'ok') return;
    expect(worstCorner(detection.quad, corners)).toBeLessThanOrEqual(tolerance(corners));
  });

  it('says "cutoff" for a card that runs out of the frame', async () => {
    const pose = { widthFraction: 0.7, rollDeg: 4, yawDeg: -6, pitchDeg: 3, cx: 1180, cy: 380 };
    const { detection } = await detect({ design: 'realistic', background: 'desk', pose });
    expect(detection.status).toBe('cutoff');
  });

  it('finds a card under a warm lamp (20 % warmer) by looking again, white-balanced', async () => {
    const held = await heldCardFrame({
      design: 'realistic',
      widthFraction: 0.75,
      background: 'desk',
      seed: 2,
    });
    const frame = warm(await decodeFrame(held.jpeg));
    expect(new CardDetector({ balance: false }).detect(frame).status).toBe('none');
    const detection = detector.detect(frame);
    expect(detection.status).toBe('ok');
    if (detection.status !== 'ok') return;
    expect(worstCorner(detection.quad, held.corners)).toBeLessThanOrEqual(tolerance(held.corners));
  });

  it('finds nothing, not even a cut-off card, in a warm room with no card in it', async () => {
    const frame = warm(await decodeFrame(await finish(await background('room', 11), { sigma: 0 }, 90)));
    expect(detector.detect(frame).status).toBe('none');
  });

  it('finds nothing in a room with no card in it', async () => {
    const frame = await decodeFrame(await finish(await background('room', 11), { sigma: 0 }, 90));
    expect(detector.detect(frame).status).toBe('none');
  });

  it('reuses its buffers across frame sizes without mixing them up', async () => {
    const small = await decodeFrame(await finish(await background('noise', 2), { sigma: 0 }, 90));
    expect(
      detector.detect({ ...small, width: 640, height: 360, data: small.data.subarray(0, 640 * 360 * 4) }),
    ).toEqual({
      status: 'none',
    });
    const { detection } = await detect({ design: 'realistic', background: 'noise', seed: 1 });
    expect(detection.status).toBe('ok');
  });
});
