/** The link an organizer pastes, and the CSV address it stands for. */

export const MAX_SHEET_URL_CHARS = 2000;

export type SheetUrlResult = { ok: true; fetchUrl: string } | { ok: false; reason: string };

const AIRTABLE_CSV_HELP =
  'This is an Airtable page, not its CSV. Open the shared view, choose "Download CSV" from its menu, ' +
  'and paste the address of that download (it contains /downloadCsv), or export the CSV and upload it instead.';

/**
 * The CSV behind a pasted link: a Google Sheets share or edit link becomes its CSV export (of the
 * tab in `gid`), a "publish to web" page its CSV output, a Google Drive file its download; an
 * Airtable shared-view CSV and any other https address are fetched as they are. `allowHttp` lets
 * http through (SYNC_ALLOW_PRIVATE, for development). The reason says what to paste instead.
 */
export function sheetCsvUrl(raw: string, { allowHttp }: { allowHttp: boolean }): SheetUrlResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'Paste the link of the sheet, like https://docs.google.com/spreadsheets/d/…/edit' };
  if (text.length > MAX_SHEET_URL_CHARS) return { ok: false, reason: `The link is longer than ${MAX_SHEET_URL_CHARS} characters; paste the sheet's share link.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'That is not a web address: paste the whole link, starting with https://' };
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    return { ok: false, reason: 'The link must start with https://: sheets are only fetched over https.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'The link must not contain a user name or password: share the sheet by link instead.' };
  const host = url.hostname.toLowerCase();
  if (host === 'docs.google.com') return googleSheet(url);
  if (host === 'drive.google.com') return googleDrive(url);
  if (host === 'airtable.com' || host.endsWith('.airtable.com')) {
    return /\/downloadCsv\b/i.test(url.pathname) ? { ok: true, fetchUrl: withoutHash(url) } : { ok: false, reason: AIRTABLE_CSV_HELP };
  }
  return { ok: true, fetchUrl: withoutHash(url) };
}

function withoutHash(url: URL): string {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}

/** The tab a Google link points at: `gid` in the query or in the fragment (`#gid=N`). */
function gidOf(url: URL): string | undefined {
  const gid = url.searchParams.get('gid') ?? new URLSearchParams(url.hash.slice(1)).get('gid');
  return gid && /^\d{1,12}$/.test(gid) ? gid : undefined;
}

function googleSheet(url: URL): SheetUrlResult {
  const gid = gidOf(url);
  // "Publish to web": /spreadsheets/d/e/<published id>/pubhtml or /pub?output=…
  const published = /^\/spreadsheets\/d\/e\/([A-Za-z0-9_-]+)\/pub(html)?\b/.exec(url.pathname);
  if (published) {
    const csv = new URL(`https://docs.google.com/spreadsheets/d/e/${published[1]}/pub`);
    csv.searchParams.set('output', 'csv');
    if (gid) csv.searchParams.set('gid', gid);
    if (url.searchParams.get('single')) csv.searchParams.set('single', 'true');
    return { ok: true, fetchUrl: csv.href };
  }
  // A share, edit, view or export link: /spreadsheets/d/<id>/… (also under /u/N/).
  const sheet = /^\/spreadsheets(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]{10,})(?:\/|$)/.exec(url.pathname);
  if (sheet) {
    const csv = new URL(`https://docs.google.com/spreadsheets/d/${sheet[1]}/export`);
    csv.searchParams.set('format', 'csv');
    if (gid) csv.searchParams.set('gid', gid);
    return { ok: true, fetchUrl: csv.href };
  }
  return {
    ok: false,
    reason: 'This Google link is not a sheet: open the sheet, choose Share → "Anyone with the link", and paste the link it copies (…/spreadsheets/d/…/edit).',
  };
}

function googleDrive(url: URL): SheetUrlResult {
  const id = /^\/file\/d\/([A-Za-z0-9_-]{10,})/.exec(url.pathname)?.[1] ?? url.searchParams.get('id');
  if (!id || !/^[A-Za-z0-9_-]{10,}$/.test(id)) {
    return { ok: false, reason: 'This Google Drive link is not a file: open the CSV file in Drive, choose Share, and paste the link it copies.' };
  }
  return { ok: true, fetchUrl: `https://drive.google.com/uc?export=download&id=${id}` };
}
