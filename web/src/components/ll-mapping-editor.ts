import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { countryName, mappingSureness, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { TARGETS, type Mapping, type MappingConfidence, type PreviewRow, type Target } from '../api/organize.js';
import { controls, tokens } from '../styles.js';

type Values = NonNullable<PreviewRow['values']>;
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'Yes' : 'No');
const place = (v: Values) => [v.city, v.region, v.country && countryName(v.country)].filter(Boolean).join(', ');

/** What a field of a stored row reads as, for the examples under its column. */
const SHOWN: Record<Target, (v: Values) => string> = {
  name: (v) => v.name,
  firstName: (v) => v.name,
  lastName: (v) => v.name,
  email: (v) => v.email ?? '',
  linkedin: (v) => v.linkedinUrl ?? '',
  headline: (v) => v.headline ?? '',
  role: (v) => v.role ?? '',
  seniority: (v) => (v.seniority ? seniorityLabel(v.seniority) : ''),
  skills: (v) => v.skills.join(', '),
  yearsExperience: (v) => (v.yearsExperience === null ? '' : String(v.yearsExperience)),
  location: place,
  city: (v) => v.city ?? '',
  region: (v) => v.region ?? '',
  country: (v) => (v.country ? countryName(v.country) : ''),
  remote: (v) => (v.remote ? remoteLabel(v.remote) : ''),
  relocation: (v) => yesNo(v.relocation),
  sponsorship: (v) => (v.workAuthorization ? workAuthorizationLabel(v.workAuthorization) : ''),
  workAuthorization: (v) => (v.workAuthorization ? workAuthorizationLabel(v.workAuthorization) : ''),
  company: (v) => v.formerEmployer ?? '',
  layoffDate: (v) => v.layoffDate ?? '',
  availableFrom: (v) => v.availableFrom ?? '',
  consent: () => 'Yes',
};
const EXAMPLES = 3;

/**
 * One select per profile field, offering the file's columns, with how sure the automatic choice
 * is and what the choice made of the first rows; fires `ll-mapping-change` with the mapping.
 */
@customElement('ll-mapping-editor')
export class LlMappingEditor extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .grid { display: grid; gap: 0.75rem 1rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
      label { font-size: 0.9rem; display: flex; gap: 0.5rem; align-items: baseline; justify-content: space-between; }
      .sure { font-size: 0.75rem; font-weight: 700; border-radius: 999px; padding: 0 0.45rem; white-space: nowrap; }
      .sure.sure { color: var(--ll-ok); background: var(--ll-accent-soft); }
      .sure.likely { color: var(--ll-muted); background: var(--ll-page); }
      .sure.check { color: var(--ll-danger); background: var(--ll-danger-soft); }
      .examples { margin: 0.25rem 0 0; color: var(--ll-muted); font-size: 0.8rem; overflow-wrap: anywhere; }
    `,
  ];

  @property({ attribute: false }) headers: string[] = [];
  @property({ attribute: false }) mapping: Mapping = {};
  /** The mapping the preview ran with, its confidence and its first rows: shown for fields still mapped that way. */
  @property({ attribute: false }) previewed: Mapping = {};
  @property({ attribute: false }) confidence: MappingConfidence = {};
  @property({ attribute: false }) rows: PreviewRow[] = [];

  override render() {
    return html`<div class="grid">
      ${TARGETS.map(
        ([target, label]) => html`<div>
          <label for=${`map-${target}`}>${label} ${this._sureness(target)}</label>
          <select id=${`map-${target}`} data-target=${target} aria-describedby=${`examples-${target}`} @change=${this._onChange}>
            <option value="" ?selected=${!this.mapping[target]}>— not imported —</option>
            ${this.headers.map((h) => html`<option value=${h} ?selected=${this.mapping[target] === h}>${h}</option>`)}
          </select>
          ${this._examples(target)}
        </div>`,
      )}
    </div>`;
  }

  /** Whether the preview's figures still describe this field: its column has not been changed since. */
  private _previewedAsIs(target: Target): boolean {
    return this.mapping[target] !== undefined && this.mapping[target] === this.previewed[target];
  }

  private _sureness(target: Target) {
    const confidence = this.confidence[target];
    if (confidence === undefined || !this._previewedAsIs(target)) return nothing;
    const { label, level } = mappingSureness(confidence);
    return html`<span class="sure ${level}" title="How sure the automatic choice of this column is">${label}</span>`;
  }

  private _examples(target: Target) {
    const id = `examples-${target}`;
    if (target === 'seniority' && !this.mapping.seniority) {
      return html`<p class="examples" id=${id}>Guessed from the role where the title tells it ("Senior…", "Head of…"), and marked as guessed.</p>`;
    }
    if (!this._previewedAsIs(target)) return nothing;
    const shown = this.rows.flatMap((r) => (r.values ? [SHOWN[target](r.values)] : [])).filter(Boolean).slice(0, EXAMPLES);
    return html`<p class="examples" id=${id}>${shown.length > 0 ? `→ ${shown.join(' · ')}` : '→ nothing in the first rows'}</p>`;
  }

  private _onChange(event: Event) {
    const select = event.target as HTMLSelectElement;
    const target = select.dataset.target!;
    const next: Mapping = {};
    // A column feeds one field: choosing it here takes it from any other.
    for (const [t, h] of Object.entries(this.mapping)) if (t !== target && h !== select.value) next[t as Target] = h;
    if (select.value) next[target as Target] = select.value;
    this.dispatchEvent(new CustomEvent('ll-mapping-change', { detail: next, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-mapping-editor': LlMappingEditor;
  }
}
