import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalModules, moduleOf, readModule } from '../../server/src/cli/modules';
import { initParser } from '../../server/src/model/parser';

describe('the CLI reads each local module once per run', () => {
  let dir: string;
  before(async () => {
    await initParser();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-cli-local-'));
    mkdirSync(path.join(dir, 'modules', 'box'), { recursive: true });
    writeFileSync(path.join(dir, 'modules', 'box', 'variables.tf'), 'variable "size" {\n  type    = number\n  default = 1\n}\n');
    for (const t of ['a', 'b']) {
      mkdirSync(path.join(dir, t));
      writeFileSync(path.join(dir, t, 'main.tf'), 'module "box" {\n  source = "../modules/box"\n}\n');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shares it between callers, and never hands out a module whose trees were freed', () => {
    const locals: LocalModules = new Map();
    const box = path.join(dir, 'modules', 'box');
    const a = moduleOf(readModule({ dir: path.join(dir, 'a') }), locals);
    const b = moduleOf(readModule({ dir: path.join(dir, 'b') }), locals);
    const first = a.localModule(box)!;
    assert.equal(b.localModule(box), first, 'one module for both callers');
    assert.deepEqual(first.declarationsOf('variable').map((d) => d.name), ['size']);

    // Between two modules of a run the trees are freed (lintSources parks them).
    for (const f of first.files) f.park();
    assert.equal(first.stale, true);
    const again = b.localModule(box)!;
    assert.notEqual(again, first);
    assert.equal(again.stale, false);
    assert.equal(again.files[0], first.files[0], 'the same files, parsed again');
    assert.deepEqual(again.declarationsOf('variable').map((d) => d.name), ['size']);
  });
});
