import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../rules/types';
import { LINT_USAGE, LintArgs, parseLintArgs } from './args';
import { LintCache } from './cache';
import { collectModules, ModuleTarget, UsageError } from './collect';
import { fixSource, writeAtomically } from './fix';
import { lintSources, readModule } from './modules';
import { formatReport } from './report';
import type { CliIO } from './io';
import type { FileResult, ModuleResult } from './results';

export { writeAtomically };

/**
 * `coder-dind lint`. `cacheIdentity` names the tool in cache keys (its version, and for a build its
 * bundle's hash); asked only when --cache is on.
 */
export async function runLint(argv: string[], io: CliIO, toolVersion: string, cacheIdentity: () => string = () => toolVersion): Promise<number> {
  let args: LintArgs | 'help';
  let targets: ModuleTarget[];
  const warn = (m: string) => io.stderr(`coder-dind: warning: ${m}\n`);
  try {
    args = parseLintArgs(argv);
    if (args === 'help') {
      io.stdout(LINT_USAGE);
      return 0;
    }
    targets = collectModules(args.paths, io.cwd, warn);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`coder-dind lint: ${error.message}\n\n${LINT_USAGE}`);
      return 2;
    }
    throw error;
  }
  const options = { severities: args.severities };
  const cache = args.cache ? new LintCache(path.resolve(io.cwd, args.cache), cacheIdentity(), warn) : undefined;
  let readError = false;
  const sources = targets.map((target) => {
    const source = readModule(target);
    for (const u of source.unreadable) {
      io.stderr(`coder-dind: ${u.fatal ? 'error' : 'warning'}: ${path.relative(io.cwd, u.path) || u.path}: ${u.reason}\n`);
      if (u.fatal) readError = true;
    }
    // A module that could not be read whole is never cached: its next run must try again.
    const key = cache && !source.unreadable.some((u) => u.fatal) ? cache.keyOf(source, args.severities) : undefined;
    return { source, key, cached: key !== undefined ? cache?.get(source, key) : undefined };
  });

  const wanted = (f: { severity: Finding['severity'] }) => !args.quiet || f.severity === 'error';
  const byDir = new Map<string, ModuleResult>();
  let fixedTotal = 0;
  if (args.fix) {
    for (const { source, key, cached } of sources) {
      // A cached module with nothing to fix is done; any other is fixed and linted again.
      if (cached && !cached.files.some((f) => f.findings.some((x) => x.fix && wanted(x)))) {
        byDir.set(source.target.dir, cached);
        continue;
      }
      const outcome = await fixSource(source, options, wanted);
      for (const e of outcome.writeErrors) io.stderr(`coder-dind: error: cannot write ${e.path}: ${e.message}\n`);
      if (outcome.writeErrors.length) readError = true;
      fixedTotal += outcome.fixed;
      byDir.set(source.target.dir, outcome.result);
      // Keyed on the texts now on disk; a module with a file left unwritten is not cached.
      if (cache && key !== undefined && !outcome.writeErrors.length) cache.set(outcome.source, cache.keyOf(outcome.source, args.severities), outcome.result);
    }
  } else {
    const misses = sources.filter((s) => !s.cached);
    for (const s of sources) if (s.cached) byDir.set(s.source.target.dir, s.cached);
    const linted = await lintSources(
      misses.map((s) => s.source),
      options,
      args.jobs,
    );
    linted.forEach((result, i) => {
      const { source, key } = misses[i];
      byDir.set(source.target.dir, result);
      if (key !== undefined) cache?.set(source, key, result);
    });
  }

  const results: FileResult[] = [];
  for (const target of targets) {
    for (const r of byDir.get(target.dir)?.files ?? []) if (!target.only || target.only.has(r.file)) results.push(r);
  }
  const report = formatReport(args, results, io, toolVersion);
  if (!writeReport(report, args.outputFile, io)) readError = true;
  if (args.fix && fixedTotal) io.stderr(`coder-dind: applied ${fixedTotal} fix${fixedTotal === 1 ? '' : 'es'}\n`);
  if (readError) return 2;
  const all = results.flatMap((r) => r.findings);
  if (all.some((f) => f.severity === 'error')) return 1;
  if (args.maxWarnings !== undefined && all.filter((f) => f.severity === 'warning').length > args.maxWarnings) {
    io.stderr(`coder-dind: too many warnings (more than ${args.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * Prints the report, or writes it to --output-file as ESLint does (creating its folder; a folder in its
 * place is an error), through a temporary file and a rename. Unlike ESLint, an empty report (stylish
 * with no findings) is written too, so a report from an earlier run never stays behind.
 */
function writeReport(report: string, outputFile: string | undefined, io: CliIO): boolean {
  if (outputFile === undefined) {
    if (report) io.stdout(report);
    return true;
  }
  const file = path.resolve(io.cwd, outputFile);
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      io.stderr(`coder-dind: error: cannot write the report to ${outputFile}: it is a folder\n`);
      return false;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomically(file, report, 0o644);
    return true;
  } catch (error) {
    io.stderr(`coder-dind: error: cannot write the report to ${outputFile}: ${(error as Error).message}\n`);
    return false;
  }
}
