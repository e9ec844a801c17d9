import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ModuleTarget {
  dir: string;
  /** Files to report on; undefined = every `.tf` file of the folder. */
  only?: Set<string>;
}

const SKIPPED_DIRS = new Set(['node_modules', '.terraform', '.git']);
const MAX_DEPTH = 64;

export class UsageError extends Error {}

/**
 * Turns the CLI's path arguments into modules: a file is reported alone (its folder is its module);
 * a folder is one module, and each sub-folder holding `.tf` files is another. Symlink loops and very
 * deep trees end the walk quietly.
 */
export function collectModules(paths: string[], cwd: string, warn: (message: string) => void): ModuleTarget[] {
  const targets = new Map<string, ModuleTarget>();
  const visited = new Set<string>();
  const addFile = (file: string) => {
    const dir = path.dirname(file);
    const target = targets.get(dir);
    if (target && !target.only) return;
    const only = target?.only ?? new Set<string>();
    only.add(file);
    targets.set(dir, { dir, only });
  };
  const walkDir = (dir: string, depth: number) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      warn(`cannot read folder ${dir}: ${(error as Error).message}`);
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    if (depth > MAX_DEPTH) {
      warn(`not descending below ${dir}: more than ${MAX_DEPTH} levels deep`);
      return;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      warn(`cannot read folder ${dir}: ${(error as Error).message}`);
      return;
    }
    if (entries.some((e) => e.name.endsWith('.tf') && (e.isFile() || e.isSymbolicLink()))) targets.set(dir, { dir });
    for (const e of entries) {
      if (SKIPPED_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = fs.statSync(full).isDirectory();
        } catch {
          isDir = false;
        }
      }
      if (isDir) walkDir(full, depth + 1);
    }
  };
  for (const arg of paths) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError(`no such file or folder: ${arg}`);
    }
    if (stat.isDirectory()) walkDir(full, 0);
    else if (full.endsWith('.tf')) addFile(full);
    else throw new UsageError(`not a .tf file or a folder: ${arg}`);
  }
  if (!targets.size) throw new UsageError(`no .tf files found in ${paths.join(', ')}`);
  return [...targets.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}
