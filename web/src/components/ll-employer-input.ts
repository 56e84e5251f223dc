import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LIMITS } from '../../../common/normalize/profile-fields.js';
import { suggestEmployers, type EmployerSuggestion } from '../api/profiles.js';
import { controls, tokens } from '../styles.js';
import { SuggestionsController } from './suggestions-controller.js';

/**
 * The former employer, with suggestions of the canonical names ("Facebook" offers Meta), so
 * that everyone from one company is found under one name. Fires `ll-employer-change`.
 */
@customElement('ll-employer-input')
export class LlEmployerInput extends LitElement {
  static override styles = [tokens, controls, css`
      :host { display: block; }
      input[aria-invalid='true'] { border-color: var(--ll-danger); }
    `,
  ];

  @property() value = '';
  @property() error = '';

  private _suggestions = new SuggestionsController<EmployerSuggestion>(this, suggestEmployers);

  /** Focus goes to the text box, so the form can point at this field. */
  override focus() {
    this.renderRoot.querySelector<HTMLInputElement>('#employer')?.focus();
  }

  override render() {
    return html`
      <label for="employer">Former employer</label>
      <p class="hint" id="employer-hint">The company that laid you off. Pick a suggestion when you see it, so recruiters find everyone from there.</p>
      <input
        id="employer"
        list="employer-options"
        autocomplete="organization"
        maxlength=${LIMITS.formerEmployer}
        required
        .value=${this.value}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby="employer-hint ${this.error ? 'employer-error' : ''}"
        @input=${this._onInput}
      />
      <datalist id="employer-options">
        ${this._suggestions.items.map(
          (e) => html`<option value=${e.name}>${e.alias ? `also ${e.alias}` : nothing}${e.count > 0 ? ` · ${e.count} listed` : nothing}</option>`,
        )}
      </datalist>
      ${this.error ? html`<p class="error" id="employer-error">${this.error}</p>` : nothing}
    `;
  }

  private _onInput(event: InputEvent) {
    this.value = (event.target as HTMLInputElement).value;
    this._suggestions.request(this.value);
    this.dispatchEvent(new CustomEvent('ll-employer-change', { bubbles: true, composed: true, detail: this.value }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-employer-input': LlEmployerInput;
  }
}
