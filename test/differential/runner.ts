import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/features/diagnostics';
import { BundledServer, CLI_JS } from './server';
import { describeStep, folderOf, generateSession, reproduceCommand, Session } from './sessions';

/**
 * A server that stops publishing for this long while its diagnostics differ from the CLI's has answered.
 * Generous: on a loaded machine the server's hcl-syntax child process, started again after ten idle
 * seconds, took more than 10 s to answer (session 445 of seed 2026, at a load average of 20 on 2 cores);
 * a session whose diagnostics match ends at once, so this costs time only when one fails.
 */
export const QUIET_MS = 30_000;
/** And one that is still publishing after this long is stuck. */
export const MAX_SETTLE_MS = 120_000;

export interface SessionOutcome {
  /** Why the session failed, with its steps, or undefined. */
  failure?: string;
  filesCompared: number;
  findingsCompared: number;
  publishes: number;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** A diagnostic as a comparable string: rule, severity, range, message and its fixes' titles; `skipped` for a file not analysed. */
function serverKey(d: Diagnostic): string {
  if (d.code === undefined) return 'skipped';
  const data = d.data as DiagnosticData | undefined;
  const fixes = [data?.fix, ...(data?.suggestions ?? [])].filter((f) => f !== undefined).map((f) => f.title);
  return JSON.stringify([d.code, SEVERITY[d.severity ?? 0], d.range, d.message, fixes]);
}

interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
  fixes: string[];
}

function cliKey(d: CliDiagnostic): string {
  return JSON.stringify([d.rule, d.severity, d.range, d.message, d.fixes]);
}

/** A key in one readable line: `rule severity 3:4-3:9 "message" [fixes]`. */
function readable(key: string): string {
  if (key === 'skipped') return 'not analysed (skipped)';
  const [rule, severity, range, message, fixes] = JSON.parse(key) as [string, string, Diagnostic['range'], string, string[]];
  const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
  return `${rule} ${severity} ${at(range.start)}-${at(range.end)} ${JSON.stringify(message)}${fixes.length ? ` fixes: ${fixes.join(' | ')}` : ''}`;
}

/** `coder-dind lint --format json .` (the bundled CLI) in the session's root: findings and skipped files by path. */
function runCli(root: string): Promise<{ byFile: Map<string, string[]>; raw: string }> {
  // A session may end with every .tf file deleted: the CLI then refuses the path (a usage error, exit 2)
  // and has nothing to report, so the server must have cleared everything.
  if (!tfFilesUnder(root).length) return Promise.resolve({ byFile: new Map(), raw: '' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, 'lint', '--format', 'json', '.'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`coder-dind lint exited with ${code}: ${stderr}`));
      let report: { results: Array<{ file: string; diagnostics: CliDiagnostic[] }> };
      try {
        report = JSON.parse(stdout) as typeof report;
      } catch (error) {
        // In this callback a throw would end the whole run; as a rejection it fails this session only.
        return reject(new Error(`coder-dind lint exited with ${code} but its output is not JSON (${(error as Error).message}): ${JSON.stringify(stdout.slice(0, 400))}; stderr: ${stderr.slice(-3000)}`));
      }
      const byFile = new Map<string, string[]>();
      for (const r of report.results) {
        byFile.set(path.resolve(root, r.file), r.diagnostics.map(cliKey));
      }
      for (const m of stderr.matchAll(/^coder-dind: warning: (.+?\.tf): /gm)) byFile.get(path.resolve(root, m[1]))?.push('skipped');
      resolve({ byFile, raw: stderr });
    });
  });
}

function tfFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tfFilesUnder(full));
    else if (e.name.endsWith('.tf')) out.push(full);
  }
  return out;
}

/** Runs one session against the server, then compares its last diagnostics with the CLI's, file by file. */
export async function runSession(server: BundledServer, session: Session, reproduce: string): Promise<SessionOutcome> {
  const root = mkdtempSync(path.join(tmpdir(), `coder-dind-diff-${session.index}-`));
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  const uri = (rel: string) => pathToFileURL(abs(rel)).href;
  const docs = new Map<string, TextDocument>();
  const c = server.connection;
  const watched = (changes: Array<[string, FileChangeType]>) =>
    c.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([rel, type]) => ({ uri: uri(rel), type })) });
  const write = async (rel: string, text: string | Buffer) => {
    const existed = existsSync(abs(rel));
    mkdirSync(path.dirname(abs(rel)), { recursive: true });
    writeFileSync(abs(rel), text);
    await watched([[rel, existed ? FileChangeType.Changed : FileChangeType.Created]]);
  };
  const publishesBefore = server.publishCount;
  const outcome: SessionOutcome = { filesCompared: 0, findingsCompared: 0, publishes: 0 };
  const fail = (why: string) => {
    const steps = session.steps.map((s, i) => `  ${String(i + 1).padStart(2)}. ${describeStep(s)}`).join('\n');
    outcome.failure = `session ${session.index} of seed ${session.seed} (debounce ${session.debounceMs} ms, hcl-syntax debounce ${session.syntaxDebounceMs} ms): ${why}\n` +
      `initial files: ${Object.keys(session.files).join(', ')}\nsteps:\n${steps}\nreproduce: ${reproduce}`;
  };
  try {
    for (const [rel, text] of Object.entries(session.files)) {
      mkdirSync(path.dirname(abs(rel)), { recursive: true });
      writeFileSync(abs(rel), text);
    }
    for (const step of session.steps) {
      switch (step.kind) {
        case 'open': {
          const text = readFileSync(abs(step.file), 'utf8');
          docs.set(step.file, TextDocument.create(uri(step.file), 'terraform', 1, text));
          await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(step.file), languageId: 'terraform', version: 1, text } });
          break;
        }
        case 'edit': {
          const doc = docs.get(step.file)!;
          TextDocument.update(doc, step.changes, doc.version + 1);
          await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(step.file), version: doc.version }, contentChanges: step.changes });
          break;
        }
        case 'save':
          await write(step.file, docs.get(step.file)!.getText());
          break;
        case 'close':
          if (step.save) await write(step.file, docs.get(step.file)!.getText());
          docs.delete(step.file);
          await c.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(step.file) } });
          break;
        case 'write':
          await write(step.file, step.binary ? Buffer.from(step.text, 'utf8') : step.text);
          break;
        case 'delete':
          rmSync(abs(step.file));
          await watched([[step.file, FileChangeType.Deleted]]);
          break;
        case 'rename':
          mkdirSync(path.dirname(abs(step.to)), { recursive: true });
          renameSync(abs(step.from), abs(step.to));
          await watched([[step.from, FileChangeType.Deleted], [step.to, FileChangeType.Created]]);
          break;
        case 'delete-folder':
          rmSync(abs(step.folder), { recursive: true, force: true });
          await watched([[step.folder, FileChangeType.Deleted]]);
          break;
        case 'pause':
          await new Promise((r) => setTimeout(r, step.ms));
      }
    }
    // Every buffer with unsaved changes saved, as "Save All" does: disk and editor now agree.
    for (const [rel, doc] of [...docs].sort(([a], [b]) => a.localeCompare(b))) {
      if (!existsSync(abs(rel)) || readFileSync(abs(rel), 'utf8') !== doc.getText()) await write(rel, doc.getText());
    }

    const cli = await runCli(root);
    const active = new Set([...docs.keys()].map(folderOf));
    const files = new Set([...tfFilesUnder(root).map((f) => pathToFileURL(f).href), ...server.urisUnder(pathToFileURL(root).href + '/')]);
    const expected = new Map<string, { keys: string[]; version?: number }>();
    for (const u of files) {
      const rel = path.relative(root, fileURLToPath(u)).split(path.sep).join('/');
      const published = active.has(folderOf(rel)) && existsSync(abs(rel));
      const keys = published ? cli.byFile.get(abs(rel)) ?? [] : [];
      expected.set(u, { keys: [...keys].sort(), version: docs.get(rel)?.version });
    }
    const actual = (u: string) => (server.last(u)?.diagnostics ?? []).map(serverKey).sort();
    const matches = () => [...expected].every(([u, e]) => JSON.stringify(actual(u)) === JSON.stringify(e.keys) && (e.version === undefined || server.last(u)?.version === e.version));
    if (!(await server.until(matches, QUIET_MS, MAX_SETTLE_MS))) {
      const diffs = [...expected]
        .filter(([u, e]) => JSON.stringify(actual(u)) !== JSON.stringify(e.keys) || (e.version !== undefined && server.last(u)?.version !== e.version))
        .map(([u, e]) => `${path.relative(root, fileURLToPath(u))} (last publish: version ${server.last(u)?.version ?? 'none'}${e.version !== undefined ? `, document at ${e.version}` : ''}):\n` +
          [...actual(u).filter((k) => !e.keys.includes(k)).map((k) => `    editor only: ${readable(k)}`), ...e.keys.filter((k) => !actual(u).includes(k)).map((k) => `    CLI only:    ${readable(k)}`)].join('\n'));
      fail(`the server's last diagnostics differ from coder-dind lint's:\n  ${diffs.join('\n  ')}${cli.raw ? `\nCLI stderr: ${cli.raw}` : ''}`);
      return outcome;
    }
    outcome.filesCompared = expected.size;
    outcome.findingsCompared = [...expected.values()].reduce((n, e) => n + e.keys.length, 0);

    // Closing every document clears every file the server published.
    for (const rel of [...docs.keys()].sort()) await c.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(rel) } });
    const published = server.urisUnder(pathToFileURL(root).href + '/');
    if (!(await server.until(() => published.every((u) => !server.last(u)?.diagnostics.length), QUIET_MS, MAX_SETTLE_MS))) {
      fail(`after every document closed, diagnostics remain for ${published.filter((u) => server.last(u)?.diagnostics.length).map((u) => path.relative(root, fileURLToPath(u))).join(', ')}`);
      return outcome;
    }
    const failedLog = server.logs.splice(0).filter((l) => /failed/i.test(l));
    if (failedLog.length) fail(`the server logged a failure: ${failedLog.join('\n')}`);
    return outcome;
  } finally {
    outcome.publishes = server.publishCount - publishesBefore;
    server.forget(pathToFileURL(root).href + '/');
    rmSync(root, { recursive: true, force: true });
  }
}

export interface RunFigures {
  sessions: number;
  steps: number;
  files: number;
  findings: number;
  publishes: number;
  failures: string[];
}

/**
 * Runs sessions `indexes` of `seed`, `parallel` at a time. Each worker keeps one bundled server for many
 * sessions (state one leaves behind shows in the next) and starts another when the debounces change or
 * after a failure.
 */
export async function runSessions(seed: number, indexes: number[], steps: number, parallel: number, onFailure?: (report: string) => void, onProgress?: (figures: RunFigures) => void): Promise<RunFigures> {
  const figures: RunFigures = { sessions: 0, steps: 0, files: 0, findings: 0, publishes: 0, failures: [] };
  const queue = [...indexes];
  const worker = async () => {
    let server: BundledServer | undefined;
    let options = '';
    try {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
        let session: Session;
        try {
          session = generateSession(seed, index, steps);
        } catch (error) {
          figures.failures.push(`session ${index} of seed ${seed}: the generator failed: ${error instanceof Error ? error.stack : String(error)}`);
          onFailure?.(figures.failures.at(-1)!);
          continue;
        }
        const wanted = JSON.stringify({ debounceMs: session.debounceMs, syntaxDebounceMs: session.syntaxDebounceMs });
        if (!server || wanted !== options) {
          await server?.stop();
          server = await BundledServer.start(JSON.parse(wanted) as Record<string, unknown>);
          options = wanted;
        }
        let outcome: SessionOutcome;
        try {
          outcome = await runSession(server, session, reproduceCommand(seed, index, steps));
        } catch (error) {
          // The CLI failing (a crash, output that is not JSON) fails this session, with how to replay it.
          figures.failures.push(`session ${index} of seed ${seed}: ${error instanceof Error ? error.message : String(error)}\nreproduce: ${reproduceCommand(seed, index, steps)}`);
          onFailure?.(figures.failures.at(-1)!);
          // Its documents may still be open: the next session gets a fresh server.
          await server.stop();
          server = undefined;
          continue;
        }
        figures.sessions++;
        figures.steps += session.steps.length;
        figures.files += outcome.filesCompared;
        figures.findings += outcome.findingsCompared;
        figures.publishes += outcome.publishes;
        if (outcome.failure) {
          const report = `${outcome.failure}${server.stderr ? `\nserver stderr: ${server.stderr}` : ''}`;
          figures.failures.push(report);
          onFailure?.(report);
          await server.stop();
          server = undefined;
        }
        onProgress?.(figures);
      }
    } finally {
      await server?.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, indexes.length)) }, worker));
  return figures;
}
