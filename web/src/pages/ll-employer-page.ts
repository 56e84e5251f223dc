import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { getEmployerTalent } from '../api/talent.js';
import '../components/ll-talent-overview.js';
import { peopleLabel } from '../labels.js';
import { controls, page, tokens } from '../styles.js';
import { loadFailure, notice, slugParam } from '../page-parts.js';

/** An employer's laid-off people: counts, top skills and countries, a way into the search. */
@customElement('ll-employer-page')
export class LlEmployerPage extends LitElement {
  static override styles = [tokens, controls, page, notice];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _talent = new Task(this, {
    task: ([slug], { signal }) => getEmployerTalent(slug, signal),
    args: () => [slugParam(this.params)] as const,
    onComplete: (talent) => (document.title = `Ex-${talent.name} talent · Lifeline`),
  });

  override render() {
    return this._talent.render({
      pending: () => html`<p class="muted" role="status">Loading…</p>`,
      error: (err) => loadFailure(err, { notFound: 'No such employer', failed: 'This page could not load' }),
      complete: (talent) => html`
        <p class="eyebrow">Former employer</p>
        <h1>Ex-${talent.name} talent</h1>
        <p class="lead">People laid off from ${talent.name} who are open to work, by skill and by country.${talent.hired > 0
          ? ` ${peopleLabel(talent.hired)} laid off there told us they found a job.`
          : ''}</p>
        <ll-talent-overview .total=${talent.total} .skills=${talent.skills} .countries=${talent.countries}
          .filter=${{ employer: talent.slug }}></ll-talent-overview>
      `,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-employer-page': LlEmployerPage;
  }
}
