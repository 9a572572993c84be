// Signing: the kiosk formats the Authorization header on every HMAC-authorised call, the sandbox derives
// the HMAC token (four chained HMAC-SHA256 and one SHA-256) on every signature it issues or checks. Both
// are sub-microsecond-to-microseconds work, so each sample times a batch and reports the per-op mean.
import { authorizationHeader } from '../main/providers/identifai/header';
import { SANDBOX_IDENTIFAI } from '../main/sandbox/credentials';
import { computeToken, formatTimestamp } from '../main/sandbox/identifai/signature';
import { formatMs, formatRate, summarize } from './stats';
import type { Row } from './table';

interface BatchResult {
  /** Milliseconds per op, one entry per batch. */
  perOpMs: number[];
  opsPerSecond: number;
  totalOps: number;
}

/** Keeps results observable so the work cannot be optimised away. */
let sink = 0;

function batches(batchSize: number, count: number, warmup: number, op: (i: number) => string): BatchResult {
  for (let i = 0; i < warmup * batchSize; i++) sink += op(i).length;
  const perOpMs: number[] = [];
  let totalMs = 0;
  for (let b = 0; b < count; b++) {
    const started = performance.now();
    for (let i = 0; i < batchSize; i++) sink += op(i).length;
    const ms = performance.now() - started;
    totalMs += ms;
    perOpMs.push(ms / batchSize);
  }
  const totalOps = batchSize * count;
  return { perOpMs, opsPerSecond: totalOps / (totalMs / 1000), totalOps };
}

export function benchSigning(): Row[] {
  const { accessKey, secretKey } = SANDBOX_IDENTIFAI;
  // A day of distinct timestamps, so no call sees the same input twice in a row.
  const base = Date.UTC(2025, 0, 15, 8, 0, 0);
  const timestamps = Array.from({ length: 1024 }, (_, i) => formatTimestamp(base + i * 60_000));
  const stamp = (i: number) => timestamps[i % timestamps.length] ?? '';
  const tokens = timestamps.map((t) => computeToken(secretKey, t));

  const header = batches(2_000, 200, 20, (i) =>
    authorizationHeader({ accessKey, timestamp: stamp(i), token: tokens[i % tokens.length] ?? '' }),
  );
  const token = batches(200, 150, 10, (i) => computeToken(secretKey, stamp(i)));
  if (sink === 0) throw new Error('unreachable: the sink keeps the work alive');

  const h = summarize(header.perOpMs);
  const t = summarize(token.perOpMs);
  return [
    {
      measurement: 'authorizationHeader (kiosk)',
      n: `${header.perOpMs.length}×2000`,
      p50: formatMs(h.p50),
      p99: formatMs(h.p99),
      other: formatRate(header.opsPerSecond),
      note: 'per-op mean of each 2000-op batch; validates the timestamp, then formats the string',
    },
    {
      measurement: 'computeToken HMAC (sandbox)',
      n: `${token.perOpMs.length}×200`,
      p50: formatMs(t.p50),
      p99: formatMs(t.p99),
      other: formatRate(token.opsPerSecond),
      note: '1 SHA-256 + 4 chained HMAC-SHA256 (node:crypto); per-op mean of each 200-op batch',
    },
  ];
}
