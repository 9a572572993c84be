// An RGBA picture box-downscaled by an integer factor. Main's face finder looks again at half the size when
// the face model finds no face at full size: BlazeFace and FaceMesh resample to their own small inputs, and
// which scale suits them varies (person B in profile, face 27 % of a 1280-px frame: nothing at 1280, 0.92
// at 640; others the other way round).
import type { RgbaImage } from './types';

/**
 * Sums the red, green and blue of output row `y`'s `f`×`f` blocks into `sums` (three per output pixel, `w`
 * pixels): the inner loop of every box downscale here (this one, and the card detector's luma and chroma).
 */
export function sumBlockRow(image: RgbaImage, y: number, f: number, w: number, sums: Uint32Array): void {
  const s = image.data;
  const stride = image.width * 4;
  sums.fill(0);
  for (let dy = 0; dy < f; dy++) {
    let j = (y * f + dy) * stride;
    for (let x = 0, k = 0; x < w; x++, k += 3) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dx = 0; dx < f; dx++, j += 4) {
        r += s[j] ?? 0;
        g += s[j + 1] ?? 0;
        b += s[j + 2] ?? 0;
      }
      sums[k] = (sums[k] ?? 0) + r;
      sums[k + 1] = (sums[k + 1] ?? 0) + g;
      sums[k + 2] = (sums[k + 2] ?? 0) + b;
    }
  }
}

export function downscaleRgba(image: RgbaImage, factor: number): RgbaImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return image;
  const w = Math.floor(image.width / f);
  const h = Math.floor(image.height / f);
  const out = new Uint8ClampedArray(w * h * 4);
  const area = f * f;
  const sums = new Uint32Array(w * 3);
  for (let y = 0; y < h; y++) {
    sumBlockRow(image, y, f, w, sums);
    for (let x = 0, k = 0, o = y * w * 4; x < w; x++, k += 3, o += 4) {
      out[o] = (sums[k] ?? 0) / area;
      out[o + 1] = (sums[k + 1] ?? 0) / area;
      out[o + 2] = (sums[k + 2] ?? 0) / area;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}
