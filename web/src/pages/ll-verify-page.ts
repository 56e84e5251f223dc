import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { linkProblem, previewClaim, verifyProfile, type PublicProfile } from '../api/profiles.js';
import { LinkAction } from '../components/link-action.js';
import '../components/ll-profile-preview.js';
import { controls, notices, page, tokens } from '../styles.js';

/**
 * /verify?token=…: the link in the confirmation mail. Anyone can type an address into the Join
 * form, so the page first shows what this link would publish, and publishes only when its owner
 * says so.
 */
@customElement('ll-verify-page')
export class LlVerifyPage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _link = new LinkAction(this, { act: verifyProfile });

  private _preview = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) throw new Error('This page needs the link from your confirmation email. Open the link from the mail again.');
      return previewClaim(token, signal);
    },
    args: () => [this._link.token] as const,
  });

  override render() {
    return html`<h1>Confirm your profile</h1>
      ${this._link.done
        ? this._renderPublished(this._link.done)
        : this._preview.render({
            pending: () => html`<p class="notice" role="status">Loading the profile this link would publish…</p>`,
            complete: ({ profile }) => this._renderPreview(profile),
            error: (err) => this._renderProblem(linkProblem(err)),
          })}`;
  }

  private _renderPreview(profile: PublicProfile) {
    return html`
      <p>This is the profile that was sent with your address. Recruiters will see it as shown
        here${profile.email ? html`, <strong>with your email address</strong>.` : '; your email address stays private.'}</p>
      <ll-profile-preview .profile=${profile}></ll-profile-preview>
      ${this._link.error ? this._renderProblem(this._link.error) : ''}
      <p class="row">
        <button type="button" @click=${() => this._link.run()} ?disabled=${this._link.busy}>
          ${this._link.busy ? 'Publishing…' : 'Publish my profile'}
        </button>
      </p>
      <p>Not what you sent? Don't publish it: close this page and nothing will be shown. You can
        <a href="/join">fill in the form again</a>.</p>`;
  }

  private _renderPublished({ url, profile }: { url: string; profile: PublicProfile }) {
    return html`
      <section class="notice" role="status">
        <h2>You are in the directory</h2>
        <p>Your profile is published and recruiters can find it in search now.
          ${profile.email ? 'Your email address is shown on it, as you chose.' : 'Your email address is not shown on it.'}</p>
        <p class="row"><a class="button" href=${new URL(url).pathname}>See my public profile</a>
          <a class="button secondary" href="/manage">Edit, hide or remove it</a></p>
      </section>
      <h2>What recruiters see</h2>
      <ll-profile-preview .profile=${profile}></ll-profile-preview>`;
  }

  private _renderProblem(message: string) {
    return html`<section class="notice error" role="alert">
      <h2>We could not confirm this link</h2>
      <p>${message}</p>
      <p class="row"><a class="button secondary" href="/manage">Get a new link</a> <a href="/join">Join again</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-verify-page': LlVerifyPage;
  }
}
