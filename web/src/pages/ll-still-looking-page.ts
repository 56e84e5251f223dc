import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hiredWithLink, keepListedWithLink } from '../api/profiles.js';
import { LinkAction } from '../components/link-action.js';
import { controls, notices, page, tokens } from '../styles.js';

type Answer = 'confirm' | 'hired';

/**
 * /confirm?token=… and /hired?token=…: the links of the "Still looking?" mail. Opening one only
 * says what a click will do (mail scanners open every link); the answer is the button's POST.
 */
@customElement('ll-still-looking-page')
export class LlStillLookingPage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  /** `answer`: confirm or hired, from the path. */
  @property({ attribute: false }) params: Record<string, string> = {};

  private _link = new LinkAction(this, {
    act: async (token) => (await (this._answer === 'hired' ? hiredWithLink : keepListedWithLink)(token)).message,
  });

  /** The same element serves both links: following one from the other starts afresh. */
  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('params')) this._link.reset();
  }

  private get _answer(): Answer {
    return this.params.answer === 'hired' ? 'hired' : 'confirm';
  }

  override render() {
    const { busy, done, error, token } = this._link;
    const hired = this._answer === 'hired';
    if (done) {
      return html`<h1>${hired ? 'Congratulations on the new job!' : 'You are listed'}</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          <p>${done}</p>
          ${hired
            ? html`<p><a href=${`/confirm?token=${encodeURIComponent(token)}`}>I am looking again</a></p>`
            : html`<p>We will ask again in a couple of months. Nothing else to do.</p>`}
        </section>`;
    }
    return html`<h1>${hired ? 'I found a job' : 'Keep me listed'}</h1>
      ${error ? html`<section class="notice error" role="alert"><p>${error}</p>
          <p><a href="/manage">Ask for a manage link</a> to do it from your profile instead.</p></section>` : nothing}
      ${token
        ? html`<section class="notice">
            ${hired
              ? html`<p>Your profile leaves Lifeline search right away, and your layoff lists count you among the people who found
                    work. Nothing is deleted for a year: if you look again, the "Keep me listed" link or the manage page brings it back in one click.</p>`
              : html`<p>Your profile stays in Lifeline search (or comes back, if it was hidden), and recruiters see that you confirmed it today.</p>`}
            <p class="row"><button type="button" ?disabled=${busy} @click=${() => this._link.run()}>
              ${busy ? 'One moment…' : hired ? 'Yes, I found a job' : 'Keep me listed'}</button></p>
            <p>${hired ? html`Still looking after all? <a href=${`/confirm?token=${encodeURIComponent(token)}`}>Keep me listed</a>.`
              : html`Found a job? <a href=${`/hired?token=${encodeURIComponent(token)}`}>Tell us</a>.`}
              Want to leave for good? The removal link at the bottom of the mail erases your profile.</p>
          </section>`
        : html`<section class="notice error" role="alert"><p>This page needs the link from our "Still looking?" email. Open it from the mail
            again, or <a href="/manage">ask for a manage link</a>.</p></section>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-still-looking-page': LlStillLookingPage;
  }
}
