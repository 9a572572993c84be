// The day's verifications per local hour, stacked by decision, drawn by Chart.js on a canvas.
//
// Why Chart.js (4.6, tree-shaken to the bar chart: ~56 KB gzip of 161 KB minified) over uPlot (1.6: ~23 KB
// gzip, plus its stylesheet) and Recharts (3.10, SVG: ~113 KB gzip without React): all three pass the CSP
// (no eval, no injected <style>: Chart.js sets only the canvas's size through the CSSOM, which style-src
// 'self' allows), but stacked bars by category with a legend are what Chart.js does out of the box, where
// uPlot is built for time series and stacking there is done by hand (cumulative series and bands). The
// console is a lazily loaded chunk the customer's screens never fetch, so the extra 33 KB cost a
// supervisor nothing noticeable, from the local disk. A canvas is a picture to a screen reader: it carries
// a label, and the same numbers are in a table beside it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { HOUR_DECISIONS, type DayCounts, type HourDecision } from '../../common/console';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The kiosk's palette (styles.css), readable against white and told apart by the legend and the table too. */
const COLOURS: Record<HourDecision, string> = {
  verified: '#12633a',
  not_verified: '#a1151b',
  needs_review: '#b26b00',
  undecided: '#6b7686',
};

interface Props {
  perHour: DayCounts['perHour'];
  /** What the chart shows, for people who cannot see it. */
  label: string;
  decisionLabels: Record<HourDecision, string>;
}

export function HourlyChart({ perHour, label, decisionLabels }: Props) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: perHour.map((_, hour) => String(hour).padStart(2, '0')),
        datasets: HOUR_DECISIONS.map((decision) => ({
          label: decisionLabels[decision],
          data: perHour.map((hour) => hour[decision]),
          backgroundColor: COLOURS[decision],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [perHour, decisionLabels]);
  return (
    <div className="console-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
