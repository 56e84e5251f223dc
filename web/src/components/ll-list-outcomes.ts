import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ListDetail } from '../api/talent.js';
import './ll-bar-chart.js';
import { peopleLabel } from '../labels.js';
import { tokens } from '../styles.js';

/** "2026-11" → "Nov 2026". */
const monthName = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en', { year: 'numeric', month: 'short', timeZone: 'UTC' });

/** What became of a list's people: listed now, found a job (and when), hidden as stale. */
@customElement('ll-list-outcomes')
export class LlListOutcomes extends LitElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .headline { font-size: 1.15rem; font-weight: 700; margin: 0 0 0.75rem; }
      dl { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; margin: 0 0 1rem; }
      dl div { display: grid; }
      dt { color: var(--ll-muted); font-size: 0.9rem; }
      dd { margin: 0; font-size: 1.5rem; font-weight: 800; font-variant-numeric: tabular-nums; }
      .hint { color: var(--ll-muted); font-size: 0.9rem; margin: 0.75rem 0 0; }
    `,
  ];

  @property({ attribute: false }) list!: ListDetail;

  override render() {
    const { profiles, hired, stale, hiresByMonth } = this.list;
    return html`
      <p class="headline">${hired > 0 ? `${peopleLabel(hired)} from this list found jobs` : 'Nobody from this list has told us about a new job yet'}</p>
      <dl>
        <div><dt>Listed now</dt><dd>${profiles.toLocaleString('en')}</dd></div>
        <div><dt>Found a job</dt><dd>${hired.toLocaleString('en')}</dd></div>
        <div><dt>Hidden, not confirmed lately</dt><dd>${stale.toLocaleString('en')}</dd></div>
      </dl>
      ${hiresByMonth.length > 0
        ? html`<ll-bar-chart heading="Hires by month"
            .values=${hiresByMonth.map((m) => ({ value: m.month, label: monthName(m.month), count: m.hired }))}></ll-bar-chart>`
        : ''}
      <p class="hint">People confirm every couple of months that they are still looking; those who do not answer leave search, and come back with one click.</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-list-outcomes': LlListOutcomes;
  }
}
