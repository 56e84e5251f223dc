import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, page, tokens } from '../styles.js';

@customElement('ll-join-page')
export class LlJoinPage extends LitElement {
  static override styles = [tokens, controls, page];

  @property({ attribute: false }) params: Record<string, string> = {};

  override render() {
    return html`<h1>Join the directory</h1>
      <p class="lead">Were you laid off? Add yourself so recruiters can find you. Your email stays private.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-join-page': LlJoinPage;
  }
}
