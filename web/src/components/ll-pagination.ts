import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../styles.js';

/** Page links (real links: they open in a new tab, and the router keeps them client-side). */
@customElement('ll-pagination')
export class LlPagination extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      ul { display: flex; flex-wrap: wrap; gap: 0.3rem; justify-content: center; list-style: none; margin: 0; padding: 0; }
      a, span { display: inline-grid; place-items: center; min-width: 2.5rem; min-height: 2.5rem; padding: 0 0.6rem; border-radius: 8px; text-decoration: none; }
      a { border: 1px solid var(--ll-border); background: var(--ll-surface); color: var(--ll-text); font-weight: 600; }
      a:hover { border-color: var(--ll-accent); color: var(--ll-accent-strong); }
      a[aria-current='page'] { background: var(--ll-accent); border-color: var(--ll-accent); color: #fff; }
      span { color: var(--ll-muted); }
      @media (max-width: 480px) { .far { display: none; } }
    `,
  ];

  @property({ type: Number }) page = 1;
  @property({ type: Number }) totalPages = 1;
  @property({ attribute: false }) hrefFor: (page: number) => string = () => '#';

  override render() {
    if (this.totalPages <= 1) return nothing;
    const { page, totalPages } = this;
    const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalPages])]
      .filter((p) => p >= 1 && p <= totalPages)
      .sort((a, b) => a - b);
    const items: unknown[] = [];
    pages.forEach((p, i) => {
      if (i > 0 && p - pages[i - 1]! > 1) items.push(html`<li aria-hidden="true"><span>…</span></li>`);
      const far = Math.abs(p - page) > 1 && p !== 1 && p !== totalPages;
      items.push(html`<li class=${far ? 'far' : ''}>
        <a href=${this.hrefFor(p)} aria-current=${p === page ? 'page' : nothing} aria-label="Page ${p}">${p}</a>
      </li>`);
    });
    return html`
      <nav aria-label="Pages of results">
        <ul>
          ${page > 1 ? html`<li><a href=${this.hrefFor(page - 1)} rel="prev">‹ Previous</a></li>` : nothing}
          ${items}
          ${page < totalPages ? html`<li><a href=${this.hrefFor(page + 1)} rel="next">Next ›</a></li>` : nothing}
        </ul>
      </nav>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-pagination': LlPagination;
  }
}
