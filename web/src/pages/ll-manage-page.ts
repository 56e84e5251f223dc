import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import {
  getOwnProfile,
  keepOwnListed,
  linkProblem,
  markOwnHired,
  openSession,
  removeOwnProfile,
  requestManageLink,
  updateOwnProfile,
  type OwnProfile,
  type UpdateProfileBody,
} from '../api/profiles.js';
import '../components/ll-dev-mailbox-hint.js';
import '../components/ll-optin-form.js';
import type { LlOptinForm } from '../components/ll-optin-form.js';
import { confirmedLabel } from '../labels.js';
import { controls, notices, page, tokens } from '../styles.js';

const SESSION_KEY = 'lifeline.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

/** The session lives in this tab only, so a shared computer forgets it with the tab. */
function loadSession(): StoredSession | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : undefined;
  } catch {
    return undefined;
  }
}
const saveSession = (s: StoredSession) => sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: s.token, expiresAt: s.expiresAt }));
const clearSession = () => sessionStorage.removeItem(SESSION_KEY);

const STATUS_TEXT: Record<OwnProfile['status'], string> = {
  published: 'Recruiters can find you in search.',
  hidden: 'Nobody can see your profile until you show it again.',
  pending: 'Confirm your email to publish it: click the link in the confirmation mail.',
  removed: 'Your profile is removed.',
};

/** Why a hidden profile is hidden, as its owner reads it. */
const HIDDEN_TEXT: Record<NonNullable<OwnProfile['hiddenReason']>, string> = {
  owner: STATUS_TEXT.hidden,
  stale: 'We asked whether you are still looking and did not hear back, so your profile left search. Nothing is deleted.',
  hired: 'You found a job: congratulations! Your profile is out of search, and your lists count you among the people who found work.',
  unlisted: 'The list that published your profile no longer names you, so your profile left search. Nothing is deleted: show it again if you want to stay listed.',
};

/**
 * /manage: ask for a link by email; with ?token (the mailed link), edit, hide or show, and
 * remove the profile. The single-use link is traded for a short session at once and taken out
 * of the address bar.
 */
@customElement('ll-manage-page')
export class LlManagePage extends LitElement {
  static override styles = [tokens, controls, page, notices, css`
      .narrow { max-width: 32rem; }
      .status { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: center; justify-content: space-between; }
      .status p { margin: 0; }
      .badge { display: inline-block; border-radius: 999px; padding: 0.1rem 0.6rem; font-weight: 700; font-size: 0.85rem;
        background: var(--ll-accent-soft); color: var(--ll-accent-strong); text-transform: capitalize; }
      .badge.hidden, .badge.pending { background: var(--ll-page); color: var(--ll-muted); border: 1px solid var(--ll-border); }
      h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
      .editor { max-width: 52rem; }
      .danger-zone { border-left-color: var(--ll-danger); }
      form.request { display: grid; gap: 0.75rem; }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _own: OwnProfile | undefined;
  @state() private _message: { kind: 'ok' | 'error'; text: string } | undefined;
  @state() private _busy = false;
  @state() private _confirmingRemoval = false;
  @state() private _removed = '';
  @state() private _linkSentTo = '';
  @state() private _saved = '';
  @state() private _emailError = '';

  private _session: StoredSession | undefined;

  /** Opens the session from the mailed link, or picks up this tab's session. */
  private _open = new Task(this, {
    task: async (_args, { signal }) => {
      const token = new URLSearchParams(location.search).get('token');
      if (token) {
        history.replaceState(null, '', '/manage');
        const session = await openSession(token, signal);
        saveSession(session);
        this._session = session;
        this._own = session.profile;
        return;
      }
      this._session = loadSession();
      if (!this._session) return;
      try {
        this._own = await getOwnProfile(this._session.token, signal);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 401) throw err;
        clearSession();
        this._session = undefined;
        this._message = { kind: 'error', text: 'Your session ended. Ask for a new link below.' };
      }
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Manage your profile</h1>
      ${this._open.render({
        pending: () => html`<p class="notice" role="status">Opening your profile…</p>`,
        complete: () => this._renderPage(),
        error: (err) => html`<section class="notice error" role="alert"><p>${linkProblem(err)}</p></section>${this._renderRequest()}`,
      })}`;
  }

  private _renderPage() {
    if (this._removed) {
      return html`<section class="notice" role="status" tabindex="-1" id="removed"><h2>Your profile is removed</h2><p>${this._removed}</p>
        <p><a href="/">Back to Lifeline</a></p></section>`;
    }
    return this._own ? this._renderEditor(this._own) : this._renderRequest();
  }

  private _renderRequest() {
    if (this._linkSentTo) {
      return html`<section class="notice" role="status" tabindex="-1" id="sent">
        <h2>Check your email</h2>
        <p>If <strong>${this._linkSentTo}</strong> has a Lifeline profile, a link to manage it is on its way. It works once, for 30 minutes.</p>
        <ll-dev-mailbox-hint .to=${this._linkSentTo}></ll-dev-mailbox-hint>
        <p class="row"><button class="secondary" type="button" @click=${() => (this._linkSentTo = '')}>Use another address</button></p>
      </section>`;
    }
    return html`
      <p class="lead">Edit, hide or remove your profile. Enter the address you joined with and we email you a link: no password needed.</p>
      ${this._message ? html`<p class="notice ${this._message.kind}" role="alert">${this._message.text}</p>` : nothing}
      <form class="request narrow card notice" novalidate @submit=${this._onRequestLink}>
        <div>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="email" required maxlength="254"
            aria-invalid=${this._emailError ? 'true' : 'false'} aria-describedby=${this._emailError ? 'email-error' : nothing} />
          ${this._emailError ? html`<p class="error" id="email-error">${this._emailError}</p>` : nothing}
        </div>
        <p class="row"><button type="submit" ?disabled=${this._busy}>${this._busy ? 'Sending…' : 'Email me a link'}</button></p>
      </form>
      <p>Not listed yet? <a href="/join">Join the directory</a>.</p>`;
  }

  private _renderEditor(own: OwnProfile) {
    const visible = own.status === 'published';
    return html`
      <section class="notice status" aria-label="Profile status">
        <p><span class="badge ${own.status}">${own.hiddenReason === 'hired' ? 'hired' : own.status}</span>
          ${own.hiddenReason ? HIDDEN_TEXT[own.hiddenReason] : STATUS_TEXT[own.status]}</p>
        <p class="row">
          ${visible ? html`<a class="button secondary" href=${new URL(own.url).pathname}>View public profile</a>` : nothing}
          ${own.status === 'pending' || (own.hiddenReason === 'stale' || own.hiddenReason === 'hired')
            ? nothing
            : html`<button class="secondary" type="button" ?disabled=${this._busy} @click=${this._onToggleHidden}>
                ${visible ? 'Hide my profile' : 'Show my profile again'}</button>`}
        </p>
      </section>
      ${own.status === 'pending' ? nothing : this._renderStillLooking(own)}
      ${this._message ? html`<p class="notice ${this._message.kind}" role=${this._message.kind === 'ok' ? 'status' : 'alert'}>${this._message.text}</p>` : nothing}

      <h2>Your details</h2>
      <ll-optin-form class="editor" mode="edit" submitLabel="Save changes" .profile=${own} .busy=${this._busy} .note=${this._saved}
        @ll-optin-submit=${this._onSave}></ll-optin-form>

      <h2>Remove your profile</h2>
      <section class="notice danger-zone">
        <p>Removing erases your name, email and everything you entered, and takes you out of search within seconds. There is no undo.</p>
        ${this._confirmingRemoval
          ? html`<p><strong>Remove your profile for good?</strong></p>
              <p class="row">
                <button class="danger" type="button" id="confirm-remove" ?disabled=${this._busy} @click=${this._onRemove}>Yes, remove it</button>
                <button class="secondary" type="button" @click=${() => (this._confirmingRemoval = false)}>Keep my profile</button>
              </p>`
          : html`<p class="row"><button class="danger" type="button" @click=${this._onAskRemoval}>Remove my profile…</button></p>`}
      </section>`;
  }

  /** "Still looking?": when the profile was last confirmed, and the two answers the mail offers. */
  private _renderStillLooking(own: OwnProfile) {
    const hired = own.hiddenReason === 'hired';
    return html`<section class="notice" aria-label="Still looking?">
      <p><strong>Still looking?</strong> ${confirmedLabel(own.profile.confirmedAt)}${own.status === 'published'
        ? '. We ask every couple of months, so recruiters know who is open to work right now.'
        : '.'}</p>
      <p class="row">
        <button type="button" ?disabled=${this._busy} @click=${this._onKeepListed}>
          ${hired ? 'I am looking again' : own.status === 'published' ? 'Keep me listed' : 'List me again'}</button>
        ${hired ? nothing : html`<button class="secondary" type="button" ?disabled=${this._busy} @click=${this._onHired}>I found a job</button>`}
      </p>
    </section>`;
  }

  private async _onKeepListed() {
    this._saved = '';
    await this._run(async () => {
      this._own = await keepOwnListed(this._session!.token);
      this._message = { kind: 'ok', text: 'Thanks! You are listed, confirmed today.' };
    });
  }

  private async _onHired() {
    this._saved = '';
    await this._run(async () => {
      this._own = await markOwnHired(this._session!.token);
      this._message = { kind: 'ok', text: 'Congratulations on the new job! Your profile has left search; come back here any time.' };
    });
  }

  private async _onRequestLink(event: Event) {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#email')!;
    const email = input.value.trim();
    this._emailError = email ? '' : 'Enter the address you joined with.';
    if (this._emailError) {
      input.focus();
      return;
    }
    await this._run(async () => {
      await requestManageLink(email);
      this._linkSentTo = email;
      this._message = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sent')?.focus();
    }, (message) => {
      this._emailError = message.replace(/^body\.email /, 'This ');
    });
  }

  private async _onSave(event: CustomEvent<UpdateProfileBody>) {
    const form = event.target as LlOptinForm;
    await this._run(async () => {
      this._own = await updateOwnProfile(this._session!.token, event.detail);
      this._message = undefined;
      this._saved = 'Saved. Search shows your changes within seconds.';
    }, (message) => form.showServerError(message));
  }

  private async _onToggleHidden() {
    const status = this._own?.status === 'published' ? 'hidden' : 'published';
    this._saved = '';
    await this._run(async () => {
      this._own = await updateOwnProfile(this._session!.token, { status });
      this._message = { kind: 'ok', text: status === 'hidden' ? 'Your profile is hidden.' : 'Your profile is visible again.' };
    });
  }

  private async _onAskRemoval() {
    this._confirmingRemoval = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#confirm-remove')?.focus();
  }

  private async _onRemove() {
    await this._run(async () => {
      this._removed = (await removeOwnProfile(this._session!.token)).message;
      clearSession();
      this._session = undefined;
      this._own = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#removed')?.focus();
    });
  }

  /** Runs an action with the page busy; an ended session sends the person back to the link form. */
  private async _run(action: () => Promise<void>, onRefused?: (message: string) => void) {
    this._busy = true;
    try {
      await action();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        clearSession();
        this._session = undefined;
        this._own = undefined;
        this._message = { kind: 'error', text: 'Your session ended. Ask for a new link below.' };
      } else if (err instanceof ApiError && (err.status === 400 || err.status === 409) && onRefused) {
        onRefused(err.message);
      } else {
        this._message = { kind: 'error', text: linkProblem(err) };
      }
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-manage-page': LlManagePage;
  }
}
