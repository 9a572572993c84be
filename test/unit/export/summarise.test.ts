// The day at a glance, as a pure function: counts, the hours in the kiosk's zone, the median.
import { describe, expect, it } from 'vitest';
import { localClock } from '../../../main/lib/local-day';
import { median, summarise, type SummaryInput } from '../../../main/export/summarise';

const WIB = localClock('Asia/Jakarta');
const at = (utc: string) => Date.parse(utc);
const row = (over: Partial<SummaryInput>): SummaryInput => ({
  status: 'decided',
  decision: 'verified',
  provider: 'identifai',
  operator: null,
  training: false,
  createdAt: at('2026-01-05T02:00:00.000Z'),
  secondsToDecision: 10,
  ...over,
});

describe('summarise', () => {
  it('counts by status, decision, provider and operator, and by local hour', () => {
    const summary = summarise(
      [
        row({}),
        row({ decision: 'not_verified', operator: 'acc-2', createdAt: at('2026-01-05T02:59:59.000Z') }),
        row({
          status: 'pending',
          decision: null,
          secondsToDecision: null,
          provider: 'incode',
          training: true,
        }),
        // 23:30 WIB, 16:30 UTC.
        row({ decision: 'needs_review', createdAt: at('2026-01-05T16:30:00.000Z'), secondsToDecision: 40 }),
      ],
      WIB,
    );
    expect(summary).toMatchObject({
      records: 4,
      training: 1,
      byStatus: { decided: 3, pending: 1 },
      byDecision: { verified: 1, not_verified: 1, needs_review: 1, none: 1 },
      byProvider: { identifai: 3, incode: 1 },
      byOperator: { none: 3, 'acc-2': 1 },
      medianSecondsToDecision: 10,
    });
    // 02:00 UTC is 09:00 WIB.
    expect(summary.perHour[9]).toEqual({ verified: 1, not_verified: 1, needs_review: 0, undecided: 1 });
    expect(summary.perHour[23]).toEqual({ verified: 0, not_verified: 0, needs_review: 1, undecided: 0 });
    expect(
      summary.perHour.reduce((n, h) => n + h.verified + h.not_verified + h.needs_review + h.undecided, 0),
    ).toBe(4);
  });

  it('has no median without a decided record, and the middle one (or the mean of two) otherwise', () => {
    expect(summarise([], WIB).medianSecondsToDecision).toBeNull();
    expect(median(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
  });
});
