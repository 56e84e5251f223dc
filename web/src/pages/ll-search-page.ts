import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, page, tokens } from '../styles.js';

@customElement('ll-search-page')
export class LlSearchPage extends LitElement {
  static override styles = [tokens, controls, page];

  @property({ attribute: false }) params: Record<string, string> = {};

  override render() {
    return html`<h1>Find laid-off talent</h1>
      <p class="lead">Search people who were laid off and are open to work, by skill, region and former employer.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-search-page': LlSearchPage;
  }
}
