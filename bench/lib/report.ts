import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Machine } from './machine.js';

/**
 * One measured figure beside its baseline from the same run. `higherIsBetter` decides how the
 * ratio is read against `target` (a bound on value/baseline, or on the value itself).
 */
export interface Figure {
  name: string;
  unit: string;
  value?: number;
  baseline?: number;
  baselineLabel?: string;
  /** Human-readable target, as the issue states it ("≤ 10× COPY"). */
  target?: string;
  /** True when the target is met; undefined when there is no target or no value. */
  pass?: boolean;
  note?: string;
  error?: string;
}

export const ratio = (f: Figure) => (f.value !== undefined && f.baseline ? f.value / f.baseline : undefined);

/** A figure whose measurement failed: the table shows why instead of a number. */
export function failed(name: string, unit: string, err: unknown, target?: string): Figure {
  return { name, unit, target, error: err instanceof Error ? err.message : String(err) };
}

const show = (value: number | undefined, unit = '') => {
  if (value === undefined) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

export function formatTable(figures: Figure[]): string {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target', ''],
    ...figures.map((f) => {
      const r = ratio(f);
      return [
        f.name,
        f.error ? 'error' : show(f.value, f.unit),
        f.baseline === undefined ? '—' : `${show(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`,
        r === undefined ? '—' : `${r.toFixed(2)}×`,
        f.target ?? '—',
        f.pass === undefined ? '' : f.pass ? '✓' : '✗',
      ];
    }),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...row[c]!].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  // One line per distinct problem: a missing endpoint fails every figure of its section alike.
  const notes = new Map<string, string[]>();
  for (const f of figures) {
    const text = f.error ?? f.note;
    if (text) notes.set(text, [...(notes.get(text) ?? []), f.name]);
  }
  const noteLines = [...notes].map(([text, names]) => `- ${names.length > 1 ? `${names[0]} (and ${names.length - 1} more)` : names[0]}: ${text}`);
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line), '', ...noteLines].join('\n');
}

export async function writeResults(file: string, result: { machine: Machine; options: unknown; figures: Figure[]; seconds: number }): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const figures = result.figures.map((f) => ({ ...f, ratio: ratio(f) }));
  await writeFile(file, `${JSON.stringify({ ...result, figures }, null, 2)}\n`);
}
