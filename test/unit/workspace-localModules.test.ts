import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { Workspace } from '../../server/src/service/workspace';

const caller = 'data "coder_workspace" "me" {}\n\nmodule "app" {\n  source = "./modules/app"\n  image  = "docker:dind"\n}\n';
const child = (input: string) => `variable "${input}" {\n  type = string\n}\n`;

describe('a local module in the workspace', () => {
  let dir: string;
  before(async () => {
    await initParser();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-local-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const unknownInputs = (ws: Workspace) =>
    lintModule(ws.moduleOf(path.join(dir, 'main.tf')), RULES.filter((r) => r.meta.id === 'module-unknown-input')).map((f) => f.message);

  it('rebuilds its callers when the child changes: an edit of an open child, a write on disk, a deleted folder', () => {
    const app = path.join(dir, 'modules', 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(dir, 'main.tf'), caller);
    writeFileSync(path.join(app, 'variables.tf'), child('image'));
    const ws = new Workspace();
    ws.openDocument(path.join(dir, 'main.tf'), caller, 1);
    assert.deepEqual(unknownInputs(ws), []);
    assert.deepEqual(ws.callersOf(app), [dir]);
    assert.deepEqual(ws.localModulesOf(dir), [app]);

    ws.openDocument(path.join(app, 'variables.tf'), child('image'), 1);
    ws.getOpen(path.join(app, 'variables.tf'))!.applyChanges([{ text: child('picture') }], 2);
    ws.touched(path.join(app, 'variables.tf'));
    assert.equal(unknownInputs(ws).length, 1, 'an edit of the open child reaches the caller');

    ws.closeDocument(path.join(app, 'variables.tf'));
    assert.deepEqual(unknownInputs(ws), [], 'closing the child drops its unsaved text');

    writeFileSync(path.join(app, 'variables.tf'), child('picture'));
    ws.fileChangedOnDisk(path.join(app, 'variables.tf'));
    assert.equal(unknownInputs(ws).length, 1, 'a change on disk reaches the caller');

    rmSync(app, { recursive: true, force: true });
    ws.fileChangedOnDisk(app);
    assert.deepEqual(unknownInputs(ws), [], 'a deleted child is unknown, so no input is reported');
  });
});
