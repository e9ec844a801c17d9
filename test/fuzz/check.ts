import { spawn } from 'node:child_process';
import { classifyText, describeSkip } from '../../server/src/service/textLimits';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionRequest,
  CodeLensRequest,
  Command,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  Position,
  Range,
  RenameRequest,
  ResponseError,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { main as cliMain } from '../../server/src/cli';
import { TfFile } from '../../server/src/model/document';
import { checkSyntax } from '../../server/src/service/hclParser';
import { syntaxFindings } from '../../server/src/service/lint';
import { decode } from '../../server/src/service/textLimits';
import type { FuzzClient } from './client';
import { ROOT } from './corpus';
import type { Rng } from './prng';

/**
 * A request (or the publish after the last edit) that costs the server more than this much CPU time is a
 * hang; so is one that has no answer after STUCK_MS of wall time. CPU time, because the machine may be
 * shared: wall time measures the load as much as the server. Both are ≥ 10× the typical time.
 */
export const HANG_MS = 2_000;
export const STUCK_MS = 20_000;
/** Answers that are not failures: an unimplemented method, a refused rename, a cancelled request. */
const ACCEPTED_ERRORS = new Set<number>([ErrorCodes.MethodNotFound, LSPErrorCodes.RequestFailed, LSPErrorCodes.ContentModified, LSPErrorCodes.RequestCancelled]);
/** A CLI process slower than this is a hang (it starts tsx, the grammar and the Go runtime: ~2 s). */
export const PROCESS_HANG_MS = 60_000;

export type FailureKind = 'crash' | 'hang' | 'invalid' | 'corrupt';
export interface Failure {
  kind: FailureKind;
  where: string;
  detail: string;
}

export interface Figures {
  requests: number;
  cliRuns: number;
  processRuns: number;
  /** Worst latency per request kind, in ms of wall time and of CPU time. */
  worst: Record<string, number>;
  worstCpu: Record<string, number>;
  /** Total time and count per request kind, for the mean. */
  total: Record<string, [number, number]>;
}

export function emptyFigures(): Figures {
  return { requests: 0, cliRuns: 0, processRuns: 0, worst: {}, worstCpu: {}, total: {} };
}

const FAILED_LOG = /failed/i;

/** Starts a stopwatch; calling the result gives [wall ms, CPU ms of this process] since. */
export function startClock(): () => [number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return [performance.now() - t0, (c.user + c.system) / 1000];
  };
}

/** The checks one mutant goes through; failures and figures accumulate here. */
export class MutantRun {
  readonly failures: Failure[] = [];

  constructor(readonly figures: Figures) {}

  fail(kind: FailureKind, where: string, detail: string): void {
    if (this.failures.length < 20) this.failures.push({ kind, where, detail: detail.slice(0, 2000) });
  }

  /** Records a latency (wall ms) and the CPU time the process spent meanwhile. */
  time(kind: string, ms: number, cpuMs: number): void {
    this.figures.worst[kind] = Math.max(this.figures.worst[kind] ?? 0, ms);
    this.figures.worstCpu[kind] = Math.max(this.figures.worstCpu[kind] ?? 0, cpuMs);
    const t = (this.figures.total[kind] ??= [0, 0]);
    t[0] += ms;
    t[1]++;
    if (cpuMs > HANG_MS) this.fail('hang', kind, `took ${cpuMs.toFixed(0)} ms of CPU time, ${ms.toFixed(0)} ms in all (bound ${HANG_MS} ms of CPU)`);
    else if (ms > STUCK_MS) this.fail('hang', kind, `took ${ms.toFixed(0)} ms (bound ${STUCK_MS} ms)`);
  }

  /** Sends a request, times it, and turns errors other than "method not found" into failures. */
  async request<R>(_client: FuzzClient, kind: string, send: () => Promise<R>): Promise<R | undefined> {
    const clock = startClock();
    this.figures.requests++;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STUCK_MS)));
      const result = await Promise.race([send(), timeout]);
      if (result === 'timeout') {
        this.fail('hang', kind, `no answer within ${STUCK_MS} ms`);
        return undefined;
      }
      return result;
    } catch (error) {
      if (error instanceof ResponseError && ACCEPTED_ERRORS.has(error.code)) return undefined;
      this.fail('crash', kind, error instanceof Error ? error.stack ?? error.message : String(error));
      return undefined;
    } finally {
      clearTimeout(timer);
      this.time(kind, ...clock());
    }
  }
}

// ---- range checks ----------------------------------------------------------------------------------

function validPosition(doc: TextDocument, p: Position | undefined): boolean {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < doc.lineCount;
}

function validRange(doc: TextDocument, r: Range | undefined): string | undefined {
  if (!r || !validPosition(doc, r.start) || !validPosition(doc, r.end)) return `range ${JSON.stringify(r)} outside the document (${doc.lineCount} lines)`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `inverted range ${JSON.stringify(r)}`;
  return undefined;
}

function randomPosition(doc: TextDocument, rng: Rng): Position {
  const text = doc.getText();
  if (rng.chance(0.1)) return rng.pick([{ line: doc.lineCount + rng.int(5), character: rng.int(50) }, { line: rng.int(doc.lineCount), character: 100_000 + rng.int(10) }, { line: 0, character: 0 }]);
  return doc.positionAt(rng.int(text.length + 1));
}

function randomEdit(doc: TextDocument, rng: Rng): TextDocumentContentChangeEvent {
  const text = doc.getText();
  if (rng.chance(0.05)) return { text: text.slice(0, rng.int(text.length + 1)) + rng.pick(['', '}', '"', '\n']) };
  const a = rng.int(text.length + 1);
  const b = Math.min(text.length, a + (rng.chance(0.5) ? 0 : rng.int(40)));
  let range = { start: doc.positionAt(a), end: doc.positionAt(b) };
  if (rng.chance(0.05)) range = { start: range.start, end: { line: doc.lineCount + 3, character: 7 } }; // past the end
  const insert = rng.pick(['', ' ', '\n', '{', '}', '"', '${', 'x', '= ', 'data.coder_workspace.me.', 'resource "docker_container" "w" {\n', '\r\n', '\u{1F600}', '#', 'var.', 'coder_agent.main.']);
  return { range, text: insert };
}

// ---- the language server -------------------------------------------------------------------------

export interface LspPlan {
  /** Distinct fixed texts re-opened per mutant (every fix is applied; these many are re-linted). */
  reopen: number;
  /** Lean (long runs): at most one edit, one completion, one hover, one other request, actions on ≤ 5 diagnostics. */
  lean: boolean;
}

/** The hcl-syntax diagnostics the server must publish for `text`, as comparable strings. */
async function expectedSyntax(text: string): Promise<string[]> {
  const file = new TfFile('/fuzz/expected.tf', text, null);
  try {
    return (await syntaxFindings(file)).map((f) => JSON.stringify([f.range, f.message])).sort();
  } finally {
    file.dispose();
  }
}

const syntaxOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'hcl-syntax').map((d) => JSON.stringify([d.range, d.message])).sort();

/**
 * Opens `text` as version 1, sends `changes`, and waits for the final version's diagnostics: the
 * publish for the final version whose hcl-syntax part is what the Go parser says of the final text.
 * Returns them, and whether the final text parses.
 */
async function openAndSettle(run: MutantRun, client: FuzzClient, uri: string, text: string, texts: Map<number, string>, changes: Array<{ version: number; changes: TextDocumentContentChangeEvent[] }>): Promise<{ diagnostics: Diagnostic[]; parses: boolean }> {
  client.track(uri);
  const final = changes.length ? changes[changes.length - 1].version : 1;
  const limit = classifyText(texts.get(final)!);
  const expected = limit ? '[]' : JSON.stringify(await expectedSyntax(texts.get(final)!));
  const clock = startClock();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  for (const c of changes) {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: c.version }, contentChanges: c.changes });
  }
  // A text past the analysis limits gets exactly one info diagnostic that says why, and nothing else.
  const matches = limit
    ? (p: { version?: number | null; diagnostics: Diagnostic[] }) => p.version === final && p.diagnostics.length === 1 && p.diagnostics[0].message === describeSkip(limit)
    : (p: { version?: number | null; diagnostics: Diagnostic[] }) => p.version === final && JSON.stringify(syntaxOf(p.diagnostics)) === expected;
  const settled = await client.until(uri, () => client.published(uri).some(matches), STUCK_MS);
  run.time('diagnostics', ...clock());
  if (!settled) {
    run.fail('hang', 'diagnostics', `no diagnostics with the right hcl-syntax part for version ${final} within ${STUCK_MS} ms (expected ${expected}; publishes: ${JSON.stringify(client.published(uri).map((p) => [p.version, syntaxOf(p.diagnostics)])).slice(0, 1000)})`);
  }
  const finals = client.published(uri).filter(matches);
  return { diagnostics: finals.length ? finals[finals.length - 1].diagnostics : [], parses: !limit && expected === '[]' };
}

/** Every publish for `uri` so far: versions never go back, ranges fit the text of their version. */
function checkPublishes(run: MutantRun, client: FuzzClient, uri: string, texts: Map<number, string>): void {
  let last = -Infinity;
  for (const p of client.published(uri)) {
    if (p.version === undefined || p.version === null) continue;
    if (p.version < last) run.fail('invalid', 'publishDiagnostics', `version ${p.version} published after version ${last}`);
    last = Math.max(last, p.version);
    const text = texts.get(p.version);
    if (text === undefined) {
      run.fail('invalid', 'publishDiagnostics', `diagnostics for version ${p.version}, which was never sent`);
      continue;
    }
    const vdoc = TextDocument.create(uri, 'terraform', p.version, text);
    for (const d of p.diagnostics) {
      const bad = validRange(vdoc, d.range);
      if (bad) run.fail('invalid', 'publishDiagnostics', `${d.code}: ${bad}`);
      if (typeof d.message !== 'string' || !d.message) run.fail('invalid', 'publishDiagnostics', `${d.code}: empty message`);
    }
  }
}

/** Opens the mutant, edits it, asks for everything at random places, applies every fix, re-opens some. */
export async function checkLsp(run: MutantRun, client: FuzzClient, dirUri: string, id: string, text: string, rng: Rng, plan: LspPlan): Promise<void> {
  const uri = `${dirUri}/m${id}.tf`;
  const opened: string[] = [uri];
  try {
    const doc = TextDocument.create(uri, 'terraform', 1, text);
    const texts = new Map<number, string>([[1, text]]);
    const changes: Array<{ version: number; changes: TextDocumentContentChangeEvent[] }> = [];
    for (let n = rng.int(plan.lean ? 2 : 4), v = 2; n > 0; n--, v++) {
      // Each change's range refers to the text after the previous change of the same notification.
      const applied: TextDocumentContentChangeEvent[] = [];
      for (let k = rng.range(1, 2); k > 0; k--) {
        const c = randomEdit(doc, rng);
        TextDocument.update(doc, [c], v);
        applied.push(c);
      }
      changes.push({ version: v, changes: applied });
      texts.set(v, doc.getText());
    }
    const { diagnostics, parses } = await openAndSettle(run, client, uri, text, texts, changes);

    for (let k = plan.lean ? 1 : 3; k > 0; k--) {
      const position = randomPosition(doc, rng);
      const result = await run.request(client, 'completion', () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      const items = Array.isArray(result) ? result : result?.items ?? [];
      for (const item of items) {
        if (typeof item.label !== 'string') run.fail('invalid', 'completion', `item without a label: ${JSON.stringify(item).slice(0, 200)}`);
        const edit = item.textEdit;
        const range = edit ? ('range' in edit ? edit.range : edit.replace) : undefined;
        const bad = range && validRange(doc, range);
        if (bad) run.fail('invalid', 'completion', `${item.label}: ${bad}`);
        for (const e of item.additionalTextEdits ?? []) {
          const b = validRange(doc, e.range);
          if (b) run.fail('invalid', 'completion', `${item.label} additional edit: ${b}`);
        }
      }
    }
    for (let k = plan.lean ? 1 : 2; k > 0; k--) {
      const position = randomPosition(doc, rng);
      const hover = await run.request(client, 'hover', () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
      if (hover && !hover.contents) run.fail('invalid', 'hover', 'hover without contents');
      if (hover?.range) {
        const bad = validRange(doc, hover.range);
        if (bad) run.fail('invalid', 'hover', bad);
      }
    }
    const others: Array<() => Promise<unknown>> = [
      () => run.request(client, 'definition', () => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng) })),
      async () => {
        const symbols = await run.request(client, 'documentSymbol', () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
        for (const s of symbols ?? []) {
          const range = 'range' in s ? s.range : s.location.range;
          const bad = validRange(doc, range);
          if (bad) run.fail('invalid', 'documentSymbol', `${s.name}: ${bad}`);
        }
      },
      async () => {
        const renamed = await run.request(client, 'rename', () =>
          client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng), newName: rng.pick(['x', 'new_name', '', '"', 'a b', '\u{1F600}']) }),
        );
        for (const e of renamed?.changes?.[uri] ?? []) {
          const bad = validRange(doc, e.range);
          if (bad) run.fail('invalid', 'rename', bad);
        }
      },
      () => run.request(client, 'prepareRename', () => client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng) })),
      () =>
        run.request(client, 'references', () =>
          client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng), context: { includeDeclaration: true } }),
        ),
      () => run.request(client, 'codeLens', () => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })),
    ];
    if (plan.lean) await rng.pick(others)();
    else for (const other of others) await other();

    // Code actions on every diagnostic (and fix-all); every edit is applied to the current text.
    const actions: CodeAction[] = [];
    for (const d of diagnostics.slice(0, plan.lean ? 5 : 25)) {
      const result = await run.request(client, 'codeAction', () =>
        client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }),
      );
      for (const a of result ?? []) if (!Command.is(a)) actions.push(a);
    }
    const fixAll = await run.request(client, 'codeAction', () =>
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) },
        context: { diagnostics, only: ['source.fixAll'] },
      }),
    );
    for (const a of fixAll ?? []) if (!Command.is(a)) actions.push(a);
    const fixed = new Set<string>();
    for (const a of actions) {
      const edits: TextEdit[] = a.edit?.changes?.[uri] ?? [];
      for (const e of edits) {
        const bad = validRange(doc, e.range);
        if (bad) run.fail('invalid', 'codeAction', `"${a.title}": ${bad}`);
      }
      if (!edits.length) continue;
      try {
        const result = TextDocument.applyEdits(doc, edits);
        if (result !== doc.getText()) fixed.add(result);
      } catch (error) {
        run.fail('invalid', 'codeAction', `"${a.title}" cannot be applied: ${(error as Error).message}`);
      }
    }

    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    checkPublishes(run, client, uri, texts);
    const candidates = [...fixed];
    for (let j = 0; j < plan.reopen && candidates.length; j++) {
      const next = candidates.splice(rng.int(candidates.length), 1)[0];
      const fixUri = `${dirUri}/m${id}-fix${j}.tf`;
      opened.push(fixUri);
      const fixedTexts = new Map([[1, next]]);
      const after = await openAndSettle(run, client, fixUri, next, fixedTexts, []);
      if (parses && !after.parses) {
        run.fail('invalid', 'codeAction', `a fix turns a file that parsed into one that does not: ${after.diagnostics.find((d) => d.code === 'hcl-syntax')?.message}`);
      }
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fixUri } });
      checkPublishes(run, client, fixUri, fixedTexts);
    }
    // A round trip, so that the log lines of everything above have arrived.
    await run.request(client, 'codeLens', () => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
  } finally {
    for (const u of opened) client.forget(u);
    for (const line of client.logs.splice(0)) if (FAILED_LOG.test(line)) run.fail('crash', 'server log', line);
  }
}

// ---- the CLI ---------------------------------------------------------------------------------------

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs?: number;
  signal?: string | null;
}

async function cliInProcess(args: string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const clock = startClock();
  let code: number;
  try {
    code = await cliMain(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} });
  } catch (error) {
    // cli.ts turns this into "internal error" and exit 2: that is a crash, not a clean exit 2.
    stderr += `coder-dind: internal error: ${error instanceof Error ? error.stack : String(error)}\n`;
    code = 2;
  }
  const [ms, cpuMs] = clock();
  return { code, stdout, stderr, ms, cpuMs };
}

function cliProcess(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_HANG_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

function checkOutput(run: MutantRun, where: string, r: CliResult): void {
  if (r.signal) run.fail('hang', where, `killed by ${r.signal} after ${r.ms.toFixed(0)} ms`);
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) run.fail('crash', where, `exit ${r.code}: ${r.stderr}`);
  if (/internal error|failed/i.test(r.stderr)) run.fail('crash', where, r.stderr);
  try {
    const json = JSON.parse(r.stdout) as { version?: number; results?: unknown[] };
    if (json.version !== 1 || !Array.isArray(json.results)) run.fail('invalid', where, `JSON without version 1 and results: ${r.stdout.slice(0, 300)}`);
  } catch (error) {
    if (!r.signal) run.fail('invalid', where, `stdout is not JSON (${(error as Error).message}): ${r.stdout.slice(0, 300)} / stderr: ${r.stderr.slice(0, 300)}`);
  }
}

/**
 * `lint --format json` and `lint --fix --format json` on a temporary copy: exit 0/1/2 with JSON, and a
 * file that did not parse (or is not text) is byte-identical afterwards; one that parsed still parses,
 * keeps its mode and its line endings, and no temporary file is left beside it.
 */
export async function checkCli(run: MutantRun, tmpRoot: string, id: string, bytes: Buffer, inProcess: boolean): Promise<void> {
  const dir = path.join(tmpRoot, `c${id}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.tf');
  try {
    writeFileSync(file, bytes, { mode: 0o640 });
    const exec = (args: string[]) => (inProcess ? cliInProcess(args, dir) : cliProcess(args));
    const where = inProcess ? 'cli' : 'cli process';
    const lint = await exec(['lint', '--format', 'json', dir]);
    run.figures[inProcess ? 'cliRuns' : 'processRuns']++;
    if (inProcess) run.time('cli lint', lint.ms, lint.cpuMs!);
    checkOutput(run, `${where} lint`, lint);

    const text = decode(bytes);
    let parses = false;
    if (text !== undefined) {
      const probe = new TfFile(file, text);
      parses = (await checkSyntax(probe)).length === 0;
      probe.dispose();
    }
    const fix = await exec(['lint', '--fix', '--format', 'json', dir]);
    run.figures[inProcess ? 'cliRuns' : 'processRuns']++;
    if (inProcess) run.time('cli fix', fix.ms, fix.cpuMs!);
    checkOutput(run, `${where} --fix`, fix);
    const after = readFileSync(file);
    const left = readdirSync(dir).filter((n) => n !== 'main.tf');
    if (left.length) run.fail('corrupt', `${where} --fix`, `files left beside main.tf: ${left.join(', ')}`);
    if ((statSync(file).mode & 0o7777) !== 0o640) run.fail('corrupt', `${where} --fix`, `mode changed to ${(statSync(file).mode & 0o7777).toString(8)}`);
    if (!parses) {
      if (!after.equals(bytes)) run.fail('corrupt', `${where} --fix`, `a file that does not parse (or is not UTF-8) was changed`);
      return;
    }
    const afterText = decode(after);
    if (afterText === undefined) {
      run.fail('corrupt', `${where} --fix`, 'the fixed file is not UTF-8 text');
      return;
    }
    const probe = new TfFile(file, afterText);
    const broken = await checkSyntax(probe);
    probe.dispose();
    if (broken.length) run.fail('corrupt', `${where} --fix`, `the fixed file no longer parses: ${broken[0].message}`);
    const crlfOnly = (s: string) => s.includes('\r\n') && !/(^|[^\r])\n/.test(s);
    if (crlfOnly(text!) && !crlfOnly(afterText)) run.fail('corrupt', `${where} --fix`, 'CRLF line endings became mixed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
