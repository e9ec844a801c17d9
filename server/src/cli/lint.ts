import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TfFile } from '../model/document';
import { ModuleContext, TemplateModule } from '../model/module';
import { detectMethod } from '../model/method';
import { initParser } from '../model/parser';
import { lintModuleFully, setSyntaxChecker } from '../service/lint';
import { useHclWorkers } from '../service/hclWorkers';
import { applyFixes, compatibleFixes } from '../service/fixes';
import { checkSyntax } from '../rules/hcl-syntax';
import { nodeFileSystem } from '../service/workspace';
import { classifyText, decode, describeSkip, MAX_FILE_BYTES } from '../service/textLimits';
import { readPushedFolder } from '../service/folderReader';
import type { Finding } from '../rules/types';
import { collectModules, ModuleTarget, UsageError } from './collect';
import { FileResult, toJson, toSarif, toStylish } from './report';
import type { RuleSeveritySetting } from '../protocol';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

interface LintArgs {
  paths: string[];
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  maxWarnings?: number;
  /** Worker threads for `hcl-syntax` (the slowest check); 1 keeps it in this thread. */
  jobs: number;
  color?: boolean;
  severities: Record<string, RuleSeveritySetting>;
}

const USAGE = `Usage: coder-dind lint [paths…] [options]

Lints Coder workspace templates. A folder is linted as one Terraform module, and each
sub-folder that holds .tf files as another; a .tf file is reported alone.

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --fix                         apply the preferred fix of each finding, then lint again
  --max-warnings N              exit 1 when there are more than N warnings
  --rule <id>=<severity>        override a rule's severity (off|hint|info|warning|error); repeatable
  --color / --no-color          force colours on or off (default: on for a terminal)
  -j, --jobs N                  worker threads for the HCL syntax check (default: the number of CPUs;
                                1 = none); the output is the same whatever N
  -h, --help                    show this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or read error.
`;

function parseArgs(argv: string[]): LintArgs | 'help' {
  const args: LintArgs = { paths: [], format: 'stylish', fix: false, severities: {}, jobs: defaultJobs() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0 && a.startsWith('--')) return a.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    const flag = a.includes('=') && a.startsWith('--') ? a.slice(0, a.indexOf('=')) : a;
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format':
      case '-f': {
        const f = value('--format');
        if (f !== 'stylish' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}": use stylish, json or sarif`);
        args.format = f;
        break;
      }
      case '--fix':
        args.fix = true;
        break;
      case '--max-warnings': {
        const n = Number(value('--max-warnings'));
        if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-warnings needs a whole number ≥ 0');
        args.maxWarnings = n;
        break;
      }
      case '--rule': {
        const spec = a.startsWith('--rule=') ? a.slice('--rule='.length) : value('--rule');
        const m = /^([a-z0-9-]+)=(off|hint|info|warning|error)$/.exec(spec);
        if (!m) throw new UsageError(`--rule takes <rule-id>=off|hint|info|warning|error, not "${spec}"`);
        args.severities[m[1]] = m[2] as RuleSeveritySetting;
        break;
      }
      case '--color':
        args.color = true;
        break;
      case '--jobs':
      case '-j': {
        const n = Number(value('--jobs'));
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number ≥ 1');
        args.jobs = n;
        break;
      }
      case '--no-color':
        args.color = false;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (!args.paths.length) args.paths.push('.');
  return args;
}

interface LoadedModule {
  target: ModuleTarget;
  module: TemplateModule;
  /** Files that could not be read as text, with why. */
  unreadable: Array<{ path: string; reason: string; fatal: boolean }>;
}

/**
 * What the folder rules read beside the `.tf` files: the folder as the CLI archives it, and the local
 * modules it calls (each read once per run, whoever calls it).
 */
function diskContext(dir: string, locals: Map<string, TemplateModule | undefined>): ModuleContext {
  return {
    folder: () => readPushedFolder(dir, nodeFileSystem),
    localModule: (other) => {
      if (!locals.has(other)) {
        locals.set(other, undefined); // a module that calls itself reads as unknown, not forever
        const loaded = loadModule({ dir: other }, locals);
        locals.set(other, loaded.module.files.length ? loaded.module : undefined);
      }
      return locals.get(other);
    },
  };
}

function loadModule(target: ModuleTarget, locals = new Map<string, TemplateModule | undefined>()): LoadedModule {
  const files: TfFile[] = [];
  const unreadable: LoadedModule['unreadable'] = [];
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
      // One tree per top-level statement, as in the editor: on text that does not parse, error recovery then
      // stays inside the broken statement in both, and both report the same findings (docs/rules/hcl-syntax.md).
      files.push(new TfFile(p, text, null));
    } catch (error) {
      unreadable.push({ path: p, reason: (error as Error).message, fatal: true });
    }
  }
  return { target, module: new TemplateModule(target.dir, files, diskContext(target.dir, locals)), unreadable };
}

/** Writes through a temporary file and a rename, keeping the file's mode: never a half-written file. */
export function writeAtomically(p: string, text: string): void {
  const mode = fs.statSync(p).mode & 0o7777;
  const tmp = path.join(path.dirname(p), `.${path.basename(p)}.coder-dind-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode });
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, p);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

const MAX_FIX_PASSES = 10;

/**
 * Applies preferred fixes until none is left (or no progress), checking each pass's result with the
 * HCL parser: a file that does not parse before is never touched, and a fix that would break parsing
 * is dropped. Returns the new texts by path.
 */
async function fixModule(loaded: LoadedModule, severities: LintArgs['severities']): Promise<{ module: TemplateModule; changed: Map<string, string>; fixed: number }> {
  let module = loaded.module;
  const original = new Map(module.files.map((f) => [f.path, f.text]));
  const broken = new Set<string>();
  for (const f of module.files) if ((await checkSyntax(f)).length) broken.add(f.path);
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = await lintModuleFully(module, { severities });
    const fixes = compatibleFixes(
      findings.map((f) => f.fix).filter((f): f is NonNullable<typeof f> => !!f && Object.keys(f.edits).every((p) => !broken.has(p))),
    );
    if (!fixes.length) break;
    const texts = new Map(module.files.map((f) => [f.path, f.text]));
    const next = applyFixes(texts, fixes);
    const files = module.files.map((f) => (next.has(f.path) ? new TfFile(f.path, next.get(f.path) as string, null) : f));
    const stillParses = await Promise.all(files.filter((f) => next.has(f.path)).map(async (f) => (await checkSyntax(f)).length === 0));
    if (stillParses.includes(false)) break;
    module = new TemplateModule(module.dir, files, module.context);
    fixed += fixes.length;
  }
  const changed = new Map<string, string>();
  for (const f of module.files) if (original.get(f.path) !== f.text) changed.set(f.path, f.text);
  return { module, changed, fixed };
}

export async function runLint(argv: string[], io: CliIO, toolVersion: string): Promise<number> {
  let args: LintArgs | 'help';
  let targets: ModuleTarget[];
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    targets = collectModules(args.paths, io.cwd, (m) => io.stderr(`coder-dind: warning: ${m}\n`));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`coder-dind lint: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  await initParser();
  const results: FileResult[] = [];
  let readError = false;
  let fixedTotal = 0;
  // hcl-syntax (the Go parser) is the slowest check: with workers, each module's checks run on other cores
  // while this thread parses and lints the next modules; results are still collected in target order.
  const pool = !args.fix && args.jobs > 1 ? useHclWorkers(args.jobs) : undefined;
  const linted: Array<{ target: ModuleTarget; loaded: LoadedModule; findings: Promise<Finding[]> }> = [];
  try {
    for (const target of targets) {
      let loaded = loadModule(target);
      for (const u of loaded.unreadable) {
        io.stderr(`coder-dind: ${u.fatal ? 'error' : 'warning'}: ${path.relative(io.cwd, u.path) || u.path}: ${u.reason}\n`);
        if (u.fatal) readError = true;
      }
      if (args.fix) {
        const { module, changed, fixed } = await fixModule(loaded, args.severities);
        for (const [p, text] of changed) {
          try {
            writeAtomically(p, text);
          } catch (error) {
            io.stderr(`coder-dind: error: cannot write ${p}: ${(error as Error).message}\n`);
            readError = true;
          }
        }
        fixedTotal += fixed;
        loaded = { ...loaded, module };
      }
      const findings = lintModuleFully(loaded.module, { severities: args.severities });
      findings.catch(() => undefined); // awaited below, in order; this only keeps a later failure from going unhandled
      if (!pool) await findings;
      linted.push({ target, loaded, findings });
    }
    for (const { target, loaded, findings: pendingFindings } of linted) {
      const findings = await pendingFindings;
      const method = detectMethod(loaded.module)?.id ?? null;
      for (const file of loaded.module.files) {
        if (target.only && !target.only.has(file.path)) continue;
        results.push({ file: file.path, method, findings: findings.filter((f) => f.file === file) });
      }
      for (const u of loaded.unreadable) {
        if (u.fatal || (target.only && !target.only.has(u.path))) continue;
        results.push({ file: u.path, method, findings: [] });
      }
    }
  } finally {
    if (pool) {
      pool.dispose();
      setSyntaxChecker(undefined);
    }
  }
  const shown = results.map((r) => ({ ...r, file: args.format === 'sarif' ? r.file : displayPath(r.file, io.cwd, args.format) }));
  switch (args.format) {
    case 'json':
      io.stdout(toJson(shown) + '\n');
      break;
    case 'sarif':
      io.stdout(toSarif(shown, io.cwd, toolVersion) + '\n');
      break;
    default:
      io.stdout(toStylish(shown, io.cwd, args.color ?? (io.isTTY && !io.env.NO_COLOR)));
  }
  if (args.fix && fixedTotal) io.stderr(`coder-dind: applied ${fixedTotal} fix${fixedTotal === 1 ? '' : 'es'}\n`);
  if (readError) return 2;
  const all = results.flatMap((r) => r.findings as Finding[]);
  if (all.some((f) => f.severity === 'error')) return 1;
  if (args.maxWarnings !== undefined && all.filter((f) => f.severity === 'warning').length > args.maxWarnings) {
    io.stderr(`coder-dind: too many warnings (more than ${args.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function displayPath(file: string, cwd: string, format: string): string {
  if (format === 'stylish') return file;
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
