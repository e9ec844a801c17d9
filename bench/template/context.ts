/** What every part of a benchmark template reads: the methods, the seeded random source, and one unit's names. */

import { METHOD_IDS, MethodId } from '../../server/src/model/method';

/** The seven methods, in the product's own order. */
export const METHODS = METHOD_IDS;

export type Method = MethodId;

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Ctx {
  r: () => number;
  /** Unique suffix of this unit's names. */
  s: string;
  /** Owner name expression: mostly the current one, now and then the removed `owner` attribute. */
  owner: string;
  /** Whether the compute is gated by start_count (a few are not: a realistic finding). */
  counted: boolean;
}

export function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

/** `count = start_count` for a gated compute, nothing for the few that are not. */
export function counted(c: Ctx): string {
  return c.counted ? '  count = data.coder_workspace.me.start_count\n' : '';
}

export function idx(c: Ctx): string {
  return c.counted ? '[0]' : '';
}
