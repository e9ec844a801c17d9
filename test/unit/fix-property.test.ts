import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { checkSyntax } from '../../server/src/service/hclParser';
import { loadCorpus, regressionSeeds } from '../fuzz/corpus';
import { fixProblems } from '../helpers/fixProperty';
import { toModule } from '../helpers/ruleTester';

/**
 * The fix property (test/helpers/fixProperty.ts) over every text the fuzzer starts from (the scaffolds,
 * every module text of the rule tests, the Coder docs examples, the e2e fixtures, the examples) and the
 * saved regression mutants. Every fix and suggestion any rule offers on a text that parses must keep it
 * parsing, remove its finding, bring no new one, and leave every other attribute as it was. (The rule
 * tables check the same on their own multi-file modules.)
 *
 * Regression mutants over MAX_REGRESSION characters are left to regressions.test.ts, which replays them
 * through the server and `lint --fix`: three are 100,000 characters of one repeated block with 25,000
 * fixes each, the same edit at another place (a minute of CPU for twenty of them). In the others at most
 * PER_RULE fixes of each rule are checked.
 */
const PER_RULE = 20;
const MAX_REGRESSION = 20_000;
const seeds = [
  ...loadCorpus().seeds.map((s) => ({ ...s, limit: Infinity })),
  ...regressionSeeds()
    .filter((r) => r.bytes.length <= MAX_REGRESSION)
    .map((r) => ({ name: r.name, text: r.bytes.toString('utf8'), limit: PER_RULE })),
];

describe('every fix in the fuzz corpus keeps the fix property', () => {
  before(() => initParser());

  it(`covers the corpus (${seeds.length} texts) and finds fixes to check in it`, async (t) => {
    let checked = 0;
    const failures: string[] = [];
    for (const seed of seeds) {
      const module = toModule(seed.text);
      // A text Terraform's parser rejects is not fixed by `lint --fix` at all.
      if ((await checkSyntax(module.files[0])).length) continue;
      const findings = lintModule(module, RULES);
      const perRule = new Map<string, number>();
      for (const finding of findings) {
        for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
          if (!fix) continue;
          const count = (perRule.get(finding.rule) ?? 0) + 1;
          perRule.set(finding.rule, count);
          if (count > seed.limit) continue;
          checked++;
          for (const problem of await fixProblems(module, finding, fix, findings)) failures.push(`${seed.name}: ${problem}`);
        }
      }
    }
    t.diagnostic(`${checked} fixes and suggestions checked`);
    assert.ok(checked > 200, `only ${checked} fixes found in the corpus`);
    assert.deepEqual(failures, []);
  });
});
