import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import type { Rule } from '../../server/src/rules/types';
import { LanguageService } from '../../server/src/service/languageService';

const TEXT = 'locals {\n  a = 1\n}\n';

describe('one lint per module snapshot, shared by publishing and code actions', () => {
  before(() => initParser());

  it('a code action after a lint reads its findings; an edit makes one new lint', async () => {
    let checks = 0;
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'warning', description: 'counts its runs', fixable: false, allModules: true, messages: { found: 'a finding to act on' }, tags: ['syntax'] },
      check({ module, report }) {
        checks++;
        const file = module.files[0];
        report({ file, range: file.rangeOfOffsets(0, 6), messageId: 'found' });
      },
    };
    const uri = 'untitled:Untitled-1';
    const published: number[] = [];
    const service = new LanguageService({
      publish: (_uri, diagnostics) => void published.push(diagnostics.length),
      log: () => undefined,
      settings: async () => ({ rules: {} }),
      debounceMs: 0,
      syntaxDebounceMs: 0,
      rules: [spy],
    });
    service.didOpen(uri, TEXT, 1);
    await service.flush();
    assert.equal(checks, 1);
    assert.ok(published.includes(1), 'the finding was published');

    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } };
    const diagnostic = { range, message: 'a finding to act on', code: 'spy', source: 'coder-dind', severity: 2 as const };
    const ask = () => service.codeActions({ textDocument: { uri }, range, context: { diagnostics: [diagnostic] } });
    const actions = await ask();
    assert.ok(actions.some((a) => /spy/.test(a.title)), `the finding's own actions: ${actions.map((a) => a.title).join(', ')}`);
    await ask();
    assert.equal(checks, 1, 'code actions on the linted snapshot lint nothing');

    service.didChange(uri, 2, [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } }, text: '2' }]);
    await service.flush();
    await ask();
    assert.equal(checks, 2, 'one lint for the new snapshot, shared with the code action');
    service.dispose();
  });
});
