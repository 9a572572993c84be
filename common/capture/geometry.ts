// Plane geometry for the card: distances, convexity, corner order, homographies (3×3, row-major, h[8] = 1)
// and the true aspect of a rectangle seen in perspective. Pure: the Worker and main run it unchanged.
import type { Pt, Quad } from './types';

/** A 3×3 projective transform, row-major, normalised so that h[8] = 1. */
export type Homography = Float64Array;

export const dist = (a: Pt, b: Pt): number => Math.hypot(a.x - b.x, a.y - b.y);

/** The unit square's corners in reading order, for homographies onto a quad. */
export const UNIT_SQUARE: Quad = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

export const rectQuad = (width: number, height: number): Quad => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height },
];

const corner = (q: readonly Pt[], i: number): Pt => q[i % q.length] ?? { x: 0, y: 0 };

/** Solves A·x = b (n×n) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  const at = (r: number, c: number) => m[r]?.[c] ?? 0;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(at(r, c)) > Math.abs(at(p, c))) p = r;
    if (Math.abs(at(p, c)) < 1e-12) return null;
    const pivotRow = m[p];
    const currentRow = m[c];
    if (!pivotRow || !currentRow) return null;
    m[c] = pivotRow;
    m[p] = currentRow;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r];
      if (!row) continue;
      const f = at(r, c) / at(c, c);
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * at(c, k);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** The homography mapping src[i] → dst[i]; null when the points are degenerate (three in a line). */
export function homography(src: readonly Pt[], dst: readonly Pt[]): Homography | null {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = corner(src, i);
    const { x: u, y: v } = corner(dst, i);
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(u, v);
  }
  const s = solve(a, b);
  return s ? Float64Array.from([...s, 1]) : null;
}

export function applyHomography(h: Homography, x: number, y: number): Pt {
  const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + (h[8] ?? 1);
  return {
    x: ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w,
    y: ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w,
  };
}

/** Signed area (shoelace); positive for a clockwise polygon in image coordinates (y down). */
export function polygonArea(p: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = corner(p, i);
    const b = corner(p, i + 1);
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

export function isConvex(q: readonly Pt[]): boolean {
  let sign = 0;
  for (let i = 0; i < q.length; i++) {
    const a = corner(q, i);
    const b = corner(q, i + 1);
    const c = corner(q, i + 2);
    const z = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(z) < 1e-9) return false;
    const s = Math.sign(z);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/**
 * Orders four corners as top-left, top-right, bottom-right, bottom-left: clockwise around the centroid,
 * starting from the top-left-most, then turned so the top edge is a long side (a card is landscape, and a
 * small rotation must not make it read as portrait).
 */
export function orderQuad(pts: readonly Pt[]): Quad {
  const cx = pts.reduce((s, p) => s + p.x, 0) / 4;
  const cy = pts.reduce((s, p) => s + p.y, 0) / 4;
  const cw = [...pts].sort((p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx));
  let start = 0;
  let best = Infinity;
  for (let i = 0; i < 4; i++) {
    const p = corner(cw, i);
    if (p.x + p.y < best) {
      best = p.x + p.y;
      start = i;
    }
  }
  const q: Quad = [corner(cw, start), corner(cw, start + 1), corner(cw, start + 2), corner(cw, start + 3)];
  const horizontal = dist(q[0], q[1]) + dist(q[2], q[3]);
  const vertical = dist(q[1], q[2]) + dist(q[3], q[0]);
  return horizontal < vertical ? [q[3], q[0], q[1], q[2]] : q;
}

/** Intersection of the lines (p1, p2) and (p3, p4); null when they are (nearly) parallel. */
export function intersectLines(p1: Pt, p2: Pt, p3: Pt, p4: Pt): Pt | null {
  const d = (p1.x - p2.x) * (p3.y - p4.y) - (p1.y - p2.y) * (p3.x - p4.x);
  if (Math.abs(d) < 1e-9) return null;
  const a = p1.x * p2.y - p1.y * p2.x;
  const b = p3.x * p4.y - p3.y * p4.x;
  return {
    x: (a * (p3.x - p4.x) - (p1.x - p2.x) * b) / d,
    y: (a * (p3.y - p4.y) - (p1.y - p2.y) * b) / d,
  };
}

type Vec3 = readonly [number, number, number];
const cross3 = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot3 = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The true aspect (long side over short) of a rectangle seen as this quad, perspective undone by Zhang & He's
 * whiteboard method for a known focal length (principal point at the frame's centre); the ratio of the mean
 * opposite sides when the method has no answer (a quad seen straight on).
 */
export function rectAspect(q: Quad, frameWidth: number, frameHeight: number, focal: number): number {
  const u0 = frameWidth / 2;
  const v0 = frameHeight / 2;
  const h = (p: Pt): Vec3 => [p.x - u0, p.y - v0, 1];
  // Zhang & He's m1..m4 are TL, TR, BL, BR.
  const [m1, m2, m3, m4] = [h(q[0]), h(q[1]), h(q[3]), h(q[2])];
  const k2 = dot3(cross3(m1, m4), m3) / dot3(cross3(m2, m4), m3);
  const k3 = dot3(cross3(m1, m4), m2) / dot3(cross3(m3, m4), m2);
  const n2 = [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]] as const;
  const n3 = [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]] as const;
  const f2 = focal * focal;
  const num = (n2[0] * n2[0]) / f2 + (n2[1] * n2[1]) / f2 + n2[2] * n2[2];
  const den = (n3[0] * n3[0]) / f2 + (n3[1] * n3[1]) / f2 + n3[2] * n3[2];
  if (!(num > 0 && den > 0) || !Number.isFinite(num / den)) {
    const w = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2;
    const hh = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2;
    return Math.max(w, hh) / Math.max(1e-9, Math.min(w, hh));
  }
  const r = Math.sqrt(num / den);
  return r >= 1 ? r : 1 / r;
}

/** The x-range [x0, x1] (pixel indices) a convex polygon covers on the scanline y; null when none. */
export function rowSpan(q: readonly Pt[], y: number): readonly [number, number] | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (let k = 0; k < q.length; k++) {
    const a = corner(q, k);
    const b = corner(q, k + 1);
    if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y)) {
      const x = a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
    }
  }
  return x0 <= x1 ? [Math.ceil(x0), Math.floor(x1)] : null;
}

export const scaleQuad = (q: Quad, sx: number, sy = sx): Quad => [
  { x: q[0].x * sx, y: q[0].y * sy },
  { x: q[1].x * sx, y: q[1].y * sy },
  { x: q[2].x * sx, y: q[2].y * sy },
  { x: q[3].x * sx, y: q[3].y * sy },
];

export const boxQuad = (b: { x: number; y: number; width: number; height: number }): Quad => [
  { x: b.x, y: b.y },
  { x: b.x + b.width, y: b.y },
  { x: b.x + b.width, y: b.y + b.height },
  { x: b.x, y: b.y + b.height },
];

/** True when every corner lies inside the frame by at least `margin` px. */
export const quadInside = (q: Quad, width: number, height: number, margin = 0): boolean =>
  q.every((p) => p.x >= margin && p.y >= margin && p.x <= width - margin && p.y <= height - margin);
