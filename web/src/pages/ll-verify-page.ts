import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { linkProblem, verifyProfile } from '../api/profiles.js';
import '../components/ll-profile-preview.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /verify?token=…: the link in the confirmation mail. Publishes the profile and shows it. */
@customElement('ll-verify-page')
export class LlVerifyPage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _token = new URLSearchParams(location.search).get('token') ?? '';

  private _verify = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) throw new Error('This page needs the link from your confirmation email. Open the link from the mail again.');
      return verifyProfile(token, signal);
    },
    args: () => [this._token] as const,
  });

  override render() {
    return html`<h1>Confirm your profile</h1>
      ${this._verify.render({
        pending: () => html`<p class="notice" role="status">Publishing your profile…</p>`,
        complete: ({ url, profile }) => html`
          <section class="notice" role="status">
            <h2>You are in the directory</h2>
            <p>Your profile is published and recruiters can find it in search now.
              ${profile.email ? 'Your email address is shown on it, as you chose.' : 'Your email address is not shown on it.'}</p>
            <p class="row"><a class="button" href=${new URL(url).pathname}>See my public profile</a>
              <a class="button secondary" href="/manage">Edit, hide or remove it</a></p>
          </section>
          <h2>What recruiters see</h2>
          <ll-profile-preview .profile=${profile}></ll-profile-preview>`,
        error: (err) => html`<section class="notice error" role="alert">
            <h2>We could not confirm this link</h2>
            <p>${linkProblem(err)}</p>
            <p class="row"><a class="button secondary" href="/manage">Get a new link</a> <a href="/join">Join again</a></p>
          </section>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-verify-page': LlVerifyPage;
  }
}
