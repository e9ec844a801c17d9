import * as fs from 'node:fs';
import * as path from 'node:path';
import { TfFile } from '../model/document';
import { TemplateModule } from '../model/module';

/** Files larger than this are not parsed: the server and the CLI report that once instead of freezing. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface FileSystem {
  readFile(p: string): Buffer;
  stat(p: string): { mtimeMs: number; size: number; isFile: boolean };
  readdir(p: string): string[];
}

export const nodeFileSystem: FileSystem = {
  readFile: (p) => fs.readFileSync(p),
  stat: (p) => {
    const s = fs.statSync(p);
    return { mtimeMs: s.mtimeMs, size: s.size, isFile: s.isFile() };
  },
  readdir: (p) => fs.readdirSync(p),
};

export type SkipReason = { kind: 'too-large'; size: number } | { kind: 'unreadable'; error: string } | { kind: 'binary' };

interface DiskEntry {
  file?: TfFile;
  skipped?: SkipReason;
  mtimeMs: number;
  size: number;
}

/**
 * The set of `.tf` files the server knows: open documents (they win) and files read from disk on
 * demand and kept until the client reports them changed. A module is every `.tf` file of one folder.
 */
export class Workspace {
  private readonly open = new Map<string, TfFile>();
  private readonly openSkipped = new Map<string, SkipReason>();
  private readonly disk = new Map<string, DiskEntry>();
  private readonly folders = new Map<string, string[]>();
  private readonly modules = new Map<string, TemplateModule>();

  constructor(private readonly fsys: FileSystem = nodeFileSystem) {}

  /** Opens (or replaces) a document. Returns the reason when it is too large to parse. */
  openDocument(key: string, text: string, version: number | null): TfFile | undefined {
    this.closeDocument(key);
    const skipped = classifyText(text);
    if (skipped) {
      this.openSkipped.set(key, skipped);
    } else {
      this.open.set(key, new TfFile(key, text, version));
    }
    this.invalidateModule(key);
    return this.open.get(key);
  }

  documentSkipReason(key: string): SkipReason | undefined {
    return this.openSkipped.get(key);
  }

  getOpen(key: string): TfFile | undefined {
    return this.open.get(key);
  }

  openKeys(): string[] {
    return [...this.open.keys(), ...this.openSkipped.keys()];
  }

  closeDocument(key: string): void {
    this.open.get(key)?.dispose();
    this.open.delete(key);
    this.openSkipped.delete(key);
    this.invalidateModule(key);
  }

  /** Marks a document's module as changed (after an edit to an open document). */
  touched(key: string): void {
    this.invalidateModule(key);
  }

  /** A file changed, appeared or vanished on disk. */
  fileChangedOnDisk(p: string): void {
    const entry = this.disk.get(p);
    entry?.file?.dispose();
    this.disk.delete(p);
    this.folders.delete(path.dirname(p));
    this.invalidateModule(p);
  }

  private invalidateModule(key: string): void {
    this.modules.delete(moduleKey(key));
  }

  /** The module a file belongs to (its folder), built from open documents and disk. */
  moduleOf(key: string): TemplateModule {
    const dir = moduleKey(key);
    let module = this.modules.get(dir);
    if (module) return module;
    const files: TfFile[] = [];
    if (!path.isAbsolute(key)) {
      const own = this.open.get(key);
      if (own) files.push(own);
    } else {
      const names = new Set(this.listTf(dir).map((n) => path.join(dir, n)));
      for (const k of this.open.keys()) if (path.isAbsolute(k) && path.dirname(k) === dir) names.add(k);
      for (const p of [...names].sort()) {
        const f = this.open.get(p) ?? (this.openSkipped.has(p) ? undefined : this.diskFile(p));
        if (f) files.push(f);
      }
    }
    module = new TemplateModule(dir, files);
    this.modules.set(dir, module);
    return module;
  }

  private listTf(dir: string): string[] {
    let names = this.folders.get(dir);
    if (!names) {
      try {
        names = this.fsys.readdir(dir).filter((n) => n.endsWith('.tf'));
      } catch {
        names = [];
      }
      this.folders.set(dir, names);
    }
    return names;
  }

  /** Why a file on disk was not parsed, if it was not. */
  diskSkipReason(p: string): SkipReason | undefined {
    this.diskFile(p);
    return this.disk.get(p)?.skipped;
  }

  /**
   * A closed file's parse, read once and then kept until the client reports a change to it
   * (`fileChangedOnDisk`), so that rebuilding a module after a keystroke touches no disk.
   */
  diskFile(p: string): TfFile | undefined {
    const known = this.disk.get(p);
    if (known) return known.file;
    let stat;
    try {
      stat = this.fsys.stat(p);
      if (!stat.isFile) return undefined;
    } catch (error) {
      this.disk.set(p, { skipped: { kind: 'unreadable', error: describe(error) }, mtimeMs: 0, size: 0 });
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      this.disk.set(p, { skipped: { kind: 'too-large', size: stat.size }, mtimeMs: stat.mtimeMs, size: stat.size });
      return undefined;
    }
    try {
      const text = decode(this.fsys.readFile(p));
      if (text === undefined) {
        this.disk.set(p, { skipped: { kind: 'binary' }, mtimeMs: stat.mtimeMs, size: stat.size });
        return undefined;
      }
      const file = new TfFile(p, text, null);
      this.disk.set(p, { file, mtimeMs: stat.mtimeMs, size: stat.size });
      return file;
    } catch (error) {
      this.disk.set(p, { skipped: { kind: 'unreadable', error: describe(error) }, mtimeMs: stat.mtimeMs, size: stat.size });
      return undefined;
    }
  }
}

export function moduleKey(key: string): string {
  return path.isAbsolute(key) ? path.dirname(key) : key;
}

function classifyText(text: string): SkipReason | undefined {
  if (text.length > MAX_FILE_BYTES) return { kind: 'too-large', size: text.length };
  return undefined;
}

/** UTF-8 text, or undefined for binary content (NUL bytes or invalid UTF-8). */
export function decode(buffer: Buffer): string | undefined {
  if (buffer.includes(0)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message}` : String(error);
}

export function describeSkip(reason: SkipReason): string {
  switch (reason.kind) {
    case 'too-large':
      return `This file is ${(reason.size / 1024 / 1024).toFixed(1)} MB, above the ${MAX_FILE_BYTES / 1024 / 1024} MB that coder-dind analyses; it is not linted.`;
    case 'binary':
      return 'This file is not UTF-8 text (it holds NUL bytes or invalid UTF-8); Terraform cannot read it either.';
    case 'unreadable':
      return `This file cannot be read: ${reason.error}`;
  }
}
