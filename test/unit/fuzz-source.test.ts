import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Corpus } from '../fuzz/corpus';
import { MutantSource } from '../fuzz/generate';

function corpusOf(texts: string[]): Corpus {
  return { seeds: texts.map((text, i) => ({ name: `seed-${i}.tf`, text })), sources: { tests: texts.length } } as unknown as Corpus;
}

describe('the fuzzer’s mutant source', () => {
  for (const blocks of [3, 4]) {
    it(`builds every mutant past the first 2 × boundaries, with ${blocks} blocks (an ${blocks % 2 ? 'odd' : 'even'} boundary count)`, () => {
      const text = Array.from({ length: blocks }, (_, i) => `variable "v${i}" {\n  default = ${i}\n}\n`).join('\n');
      const source = new MutantSource(corpusOf([text]), 7);
      const t = source.boundaryCount;
      assert.ok(t > 0);
      const truncations = new Set<string>();
      for (let index = 0; index < 2 * t + 8 * t; index++) {
        const mutant = source.get(index);
        assert.ok(mutant.bytes.length >= 0);
        const cut = mutant.mutators.find((m) => m.startsWith('truncate@'));
        if (index >= 2 * t && cut) truncations.add(cut);
      }
      // After the first pass, one mutant in four truncates again, cycling through every boundary.
      assert.equal(truncations.size, t);
    });
  }
});
