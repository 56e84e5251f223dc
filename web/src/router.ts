import { navigate } from './navigate.js';

/** Client-side routes: a path pattern, the page element's tag, and how to load it (code split). */
interface Route {
  pattern: RegExp;
  tag: string;
  title: string;
  load: () => Promise<unknown>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

const ROUTES: Route[] = [
  { pattern: /^\/$/, tag: 'll-search-page', title: 'Search', load: () => import('./pages/ll-search-page.js') },
  { pattern: /^\/join$/, tag: 'll-join-page', title: 'Join', load: () => import('./pages/ll-join-page.js') },
  { pattern: /^\/verify$/, tag: 'll-verify-page', title: 'Confirm your profile', load: () => import('./pages/ll-verify-page.js') },
  { pattern: /^\/manage$/, tag: 'll-manage-page', title: 'Manage your profile', load: () => import('./pages/ll-manage-page.js') },
  { pattern: /^\/(?<answer>confirm|hired)$/, tag: 'll-still-looking-page', title: 'Still looking?', load: () => import('./pages/ll-still-looking-page.js') },
  { pattern: /^\/remove$/, tag: 'll-remove-page', title: 'Remove your profile', load: () => import('./pages/ll-remove-page.js') },
  { pattern: /^\/dev\/mailbox$/, tag: 'll-dev-mailbox-page', title: 'Dev mailbox', load: () => import('./pages/ll-dev-mailbox-page.js') },
  { pattern: /^\/workspace$/, tag: 'll-workspace-page', title: 'Workspace', load: () => import('./pages/ll-workspace-page.js') },
  { pattern: /^\/unsubscribe$/, tag: 'll-unsubscribe-page', title: 'Stop alerts', load: () => import('./pages/ll-unsubscribe-page.js') },
  { pattern: /^\/sign-in$/, tag: 'll-sign-in-page', title: 'Sign in', load: () => import('./pages/ll-sign-in-page.js') },
  { pattern: /^\/account$/, tag: 'll-account-page', title: 'Your account', load: () => import('./pages/ll-account-page.js') },
  { pattern: /^\/recruiters\/join$/, tag: 'll-recruiter-join-page', title: 'Recruiter account', load: () => import('./pages/ll-recruiter-join-page.js') },
  { pattern: /^\/recruiter\/verify$/, tag: 'll-recruiter-verify-page', title: 'Confirm your address', load: () => import('./pages/ll-recruiter-verify-page.js') },
  { pattern: /^\/admin$/, tag: 'll-admin-page', title: 'Review recruiters', load: () => import('./pages/ll-admin-page.js') },
  { pattern: /^\/message-action$/, tag: 'll-message-action-page', title: 'A message you received', load: () => import('./pages/ll-message-action-page.js') },
  { pattern: /^\/organize$/, tag: 'll-organize-page', title: 'Organize', load: () => import('./pages/ll-organize-page.js') },
  { pattern: /^\/p\/(?<slug>[^/]+)$/, tag: 'll-profile-page', title: 'Profile', load: () => import('./pages/ll-profile-page.js') },
  { pattern: /^\/lists\/(?<slug>[^/]+)$/, tag: 'll-list-page', title: 'Layoff list', load: () => import('./pages/ll-list-page.js') },
  { pattern: /^\/employers\/(?<slug>[^/]+)$/, tag: 'll-employer-page', title: 'Employer', load: () => import('./pages/ll-employer-page.js') },
];

const NOT_FOUND: Route = {
  pattern: /$^/,
  tag: 'll-not-found-page',
  title: 'Not found',
  load: () => import('./pages/ll-not-found-page.js'),
};

export function match(pathname: string): Match {
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (found) return { route, params: { ...found.groups } };
  }
  return { route: NOT_FOUND, params: {} };
}

/**
 * Lets plain `<a href="/x">` links anywhere (shadow roots included) navigate client-side,
 * leaving modified clicks, other origins, downloads and targets to the browser.
 */
export function interceptLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(url.href);
  });
}
