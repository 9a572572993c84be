// The card detector's first stage: the frame box-downscaled to the analysis scale (≈ 320 px wide) as luma
// and as chroma (blue minus red: the light-blue card stands out from a grey wall that has the same luma),
// both smoothed 3×3, then Sobel on both channels (the stronger wins) → edge magnitude and angle per pixel.
// The buffers live as long as the object, so a Worker pays for them once per frame size.
import { sumBlockRow } from './downscale';
import { analysisFactor } from './luma';
import type { RgbaImage } from './types';

/** A Sobel response below this (squared 900) is not stored: nothing later looks at weaker pixels. */
const MIN_STORED_MAGNITUDE = 30;

export class EdgeMap {
  width = 0;
  height = 0;
  /** Frame pixels per edge-map pixel. */
  factor = 1;
  magnitude = new Float32Array(0);
  /** Gradient direction, radians (atan2(gy, gx)). */
  angle = new Float32Array(0);
  private lum = new Float32Array(0);
  private chroma = new Float32Array(0);
  private tmp = new Float32Array(0);
  private sums = new Uint32Array(0);

  constructor(private readonly useChroma = true) {}

  compute(frame: RgbaImage): void {
    this.allocate(frame);
    this.downscale(frame);
    this.smooth(this.lum);
    if (this.useChroma) this.smooth(this.chroma);
    this.gradient();
  }

  private allocate(frame: RgbaImage): void {
    const factor = analysisFactor(frame.width);
    const w = Math.floor(frame.width / factor);
    const h = Math.floor(frame.height / factor);
    this.factor = factor;
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    const n = w * h;
    this.lum = new Float32Array(n);
    this.chroma = new Float32Array(n);
    this.tmp = new Float32Array(n);
    this.magnitude = new Float32Array(n);
    this.angle = new Float32Array(n);
    this.sums = new Uint32Array(w * 3);
  }

  private downscale(frame: RgbaImage): void {
    const { width: w, height: h, factor: f, lum, chroma, sums } = this;
    const inv = 1 / (f * f);
    for (let y = 0; y < h; y++) {
      sumBlockRow(frame, y, f, w, sums);
      const row = y * w;
      for (let x = 0, k = 0; x < w; x++, k += 3) {
        const r = sums[k] ?? 0;
        const b = sums[k + 2] ?? 0;
        lum[row + x] = (0.299 * r + 0.587 * (sums[k + 1] ?? 0) + 0.114 * b) * inv;
        chroma[row + x] = (b - r) * inv;
      }
    }
  }

  /** 3×3 binomial blur in place (separable). */
  private smooth(a: Float32Array): void {
    const { width: w, height: h, tmp: t } = this;
    for (let y = 0; y < h; y++) {
      const r = y * w;
      t[r] = a[r] ?? 0;
      t[r + w - 1] = a[r + w - 1] ?? 0;
      for (let x = 1; x < w - 1; x++) {
        t[r + x] = 0.25 * (a[r + x - 1] ?? 0) + 0.5 * (a[r + x] ?? 0) + 0.25 * (a[r + x + 1] ?? 0);
      }
    }
    for (let x = 0; x < w; x++) {
      a[x] = t[x] ?? 0;
      a[(h - 1) * w + x] = t[(h - 1) * w + x] ?? 0;
    }
    for (let y = 1; y < h - 1; y++) {
      const r = y * w;
      for (let x = 0; x < w; x++) {
        a[r + x] = 0.25 * (t[r + x - w] ?? 0) + 0.5 * (t[r + x] ?? 0) + 0.25 * (t[r + x + w] ?? 0);
      }
    }
  }

  private gradient(): void {
    const { width: w, height: h, lum: l, chroma: c, magnitude, angle } = this;
    magnitude.fill(0);
    const floor = MIN_STORED_MAGNITUDE * MIN_STORED_MAGNITUDE;
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = y * w + x;
        const nw = i - w - 1;
        const sw = i + w - 1;
        let gx =
          (l[nw + 2] ?? 0) +
          2 * (l[i + 1] ?? 0) +
          (l[sw + 2] ?? 0) -
          (l[nw] ?? 0) -
          2 * (l[i - 1] ?? 0) -
          (l[sw] ?? 0);
        let gy =
          (l[sw] ?? 0) +
          2 * (l[i + w] ?? 0) +
          (l[sw + 2] ?? 0) -
          (l[nw] ?? 0) -
          2 * (l[i - w] ?? 0) -
          (l[nw + 2] ?? 0);
        let m = gx * gx + gy * gy;
        if (this.useChroma) {
          const cx =
            (c[nw + 2] ?? 0) +
            2 * (c[i + 1] ?? 0) +
            (c[sw + 2] ?? 0) -
            (c[nw] ?? 0) -
            2 * (c[i - 1] ?? 0) -
            (c[sw] ?? 0);
          const cy =
            (c[sw] ?? 0) +
            2 * (c[i + w] ?? 0) +
            (c[sw + 2] ?? 0) -
            (c[nw] ?? 0) -
            2 * (c[i - w] ?? 0) -
            (c[nw + 2] ?? 0);
          const mc = cx * cx + cy * cy;
          if (mc > m) {
            m = mc;
            gx = cx;
            gy = cy;
          }
        }
        if (m < floor) continue;
        magnitude[i] = Math.sqrt(m);
        angle[i] = Math.atan2(gy, gx);
      }
    }
  }
}
