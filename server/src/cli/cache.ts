import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSeveritySetting } from '../../../shared/src/protocol';
import { dependencyPieces } from './dependencies';
import type { ModuleSource } from './modules';
import type { FileResult, ModuleResult } from './results';

/** Bumped when what an entry holds changes shape. */
const FORMAT = 1;

interface Entry {
  format: number;
  dir: string;
  key: string;
  /** A hash of `files` as written: an entry changed on disk in any way is not trusted. */
  sum: string;
  files: FileResult[];
}

/**
 * The results of earlier runs, one file per module (folder) in the cache folder, so that a second run
 * over an unchanged tree lints nothing. An entry counts only when its key matches: a hash of the tool's
 * identity (version and build), the rule settings, the folder and the name and content of each of its
 * `.tf` files (with why any was skipped), and what its rules read beyond them: the folder as it would
 * be pushed and the local modules it calls (dependencies.ts). Only a changed module is linted again; a
 * changed setting or tool changes every key.
 *
 * Problems with the cache never change a result: an entry that cannot be read or does not check out is
 * linted again, a folder that cannot be written is left alone, and each kind of problem is told once.
 */
export class LintCache {
  private readonly problems = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly identity: string,
    private readonly warn: (message: string) => void,
  ) {}

  keyOf(source: ModuleSource, severities: Record<string, RuleSeveritySetting>): string {
    const hash = createHash('sha256');
    const settings = Object.keys(severities)
      .sort()
      .map((rule) => [rule, severities[rule]]);
    hash.update(JSON.stringify([FORMAT, this.identity, settings, source.target.dir]));
    for (const f of source.files) hash.update(`\0${path.basename(f.path)}\0${f.text.length}\0`).update(f.text);
    for (const u of source.unreadable) hash.update(`\0${path.basename(u.path)}\0skipped\0${u.reason}`);
    for (const piece of dependencyPieces(source, this.dir)) hash.update(piece);
    return hash.digest('hex');
  }

  get(source: ModuleSource, key: string): ModuleResult | undefined {
    const file = this.entryPath(source.target.dir);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      // No entry yet, or no cache folder (a file in its place is told when the results are written).
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.problem('read', `cannot read ${file}: ${(error as Error).message}`);
      return undefined;
    }
    let entry: Entry;
    try {
      entry = JSON.parse(text) as Entry;
    } catch (error) {
      this.problem('read', `ignoring ${file}: ${(error as Error).message}`);
      return undefined;
    }
    if (!entry || typeof entry !== 'object' || entry.format !== FORMAT || entry.dir !== source.target.dir) {
      this.problem('read', `ignoring ${file}: not an entry of this module in this format`);
      return undefined;
    }
    if (entry.key !== key) return undefined; // a changed module, setting or tool: lint again, and replace it
    if (!Array.isArray(entry.files) || entry.sum !== sumOf(entry.files)) {
      this.problem('read', `ignoring ${file}: its content does not match its checksum`);
      return undefined;
    }
    return { dir: entry.dir, files: entry.files };
  }

  set(source: ModuleSource, key: string, result: ModuleResult): void {
    if (this.problems.has('write')) return;
    const file = this.entryPath(source.target.dir);
    const entry: Entry = { format: FORMAT, dir: source.target.dir, key, sum: sumOf(result.files), files: result.files };
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(entry));
      fs.renameSync(tmp, file);
    } catch (error) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
      this.problem('write', `cannot write to ${this.dir}: ${(error as Error).message}; results are not cached`);
    }
  }

  private entryPath(moduleDir: string): string {
    return path.join(this.dir, `${createHash('sha256').update(moduleDir).digest('hex').slice(0, 32)}.json`);
  }

  /** Tells the first problem of each kind, on one line. */
  private problem(kind: 'read' | 'write', message: string): void {
    if (this.problems.has(kind)) return;
    this.problems.set(kind, message);
    this.warn(`cache: ${message}${kind === 'read' ? ' (linted again)' : ''}`);
  }
}

function sumOf(files: FileResult[]): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}
