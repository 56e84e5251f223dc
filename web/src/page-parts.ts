import { css, html } from 'lit';
import { ApiError } from './api/http.js';

/** The `:slug` of a route, decoded ('' when it is not valid percent-encoding). */
export function slugParam(params: Record<string, string>): string {
  try {
    return decodeURIComponent(params.slug ?? '');
  } catch {
    return '';
  }
}

/** The pieces the profile, list and employer pages share: a kicker above the title, notices. */
export const notice = css`
  .eyebrow { margin: 0 0 0.25rem; color: var(--ll-accent-strong); font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; }
  .muted { color: var(--ll-muted); }
  .notice { padding: 2rem 1.5rem; text-align: center; }
  .notice h1 { font-size: 1.4rem; }
  .notice p { color: var(--ll-muted); }
`;

/** A page whose data did not load: "No such …" for a 404, else what the API said. */
export function loadFailure(err: unknown, titles: { notFound: string; failed: string }) {
  const notFound = err instanceof ApiError && err.status === 404;
  return html`<div class="card notice" role="alert">
    <h1>${notFound ? titles.notFound : titles.failed}</h1>
    <p>${err instanceof ApiError ? err.message : 'Please try again.'}</p>
    <a class="button secondary" href="/">Search all talent</a>
  </div>`;
}
