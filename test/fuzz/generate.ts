import { createHash } from 'node:crypto';
import type { Corpus } from './corpus';
import { blockBoundaries, byteFlip, MUTATOR_WEIGHTS, MUTATORS } from './mutators';
import { mixSeed, Rng } from './prng';

export interface Mutant {
  index: number;
  /** The seed text it started from. */
  seed: string;
  mutators: string[];
  bytes: Buffer;
}

/**
 * Mutant `index` of run seed `runSeed`, a pure function of both and the corpus. The first
 * 2 × (number of distinct block-boundary prefixes) indices alternate between a systematic truncation at every block
 * boundary of every seed and a random mutant; after that, one in four is a truncation (cycling through
 * the boundaries again, with one more random mutator) and the rest are random: 1–3 mutators in a row.
 */
export class MutantSource {
  private readonly boundaries: Array<[number, number]> = [];

  constructor(private readonly corpus: Corpus, private readonly runSeed: number) {
    // Distinct prefixes only: many rule-test cases share their first blocks.
    const seen = new Set<string>();
    // Saved regressions are mutated at random but not enumerated: they are already hostile (a 5,000-deep
    // fixture alone has 5,000 block boundaries).
    corpus.seeds.forEach((s, i) =>
      !s.name.startsWith('regressions/') &&
      blockBoundaries(s.text).forEach((b) => {
        const key = createHash('sha1').update(s.text.slice(0, b)).digest('base64');
        if (!seen.has(key)) {
          seen.add(key);
          this.boundaries.push([i, b]);
        }
      }),
    );
  }

  get boundaryCount(): number {
    return this.boundaries.length;
  }

  /** Which boundary mutant `index` truncates at, if it is a systematic truncation. */
  private boundaryOf(index: number): { at: number; cycle: number } | undefined {
    const t = this.boundaries.length;
    if (!t) return undefined;
    if (index < 2 * t) return index % 2 === 0 ? { at: index / 2, cycle: 0 } : undefined;
    // Counted from 2t, not from 0: with an odd number of boundaries, index % 4 === 0 made k fractional.
    if ((index - 2 * t) % 4 !== 0) return undefined;
    const k = t + (index - 2 * t) / 4;
    return { at: k % t, cycle: Math.floor(k / t) };
  }

  get(index: number): Mutant {
    const rng = new Rng(mixSeed(this.runSeed, index));
    const seeds = this.corpus.seeds;
    const others = seeds.map((s) => s.text);
    const systematic = this.boundaryOf(index);
    let text: string;
    let seed: string;
    const mutators: string[] = [];
    let flip = false;
    let steps: number;
    if (systematic) {
      const [si, offset] = this.boundaries[systematic.at];
      seed = seeds[si].name;
      text = seeds[si].text.slice(0, offset);
      mutators.push(`truncate@${offset}`);
      steps = systematic.cycle ? 1 : 0;
    } else {
      const s = rng.pick(seeds);
      seed = s.name;
      text = s.text;
      steps = rng.weighted([[6, 1], [3, 2], [1, 3]] as const);
    }
    for (let k = 0; k < steps; k++) {
      const name = rng.weighted(MUTATOR_WEIGHTS);
      mutators.push(name);
      if (name === 'byte-flip') flip = true;
      else text = MUTATORS[name](text, rng, others);
    }
    let bytes: Buffer = Buffer.from(text, 'utf8');
    if (flip) bytes = byteFlip(bytes, rng);
    return { index, seed, mutators, bytes };
  }
}

export function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** The seed of the random edits, positions and choices the checks make for mutant `index` (worker.ts, regressions.test.ts). */
export function checkSeedOf(runSeed: number, index: number): number {
  return mixSeed(runSeed ^ 0x5bd1e995, index);
}
