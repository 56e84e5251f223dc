import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { httpErrors } from '@fastify/sensible';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../../db/client.js';
import { MAX_UPLOAD_BYTES } from '../../plugins/external/multipart.js';
import { ENCODINGS, type EncodingChoice } from '../../../common/import-encodings.js';
import { createImport } from './jobs.js';
import { overrideProblems, type MappingOverride } from './mapping.js';
import type { ImportJob, ImportOptions } from './types.js';


function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'on', 'yes'].includes(value)) return true;
  if (['false', '0', 'off', 'no', ''].includes(value)) return false;
  throw httpErrors.badRequest(`${name} must be true or false`);
}

/** Reads the form's fields into import options; throws a 400 naming a bad field. */
export function importOptions(fields: Record<string, string>): ImportOptions {
  const encoding = (fields.encoding?.trim().toLowerCase() || 'auto') as EncodingChoice;
  if (!ENCODINGS.includes(encoding)) throw httpErrors.badRequest(`encoding must be one of ${ENCODINGS.join(', ')}`);
  let mapping: MappingOverride | undefined;
  if (fields.mapping?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fields.mapping);
    } catch {
      throw httpErrors.badRequest('mapping must be JSON, like {"email": "E-mail address", "name": "Full name"}');
    }
    const problems = overrideProblems(parsed);
    if (problems.length > 0) throw httpErrors.badRequest(problems.join('; '));
    mapping = parsed as MappingOverride;
  }
  return { dryRun: flag('dryRun', fields.dryRun), attestConsent: flag('attestConsent', fields.attestConsent), encoding, mapping };
}

const UPLOAD_PREFIX = 'lifeline-import-';

/** A new temporary file for a file to import (an upload, a fetched sheet), which removeStaleUploads cleans up after a crash. */
export const newUploadPath = () => path.join(os.tmpdir(), `${UPLOAD_PREFIX}${randomBytes(8).toString('hex')}.csv`);
/** Far longer than any import runs: an upload older than this was left by a process that died. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes uploads that a process which died mid-import left in the temp dir (each one is a list of
 * people with their emails); a live import's file is never that old. Returns how many it deleted.
 */
export async function removeStaleUploads(dir = os.tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(UPLOAD_PREFIX) || !name.endsWith('.csv')) continue;
    const file = path.join(dir, name);
    const modified = await stat(file).then((s) => s.mtimeMs, () => now);
    if (now - modified < STALE_UPLOAD_MS) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Streams the multipart upload: the file part goes straight to a temporary file (never whole in
 * memory), the other fields are collected; then the import row is created, queued.
 */
export async function receiveImportUpload(
  db: Executor,
  request: FastifyRequest,
  list: ImportJob['list'],
  userId: number,
  runner: number,
): Promise<ImportJob> {
  const filePath = newUploadPath();
  const fields: Record<string, string> = {};
  let fileName: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || fileName !== undefined) {
          part.file.resume();
          throw httpErrors.badRequest(`Send one file, in the field named "file" (got "${part.fieldname}")`);
        }
        // Shown back to the organizer and stored: control characters (a NUL above all) are dropped.
        fileName = (part.filename ?? '').replace(/[\u0000-\u001f\u007f]/g, '') || 'upload.csv';
        await pipeline(part.file, createWriteStream(filePath, { mode: 0o600 }));
        if (part.file.truncated) throw tooLarge();
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    if (fileName === undefined) throw httpErrors.badRequest('Add the CSV file in a form field named "file".');
    const options = importOptions(fields);
    const { size } = await stat(filePath);
    if (size === 0) throw httpErrors.badRequest('The file is empty. Export the list again and upload the .csv file.');
    const importId = await createImport(db, { listId: list.id, userId, fileName: fileName.slice(0, 255), options, runner });
    return { importId, list, filePath, sizeBytes: size, options };
  } catch (err) {
    await rm(filePath, { force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
}

const tooLarge = () =>
  httpErrors.payloadTooLarge(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split the list into smaller files and import each.`);
