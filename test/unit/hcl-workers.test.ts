import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { checkSyntax } from '../../server/src/service/hclParser';
import { HclWorkerPool } from '../../server/src/service/hclWorkers';
import { isGone, waitUntilGone } from '../helpers/processes';

const TEXTS = [
  'resource "docker_container" "w" {\n  image = "x"\n}\n',
  'resource "a" "b" {\n  x = \n}\n',
  'locals {\n  a = [1, 2\n  b = "ünïcödé ${var.x"\n}\n',
  'variable "v" {\n  default = 1\n  default = 2\n}\n',
  '',
];

/**
 * The bundled worker, as the server runs it (`npm test` builds first). A worker thread does not get this
 * process's TypeScript loader, so the sources' `service/hclWorker.ts` would fail to start, and the pool would
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

describe('hcl-syntax in a child process (the language server\'s way)', () => {
  before(async () => {
    await initParser();
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
  });

  it('gives the same reports as the check in this thread, from a child process', async () => {
    const pool = new HclWorkerPool(WORKER, 1, Number.POSITIVE_INFINITY, 'process');
    try {
      const files = TEXTS.map((text, i) => new TfFile(`/p/${i}/main.tf`, text, 1));
      const fromChild = await Promise.all(files.map((f) => pool.check(f)));
      for (const [i, file] of files.entries()) {
        const here = await checkSyntax(file);
        assert.deepEqual(fromChild[i].map((r) => ({ range: r.range, message: r.message })), here.map((r) => ({ range: r.range, message: r.message })), `text ${i}`);
      }
      assert.equal(pool.workerPids.length, 1, 'one child process ran the checks');
      assert.notEqual(pool.workerPids[0], process.pid);
      assert.ok(!isGone(pool.workerPids[0]));
    } finally {
      pool.dispose();
    }
  });

  it('the child process exits after the idle time, and a new one answers the next check', async () => {
    const pool = new HclWorkerPool(WORKER, 1, 50, 'process');
    try {
      const file = new TfFile('/p/idle/main.tf', TEXTS[1], 1);
      await pool.check(file);
      const [pid] = pool.workerPids;
      assert.ok(pid, 'a child process ran the check');
      assert.ok(await waitUntilGone(pid), `child ${pid} should exit once idle`);
      assert.equal(pool.workerCount, 0);
      const again = await pool.check(file);
      assert.equal(again[0]?.message, (await checkSyntax(file))[0]?.message);
      assert.notEqual(pool.workerPids[0], pid, 'a new child process');
    } finally {
      pool.dispose();
    }
  });

  for (const busy of [false, true]) {
  it(`the child process exits when its parent is killed${busy ? ' in the middle of a check, saying nothing' : ''}`, async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'helpers', 'hclPoolParent.ts'), WORKER, ...(busy ? ['busy'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The child writes to the parent's stderr, which outlives the parent here: what the user's output channel would show.
    let stderr = '';
    parent.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        parent.on('exit', (code) => reject(new Error(`parent exited early (${code})`)));
      });
      const pid = Number(line);
      assert.ok(pid > 0 && !isGone(pid), `the parent reported a live child: ${JSON.stringify(line)}`);
      parent.kill('SIGKILL');
      assert.ok(await waitUntilGone(pid), `child ${pid} should exit with its parent`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(stderr, '', 'nothing reaches the output channel');
    } finally {
      parent.kill('SIGKILL');
    }
  });
  }
});
