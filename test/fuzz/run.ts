import { fork, ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Failure, FailureKind } from './mutantRun';
import { loadCorpus, REGRESSIONS_DIR } from './corpus';
import { hashOf, MutantSource } from './generate';
import type { WorkerConfig, WorkerMessage } from './worker';

/**
 * `npm run fuzz [-- --seed S --iterations N --workers W --index I]`: mutates every fixture and scaffold and
 * feeds each mutant to the in-process language server and, for a sample, to the CLI (see checkLsp.ts and checkCli.ts).
 * Prints the figures (inputs tried, crashes, hangs, worst latency); saves each failing mutant as
 * test/fuzz/regressions/<hash>.tf (replayed by regressions.test.ts); exits 1 when anything failed.
 */
interface Options {
  seed: number;
  iterations?: number;
  workers: number;
  index?: number;
  cliEvery: number;
  processEvery: number;
  moduleEvery: number;
  reopen: number;
  watchdogMs: number;
  save: boolean;
  lean: boolean;
  json?: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { seed: 1, workers: Math.max(1, Math.min(2, availableParallelism())), cliEvery: 10, processEvery: 1000, moduleEvery: 20, reopen: 1, watchdogMs: 60_000, save: true, lean: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    switch (flag) {
      case '--seed': o.seed = value(); break;
      case '--iterations': o.iterations = value(); break;
      case '--workers': o.workers = value(); break;
      case '--index': o.index = value(); break;
      case '--cli-every': o.cliEvery = value(); break;
      case '--process-every': o.processEvery = value(); break;
      case '--module-every': o.moduleEvery = value(); break;
      case '--reopen': o.reopen = value(); break;
      case '--watchdog-ms': o.watchdogMs = value(); break;
      case '--no-save': o.save = false; break;
      case '--lean': o.lean = true; break;
      case '--full': o.lean = false; break;
      case '--json': o.json = inline ?? argv[++i]; break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`--${k} needs a number`);
  // Long runs (≥ 20,000 mutants) are lean unless told otherwise: see LspPlan.lean.
  if ((o.iterations ?? 0) >= 20_000 && !argv.includes('--full')) o.lean = true;
  return o;
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const corpus = loadCorpus();
  // Workers read this snapshot, so that one restarted mid-run builds the same mutants even if the
  // corpus changed meanwhile (a regression fixture saved by this run, a new rule test).
  const snapshotDir = mkdtempSync(path.join(tmpdir(), 'coder-dind-fuzz-corpus-'));
  const corpusFile = path.join(snapshotDir, 'corpus.json');
  writeFileSync(corpusFile, JSON.stringify(corpus));
  const source = new MutantSource(corpus, o.seed);
  const iterations = o.iterations ?? Math.max(5000, 2 * source.boundaryCount + 200);
  const [first, end, workers] = o.index !== undefined ? [o.index, o.index + 1, 1] : [0, iterations, Math.max(1, Math.min(o.workers, iterations))];
  console.log(
    `fuzz: seed ${o.seed}, ${end - first} mutants, ${workers} worker${workers === 1 ? '' : 's'}; corpus: ${corpus.seeds.length} seeds ` +
      `(${Object.entries(corpus.sources).map(([k, v]) => `${v} ${k}`).join(', ')}), ${source.boundaryCount} block boundaries`,
  );

  const t0 = performance.now();
  let tried = 0;
  const counts: Record<FailureKind, number> = { crash: 0, hang: 0, invalid: 0, corrupt: 0 };
  const worst: Record<string, { ms: number; index: number }> = {};
  const worstCpu: Record<string, { ms: number; index: number }> = {};
  const totals: Record<string, [number, number]> = {};
  let requests = 0;
  let cliRuns = 0;
  let processRuns = 0;
  let peakRss = 0;
  const mutatorCounts: Record<string, number> = {};
  const failed: Array<{ index: number; hash: string; failures: Failure[] }> = [];
  let lastProgress = performance.now();

  /** Failures by signature (kind, place, first line of the message without numbers): each saved once. */
  const signatures = new Map<string, { count: number; example: string; index: number }>();
  const record = (index: number, failures: Failure[], bytes: Buffer, seed: string, mutators: string[]) => {
    const kinds = new Set(failures.map((f) => f.kind));
    for (const k of kinds) counts[k]++;
    const hash = hashOf(bytes);
    failed.push({ index, hash, failures });
    const signature = [...new Set(failures.map((f) => `${f.kind} in ${f.where}: ${f.detail.split('\n')[0].replace(/\d+/g, 'N').slice(0, 160)}`))].sort().join(' | ');
    const known = signatures.get(signature);
    if (known) {
      known.count++;
      console.log(`✖ mutant ${index}: same failure as mutant ${known.index} (${known.example})`);
      return;
    }
    signatures.set(signature, { count: 1, example: hash, index });
    console.log(`\n✖ mutant ${index} (${seed}; ${mutators.join(' + ')}) → regressions/${hash}.tf`);
    for (const f of failures.slice(0, 5)) console.log(`  ${f.kind} in ${f.where}: ${f.detail.split('\n').slice(0, 6).join('\n    ')}`);
    console.log(`  reproduce: npm run fuzz -- --seed ${o.seed} --index ${index}${o.lean ? ' --lean' : ''}`);
    if (o.save) {
      mkdirSync(REGRESSIONS_DIR, { recursive: true });
      writeFileSync(path.join(REGRESSIONS_DIR, `${hash}.tf`), bytes);
      writeFileSync(path.join(REGRESSIONS_DIR, `${hash}.json`), JSON.stringify({ seed: o.seed, index, ...(o.lean ? { lean: true } : {}), from: seed, mutators, failures }, null, 2) + '\n');
    }
  };

  const children = new Set<ChildProcess>();
  let interrupted = false;
  await new Promise<void>((resolveAll) => {
    // Interrupted (Ctrl-C, kill): stop the workers and report what was tried so far.
    const interrupt = () => {
      interrupted = true;
      for (const child of children) child.kill('SIGKILL');
      resolveAll();
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    let running = 0;
    const launch = (start: number, step: number) => {
      if (start >= end) return;
      running++;
      const config: WorkerConfig = {
        seed: o.seed,
        start,
        step,
        end,
        cliEvery: o.lean ? o.cliEvery * 10 : o.cliEvery,
        processEvery: o.lean ? o.processEvery * 10 : o.processEvery,
        moduleEvery: o.moduleEvery,
        reopen: o.reopen,
        lean: o.lean,
        corpusFile,
      };
      const child: ChildProcess = fork(path.join(__dirname, 'worker.ts'), [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.add(child);
      let current: number | undefined;
      let finished = false;
      let last = performance.now();
      let killedForHang = false;
      const watchdog = setInterval(() => {
        if (current !== undefined && performance.now() - last > o.watchdogMs) {
          killedForHang = true;
          child.kill('SIGKILL');
        }
      }, 500);
      child.on('message', (m: WorkerMessage) => {
        last = performance.now();
        if (m.type === 'start') current = m.index;
        else if (m.type === 'done') {
          current = undefined;
          tried++;
          m.mutators.forEach((name) => (mutatorCounts[name.replace(/@\d+$/, '')] = (mutatorCounts[name.replace(/@\d+$/, '')] ?? 0) + 1));
          requests += m.figures.requests;
          cliRuns += m.figures.cliRuns;
          processRuns += m.figures.processRuns;
          peakRss = Math.max(peakRss, m.rss);
          for (const [kind, ms] of Object.entries(m.figures.worst)) if (ms > (worst[kind]?.ms ?? -1)) worst[kind] = { ms, index: m.index };
          for (const [kind, ms] of Object.entries(m.figures.worstCpu)) if (ms > (worstCpu[kind]?.ms ?? -1)) worstCpu[kind] = { ms, index: m.index };
          for (const [kind, [sum, n]] of Object.entries(m.figures.total)) {
            const t = (totals[kind] ??= [0, 0]);
            t[0] += sum;
            t[1] += n;
          }
          if (m.failures.length) record(m.index, m.failures, Buffer.from(m.bytes ?? '', 'base64'), m.seed, m.mutators);
          if (performance.now() - lastProgress > 15_000) {
            lastProgress = performance.now();
            console.log(`  … ${tried}/${end - first} mutants, ${((performance.now() - t0) / 1000).toFixed(0)} s, failing ${failed.length}, worker RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
          }
        } else if (m.type === 'finished') finished = true;
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        children.delete(child);
        running--;
        if (interrupted) return;
        if (!finished) {
          const index = current ?? start;
          const mutant = source.get(index);
          tried++;
          const kind: FailureKind = killedForHang ? 'hang' : 'crash';
          const detail = killedForHang ? `no progress for ${o.watchdogMs} ms: the worker was killed` : `the worker died (exit ${code ?? signal})`;
          record(index, [{ kind, where: 'worker', detail }], mutant.bytes, mutant.seed, mutant.mutators);
          launch(index + step, step); // carry on after the mutant that took the worker down
        }
        if (!running) resolveAll();
      });
    };
    for (let w = 0; w < workers; w++) launch(first + w, workers);
  });

  rmSync(snapshotDir, { recursive: true, force: true });
  const seconds = (performance.now() - t0) / 1000;
  const worstAll = Object.entries(worst).sort((a, b) => b[1].ms - a[1].ms);
  const summary = {
    seed: o.seed,
    planned: end - first,
    interrupted,
    lean: o.lean,
    inputsTried: tried,
    crashes: counts.crash,
    hangs: counts.hang,
    invalidResults: counts.invalid,
    corruptedFiles: counts.corrupt,
    worstLatencyMs: worstAll.length ? Math.round(worstAll[0][1].ms) : 0,
    worstLatencyBy: Object.fromEntries(worstAll.map(([k, v]) => [k, { ms: Math.round(v.ms), mutant: v.index, meanMs: Number((totals[k][0] / totals[k][1]).toFixed(1)), count: totals[k][1], worstCpuMs: Math.round(worstCpu[k]?.ms ?? 0), worstCpuMutant: worstCpu[k]?.index }])),
    worstCpuMs: Math.round(Math.max(0, ...Object.values(worstCpu).map((v) => v.ms))),
    lspRequests: requests,
    cliRuns,
    cliProcessRuns: processRuns,
    seconds: Math.round(seconds),
    workers,
    peakWorkerRssMb: Math.round(peakRss / 2 ** 20),
    mutators: mutatorCounts,
    blockBoundaries: source.boundaryCount,
    failing: failed.length,
    distinctFailures: [...signatures].map(([signature, v]) => ({ signature, count: v.count, regression: `${v.example}.tf`, mutant: v.index })),
  };
  console.log(`\nfuzz figures (seed ${o.seed}, ${seconds.toFixed(1)} s, ${workers} workers${interrupted ? `; INTERRUPTED after ${tried} of ${end - first} mutants` : ''}):`);
  console.log(`  inputs tried   ${tried} mutants (${requests} LSP requests, ${cliRuns} in-process CLI runs, ${processRuns} CLI processes)`);
  console.log(`  crashes        ${counts.crash}`);
  console.log(`  hangs          ${counts.hang}`);
  console.log(`  invalid output ${counts.invalid}`);
  console.log(`  corrupted files ${counts.corrupt}`);
  console.log(`  worst latency  ${worstAll.map(([k, v]) => `${k} ${v.ms.toFixed(0)} ms (#${v.index}; mean ${(totals[k][0] / totals[k][1]).toFixed(1)})`).join(', ')}`);
  console.log(`  worst CPU time ${Object.entries(worstCpu).sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => `${k} ${v.ms.toFixed(0)} ms (#${v.index})`).join(', ')}`);
  console.log(`  peak worker RSS ${summary.peakWorkerRssMb} MB`);
  for (const d of summary.distinctFailures) console.log(`  ✖ ${d.count}× ${d.signature} (regressions/${d.regression})`);
  console.log(`  mutators       ${Object.entries(mutatorCounts).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (o.json) writeFileSync(o.json, JSON.stringify(summary, null, 2) + '\n');
  return failed.length || interrupted ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
