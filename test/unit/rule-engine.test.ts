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
    meta: { id: 'test-rule', defaultSeverity: 'warning', description: 'test', fixable: true, messages: { titled: '{{title}}' }, tags: ['syntax'] },
    check: (context) => {
      const file = context.module.files[0];
      for (const fix of fixes) context.report({ file, range: range(2, 2, 3), messageId: 'titled', data: { title: fix.title }, fix, suggestions: [fix] });
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
    meta: { id: 'weighted-rule', defaultSeverity: 'error', description: 'test', fixable: false, messages: { refused: 'refused', warned: 'only a warning upstream' }, tags: ['syntax'] },
    check: (context) => {
      const file = context.module.files[0];
      context.report({ file, range: range(0, 0, 4), messageId: 'refused' });
      context.report({ file, range: range(2, 2, 3), messageId: 'warned', severity: 'hint' });
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

describe('a finding names its message; the engine fills it', () => {
  before(() => initParser());

  const reporting = (messageId: string, data?: Record<string, string | number>): Rule => ({
    meta: {
      id: 'message-rule',
      defaultSeverity: 'warning',
      description: 'test',
      fixable: false,
      messages: { named: '`{{name}}` is used {{count}} times; {{ name }} again, and a literal {brace} stays' },
      tags: ['syntax'],
    },
    check: (context) => context.report({ file: context.module.files[0], range: range(0, 0, 4), messageId, data }),
  });

  it('fills every placeholder, keeps the id and the data on the finding', () => {
    const file = new TfFile('/t/engine-messages/main.tf', TEXT, 1);
    const [finding] = lintModule(new TemplateModule('/t/engine-messages', [file]), [reporting('named', { name: 'x', count: 2 })]);
    assert.equal(finding.message, '`x` is used 2 times; x again, and a literal {brace} stays');
    assert.equal(finding.messageId, 'named');
    assert.deepEqual(finding.data, { name: 'x', count: 2 });
    file.dispose();
  });

  for (const [name, messageId, data, wanted] of [
    ['an id the rule does not declare', 'other', { name: 'x', count: 1 }, /unknown message id "other"/],
    ['a placeholder without data', 'named', { name: 'x' }, /no data for \{\{count\}\}/],
  ] as const) {
    it(`a rule bug, ${name}, is the rule's error, not a finding with a hole`, () => {
      const file = new TfFile('/t/engine-messages/main.tf', TEXT, 1);
      const errors: unknown[] = [];
      const findings = lintModule(new TemplateModule('/t/engine-messages', [file]), [reporting(messageId, data)], { onRuleError: (_, e) => errors.push(e) });
      assert.deepEqual(findings, []);
      assert.match(String(errors[0]), wanted);
      file.dispose();
    });
  }
});
