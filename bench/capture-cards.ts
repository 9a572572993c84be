// Card detection on the generated labelled set (test/fixtures/capture/card-set.ts): how often the card is
// found with its corners within tolerance, how often a card running out of the frame is called "cut off",
// how often a frame without a card gets a quad, the corner error, and the time per 1280×720 frame in Node.
// Scoring as in the research: correct when the worst corner is within max(8 px, 2 % of the card's width).
import { CardDetector } from '../common/capture/card-detector';
import { dist } from '../common/capture/geometry';
import type { CardDetection, Quad } from '../common/capture/types';
import { cardSet, type CardLabel } from '../test/fixtures/capture/card-set';
import { decodeFrame } from '../test/fixtures/capture/rgba';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { underLoad } from './load';
import { formatMs, summarize } from './stats';
import type { Row } from './table';

export const CARD_SET = { seed: 9100, positives: 130, cutOff: 30, negatives: 40 } as const;

/** Corner errors after the best cyclic (and mirrored) alignment of the detected quad to the true one. */
export function cornerErrors(found: Quad, truth: Quad): number[] {
  let best: number[] = [];
  let bestSum = Infinity;
  for (const order of [[...found], [...found].reverse()]) {
    for (let r = 0; r < 4; r++) {
      const errors = truth.map((p, k) => dist(order[(k + r) % 4] ?? p, p));
      const sum = errors.reduce((a, b) => a + b, 0);
      if (sum < bestSum) {
        bestSum = sum;
        best = errors;
      }
    }
  }
  return best;
}

type Outcome = 'correct' | 'wrong' | 'cutoff' | 'none' | 'ok';

function score(label: CardLabel, d: CardDetection): { outcome: Outcome; errors?: number[] } {
  if (label.cls !== 'pos' || !label.corners) return { outcome: d.status === 'ok' ? 'ok' : d.status };
  if (d.status !== 'ok') return { outcome: d.status };
  const errors = cornerErrors(d.quad, label.corners);
  const tolerance = Math.max(8, 0.02 * dist(label.corners[0], label.corners[1]));
  return { outcome: Math.max(...errors) <= tolerance ? 'correct' : 'wrong', errors };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

export async function benchCaptureCards(): Promise<Row[]> {
  const set = await cardSet(CARD_SET);
  const detector = new CardDetector();
  const frames = await Promise.all(
    set.labels.map(async (l) => ({ label: l, jpeg: await readFile(join(set.dir, l.file)) })),
  );
  // Warm-up: the JIT and the buffers.
  const first = frames[0];
  if (first) for (let i = 0; i < 5; i++) detector.detect(await decodeFrame(first.jpeg));
  const { value: results, load } = await underLoad(async () => {
    const out: Array<{ label: CardLabel; outcome: Outcome; errors?: number[]; ms: number }> = [];
    for (const { label, jpeg } of frames) {
      const frame = await decodeFrame(jpeg);
      const started = performance.now();
      const detection = detector.detect(frame);
      out.push({ label, ms: performance.now() - started, ...score(label, detection) });
    }
    return out;
  });
  const of = (cls: CardLabel['cls']) => results.filter((r) => r.label.cls === cls);
  const count = (rs: typeof results, o: Outcome) => rs.filter((r) => r.outcome === o).length;
  const pos = of('pos');
  const cut = of('cut');
  const neg = of('neg');
  const errors = summarize(pos.filter((r) => r.outcome === 'correct').flatMap((r) => r.errors ?? []));
  const time = summarize(results.map((r) => r.ms));
  const generated = set.generatedSeconds > 0 ? `; set generated in ${set.generatedSeconds.toFixed(0)} s` : '';
  const sorted = pos
    .filter((r) => r.outcome === 'correct')
    .flatMap((r) => r.errors ?? [])
    .sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Number.NaN;
  return [
    {
      measurement: 'card found, corners within tolerance (held cards)',
      n: pos.length,
      p50: '',
      p99: '',
      other: pct(count(pos, 'correct'), pos.length),
      note: `wrong quad ${pct(count(pos, 'wrong'), pos.length)}, said cut off ${pct(count(pos, 'cutoff'), pos.length)}, missed ${pct(count(pos, 'none'), pos.length)}; card 35–90 % of the width, tilt ≤ 15°, 7 backgrounds, hands${generated}`,
    },
    {
      measurement: 'card partly out of frame: said "cut off"',
      n: cut.length,
      p50: '',
      p99: '',
      other: pct(count(cut, 'cutoff'), cut.length),
      note: `gave a quad ${pct(count(cut, 'ok'), cut.length)}, nothing ${pct(count(cut, 'none'), cut.length)}`,
    },
    {
      measurement: 'no card in the frame: false quad',
      n: neg.length,
      p50: '',
      p99: '',
      other: pct(count(neg, 'ok'), neg.length),
      note: `false "cut off" ${pct(count(neg, 'cutoff'), neg.length)}`,
    },
    {
      measurement: 'corner error of the cards found (px, 1280×720)',
      n: errors.n,
      p50: errors.p50.toFixed(2),
      p99: errors.p99.toFixed(2),
      other: `mean ${errors.mean.toFixed(2)}, p95 ${p95.toFixed(2)}`,
      note: 'each of the four corners against the true sharp corner',
    },
    {
      measurement: 'card detector per 1280×720 frame, Node',
      n: time.n,
      p50: formatMs(time.p50),
      p99: formatMs(time.p99),
      other: load,
      note: 'plain TypeScript (common/capture), main thread, after 5 warm-up runs; the Worker figure is the renderer bench',
    },
  ];
}
