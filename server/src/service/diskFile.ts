import { TfFile } from '../model/document';
import type { FileSystem } from './fileSystem';
import { classifyText, decode, MAX_FILE_BYTES, SkipReason } from './textLimits';

/** A closed `.tf` file as read from disk: its parse, or why it was not parsed. */
export interface DiskEntry {
  file?: TfFile;
  skipped?: SkipReason;
  mtimeMs: number;
  size: number;
}

/** Reads and parses one file; undefined when it is not a file (a directory named x.tf, a FIFO). */
export function readDiskFile(fsys: FileSystem, p: string): DiskEntry | undefined {
  let stat;
  try {
    stat = fsys.stat(p);
    if (!stat.isFile) return undefined;
  } catch (error) {
    return { skipped: { kind: 'unreadable', error: describe(error) }, mtimeMs: 0, size: 0 };
  }
  if (stat.size > MAX_FILE_BYTES) return { skipped: { kind: 'too-large', size: stat.size }, mtimeMs: stat.mtimeMs, size: stat.size };
  try {
    const text = decode(fsys.readFile(p));
    if (text === undefined) return { skipped: { kind: 'binary' }, mtimeMs: stat.mtimeMs, size: stat.size };
    const limit = classifyText(text);
    if (limit) return { skipped: limit, mtimeMs: stat.mtimeMs, size: stat.size };
    return { file: new TfFile(p, text, null), mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    return { skipped: { kind: 'unreadable', error: describe(error) }, mtimeMs: stat.mtimeMs, size: stat.size };
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message}` : String(error);
}
