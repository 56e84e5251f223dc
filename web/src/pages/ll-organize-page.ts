import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, page, tokens } from '../styles.js';

@customElement('ll-organize-page')
export class LlOrganizePage extends LitElement {
  static override styles = [tokens, controls, page];

  @property({ attribute: false }) params: Record<string, string> = {};

  override render() {
    return html`<h1>Import a layoff list</h1>
      <p class="lead">Bring a crowdsourced list of people who opted in into Lifeline, from the CSV your sheet exports.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-organize-page': LlOrganizePage;
  }
}
