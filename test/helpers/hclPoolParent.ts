/**
 * A parent process for the hcl-syntax worker tests: starts a pool with one child process, runs a check,
 * prints the child's pid and waits to be killed (test/unit/hcl-workers.test.ts).
 */
import { TfFile } from '../../server/src/model/document';
import { HclWorkerPool } from '../../server/src/service/hclWorkers';

const pool = new HclWorkerPool(process.argv[2], 1, Number.POSITIVE_INFINITY, 'process');
void pool.check(new TfFile('/t/parent/main.tf', 'a = \n', 1)).then(() => {
  process.stdout.write(`${pool.workerPids.join(',')}\n`);
  setInterval(() => undefined, 60_000);
});
