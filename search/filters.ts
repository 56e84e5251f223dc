import type { Filter } from 'meilisearch';
import { FILTERABLE_ATTRIBUTES } from './profiles-index.js';

/**
 * Meilisearch filter expressions built from validated values only. Field names come from the
 * index's own list (a type, not user text); string values are always double-quoted with `\` and
 * `"` escaped, so no value can close its quotes and add `OR …` of its own; numbers must be finite.
 */
type FilterField = (typeof FILTERABLE_ATTRIBUTES)[number];

/** One AND-ed condition: an expression, or a group of expressions any of which may hold. */
export type Condition = string | string[];

/** A string as a Meilisearch filter literal: `x" OR skills = "y` stays one harmless value. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function eq(field: FilterField, value: string | boolean): string {
  return `${field} = ${typeof value === 'boolean' ? String(value) : quote(value)}`;
}

/** Matches when the field holds any of the values (an OR group inside the AND list). */
export function anyOf(field: FilterField, values: readonly string[]): Condition[] {
  return values.length === 0 ? [] : [values.map((v) => eq(field, v))];
}

/** Matches when the field (an array) holds every one of the values. */
export function allOf(field: FilterField, values: readonly string[]): Condition[] {
  return values.map((v) => eq(field, v));
}

/** `min <= field <= max`, each bound optional. */
export function range(field: FilterField, min: number | undefined, max: number | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (min !== undefined) conditions.push(`${field} >= ${finite(min)}`);
  if (max !== undefined) conditions.push(`${field} <= ${finite(max)}`);
  return conditions;
}

function finite(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`filter bound must be a finite number, got ${n}`);
  return String(n);
}

/** The conditions as Meilisearch's array form (outer AND, inner OR), or undefined when none. */
export function toFilter(conditions: readonly Condition[]): Filter | undefined {
  return conditions.length === 0 ? undefined : [...conditions];
}
