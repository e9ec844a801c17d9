import * as path from 'node:path';
import { archivedBytes, FolderEntry, PushedFolder, skipReason, TEMPLATE_ARCHIVE_LIMIT } from '../model/pushedFolder';
import type { FileSystem } from './fileSystem';

/** A template folder holds a few dozen files; past this many the walk stops (and says it stopped). */
const MAX_ENTRIES = 5000;
/** A variable file larger than this is not read: its text is only searched for names. */
const MAX_VARIABLE_FILE_BYTES = 256 * 1024;

/**
 * Walks a template folder as `coder templates push` walks it to build its archive: every entry in
 * lexical order, not entering the folders it skips, links not followed. Stops once the archive is
 * certain to be too large or after `MAX_ENTRIES`. Undefined when the folder cannot be read, or when the
 * file system cannot tell links from what they point at.
 */
export function readPushedFolder(dir: string, fsys: FileSystem): PushedFolder | undefined {
  const lstat = fsys.lstat?.bind(fsys);
  if (!lstat) return undefined;
  const entries: FolderEntry[] = [];
  const variableFiles: PushedFolder['variableFiles'] = [];
  let complete = true;
  let archived = 0;
  const walk = (abs: string, rel: string): boolean => {
    let names: string[];
    try {
      names = fsys.readdir(abs).slice().sort();
    } catch {
      return rel !== ''; // an unreadable sub-folder is left out; an unreadable root is no folder at all
    }
    for (const name of names) {
      if (entries.length >= MAX_ENTRIES || archived > TEMPLATE_ARCHIVE_LIMIT) {
        complete = false;
        return true;
      }
      const childRel = rel ? `${rel}/${name}` : name;
      const childAbs = path.join(abs, name);
      let info: ReturnType<NonNullable<FileSystem['lstat']>>;
      try {
        info = lstat(childAbs);
      } catch {
        continue;
      }
      const entry: FolderEntry = { path: childRel, kind: info.kind, size: info.size };
      entries.push(entry);
      archived += archivedBytes(entry);
      const skipped = skipReason(childRel);
      if (skipped === 'variables' && info.kind === 'file') variableFiles.push({ path: childRel, text: readSmall(fsys, childAbs, info.size) });
      if (info.kind === 'dir' && skipped !== 'hidden') walk(childAbs, childRel);
    }
    return true;
  };
  if (!walk(dir, '')) return undefined;
  return { name: path.basename(dir), entries, complete, variableFiles };
}

function readSmall(fsys: FileSystem, p: string, size: number): string | undefined {
  if (size > MAX_VARIABLE_FILE_BYTES) return undefined;
  try {
    return fsys.readFile(p).toString('utf8');
  } catch {
    return undefined;
  }
}
