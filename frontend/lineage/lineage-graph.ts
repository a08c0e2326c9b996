import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import cytoscape from 'cytoscape';

@customElement('meshport-lineage-graph')
export class LineageGraph extends LitElement {
  render() {
    return html`<div id="cy">${typeof cytoscape}</div>`;
  }
}
