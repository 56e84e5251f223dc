import type { EncodingChoice } from '../../../common/import-encodings.js';
import type { MappingOverride } from './mapping.js';
import type { ImportedRow } from './rows.js';

/** What an import is asked to do, what it reports while it runs, and what it comes to. */

export interface ImportOptions {
  dryRun: boolean;
  attestConsent: boolean;
  encoding: EncodingChoice;
  mapping?: MappingOverride;
  /** A followed sheet: the list's people whom the file no longer names leave the list. */
  removeMissing?: boolean;
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** People who left the list because the file no longer names them (a followed sheet only). */
  removed: number;
}

/** A row of the preview: what would be stored, or why not. */
export interface PreviewRow {
  line: number;
  outcome: 'ok' | 'skipped' | 'failed';
  reason?: string;
  notes: string[];
  values?: Omit<ImportedRow, 'company'> & { formerEmployer: string | null };
}

export interface ImportProgress {
  processed: number;
  readBytes: number;
  sizeBytes: number;
  phase: 'reading' | 'merging';
}

export interface ImportJob {
  importId: number;
  list: { id: number; employer_id: number | null; employer_name: string | null };
  filePath: string;
  sizeBytes: number;
  options: ImportOptions;
}

export interface ImportOutcome {
  status: 'done' | 'failed';
  counts: ImportCounts;
  error?: string;
}
