import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkCli } from './checkCli';
import { checkLsp } from './checkLsp';
import { emptyFigures, fileUri, MutantRun } from './mutantRun';
import { checkClosedFile } from './closedFile';
import { FuzzClient } from './client';
import type { Corpus } from './corpus';
import { checkSeedOf, MutantSource } from './generate';
import { Rng } from './prng';

/**
 * One fuzzing process: mutants `start, start + step, …` below `end`, each through the in-process
 * language server and, for a sample, the CLI. It reports to the parent (run.ts) before and after each
 * mutant, so that the parent can tell a hang (no report) from progress and rebuild the mutant.
 */
export interface WorkerConfig {
  seed: number;
  start: number;
  step: number;
  end: number;
  /** Every Nth mutant also goes through the CLI in-process; every Mth through a CLI process. */
  cliEvery: number;
  processEvery: number;
  /** Every Kth mutant is also checked as a closed file of an open module (closedFile.ts); 0: never. */
  moduleEvery: number;
  reopen: number;
  lean: boolean;
  /** The corpus the parent loaded (JSON file): a restarted worker must build the same mutants. */
  corpusFile: string;
}

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'done'; index: number; seed: string; mutators: string[]; failures: import('./mutantRun').Failure[]; bytes?: string; rss: number; figures: import('./mutantRun').Figures }
  | { type: 'finished' };

const send = (m: WorkerMessage) => process.send!(m);

async function main(config: WorkerConfig): Promise<void> {
  const corpus = JSON.parse(readFileSync(config.corpusFile, 'utf8')) as Corpus;
  const source = new MutantSource(corpus, config.seed);
  const tmpRoot = mkdtempSync(path.join(tmpdir(), 'coder-dind-fuzz-'));
  // The documents live in a folder that does not exist: each module is the open document alone.
  const dirUri = fileUri(path.join(tmpRoot, 'lsp'));
  const client = new FuzzClient();
  await client.initialize({ debounceMs: 0, syntaxDebounceMs: 0 });
  let current: MutantRun | undefined;
  const onFatal = (error: unknown) => current?.fail('crash', 'process', error instanceof Error ? error.stack ?? error.message : String(error));
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    for (let index = config.start; index < config.end; index += config.step) {
      send({ type: 'start', index });
      const mutant = source.get(index);
      const figures = emptyFigures();
      const run = (current = new MutantRun(figures));
      const rng = new Rng(checkSeedOf(config.seed, index));
      const id = String(index);
      await checkLsp(run, client, dirUri, id, mutant.bytes.toString('utf8'), rng, { reopen: config.lean && index % 10 !== 0 ? 0 : config.reopen, lean: config.lean });
      if (config.cliEvery > 0 && index % config.cliEvery === 0) await checkCli(run, tmpRoot, id, mutant.bytes, true);
      if (config.processEvery > 0 && index % config.processEvery === 0) await checkCli(run, tmpRoot, `${id}p`, mutant.bytes, false);
      if (config.moduleEvery > 0 && index % config.moduleEvery === 0) {
        await checkClosedFile(run, client, tmpRoot, id, mutant.bytes, corpus.seeds[index % corpus.seeds.length].text);
      }
      current = undefined;
      send({
        type: 'done',
        index,
        seed: mutant.seed,
        mutators: mutant.mutators,
        failures: run.failures,
        bytes: run.failures.length ? mutant.bytes.toString('base64') : undefined,
        rss: process.memoryUsage().rss,
        figures,
      });
    }
  } finally {
    client.dispose();
    rmSync(tmpRoot, { recursive: true, force: true });
  }
}

// A worker whose parent is gone (killed, crashed) stops too.
process.on('disconnect', () => process.exit(4));

main(JSON.parse(process.argv[2]) as WorkerConfig).then(
  () => process.send!({ type: 'finished' } satisfies WorkerMessage, () => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(3);
  },
);
