import { request } from './http.js';

import { csrf, type Me } from './account.js';
import type { ImportStatusReply } from '../../../server/schemas/imports.js';
import type { SourceReply } from '../../../server/schemas/list-sources.js';
import type { List } from '../../../server/schemas/lists.js';
import type { Target } from '../../../server/services/imports/mapping.js';

/** The organizer API; its types come from the server's schemas. Cookie writes carry the CSRF token. */
export type { Me };
export type LayoffList = List;
export type ImportStatus = ImportStatusReply;
export type ImportCounts = ImportStatus['counts'];
export type PreviewRow = NonNullable<ImportStatus['preview']>[number];
export type Mapping = ImportStatus['mapping'];
export type MappingConfidence = ImportStatus['confidence'];
export type { Target };

/** The profile fields a column can feed (the server's targets, every one), with their labels, in the editor's order. */
const TARGET_LABELS: Record<Target, string> = {
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  linkedin: 'LinkedIn URL',
  headline: 'Headline',
  role: 'Role / title',
  seniority: 'Seniority',
  skills: 'Skills',
  yearsExperience: 'Years of experience',
  location: 'Location',
  city: 'City',
  region: 'State / region',
  country: 'Country',
  remote: 'Remote',
  relocation: 'Willing to relocate',
  sponsorship: 'Needs visa sponsorship',
  workAuthorization: 'Authorized to work',
  company: 'Former employer',
  layoffDate: 'Layoff date',
  availableFrom: 'Available from',
  consent: 'Consent to be listed',
};
export const TARGETS = Object.entries(TARGET_LABELS) as [Target, string][];

/** An organizer's mapping as the API's override: the chosen columns, and null for every field left out. */
export function mappingOverride(mapping: Mapping | undefined): Record<string, string | null> | undefined {
  if (!mapping) return undefined;
  return Object.fromEntries(TARGETS.map(([target]) => [target, mapping[target] ?? null]));
}

export const getLists = (signal: AbortSignal) => request<{ lists: LayoffList[] }>('GET', '/api/lists', { signal });

export const createList = (me: Me, body: { title: string; employer: string; sourceUrl?: string; description?: string }) =>
  request<LayoffList>('POST', '/api/lists', { body, headers: csrf(me) });

interface UploadFields {
  dryRun: boolean;
  attestConsent: boolean;
  encoding: string;
  mapping?: Record<string, string | null>;
}

export function startImport(me: Me, slug: string, file: File, fields: UploadFields) {
  const form = new FormData();
  form.append('dryRun', String(fields.dryRun));
  form.append('attestConsent', String(fields.attestConsent));
  form.append('encoding', fields.encoding);
  if (fields.mapping) form.append('mapping', JSON.stringify(fields.mapping));
  form.append('file', file, file.name);
  return request<{ id: number }>('POST', `/api/lists/${encodeURIComponent(slug)}/imports`, { body: form, headers: csrf(me) });
}

const getImport = (id: number, signal?: AbortSignal) => request<ImportStatus>('GET', `/api/imports/${id}`, { signal });

export const reportUrl = (id: number) => `/api/imports/${id}/report.csv`;

/** Polls an import until it is done or failed, reporting each state. */
export async function watchImport(id: number, onUpdate: (status: ImportStatus) => void, signal: AbortSignal): Promise<ImportStatus> {
  for (;;) {
    const status = await getImport(id, signal);
    onUpdate(status);
    if (status.status === 'done' || status.status === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 400));
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  }
}

/** The sheet a list follows (PUT/GET /api/lists/:slug/source). */
export type SheetSource = SourceReply;
export type SyncCadence = SheetSource['every'];
type SourceMapping = NonNullable<SheetSource['mapping']>;

const sourcePath = (slug: string) => `/api/lists/${encodeURIComponent(slug)}/source`;

/** The list's sheet, or null when it follows none. */
export const getSource = async (slug: string, signal: AbortSignal) =>
  (await request<{ source: SheetSource | null }>('GET', sourcePath(slug), { signal })).source;

/** A dry run of the sheet at `url`: the import to watch, as for an uploaded file. */
export const previewSource = (me: Me, slug: string, body: { url: string; mapping?: SourceMapping }) =>
  request<{ id: number }>('POST', `${sourcePath(slug)}/preview`, { body, headers: csrf(me) });

export const setSource = (me: Me, slug: string, body: { url: string; every: SyncCadence; attestConsent: boolean; mapping?: SourceMapping }) =>
  request<SheetSource>('PUT', sourcePath(slug), { body, headers: csrf(me) });

export const syncSource = (me: Me, slug: string) =>
  request<{ id: number } | { unchanged: true }>('POST', `/api/lists/${encodeURIComponent(slug)}/sync`, { headers: csrf(me) });
