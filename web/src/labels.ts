/** How counts, places and dates read in the UI. The codes' labels are in common/labels.ts: the server's mail shows them too. */
import { countryName } from '../../common/labels.js';

/** "1 person", "100,000 people"; "10,000+ people" when the count is only a floor. */
export const peopleLabel = (n: number, orMore = false) => `${n.toLocaleString('en')}${orMore ? '+' : ''} ${n === 1 ? 'person' : 'people'}`;

export const relocationLabel = (open: boolean) => (open ? 'Open to relocating' : 'Not relocating');

/** "Seattle, Washington, United States". */
export function placeLabel(p: { city: string | null; region: string | null; country: string | null }): string {
  return [p.city, p.region && p.region !== p.city ? p.region : null, p.country ? countryName(p.country) : null]
    .filter(Boolean)
    .join(', ');
}

/** "2026-10-01" → "Oct 1, 2026" (the day as written, whatever the viewer's time zone). */
export function dateLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "2026-10-01" → "Oct 2026". */
export function monthLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString('en', { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const DAY_MS = 86_400_000;

/** "Confirmed today", "Confirmed 3 days ago", "Confirmed 5 weeks ago", "Confirmed 4 months ago". */
export function confirmedLabel(at: string, now = Date.now()): string {
  const days = Math.max(0, Math.floor((now - Date.parse(at)) / DAY_MS));
  if (Number.isNaN(days)) return '';
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    days < 14 ? [days, 'day'] : days < 70 ? [Math.floor(days / 7), 'week'] : [Math.floor(days / 30), 'month'];
  return `Confirmed ${RELATIVE.format(-value, unit)}`;
}
