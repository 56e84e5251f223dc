import type { ReactiveControllerHost } from 'lit';
import { linkProblem } from '../api/profiles.js';

/** The `token` of the mailed link this page was opened from ('' without one). */
function tokenFromUrl(): string {
  return new URLSearchParams(location.search).get('token') ?? '';
}

export interface LinkActionOptions<T> {
  /** The POST the page's button makes with the link's token. */
  act: (token: string) => Promise<T>;
  /** Where the address bar goes once the link is used, so a reload or a copied URL carries no token. */
  usedPath?: string;
  /** What to say when it fails: the API's words by default. */
  problem?: (err: unknown) => string;
}

/**
 * The page of a signed link from a mail: opening it changes nothing (mail scanners open links),
 * its button does. Keeps the token from the URL, whether the button is busy, the answer (`done`)
 * or what went wrong (`error`), and once done moves focus to the page's `#result`. Each page keeps
 * its own words. Each change asks the host to render again.
 */
export class LinkAction<T> {
  token = tokenFromUrl();
  busy = false;
  done: T | undefined;
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: LinkActionOptions<T>,
  ) {}

  /** For a page element that serves another link next: reads the token again, forgets the answer. */
  reset(): void {
    this.token = tokenFromUrl();
    this.done = undefined;
    this.error = '';
    this.host.requestUpdate();
  }

  /** The button's click. */
  async run(): Promise<void> {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      this.done = await this.options.act(this.token);
      if (this.options.usedPath) history.replaceState(null, '', this.options.usedPath);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#result')?.focus();
    } catch (err) {
      this.error = (this.options.problem ?? linkProblem)(err);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
