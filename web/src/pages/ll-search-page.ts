import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { searchProfiles, type SearchParams, type SearchResult } from '../api/search.js';
import '../components/ll-facet-list.js';
import '../components/ll-filter-chips.js';
import type { Chip } from '../components/ll-filter-chips.js';
import '../components/ll-pagination.js';
import '../components/ll-profile-card.js';
import '../components/ll-search-box.js';
import '../components/ll-save-search.js';
import { signedInRecruiter, visitSavedSearch } from '../api/workspace.js';
import { countryName, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { FACETS, MAX_TOTAL_HITS, isSearchableFacet, type Facet } from '../../../common/search.js';
import { dateLabel, peopleLabel } from '../labels.js';
import { rememberPreviews } from '../profile-preview.js';
import {
  clearFilters,
  hasFilters,
  readState,
  rememberSearch,
  savedQuery,
  stateUrl,
  toggleValue,
  valuesOf,
  withParam,
  withValues,
} from '../search-state.js';
import { signedIn } from '../session.js';
import { controls, page, tokens } from '../styles.js';

const TYPING_DELAY_MS = 250;
const DAY_MS = 86_400_000;
const LAID_OFF_SINCE = [
  { days: 30, label: 'Last 30 days' },
  { days: 91, label: 'Last 3 months' },
  { days: 182, label: 'Last 6 months' },
  { days: 365, label: 'Last year' },
];
const YEARS_MIN = [2, 5, 10, 15];
/** confirmedWithin presets, in days: people who said "still looking" lately. */
const CONFIRMED_WITHIN = [
  { days: 7, label: 'Last week' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 3 months' },
];

/** The facet panels, in the order a recruiter narrows by. */
const PANELS: { facet: Facet; heading: string }[] = [
  { facet: 'skills', heading: 'Skills' },
  { facet: 'employer', heading: 'Former employer' },
  { facet: 'country', heading: 'Country' },
  { facet: 'region', heading: 'Region' },
  { facet: 'seniority', heading: 'Seniority' },
  { facet: 'remote', heading: 'Work style' },
  { facet: 'list', heading: 'Layoff list' },
];

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Recruiter search: results as you type, facets, chips, pages. The whole state is the URL:
 * typing replaces the current history entry (after the first keystroke of a new query pushed
 * one), every other change pushes one, and Back/Forward (popstate, ll-navigate) replay it.
 */
@customElement('ll-search-page')
export class LlSearchPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    css`
      .hero { margin-bottom: 1.25rem; }
      .hero h1 { font-size: 2rem; letter-spacing: -0.01em; }
      .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; justify-content: space-between; margin: 0 0 0.75rem; }
      .summary { margin: 0; font-weight: 600; }
      .summary .muted { color: var(--ll-muted); font-weight: 400; }
      .sort { display: flex; align-items: center; gap: 0.5rem; margin-left: auto; }
      .sort label { margin: 0; font-weight: 600; color: var(--ll-muted); }
      .sort select { width: auto; min-height: 2.25rem; padding: 0.3rem 0.5rem; }
      .toggle { display: none; }
      ll-filter-chips { margin-bottom: 1rem; }
      .layout { display: grid; grid-template-columns: 16.5rem 1fr; gap: 1.5rem; align-items: start; }
      aside { padding: 1rem 1.1rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.25rem; position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; }
      aside h2 { font-size: 1rem; margin: 0; }
      .more-filters { display: grid; gap: 0.75rem; }
      .more-filters label.inline { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; margin: 0; }
      .more-filters select { min-height: 2.25rem; padding: 0.3rem 0.5rem; }
      .legend { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ll-muted); margin-bottom: 0.4rem; }
      input[type='checkbox'] { width: 1.05rem; height: 1.05rem; accent-color: var(--ll-accent); margin: 0; }
      .results { min-width: 0; }
      .results[aria-busy='true'] ol { opacity: 0.55; transition: opacity 0.15s; }
      ol.hits { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: 0.75rem; }
      .skeleton { height: 8rem; border-radius: var(--ll-radius); background: linear-gradient(90deg, #eceff3 0%, #f6f7f9 50%, #eceff3 100%); background-size: 200% 100%; animation: shimmer 1.2s infinite; }
      @keyframes shimmer { to { background-position: -200% 0; } }
      @media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } }
      .state { padding: 2.5rem 1.5rem; text-align: center; }
      .state h2 { margin: 0 0 0.5rem; font-size: 1.2rem; }
      .state p { color: var(--ll-muted); margin: 0 0 1rem; }
      .state.error h2 { color: var(--ll-danger); }
      .apply { display: none; }
      @media (max-width: 800px) {
        .hero h1 { font-size: 1.5rem; }
        .hero .lead { margin-bottom: 1rem; }
        .summary { order: 3; flex-basis: 100%; }
        .apply { display: flex; justify-content: center; }
        .layout { grid-template-columns: 1fr; gap: 1rem; }
        .toggle { display: inline-flex; }
        aside { position: static; max-height: none; }
        aside:not(.open) { display: none; }
        .sort { margin-left: 0; }
      }
      @media (max-width: 480px) {
        .sort { margin-left: auto; }
        /* The select says what it sorts by; its label stays for screen readers only. */
        .sort label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _state: SearchParams = readState(location.search);
  /** What the search box shows; reaches the URL after a pause in typing. */
  @state() private _q = this._state.q ?? '';
  @state() private _filtersOpen = false;
  /** Only verified recruiters may filter by experience and work authorization (the API refuses anyone else). */
  @state() private _recruiter = false;
  /** Display names of slugs and codes seen so far, so chips keep a name when a value's count drops to 0. */
  private _labels: Record<'employer' | 'list' | 'country', Record<string, string>> = { employer: {}, list: {}, country: {} };
  /** Opened from a saved search of the workspace: results confirmed after the visit before this one are new. */
  @state() private _newSince: string | undefined;
  private _typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the current history entry belongs to the query being typed. */
  private _typing = false;

  private _search = new Task(this, {
    task: async ([params], { signal }) => {
      const result = await searchProfiles(params, signal);
      rememberPreviews(result.hits);
      for (const key of ['employer', 'list', 'country'] as const) Object.assign(this._labels[key], result.labels[key]);
      return result;
    },
    args: () => [this._state] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this._onLocation);
    window.addEventListener('ll-navigate', this._onLocation);
    rememberSearch(this._state);
    void this._recordVisit();
    void signedIn().then((me) => (this._recruiter = me?.recruiterState === 'verified'));
  }

  /** `?saved=<id>` (the workspace's Run, an alert's link): records the visit and learns the previous one. */
  private async _recordVisit() {
    const saved = Number(new URLSearchParams(location.search).get('saved'));
    if (!Number.isInteger(saved) || saved < 1) return;
    const me = await signedInRecruiter();
    if (!me) return;
    try {
      this._newSince = (await visitSavedSearch(me, saved)).previousVisitAt ?? undefined;
    } catch {
      // A deleted search or another account's link: the results stay, without marks.
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this._onLocation);
    window.removeEventListener('ll-navigate', this._onLocation);
    clearTimeout(this._typingTimer);
    super.disconnectedCallback();
  }

  private _onLocation = () => {
    if (location.pathname !== '/') return;
    clearTimeout(this._typingTimer);
    this._typing = false;
    const next = readState(location.search);
    if (stateUrl(next) === stateUrl(this._state)) return;
    if (next.page !== this._state.page) window.scrollTo(0, 0);
    this._state = next;
    this._q = next.q ?? '';
    rememberSearch(next);
  };

  /** Makes `next` the state; `push` adds a history entry, `replace` rewrites the current one. */
  private _commit(next: SearchParams, mode: 'push' | 'replace' = 'push') {
    this._state = next;
    rememberSearch(next);
    const url = stateUrl(next);
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private _onQueryInput(event: CustomEvent<{ value: string }>) {
    this._q = event.detail.value;
    clearTimeout(this._typingTimer);
    this._typingTimer = setTimeout(() => {
      this._commit(withParam(this._state, 'q', this._q.trim()), this._typing ? 'replace' : 'push');
      this._typing = true;
    }, TYPING_DELAY_MS);
  }

  private _onQueryCommit(event: CustomEvent<{ value: string }>) {
    clearTimeout(this._typingTimer);
    this._q = event.detail.value;
    this._commit(withParam(this._state, 'q', this._q.trim()), this._typing ? 'replace' : 'push');
    this._typing = false;
  }

  /** Any change other than typing: it gets its own history entry. */
  private _change(next: SearchParams) {
    clearTimeout(this._typingTimer);
    this._typing = false;
    this._commit(next);
  }

  private _onFacetToggle(event: CustomEvent<{ facet: Facet; value: string }>) {
    this._change(toggleValue(this._state, event.detail.facet, event.detail.value));
  }

  private _onChipRemove(event: CustomEvent<{ key: string; value: string }>) {
    const { key, value } = event.detail;
    const facet = FACETS.find((f) => f === key);
    this._change(facet ? withValues(this._state, facet, valuesOf(this._state, facet).filter((v) => v !== value)) : withParam(this._state, key, undefined));
  }

  private _clearAll = () => this._change(clearFilters(this._state));

  /** On a small screen, closes the filter panel and brings the results into view. */
  private _showResults = () => {
    this._filtersOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector('.results')?.scrollIntoView({ block: 'start' }));
  };

  private _onSelect(key: string) {
    return (event: Event) => this._change(withParam(this._state, key, (event.target as HTMLSelectElement).value || undefined));
  }

  private _onCheck(key: string, value: string) {
    return (event: Event) => this._change(withParam(this._state, key, (event.target as HTMLInputElement).checked ? value : undefined));
  }

  private _label(facet: Facet): (value: string) => string {
    switch (facet) {
      case 'employer':
        return (v) => this._labels.employer[v] ?? v;
      case 'list':
        return (v) => this._labels.list[v] ?? v;
      case 'country':
        return (v) => this._labels.country[v] ?? countryName(v);
      case 'seniority':
        return seniorityLabel;
      case 'remote':
        return remoteLabel;
      default:
        return (v) => v;
    }
  }

  private _chips(): Chip[] {
    const s = this._state;
    const chips: Chip[] = FACETS.flatMap((facet) => {
      const label = this._label(facet);
      return valuesOf(s, facet).map((value) => ({ key: facet, value, label: facet === 'employer' ? `Ex-${label(value)}` : label(value) }));
    });
    const add = (key: string, label: string | undefined) => {
      if (s[key] && label) chips.push({ key, value: s[key]!, label });
    };
    add('layoffFrom', s.layoffFrom && `Laid off since ${dateLabel(s.layoffFrom)}`);
    add('layoffTo', s.layoffTo && `Laid off by ${dateLabel(s.layoffTo)}`);
    add('yearsMin', s.yearsMin && `${s.yearsMin}+ years`);
    add('yearsMax', s.yearsMax && `Up to ${s.yearsMax} years`);
    add('workAuthorization', s.workAuthorization && workAuthorizationLabel(s.workAuthorization));
    add('relocation', s.relocation && (s.relocation === 'true' ? 'Open to relocation' : 'Not relocating'));
    add('confirmedWithin', s.confirmedWithin && `Confirmed in the last ${s.confirmedWithin} days`);
    add('since', s.since && /^\d+$/.test(s.since) ? `New since ${new Date(Number(s.since) * 1000).toLocaleDateString('en', { dateStyle: 'medium' })}` : undefined);
    return chips;
  }

  override render() {
    const result = this._search.value;
    const busy = this._search.status === TaskStatus.PENDING;
    const activeCount = this._chips().length;
    return html`
      <div class="hero">
        <h1>Find laid-off talent, open to work</h1>
        <p class="lead">Every person here chose to be listed. Narrow by skill, place and former employer, then write to them; we pass your message on.</p>
        <ll-search-box .value=${this._q} @ll-query-input=${this._onQueryInput} @ll-query-commit=${this._onQueryCommit}></ll-search-box>
      </div>
      <div class="toolbar">
        <button class="toggle secondary" type="button" aria-expanded=${this._filtersOpen ? 'true' : 'false'} aria-controls="filters"
          @click=${() => (this._filtersOpen = !this._filtersOpen)}>
          ${this._filtersOpen ? 'Hide filters' : 'Filters'}${activeCount ? ` (${activeCount})` : ''}
        </button>
        <p class="summary" role="status" aria-live="polite">${this._summary(result, busy)}</p>
        <div class="sort">
          <label for="sort">Sort by</label>
          <select id="sort" @change=${this._onSelect('sort')}>
            <option value="" ?selected=${!this._state.sort}>Best match</option>
            <option value="layoff_desc" ?selected=${this._state.sort === 'layoff_desc'}>Most recently laid off</option>
            <option value="updated_desc" ?selected=${this._state.sort === 'updated_desc'}>Recently updated</option>
            <option value="confirmed_desc" ?selected=${this._state.sort === 'confirmed_desc'}>Recently confirmed</option>
          </select>
        </div>
      </div>
      <ll-save-search .query=${savedQuery(this._state)} .suggestedName=${this._suggestedName()}></ll-save-search>
      <ll-filter-chips .chips=${this._chips()} @ll-chip-remove=${this._onChipRemove} @ll-chips-clear=${this._clearAll}></ll-filter-chips>
      <div class="layout" @ll-facet-toggle=${this._onFacetToggle}>
        ${this._filtersPanel(result)}
        <section class="results" aria-label="Results" aria-busy=${busy ? 'true' : 'false'}>${this._results(result)}</section>
      </div>
    `;
  }

  /** What a saved search of this state is about: its words and filters, as its chips say them. */
  private _suggestedName(): string {
    const parts = [this._state.q, ...this._chips().filter((c) => c.key !== 'since').map((c) => c.label)].filter(Boolean);
    return (parts.join(', ') || 'Everyone').slice(0, 100);
  }

  private _summary(result: SearchResult | undefined, busy: boolean) {
    if (!result) return busy ? 'Searching…' : '';
    const people = peopleLabel(result.total, result.total >= MAX_TOTAL_HITS);
    const q = this._state.q;
    return html`${people}${q ? html` <span class="muted">for “${q}”</span>` : nothing}${busy ? html` <span class="muted">· searching…</span>` : nothing}`;
  }

  private _filtersPanel(result: SearchResult | undefined) {
    const s = this._state;
    const since = s.layoffFrom;
    const presetDates = LAID_OFF_SINCE.map((p) => ({ ...p, date: daysAgo(p.days) }));
    const custom = since && !presetDates.some((p) => p.date === since);
    return html`
      <aside id="filters" class="card ${this._filtersOpen ? 'open' : ''}" aria-label="Filters">
        ${PANELS.map(
          (panel) => html`<ll-facet-list
            .facet=${panel.facet}
            .heading=${panel.heading}
            .counts=${result?.facets[panel.facet] ?? {}}
            .selected=${valuesOf(s, panel.facet)}
            .label=${this._label(panel.facet)}
            .params=${s}
            ?searchable=${isSearchableFacet(panel.facet)}
          ></ll-facet-list>`,
        )}
        <div class="more-filters">
          <div>
            <label class="legend" for="since">Laid off</label>
            <select id="since" @change=${this._onSelect('layoffFrom')}>
              <option value="" ?selected=${!since}>Any time</option>
              ${presetDates.map((p) => html`<option value=${p.date} ?selected=${p.date === since}>${p.label}</option>`)}
              ${custom ? html`<option value=${since} selected>Since ${dateLabel(since)}</option>` : nothing}
            </select>
          </div>
          <div>
            <label class="legend" for="confirmed">Confirmed still looking</label>
            <select id="confirmed" @change=${this._onSelect('confirmedWithin')}>
              <option value="" ?selected=${!s.confirmedWithin}>Any time</option>
              ${CONFIRMED_WITHIN.map((p) => html`<option value=${p.days} ?selected=${s.confirmedWithin === String(p.days)}>${p.label}</option>`)}
              ${s.confirmedWithin && !CONFIRMED_WITHIN.some((p) => String(p.days) === s.confirmedWithin)
                ? html`<option value=${s.confirmedWithin} selected>Last ${s.confirmedWithin} days</option>`
                : nothing}
            </select>
          </div>
          ${this._recruiter
            ? html`<div>
                  <label class="legend" for="years">Experience</label>
                  <select id="years" @change=${this._onSelect('yearsMin')}>
                    <option value="" ?selected=${!s.yearsMin}>Any</option>
                    ${YEARS_MIN.map((n) => html`<option value=${n} ?selected=${s.yearsMin === String(n)}>${n}+ years</option>`)}
                    ${s.yearsMin && !YEARS_MIN.map(String).includes(s.yearsMin) ? html`<option value=${s.yearsMin} selected>${s.yearsMin}+ years</option>` : nothing}
                  </select>
                </div>
                <label class="inline"><input type="checkbox" .checked=${s.workAuthorization === 'authorized'} @change=${this._onCheck('workAuthorization', 'authorized')} />No visa sponsorship needed</label>`
            : html`<p class="hint"><a href="/sign-in">Verified recruiters</a> also filter by experience and work authorization, and page through every result.</p>`}
          <label class="inline"><input type="checkbox" .checked=${s.relocation === 'true'} @change=${this._onCheck('relocation', 'true')} />Open to relocation</label>
        </div>
        <button class="apply" type="button" @click=${this._showResults}>
          ${result ? `Show ${peopleLabel(result.total)}` : 'Show results'}
        </button>
      </aside>
    `;
  }

  private _results(result: SearchResult | undefined) {
    const error = this._search.error;
    if (this._search.status === TaskStatus.ERROR) {
      const unavailable = error instanceof ApiError && error.status === 503;
      return html`<div class="card state error" role="alert">
        <h2>${unavailable ? 'Search is temporarily unavailable' : 'This search did not work'}</h2>
        <p>${unavailable ? 'We are on it. Please try again in a minute.' : error instanceof ApiError ? error.message : 'Something went wrong. Please try again.'}</p>
        ${unavailable
          ? html`<button type="button" @click=${() => void this._search.run()}>Try again</button>`
          : html`<button type="button" class="secondary" @click=${this._clearAll}>Clear all filters</button>`}
      </div>`;
    }
    if (!result) return html`<div aria-hidden="true"><div class="skeleton"></div><br /><div class="skeleton"></div><br /><div class="skeleton"></div></div>`;
    if (result.hits.length === 0 && result.total > 0) {
      return html`<div class="card state">
        <h2>There is no page ${result.page}</h2>
        <p>This search has ${result.totalPages} ${result.totalPages === 1 ? 'page' : 'pages'} of results.</p>
        <a class="button secondary" href=${stateUrl(withParam(this._state, 'page', undefined))}>Go to the first page</a>
      </div>`;
    }
    if (result.hits.length === 0) {
      return html`<div class="card state">
        <h2>No one matches this search yet</h2>
        <p>${hasFilters(this._state) ? 'Try removing a filter, or a broader word.' : 'Try another word: a skill, a role or a company.'}</p>
        ${hasFilters(this._state) ? html`<button type="button" class="secondary" @click=${this._clearAll}>Clear all filters</button>` : nothing}
      </div>`;
    }
    const skills = valuesOf(this._state, 'skills');
    return html`
      <ol class="hits">
        ${result.hits.map(
          (hit) => html`<li><ll-profile-card .hit=${hit} .selectedSkills=${skills} ?isNew=${this._newSince !== undefined && hit.confirmedAt > this._newSince}></ll-profile-card></li>`,
        )}
      </ol>
      <ll-pagination .page=${result.page} .totalPages=${Math.min(result.totalPages, Math.floor(MAX_TOTAL_HITS / result.hitsPerPage))}
        .hrefFor=${(p: number) => stateUrl(withParam(this._state, 'page', p > 1 ? String(p) : undefined))}></ll-pagination>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-search-page': LlSearchPage;
  }
}
