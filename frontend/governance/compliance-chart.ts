/*
 * <meshport-compliance-chart>: the share of compliant products per day, one line per domain or
 * team (and the whole mesh), with Chart.js (canvas), as the SLA chart draws an objective. The
 * server computes the points from the daily compliance record; the chart only draws them.
 *
 * Input: the `series` property, a JSON string:
 *   {lines: [{label, total (the whole mesh: drawn thicker), points: [{at: epoch millis, value: %}]}],
 *    summary}
 * `summary` is the chart's text alternative: the canvas gets role="img" and it as its label.
 * Hooks for tests: attributes data-ready ("true" once drawn), data-line-count, data-point-count.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

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

class ComplianceChart extends LitElement {
  static properties = { series: { type: String } };

  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 16rem;
      width: 100%;
    }
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
  `;

  declare series: string;
  private chart?: Chart;

  render() {
    const summary = this.parsed()?.summary ?? '';
    return html`<canvas role="img" aria-label=${summary}></canvas>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('series')) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  private parsed(): Series | undefined {
    if (!this.series) {
      return undefined;
    }
    try {
      return JSON.parse(this.series) as Series;
    } catch {
      return undefined;
    }
  }

  private draw() {
    const series = this.parsed();
    const canvas = this.renderRoot.querySelector('canvas');
    if (!series || !canvas) {
      return;
    }
    this.chart?.destroy();
    const xs = series.lines.flatMap((line) => line.points.map((p) => p.at));
    const from = xs.length ? Math.min(...xs) : Date.now() - 30 * 86_400_000;
    const to = xs.length ? Math.max(...xs) : Date.now();
    let other = 0;
    const datasets = series.lines.map((line) => {
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
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        scales: {
          x: {
            type: 'linear',
            min: from,
            max: to === from ? from + 86_400_000 : to,
            ticks: { maxTicksLimit: 8, stepSize: 86_400_000, callback: (value) => DATE.format(new Date(Number(value))) },
          },
          y: { min: 0, max: 100, title: { display: true, text: '% of products compliant' } },
        },
        plugins: {
          legend: { display: true, position: 'bottom' },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? DATE.format(new Date(items[0].parsed.x as number)) : ''),
              label: (item) => `${item.dataset.label}: ${(item.parsed.y as number).toFixed(1)} %`,
            },
          },
        },
      },
    });
    this.setAttribute('data-line-count', String(datasets.length));
    this.setAttribute('data-point-count', String(xs.length));
    this.setAttribute('data-ready', 'true');
  }
}

customElements.define('meshport-compliance-chart', ComplianceChart);
