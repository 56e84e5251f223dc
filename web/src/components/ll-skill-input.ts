import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LIMITS } from '../../../common/normalize/profile-fields.js';
import { canonicalSkill } from '../../../common/normalize/skills.js';
import { suggestSkills, type SkillSuggestion } from '../api/profiles.js';
import { controls, tokens } from '../styles.js';
import { SuggestionsController } from './suggestions-controller.js';

/**
 * Skills as chips: type and press Enter (or a comma), or pick a suggestion from the catalog.
 * Each chip shows the canonical name at once ("k8s" becomes Kubernetes), as the server will
 * store it. Fires `ll-skills-change` with the new list.
 */
@customElement('ll-skill-input')
export class LlSkillInput extends LitElement {
  static override styles = [tokens, controls, css`
      :host { display: block; }
      .chips { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0 0 0.5rem; padding: 0; }
      .chips:empty { display: none; }
      .chip { display: inline-flex; align-items: center; gap: 0.25rem; background: var(--ll-accent-soft); color: var(--ll-accent-strong);
        border-radius: 999px; padding: 0.2rem 0.25rem 0.2rem 0.7rem; font-weight: 600; font-size: 0.9rem; }
      .chip button { min-height: 1.75rem; min-width: 1.75rem; padding: 0; justify-content: center; border-radius: 999px;
        background: transparent; border: 0; color: inherit; font-size: 1.1rem; line-height: 1; }
      .chip button:hover { background: rgb(15 118 110 / 15%); }
      input[aria-invalid='true'] { border-color: var(--ll-danger); }
      .count { float: right; }
    `,
  ];

  @property({ type: Array }) skills: string[] = [];
  @property() error = '';
  @state() private _draft = '';
  @state() private _announcement = '';

  private _suggestions = new SuggestionsController<SkillSuggestion>(this, suggestSkills);

  /** Focus goes to the text box, so the form can point at this field. */
  override focus() {
    this.renderRoot.querySelector<HTMLInputElement>('#skill')?.focus();
  }

  override render() {
    const full = this.skills.length >= LIMITS.skills;
    const chosen = new Set(this.skills.map((s) => s.toLowerCase()));
    return html`
      <label for="skill">Skills <span class="hint count">${this.skills.length} of ${LIMITS.skills}</span></label>
      <p class="hint" id="skill-hint">What you are good at: tools, languages, trades. Press Enter after each one. Recruiters filter by these.</p>
      <ul class="chips" aria-label="Your skills">
        ${this.skills.map(
          (skill) => html`<li class="chip">
            ${skill}<button type="button" aria-label="Remove ${skill}" @click=${() => this._remove(skill)}>×</button>
          </li>`,
        )}
      </ul>
      <input
        id="skill"
        list="skill-options"
        autocomplete="off"
        enterkeyhint="enter"
        maxlength=${LIMITS.skill}
        placeholder=${full ? 'That is the most a profile can have' : 'e.g. React, Figma, Salesforce, Payroll'}
        ?disabled=${full}
        .value=${this._draft}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby="skill-hint ${this.error ? 'skill-error' : ''}"
        @input=${this._onInput}
        @keydown=${this._onKeydown}
        @change=${this._onChange}
      />
      <datalist id="skill-options">
        ${this._suggestions.items
          .filter((s) => !chosen.has(s.name.toLowerCase()))
          .map((s) => html`<option value=${s.name}>${s.count > 0 ? `${s.count} listed` : nothing}</option>`)}
      </datalist>
      ${this.error ? html`<p class="error" id="skill-error">${this.error}</p>` : nothing}
      <p class="visually-hidden" role="status">${this._announcement}</p>
    `;
  }

  private _onInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    // A pick from the suggestion list replaces the text with a suggestion: take it as a chip.
    const picked = event.inputType === undefined || event.inputType === '' || event.inputType === 'insertReplacementText';
    if (picked && this._suggestions.items.some((s) => s.name === input.value)) {
      this._add(input.value);
      return;
    }
    if (input.value.includes(',')) {
      this._add(input.value);
      return;
    }
    this._draft = input.value;
    this._suggestions.request(input.value);
  }

  private _onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this._add(this._draft);
    } else if (event.key === 'Backspace' && this._draft === '' && this.skills.length > 0) {
      this._remove(this.skills.at(-1)!);
    }
  }

  /** Leaving the field with a half-typed skill keeps it. */
  private _onChange() {
    if (this._draft.trim()) this._add(this._draft);
  }

  private _add(raw: string) {
    const next = [...this.skills];
    const added: string[] = [];
    for (const part of raw.split(',')) {
      const skill = canonicalSkill(part);
      if (!skill || next.length >= LIMITS.skills || next.some((s) => s.toLowerCase() === skill.toLowerCase())) continue;
      next.push(skill);
      added.push(skill);
    }
    this._draft = '';
    this._suggestions.request('');
    if (added.length > 0) {
      this._announcement = `Added ${added.join(', ')}. ${next.length} skills.`;
      this._emit(next);
    }
  }

  private _remove(skill: string) {
    const next = this.skills.filter((s) => s !== skill);
    this._announcement = `Removed ${skill}. ${next.length} skills.`;
    this._emit(next);
    this.renderRoot.querySelector<HTMLInputElement>('#skill')?.focus();
  }

  private _emit(skills: string[]) {
    this.skills = skills;
    this.dispatchEvent(new CustomEvent('ll-skills-change', { bubbles: true, composed: true, detail: skills }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-skill-input': LlSkillInput;
  }
}
