/**
 * A parent process for the hcl-syntax worker tests: starts a pool with one child process, runs a check,
 * prints the child's pid and waits to be killed (test/unit/hcl-workers.test.ts). With `busy` as second
 * argument it first hands the child a long text, so that the child is mid-job when the parent dies.
 */
import { TfFile } from '../../server/src/model/document';
import { HclWorkerPool } from '../../server/src/service/hclWorkers';

const pool = new HclWorkerPool(process.argv[2], 1, Number.POSITIVE_INFINITY, 'process');
void pool.check(new TfFile('/t/parent/main.tf', 'a = \n', 1)).then(() => {
  if (process.argv[3] === 'busy') void pool.check(new TfFile('/t/parent/long.tf', 'locals {\n  a = [1, 2]\n}\n'.repeat(60_000), 1));
  process.stdout.write(`${pool.workerPids.join(',')}\n`);
  setInterval(() => undefined, 60_000);
});
