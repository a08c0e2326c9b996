/*
 * <meshport-sla-chart>: plots one objective's observations over time with Chart.js (canvas), with
 * the objective as a dashed line to compare against. The server computes the points; the chart
 * only draws them.
 *
 * Input: the `series` property, a JSON string:
 *   {valueLabel, percent (a share: the axis ends at 100), objective (number or null),
 *    points: [{at: epoch millis, value}], summary}
 * `summary` is the chart's text alternative: the canvas gets role="img" and it as its label, and it
 * is also kept in the light DOM for screen readers that do not read canvas labels.
 * Hooks for tests: attributes data-ready ("true" once drawn) and data-point-count.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

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

class SlaChart extends LitElement {
  static properties = { series: { type: String } };

  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 12rem;
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
    const values = series.points.map((p) => ({ x: p.at, y: p.value }));
    const xs = series.points.map((p) => p.at);
    const from = xs.length ? Math.min(...xs) : Date.now() - 30 * 86_400_000;
    const to = xs.length ? Math.max(...xs) : Date.now();
    const datasets: any[] = [
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
            max: to,
            ticks: { maxTicksLimit: 8, callback: (value) => DATE.format(new Date(Number(value))) },
          },
          // Shares close to 100 % are what matters: no zero-based axis that flattens 99.5 into 100.
          y: series.percent
            ? { max: 100, grace: '5%', title: { display: true, text: series.valueLabel } }
            : { beginAtZero: true, title: { display: true, text: series.valueLabel } },
        },
        plugins: {
          legend: { display: true, position: 'bottom' },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? DATE_TIME.format(new Date(items[0].parsed.x as number)) : ''),
            },
          },
        },
      },
    });
    this.setAttribute('data-point-count', String(values.length));
    this.setAttribute('data-ready', 'true');
  }
}

customElements.define('meshport-sla-chart', SlaChart);
