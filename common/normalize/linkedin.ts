/**
 * One spelling per LinkedIn profile, so that re-imports and overlapping lists find the same
 * person: https://www.linkedin.com/in/<handle>, lower case, no query, no trailing slash.
 * Undefined when the input is not a LinkedIn profile URL.
 */
export function normalizeLinkedinUrl(raw: string): string | undefined {
  let text = raw.trim();
  if (!text) return undefined;
  if (!/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  const match = /^\/(in|pub)\/([^/]+)/i.exec(url.pathname);
  if (!match) return undefined;
  let handle: string;
  try {
    handle = decodeURIComponent(match[2]!).normalize('NFC').toLowerCase();
  } catch {
    return undefined;
  }
  if (!handle || handle.length > 100 || /[\s/?#]/.test(handle)) return undefined;
  return `https://www.linkedin.com/in/${encodeURIComponent(handle)}`;
}
