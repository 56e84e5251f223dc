import { describe, expect, it } from 'vitest';
import { allOf, anyOf, eq, quote, range, toFilter } from '../../search/filters.js';

describe('filter builder', () => {
  it('quotes plain values', () => {
    expect(eq('skills', 'React')).toBe('skills = "React"');
    expect(eq('relocation', true)).toBe('relocation = true');
  });

  it('escapes quotes and backslashes, so a value can never close its quotes', () => {
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('C:\\path\\')).toBe('"C:\\\\path\\\\"');
    expect(quote('\\"')).toBe('"\\\\\\""');
  });

  it('keeps an injection attempt inside one string literal', () => {
    const expression = eq('skills', 'x" OR skills = "y');
    expect(expression).toBe('skills = "x\\" OR skills = \\"y"');
    // Unescaped, the only quotes left are the two that open and close the literal.
    const unescaped = expression.replace(/\\\\/g, '').replace(/\\"/g, '');
    expect(unescaped.match(/"/g)).toHaveLength(2);
  });

  it('groups any-of values in one OR group and all-of values as separate AND conditions', () => {
    expect(anyOf('country', ['US', 'DE'])).toEqual([['country = "US"', 'country = "DE"']]);
    expect(anyOf('country', [])).toEqual([]);
    expect(allOf('skills', ['Go', 'Rust'])).toEqual(['skills = "Go"', 'skills = "Rust"']);
  });

  it('builds numeric ranges with either bound, refusing what is not a finite number', () => {
    expect(range('years_experience', 3, undefined)).toEqual(['years_experience >= 3']);
    expect(range('layoff_at', 0, 100)).toEqual(['layoff_at >= 0', 'layoff_at <= 100']);
    expect(() => range('layoff_at', Number.NaN, undefined)).toThrow(RangeError);
    expect(() => range('layoff_at', undefined, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('gives no filter at all when there is no condition', () => {
    expect(toFilter([])).toBeUndefined();
    expect(toFilter(['a = "1"', ['b = "2"', 'b = "3"']])).toEqual(['a = "1"', ['b = "2"', 'b = "3"']]);
  });
});
