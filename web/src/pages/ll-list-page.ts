import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { searchProfiles, topValues, type SearchResult } from '../api/search.js';
import type { LayoffList } from '../api/organize.js';
import { getList, type ListDetail } from '../api/talent.js';
import '../components/ll-list-outcomes.js';
import '../components/ll-talent-overview.js';
import { countryName } from '../../../common/labels.js';
import { loadFailure, notice, slugParam } from '../page-parts.js';
import { controls, page, tokens } from '../styles.js';

interface ListView {
  title: string;
  employer: LayoffList['employer'];
  description: string | null;
  sourceUrl: string | null;
  /** Undefined when only search knows the list. */
  outcomes: ListDetail | undefined;
  talent: SearchResult;
}

/**
 * A crowdsourced layoff list: its header from /api/lists/:slug, its people's skills and countries
 * from the search facets (the same counts a recruiter then sees in search).
 */
@customElement('ll-list-page')
export class LlListPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    notice,
    css`
      .source { margin: -0.75rem 0 1.5rem; font-size: 0.95rem; }
      ll-list-outcomes { padding: 1.1rem 1.25rem; margin: 0 0 1.5rem; }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _list = new Task(this, {
    task: async ([slug], { signal }): Promise<ListView> => {
      const [list, talent] = await Promise.all([
        getList(slug, signal).catch((err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return undefined;
          throw err;
        }),
        searchProfiles({ list: slug, hitsPerPage: '0' }, signal),
      ]);
      // Without its header, a list that still has people is shown by the title search knows.
      const title = list?.title ?? talent.labels.list[slug];
      if (!title) throw new ApiError(404, `There is no layoff list "${slug}" on Lifeline.`);
      return {
        title,
        employer: list?.employer ?? null,
        description: list?.description ?? null,
        sourceUrl: list?.sourceUrl ?? null,
        outcomes: list,
        talent,
      };
    },
    args: () => [slugParam(this.params)] as const,
    onComplete: (view) => (document.title = `${view.title} · Lifeline`),
  });

  override render() {
    return this._list.render({
      pending: () => html`<p class="muted" role="status">Loading…</p>`,
      error: (err) => loadFailure(err, { notFound: 'No such list', failed: 'This list could not load' }),
      complete: (view) => html`
        <p class="eyebrow">Layoff list${view.employer
          ? html` · <a href="/employers/${encodeURIComponent(view.employer.slug)}">${view.employer.name}</a>`
          : nothing}</p>
        <h1>${view.title}</h1>
        <p class="lead">${view.description ?? 'A crowdsourced list of people affected by a layoff who are open to work.'}</p>
        ${view.sourceUrl
          ? html`<p class="source"><a href=${view.sourceUrl} target="_blank" rel="noopener noreferrer">Original list (opens in a new tab)</a></p>`
          : nothing}
        ${view.outcomes ? html`<ll-list-outcomes class="card" .list=${view.outcomes}></ll-list-outcomes>` : nothing}
        <ll-talent-overview
          .total=${view.talent.total}
          .skills=${topValues(view.talent.facets.skills)}
          .countries=${topValues(view.talent.facets.country, (code) => view.talent.labels.country[code] ?? countryName(code))}
          .filter=${{ list: slugParam(this.params) }}
        ></ll-talent-overview>
      `,
    });
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'll-list-page': LlListPage;
  }
}
