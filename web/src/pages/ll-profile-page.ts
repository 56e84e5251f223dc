import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { getPublicProfile, type PublicProfile } from '../api/profiles.js';
import type { SearchHit } from '../api/search.js';
import { getList } from '../api/talent.js';
import type { Me } from '../api/account.js';
import '../components/ll-contact-form.js';
import '../components/ll-shortlist-button.js';
import { initials } from '../components/ll-profile-card.js';
import { employmentTypeLabel, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { dateLabel, placeLabel, relocationLabel } from '../labels.js';
import { notice, slugParam } from '../page-parts.js';
import { previewOf } from '../profile-preview.js';
import { lastSearchUrl, stateUrl } from '../search-state.js';
import { signedIn } from '../session.js';
import { controls, page, tokens } from '../styles.js';

/**
 * One person: what they chose to show, and a form to write to them. A search hit already seen
 * is shown at once while the full profile loads.
 */
@customElement('ll-profile-page')
export class LlProfilePage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    notice,
    css`
      .back { display: inline-block; margin-bottom: 1rem; font-weight: 600; text-decoration: none; }
      .back:hover { text-decoration: underline; }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1.5rem; align-items: start; }
      .profile { padding: 1.5rem; }
      header { display: flex; gap: 1.1rem; align-items: center; margin-bottom: 1rem; }
      .avatar { flex: none; width: 4.5rem; height: 4.5rem; border-radius: 50%; display: grid; place-items: center; background: var(--ll-accent-soft); color: var(--ll-accent-strong); font-weight: 800; font-size: 1.5rem; }
      header h1 { margin: 0; }
      .role { margin: 0.15rem 0 0; font-weight: 600; }
      .headline { font-size: 1.1rem; margin: 0 0 1.25rem; color: var(--ll-text); }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1.25rem; margin: 0 0 1.25rem; }
      dt { color: var(--ll-muted); font-weight: 600; }
      dd { margin: 0; }
      h2 { font-size: 1.05rem; margin: 1.25rem 0 0.6rem; }
      .skills { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
      .skills a { display: inline-block; padding: 0.25rem 0.7rem; border-radius: 999px; background: var(--ll-page); border: 1px solid var(--ll-border); color: var(--ll-text); text-decoration: none; font-size: 0.9rem; }
      .skills a:hover { border-color: var(--ll-accent); color: var(--ll-accent-strong); }
      .bio { white-space: pre-line; margin: 0; overflow-wrap: anywhere; }
      .links { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1.25rem; }
      .contact { padding: 1.25rem; position: sticky; top: 1rem; }
      .contact h2 { margin-top: 0; }
      .loading { color: var(--ll-muted); font-size: 0.9rem; }
      .jump { display: none; margin: -0.25rem 0 1rem; }
      .warn { background: var(--ll-danger-soft); color: var(--ll-danger); border-radius: 8px; padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
      @media (max-width: 860px) {
        .jump { display: inline-flex; }
        .layout { grid-template-columns: 1fr; }
        .contact { position: static; }
      }
      @media (max-width: 480px) {
        .profile { padding: 1.1rem; }
        .avatar { width: 3.25rem; height: 3.25rem; font-size: 1.1rem; }
        dl { grid-template-columns: 1fr; gap: 0.1rem; }
        dd { margin-bottom: 0.5rem; }
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  /** Who is reading: the contact form is for verified recruiters. */
  private _me = new Task(this, { task: () => signedIn(), args: () => [] });

  private _profile = new Task(this, {
    task: ([slug], { signal }) => getPublicProfile(slug, signal),
    args: () => [slugParam(this.params)] as const,
    onComplete: (profile) => (document.title = `${profile.name} · Lifeline`),
  });

  /** The titles of the person's layoff lists; their slugs show until these arrive. */
  private _listTitles = new Task(this, {
    task: async ([slugs], { signal }) => {
      const lists = await Promise.all(slugs.map((slug) => getList(slug, signal).catch(() => undefined)));
      return new Map(lists.flatMap((list) => (list ? [[list.slug, list.title] as const] : [])));
    },
    args: () => [this._profile.value?.lists ?? NO_LISTS] as const,
  });

  override render() {
    const back = html`<a class="back" href=${lastSearchUrl()}>← Back to search</a>`;
    const preview = previewOf(slugParam(this.params));
    const { status, error, value } = this._profile;
    if (status === TaskStatus.ERROR && error instanceof ApiError && error.status === 404) {
      return html`${back}
        <div class="card notice" role="alert">
          <h1>This profile is not listed</h1>
          <p>The person may have hidden or removed it. Everyone on Lifeline decides whether they are listed.</p>
          <a class="button secondary" href="/">Search all talent</a>
        </div>`;
    }
    const profile: Shown | undefined = value ?? preview;
    if (!profile) {
      if (status === TaskStatus.ERROR) {
        return html`${back}
          <div class="card notice" role="alert">
            <h1>This profile could not load</h1>
            <p>${error instanceof ApiError ? error.message : 'Please try again.'}</p>
            <button type="button" @click=${() => void this._profile.run()}>Try again</button>
          </div>`;
      }
      return html`${back}<p class="muted" role="status">Loading profile…</p>`;
    }
    return html`${back}
      ${status === TaskStatus.ERROR ? html`<p class="warn" role="alert">Some details could not load. What you see comes from the search.</p>` : nothing}
      <div class="layout">
        ${this._details(profile, status === TaskStatus.PENDING)}
        <section class="card contact" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Write to ${firstName(profile.name)}</h2>
          ${this._contact(profile)}
        </section>
      </div>`;
  }

  /** The form for a verified recruiter; for anyone else, how to become one. */
  private _contact(profile: Shown) {
    const me: Me | undefined = this._me.value;
    if (me?.recruiterState === 'verified') {
      return html`<ll-contact-form .slug=${profile.slug} .recipient=${firstName(profile.name)} .me=${me}></ll-contact-form>`;
    }
    if (me?.role === 'recruiter') {
      return html`<p>Only verified recruiters can write to people on Lifeline. <a href="/account">See where your account stands</a>.</p>`;
    }
    const here = `${location.pathname}${location.search}`;
    return html`<p>Sign in as a recruiter to contact ${firstName(profile.name)}. Lifeline passes on messages from verified recruiters
        only, so people here hear from real employers.</p>
      <p class="row"><a class="button" href="/sign-in?next=${encodeURIComponent(here)}">Sign in as a recruiter to contact</a>
        <a href="/recruiters/join">Create a recruiter account</a></p>`;
  }

  /** On a narrow screen the form is below the profile: bring it up and start at its first field. */
  private _toContact() {
    const section = this.renderRoot.querySelector<HTMLElement>('.contact');
    section?.scrollIntoView({ block: 'start' });
    const form = this.renderRoot.querySelector('ll-contact-form');
    if (form) form.focus();
    else section?.querySelector<HTMLElement>('a')?.focus();
  }

  private _details(p: Shown, loading: boolean) {
    const place = placeLabel(p);
    const facts: [string, unknown][] = [
      ['Location', place || null],
      ['Work style', p.remote ? remoteLabel(p.remote) : null],
      ['Relocation', p.relocation === null || p.relocation === undefined ? null : relocationLabel(p.relocation)],
      ['Work authorization', p.workAuthorization ? workAuthorizationLabel(p.workAuthorization) : null],
      ['Looking for', p.employmentTypes?.length ? p.employmentTypes.map(employmentTypeLabel).join(', ') : null],
      ['Experience', p.yearsExperience != null ? `${p.yearsExperience} years` : null],
      [
        'Former employer',
        p.formerEmployer ? html`<a href="/employers/${encodeURIComponent(p.formerEmployer.slug)}">${p.formerEmployer.name}</a>` : null,
      ],
      ['Laid off', p.layoffDate ? dateLabel(p.layoffDate) : null],
      ['Available from', p.availableFrom ? dateLabel(p.availableFrom) : null],
      ['Layoff lists', p.lists.length ? listLinks(p.lists, this._listTitles.value) : null],
    ];
    const role = [p.role, p.seniority ? seniorityLabel(p.seniority) : null].filter(Boolean).join(' · ');
    return html`
      <article class="card profile" aria-labelledby="name">
        <header>
          <div class="avatar" aria-hidden="true">${initials(p.name)}</div>
          <div>
            <h1 id="name">${p.name}</h1>
            ${role ? html`<p class="role">${role}</p>` : nothing}
          </div>
        </header>
        <button class="jump" type="button" @click=${this._toContact}>Write to ${firstName(p.name)}</button>
        ${p.headline ? html`<p class="headline">${p.headline}</p>` : nothing}
        <dl>
          ${facts.filter(([, v]) => v !== null).map(([term, v]) => html`<dt>${term}</dt><dd>${v}</dd>`)}
        </dl>
        ${p.skills.length
          ? html`<h2>Skills</h2>
              <ul class="skills">
                ${p.skills.map((skill) => html`<li><a href=${stateUrl({ skills: skill })} title="Find others with ${skill}">${skill}</a></li>`)}
              </ul>`
          : nothing}
        ${p.bio ? html`<h2>About</h2><p class="bio">${p.bio}</p>` : nothing}
        ${loading ? html`<p class="loading" role="status">Loading the full profile…</p>` : nothing}
        <div class="links">
          <ll-shortlist-button .slug=${p.slug} .name=${p.name}></ll-shortlist-button>
          ${p.linkedinUrl ? html`<a class="button secondary" href=${p.linkedinUrl} target="_blank" rel="noopener noreferrer">LinkedIn profile</a>` : nothing}
          ${p.websiteUrl ? html`<a class="button secondary" href=${p.websiteUrl} target="_blank" rel="noopener noreferrer">Website</a>` : nothing}
          ${p.email ? html`<a class="button secondary" href="mailto:${p.email}">${p.email}</a>` : nothing}
        </div>
      </article>
    `;
  }
}

const NO_LISTS: string[] = [];

/** The full profile, or the search hit seen a moment ago while the full one loads. */
type Shown = Omit<SearchHit, 'confirmedAt'> & Partial<Pick<PublicProfile, 'employmentTypes' | 'websiteUrl' | 'bio' | 'email'>>;

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

function listLinks(slugs: string[], titles: Map<string, string> | undefined) {
  return slugs.map((slug, i) => html`${i > 0 ? ', ' : ''}<a href="/lists/${encodeURIComponent(slug)}">${titles?.get(slug) ?? slug}</a>`);
}

declare global {
  interface HTMLElementTagNameMap {
    'll-profile-page': LlProfilePage;
  }
}
