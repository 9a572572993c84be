// The hourly chart, drawn with pdfkit's own vector operations: one stacked bar per local hour (verified,
// not verified, needs review, undecided), an axis, a scale and a legend. Chosen over rendering a chart
// library to SVG and embedding it (e.g. a Vega or Chart.js render through svg-to-pdfkit) because 24 bars
// need no layout engine: no extra dependency (and no canvas or DOM to run it), the labels use the same
// embedded font as the rest, the bars stay vectors, and the hour labels stay extractable text for tests.
import { HOUR_DECISIONS, type DaySummary, type HourDecision } from './summarise';
import { COLOURS } from './pdf-layout';

const LABELS: Record<HourDecision, string> = {
  verified: 'verified',
  not_verified: 'not verified',
  needs_review: 'needs review',
  undecided: 'no decision',
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function drawHourlyChart(doc: PDFKit.PDFDocument, summary: DaySummary, box: Box): void {
  const totals = summary.perHour.map((hour) => HOUR_DECISIONS.reduce((sum, d) => sum + hour[d], 0));
  const max = Math.max(1, ...totals);
  const scale = niceCeiling(max);
  const plot = { x: box.x + 34, y: box.y + 8, width: box.width - 34, height: box.height - 40 };
  const slot = plot.width / 24;
  const barWidth = slot * 0.7;

  doc.font('regular').fontSize(7).fillColor(COLOURS.muted);
  for (const fraction of [0, 0.5, 1]) {
    const y = plot.y + plot.height * (1 - fraction);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.grid)
      .stroke();
    doc.text(String(Math.round(scale * fraction)), box.x, y - 3.5, {
      width: 30,
      align: 'right',
      lineBreak: false,
    });
  }
  summary.perHour.forEach((hour, h) => {
    let top = plot.y + plot.height;
    for (const decision of HOUR_DECISIONS) {
      const height = (hour[decision] / scale) * plot.height;
      if (height <= 0) continue;
      top -= height;
      doc.rect(plot.x + h * slot + (slot - barWidth) / 2, top, barWidth, height).fill(COLOURS[decision]);
    }
    doc
      .fillColor(COLOURS.axis)
      .text(String(h).padStart(2, '0'), plot.x + h * slot, plot.y + plot.height + 3, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
  });
  doc
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .lineWidth(0.8)
    .strokeColor(COLOURS.axis)
    .stroke();

  let x = plot.x;
  const legendY = box.y + box.height - 12;
  for (const decision of HOUR_DECISIONS) {
    doc.rect(x, legendY, 7, 7).fill(COLOURS[decision]);
    doc.fillColor(COLOURS.text).text(LABELS[decision], x + 10, legendY, { lineBreak: false });
    x += 80;
  }
  doc.fillColor(COLOURS.muted).text('records per hour (local time)', x + 20, legendY, { lineBreak: false });
}

/** 1, 2, 5, 10, 20, 50, … at or above n: a scale people read at a glance. */
export function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}
