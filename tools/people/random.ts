/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Seeded so that the same
 * seed gives the same data on every machine: Math.random cannot be seeded.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** Draws `items[i]` with relative weight `weights[i]`; the cumulative weights are computed once. */
export function weighted<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
  const sums = cumulative(weights);
  return (random) => items[indexByWeight(sums, random.next())]!;
}

/**
 * A Zipf-like sampler over `items` (rank 1 most likely, weight 1/rank^exponent): the long tail of
 * real skill and employer frequencies.
 */
export function zipf<T>(items: readonly T[], exponent = 1.07): (random: Random) => T {
  return weighted(items, items.map((_, rank) => 1 / (rank + 1) ** exponent));
}

function cumulative(weights: readonly number[]): number[] {
  const sums: number[] = [];
  let total = 0;
  for (const w of weights) sums.push((total += w));
  return sums.map((s) => s / total);
}

/** The first index whose cumulative share exceeds `u` (binary search). */
function indexByWeight(sums: readonly number[], u: number): number {
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
