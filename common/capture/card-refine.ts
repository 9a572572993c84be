// The detector's last stage: the coarse quad (found at ≈ 320 px) refined on the full-resolution frame. Along
// each side, 48 luma profiles perpendicular to it; on each, the card's own edge (sub-pixel, by a parabola);
// a total-least-squares line through those points with one pass of outlier rejection; adjacent lines
// intersected at the card's sharp (virtual) corners, which is what a perspective crop needs.
import { dist, intersectLines } from './geometry';
import { isKtpBlue } from './ktp-appearance';
import type { Pt, Quad, RgbaImage } from './types';

const PROFILES_PER_SIDE = 48;
/** A refined corner further than this from the coarse one is not trusted; the coarse one is kept. */
const MAX_CORNER_SHIFT = 40;

/**
 * With `ktp`, each profile takes the OUTERMOST step that has card blue on its inner side and something else
 * outside (the card's edge is the last card-to-background transition, so the card's inner border line, its
 * bottom band and a cast shadow just outside are skipped); without it, the strongest step.
 */
export function refineQuad(frame: RgbaImage, q: Quad, ktp: boolean): Quad {
  const lines: Array<readonly [Pt, Pt]> = [];
  for (let k = 0; k < 4; k++) {
    const a = q[k] ?? q[0];
    const b = q[(k + 1) % 4] ?? q[0];
    lines.push(fitLine(edgePoints(frame, q, a, b, ktp)) ?? [a, b]);
  }
  const out: Pt[] = [];
  for (let k = 0; k < 4; k++) {
    const prev = lines[(k + 3) % 4];
    const cur = lines[k];
    const coarse = q[k] ?? q[0];
    const p = prev && cur ? intersectLines(prev[0], prev[1], cur[0], cur[1]) : null;
    out.push(p && dist(p, coarse) < MAX_CORNER_SHIFT ? p : coarse);
  }
  return [out[0] ?? q[0], out[1] ?? q[1], out[2] ?? q[2], out[3] ?? q[3]];
}

function edgePoints(frame: RgbaImage, q: Quad, a: Pt, b: Pt, ktp: boolean): Pt[] {
  const { width, height, data } = frame;
  const offset = (x: number, y: number) => {
    const xi = Math.min(width - 1, Math.max(0, Math.round(x)));
    const yi = Math.min(height - 1, Math.max(0, Math.round(y)));
    return (yi * width + xi) * 4;
  };
  const lumaAt = (x: number, y: number) => {
    const i = offset(x, y);
    return 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
  };
  const blueAt = (i: number) => isKtpBlue(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
  const colourGap = (i: number, j: number) =>
    Math.abs((data[i] ?? 0) - (data[j] ?? 0)) +
    Math.abs((data[i + 1] ?? 0) - (data[j + 1] ?? 0)) +
    Math.abs((data[i + 2] ?? 0) - (data[j + 2] ?? 0));

  const len = dist(a, b);
  const tx = (b.x - a.x) / len;
  const ty = (b.y - a.y) / len;
  // The window grows with the card: a wrong coarse line can sit a few % of the card inside or outside.
  const R = ktp ? Math.round(Math.max(10, Math.min(30, 0.045 * len))) : 12;
  const mx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const my = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  const inward = (mx - a.x) * -ty + (my - a.y) * tx > 0 ? 1 : -1;
  // Unit normal pointing OUT of the card.
  const nx = ty * inward;
  const ny = -tx * inward;
  const profile = new Float32Array(2 * R + 1);
  const grad = new Float32Array(2 * R + 1);
  const points: Pt[] = [];
  for (let s = 0; s < PROFILES_PER_SIDE; s++) {
    const t = 0.1 + (0.8 * s) / (PROFILES_PER_SIDE - 1);
    const cx = a.x + (b.x - a.x) * t;
    const cy = a.y + (b.y - a.y) * t;
    if (cx < 2 || cy < 2 || cx > width - 3 || cy > height - 3) continue;
    for (let o = -R; o <= R; o++) {
      const px = cx + nx * o;
      const py = cy + ny * o;
      profile[o + R] = (lumaAt(px - tx, py - ty) + lumaAt(px, py) + lumaAt(px + tx, py + ty)) / 3;
    }
    let gmax = 0;
    for (let o = 1; o < 2 * R; o++) {
      const g = Math.abs((profile[o + 1] ?? 0) - (profile[o - 1] ?? 0));
      grad[o] = g;
      if (g > gmax) gmax = g;
    }
    if (gmax < 8) continue;
    let chosen = -1;
    let strongest = -1;
    let strongestValue = 0;
    for (let o = 2; o < 2 * R - 1; o++) {
      const g = grad[o] ?? 0;
      if (g < 0.25 * gmax || g < (grad[o - 1] ?? 0) || g < (grad[o + 1] ?? 0)) continue;
      if (g > strongestValue) {
        strongestValue = g;
        strongest = o;
      }
      if (!ktp) continue;
      const off = o - R;
      const inner = offset(cx + nx * (off - 3), cy + ny * (off - 3));
      const outer = offset(cx + nx * (off + 3), cy + ny * (off + 3));
      if (!blueAt(inner)) continue;
      if (blueAt(outer) && colourGap(inner, outer) < 45) continue;
      chosen = o; // later (outer) candidates overwrite earlier ones
    }
    if (chosen < 0) chosen = strongest;
    if (chosen < 2 || chosen > 2 * R - 2) continue;
    const gc = grad[chosen] ?? 0;
    const gm = grad[chosen - 1] ?? 0;
    const gp = grad[chosen + 1] ?? 0;
    const den = gm - 2 * gc + gp;
    const sub = den < 0 ? (0.5 * (gm - gp)) / den : 0;
    const o = chosen - R + Math.max(-0.5, Math.min(0.5, sub));
    points.push({ x: cx + nx * o, y: cy + ny * o });
  }
  return points;
}

/** Total-least-squares line through the points, then once more without residuals over 1.5 px. */
function fitLine(pts: readonly Pt[]): readonly [Pt, Pt] | null {
  let current = pts;
  let result: readonly [Pt, Pt] | null = null;
  for (let pass = 0; pass < 2; pass++) {
    if (current.length < 6) return result;
    let mx = 0;
    let my = 0;
    for (const p of current) {
      mx += p.x;
      my += p.y;
    }
    mx /= current.length;
    my /= current.length;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (const p of current) {
      const dx = p.x - mx;
      const dy = p.y - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const dx = Math.cos(theta);
    const dy = Math.sin(theta);
    result = [
      { x: mx, y: my },
      { x: mx + dx * 100, y: my + dy * 100 },
    ];
    current = current.filter((p) => Math.abs(-(p.x - mx) * dy + (p.y - my) * dx) < 1.5);
  }
  return result;
}
