import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { Workspace } from '../../server/src/service/workspace';

const text = (n: number) => `variable "v${n}" {}\nlocals {\n  x = var.v${n}\n}\n`;

describe('parking the trees of files read least recently', () => {
  before(() => initParser());

  it('keeps the most recent module, parks the others past the budget, and parses them again on read', () => {
    const ws = new Workspace();
    const keys = [1, 2, 3].map((n) => `/nonexistent-coder-dind/m${n}/main.tf`);
    keys.forEach((k, i) => ws.openDocument(k, text(i + 1), 1));
    const modules = keys.map((k) => ws.moduleOf(k));
    const names = modules.map((m) => [...m.declarations.keys()]);
    const files = keys.map((k) => ws.getOpen(k)!);
    assert.deepEqual(files.map((f) => f.parsed), [true, true, true]);

    assert.equal(ws.trim(1), 2);
    assert.deepEqual(files.map((f) => f.parsed), [false, false, true]);
    assert.deepEqual(modules.map((m) => m.stale), [true, true, false]);

    const again = ws.moduleOf(keys[0]);
    assert.notEqual(again, modules[0], 'a stale module is rebuilt');
    assert.deepEqual([...again.declarations.keys()], names[0]);
    assert.equal(files[0].parsed, true);
    assert.equal(ws.moduleOf(keys[2]), modules[2], 'a module whose files stayed is kept');
  });

  it('parks nothing while the parsed text fits the budget', () => {
    const ws = new Workspace();
    const keys = [1, 2].map((n) => `/nonexistent-coder-dind/n${n}/main.tf`);
    keys.forEach((k, i) => ws.openDocument(k, text(i + 1), 1));
    keys.forEach((k) => ws.moduleOf(k).declarations);
    assert.equal(ws.trim(10_000), 0);
    assert.ok(keys.every((k) => ws.getOpen(k)!.parsed));
  });

  it('an edit to a parked document changes its text; the next read parses the new text', () => {
    const ws = new Workspace();
    const key = '/nonexistent-coder-dind/p/main.tf';
    const file = ws.openDocument(key, text(1), 1)!;
    ws.moduleOf(key).declarations;
    file.park();
    file.applyChanges([{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } }, text: 'renamed' }], 2);
    assert.equal(file.parsed, false);
    assert.equal(file.text.split('\n')[0], 'variable "renamed" {}');
    ws.touched(key);
    assert.deepEqual([...ws.moduleOf(key).declarations.keys()], ['variable:renamed', 'local:x']);
  });
});
