import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { signOut, type Me } from './api/account.js';
import { navigate } from './navigate.js';
import { interceptLinks, match, type Match } from './router.js';
import { roleLabel, setSignedIn, signedIn } from './session.js';
import { controls, tokens } from './styles.js';

const NAV = [
  { href: '/', label: 'Search talent' },
  { href: '/join', label: 'Join the directory' },
  { href: '/organize', label: 'Import a list' },
  { href: '/workspace', label: 'Workspace' },
];

/** For visitors who are not signed in: the recruiter's way in. */
const RECRUITER_NAV = { href: '/recruiters/join', label: 'For recruiters' };

/** The shell: header, navigation, and the page of the current route. */
@customElement('ll-app')
export class LlApp extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: flex; flex-direction: column; min-height: 100vh; color: var(--ll-text); }
      .skip { position: absolute; left: -999px; top: 0.5rem; background: var(--ll-surface); padding: 0.5rem 1rem; z-index: 10; }
      .skip:focus { left: 0.5rem; }
      header { background: var(--ll-surface); border-bottom: 1px solid var(--ll-border); }
      .bar { max-width: 72rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; align-items: center; gap: 1.5rem; flex-wrap: wrap; }
      .brand { display: flex; align-items: center; gap: 0.5rem; font-weight: 800; font-size: 1.15rem; color: var(--ll-text); text-decoration: none; }
      .brand img { width: 1.75rem; height: 1.75rem; }
      nav ul { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
      nav a { display: block; padding: 0.45rem 0.75rem; border-radius: 8px; color: var(--ll-muted); text-decoration: none; font-weight: 600; }
      nav a:hover { background: var(--ll-page); color: var(--ll-text); }
      nav a[aria-current='page'] { background: var(--ll-accent-soft); color: var(--ll-accent-strong); }
      main { flex: 1; }
      main:focus { outline: none; }
      footer { color: var(--ll-muted); font-size: 0.85rem; text-align: center; padding: 1.5rem 1rem; border-top: 1px solid var(--ll-border); }
      .loading { padding: 3rem 1rem; text-align: center; color: var(--ll-muted); }
      .who { margin-left: auto; display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; font-size: 0.9rem; }
      .who a { font-weight: 600; }
      .who .role { color: var(--ll-muted); }
      .who button { padding: 0.35rem 0.75rem; min-height: 2.25rem; }
      @media (max-width: 640px) {
        .bar { gap: 0.5rem; }
        nav a { padding: 0.4rem 0.55rem; font-size: 0.95rem; }
      }
    `,
  ];

  @state() private _match: Match = match(location.pathname);
  @state() private _loaded = false;
  /** Who is signed in: undefined while asking, null for nobody. */
  @state() private _me: Me | null | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    interceptLinks();
    window.addEventListener('popstate', this._onLocationChange);
    window.addEventListener('ll-navigate', this._onLocationChange);
    window.addEventListener('ll-session', this._onSession);
    void this._onSession();
    void this._load(true);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this._onLocationChange);
    window.removeEventListener('ll-navigate', this._onLocationChange);
    window.removeEventListener('ll-session', this._onSession);
    super.disconnectedCallback();
  }

  private _onSession = async () => {
    this._me = (await signedIn()) ?? null;
  };

  private async _onSignOut() {
    if (this._me) await signOut(this._me).catch(() => undefined);
    setSignedIn(undefined);
    navigate('/');
  }

  private _who() {
    if (this._me === undefined) return nothing;
    if (this._me === null) return html`<div class="who"><a href="/sign-in">Sign in</a></div>`;
    return html`<div class="who">
      <a href="/account" aria-label="Your account: ${this._me.name ?? this._me.email}, ${roleLabel(this._me)}">${this._me.name ?? this._me.email}</a>
      <span class="role">${roleLabel(this._me)}</span>
      <button type="button" class="secondary" @click=${this._onSignOut}>Sign out</button>
    </div>`;
  }

  private _onLocationChange = () => {
    const next = match(location.pathname);
    const samePage = next.route === this._match.route && JSON.stringify(next.params) === JSON.stringify(this._match.params);
    this._match = next;
    // Query-only changes (a search's filters) stay on the same page element.
    if (!samePage) void this._load(false);
  };

  private async _load(first: boolean): Promise<void> {
    const { route } = this._match;
    this._loaded = customElements.get(route.tag) !== undefined;
    await route.load();
    if (this._match.route !== route) return;
    this._loaded = true;
    document.title = `${route.title} · Lifeline`;
    if (!first) {
      window.scrollTo(0, 0);
      await this.updateComplete;
      this.renderRoot.querySelector('main')?.focus({ preventScroll: true });
    }
  }

  override render() {
    const { route, params } = this._match;
    const tag = unsafeStatic(route.tag);
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>Skip to content</a>
      <header>
        <div class="bar">
          <a class="brand" href="/"><img src="/favicon.svg" alt="" />Lifeline</a>
          <nav aria-label="Main">
            <ul>
              ${[...NAV, ...(this._me === null ? [RECRUITER_NAV] : [])].map(
                (item) => html`<li><a href=${item.href} aria-current=${match(item.href).route === route ? 'page' : nothing}>${item.label}</a></li>`,
              )}
            </ul>
          </nav>
          ${this._who()}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this._loaded ? staticHtml`<${tag} .params=${params}></${tag}>` : html`<p class="loading" role="status">Loading…</p>`}
      </main>
      <footer>Lifeline lists only people who chose to be listed. Every profile can be removed by its owner in one click.</footer>
    `;
  }

  private _onSkip(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-app': LlApp;
  }
}
