import { describe, expect, it } from 'vitest';
import { LabelCache } from '../../search/label-cache.js';

describe('LabelCache', () => {
  const loader = (names: Record<string, string>) => {
    const asked: string[][] = [];
    const load = async (keys: string[]) => {
      asked.push(keys);
      return Object.fromEntries(keys.filter((k) => names[k]).map((k) => [k, names[k]!]));
    };
    return { asked, load };
  };

  it('loads only what it does not hold, and asks again for keys that had no name', async () => {
    const cache = new LabelCache();
    const { asked, load } = loader({ meta: 'Meta', google: 'Google' });
    expect(await cache.get(['meta', 'gone'], load)).toEqual({ meta: 'Meta' });
    expect(await cache.get(['meta', 'google', 'gone'], load)).toEqual({ meta: 'Meta', google: 'Google' });
    expect(asked).toEqual([['meta', 'gone'], ['google', 'gone']]);
  });

  it('forgets names once they expire, and never holds more than its maximum', async () => {
    const { asked, load } = loader({ a: 'A', b: 'B', c: 'C' });
    const expired = new LabelCache(-1);
    await expired.get(['a'], load);
    await expired.get(['a'], load);
    expect(asked).toEqual([['a'], ['a']]);

    const small = new LabelCache(60_000, 2);
    await small.get(['a', 'b', 'c'], load);
    asked.length = 0;
    expect(await small.get(['b', 'c'], load)).toEqual({ b: 'B', c: 'C' });
    expect(asked).toEqual([]);
    await small.get(['a'], load);
    expect(asked).toEqual([['a']]);
  });
});
