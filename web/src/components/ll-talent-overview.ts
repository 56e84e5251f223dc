import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FacetValue, SearchParams } from '../api/search.js';
import { stateUrl } from '../search-state.js';
import { controls, tokens } from '../styles.js';
import './ll-bar-chart.js';

/**
 * A group of people (a layoff list, an employer's alumni) at a glance: how many are open to work,
 * their skills and countries as charts, each bar a way into the search, pre-filtered.
 */
@customElement('ll-talent-overview')
export class LlTalentOverview extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .cta { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: 1.1rem 1.25rem; margin-bottom: 1.25rem; }
      .big { font-size: 2rem; font-weight: 800; line-height: 1; color: var(--ll-accent-strong); }
      .cta p { margin: 0; flex: 1 1 12rem; color: var(--ll-muted); }
      .cta .button { margin-left: auto; }
      .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; align-items: start; }
      ll-bar-chart { padding: 1.1rem 1.25rem; }
      @media (max-width: 800px) { .charts { grid-template-columns: 1fr; } .cta .button { margin-left: 0; } }
    `,
  ];

  @property({ type: Number }) total = 0;
  @property({ attribute: false }) skills: FacetValue[] = [];
  @property({ attribute: false }) countries: FacetValue[] = [];
  /** The filter that selects this group in search ({ list: slug } or { employer: slug }). */
  @property({ attribute: false }) filter: SearchParams = {};

  override render() {
    const people = this.total === 1 ? 'person' : 'people';
    return html`
      <div class="card cta">
        <span class="big">${this.total.toLocaleString('en')}</span>
        <p>${people} open to work, listed with their consent.</p>
        <a class="button" href=${stateUrl(this.filter)}>Search these ${people} →</a>
      </div>
      <div class="charts">
        <ll-bar-chart class="card" heading="Top skills" .values=${this.skills}
          .hrefFor=${(skill: string) => stateUrl({ ...this.filter, skills: skill })}></ll-bar-chart>
        <ll-bar-chart class="card" heading="Where they are" .values=${this.countries}
          .hrefFor=${(country: string) => stateUrl({ ...this.filter, country })}></ll-bar-chart>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-talent-overview': LlTalentOverview;
  }
}
