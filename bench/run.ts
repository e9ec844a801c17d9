/**
 * The performance benchmark (issue 8). Generates its inputs, measures floors (the parsers alone) and the
 * product against them in the same run, prints a table, writes bench/results.json, and exits 1 when a
 * target is missed. `--quick` fits in a minute on a 2-core machine. See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTemplate, METHODS } from './generate';
import { measureCli } from './cli';
import { Session, withTimeout } from './lsp';
import { initParser, parseText } from '../server/src/model/parser';

const quick = process.argv.includes('--quick');
/** `--only floors,edit,requests,cold,memory,cli,vsix`: a subset, while working on one figure (floors always run). */
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const wanted = (name: string) => !only || only.has(name);
const root = path.resolve(__dirname, '..');
const inputs = path.join(root, 'bench', 'inputs');
const dist = path.join(root, 'dist');
const started = performance.now();

// ---- results --------------------------------------------------------------------------------------

interface Metric {
  name: string;
  value: number | null;
  unit: string;
  /** The threshold, in the metric's unit; null for a floor (measured only). */
  target: number | null;
  /** `<=` or `>=`: how value compares with target to pass. */
  comparison?: '<=' | '>=';
  /** How the target is derived, e.g. "1.0 × tree-sitter full parse (4k)". */
  targetRule?: string;
  floor?: number;
  floorName?: string;
  pass: boolean | null;
  note?: string;
}

const metrics: Metric[] = [];
const phases: Array<{ phase: string; seconds: number }> = [];

function floorMetric(name: string, value: number, unit: string, note?: string): number {
  metrics.push({ name, value, unit, target: null, pass: null, note });
  return value;
}

function targetMetric(m: Omit<Metric, 'pass'>): void {
  let pass: boolean = false;
  if (m.value !== null && m.target !== null && Number.isFinite(m.value)) {
    pass = m.comparison === '>=' ? m.value >= m.target : m.value <= m.target;
  }
  metrics.push({ ...m, pass });
}

function failedMetric(name: string, unit: string, targetRule: string, error: unknown): void {
  metrics.push({ name, value: null, unit, target: null, targetRule, pass: false, note: `not measured: ${error instanceof Error ? error.message : String(error)}` });
}

/** Runs one phase; a failure is logged and returns `{ ok: false }` so the other phases still run. */
async function phase<T>(title: string, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  const t0 = performance.now();
  process.stderr.write(`[bench] ${title}…\n`);
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    process.stderr.write(`[bench] ${title} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return { ok: false };
  } finally {
    const seconds = (performance.now() - t0) / 1000;
    phases.push({ phase: title, seconds });
    process.stderr.write(`[bench] ${title}: ${seconds.toFixed(1)} s\n`);
  }
}

// ---- statistics -----------------------------------------------------------------------------------

function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

async function timeRuns(runs: number, warmup: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

// ---- inputs ---------------------------------------------------------------------------------------

interface Input {
  id: string;
  lines: number;
  file: string;
  uri: string;
  text: string;
}

const CORPUS_SIZE = 200;

function writeInput(dir: string, text: string): { file: string; uri: string } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.tf');
  fs.writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href };
}

function generateInputs(): { templates: Input[]; corpus: Input[]; corpusDir: string } {
  fs.rmSync(inputs, { recursive: true, force: true });
  const templates = [400, 4000, 12000].map((n, i) => {
    const g = generateTemplate(n, 1000 + n, i);
    const id = n >= 1000 ? `${n / 1000}k` : String(n);
    return { id, lines: g.lines, text: g.text, ...writeInput(path.join(inputs, `template-${id}`), g.text) };
  });
  const corpusDir = path.join(inputs, 'corpus');
  const corpus: Input[] = [];
  for (let i = 0; i < CORPUS_SIZE; i++) {
    const g = generateTemplate(400, 5000 + i, i % METHODS.length);
    const id = `t${String(i).padStart(3, '0')}`;
    corpus.push({ id, lines: g.lines, text: g.text, ...writeInput(path.join(corpusDir, id), g.text) });
  }
  return { templates, corpus, corpusDir };
}

// ---- hcl2json -------------------------------------------------------------------------------------

type Hcl2Json = { parse(name: string, text: string): Promise<unknown> };
const hcl2json = require('@cdktf/hcl2json') as Hcl2Json;

async function hclParse(text: string): Promise<void> {
  try {
    await hcl2json.parse('main.tf', text);
  } catch {
    // a syntax error costs the same parse; the inputs are checked to parse cleanly elsewhere
  }
}

async function checkParsesCleanly(all: Input[]): Promise<void> {
  for (const input of all) {
    try {
      await hcl2json.parse('main.tf', input.text);
    } catch (error) {
      throw new Error(`generated input ${input.file} does not parse with hcl2json: ${String(error).slice(0, 300)}`);
    }
    const tree = parseText(input.text);
    const broken = tree.rootNode.hasError;
    tree.delete();
    if (broken) throw new Error(`generated input ${input.file} has tree-sitter errors`);
  }
}

// ---- measurements ---------------------------------------------------------------------------------

const tsFloor = new Map<string, number>();

async function measureFloors(templates: Input[]): Promise<void> {
  for (const t of templates) {
    const tsTimes = await timeRuns(quick ? 20 : 30, quick ? 1 : 3, () => parseText(t.text).delete());
    tsFloor.set(t.id, floorMetric(`floor: tree-sitter full parse, ${t.id} (${t.lines} lines, ${(t.text.length / 1024).toFixed(0)} KiB)`, median(tsTimes), 'ms', `median of ${tsTimes.length}`));
  }
  for (const t of templates) {
    // No target divides by these (the CLI's floor is the corpus pass): --quick takes 5 runs of the big inputs.
    const runs = quick && t.id !== '400' ? 5 : 20;
    const times = await timeRuns(runs, 1, () => hclParse(t.text));
    floorMetric(`floor: hcl2json parse, ${t.id}`, median(times), 'ms', `median of ${runs}`);
  }
}

/**
 * Single-character edits spread over the file: insert a character (mid-line), then delete it again. The
 * floor of each edit is a full tree-sitter parse of the text after it ("the same text"): for a deletion
 * that is the original text; for an insertion, the edited text, parsed right after the edit. Typing `x`
 * before a lone `}` makes a broken text whose parse (error recovery) costs several clean parses, so the
 * floor has to follow the text.
 *
 * The full run parses every insertion's text, and the original text after every tenth edit. `--quick`
 * parses every fifth insertion's text (20 of 100) and takes the original text's floor from the floors
 * phase (a median of 20): the parses of big broken texts were most of its time.
 */
async function measureEdits(session: Session, t: Input, pairs: number): Promise<{ times: number[]; floors: number[]; ratios: number[]; clean: number[]; sampled: number }> {
  const lines = t.text.split('\n');
  let version = 1;
  const opened = session.waitForDiagnostics(t.uri, (p) => p.version === version);
  await session.open(t.uri, t.text, version);
  await withTimeout(opened, 60000, `first diagnostics of ${t.id}`);
  const times: number[] = [];
  const edit = async (change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }) => {
    const v = ++version;
    const published = session.waitForDiagnostics(t.uri, (p) => p.version === v);
    const t0 = performance.now();
    await session.change(t.uri, v, [change]);
    await withTimeout(published, 60000, `diagnostics after edit ${v} of ${t.id}`);
    times.push(performance.now() - t0);
  };
  const sampleEvery = quick ? 5 : 1;
  const clean: number[] = [];
  const insertFloors = new Map<number, number>();
  for (let k = 0; k < pairs; k++) {
    const line = Math.min(lines.length - 1, Math.floor(((k + 0.5) * lines.length) / pairs));
    const character = Math.floor(lines[line].length / 2);
    await edit({ range: { start: { line, character }, end: { line, character } }, text: 'x' });
    if (k % sampleEvery === 0) {
      const edited = lines.slice();
      edited[line] = edited[line].slice(0, character) + 'x' + edited[line].slice(character);
      const editedText = edited.join('\n');
      insertFloors.set(k, (await timeRuns(1, 0, () => parseText(editedText).delete()))[0]);
    }
    await edit({ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' });
    if (!quick && k % 5 === 4) clean.push(...(await timeRuns(1, 0, () => parseText(t.text).delete())));
  }
  const cleanFloor = quick ? (tsFloor.get(t.id) as number) : median(clean);
  // times[2k] is the insertion of pair k, times[2k + 1] the deletion that restores the original text.
  // The floors and ratios cover the pairs whose insertion text was parsed: half broken texts, half clean.
  const floors: number[] = [];
  const ratios: number[] = [];
  for (const [k, floor] of insertFloors) {
    floors.push(floor, cleanFloor);
    ratios.push(times[2 * k] / floor, times[2 * k + 1] / cleanFloor);
  }
  return { times, floors, ratios, clean, sampled: insertFloors.size };
}

async function measureEditLatency(templates: Input[]): Promise<void> {
  const session = Session.inProcess();
  try {
    // debounce 0: diagnostics follow each edit at once; hcl-syntax far off the path (an hour away).
    await session.initialize({ debounceMs: 0, syntaxDebounceMs: 3_600_000 });
    for (const t of templates.filter((x) => x.id !== '400')) {
      const pairs = quick ? 100 : 150;
      const { times, floors, ratios, clean, sampled } = await measureEdits(session, t, pairs);
      const floor = percentile(floors, 95);
      if (clean.length) metrics.push({ name: `floor: tree-sitter full parse of the clean text between the edits, ${t.id}`, value: median(clean), unit: 'ms', target: null, pass: null, note: `median of ${clean.length}, one after every 10 edits` });
      metrics.push({ name: `floor: tree-sitter full parse of each edit's text, ${t.id}, p95`, value: floor, unit: 'ms', target: null, pass: null, note: `p50 ${fmt(percentile(floors, 50))} ms; ${sampled} insertions' texts parsed once each, and as many deletions whose text is the clean one (${clean.length ? 'median of the parses between the edits' : 'the floors phase\'s median'})` });
      metrics.push({ name: `edit → diagnostics p50, ${t.id} (${times.length} edits)`, value: percentile(times, 50), unit: 'ms', target: null, pass: null, note: `in-process server, debounce 0; per-edit latency ÷ its text's full parse (${ratios.length} edits): p50 ${fmt(percentile(ratios, 50))}, p95 ${fmt(percentile(ratios, 95))}` });
      targetMetric({
        name: `edit → diagnostics p95, ${t.id} (${times.length} edits)`,
        value: percentile(times, 95),
        unit: 'ms',
        target: floor,
        comparison: '<=',
        targetRule: `1.0 × p95 full parse of the same texts (${t.id})`,
        floor,
        floorName: `tree-sitter full parse of each edit's text, ${t.id}, p95`,
      });
    }
  } finally {
    await session.close();
  }
}

interface Pos {
  line: number;
  character: number;
}

/** Where an author asks for completion: after a `.` of a reference, and at the start of an attribute name. */
function completionPositions(text: string, count: number): Pos[] {
  const lines = text.split('\n');
  const afterDot: Pos[] = [];
  const attributeStart: Pos[] = [];
  lines.forEach((l, line) => {
    const m = /(data\.coder_workspace_owner\.me\.|data\.coder_workspace\.me\.|coder_agent\.[a-z0-9_]+\.)/.exec(l);
    if (m) afterDot.push({ line, character: m.index + m[0].length });
    const a = /^(\s+)[a-z_]+\s+=/.exec(l);
    if (a) attributeStart.push({ line, character: a[1].length });
  });
  return spread(afterDot, Math.ceil(count / 2)).concat(spread(attributeStart, Math.floor(count / 2)));
}

/** What an author hovers: attribute names, block types and labels, and references. */
function hoverPositions(text: string, count: number): Pos[] {
  const lines = text.split('\n');
  const attributes: Pos[] = [];
  const labels: Pos[] = [];
  const references: Pos[] = [];
  lines.forEach((l, line) => {
    const a = /^(\s+)[a-z_]+\s+=/.exec(l);
    if (a) attributes.push({ line, character: a[1].length + 1 });
    const b = /^(resource|data) "/.exec(l);
    if (b) labels.push({ line, character: b[0].length + 2 });
    const r = /(data\.coder_workspace_owner\.me\.|coder_agent\.[a-z0-9_]+\.)([a-z_]+)/.exec(l);
    if (r) references.push({ line, character: r.index + r[1].length + 1 });
  });
  return spread(attributes, Math.ceil(count / 3)).concat(spread(labels, Math.ceil(count / 3)), spread(references, Math.floor(count / 3)));
}

function spread<T>(items: T[], count: number): T[] {
  if (!items.length) return [];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count) % items.length]);
}

async function measureRequests(t: Input): Promise<void> {
  const session = Session.inProcess();
  const floor = tsFloor.get(t.id) as number;
  const target = 0.25 * floor;
  try {
    await session.initialize({ debounceMs: 0, syntaxDebounceMs: 3_600_000 });
    const opened = session.waitForDiagnostics(t.uri);
    await session.open(t.uri, t.text);
    await withTimeout(opened, 30000, 'diagnostics of the opened template');
    const kinds: Array<{ method: string; capability: unknown; positions: Pos[]; label: string }> = [
      { method: 'textDocument/completion', capability: session.capabilities?.completionProvider, positions: completionPositions(t.text, 200), label: 'completion' },
      { method: 'textDocument/hover', capability: session.capabilities?.hoverProvider, positions: hoverPositions(t.text, 200), label: 'hover' },
    ];
    for (const kind of kinds) {
      const name = `${kind.label} p95, ${t.id}`;
      const targetRule = `0.25 × tree-sitter full parse (${t.id})`;
      if (!kind.capability) {
        failedMetric(name, 'ms', targetRule, `the server does not offer ${kind.method}`);
        continue;
      }
      const times: number[] = [];
      let empty = 0;
      for (const position of [...kind.positions.slice(0, 5), ...kind.positions]) {
        const t0 = performance.now();
        const result = await session.connection.sendRequest(kind.method, { textDocument: { uri: t.uri }, position });
        times.push(performance.now() - t0);
        if (result === null || (Array.isArray(result) && !result.length) || (typeof result === 'object' && 'items' in (result as object) && !(result as { items: unknown[] }).items.length)) empty++;
      }
      const measured = times.slice(5); // the first five warm the handlers up
      metrics.push({ name: `${kind.label} p50, ${t.id} (${measured.length} requests)`, value: percentile(measured, 50), unit: 'ms', target: null, pass: null, note: `${empty} empty answers` });
      targetMetric({ name, value: percentile(measured, 95), unit: 'ms', target, comparison: '<=', targetRule, floor, floorName: `tree-sitter full parse, ${t.id}` });
    }
  } finally {
    await session.close();
  }
}

async function measureColdStart(t: Input): Promise<void> {
  const serverJs = path.join(dist, 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: the build failed`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const session = Session.spawnBundled(serverJs);
    try {
      await withTimeout(session.initialize({}), 10000, 'initialize');
      const published = session.waitForDiagnostics(t.uri);
      await session.open(t.uri, t.text);
      await withTimeout(published, 10000, 'first publishDiagnostics');
      times.push(performance.now() - t0);
    } finally {
      await session.close();
    }
  }
  targetMetric({ name: `cold start → first diagnostics, ${t.id} (median of 5)`, value: median(times), unit: 'ms', target: 600, comparison: '<=', targetRule: 'absolute' });
}

/**
 * VmRSS and VmHWM of a process, plus the VmRSS of its child processes (the server's hcl-syntax worker
 * while it runs; `children` counts them).
 */
function rssKiB(pid: number): { rss: number; hwm: number; children: number } {
  const read = (p: number) => {
    const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  };
  const own = read(pid);
  let rss = own.rss;
  let children = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== pid) continue;
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      children++;
    } catch {
      // the process ended meanwhile
    }
  }
  return { rss, hwm: own.hwm, children };
}

/**
 * Two bundled servers with the client's settings (hcl-syntax runs too, after its debounce): one opens the
 * first template of the corpus, the other all of them. `finish()` reads both in the steady state, at
 * least STEADY_STATE_MS after the last diagnostics: the server ends its hcl-syntax worker (a Go runtime)
 * after ten idle seconds (server/src/server.ts), and V8 gives back its idle heap about as late. The
 * servers idle meanwhile, so `--quick` runs the edit phase (one core) during that wait.
 */
async function openCorpusInServers(corpus: Input[]): Promise<{ finish: () => Promise<void> }> {
  const serverJs = path.join(dist, 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: the build failed`);
  const one = Session.spawnBundled(serverJs);
  const all = Session.spawnBundled(serverJs);
  const pidOf = (s: Session) => s.child?.pid as number;
  const close = () => Promise.all([one.close(), all.close()]);
  try {
    await Promise.all([one, all].map((s) => withTimeout(s.initialize({}), 10000, 'initialize')));
    const afterInit = rssKiB(pidOf(all)).rss;
    // Each document is published twice: the tree-sitter rules at once, hcl-syntax after its debounce.
    const settled = (s: Session, t: Input) => s.waitForDiagnostics(t.uri, () => (s.counts.get(t.uri) ?? 0) >= 2);
    const first = settled(one, corpus[0]);
    await one.open(corpus[0].uri, corpus[0].text);
    const every = Promise.all(corpus.map((t) => settled(all, t)));
    for (const t of corpus) await all.open(t.uri, t.text);
    await withTimeout(Promise.all([first, every]), 120000, 'diagnostics of the whole corpus');
    const loaded = performance.now();
    const justAfter = rssKiB(pidOf(all));
    metrics.push({ name: `server RSS right after the last diagnostics, ${corpus.length} templates`, value: justAfter.rss / 1024, unit: 'MiB', target: null, pass: null, note: `with its ${justAfter.children} child process(es): the hcl-syntax worker (Go runtime) still running` });
    const finish = async () => {
      try {
        await sleep(STEADY_STATE_MS - (performance.now() - loaded));
        const idle = (performance.now() - loaded) / 1000;
        const baseline = rssKiB(pidOf(one)).rss;
        const { rss, hwm, children } = rssKiB(pidOf(all));
        const others = corpus.length - 1;
        targetMetric({
          name: `server RSS after opening ${corpus.length} templates`,
          value: rss / 1024,
          unit: 'MiB',
          target: 150,
          comparison: '<=',
          targetRule: 'absolute',
          note: `VmRSS of the bundled server ${idle.toFixed(1)} s after the last diagnostics (steady state), with ${children} child process(es); after initialize ${(afterInit / 1024).toFixed(1)} MiB, peak ${(hwm / 1024).toFixed(1)} MiB; a second server with only the first template open: ${(baseline / 1024).toFixed(1)} MiB`,
        });
        targetMetric({
          name: 'server RSS per template',
          value: (rss - baseline) / others,
          unit: 'KiB',
          target: 300,
          comparison: '<=',
          targetRule: 'absolute',
          note: `(RSS with all ${corpus.length} − RSS with the first only) / ${others}, both in the steady state`,
        });
      } finally {
        await close();
      }
    };
    return { finish };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Past the hcl-syntax worker's ten idle seconds, and V8's return of idle heap (seen at 8–10 s). */
const STEADY_STATE_MS = 11_500;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function packageVsix(): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

function measureVsix(): void {
  const vsix = path.join(root, 'coder-dind.vsix');
  const size = fs.statSync(vsix).size;
  targetMetric({ name: 'VSIX size (coder-dind.vsix)', value: size / 1024 / 1024, unit: 'MiB', target: 5, comparison: '<=', targetRule: 'absolute' });
}

// ---- output ---------------------------------------------------------------------------------------

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function table(): string {
  const rows = [
    ['metric', 'value', 'unit', 'floor', 'target', 'pass'],
    ...metrics.map((m) => [
      m.name,
      fmt(m.value),
      m.unit,
      m.floor !== undefined ? fmt(m.floor) : '—',
      m.target !== null ? `${m.comparison === '>=' ? '≥' : '≤'} ${fmt(m.target)}${m.targetRule && m.targetRule !== 'absolute' ? ` (${m.targetRule})` : ''}` : m.targetRule ? `(${m.targetRule})` : '—',
      m.pass === null ? 'floor' : m.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  process.stderr.write(`[bench] ${quick ? 'quick' : 'full'} run on ${os.availableParallelism()} CPUs, Node ${process.version}\n`);
  const packaged = wanted('vsix') || !fs.existsSync(path.join(dist, 'server.js'))
    ? await phase('build and package (npm run package)', async () => packageVsix())
    : undefined;
  if (packaged?.ok && !packaged.value.ok) process.stderr.write(`[bench] packaging failed:\n${packaged.value.output.slice(-3000)}\n`);
  await initParser();
  const generated = await phase('generate inputs', async () => generateInputs());
  if (!generated.ok) return 2;
  const { templates, corpus, corpusDir } = generated.value;
  const checked = await phase('check that the inputs parse cleanly', async () => {
    // The generator is deterministic: the full run checks every big input; --quick a sample.
    await checkParsesCleanly(quick ? templates.filter((t) => t.id === '400') : templates);
    await checkParsesCleanly(corpus.filter((_, i) => i % (quick ? 40 : 10) === 0));
    return true;
  });
  if (!checked.ok) return 2;
  await phase('floors', () => measureFloors(templates));
  const t4k = templates.find((t) => t.id === '4k') as Input;
  const t400 = templates.find((t) => t.id === '400') as Input;
  // Memory: the corpus is opened in two servers first, with nothing else running; they then idle until
  // their steady state. The full run waits for it alone; --quick measures the edits (one core) meanwhile.
  const servers = wanted('memory') ? await phase('memory: open the corpus in two servers', () => openCorpusInServers(corpus)) : undefined;
  if (servers && !servers.ok) failedMetric('server RSS after opening the corpus', 'MiB', '≤ 150 MiB', 'see the log');
  const steadyState = async () => {
    if (servers?.ok && !(await phase('memory: steady state', () => servers.value.finish())).ok) failedMetric('server RSS after opening the corpus', 'MiB', '≤ 150 MiB', 'see the log');
  };
  if (!quick) await steadyState();
  if (wanted('edit') && !(await phase('edit → diagnostics', () => measureEditLatency(templates))).ok) {
    for (const id of ['4k', '12k']) if (!metrics.some((m) => m.name.startsWith(`edit → diagnostics p95, ${id}`))) failedMetric(`edit → diagnostics p95, ${id}`, 'ms', `1.0 × tree-sitter full parse (${id})`, 'see the log');
  }
  if (quick) await steadyState();
  if (wanted('requests') && !(await phase('completion and hover', () => measureRequests(t4k))).ok) {
    for (const k of ['completion', 'hover']) if (!metrics.some((m) => m.name.startsWith(`${k} p95`))) failedMetric(`${k} p95, 4k`, 'ms', '0.25 × tree-sitter full parse (4k)', 'see the log');
  }
  if (wanted('cold') && !(await phase('cold start', () => measureColdStart(t400))).ok) failedMetric('cold start → first diagnostics, 400', 'ms', '≤ 600 ms', 'see the log');
  const cliJs = path.join(dist, 'cli.js');
  if (wanted('cli') && !(await phase('CLI', () => measureCli({ quick, root, cliJs, corpus, corpusDir, hclParse, timeRuns, median, floorMetric, targetMetric }))).ok) {
    for (const [name, unit, rule] of [
      ['repository lint, corpus', 'ms', '1.25 × max(H, (H + T) / 2)'],
      ['peak memory of that lint', 'MiB', '≤ 200 MiB'],
      ['second lint with --cache', 'ms', '0.2 × the first run with --cache'],
      ['one template, coder-dind lint', 'ms', '1.3 × bare one-file hcl2json parse'],
    ]) {
      if (!metrics.some((m) => m.name.startsWith(name))) failedMetric(name, unit, rule, 'see the log');
    }
  }
  if (wanted('vsix') && !(await phase('VSIX size', async () => measureVsix())).ok) failedMetric('VSIX size', 'MiB', '≤ 5 MiB', 'see the log');

  const seconds = (performance.now() - started) / 1000;
  console.log(`\ncoder-dind benchmark (${quick ? '--quick' : 'full'}), ${new Date().toISOString()}, ${os.availableParallelism()} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${seconds.toFixed(1)} s\n`);
  console.log(table());
  for (const m of metrics) if (m.note) console.log(`  · ${m.name}: ${m.note}`);
  console.log(`\nphases: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join('; ')}`);
  fs.writeFileSync(
    path.join(root, 'bench', 'results.json'),
    JSON.stringify({ mode: quick ? 'quick' : 'full', date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), seconds, metrics, phases }, null, 2) + '\n',
  );
  const failed = metrics.filter((m) => m.pass === false);
  console.log(failed.length ? `\n${failed.length} target(s) missed: ${failed.map((m) => m.name).join('; ')}` : '\nall targets met');
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
