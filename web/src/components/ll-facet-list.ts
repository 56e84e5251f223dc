import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Facet, SearchableFacet } from '../../../common/search.js';
import { searchFacet, type Counts, type FacetValue, type SearchParams } from '../api/search.js';
import { controls, tokens } from '../styles.js';

const SHOWN = 6;
const EXPANDED = 40;
const FILTER_DELAY_MS = 200;

/**
 * One facet as checkboxes with counts. Long facets get a filter box that asks the server's facet
 * search (values beyond the top counts included). Toggling fires `ll-facet-toggle` { facet, value }.
 */
@customElement('ll-facet-list')
export class LlFacetList extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
      legend { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ll-muted); padding: 0; margin-bottom: 0.4rem; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { padding: 0.15rem 0; }
      li label { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; margin: 0; cursor: pointer; min-width: 0; }
      .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      input[type='checkbox'] { width: 1.05rem; height: 1.05rem; accent-color: var(--ll-accent); margin: 0; flex: none; }
      .count { color: var(--ll-muted); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
      input.filter { min-height: 2.1rem; padding: 0.3rem 0.55rem; font-size: 0.9rem; margin-bottom: 0.4rem; }
      button.more { background: none; border: 0; color: var(--ll-accent-strong); padding: 0.2rem 0; min-height: auto; font-size: 0.9rem; }
      button.more:hover { background: none; text-decoration: underline; }
      .none { color: var(--ll-muted); font-size: 0.9rem; margin: 0.2rem 0; }
    `,
  ];

  @property() facet: Facet = 'skills';
  @property() heading = '';
  @property({ attribute: false }) counts: Counts = {};
  @property({ attribute: false }) selected: string[] = [];
  /** How a value reads (a slug or code becomes a name). */
  @property({ attribute: false }) label: (value: string) => string = (value) => value;
  /** The current search, within which the filter box looks for values. */
  @property({ attribute: false }) params: SearchParams = {};
  @property({ type: Boolean }) searchable = false;

  @state() private _expanded = false;
  @state() private _filter = '';
  @state() private _found: FacetValue[] | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | undefined;

  override disconnectedCallback(): void {
    clearTimeout(this._timer);
    this._abort?.abort();
    super.disconnectedCallback();
  }

  /**
   * The most frequent values first, in a stable order (a value never jumps when it is ticked);
   * selected values that are beyond the shown ones, or match nothing now, are kept at the end.
   */
  private _entries(limit: number): FacetValue[] {
    if (this._found) return this._found.slice(0, EXPANDED);
    const entry = (value: string) => ({ value, label: this.label(value), count: this.counts[value] ?? 0 });
    const top = Object.keys(this.counts)
      .sort((a, b) => this.counts[b]! - this.counts[a]! || a.localeCompare(b))
      .slice(0, limit)
      .map(entry);
    const shown = new Set(top.map((e) => e.value));
    return [...top, ...this.selected.filter((value) => !shown.has(value)).map(entry)];
  }

  override render() {
    const total = Object.keys(this.counts).length;
    if (total === 0 && this.selected.length === 0 && !this._filter) return nothing;
    const limit = this._expanded ? EXPANDED : SHOWN;
    const shown = this._entries(limit);
    const showFilter = this.searchable && (total > SHOWN || this._filter);
    return html`
      <fieldset>
        <legend>${this.heading}</legend>
        ${showFilter
          ? html`<label class="visually-hidden" for="filter">Find a value in ${this.heading}</label>
              <input id="filter" class="filter" type="search" autocomplete="off" placeholder="Find ${this.heading.toLowerCase()}…"
                .value=${live(this._filter)} @input=${this._onFilter} />`
          : nothing}
        <ul>
          ${repeat(
            shown,
            (entry) => entry.value,
            (entry) => html`<li>
              <label>
                <input type="checkbox" .checked=${live(this.selected.includes(entry.value))} @change=${() => this._toggle(entry.value)} />
                <span class="name" title=${entry.label}>${entry.label}</span><span class="count">${entry.count.toLocaleString('en')}</span>
              </label>
            </li>`,
          )}
        </ul>
        ${this._found && this._found.length === 0 ? html`<p class="none">No match for “${this._filter}”.</p>` : nothing}
        ${!this._found && !this._expanded && total > SHOWN
          ? html`<button class="more" type="button" aria-expanded="false" @click=${() => (this._expanded = true)}>Show ${Math.min(total, EXPANDED) - SHOWN} more</button>`
          : nothing}
        ${!this._found && this._expanded && total > SHOWN
          ? html`<button class="more" type="button" aria-expanded="true" @click=${() => (this._expanded = false)}>Show fewer</button>`
          : nothing}
      </fieldset>
    `;
  }

  private _toggle(value: string) {
    this.dispatchEvent(new CustomEvent('ll-facet-toggle', { bubbles: true, composed: true, detail: { facet: this.facet, value } }));
  }

  private _onFilter(event: InputEvent) {
    this._filter = (event.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._abort?.abort();
    if (!this._filter.trim()) {
      this._found = undefined;
      return;
    }
    this._timer = setTimeout(() => void this._search(this._filter.trim()), FILTER_DELAY_MS);
  }

  private async _search(text: string) {
    const abort = new AbortController();
    this._abort = abort;
    try {
      this._found = await searchFacet(this.facet as SearchableFacet, text, this.params, abort.signal);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this._found = [];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-facet-list': LlFacetList;
  }
}
