import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, tokens } from '../styles.js';

/** A drop zone with a file button; fires `ll-file` with the chosen File. */
@customElement('ll-file-drop')
export class LlFileDrop extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .zone {
        border: 2px dashed var(--ll-border); border-radius: var(--ll-radius); padding: 1.5rem 1rem;
        text-align: center; background: var(--ll-surface); display: grid; gap: 0.6rem; justify-items: center;
      }
      .zone.over { border-color: var(--ll-accent); background: var(--ll-accent-soft); }
      .name { font-weight: 600; word-break: break-all; }
      /* The real input stays focusable for the keyboard; its label is what shows. */
      input[type='file'] { position: absolute; width: 1px; height: 1px; opacity: 0; }
      input[type='file']:focus-visible + label { box-shadow: var(--ll-focus); }
    `,
  ];

  @property() fileName = '';
  @state() private _over = false;

  override render() {
    return html`<div
      class="zone ${this._over ? 'over' : ''}"
      @dragover=${this._onDragOver}
      @dragleave=${() => (this._over = false)}
      @drop=${this._onDrop}
    >
      <span>${this.fileName ? html`<span class="name">${this.fileName}</span>` : 'Drop the CSV file here'}</span>
      <input id="file" type="file" accept=".csv,.txt,text/csv" @change=${this._onPick} />
      <label class="button secondary" for="file">${this.fileName ? 'Choose another file' : 'Choose a file'}</label>
      <span class="hint">CSV from Google Sheets, Airtable or Excel (UTF-8, UTF-16 or Windows-1252), up to 200 MB.</span>
    </div>`;
  }

  private _emit(file: File | undefined) {
    if (file) this.dispatchEvent(new CustomEvent('ll-file', { detail: file, bubbles: true, composed: true }));
  }

  private _onDragOver(event: DragEvent) {
    event.preventDefault();
    this._over = true;
  }

  private _onDrop(event: DragEvent) {
    event.preventDefault();
    this._over = false;
    this._emit(event.dataTransfer?.files[0]);
  }

  private _onPick(event: Event) {
    const input = event.target as HTMLInputElement;
    this._emit(input.files?.[0]);
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-file-drop': LlFileDrop;
  }
}
