/** An http(s) URL as given, or undefined: no javascript:, data: or relative links on a public page. */
export function normalizeWebUrl(raw: string, max = 500): string | undefined {
  let text = raw.trim();
  if (!text || text.length > max) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}
