/*
 * <meshport-lineage-graph>: draws a product's lineage that the server has already laid out
 * (left = upstream, right = downstream) with cytoscape, and reports what the person asks for
 * (expand a node's upstream or downstream, open a product, collapse or expand a domain) as DOM
 * events. It never lays out by itself, so a large graph costs the browser one draw only.
 *
 * Input: the `drawing` property, a JSON string:
 *   {root, grouped, truncated, focus?, groups:[{id, domain}],
 *    nodes:[{id, kind: PRODUCT|UNRESOLVED|DOMAIN|TEAM, name, domain, team, status, depth, parent,
 *            root, expandedUpstream, expandedDownstream, members, x, y}],
 *    edges:[{id, from, to, kind: declared|agreement|observed, contracts:[...],
 *            provenance: declared|observed|both, lastObservedAt?}]}
 * A TEAM node is a consumer team reading a port through an approved agreement (a leaf); an
 * agreement edge is drawn dashed, in another colour, with an "agreement" label and a circle at its
 * start, so that it differs from a declared input by more than colour. Provenance is drawn the
 * same way, never by colour alone: an edge only observed in pipeline runs is dashed (short
 * dashes, teal) and labelled "observed"; one both declared and observed is a thick solid line
 * starting at a diamond; one only declared stays a thin solid line.
 * Output events (bubbling, detail in brackets):
 *   lineage-node-action {action: 'expand-upstream' | 'expand-downstream' | 'open', id}
 *   lineage-domain-toggle {domain}
 * Hooks for tests and the benchmark: attributes data-ready ("true" once drawn and responsive),
 * data-node-count, data-edge-count, data-agreement-edge-count, data-team-node-count,
 * data-observed-edge-count (observed only), data-both-edge-count (declared and observed), data-draw-ms (parse to first frame), data-draw-phases (its parts,
 * ms: parse, elements, cytoscape, fit, first frame, then idle), data-ready-at (page clock,
 * ms since navigation started); method nodeClientPosition(id) gives a node's centre in page
 * (viewport) coordinates, so a test clicks the canvas where a person would; drawnStyle(id) what
 * cytoscape drew for a node or an edge (shape, line style, label, colour).
 */
import { LitElement, html, nothing } from 'lit';
import cytoscape from 'cytoscape';

type Kind = 'PRODUCT' | 'UNRESOLVED' | 'DOMAIN' | 'TEAM';

interface DrawnNode {
  id: string;
  kind: Kind;
  name: string;
  domain?: string | null;
  team?: string | null;
  status?: string | null;
  depth: number;
  parent?: string | null;
  root: boolean;
  expandedUpstream: boolean;
  expandedDownstream: boolean;
  members: number;
  x: number;
  y: number;
}

interface Drawing {
  root: string;
  grouped: boolean;
  truncated: boolean;
  focus?: string | null;
  groups: { id: string; domain: string }[];
  nodes: DrawnNode[];
  edges: {
    id: string;
    from: string;
    to: string;
    kind?: 'declared' | 'agreement' | 'observed';
    contracts: string[];
    provenance?: 'declared' | 'observed' | 'both';
    lastObservedAt?: string | null;
  }[];
}

interface Selection {
  node?: DrawnNode;
  group?: string;
  x: number;
  y: number;
}

const STATUS_TEXT: Record<string, string> = {
  active: '',
  draft: 'DRAFT',
  proposed: 'PROPOSED',
  deprecated: '⚠ DEPRECATED',
  retired: '✕ RETIRED',
};

const STYLE: any[] = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 200,
      height: 66,
      'background-color': '#ffffff',
      'border-width': 1.5,
      'border-color': '#51627d',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '186px',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 12,
      'line-height': 1.3,
      color: '#1b2536',
      'min-zoomed-font-size': 5,
    },
  },
  { selector: 'node.root', style: { 'border-width': 3.5, 'border-color': '#1f5fbf', 'background-color': '#eaf2ff' } },
  {
    selector: 'node.deprecated',
    style: { 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#b45309', 'background-color': '#fff7ed' },
  },
  {
    selector: 'node.retired',
    style: {
      'border-style': 'dotted',
      'border-width': 2.5,
      'border-color': '#6b7280',
      'background-color': '#f3f4f6',
      color: '#4b5563',
    },
  },
  {
    selector: 'node.unresolved',
    style: {
      shape: 'rectangle',
      'border-style': 'dashed',
      'border-width': 2,
      'border-color': '#b91c1c',
      'background-color': '#fef2f2',
      color: '#7f1d1d',
    },
  },
  {
    selector: 'node.team',
    style: {
      shape: 'ellipse',
      width: 190,
      'border-style': 'dashed',
      'border-width': 2.5,
      'border-color': '#6d28d9',
      'background-color': '#f5f3ff',
      color: '#3b0764',
    },
  },
  {
    selector: 'node.domain',
    style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#475569', 'background-color': '#eef2f7' },
  },
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f5f7fa',
      'background-opacity': 1,
      'border-width': 1,
      'border-color': '#c5cfdc',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-size': 12,
      'font-weight': 'bold',
      color: '#475569',
      padding: '14px',
    },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#1f5fbf', 'overlay-opacity': 0.12, 'overlay-padding': 5 } },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': '#8a99ad',
      'target-arrow-color': '#8a99ad',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      'font-size': 10,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      color: '#1b2536',
    },
  },
  { selector: 'edge.unresolved', style: { 'line-style': 'dashed', 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' } },
  {
    selector: 'edge.agreement',
    style: {
      width: 2,
      'line-style': 'dashed',
      'line-dash-pattern': [7, 4],
      'line-color': '#6d28d9',
      'target-arrow-color': '#6d28d9',
      'source-arrow-shape': 'circle',
      'source-arrow-color': '#6d28d9',
      label: 'agreement',
      color: '#4c1d95',
      'font-style': 'italic',
    },
  },
  {
    selector: 'edge.observed',
    style: {
      width: 2,
      'line-style': 'dashed',
      'line-dash-pattern': [4, 4],
      'line-color': '#0f766e',
      'target-arrow-color': '#0f766e',
      label: 'observed',
      color: '#134e4a',
      'font-style': 'italic',
    },
  },
  {
    selector: 'edge.both',
    style: {
      width: 3.5,
      'line-style': 'solid',
      'line-color': '#334155',
      'target-arrow-color': '#334155',
      'source-arrow-shape': 'diamond',
      'source-arrow-color': '#334155',
    },
  },
  {
    selector: 'edge.hover',
    style: { width: 3, 'line-color': '#1f5fbf', 'target-arrow-color': '#1f5fbf', label: 'data(label)', 'z-index': 10 },
  },
];

/**
 * Large graphs are opened fitted to the screen, where labels are too small to read anyway: plain
 * lines instead of Bézier curves (no control points to compute for 600+ edges) and a plain canvas
 * at device pixel ratio 1 make the first frame arrive much sooner. Hover, zoom and labels behave
 * as in small graphs.
 */
const LARGE_STYLE: any[] = [
  // Fitted to the screen, 600+ edges are drawn as haystack lines (the cheapest edges cytoscape has
  // to style and draw, but without arrowheads, which would be a pixel or two wide at that zoom);
  // zoomed in, where arrows can be seen, as straight edges with arrowheads.
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0 } },
  { selector: 'edge.detailed', style: { 'curve-style': 'straight', 'arrow-scale': 0.8 } },
  // Labels only once zoomed in far enough to read them: laying out 500 wrapped, three-line labels
  // (text measured word by word) was most of the first frame, for text too small to see.
  { selector: 'node', style: { label: '' } },
  { selector: 'node.labelled, node.group', style: { label: 'data(label)' } },
  // Agreement edges keep their dashes and start circle at every zoom, their label once zoomed in.
  { selector: 'edge.agreement', style: { 'curve-style': 'straight', label: '' } },
  { selector: 'edge.agreement.detailed', style: { label: 'agreement' } },
  // Observed edges keep their dashes, edges seen both ways their diamond, at every zoom.
  { selector: 'edge.observed', style: { 'curve-style': 'straight', label: '' } },
  { selector: 'edge.observed.detailed', style: { label: 'observed' } },
  { selector: 'edge.both', style: { 'curve-style': 'straight' } },
];

/** The zoom from which a large graph's 12 px labels are drawn (cytoscape skips text under 5 px anyway). */
const LABEL_ZOOM = 0.45;

function nodeLabel(node: DrawnNode): string {
  if (node.kind === 'UNRESOLVED') {
    return node.name;
  }
  if (node.kind === 'DOMAIN') {
    return `${node.name}\n${node.members} product${node.members === 1 ? '' : 's'} · collapsed`;
  }
  if (node.kind === 'TEAM') {
    return `${node.name}\nTEAM · via agreement`;
  }
  const status = STATUS_TEXT[node.status ?? ''] ?? (node.status ?? '').toUpperCase();
  return [node.name, `${node.domain ?? '(no domain)'} · ${node.team ?? ''}`, status].filter((l) => l).join('\n');
}

export class LineageGraphElement extends LitElement {
  static properties = {
    drawing: { type: String },
    label: { type: String },
    selection: { state: true },
    tooltip: { state: true },
  };

  drawing = '';
  label = 'Lineage graph';
  selection: Selection | null = null;
  tooltip: { text: string; x: number; y: number } | null = null;

  private cy: any = null;
  private model: Drawing | null = null;
  private nodesById = new Map<string, DrawnNode>();
  private resizeObserver?: ResizeObserver;
  // Until the person pans or zooms, the graph stays fitted when the canvas changes size (the page
  // settling, a tab becoming visible, the window resized).
  private autoFit = true;

  // Light DOM: page styles (Lumo) apply, and tests find the controls like any other.
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    if (this.hasUpdated) this.resizeObserver.observe(this.canvas());
  }

  firstUpdated() {
    this.resizeObserver?.observe(this.canvas());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.cy?.destroy();
    this.cy = null;
  }

  render() {
    const s = this.selection;
    return html`
      <div class="lineage-toolbar" role="toolbar" aria-label="Graph view controls">
        <button type="button" class="zoom-in" @click=${() => this.zoomBy(1.25)}><span aria-hidden="true">+</span> Zoom in</button>
        <button type="button" class="zoom-out" @click=${() => this.zoomBy(0.8)}><span aria-hidden="true">-</span> Zoom out</button>
        <button type="button" class="fit" @click=${() => this.fit()}>Fit to screen</button>
        <span class="lineage-hint">Click a product for its actions; drag to pan, scroll to zoom.</span>
      </div>
      <div class="lineage-stage">
      <div
        class="lineage-canvas"
        @pointerdown=${() => (this.autoFit = false)}
        @wheel=${() => (this.autoFit = false)}
        tabindex="0"
        role="img"
        aria-roledescription="lineage graph"
        aria-label="${this.label}. The same lineage is available as a table (Table view)."
        @keydown=${this.onKey}
      ></div>
      ${s ? this.renderSelection(s) : nothing}
      ${this.tooltip
        ? html`<div class="lineage-tooltip" role="tooltip" style="left:${this.tooltip.x}px;top:${this.tooltip.y}px">
            ${this.tooltip.text}
          </div>`
        : nothing}
      </div>
      <ul class="lineage-legend" aria-label="Legend">
        <li><span class="swatch swatch-root"></span>Root product (thick blue border)</li>
        <li><span class="swatch"></span>Active</li>
        <li><span class="swatch swatch-deprecated"></span>⚠ DEPRECATED (dashed orange border)</li>
        <li><span class="swatch swatch-retired"></span>✕ RETIRED (dotted grey border)</li>
        <li><span class="swatch swatch-unresolved"></span>Unresolved input: no product provides the contract (dashed red)</li>
        <li><span class="swatch swatch-domain"></span>Collapsed domain (double border)</li>
        <li><span class="swatch swatch-team"></span>Consumer team reading through an agreement (ellipse, dashed purple border)</li>
        <li><span class="line line-declared"></span>Declared input (solid line)</li>
        <li><span class="line line-agreement"></span>Approved agreement (dashed purple line from a circle, labelled “agreement”)</li>
        <li><span class="line line-observed"></span>Observed in pipeline runs only (short-dashed teal line, labelled “observed”)</li>
        <li><span class="line line-both"></span>Declared and observed (thick solid line from a diamond)</li>
        <li>Arrows point downstream (in a large graph, once zoomed in); hover an arrow for the contract or agreement it carries.</li>
      </ul>
    `;
  }

  private renderSelection(s: Selection) {
    const close = html`<button type="button" class="lineage-close" aria-label="Close" @click=${() => this.select(null)}>✕</button>`;
    const n = s.node;
    let body;
    if (s.group !== undefined || n?.kind === 'DOMAIN') {
      const domain = s.group ?? n!.domain!;
      const collapsed = n?.kind === 'DOMAIN';
      body = html`<strong>Domain ${domain}</strong>
        <button type="button" @click=${() => this.emit('lineage-domain-toggle', { domain })}>
          ${collapsed ? 'Expand domain' : 'Collapse domain'}
        </button>`;
    } else if (n?.kind === 'UNRESOLVED') {
      body = html`<strong>${n.name}</strong>
        <span>No product in the catalog provides this contract yet.</span>`;
    } else if (n?.kind === 'TEAM') {
      body = html`<strong>Team ${n.name}</strong>
        <span>Reads through an approved agreement without naming one of its products; nothing is derived from it here.</span>`;
    } else if (n) {
      body = html`
        <a class="lineage-open" href="products/${encodeURIComponent(n.id)}" @click=${(e: MouseEvent) => this.open(e, n.id)}
          >${n.name}</a
        >
        <span>${n.domain ?? '(no domain)'} · team ${n.team} · ${n.status}</span>
        <span class="lineage-actions">
          <button type="button" ?disabled=${n.expandedUpstream} @click=${() => this.action('expand-upstream', n.id)}>
            ◀ Expand upstream
          </button>
          <button type="button" ?disabled=${n.expandedDownstream} @click=${() => this.action('expand-downstream', n.id)}>
            Expand downstream ▶
          </button>
        </span>`;
    }
    return html`<div class="lineage-popup" role="dialog" aria-label="Selected node" style="left:${s.x}px;top:${s.y}px">
      ${close}${body}
    </div>`;
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('drawing')) {
      this.draw();
    }
  }

  /** What cytoscape drew for a node or an edge (its computed style), or null when it is not drawn. */
  drawnStyle(id: string): Record<string, string> | null {
    const el = this.cy?.getElementById(id);
    if (!el || el.empty()) {
      return null;
    }
    if (el.isEdge()) {
      return {
        kind: el.hasClass('agreement') ? 'agreement' : el.hasClass('observed') ? 'observed' : 'declared',
        provenance: String(el.data('provenance') ?? 'declared'),
        width: String(el.style('width')),
        lineStyle: String(el.style('line-style')),
        lineColor: String(el.style('line-color')),
        label: String(el.style('label') ?? ''),
        sourceArrow: String(el.style('source-arrow-shape')),
      };
    }
    return {
      kind: this.nodesById.get(id)?.kind ?? 'GROUP',
      shape: String(el.style('shape')),
      borderStyle: String(el.style('border-style')),
      label: String(el.style('label') ?? ''),
    };
  }

  /** Centre of a node in viewport coordinates (tests click there), or null when it is not drawn. */
  nodeClientPosition(id: string): { x: number; y: number } | null {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) {
      return null;
    }
    const rect = this.canvas().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }

  fit() {
    this.autoFit = true;
    this.cy?.fit(undefined, 30);
    if (this.cy && this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center();
    }
    this.select(null);
  }

  zoomBy(factor: number) {
    if (!this.cy) return;
    this.autoFit = false;
    const c = this.canvas();
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: c.clientWidth / 2, y: c.clientHeight / 2 } });
    this.select(null);
  }

  private canvas(): HTMLElement {
    return this.querySelector('.lineage-canvas') as HTMLElement;
  }

  private draw() {
    this.setAttribute('data-ready', 'false');
    if (!this.drawing) return;
    const started = performance.now();
    const previous = this.model;
    const model: Drawing = JSON.parse(this.drawing);
    const parsed = performance.now();
    this.model = model;
    this.nodesById = new Map(model.nodes.map((n) => [n.id, n]));
    const elements: any[] = [];
    for (const g of model.groups) {
      elements.push({ group: 'nodes', data: { id: g.id, label: g.domain, domain: g.domain }, classes: 'group' });
    }
    for (const n of model.nodes) {
      const classes = [n.kind.toLowerCase()];
      if (n.status) classes.push(n.status);
      if (n.root) classes.push('root');
      const data: any = { id: n.id, label: nodeLabel(n) };
      if (n.parent) data.parent = n.parent;
      elements.push({ group: 'nodes', data, position: { x: n.x, y: n.y }, classes: classes.join(' ') });
    }
    for (const e of model.edges) {
      const unresolved = this.nodesById.get(e.from)?.kind === 'UNRESOLVED';
      const agreement = e.kind === 'agreement';
      const provenance = e.provenance ?? 'declared';
      const seen = agreement || unresolved || provenance === 'declared' ? '' : provenance;
      elements.push({
        group: 'edges',
        data: {
          id: e.id,
          source: e.from,
          target: e.to,
          label: e.contracts.join('; '),
          agreement,
          provenance,
          lastObservedAt: e.lastObservedAt ?? '',
        },
        classes: unresolved ? 'unresolved' : agreement ? 'agreement' : seen,
      });
    }
    const built = performance.now();
    const large = model.nodes.length > 200;
    const keepView = previous !== null && previous.root === model.root && this.cy;
    const zoom = keepView ? this.cy.zoom() : 1;
    if (this.cy) {
      this.cy.destroy();
    }
    this.cy = cytoscape({
      container: this.canvas(),
      elements,
      style: large ? STYLE.concat(LARGE_STYLE) : STYLE,
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: true,
      // Large graphs: draw a cached bitmap while panning and zooming, so the page stays smooth.
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
    });
    const created = performance.now();
    this.wire();
    if (large) {
      let labelled = false;
      const cy = this.cy;
      const showLabels = () => {
        const wanted = cy.zoom() >= LABEL_ZOOM;
        if (wanted !== labelled) {
          labelled = wanted;
          cy.batch(() =>
            wanted
              ? (cy.nodes().addClass('labelled'), cy.edges().addClass('detailed'))
              : (cy.nodes().removeClass('labelled'), cy.edges().removeClass('detailed')),
          );
        }
      };
      cy.on('zoom', showLabels);
      // After fit or a kept zoom below, the current zoom decides once.
      requestAnimationFrame(showLabels);
    }
    this.select(null);
    const focus = model.focus ? this.cy.getElementById(model.focus) : null;
    // Small graphs are fitted again after an expansion; in large ones the view stays where the
    // person was working, centred on the node they expanded.
    if (keepView && focus && !focus.empty() && model.nodes.length > 60) {
      this.autoFit = false;
      this.cy.zoom(zoom);
      this.cy.center(focus);
    } else {
      this.fit();
    }
    const placed = performance.now();
    this.setAttribute('data-node-count', String(model.nodes.length));
    this.setAttribute('data-edge-count', String(model.edges.length));
    this.setAttribute('data-agreement-edge-count', String(model.edges.filter((e) => e.kind === 'agreement').length));
    this.setAttribute('data-team-node-count', String(model.nodes.filter((n) => n.kind === 'TEAM').length));
    this.setAttribute(
      'data-observed-edge-count',
      String(model.edges.filter((e) => e.kind !== 'agreement' && e.provenance === 'observed').length),
    );
    this.setAttribute(
      'data-both-edge-count',
      String(model.edges.filter((e) => e.kind !== 'agreement' && e.provenance === 'both').length),
    );
    // Ready once the first frame is on screen and the main thread is free again.
    requestAnimationFrame(() => {
      const framed = performance.now();
      setTimeout(() => {
        const done = performance.now();
        // Where a draw's time went, for the benchmark: parse, elements, cytoscape, fit, frame, idle.
        this.setAttribute(
          'data-draw-phases',
          [parsed - started, built - parsed, created - built, placed - created, framed - placed, done - framed]
            .map((ms) => Math.round(ms))
            .join(' '),
        );
        this.setAttribute('data-draw-ms', String(Math.round(done - started)));
        this.setAttribute('data-ready-at', String(Math.round(performance.now())));
        this.setAttribute('data-ready', 'true');
        this.dispatchEvent(new CustomEvent('lineage-ready', { bubbles: true }));
      });
    });
  }

  private wire() {
    const cy = this.cy;
    cy.on('tap', 'node', (evt: any) => {
      const el = evt.target;
      const p = evt.renderedPosition;
      if (el.hasClass('group')) {
        this.select({ group: el.data('domain'), x: p.x, y: p.y });
      } else {
        this.select({ node: this.nodesById.get(el.id()), x: p.x, y: p.y });
      }
    });
    cy.on('dbltap', 'node', (evt: any) => {
      const n = this.nodesById.get(evt.target.id());
      if (n?.kind === 'PRODUCT') this.action('open', n.id);
    });
    cy.on('tap', (evt: any) => {
      if (evt.target === cy) this.select(null);
    });
    cy.on('mouseover', 'edge', (evt: any) => {
      const edge = evt.target;
      edge.addClass('hover');
      const p = evt.renderedPosition;
      const contracts: string = edge.data('label');
      const provenance: string = edge.data('provenance');
      const last: string = edge.data('lastObservedAt');
      const seen =
        provenance === 'observed'
          ? ' · observed in pipeline runs only'
          : provenance === 'both'
            ? ' · declared and observed in pipeline runs'
            : '';
      const when = last ? `, last ${last.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}` : '';
      const text = edge.data('agreement') ? `Agreement: ${contracts}` : `Contract: ${contracts}${seen}${when}`;
      this.tooltip = { text, x: p.x + 12, y: p.y + 12 };
    });
    cy.on('mouseout', 'edge', (evt: any) => {
      evt.target.removeClass('hover');
      this.tooltip = null;
    });
    cy.on('viewport', () => {
      if (this.selection) this.select(null);
    });
  }

  private select(selection: Selection | null) {
    this.selection = selection;
  }

  private onResize() {
    if (!this.cy) return;
    this.cy.resize();
    if (this.autoFit && this.canvas().clientWidth > 0) {
      this.fit();
    }
  }

  private onKey = (e: KeyboardEvent) => {
    if (!this.cy) return;
    const step = 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    this.autoFit = false;
    if (moves[e.key]) {
      this.cy.panBy({ x: moves[e.key][0], y: moves[e.key][1] });
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(1.25);
    } else if (e.key === '-') {
      this.zoomBy(0.8);
    } else if (e.key === '0') {
      this.fit();
    } else {
      return;
    }
    e.preventDefault();
  };

  private open(e: MouseEvent, id: string) {
    // A plain click stays in the single-page app; ctrl/middle click opens a tab as links do.
    if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      this.action('open', id);
    }
  }

  private action(action: string, id: string) {
    this.select(null);
    this.emit('lineage-node-action', { action, id });
  }

  private emit(name: string, detail: object) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

const CSS = `
meshport-lineage-graph { display: flex; flex-direction: column; gap: var(--lumo-space-s, 8px); min-height: 420px; }
meshport-lineage-graph .lineage-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
meshport-lineage-graph button {
  font: inherit; font-size: var(--lumo-font-size-s, 14px); padding: 4px 10px; cursor: pointer;
  border: 1px solid var(--lumo-contrast-30pct, #c5cfdc); border-radius: var(--lumo-border-radius-m, 6px);
  background: var(--lumo-base-color, #fff); color: var(--lumo-primary-text-color, #1f5fbf);
}
meshport-lineage-graph button:disabled { color: var(--lumo-disabled-text-color, #999); cursor: default; }
meshport-lineage-graph button:focus-visible, meshport-lineage-graph a:focus-visible,
meshport-lineage-graph .lineage-canvas:focus-visible { outline: 2px solid var(--lumo-primary-color, #1f5fbf); outline-offset: 2px; }
meshport-lineage-graph .lineage-hint { color: var(--lumo-secondary-text-color, #555); font-size: var(--lumo-font-size-s, 14px); }
meshport-lineage-graph .lineage-stage { position: relative; flex: 1 1 auto; min-height: 360px; }
meshport-lineage-graph .lineage-canvas {
  position: absolute; inset: 0; border: 1px solid var(--lumo-contrast-20pct, #dde3ea);
  border-radius: var(--lumo-border-radius-m, 6px); background: #fbfcfe;
}
meshport-lineage-graph .lineage-popup {
  position: absolute; z-index: 2; display: flex; flex-direction: column; gap: 6px; max-width: 300px;
  padding: 10px 12px; transform: translate(12px, 12px); background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-30pct, #c5cfdc); border-radius: var(--lumo-border-radius-m, 6px);
  box-shadow: var(--lumo-box-shadow-m, 0 2px 8px rgba(0,0,0,.2)); font-size: var(--lumo-font-size-s, 14px);
}
meshport-lineage-graph .lineage-popup .lineage-open { font-weight: 600; font-size: var(--lumo-font-size-m, 16px); padding-right: 28px; }
meshport-lineage-graph .lineage-popup .lineage-actions { display: flex; gap: 6px; flex-wrap: wrap; }
meshport-lineage-graph .lineage-close { position: absolute; top: 6px; right: 6px; padding: 0 6px; border: none; }
meshport-lineage-graph .lineage-tooltip {
  position: absolute; z-index: 3; pointer-events: none; padding: 3px 8px; font-size: 12px;
  background: #1b2536; color: #fff; border-radius: 4px;
}
meshport-lineage-graph .lineage-legend {
  display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none;
  font-size: var(--lumo-font-size-xs, 13px); color: var(--lumo-secondary-text-color, #555);
}
meshport-lineage-graph .lineage-legend li { display: flex; align-items: center; gap: 6px; }
meshport-lineage-graph .swatch { display: inline-block; width: 22px; height: 12px; border: 1.5px solid #51627d; border-radius: 3px; background: #fff; }
meshport-lineage-graph .swatch-root { border: 3px solid #1f5fbf; background: #eaf2ff; }
meshport-lineage-graph .swatch-deprecated { border: 2px dashed #b45309; background: #fff7ed; }
meshport-lineage-graph .swatch-retired { border: 2px dotted #6b7280; background: #f3f4f6; }
meshport-lineage-graph .swatch-unresolved { border: 2px dashed #b91c1c; background: #fef2f2; border-radius: 0; }
meshport-lineage-graph .swatch-domain { border: 4px double #475569; background: #eef2f7; }
meshport-lineage-graph .swatch-team { border: 2px dashed #6d28d9; background: #f5f3ff; border-radius: 50%; }
meshport-lineage-graph .line { display: inline-block; width: 26px; height: 0; border-top: 2px solid #8a99ad; }
meshport-lineage-graph .line-agreement { border-top: 2px dashed #6d28d9; }
meshport-lineage-graph .line-observed { border-top: 2px dashed #0f766e; }
meshport-lineage-graph .line-both { border-top: 4px solid #334155; }
`;

if (!customElements.get('meshport-lineage-graph')) {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
  customElements.define('meshport-lineage-graph', LineageGraphElement);
}
