import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { checkSyntax } from '../../server/src/rules/hcl-syntax';
import { HclWorkerPool } from '../../server/src/service/hclWorkers';

const TEXTS = [
  'resource "docker_container" "w" {\n  image = "x"\n}\n',
  'resource "a" "b" {\n  x = \n}\n',
  'locals {\n  a = [1, 2\n  b = "ünïcödé ${var.x"\n}\n',
  'variable "v" {\n  default = 1\n  default = 2\n}\n',
  '',
];

describe('hcl-syntax in worker threads', () => {
  let pool: HclWorkerPool;
  before(async () => {
    await initParser();
    // The sources' worker entry runs under the same loader as this test (tsx), like dist/hcl-worker.js does bundled.
    pool = new HclWorkerPool(path.join(__dirname, '../../server/src/hcl-worker.ts'), 2);
  });
  after(() => pool.dispose());

  it('gives the same reports as the check in this thread, for each file, however many run at once', async () => {
    const files = TEXTS.map((text, i) => new TfFile(`/t/${i}/main.tf`, text, 1));
    const fromWorkers = await Promise.all(files.map((f) => pool.check(f)));
    for (const [i, file] of files.entries()) {
      const here = await checkSyntax(file);
      assert.deepEqual(
        fromWorkers[i].map((r) => ({ range: r.range, message: r.message })),
        here.map((r) => ({ range: r.range, message: r.message })),
        `text ${i}`,
      );
      assert.ok(fromWorkers[i].every((r) => r.file === file), 'reports point at the caller\'s file');
    }
    assert.ok(fromWorkers[1].length > 0, 'a broken text has reports');
  });

  it('hands queued checks back to this thread when disposed', async () => {
    const local = new HclWorkerPool(path.join(__dirname, '../../server/src/hcl-worker.ts'), 1);
    const file = new TfFile('/t/x/main.tf', TEXTS[1], 1);
    const pending = [local.check(file), local.check(file), local.check(file)];
    local.dispose();
    const results = await Promise.all(pending);
    for (const r of results) assert.equal(r[0]?.message, (await checkSyntax(file))[0]?.message);
  });
});
