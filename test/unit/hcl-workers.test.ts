import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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

/**
 * The bundled worker, as the server runs it (`npm test` builds first). A worker thread does not get this
 * process's TypeScript loader, so the sources' `hcl-worker.ts` would fail to start, and the pool would
 * quietly run every check in this thread.
 */
const WORKER = path.join(__dirname, '..', '..', 'dist', 'hcl-worker.js');

describe('hcl-syntax in worker threads', () => {
  let pool: HclWorkerPool;
  before(async () => {
    await initParser();
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
    pool = new HclWorkerPool(WORKER, 2);
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
    assert.equal(pool.workerCount, 2, 'the checks ran in two worker threads, not in this one');
  });

  it('hands queued checks back to this thread when disposed', async () => {
    const local = new HclWorkerPool(WORKER, 1);
    const file = new TfFile('/t/x/main.tf', TEXTS[1], 1);
    const pending = [local.check(file), local.check(file), local.check(file)];
    local.dispose();
    const results = await Promise.all(pending);
    for (const r of results) assert.equal(r[0]?.message, (await checkSyntax(file))[0]?.message);
  });

  it('ends its worker after its idle time, and starts one again for the next check', async () => {
    const file = new TfFile('/t/idle/main.tf', TEXTS[1], 1);
    await pool.check(file);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(pool.workerCount > 0, 'no idle time given: the workers stay');
    const idling = new HclWorkerPool(WORKER, 1, 50);
    try {
      await idling.check(file);
      const deadline = Date.now() + 10_000;
      while (idling.workerCount > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(idling.workerCount, 0, 'the worker ends once idle for 50 ms');
      const again = idling.check(file);
      assert.equal(idling.workerCount, 1, 'the next check starts a worker');
      assert.equal((await again)[0]?.message, (await checkSyntax(file))[0]?.message);
    } finally {
      idling.dispose();
    }
  });
});
