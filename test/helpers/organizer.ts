import { expect } from 'vitest';
import { createUser, issueApiToken } from '../../server/services/users.js';
import { createTestApp, type TestApp } from './app.js';

let counter = 0;

/** A new organizer (or admin) of this app and an API token for it. */
export async function createOrganizer(t: TestApp, role: 'organizer' | 'admin' = 'organizer', password?: string) {
  const email = `organizer${++counter}-${Date.now()}@example.org`;
  const user = await createUser(t.app.db, { email, role, password });
  const token = await issueApiToken(t.app.db, user.id);
  return { user, token, auth: { authorization: `Bearer ${token}` } };
}

/** An app without the search worker, and an organizer's API token for it; the app is closed if the token cannot be made. */
export async function appWithOrganizer(): Promise<{ t: TestApp; token: string }> {
  const t = await createTestApp({}, { worker: false });
  try {
    return { t, token: (await createOrganizer(t)).token };
  } catch (err) {
    await t.close();
    throw err;
  }
}

export async function createList(t: TestApp, token: string, body: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/lists',
    headers: { authorization: `Bearer ${token}` },
    payload: { title: `Layoffs ${++counter}`, employer: 'Meta', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { slug: string };
}

interface UploadFields {
  dryRun?: boolean;
  attestConsent?: boolean;
  mapping?: Record<string, string | null>;
  encoding?: string;
}

/** POSTs a CSV (text or bytes) as the API expects it; returns the raw reply. */
export function uploadCsv(t: TestApp, token: string, slug: string, content: string | Buffer, fields: UploadFields = {}, name = 'list.csv') {
  const form = new FormData();
  if (fields.dryRun !== undefined) form.append('dryRun', String(fields.dryRun));
  form.append('attestConsent', String(fields.attestConsent ?? true));
  if (fields.mapping) form.append('mapping', JSON.stringify(fields.mapping));
  if (fields.encoding) form.append('encoding', fields.encoding);
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return t.app.inject({ method: 'POST', url: `/api/lists/${slug}/imports`, headers: { authorization: `Bearer ${token}` }, payload: form });
}

interface ImportStatus {
  id: number;
  status: string;
  fileName: string;
  processed: number;
  counts: { total: number; created: number; updated: number; unchanged: number; skipped: number; failed: number };
  error?: string;
  mapping: Record<string, string>;
  confidence: Record<string, number>;
  language: string | null;
  headers: string[];
  encoding: string | null;
  preview?: { line: number; outcome: string; reason?: string; notes: string[]; values?: Record<string, unknown> }[];
}

/** Uploads, waits for the background import to finish, and returns its final status. */
export async function importCsv(t: TestApp, token: string, slug: string, content: string | Buffer, fields: UploadFields = {}): Promise<ImportStatus> {
  const res = await uploadCsv(t, token, slug, content, fields);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.imports.idle();
  return importStatus(t, token, res.json().id);
}

export async function importStatus(t: TestApp, token: string, id: number): Promise<ImportStatus> {
  const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function reportOf(t: TestApp, token: string, id: number): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}/report.csv`, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}
