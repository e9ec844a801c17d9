import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectMethod } from '../model/method';
import { initParser } from '../model/parser';
import type { LintOptions } from '../rules/engine';
import type { Finding } from '../rules/types';
import { fixUntilStable } from '../service/fixLoop';
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
  const { module, changed, fixed, findings } = await fixUntilStable(moduleOf(source), (m) => lintModuleFully(m, options), wanted);
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
