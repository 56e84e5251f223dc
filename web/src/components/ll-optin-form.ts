import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CONSENT_TEXT, CONSENT_VERSION } from '../../../common/consent.js';
import { countryName, employmentTypeLabel, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { COUNTRY_CODES } from '../../../common/normalize/location.js';
import { LIMITS, checkEmail, normalizeProfileFields, type FieldErrors } from '../../../common/normalize/profile-fields.js';
import { EMPLOYMENT_TYPES, REMOTE_PREFERENCES, SENIORITIES, WORK_AUTHORIZATIONS } from '../../../common/profile-codes.js';
import type { CreateProfileBody, OwnProfile, UpdateProfileBody } from '../api/profiles.js';
import { controls, tokens } from '../styles.js';
import './ll-employer-input.js';
import './ll-skill-input.js';

/** The form as typed: strings for inputs, '' for "not said". */
interface FormState {
  name: string;
  email: string;
  headline: string;
  role: string;
  seniority: string;
  yearsExperience: string;
  bio: string;
  skills: string[];
  formerEmployer: string;
  layoffDate: string;
  country: string;
  region: string;
  city: string;
  remote: string;
  relocation: '' | 'yes' | 'no';
  workAuthorization: string;
  employmentTypes: string[];
  availableFrom: string;
  linkedinUrl: string;
  websiteUrl: string;
  showEmail: boolean;
  visibility: 'public' | 'recruiters';
  consent: boolean;
  website2: string;
}

type TextKey = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];

const EMPTY: FormState = {
  name: '', email: '', headline: '', role: '', seniority: '', yearsExperience: '', bio: '', skills: [],
  formerEmployer: '', layoffDate: '', country: '', region: '', city: '', remote: '', relocation: '',
  workAuthorization: '', employmentTypes: [], availableFrom: '', linkedinUrl: '', websiteUrl: '',
  showEmail: false, visibility: 'public', consent: false, website2: '',
};

/** Fields in the order they appear, to focus the first one with a problem. */
const ORDER = [
  'name', 'email', 'headline', 'role', 'seniority', 'yearsExperience', 'skills', 'formerEmployer', 'layoffDate',
  'country', 'region', 'city', 'remote', 'relocation', 'workAuthorization', 'employmentTypes', 'availableFrom',
  'linkedinUrl', 'websiteUrl', 'bio', 'visibility', 'showEmail', 'consent',
];

const COUNTRIES = [...COUNTRY_CODES]
  .map((code) => ({ code, name: countryName(code) }))
  .sort((a, b) => a.name.localeCompare(b.name));

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** What the form sends: the API body, with "not said" as null. */
function toBody(s: FormState) {
  return {
    name: s.name,
    headline: s.headline,
    role: orNull(s.role),
    seniority: (orNull(s.seniority) as CreateProfileBody['seniority']) ?? null,
    yearsExperience: s.yearsExperience === '' ? null : Number(s.yearsExperience),
    bio: orNull(s.bio),
    skills: s.skills,
    formerEmployer: s.formerEmployer,
    layoffDate: orNull(s.layoffDate),
    country: s.country,
    region: orNull(s.region),
    city: orNull(s.city),
    remote: (orNull(s.remote) as CreateProfileBody['remote']) ?? null,
    relocation: s.relocation === '' ? null : s.relocation === 'yes',
    workAuthorization: (orNull(s.workAuthorization) as CreateProfileBody['workAuthorization']) ?? null,
    employmentTypes: s.employmentTypes as NonNullable<CreateProfileBody['employmentTypes']>,
    availableFrom: orNull(s.availableFrom),
    linkedinUrl: orNull(s.linkedinUrl),
    websiteUrl: orNull(s.websiteUrl),
    showEmail: s.showEmail,
    visibility: s.visibility,
  };
}

function fromOwn(own: OwnProfile): FormState {
  const p = own.profile;
  return {
    ...EMPTY,
    name: p.name,
    email: own.email ?? '',
    headline: p.headline ?? '',
    role: p.role ?? '',
    seniority: p.seniority ?? '',
    yearsExperience: p.yearsExperience === null ? '' : String(p.yearsExperience),
    bio: p.bio ?? '',
    skills: p.skills,
    formerEmployer: p.formerEmployer?.name ?? '',
    layoffDate: p.layoffDate ?? '',
    country: p.country ?? '',
    region: p.region ?? '',
    city: p.city ?? '',
    remote: p.remote ?? '',
    relocation: p.relocation === null ? '' : p.relocation ? 'yes' : 'no',
    workAuthorization: p.workAuthorization ?? '',
    employmentTypes: p.employmentTypes,
    availableFrom: p.availableFrom ?? '',
    linkedinUrl: p.linkedinUrl ?? '',
    websiteUrl: p.websiteUrl ?? '',
    showEmail: own.showEmail,
    visibility: own.visibility,
  };
}

/**
 * Every field of a profile, grouped and explained, checked as you submit by the same code the
 * server runs. `mode="join"` adds the email, the consent and the honeypot; `mode="edit"` starts
 * from `.profile`. Fires `ll-optin-submit` with the API body once the form is valid; the page
 * sends it and hands server refusals back through `showServerError`.
 */
@customElement('ll-optin-form')
export class LlOptinForm extends LitElement {
  static override styles = [tokens, controls, css`
      :host { display: block; }
      form { display: grid; gap: 1.25rem; }
      fieldset { border: 1px solid var(--ll-border); border-radius: var(--ll-radius); background: var(--ll-surface);
        padding: 1rem 1.25rem 1.25rem; margin: 0; min-width: 0; }
      legend { font-weight: 800; font-size: 1.1rem; padding: 0 0.35rem; }
      .group-label { font-weight: 600; margin: 0 0 0.35rem; }
      .why { color: var(--ll-muted); margin: 0 0 1rem; font-size: 0.95rem; }
      .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem 1.25rem; }
      .wide { grid-column: 1 / -1; }
      /* A long hint beside a short one: inputs of a row still line up. */
      .field { display: flex; flex-direction: column; }
      .field > .hint { flex: 1; }
      .field p { margin: 0 0 0.35rem; }
      .field .error { margin: 0.3rem 0 0; }
      [aria-invalid='true'] { border-color: var(--ll-danger); }
      .req { color: var(--ll-danger); font-weight: 700; }
      textarea { min-height: 8rem; resize: vertical; }
      .choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; border: 0; padding: 0; margin: 0; }
      .choices legend { font-size: 1rem; font-weight: 600; padding: 0; margin-bottom: 0.35rem; }
      .check { display: flex; gap: 0.6rem; align-items: flex-start; font-weight: 400; }
      .check input { margin-top: 0.3rem; width: 1.1rem; height: 1.1rem; flex: none; }
      .consent { background: var(--ll-page); border-radius: 8px; padding: 0.85rem 1rem; }
      .consent q { quotes: none; }
      .summary { border: 1px solid var(--ll-danger); background: var(--ll-danger-soft); color: var(--ll-danger);
        border-radius: var(--ll-radius); padding: 0.75rem 1rem; }
      .summary:focus { outline: none; box-shadow: var(--ll-focus); }
      .summary ul { margin: 0.35rem 0 0; padding-left: 1.25rem; }
      .summary a { color: inherit; }
      .actions { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
      .note { color: var(--ll-ok); font-weight: 600; }
      .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
      .readonly { font-weight: 600; margin: 0; overflow-wrap: anywhere; }
      @media (max-width: 640px) {
        .grid { grid-template-columns: minmax(0, 1fr); }
        fieldset { padding: 0.75rem 0.85rem 1rem; }
      }
    `,
  ];

  @property() mode: 'join' | 'edit' = 'join';
  /** Edit mode: the profile to start from. */
  @property({ attribute: false }) profile: OwnProfile | undefined;
  @property({ type: Boolean }) busy = false;
  @property() submitLabel = 'Send';
  /** Said next to the button after the page handled a submit ("Saved."). */
  @property() note = '';

  @state() private _state: FormState = { ...EMPTY };
  @state() private _errors: FieldErrors = {};
  /** A refusal that is about no field in particular. */
  @state() private _failure = '';

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('profile') && this.profile) this._state = fromOwn(this.profile);
  }

  /** Shows the server's "body.field reason; …" next to each field, the rest above the form. */
  showServerError(message: string) {
    const errors: Record<string, string> = {};
    const rest: string[] = [];
    for (const part of message.split('; ')) {
      const match = /^body\.(\w+)[:]? (.*)$/s.exec(part);
      if (match && ORDER.includes(match[1]!)) errors[match[1]!] = match[2]!;
      else rest.push(part);
    }
    this._errors = errors;
    this._failure = rest.join(' ');
    void this._focusProblem();
  }

  override render() {
    const join = this.mode === 'join';
    const problems = Object.keys(this._errors).length;
    return html`
      <form novalidate @submit=${this._onSubmit}>
        ${problems > 0 || this._failure
          ? html`<div class="summary" role="alert" tabindex="-1">
              <strong>${problems > 0 ? `Please fix ${problems === 1 ? 'this field' : `these ${problems} fields`}:` : this._failure}</strong>
              ${problems > 0
                ? html`<ul>
                    ${ORDER.filter((k) => k in this._errors).map(
                      (k) => html`<li><a href="#${k}" @click=${(e: Event) => this._jump(e, k)}>${this._labelOf(k)}</a>: ${this._errors[k as keyof FieldErrors]}</li>`,
                    )}
                  </ul>`
                : nothing}
              ${problems > 0 && this._failure ? html`<p>${this._failure}</p>` : nothing}
            </div>`
          : nothing}

        <fieldset>
          <legend>About you</legend>
          <p class="why">This is what recruiters see first. Everything here is public${join ? ', except your email' : ''}.</p>
          <div class="grid">
            ${this._text('name', 'Full name', 'As you want it shown.', { required: true, autocomplete: 'name' })}
            ${join
              ? this._text('email', 'Email', 'Private. We send your confirmation link here, and nothing else unless you ask.', {
                  required: true, type: 'email', autocomplete: 'email', max: LIMITS.email,
                })
              : html`<div class="field"><p><strong>Email</strong></p><p class="readonly">${this._state.email}</p>
                  <p class="hint">To use another address, remove this profile and join again with it.</p></div>`}
            ${this._text('headline', 'Headline', 'One line about what you do, e.g. "Backend engineer, payments".', { required: true, wide: true })}
            ${this._text('role', 'Role you are looking for', 'e.g. Product Designer, Account Executive.')}
            ${this._select('seniority', 'Seniority', SENIORITIES.map((s) => [s, seniorityLabel(s)]))}
            ${this._text('yearsExperience', 'Years of experience', 'A whole number.', { type: 'number', max: 2, inputmode: 'numeric' })}
          </div>
        </fieldset>

        <fieldset>
          <legend>Skills and experience</legend>
          <p class="why">Recruiters search by skill and by former employer. Well-known names are matched, so "JS" and "JavaScript" are one skill.</p>
          <div class="grid">
            <div class="field wide">
              <ll-skill-input id="skills" .skills=${this._state.skills} .error=${this._errors.skills ?? ''}
                @ll-skills-change=${(e: CustomEvent<string[]>) => this._set('skills', e.detail)}></ll-skill-input>
            </div>
            <div class="field">
              <ll-employer-input id="formerEmployer" .value=${this._state.formerEmployer} .error=${this._errors.formerEmployer ?? ''}
                @ll-employer-change=${(e: CustomEvent<string>) => this._set('formerEmployer', e.detail)}></ll-employer-input>
            </div>
            ${this._text('layoffDate', 'Layoff date', 'When your last job ended or will end.', { type: 'date' })}
            ${this._text('bio', 'About me', `A few lines in your own words (up to ${LIMITS.bio} characters).`, { multiline: true, wide: true })}
          </div>
        </fieldset>

        <fieldset>
          <legend>Where and how you want to work</legend>
          <p class="why">Recruiters filter by country and region. Your city is optional.</p>
          <div class="grid">
            ${this._select('country', 'Country', COUNTRIES.map((c) => [c.code, c.name]), { required: true, empty: 'Choose a country' })}
            ${this._text('region', 'State or region', 'e.g. California, Bavaria.', { autocomplete: 'address-level1' })}
            ${this._text('city', 'City', '', { autocomplete: 'address-level2' })}
            ${this._select('remote', 'Remote or on-site', REMOTE_PREFERENCES.map((r) => [r, remoteLabel(r)]))}
            ${this._select('relocation', 'Open to relocating', [['yes', 'Yes'], ['no', 'No']])}
            ${this._select('workAuthorization', 'Work authorization', WORK_AUTHORIZATIONS.map((w) => [w, workAuthorizationLabel(w)]))}
            <fieldset class="choices wide" id="employmentTypes">
              <legend>Kinds of work</legend>
              ${EMPLOYMENT_TYPES.map(
                (type) => html`<label class="check"><input type="checkbox" .checked=${this._state.employmentTypes.includes(type)}
                  @change=${(e: Event) => this._toggleType(type, (e.target as HTMLInputElement).checked)} />${employmentTypeLabel(type)}</label>`,
              )}
            </fieldset>
            ${this._text('availableFrom', 'Available from', 'The first day you could start.', { type: 'date' })}
          </div>
        </fieldset>

        <fieldset>
          <legend>Links</legend>
          <p class="why">Optional, and public.</p>
          <div class="grid">
            ${this._text('linkedinUrl', 'LinkedIn profile', 'e.g. https://www.linkedin.com/in/your-name', { type: 'url', autocomplete: 'url', max: LIMITS.linkedinUrl })}
            ${this._text('websiteUrl', 'Website or portfolio', 'e.g. https://your-name.dev', { type: 'url', max: LIMITS.websiteUrl })}
          </div>
        </fieldset>

        <fieldset>
          <legend>Privacy</legend>
          <div class="field" role="radiogroup" aria-labelledby="visibility-label">
            <p class="group-label" id="visibility-label">Who can find my profile</p>
            <label class="check"><input id="visibility" type="radio" name="visibility" value="public" .checked=${this._state.visibility === 'public'}
              @change=${() => this._set('visibility', 'public')} />
              <span>Anyone. <span class="hint">Visitors see your name, headline, skills and place; LinkedIn, work authorization and years of experience only verified recruiters see.</span></span></label>
            <label class="check"><input type="radio" name="visibility" value="recruiters" .checked=${this._state.visibility === 'recruiters'}
              @change=${() => this._set('visibility', 'recruiters')} />
              <span>Verified recruiters only. <span class="hint">Your profile is not shown to anyone else: not in search, not by its address.</span></span></label>
          </div>
          <div class="field">
            <label class="check"><input id="showEmail" type="checkbox" .checked=${this._state.showEmail}
              @change=${(e: Event) => this._set('showEmail', (e.target as HTMLInputElement).checked)} />
              <span>Show my email address to verified recruiters. <span class="hint">Off: recruiters reach you through Lifeline and never see it.</span></span></label>
          </div>
          ${join
            ? html`<div class="field consent">
                <label class="check"><input id="consent" type="checkbox" required .checked=${this._state.consent}
                  aria-invalid=${this._errors.consent ? 'true' : 'false'}
                  aria-describedby=${this._errors.consent ? 'consent-error' : nothing}
                  @change=${(e: Event) => this._set('consent', (e.target as HTMLInputElement).checked)} />
                  <span><q>${CONSENT_TEXT}</q> <span class="req" aria-hidden="true">*</span></span></label>
                ${this._errors.consent ? html`<p class="error" id="consent-error">${this._errors.consent}</p>` : nothing}
              </div>
              <div class="trap" aria-hidden="true">
                <label>Leave this field empty <input name="website2" tabindex="-1" autocomplete="off" .value=${this._state.website2}
                  @input=${(e: Event) => this._set('website2', (e.target as HTMLInputElement).value)} /></label>
              </div>`
            : nothing}
        </fieldset>

        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : this.submitLabel}</button>
          <span class="hint"><span class="req" aria-hidden="true">*</span> required</span>
          <span class="note" role="status">${this.note}</span>
        </div>
      </form>
    `;
  }

  private _text(
    key: TextKey,
    label: string,
    hint: string,
    o: { required?: boolean; type?: string; autocomplete?: string; max?: number; multiline?: boolean; wide?: boolean; inputmode?: string } = {},
  ): TemplateResult {
    const error = this._errors[key as keyof FieldErrors];
    const max = o.max ?? (LIMITS as Record<string, number>)[key];
    const describedBy = [hint ? `${key}-hint` : '', error ? `${key}-error` : ''].filter(Boolean).join(' ') || nothing;
    const onInput = (e: Event) => this._set(key, (e.target as HTMLInputElement).value);
    return html`<div class="field ${o.wide ? 'wide' : ''}">
      <label for=${key}>${label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      ${hint ? html`<p class="hint" id="${key}-hint">${hint}</p>` : nothing}
      ${o.multiline
        ? html`<textarea id=${key} maxlength=${max ?? nothing} .value=${this._state[key]} aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy} @input=${onInput}></textarea>`
        : html`<input id=${key} type=${o.type ?? 'text'} ?required=${o.required} autocomplete=${o.autocomplete ?? 'off'}
            inputmode=${o.inputmode ?? nothing} min=${o.type === 'number' ? 0 : nothing} max=${o.type === 'number' ? LIMITS.yearsExperience : nothing}
            maxlength=${o.type === 'number' || o.type === 'date' ? nothing : (max ?? nothing)}
            .value=${this._state[key]} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} @input=${onInput} />`}
      ${error ? html`<p class="error" id="${key}-error">${error}</p>` : nothing}
    </div>`;
  }

  private _select(key: TextKey, label: string, options: string[][], o: { required?: boolean; empty?: string } = {}): TemplateResult {
    const error = this._errors[key as keyof FieldErrors];
    return html`<div class="field">
      <label for=${key}>${label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      <select id=${key} ?required=${o.required} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${key}-error` : nothing}
        @change=${(e: Event) => this._set(key, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this._state[key] === ''}>${o.empty ?? 'Not said'}</option>
        ${options.map(([value, text]) => html`<option value=${value!} ?selected=${this._state[key] === value}>${text}</option>`)}
      </select>
      ${error ? html`<p class="error" id="${key}-error">${error}</p>` : nothing}
    </div>`;
  }

  private _set<K extends keyof FormState>(key: K, value: FormState[K]) {
    this._state = { ...this._state, [key]: value };
    this.note = '';
    if (key in this._errors) {
      const { [key as keyof FieldErrors]: _fixed, ...rest } = this._errors;
      this._errors = rest;
    }
  }

  private _toggleType(type: string, on: boolean) {
    const types = this._state.employmentTypes.filter((t) => t !== type);
    this._set('employmentTypes', on ? [...types, type] : types);
  }

  private _labelOf(key: string): string {
    const el = this.renderRoot.querySelector(`label[for="${key}"]`);
    const text = el?.textContent?.replace('*', '').trim();
    const named: Record<string, string> = { skills: 'Skills', formerEmployer: 'Former employer', consent: 'Consent', employmentTypes: 'Kinds of work' };
    return named[key] ?? text ?? key;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    const body = toBody(this._state);
    const { errors } = normalizeProfileFields(body, { partial: this.mode === 'edit' });
    if (this.mode === 'join') {
      const email = checkEmail(this._state.email);
      if (!email.ok) errors.email = this._state.email.trim() ? email.reason : 'is required';
      if (!this._state.consent) errors.consent = 'must be ticked: we publish only people who agree to it';
    }
    if (body.yearsExperience !== null && !Number.isInteger(body.yearsExperience)) errors.yearsExperience = 'must be a whole number';
    this._errors = errors;
    this._failure = '';
    if (Object.keys(errors).length > 0) {
      void this._focusProblem();
      return;
    }
    const detail: CreateProfileBody | UpdateProfileBody =
      this.mode === 'join'
        ? { ...body, email: this._state.email.trim(), consent: true, consentVersion: CONSENT_VERSION, ...(this._state.website2 ? { website2: this._state.website2 } : {}) }
        : body;
    this.dispatchEvent(new CustomEvent('ll-optin-submit', { bubbles: true, composed: true, detail }));
  }

  private _jump(event: Event, key: string) {
    event.preventDefault();
    this._focusField(key);
  }

  /** Moves focus to the summary, so a screen reader hears what to fix. */
  private async _focusProblem() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private _focusField(key: string) {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${key}`);
    if (el instanceof HTMLFieldSetElement) el.querySelector('input')?.focus();
    else el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-optin-form': LlOptinForm;
  }
}
