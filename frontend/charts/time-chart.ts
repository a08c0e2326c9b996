/*
 * What Meshport's charts over time share: a web component whose `series` property is a JSON string
 * the server computed, drawn with Chart.js on one canvas as lines over a linear time axis (epoch
 * millis). The series' `summary` is the chart's text alternative: the canvas gets role="img" and
 * it as its label. Each chart says only what it draws (`lines`); the canvas, the sizing, the
 * redraw on a new series, the legend and the test hooks are here.
 * Hooks for tests: the attribute data-ready ("true" once drawn), plus each chart's own (`drawn`).
 */
import { LitElement, html, css, unsafeCSS, type CSSResult, type PropertyValues } from 'lit';
import { Chart, registerables, type ChartDataset, type ScaleOptions, type TooltipCallbacks } from 'chart.js';

Chart.register(...registerables);

export interface Summarised {
  summary: string;
}

/** What a chart draws of its series. */
export interface Lines {
  datasets: ChartDataset<'line', { x: number; y: number }[]>[];
  /** The time axis, beyond its linear type. */
  x: Partial<ScaleOptions<'linear'>>;
  y: Partial<ScaleOptions<'linear'>>;
  tooltip: Partial<TooltipCallbacks<'line'>>;
  /** Attributes set once drawn, for tests (e.g. data-point-count). */
  drawn: Record<string, string>;
}

/** A day, in milliseconds. */
export const DAY_MILLIS = 86_400_000;

/** The time the points span; without points, the last 30 days. */
export function timeRange(xs: number[]): { from: number; to: number } {
  return {
    from: xs.length ? Math.min(...xs) : Date.now() - 30 * DAY_MILLIS,
    to: xs.length ? Math.max(...xs) : Date.now(),
  };
}

/** The host's style: a block as wide as its container and `height` high, the canvas filling it. */
export function chartStyles(height: string): CSSResult {
  return css`
    :host {
      display: block;
      position: relative;
      height: ${unsafeCSS(height)};
      width: 100%;
    }
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
  `;
}

export abstract class TimeChart<S extends Summarised> extends LitElement {
  static properties = { series: { type: String } };

  declare series: string;
  private chart?: Chart;

  /** What to draw of a series. */
  protected abstract lines(series: S): Lines;

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

  private parsed(): S | undefined {
    if (!this.series) {
      return undefined;
    }
    try {
      return JSON.parse(this.series) as S;
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
    const lines = this.lines(series);
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: lines.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        scales: {
          x: { type: 'linear', ...lines.x },
          y: lines.y,
        },
        plugins: {
          legend: { display: true, position: 'bottom' },
          tooltip: { callbacks: lines.tooltip },
        },
      },
    });
    for (const [name, value] of Object.entries(lines.drawn)) {
      this.setAttribute(name, value);
    }
    this.setAttribute('data-ready', 'true');
  }
}
