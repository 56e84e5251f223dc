import { describe, expect, it } from 'vitest';
import { failed, formatTable, ratio, type Figure } from '../../../bench/lib/report.js';
import { percentile } from '../../../bench/lib/stats.js';

describe('bench report', () => {
  const figures: Figure[] = [
    { name: 'import 10 rows, API', unit: 's', value: 3, baseline: 0.5, baselineLabel: 'COPY', target: '≤ 10× COPY', pass: true },
    { ...failed('search "text": p99', 'ms', new Error('GET /api/search answered 404'), '≤ 2× direct'), baseline: 12, baselineLabel: 'Meilisearch' },
    failed('search "text": throughput', 'req/s', new Error('GET /api/search answered 404')),
  ];

  it('shows each figure beside its baseline, with the ratio and whether the target is met', () => {
    const table = formatTable(figures);
    expect(table).toMatch(/\| import 10 rows, API\s+\| 3\.00 s\s+\| 0\.50 s \(COPY\)\s+\| 6\.00×\s+\| ≤ 10× COPY\s+\| ✓ \|/);
    expect(table).toMatch(/\| search "text": p99\s+\| error\s+\| 12\.0 ms \(Meilisearch\) \| —/);
    expect(ratio(figures[0]!)).toBe(6);
  });

  it('says why a figure is missing once per distinct reason', () => {
    const lines = formatTable(figures).split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual(['- search "text": p99 (and 1 more): GET /api/search answered 404']);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
