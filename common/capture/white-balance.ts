// Grey-world white balance, for the card detector's second look at a frame in which it found no card: the
// KTP's light blue is a narrow colour test (ktp-appearance.ts), and a warm desk lamp or a webcam's wrong white
// balance shifts the whole frame out of it. Grey-world assumes the room averages to grey and scales each
// channel to make it so. On a frame that is not cast it mostly distorts (the card set: 94 of 130 cards found
// after balancing every frame against 118 as they are), which is why it is only a second look.
import type { RgbaImage } from './types';

/** The largest correction per channel: beyond it the room itself is coloured, not the light. */
export const MAX_GAIN = 1.5;
/** Gains this close to 1 mean no cast worth a second look. */
export const NEUTRAL_WITHIN = 0.04;
/** Every n-th pixel of every n-th row is enough for three means. */
const STEP = 4;

export type Gains = readonly [number, number, number];

/** The per-channel gains that make the frame's mean grey, each within 1/MAX_GAIN..MAX_GAIN. */
export function greyWorldGains(frame: RgbaImage): Gains {
  const { width, height, data } = frame;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let y = 0; y < height; y += STEP) {
    for (let x = 0, o = y * width * 4; x < width; x += STEP, o += 4 * STEP) {
      r += data[o] ?? 0;
      g += data[o + 1] ?? 0;
      b += data[o + 2] ?? 0;
    }
  }
  const grey = (r + g + b) / 3;
  const gain = (mean: number) => (mean <= 0 ? 1 : Math.min(MAX_GAIN, Math.max(1 / MAX_GAIN, grey / mean)));
  return [gain(r), gain(g), gain(b)];
}

export const isNeutral = (gains: Gains): boolean => gains.every((k) => Math.abs(k - 1) <= NEUTRAL_WITHIN);

/** Applies the gains into a buffer of its own, kept between frames (one per detector). */
export class WhiteBalancer {
  private buffer = new Uint8ClampedArray(0);

  /** The frame balanced to grey, or null when it has no cast to take out. */
  balance(frame: RgbaImage): RgbaImage | null {
    const gains = greyWorldGains(frame);
    if (isNeutral(gains)) return null;
    const [kr, kg, kb] = gains;
    const source = frame.data;
    if (this.buffer.length !== source.length) this.buffer = new Uint8ClampedArray(source.length);
    const out = this.buffer;
    for (let i = 0; i < source.length; i += 4) {
      out[i] = (source[i] ?? 0) * kr;
      out[i + 1] = (source[i + 1] ?? 0) * kg;
      out[i + 2] = (source[i + 2] ?? 0) * kb;
      out[i + 3] = 255;
    }
    return { width: frame.width, height: frame.height, data: out };
  }
}
