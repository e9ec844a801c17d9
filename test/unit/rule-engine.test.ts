import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { TemplateModule } from '../../server/src/model/module';
import { initParser } from '../../server/src/model/parser';
import { Range, TextEdit } from '../../server/src/model/text';
import { lintModule } from '../../server/src/rules/engine';
import type { Fix, Rule } from '../../server/src/rules/types';

const TEXT = 'data "coder_workspace" "me" {}\nlocals {\n  a = 1\n  b = 2\n}\n';

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });
const edit = (r: Range, newText: string): TextEdit => ({ range: r, newText });

/** A rule that reports one finding per given fix, each with that fix and the same fixes as suggestions. */
function ruleWith(fixes: Fix[]): Rule {
  return {
    meta: { id: 'test-rule', defaultSeverity: 'warning', description: 'test', fixable: true },
    check: (context) => {
      const file = context.module.files[0];
      for (const fix of fixes) context.report({ file, range: range(2, 2, 3), message: fix.title, fix, suggestions: [fix] });
    },
  };
}

describe('the rule engine hands out only fixes an editor can apply', () => {
  before(() => initParser());

  it('drops a fix (and suggestion) whose edits overlap, keeps the finding, and orders the edits of the others', () => {
    const file = new TfFile('/t/engine/main.tf', TEXT, 1);
    const module = new TemplateModule('/t/engine', [file]);
    const overlapping: Fix = { title: 'overlapping', edits: { [file.path]: [edit(range(2, 2, 7), 'a = 3'), edit(range(2, 6, 7), '4')] } };
    const samePoint: Fix = { title: 'two insertions at one point', edits: { [file.path]: [edit(range(3, 2, 2), 'x'), edit(range(3, 2, 2), 'y')] } };
    const reversed: Fix = { title: 'reversed', edits: { [file.path]: [edit(range(3, 6, 7), '5'), edit(range(2, 2, 2), '# '), edit(range(2, 2, 7), 'a = 3')] } };
    const findings = lintModule(module, [ruleWith([overlapping, samePoint, reversed])]);

    assert.deepEqual(findings.map((f) => f.message), ['overlapping', 'two insertions at one point', 'reversed'], 'every finding stays');
    assert.equal(findings[0].fix, undefined);
    assert.deepEqual(findings[0].suggestions, []);
    assert.equal(findings[1].fix, undefined);
    assert.deepEqual(findings[2].fix?.edits[file.path], [edit(range(2, 2, 2), '# '), edit(range(2, 2, 7), 'a = 3'), edit(range(3, 6, 7), '5')]);
    assert.deepEqual(findings[2].suggestions?.map((s) => s.title), ['reversed']);
    file.dispose();
  });
});

describe('a finding may carry its own severity', () => {
  before(() => initParser());

  const rule: Rule = {
    meta: { id: 'weighted-rule', defaultSeverity: 'error', description: 'test', fixable: false },
    check: (context) => {
      const file = context.module.files[0];
      context.report({ file, range: range(0, 0, 4), message: 'refused' });
      context.report({ file, range: range(2, 2, 3), message: 'only a warning upstream', severity: 'hint' });
    },
  };

  it('used when the user has not set one for the rule; a setting wins over it', () => {
    const file = new TfFile('/t/engine-severity/main.tf', TEXT, 1);
    const module = new TemplateModule('/t/engine-severity', [file]);
    assert.deepEqual(lintModule(module, [rule]).map((f) => f.severity), ['error', 'hint']);
    assert.deepEqual(lintModule(module, [rule], { severities: { 'weighted-rule': 'warning' } }).map((f) => f.severity), ['warning', 'warning']);
    assert.deepEqual(lintModule(module, [rule], { severities: { 'weighted-rule': 'off' } }), []);
    file.dispose();
  });
});
