import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import type { Finding, Fix } from '../../server/src/rules/types';
import { fixProblems } from '../helpers/fixProperty';
import { toModule } from '../helpers/ruleTester';

/**
 * The checker of the fix property (test/helpers/fixProperty.ts) accepts a block renamed in place, a
 * block written again as a map assignment and a variable declared for its reference only when nothing
 * else changes: each of these hand-written fixes differs from an accepted one by one detail.
 */
const head = `data "coder_workspace" "me" {}
`;

/** The one finding of `rule` in `text`, and a fix replacing the `occurrence`th `from` by `to` (an insertion at the end when `from` is empty). */
function setup(text: string, rule: string, edits: Array<[string, string]>): { finding: Finding; fix: Fix; module: ReturnType<typeof toModule> } {
  const module = toModule(text);
  const file = module.files[0];
  const finding = lintModule(module, RULES).find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding`);
  const fix: Fix = {
    title: 'hand-written',
    edits: {
      [file.path]: edits.map(([from, to]) => {
        const start = from ? text.indexOf(from) : text.length;
        assert.ok(start >= 0, from);
        return { range: file.rangeOfOffsets(start, start + from.length), newText: to };
      }),
    },
  };
  return { finding, fix, module };
}

async function problems(text: string, rule: string, edits: Array<[string, string]>): Promise<string[]> {
  const { finding, fix, module } = setup(text, rule, edits);
  return fixProblems(module, finding, fix);
}

const agent = (body: string) => `${head}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
${body}}
`;

describe('the fix property checker', () => {
  before(() => initParser());

  it('accepts a nested block renamed with its content, and refuses one that loses an attribute on the way', async () => {
    const text = agent('  metdata {\n    key      = "k"\n    script   = "s"\n    interval = 1\n  }\n');
    assert.deepEqual(await problems(text, 'unknown-block', [['metdata', 'metadata']]), []);
    const lossy = await problems(text, 'unknown-block', [['metdata {\n    key      = "k"\n', 'metadata {\n    key      = "k2"\n']]);
    assert.ok(lossy.some((p) => /renames resource\.coder_agent\.main\.0\.metdata\.0 but nothing with the same content/.test(p)), lossy.join('\n'));
  });

  it('accepts a block written again as a map with the same entries, and refuses one whose entry changes', async () => {
    const text = agent('  env {\n    FOO = "bar"\n  }\n');
    assert.deepEqual(await problems(text, 'unknown-block', [['env {', 'env = {']]), []);
    const changed = await problems(text, 'unknown-block', [['env {\n    FOO = "bar"', 'env = {\n    FOO = "baz"']]);
    assert.ok(changed.some((p) => /renames resource\.coder_agent\.main\.0\.env\.0 but nothing/.test(p)), changed.join('\n'));
  });

  it('accepts variable-without-value on the variable declared for `var.x` only, not on another one', async () => {
    const text = `${head}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = var.home
}
`;
    const declare = (name: string) => `\nvariable "${name}" {\n  type = string\n}\n`;
    assert.deepEqual(await problems(text, 'undefined-reference', [['', declare('home')]]), []);
    const other = await problems(text, 'undefined-reference', [['', declare('home') + declare('other')]]);
    assert.ok(other.some((p) => /brings a new variable-without-value finding: `var\.other`/.test(p)), other.join('\n'));
  });
});
