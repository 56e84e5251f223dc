import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FacetValue } from '../api/search.js';
import { controls, tokens } from '../styles.js';

/**
 * A horizontal bar chart of counts, as a list a screen reader reads as "label, count". Bars are
 * SVG rects sized by attribute (the CSP allows no inline style); each label links into search.
 */
@customElement('ll-bar-chart')
export class LlBarChart extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.45rem; }
      li { display: grid; grid-template-columns: minmax(6rem, 11rem) 1fr 3rem; align-items: center; gap: 0.75rem; }
      a, li > span:first-child { color: var(--ll-text); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.95rem; }
      a:hover { color: var(--ll-accent-strong); text-decoration: underline; }
      a:focus-visible { outline: none; box-shadow: var(--ll-focus); border-radius: 4px; }
      svg { width: 100%; height: 1.1rem; display: block; }
      rect.track { fill: var(--ll-page); }
      rect.bar { fill: var(--ll-accent); }
      li:hover rect.bar { fill: var(--ll-accent-strong); }
      .count { text-align: right; font-variant-numeric: tabular-nums; color: var(--ll-muted); font-size: 0.9rem; }
      .empty { color: var(--ll-muted); margin: 0; }
      @media (max-width: 480px) { li { grid-template-columns: minmax(5rem, 8rem) 1fr 2.5rem; gap: 0.5rem; } }
    `,
  ];

  @property() heading = '';
  @property({ attribute: false }) values: FacetValue[] = [];
  /** Where each label links; without it, labels are plain text. */
  @property({ attribute: false }) hrefFor: ((value: string) => string) | undefined;

  override render() {
    const max = Math.max(1, ...this.values.map((v) => v.count));
    return html`
      <h2>${this.heading}</h2>
      ${this.values.length === 0
        ? html`<p class="empty">No data yet.</p>`
        : html`<ol>
            ${this.values.map(
              (v) => html`<li>
                ${this.hrefFor ? html`<a href=${this.hrefFor(v.value)} title=${v.label}>${v.label}</a>` : html`<span>${v.label}</span>`}
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                  ${svg`<rect class="track" x="0" y="0" width="100" height="10" rx="1.5"></rect>
                    <rect class="bar" x="0" y="0" width=${Math.max(1.5, (v.count / max) * 100)} height="10" rx="1.5"></rect>`}
                </svg>
                <span class="count"><span class="visually-hidden">: </span>${v.count.toLocaleString('en')}</span>
              </li>`,
            )}
          </ol>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-bar-chart': LlBarChart;
  }
}
