import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { createList, getLists, type LayoffList, type Me } from '../api/organize.js';
import { peopleLabel } from '../labels.js';
import { controls, tokens } from '../styles.js';

/** Picks the list to import into, or creates one; fires `ll-list-change` with the list. */
@customElement('ll-list-chooser')
export class LlListChooser extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .row { display: flex; gap: 0.75rem; align-items: end; flex-wrap: wrap; }
      .row > div { flex: 1 1 16rem; }
      form { display: grid; gap: 0.9rem; margin-top: 1rem; padding: 1rem; }
      .grid { display: grid; gap: 0.9rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
      h3 { margin: 0; font-size: 1.05rem; }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @state() private _selected = '';
  @state() private _creating = false;
  @state() private _error = '';
  @state() private _busy = false;

  private _lists = new Task(this, {
    task: async (_args, { signal }) => (await getLists(signal)).lists,
    args: () => [],
  });

  /** Loads the lists again: their counts change when an import lands. */
  refresh(): void {
    void this._lists.run();
  }

  override render() {
    return this._lists.render({
      // A refresh keeps the chooser in place: only the first load has nothing to show.
      pending: () => (this._lists.value ? this._renderChooser(this._lists.value) : html`<p class="hint" role="status">Loading lists…</p>`),
      error: (err) => html`<p class="error" role="alert">${err instanceof ApiError ? err.message : 'The lists could not be loaded.'}
        <button class="secondary" @click=${() => this._lists.run()}>Try again</button></p>`,
      complete: (lists) => this._renderChooser(lists),
    });
  }

  private _renderChooser(lists: LayoffList[]) {
    return html`
      <div class="row">
        ${lists.length > 0
          ? html`<div>
              <label for="list">Import into</label>
              <select id="list" .value=${this._selected} @change=${(e: Event) => this._choose(lists, (e.target as HTMLSelectElement).value)}>
                <option value="">Choose a list…</option>
                ${lists.map((l) => html`<option value=${l.slug} ?selected=${l.slug === this._selected}>${l.title}${l.employer ? ` (${l.employer.name})` : ''} · ${peopleLabel(l.profiles)}</option>`)}
              </select>
            </div>`
          : html`<p class="hint">No lists yet: create the first one.</p>`}
        <div><button class="secondary" type="button" aria-expanded=${this._creating} @click=${() => (this._creating = !this._creating)}>
          ${this._creating ? 'Cancel' : 'New list'}</button></div>
      </div>
      ${this._creating ? this._renderForm() : nothing}
    `;
  }

  private _renderForm() {
    return html`<form class="card" @submit=${this._onCreate} novalidate aria-labelledby="new-list">
      <h3 id="new-list">New layoff list</h3>
      <div class="grid">
        <div><label for="title">Title</label><input id="title" name="title" required maxlength="200" placeholder="Acme layoffs, November 2026" /></div>
        <div><label for="employer">Employer</label><input id="employer" name="employer" required maxlength="120" placeholder="Acme" /></div>
      </div>
      <div><label for="sourceUrl">Where the list came from <span class="hint">(optional)</span></label>
        <input id="sourceUrl" name="sourceUrl" type="url" maxlength="500" placeholder="https://docs.google.com/spreadsheets/…" /></div>
      <div><label for="description">Description <span class="hint">(optional, public)</span></label>
        <textarea id="description" name="description" rows="2" maxlength="2000"></textarea></div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div><button type="submit" ?disabled=${this._busy}>${this._busy ? 'Creating…' : 'Create list'}</button></div>
    </form>`;
  }

  private _choose(lists: LayoffList[], slug: string) {
    this._selected = slug;
    const list = lists.find((l) => l.slug === slug);
    this.dispatchEvent(new CustomEvent('ll-list-change', { detail: list ?? null, bubbles: true, composed: true }));
  }

  private async _onCreate(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    if (!value('title') || !value('employer')) {
      this._error = 'A list needs a title and the employer its people were laid off from.';
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const list = await createList(this.me, {
        title: value('title'),
        employer: value('employer'),
        ...(value('sourceUrl') ? { sourceUrl: value('sourceUrl') } : {}),
        ...(value('description') ? { description: value('description') } : {}),
      });
      this._creating = false;
      await this._lists.run();
      this._choose([list], list.slug);
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'The list could not be created. Try again.';
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-list-chooser': LlListChooser;
  }
}
