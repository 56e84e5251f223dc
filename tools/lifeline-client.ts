import { spawn } from 'node:child_process';
import { existsSync, openAsBlob } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ListSeed } from './people/generate.js';

/**
 * A client of Lifeline's HTTP contract (DESIGN.md), as an organizer, a candidate and a recruiter
 * use it. Seeding and benchmarks go through it, so they take the same path as real data.
 */

/** An endpoint this build does not have: a feature not merged yet. */
class MissingEndpointError extends Error {
  override name = 'MissingEndpointError';
}

export interface ImportState {
  id: number | string;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: 'reading' | 'merging' | null;
  processed: number;
  counts: { total: number; created: number; updated: number; unchanged: number; skipped: number; failed: number };
  error?: string | null;
  message?: string;
}

interface MailMessage {
  links: string[];
}

const FEATURES: [RegExp, string][] = [
  [/^\/api\/(lists|imports)/, 'the CSV import API (issue 4)'],
  [/^\/api\/search/, 'the search API (issue 5)'],
  [/^\/api\/(profiles|dev\/mail)/, 'the opt-in API'],
];

export class LifelineClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  createList(list: Pick<ListSeed, 'title' | 'employer'> & Partial<Pick<ListSeed, 'sourceUrl' | 'description'>>): Promise<{ slug: string }> {
    const { title, employer, sourceUrl, description } = list;
    return this.call('POST', '/api/lists', { json: { title, employer, sourceUrl, description } });
  }

  /** Uploads a CSV from disk, streamed (the file is never read whole), with consent attested. */
  async startImport(slug: string, file: string): Promise<{ id: number | string }> {
    const form = new FormData();
    // Fields first: a streaming multipart reader sees only the fields that came before the file.
    form.append('attestConsent', 'true');
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), path.basename(file));
    return this.call('POST', `/api/lists/${encodeURIComponent(slug)}/imports`, { body: form });
  }

  importState(id: number | string): Promise<ImportState> {
    return this.call('GET', `/api/imports/${encodeURIComponent(String(id))}`);
  }

  /** Polls an import until it is done; throws with the server's reason when it failed. */
  async waitForImport(id: number | string, onProgress?: (state: ImportState) => void, timeoutMs = 3_600_000): Promise<ImportState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.importState(id);
      onProgress?.(state);
      if (state.status === 'done') return state;
      if (state.status === 'failed') throw new Error(`import ${id} failed: ${state.error ?? state.message ?? 'no reason given'}`);
      if (Date.now() > deadline) throw new Error(`import ${id} was still ${state.status} after ${timeoutMs / 1000} s (${state.processed} rows processed)`);
      await sleep(50);
    }
  }

  optIn(body: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/api/profiles', { json: body });
  }

  /** The dev mailbox, newest first (an array, or `{ messages }`). */
  async devMail(to: string): Promise<MailMessage[]> {
    const answer = await this.call<MailMessage[] | { messages: MailMessage[] }>('GET', `/api/dev/mail?to=${encodeURIComponent(to)}`);
    return Array.isArray(answer) ? answer : answer.messages;
  }

  verify(token: string): Promise<unknown> {
    return this.call('POST', '/api/profiles/verify', { json: { token } });
  }

  search(query: string): Promise<{ hits: { slug: string }[]; total: number }> {
    return this.call('GET', `/api/search${query ? `?${query}` : ''}`);
  }

  private async call<T>(method: string, route: string, init: { json?: unknown; body?: FormData } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      signal: AbortSignal.timeout(600_000),
    });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return body as T;
    const message = (body as { message?: string } | undefined)?.message ?? text;
    const shown = `${method} ${route.split('?')[0]}`;
    // The app's not-found handler says "No route GET /x"; Fastify's default "Route GET:/x not found".
    if (res.status === 404 && /^(No route |Route .* not found$)/.test(message)) {
      const feature = FEATURES.find(([pattern]) => pattern.test(route))?.[1] ?? 'this endpoint';
      throw new MissingEndpointError(`${shown} answered 404: ${feature} is not in this build`);
    }
    throw new Error(`${shown} answered ${res.status}: ${message}`);
  }
}

/**
 * Creates an organizer with the project's own command (`npm run user -- add …`, which prints the
 * API token as its last line) against the given stores.
 */
export async function createOrganizerToken(env: Record<string, string>, email: string): Promise<string> {
  if (!existsSync('scripts/user.ts')) {
    throw new MissingEndpointError('npm run user is not in this build: organizers come with the CSV import (issue 4)');
  }
  const args = ['run', '--silent', 'user', '--', 'add', '--email', email, '--role', 'organizer'];
  const child = spawn('npm', args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const token = out.trim().split('\n').at(-1)?.trim();
  if (code !== 0 || !token) throw new Error(`npm run user -- add failed (exit ${code}): ${err.trim() || out.trim()}`);
  return token;
}
