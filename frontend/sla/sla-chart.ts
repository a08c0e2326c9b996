/*
 * <meshport-sla-chart>: plots one objective's observations over time with Chart.js (canvas), with
 * the objective as a dashed line to compare against. The server computes the points; the chart
 * only draws them (the canvas, its label and redrawing are TimeChart's, ../charts/time-chart.ts).
 *
 * Input: the `series` property, a JSON string:
 *   {valueLabel, percent (a share: the axis ends at 100), objective (number or null),
 *    points: [{at: epoch millis, value}], summary}
 * `summary` is the chart's text alternative: the canvas gets role="img" and it as its label, and it
 * is also kept in the light DOM for screen readers that do not read canvas labels.
 * Hooks for tests: attributes data-ready ("true" once drawn) and data-point-count.
 */
import { TimeChart, chartStyles, timeRange, DAY_MILLIS, type Lines } from '../charts/time-chart';

interface Series {
  valueLabel: string;
  percent: boolean;
  objective: number | null;
  points: { at: number; value: number }[];
  summary: string;
}

const DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

class SlaChart extends TimeChart<Series> {
  // High enough for the value axis's title ("hours since the previous update") to be read whole.
  static styles = chartStyles('15rem');

  protected lines(series: Series): Lines {
    const values = series.points.map((p) => ({ x: p.at, y: p.value }));
    const span = timeRange(series.points.map((p) => p.at));
    // One observation spans no time: half a day either side, so that it and the objective show.
    const { from, to } =
      span.from === span.to ? { from: span.from - DAY_MILLIS / 2, to: span.to + DAY_MILLIS / 2 } : span;
    const datasets: Lines['datasets'] = [
      {
        label: series.valueLabel,
        data: values,
        borderColor: '#1a73e8',
        backgroundColor: '#1a73e8',
        pointRadius: values.length > 60 ? 1.5 : 3,
        borderWidth: 1.5,
        tension: 0,
      },
    ];
    if (series.objective !== null && series.objective !== undefined) {
      datasets.push({
        label: 'objective',
        data: [
          { x: from, y: series.objective },
          { x: to, y: series.objective },
        ],
        borderColor: '#c5221f',
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
      });
    }
    return {
      datasets,
      x: {
        min: from,
        max: to,
        // Over a few days a date alone repeats ("Dec 1, Dec 1, Dec 2"): the ticks then say the hour.
        ticks: {
          maxTicksLimit: 8,
          callback: (value) => (to - from < 3 * DAY_MILLIS ? DATE_TIME : DATE).format(new Date(Number(value))),
        },
      },
      // Shares close to 100 % are what matters: no zero-based axis that flattens 99.5 into 100.
      y: series.percent
        ? { max: 100, grace: '5%', title: { display: true, text: series.valueLabel } }
        : { beginAtZero: true, title: { display: true, text: series.valueLabel } },
      tooltip: {
        title: (items) => (items.length ? DATE_TIME.format(new Date(items[0].parsed.x as number)) : ''),
      },
      drawn: { 'data-point-count': String(values.length) },
    };
  }
}

customElements.define('meshport-sla-chart', SlaChart);
