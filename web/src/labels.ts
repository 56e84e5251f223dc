/** How codes and dates read in the UI. The codes' labels are the server's too: its mail shows them. */
export { employmentTypeLabel, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../common/labels.js';

/** "1 person", "100,000 people". */
export const peopleLabel = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'person' : 'people'}`;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryLabel = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** "Seattle, Washington, United States". */
export function placeLabel(p: { city: string | null; region: string | null; country: string | null }): string {
  return [p.city, p.region && p.region !== p.city ? p.region : null, p.country ? countryLabel(p.country) : null]
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
