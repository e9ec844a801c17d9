import * as path from 'node:path';
import { readPushedFolder } from '../service/folderReader';
import { nodeFileSystem } from '../service/fileSystem';
import { readModule, ModuleSource } from './modules';

/** A literal local `source` as Terraform reads it (`./x`, `../x`), found without parsing. */
const LOCAL_SOURCE = /\bsource\s*=\s*"(\.\.?[\\/][^"$]*)"/g;

/**
 * What a module's findings read beyond its own `.tf` files, as pieces of a cache key: the folder as
 * `coder templates push` would archive it (entry names, kinds and sizes; the text of the variable files
 * it leaves out), and the `.tf` files of each local module the texts name, and of theirs. The scan for
 * local sources is textual, so a key may hold more than the rules read (a commented-out call), never less.
 */
export function* dependencyPieces(source: ModuleSource, cacheDir?: string): Generator<string> {
  const folder = readPushedFolder(source.target.dir, nodeFileSystem);
  if (folder) {
    // The cache's own folder (say node_modules/.cache in the template) changes with every run.
    const inCache = (p: string) => cacheDir !== undefined && isWithin(cacheDir, path.join(source.target.dir, p));
    const entries = folder.entries.filter((e) => !inCache(e.path));
    yield JSON.stringify([folder.name, folder.complete, entries.map((e) => [e.path, e.kind, e.size])]);
    for (const v of folder.variableFiles) yield `\0${v.path}\0${v.text ?? '(unread)'}`;
  }
  const seen = new Set([source.target.dir]);
  const pending = [source];
  while (pending.length) {
    const current = pending.pop() as ModuleSource;
    for (const f of current.files) {
      for (const m of f.text.matchAll(LOCAL_SOURCE)) {
        const dir = path.resolve(current.target.dir, m[1]);
        if (seen.has(dir)) continue;
        seen.add(dir);
        const child = readModule({ dir });
        yield `\0module\0${dir}\0${child.files.length}`;
        for (const c of child.files) yield `\0${path.basename(c.path)}\0${c.text.length}\0${c.text}`;
        for (const u of child.unreadable) yield `\0${path.basename(u.path)}\0skipped\0${u.reason}`;
        pending.push(child);
      }
    }
  }
}

function isWithin(dir: string, p: string): boolean {
  const relative = path.relative(dir, p);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
