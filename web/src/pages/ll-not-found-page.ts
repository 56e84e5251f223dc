import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, page, tokens } from '../styles.js';

@customElement('ll-not-found-page')
export class LlNotFoundPage extends LitElement {
  static override styles = [tokens, controls, page];

  @property({ attribute: false }) params: Record<string, string> = {};

  override render() {
    return html`<h1>Page not found</h1>
      <p class="lead">There is nothing at <code>${location.pathname}</code>. It may have been removed, or the link is mistyped.</p>
      <a class="button" href="/">Search talent</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-not-found-page': LlNotFoundPage;
  }
}
