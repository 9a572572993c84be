// The card detector's second stage: straight lines from the edge map by a Hough transform in (θ, ρ) in
// which each edge pixel votes only within ±3° of its own gradient angle, and for each line a profile of
// edge support along it (prefix sums), so the support of any segment of it costs O(1).
import type { EdgeMap } from './card-edges';
import type { Pt } from './types';

/** θ bins of 1°. */
export const THETA_BINS = 180;
export const COS = new Float32Array(THETA_BINS);
export const SIN = new Float32Array(THETA_BINS);
for (let t = 0; t < THETA_BINS; t++) {
  COS[t] = Math.cos((t * Math.PI) / THETA_BINS);
  SIN[t] = Math.sin((t * Math.PI) / THETA_BINS);
}
export const cosOf = (t: number): number => COS[t] ?? 1;
export const sinOf = (t: number): number => SIN[t] ?? 0;

/** An edge needs a Sobel response of at least this (≈ a 10-level step) to vote. */
const VOTE_MAGNITUDE = 40;
/** A support sample counts from this response, when its direction is within ~25° of the line's normal. */
const SUPPORT_MAGNITUDE = 30;
const MAX_LINES = 32;
/** At most this many lines per ±6° band, so a striped texture cannot crowd out the card's sides. */
const MAX_LINES_PER_BAND = 6;

export interface Line {
  /** Normal angle, 1° bins (0–179). */
  t: number;
  /** Distance from the origin along the normal, edge-map px. */
  rho: number;
  votes: number;
  /** Prefix sums over 1-px steps along the line from u = -diag: samples in frame, samples with support. */
  seen: Int32Array;
  hit: Int32Array;
}

export interface Support {
  seen: number;
  hit: number;
  /** Share of the segment's length that lies in the frame. */
  visible: number;
}

/** Angular distance of two θ bins, folding 180° → 0. */
export function thetaGap(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d > 90 ? 180 - d : d;
}

export class LineFinder {
  private acc = new Float32Array(0);
  private diag = 0;
  private rhoBins = 0;

  /** The strongest straight lines of the edge map, with their support profiles. */
  find(edges: EdgeMap): Line[] {
    const { width: w, height: h } = edges;
    this.diag = Math.ceil(Math.hypot(w, h));
    this.rhoBins = 2 * this.diag + 1;
    if (this.acc.length !== THETA_BINS * this.rhoBins) this.acc = new Float32Array(THETA_BINS * this.rhoBins);
    this.vote(edges);
    const lines = this.peaks(Math.min(w, h));
    for (const line of lines) this.profile(edges, line);
    return lines;
  }

  private vote(edges: EdgeMap): void {
    const { width: w, height: h, magnitude: mag, angle: ang } = edges;
    const { acc, rhoBins, diag } = this;
    acc.fill(0);
    for (let y = 2; y < h - 2; y++) {
      for (let x = 2; x < w - 2; x++) {
        const i = y * w + x;
        const m = mag[i] ?? 0;
        if (m < VOTE_MAGNITUDE) continue;
        const a = ang[i] ?? 0;
        const ox = Math.round(Math.cos(a));
        const oy = Math.round(Math.sin(a));
        // Non-maximum suppression across the edge.
        if (m < (mag[i + oy * w + ox] ?? 0) || m < (mag[i - oy * w - ox] ?? 0)) continue;
        let deg = (a * 180) / Math.PI;
        if (deg < 0) deg += 180;
        if (deg >= 180) deg -= 180;
        const t0 = Math.round(deg);
        const weight = Math.min(m, 200);
        for (let dt = -3; dt <= 3; dt++) {
          const t = (t0 + dt + THETA_BINS) % THETA_BINS;
          const bin = t * rhoBins + Math.round(x * cosOf(t) + y * sinOf(t)) + diag;
          acc[bin] = (acc[bin] ?? 0) + weight;
        }
      }
    }
  }

  /** Local maxima over (±2°, ±3 px), strongest first, near-duplicates and over-full bands dropped. */
  private peaks(shortSide: number): Line[] {
    const { acc, rhoBins: nr, diag } = this;
    const minVotes = 0.1 * shortSide * 120;
    const candidates: Array<{ t: number; rho: number; votes: number }> = [];
    for (let t = 0; t < THETA_BINS; t++) {
      for (let r = 3; r < nr - 3; r++) {
        const v = acc[t * nr + r] ?? 0;
        if (v < minVotes || !this.isPeak(t, r, v)) continue;
        candidates.push({ t, rho: r - diag, votes: v });
      }
    }
    candidates.sort((a, b) => b.votes - a.votes);
    const out: Line[] = [];
    for (const c of candidates) {
      if (out.length >= MAX_LINES) break;
      if (out.some((o) => nearLine(o, c))) continue;
      if (out.filter((o) => thetaGap(o.t, c.t) <= 6).length >= MAX_LINES_PER_BAND) continue;
      out.push({ ...c, seen: new Int32Array(0), hit: new Int32Array(0) });
    }
    return out;
  }

  private isPeak(t: number, r: number, v: number): boolean {
    const { acc, rhoBins: nr } = this;
    for (let dt = -2; dt <= 2; dt++) {
      let tt = t + dt;
      let rr = r;
      // Wrapping θ past 0° or 180° flips the normal, hence the sign of ρ.
      if (tt < 0 || tt >= THETA_BINS) {
        tt = (tt + THETA_BINS) % THETA_BINS;
        rr = nr - 1 - r;
      }
      for (let dr = -3; dr <= 3; dr++) {
        if (dt === 0 && dr === 0) continue;
        const u = acc[tt * nr + rr + dr];
        if (u !== undefined && u > v) return false;
      }
    }
    return true;
  }

  /** For every 1-px step along the line: in frame, and supported by an edge perpendicular to it. */
  private profile(edges: EdgeMap, line: Line): void {
    const { width: w, height: h, magnitude: mag, angle: ang } = edges;
    const n = 2 * this.diag + 1;
    const seen = new Int32Array(n + 1);
    const hit = new Int32Array(n + 1);
    const c = cosOf(line.t);
    const s = sinOf(line.t);
    const fx = line.rho * c;
    const fy = line.rho * s;
    const margin = 1.5;
    for (let k = 0; k < n; k++) {
      const u = k - this.diag;
      const px = fx - s * u;
      const py = fy + c * u;
      let inFrame = 0;
      let supported = 0;
      if (px >= margin && py >= margin && px <= w - 1 - margin && py <= h - 1 - margin) {
        inFrame = 1;
        for (let o = -1; o <= 1; o++) {
          const i = Math.round(py + s * o) * w + Math.round(px + c * o);
          if ((mag[i] ?? 0) < SUPPORT_MAGNITUDE) continue;
          const a = ang[i] ?? 0;
          if (Math.abs(Math.cos(a) * c + Math.sin(a) * s) > 0.9) {
            supported = 1;
            break;
          }
        }
      }
      seen[k + 1] = (seen[k] ?? 0) + inFrame;
      hit[k + 1] = (hit[k] ?? 0) + supported;
    }
    line.seen = seen;
    line.hit = hit;
  }

  /** Support of the part of `line` from a + (b − a)·t0 to a + (b − a)·t1 (a and b on the line). */
  segment(line: Line, a: Pt, b: Pt, t0: number, t1: number): Support {
    const dx = -sinOf(line.t);
    const dy = cosOf(line.t);
    const ua = a.x * dx + a.y * dy;
    const ub = b.x * dx + b.y * dy;
    let u0 = ua + (ub - ua) * t0;
    let u1 = ua + (ub - ua) * t1;
    if (u0 > u1) [u0, u1] = [u1, u0];
    const n = this.diag * 2 + 1;
    const k0 = Math.max(0, Math.min(n, Math.round(u0 + this.diag)));
    const k1 = Math.max(0, Math.min(n, Math.round(u1 + this.diag)));
    const seen = (line.seen[k1] ?? 0) - (line.seen[k0] ?? 0);
    const hit = (line.hit[k1] ?? 0) - (line.hit[k0] ?? 0);
    return { seen, hit, visible: seen / Math.max(1, u1 - u0) };
  }
}

function nearLine(a: { t: number; rho: number }, b: { t: number; rho: number }): boolean {
  const d = Math.abs(a.t - b.t);
  const rb = d > 90 ? -b.rho : b.rho;
  return thetaGap(a.t, b.t) <= 4 && Math.abs(a.rho - rb) <= 5;
}

/** Where two lines cross; null when parallel. */
export function crossing(a: Line, b: Line): Pt | null {
  const d = cosOf(a.t) * sinOf(b.t) - sinOf(a.t) * cosOf(b.t);
  if (Math.abs(d) < 1e-6) return null;
  return {
    x: (a.rho * sinOf(b.t) - b.rho * sinOf(a.t)) / d,
    y: (b.rho * cosOf(a.t) - a.rho * cosOf(b.t)) / d,
  };
}
