import * as fs from 'node:fs';
import * as path from 'node:path';
import { TfFile } from '../model/document';
import { detectMethod } from '../model/method';
import { ModuleContext, TemplateModule } from '../model/module';
import { initParser } from '../model/parser';
import { RULES } from '../rules';
import { lintModule, LintOptions } from '../rules/engine';
import type { Finding } from '../rules/types';
import { useHclWorkers } from '../service/hclWorkers';
import { sortFindings, syntaxFindings } from '../service/lint';
import { readPushedFolder } from '../service/folderReader';
import { classifyText, decode, describeSkip, MAX_FILE_BYTES } from '../service/textLimits';
import { nodeFileSystem } from '../service/fileSystem';
import type { ModuleTarget } from './collect';
import { heapKeeper, tuneForLongRun } from './heap';
import { FileResult, ModuleResult, reportedFindings } from './results';

/** A module's files as read from disk, before any parse. */
export interface ModuleSource {
  target: ModuleTarget;
  files: Array<{ path: string; text: string }>;
  /** Files that could not be read as text, with why; a fatal one is a read error (exit 2). */
  unreadable: Array<{ path: string; reason: string; fatal: boolean }>;
}

export function readModule(target: ModuleTarget): ModuleSource {
  const files: ModuleSource['files'] = [];
  const unreadable: ModuleSource['unreadable'] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(target.dir).filter((n) => n.endsWith('.tf')).sort();
  } catch (error) {
    unreadable.push({ path: target.dir, reason: (error as Error).message, fatal: true });
  }
  for (const name of names) {
    const p = path.join(target.dir, name);
    try {
      const stat = fs.statSync(p);
      if (!stat.isFile()) continue;
      if (stat.size > MAX_FILE_BYTES) {
        unreadable.push({ path: p, reason: `skipped: ${(stat.size / 1024 / 1024).toFixed(1)} MB is above the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`, fatal: false });
        continue;
      }
      const text = decode(fs.readFileSync(p));
      if (text === undefined) {
        unreadable.push({ path: p, reason: 'not UTF-8 text (NUL bytes or invalid UTF-8); Terraform cannot read it either', fatal: false });
        continue;
      }
      const limit = classifyText(text);
      if (limit) {
        unreadable.push({ path: p, reason: `skipped: ${describeSkip(limit).replace(/^This file /, 'the file ')}`, fatal: false });
        continue;
      }
      files.push({ path: p, text });
    } catch (error) {
      unreadable.push({ path: p, reason: (error as Error).message, fatal: true });
    }
  }
  return { target, files, unreadable };
}

/** The local modules of one run, by folder: each read once, whoever calls it (undefined: no `.tf` file). */
export type LocalModules = Map<string, TemplateModule | undefined>;

/** The module of a source, with what its rules read beyond its own files. */
export function moduleOf(source: ModuleSource, locals: LocalModules = new Map()): TemplateModule {
  return new TemplateModule(source.target.dir, filesOf(source), diskContext(source.target.dir, locals));
}

/**
 * What the folder rules read beside the `.tf` files: the folder as `coder templates push` archives it,
 * and the local modules it calls.
 */
function diskContext(dir: string, locals: LocalModules): ModuleContext {
  return {
    folder: () => readPushedFolder(dir, nodeFileSystem),
    localModule: (other) => {
      if (!locals.has(other)) {
        locals.set(other, undefined); // a module that calls itself reads as unknown, not forever
        const source = readModule({ dir: other });
        locals.set(other, source.files.length ? moduleOf(source, locals) : undefined);
      }
      let child = locals.get(other);
      // Its files' trees are freed between the modules of a run (lintSources), and a module over freed
      // trees must not be read: its declarations hold their nodes. A new module over the same files
      // parses them again.
      if (child?.stale) locals.set(other, (child = new TemplateModule(child.dir, child.files, child.context)));
      return child;
    },
  };
}

/**
 * One tree per top-level statement, as in the editor: on text that does not parse, error recovery then
 * stays inside the broken statement in both, and both report the same findings (docs/rules/hcl-syntax.md).
 * Never edited, so readers may keep what they read on the nodes of its index.
 */
function filesOf(source: ModuleSource): TfFile[] {
  return source.files.map((f) => new TfFile(f.path, f.text, null, true, false));
}

/**
 * Lints modules, giving their results in order. With `jobs` > 1, every file's `hcl-syntax` check is
 * handed to `jobs - 1` worker threads at once, each keeping a few in hand, so that the Go parser runs the
 * whole time while this thread runs the tree-sitter rules module after module. Each module's trees are
 * freed as soon as its rules have run: only texts and findings stay, so memory does not grow with the
 * number of modules.
 */
export async function lintSources(sources: ModuleSource[], options: LintOptions, jobs: number): Promise<ModuleResult[]> {
  if (!sources.length) return [];
  if (sources.reduce((n, s) => n + s.files.reduce((m, f) => m + f.text.length, 0), 0) >= LONG_RUN_CHARS) tuneForLongRun();
  const pool = jobs > 1 ? useHclWorkers(jobs - 1, undefined, 'thread', WORKER_DEPTH) : undefined;
  const syntaxOptions = { ...options, syntaxChecker: pool?.check };
  try {
    const pending = sources.map((source) => {
      const files = filesOf(source);
      return { source, files, syntax: pool ? files.map((f) => syntaxFindings(f, syntaxOptions)) : undefined };
    });
    await initParser();
    const results: Array<Promise<ModuleResult>> = [];
    const keepHeap = heapKeeper();
    const locals: LocalModules = new Map();
    for (const { source, files, syntax: queued } of pending) {
      // The module (and every cache the rules keep on it) is dropped after this turn; only texts stay.
      const module = new TemplateModule(source.target.dir, files, diskContext(source.target.dir, locals));
      const findings = lintModule(module, RULES, options);
      const method = detectMethod(module)?.id ?? null;
      for (const f of files) f.park();
      // Local modules stay known for their other callers; their trees are parsed again when read, by a
      // new module over the same files (see diskContext).
      for (const child of locals.values()) for (const f of child?.files ?? []) f.park();
      keepHeap(files.reduce((n, f) => n + f.text.length, 0));
      const syntax = queued ?? files.map((f) => syntaxFindings(f, syntaxOptions));
      const result = Promise.all(syntax).then((s) => moduleResult(source, files, method, [...findings, ...s.flat()]));
      // Without workers the check ran here: wait, so that at most one module is held at a time.
      if (!pool) await result;
      // Let the workers' answers in, so that they get their next files.
      else await new Promise((resolve) => setImmediate(resolve));
      results.push(result);
    }
    return await Promise.all(results);
  } finally {
    pool?.dispose();
  }
}

/** Text from which a run counts as long (see heap.ts): about 25 templates of 400 lines. */
const LONG_RUN_CHARS = 256 * 1024;

/** Files in hand per worker: enough that it never idles while this thread lints a module. */
const WORKER_DEPTH = 8;

/** The plain result of a module: its findings by file (sorted as the editor sorts them), and its method. */
export function moduleResult(source: ModuleSource, files: readonly TfFile[], method: string | null, findings: Finding[]): ModuleResult {
  const sorted = sortFindings(findings);
  const out: FileResult[] = files.map((file) => ({ file: file.path, method, findings: reportedFindings(file, sorted.filter((f) => f.file === file)) }));
  for (const u of source.unreadable) if (!u.fatal) out.push({ file: u.path, method, findings: [] });
  return { dir: source.target.dir, files: out };
}
