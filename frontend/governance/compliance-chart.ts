/*
 * <meshport-compliance-chart>: the share of compliant products per day, one line per domain or
 * team (and the whole mesh), with Chart.js (canvas), as the SLA chart draws an objective (both are
 * TimeCharts, ../charts/time-chart.ts). The server computes the points from the daily compliance
 * record; the chart only draws them.
 *
 * Input: the `series` property, a JSON string:
 *   {lines: [{label, total (the whole mesh: drawn thicker), points: [{at: epoch millis, value: %}]}],
 *    summary}
 * `summary` is the chart's text alternative: the canvas gets role="img" and it as its label.
 * Hooks for tests: attributes data-ready ("true" once drawn), data-line-count, data-point-count.
 */
import { TimeChart, chartStyles, timeRange, DAY_MILLIS, type Lines } from '../charts/time-chart';

interface Line {
  label: string;
  total: boolean;
  points: { at: number; value: number }[];
}

interface Series {
  lines: Line[];
  summary: string;
}

const DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

// Told apart by more than hue: the whole mesh is black and thick, the others dashed in turn.
const COLOURS = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83', '#b80672', '#5f6368'];

class ComplianceChart extends TimeChart<Series> {
  static styles = chartStyles('16rem');

  protected lines(series: Series): Lines {
    const xs = series.lines.flatMap((line) => line.points.map((p) => p.at));
    const { from, to } = timeRange(xs);
    let other = 0;
    const datasets: Lines['datasets'] = series.lines.map((line) => {
      const colour = line.total ? '#202124' : COLOURS[other % COLOURS.length];
      const dash = line.total || other < COLOURS.length ? [] : [6, 4];
      if (!line.total) {
        other++;
      }
      return {
        label: line.label,
        data: line.points.map((p) => ({ x: p.at, y: p.value })),
        borderColor: colour,
        backgroundColor: colour,
        borderDash: dash,
        borderWidth: line.total ? 3 : 1.5,
        pointRadius: line.points.length > 60 ? 1 : 2.5,
        tension: 0,
      };
    });
    return {
      datasets,
      x: {
        min: from,
        max: to === from ? from + DAY_MILLIS : to,
        ticks: { maxTicksLimit: 8, stepSize: DAY_MILLIS, callback: (value) => DATE.format(new Date(Number(value))) },
      },
      y: { min: 0, max: 100, title: { display: true, text: '% of products compliant' } },
      tooltip: {
        title: (items) => (items.length ? DATE.format(new Date(items[0].parsed.x as number)) : ''),
        label: (item) => `${item.dataset.label}: ${(item.parsed.y as number).toFixed(1)} %`,
      },
      drawn: { 'data-line-count': String(datasets.length), 'data-point-count': String(xs.length) },
    };
  }
}

customElements.define('meshport-compliance-chart', ComplianceChart);
