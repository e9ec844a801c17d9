import * as fs from 'node:fs';
import * as path from 'node:path';
import { TfFile } from '../model/document';
import { detectMethod } from '../model/method';
import { TemplateModule } from '../model/module';
import { initParser } from '../model/parser';
import { checkSyntax } from '../service/hclParser';
import type { LintOptions } from '../rules/engine';
import type { Finding, Fix } from '../rules/types';
import { applyFixes, compatibleFixes } from '../rules/applyFixes';
import { lintModuleFully } from '../service/lint';
import { moduleOf, moduleResult, ModuleSource } from './modules';
import type { ModuleResult } from './results';

/** Writes through a temporary file and a rename, keeping the file's mode: never a half-written file. */
export function writeAtomically(p: string, text: string, mode = fs.statSync(p).mode & 0o7777): void {
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
 * is dropped. `wanted` chooses the findings whose fixes apply (with --quiet, only errors').
 */
async function fixModule(
  start: TemplateModule,
  options: LintOptions,
  wanted: (f: Finding) => boolean,
): Promise<{ module: TemplateModule; changed: Map<string, string>; fixed: number; findings: Finding[] }> {
  let module = start;
  const original = new Map(module.files.map((f) => [f.path, f.text]));
  const broken = new Set<string>();
  for (const f of module.files) if ((await checkSyntax(f)).length) broken.add(f.path);
  let fixed = 0;
  let findings = await lintModuleFully(module, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = compatibleFixes(
      findings
        .filter(wanted)
        .map((f) => f.fix)
        .filter((f): f is Fix => !!f && Object.keys(f.edits).every((p) => !broken.has(p))),
    );
    if (!fixes.length) break;
    const texts = new Map(module.files.map((f) => [f.path, f.text]));
    const next = applyFixes(texts, fixes);
    const files = module.files.map((f) => (next.has(f.path) ? new TfFile(f.path, next.get(f.path) as string, null, true, false) : f));
    const stillParses = await Promise.all(files.filter((f) => next.has(f.path)).map(async (f) => (await checkSyntax(f)).length === 0));
    if (stillParses.includes(false)) break;
    module = new TemplateModule(module.dir, files, module.context);
    fixed += fixes.length;
    findings = await lintModuleFully(module, options);
  }
  const changed = new Map<string, string>();
  for (const f of module.files) if (original.get(f.path) !== f.text) changed.set(f.path, f.text);
  return { module, changed, fixed, findings };
}

export interface FixOutcome {
  result: ModuleResult;
  /** The source as it is on disk now (the fixed texts), for the cache. */
  source: ModuleSource;
  fixed: number;
  /** Files that could not be written, with why. */
  writeErrors: Array<{ path: string; message: string }>;
}

/** Fixes one module on disk (atomic writes), and gives the findings left in it. */
export async function fixSource(source: ModuleSource, options: LintOptions, wanted: (f: Finding) => boolean): Promise<FixOutcome> {
  await initParser();
  const { module, changed, fixed, findings } = await fixModule(moduleOf(source), options, wanted);
  const writeErrors: FixOutcome['writeErrors'] = [];
  for (const [p, text] of changed) {
    try {
      writeAtomically(p, text);
    } catch (error) {
      writeErrors.push({ path: p, message: (error as Error).message });
    }
  }
  const result = moduleResult(source, module.files, detectMethod(module)?.id ?? null, findings);
  for (const f of module.files) f.park();
  const failed = new Set(writeErrors.map((e) => e.path));
  // A file that could not be written keeps its old text on disk: the cache must key on that.
  const files = source.files.map((f) => (changed.has(f.path) && !failed.has(f.path) ? { path: f.path, text: changed.get(f.path) as string } : f));
  return { result, source: { ...source, files }, fixed, writeErrors };
}
