import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SearchHit } from '../api/search.js';
import { remoteLabel, seniorityLabel } from '../../../common/labels.js';
import { confirmedLabel, monthLabel, placeLabel } from '../labels.js';
import { controls, tokens } from '../styles.js';
import './ll-shortlist-button.js';

const SKILLS_SHOWN = 8;

/** Initials for the avatar: "Ada Lovelace" → "AL". */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]!.toUpperCase())
    .join('');

/** One search result. Skills toggle a skill filter (`ll-facet-toggle`). */
@customElement('ll-profile-card')
export class LlProfileCard extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      article { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; padding: 1.1rem 1.25rem; }
      .avatar {
        grid-row: span 4; width: 3rem; height: 3rem; border-radius: 50%; display: grid; place-items: center;
        background: var(--ll-accent-soft); color: var(--ll-accent-strong); font-weight: 800; letter-spacing: 0.02em;
      }
      .top { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; }
      h3 { margin: 0; font-size: 1.1rem; line-height: 1.3; }
      h3 a { color: var(--ll-text); text-decoration: none; }
      h3 a:hover { color: var(--ll-accent-strong); text-decoration: underline; }
      .role { color: var(--ll-text); font-weight: 600; margin: 0; }
      .headline { color: var(--ll-muted); margin: 0; }
      .meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; color: var(--ll-muted); font-size: 0.9rem; margin: 0.2rem 0 0; padding: 0; list-style: none; }
      .meta a { color: var(--ll-accent-strong); font-weight: 600; text-decoration: none; }
      .meta a:hover { text-decoration: underline; }
      .skills { grid-column: 2; display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.5rem 0 0; padding: 0; list-style: none; }
      .skills button {
        min-height: 1.9rem; padding: 0.1rem 0.6rem; border-radius: 999px; font-weight: 500; font-size: 0.85rem;
        background: var(--ll-page); color: var(--ll-text); border: 1px solid var(--ll-border);
      }
      .skills button:hover { border-color: var(--ll-accent); background: var(--ll-surface); }
      .skills button[aria-pressed='true'] { background: var(--ll-accent-soft); border-color: var(--ll-accent); color: var(--ll-accent-strong); }
      .skills .more { color: var(--ll-muted); font-size: 0.85rem; align-self: center; }
      .linkedin { display: inline-flex; align-items: center; gap: 0.3rem; font-size: 0.9rem; font-weight: 600; color: #0a66c2; text-decoration: none; white-space: nowrap; }
      .linkedin:hover { text-decoration: underline; }
      .new { display: inline-block; margin-left: 0.5rem; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.75rem; font-weight: 700;
        background: #fef0c7; color: #93370d; vertical-align: middle; }
      .actions { grid-column: 2; margin-top: 0.5rem; }
      .linkedin svg { width: 1rem; height: 1rem; }
      @media (max-width: 480px) {
        article { grid-template-columns: 1fr; padding: 1rem; }
        .avatar { display: none; }
        .skills, .actions { grid-column: 1; }
      }
    `,
  ];

  @property({ attribute: false }) hit!: SearchHit;
  @property({ attribute: false }) selectedSkills: string[] = [];
  /** Confirmed since the recruiter last opened this saved search. */
  @property({ type: Boolean }) isNew = false;

  override render() {
    const hit = this.hit;
    const place = placeLabel(hit);
    const role = [hit.role, hit.seniority ? seniorityLabel(hit.seniority) : null].filter(Boolean).join(' · ');
    const extra = hit.skills.length - SKILLS_SHOWN;
    return html`
      <article class="card" aria-labelledby="name">
        <div class="avatar" aria-hidden="true">${initials(hit.name)}</div>
        <div class="top">
          <h3 id="name"><a href="/p/${encodeURIComponent(hit.slug)}">${hit.name}</a>${this.isNew ? html`<span class="new">New since your last visit</span>` : nothing}</h3>
          ${hit.linkedinUrl
            ? html`<a class="linkedin" href=${hit.linkedinUrl} target="_blank" rel="noopener noreferrer" aria-label="${hit.name} on LinkedIn (opens in a new tab)">
                <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4.98 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5ZM3 9.75h4v11H3v-11Zm6.5 0h3.8v1.5h.06c.53-1 1.83-2.05 3.77-2.05 4.03 0 4.77 2.65 4.77 6.1v5.45h-4v-4.83c0-1.15-.02-2.64-1.6-2.64-1.61 0-1.86 1.26-1.86 2.55v4.92h-4v-11Z"/></svg>
                LinkedIn</a>`
            : nothing}
        </div>
        ${role ? html`<p class="role">${role}</p>` : nothing}
        ${hit.headline ? html`<p class="headline">${hit.headline}</p>` : nothing}
        <ul class="meta">
          ${place ? html`<li>${place}</li>` : nothing}
          ${hit.remote ? html`<li>${remoteLabel(hit.remote)}</li>` : nothing}
          ${hit.formerEmployer
            ? html`<li>Ex-<a href="/employers/${encodeURIComponent(hit.formerEmployer.slug)}">${hit.formerEmployer.name}</a>${hit.layoffDate ? html`, laid off ${monthLabel(hit.layoffDate)}` : nothing}</li>`
            : hit.layoffDate
              ? html`<li>Laid off ${monthLabel(hit.layoffDate)}</li>`
              : nothing}
          ${hit.yearsExperience != null ? html`<li>${hit.yearsExperience} yrs experience</li>` : nothing}
          <li class="confirmed" title="When ${hit.name} last said they are still looking">${confirmedLabel(hit.confirmedAt)}</li>
        </ul>
        ${hit.skills.length
          ? html`<ul class="skills" aria-label="Skills">
              ${hit.skills.slice(0, SKILLS_SHOWN).map(
                (skill) => html`<li><button type="button" aria-pressed=${this.selectedSkills.includes(skill) ? 'true' : 'false'}
                  title="Filter by ${skill}" @click=${() => this._toggleSkill(skill)}>${skill}</button></li>`,
              )}
              ${extra > 0 ? html`<li class="more">+${extra} more</li>` : nothing}
            </ul>`
          : nothing}
        <div class="actions"><ll-shortlist-button .slug=${hit.slug} .name=${hit.name}></ll-shortlist-button></div>
      </article>
    `;
  }

  private _toggleSkill(value: string) {
    this.dispatchEvent(new CustomEvent('ll-facet-toggle', { bubbles: true, composed: true, detail: { facet: 'skills', value } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-profile-card': LlProfileCard;
  }
}
