import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicProfile } from '../api/profiles.js';
import { employmentTypeLabel, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { placeLabel, relocationLabel } from '../labels.js';
import { controls, tokens } from '../styles.js';

/** A person's public profile as recruiters see it: shown to its owner after confirming and when managing. */
@customElement('ll-profile-preview')
export class LlProfilePreview extends LitElement {
  static override styles = [tokens, controls, css`
      :host { display: block; max-width: 52rem; }
      .card { padding: 1.25rem; }
      h2 { margin: 0; font-size: 1.35rem; overflow-wrap: anywhere; }
      .headline { margin: 0.2rem 0 0.75rem; color: var(--ll-muted); overflow-wrap: anywhere; }
      dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 1rem; margin: 0 0 0.75rem; }
      dt { color: var(--ll-muted); }
      dd { margin: 0; overflow-wrap: anywhere; }
      ul { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
      li { background: var(--ll-accent-soft); color: var(--ll-accent-strong); border-radius: 999px; padding: 0.15rem 0.65rem; font-size: 0.9rem; font-weight: 600; }
      .bio { white-space: pre-line; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
      a { color: var(--ll-accent-strong); overflow-wrap: anywhere; }
      @media (max-width: 480px) { dl { grid-template-columns: minmax(0, 1fr); } dd { margin-bottom: 0.35rem; } }
    `,
  ];

  @property({ attribute: false }) profile: PublicProfile | undefined;

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const row = (term: string, value: unknown) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
    return html`<article class="card" aria-label="Public profile of ${p.name}">
      <h2>${p.name}</h2>
      ${p.headline ? html`<p class="headline">${p.headline}</p>` : nothing}
      <ul aria-label="Skills">${p.skills.map((s) => html`<li>${s}</li>`)}</ul>
      <dl>
        ${row('Looking for', [p.role, p.seniority ? seniorityLabel(p.seniority) : null].filter(Boolean).join(' · '))}
        ${row('Former employer', p.formerEmployer?.name)}
        ${row('Laid off', p.layoffDate)}
        ${row('Location', placeLabel(p))}
        ${row('Work', [p.remote ? remoteLabel(p.remote) : null, ...p.employmentTypes.map(employmentTypeLabel)].filter(Boolean).join(' · '))}
        ${row('Relocation', p.relocation === null ? null : relocationLabel(p.relocation))}
        ${row('Authorization', p.workAuthorization ? workAuthorizationLabel(p.workAuthorization) : null)}
        ${row('Available from', p.availableFrom)}
        ${row('Email', p.email)}
        ${row('LinkedIn', p.linkedinUrl ? html`<a href=${p.linkedinUrl} rel="noopener noreferrer" target="_blank">${p.linkedinUrl}</a>` : null)}
        ${row('Website', p.websiteUrl ? html`<a href=${p.websiteUrl} rel="noopener noreferrer nofollow" target="_blank">${p.websiteUrl}</a>` : null)}
      </dl>
      ${p.bio ? html`<p class="bio">${p.bio}</p>` : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-profile-preview': LlProfilePreview;
  }
}
