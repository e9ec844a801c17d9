/**
 * The CLI's figures (bench/README.md): one `coder-dind lint` over the corpus against the two parsers'
 * own single-thread times over the same files (H for hcl2json, T for tree-sitter, both measured here in
 * the same run), its peak memory with every thread and child process, and one template against a bare
 * hcl2json parse in a fresh node.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseText } from '../server/src/model/parser';

export interface CliBench {
  quick: boolean;
  root: string;
  cliJs: string;
  corpus: Array<{ text: string; file: string }>;
  corpusDir: string;
  hclParse(text: string): Promise<void>;
  timeRuns(runs: number, warmup: number, fn: () => unknown): Promise<number[]>;
  median(values: number[]): number;
  floorMetric(name: string, value: number, unit: string, note?: string): number;
  targetMetric(m: { name: string; value: number; unit: string; target: number; comparison: '<='; targetRule: string; floor?: number; floorName?: string; note?: string }): void;
}

export async function measureCli(b: CliBench): Promise<void> {
  const passes = b.quick ? 1 : 3;
  await b.hclParse(b.corpus[0].text);
  const { median } = b;
  const h = median(await b.timeRuns(passes, 0, async () => { for (const t of b.corpus) await b.hclParse(t.text); }));
  const t = median(await b.timeRuns(passes, 0, () => { for (const c of b.corpus) parseText(c.text).delete(); }));
  const size = `${b.corpus.length} templates, ${(b.corpus.reduce((n, c) => n + Buffer.byteLength(c.text), 0) / 1024 / 1024).toFixed(2)} MiB`;
  const passNote = passes > 1 ? `median of ${passes} passes` : 'one pass';
  b.floorMetric(`floor H: hcl2json, corpus (${size}, 1 thread)`, h, 'ms', `${passNote} over the corpus in this process`);
  b.floorMetric('floor T: tree-sitter full parse, corpus (1 thread)', t, 'ms', `${passNote} over the corpus in this process`);
  const floor = Math.max(h, (h + t) / 2);

  const runs = b.quick ? 1 : 3;
  // --quick fills the cache with its one lint run (writing 200 entries costs a few tens of ms), and saves
  // a run; the full run lints without the cache and fills it in a run of its own.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coder-dind-bench-cache-'));
  const cacheArgs = ['--cache-location', cacheDir];
  const lints: Array<{ wall: number; peakKiB: number; stdout: string }> = [];
  const goHalves: number[] = [];
  const goScript = goHalfScript(path.join(path.dirname(b.cliJs), 'hcl-worker.js'), b.corpus.map((c) => c.file));
  for (let i = 0; i < runs; i++) {
    // Interleaved with the lints, so that both see the same moments of a shared machine.
    goHalves.push((await timed(process.execPath, ['-e', goScript], b.root, true)).wall);
    const run = await timed(b.cliJs, ['lint', b.corpusDir, '--format', 'json', ...(b.quick ? cacheArgs : [])], b.root);
    const results = (JSON.parse(run.stdout) as { results: unknown[] }).results;
    if (results.length !== b.corpus.length) throw new Error(`coder-dind lint reported ${results.length} files, not ${b.corpus.length}`);
    lints.push(run);
  }
  const wall = median(lints.map((l) => l.wall));
  // What the lint cannot go below on this machine: its Go half alone, in a fresh process (a cold Go
  // runtime in a worker thread, compiled as the CLI compiles it), with nothing on the other thread.
  const goHalf = median(goHalves);
  b.floorMetric('floor G: the lint\'s Go half alone (fresh node, hcl-worker.js in a worker thread, every corpus file)', goHalf, 'ms', `${(goHalf / floor).toFixed(2)} × max(H, (H + T) / 2): no lint can be faster than this`);
  b.targetMetric({
    name: `repository lint, corpus (all rules, --format json${runs > 1 ? `, median of ${runs}` : ''})`,
    value: wall,
    unit: 'ms',
    target: 1.25 * floor,
    comparison: '<=',
    targetRule: '1.25 × max(H, (H + T) / 2)',
    floor,
    floorName: 'max(H, (H + T) / 2)',
    note: `wall from spawn to exit, process start included; runs: ${lints.map((l) => (l.wall / 1000).toFixed(2)).join(', ')} s`,
  });
  const peak = Math.max(...lints.map((l) => l.peakKiB)) / 1024;
  b.targetMetric({
    name: 'peak memory of that lint (threads and child processes included)',
    value: peak,
    unit: 'MiB',
    target: 200,
    comparison: '<=',
    targetRule: 'absolute',
    note: `the highest of: its VmHWM plus each child process's, and the sum of VmRSS sampled every 10 ms; worst of ${runs} run(s)`,
  });

  // The cache: a first run fills it, a second over the unchanged corpus reads it.
  try {
    const cached = ['lint', b.corpusDir, '--format', 'json', ...cacheArgs];
    const cold = b.quick ? lints[0] : await timed(b.cliJs, cached, b.root);
    const warm = await timed(b.cliJs, cached, b.root);
    if (warm.stdout !== cold.stdout) throw new Error('the cached run reported other findings than the first');
    b.targetMetric({
      name: 'second lint with --cache over the unchanged corpus',
      value: warm.wall,
      unit: 'ms',
      target: 0.2 * cold.wall,
      comparison: '<=',
      targetRule: '0.2 × the first run with --cache',
      floor: cold.wall,
      floorName: 'first run with --cache',
      note: `same output as the first run (checked)${b.quick ? '; the first run is the lint above' : ''}`,
    });
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }

  // One template: the CLI against a fresh node that only loads hcl2json and parses the same file.
  const one = b.corpus[0].file;
  const bare = `require('@cdktf/hcl2json').parse('main.tf', require('fs').readFileSync(${JSON.stringify(one)}, 'utf8')).catch(() => {})`;
  const pairs = b.quick ? 3 : 10;
  const cliTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < pairs; i++) {
    // Interleaved, so that both see the same moments of a shared machine.
    bareTimes.push((await timed(process.execPath, ['-e', bare], b.root, true)).wall);
    cliTimes.push((await timed(b.cliJs, ['lint', one, '--format', 'json'], b.root)).wall);
  }
  const bareMs = b.floorMetric(`floor: bare hcl2json parse of one template in a fresh node (median of ${pairs})`, median(bareTimes), 'ms', 'node -e: require @cdktf/hcl2json, read the file, parse it');
  b.targetMetric({
    name: `one template, coder-dind lint (median of ${pairs})`,
    value: median(cliTimes),
    unit: 'ms',
    target: 1.3 * bareMs,
    comparison: '<=',
    targetRule: '1.3 × bare one-file hcl2json parse',
    floor: bareMs,
    floorName: 'bare hcl2json parse',
  });
}

/**
 * A script for `node -e` that does what the CLI's parser thread does and nothing else: the same wasm
 * compile setting, the same worker, every file sent with eight in flight, exit when all are answered.
 */
function goHalfScript(worker: string, files: string[]): string {
  return `
const { Worker } = require('node:worker_threads');
const fs = require('node:fs');
require('node:v8').setFlagsFromString('--wasm-num-compilation-tasks=0');
const files = ${JSON.stringify(files)};
const w = new Worker(${JSON.stringify(worker)});
let next = 0, done = 0;
const send = () => { if (next < files.length) { const id = next++; w.postMessage({ id, text: fs.readFileSync(files[id], 'utf8') }); } };
w.on('message', () => { done++; if (done === files.length) w.terminate(); else send(); });
for (let i = 0; i < 8; i++) send();`;
}

/** Runs a script with node, timing it from spawn to exit and sampling its memory and its children's. */
function timed(script: string, args: string[], cwd: string, raw = false): Promise<{ wall: number; peakKiB: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, raw ? args : [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, memoryKiB(child.pid));
    };
    const timer = setInterval(sample, 10);
    child.on('error', reject);
    let wall = 0;
    child.on('exit', () => {
      wall = performance.now() - t0;
      clearInterval(timer);
    });
    // 'close' comes after 'exit' and after the output has been read whole.
    child.on('close', (code, signal) => {
      if (code !== 0 && code !== 1) reject(new Error(`${path.basename(script)} exited ${code ?? signal}: ${Buffer.concat(err).toString().slice(0, 500)}`));
      else resolve({ wall, peakKiB: peak, stdout: Buffer.concat(out).toString() });
    });
  });
}

/** A process's memory with its children's: the larger of VmHWM summed and VmRSS summed now. */
function memoryKiB(pid: number): number {
  const field = (status: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  let hwm = 0;
  let rss = 0;
  const add = (p: number | string) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      hwm += field(status, 'VmHWM');
      rss += field(status, 'VmRSS');
    } catch {
      // ended meanwhile
    }
  };
  add(pid);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
    try {
      if (Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]) === pid) add(entry);
    } catch {
      // ended meanwhile
    }
  }
  return Math.max(hwm, rss);
}
