import { renderMail, type RenderedMail } from './layout.js';

interface SavedSearchAlert {
  recruiterName: string | null;
  searchName: string;
  cadence: 'daily' | 'weekly';
  since: Date;
  /** How many people are new in all; `people` lists the first of them. */
  total: number;
  people: { name: string; detail: string; url: string }[];
  seeAllUrl: string;
  workspaceUrl: string;
  unsubscribeUrl: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * New matches of a recruiter's saved search. The search's name is the recruiter's own text: it
 * stays in the body, never in the subject.
 */
export function savedSearchAlertMail(a: SavedSearchAlert): RenderedMail {
  const day = a.since.toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const more = a.total - a.people.length;
  return renderMail({
    subject: `${plural(a.total, 'new person matches', 'new people match')} your saved search`,
    name: a.recruiterName,
    paragraphs: [`New on Lifeline since ${day}, for your saved search "${a.searchName}":`],
    items: a.people.map((p) => ({ label: p.name, detail: p.detail, url: p.url })),
    action: { label: more > 0 ? `See all ${a.total.toLocaleString('en')} new matches` : 'See them in your search', url: a.seeAllUrl },
    notes: [
      `You get this ${a.cadence === 'daily' ? 'daily' : 'weekly'} when someone new matches, and no one is listed twice. Change how often, or stop, in your workspace: ${a.workspaceUrl}`,
    ],
    unsubscribeUrl: a.unsubscribeUrl,
  });
}
