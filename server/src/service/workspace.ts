import * as path from 'node:path';
import { TfFile } from '../model/document';
import { ModuleContext, TemplateModule } from '../model/module';
import type { PushedFolder } from '../model/pushedFolder';
import { DiskEntry, readDiskFile } from './diskFile';
import { FileSystem, nodeFileSystem } from './fileSystem';
import { readPushedFolder } from './folderReader';
import { applyTextEdits, Range } from '../model/text';
import { classifyText, SkipReason } from './textLimits';

/**
 * How much text (UTF-16 code units) keeps its trees between requests. A tree and the index read from it
 * cost about 100 times their text in memory, so the files read least recently past this are parked
 * (their trees freed, parsed again on the next read: about 8 ms for a 400-line file). The most recently
 * used module always stays, whatever its size.
 */
export const PARSED_TEXT_BUDGET = 128 * 1024;

/**
 * The set of `.tf` files the server knows: open documents (they win) and files read from disk on
 * demand and kept until the client reports them changed. A module is every `.tf` file of one folder.
 */
export class Workspace {
  private readonly open = new Map<string, TfFile>();
  /** Open documents not analysed, with their text so that later edits can bring them back. */
  private readonly openSkipped = new Map<string, { reason: SkipReason; text: string; version: number | null }>();
  private readonly disk = new Map<string, DiskEntry>();
  private readonly folders = new Map<string, string[]>();
  private readonly modules = new Map<string, TemplateModule>();
  /** Local module folder → the folders whose modules read it: a change below a child rebuilds its callers. */
  private readonly callers = new Map<string, Set<string>>();
  /** Template folders as the CLI would archive them, read on first use and kept until a file under them changes. */
  private readonly pushedFolders = new Map<string, PushedFolder | undefined>();
  /** When each file was last read (a counter, not a clock), to park the least recently used first. */
  private readonly lastUse = new WeakMap<TfFile, number>();
  private useCounter = 0;

  constructor(private readonly fsys: FileSystem = nodeFileSystem) {}

  /** Opens (or replaces) a document. Returns the reason when it is too large to parse. */
  openDocument(key: string, text: string, version: number | null): TfFile | undefined {
    this.closeDocument(key);
    const skipped = classifyText(text);
    if (skipped) {
      this.openSkipped.set(key, { reason: skipped, text, version });
    } else {
      this.open.set(key, new TfFile(key, text, version));
    }
    this.invalidateModule(key);
    return this.open.get(key);
  }

  documentSkipReason(key: string): SkipReason | undefined {
    return this.openSkipped.get(key)?.reason;
  }

  documentSkipVersion(key: string): number | null | undefined {
    return this.openSkipped.get(key)?.version;
  }

  /** The text of an open document that is not analysed, after applying edits to it. */
  editSkipped(key: string, changes: Array<{ range?: Range; text: string }>): string | undefined {
    const entry = this.openSkipped.get(key);
    if (!entry) return undefined;
    let text = entry.text;
    for (const c of changes) text = c.range ? applyTextEdits(text, [{ range: c.range, newText: c.text }]) : c.text;
    entry.text = text;
    return text;
  }

  getOpen(key: string): TfFile | undefined {
    const file = this.open.get(key);
    if (file) this.lastUse.set(file, ++this.useCounter);
    return file;
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

  /** Whether `file` is the open document of its path (not a copy read from disk). Does not count as a use. */
  isOpenFile(file: TfFile): boolean {
    return this.open.get(file.path) === file;
  }

  /**
   * A file or a folder changed, appeared or vanished on disk. A deleted folder is reported alone (not
   * each file in it), so everything known below the path is forgotten too.
   */
  fileChangedOnDisk(p: string): void {
    const below = p + path.sep;
    for (const [key, entry] of this.disk) {
      if (key !== p && !key.startsWith(below)) continue;
      entry.file?.dispose();
      this.disk.delete(key);
      this.forgetModule(path.dirname(key));
    }
    for (const dir of this.folders.keys()) if (dir === p || dir.startsWith(below)) this.folders.delete(dir);
    this.folders.delete(path.dirname(p));
    this.invalidateModule(p);
    for (const dir of this.pushedFolders.keys()) if (p === dir || p.startsWith(dir + path.sep) || dir.startsWith(below)) this.forgetFolder(dir);
    this.forgetModule(p);
    for (const dir of [...this.modules.keys()]) if (dir.startsWith(below)) this.forgetModule(dir);
  }

  /** The folder as `coder templates push` would archive it (read once, until a file under it changes). */
  pushedFolder(dir: string): PushedFolder | undefined {
    if (!this.pushedFolders.has(dir)) this.pushedFolders.set(dir, readPushedFolder(dir, this.fsys));
    return this.pushedFolders.get(dir);
  }

  /** Reads the folder again on next use (a publish checks the folder as it is now, whatever was watched). */
  forgetFolder(dir: string): void {
    if (this.pushedFolders.delete(dir)) this.invalidateModule(path.join(dir, '__folder__.tf'));
  }

  private contextFor(dir: string): ModuleContext {
    return {
      folder: () => this.pushedFolder(dir),
      localModule: (other) => {
        let callers = this.callers.get(other);
        if (!callers) this.callers.set(other, (callers = new Set()));
        callers.add(dir);
        // A folder without .tf files (deleted, or not written yet) is no module: its calls stay unknown.
        const child = this.moduleOf(path.join(other, '__folder__.tf'), false);
        return child.files.length ? child : undefined;
      },
    };
  }

  /** The folders that call `dir` as a local module, directly or through other local modules. */
  callersOf(dir: string): string[] {
    const out = new Set<string>();
    const visit = (d: string) => {
      for (const caller of this.callers.get(d) ?? []) if (!out.has(caller) && caller !== dir) (out.add(caller), visit(caller));
    };
    visit(dir);
    return [...out];
  }

  /** The local module folders that `dir` calls, directly or through other local modules (as last read). */
  localModulesOf(dir: string): string[] {
    return [...this.callers.keys()].filter((child) => this.callersOf(child).includes(dir));
  }

  /**
   * The `.tf` files of a folder that are not analysed (too large, not text, unreadable) with why: open
   * documents of the folder, and files on disk that `moduleOf` read. The version is an open document's.
   */
  skippedIn(dir: string): Array<{ key: string; reason: SkipReason; version: number | null }> {
    const out: Array<{ key: string; reason: SkipReason; version: number | null }> = [];
    for (const [key, entry] of this.openSkipped) if (moduleKey(key) === dir) out.push({ key, reason: entry.reason, version: entry.version });
    if (!path.isAbsolute(dir)) return out;
    for (const name of this.listTf(dir)) {
      const p = path.join(dir, name);
      const reason = this.open.has(p) || this.openSkipped.has(p) ? undefined : this.disk.get(p)?.skipped;
      if (reason) out.push({ key: p, reason, version: null });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  private invalidateModule(key: string): void {
    this.forgetModule(moduleKey(key));
  }

  /** Drops the module of `dir` and of every folder that calls it (their findings read the child). */
  private forgetModule(dir: string): void {
    this.modules.delete(dir);
    for (const caller of this.callersOf(dir)) this.modules.delete(caller);
  }

  /**
   * The module a file belongs to (its folder), built from open documents and disk. `touch` = false reads
   * it without counting it as the one in use (a local module read while linting its caller).
   */
  moduleOf(key: string, touch = true): TemplateModule {
    const dir = moduleKey(key);
    let module = this.modules.get(dir);
    if (module && !module.stale) return touch ? this.used(module) : module;
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
    module = new TemplateModule(dir, files, path.isAbsolute(key) ? this.contextFor(dir) : {});
    this.modules.set(dir, module);
    return touch ? this.used(module) : module;
  }

  private used(module: TemplateModule): TemplateModule {
    const stamp = ++this.useCounter;
    for (const f of module.files) this.lastUse.set(f, stamp);
    return module;
  }

  /**
   * Parks the trees of the files read least recently, beyond `budget` characters of parsed text (the
   * files of the most recent module always stay). Only call it between requests, when no handler holds
   * a node: the server does it from its own macrotask. Returns how many files were parked.
   */
  trim(budget = PARSED_TEXT_BUDGET): number {
    const parsed: TfFile[] = [];
    for (const f of this.open.values()) if (f.parsed) parsed.push(f);
    for (const e of this.disk.values()) if (e.file?.parsed) parsed.push(e.file);
    parsed.sort((a, b) => (this.lastUse.get(b) ?? 0) - (this.lastUse.get(a) ?? 0));
    const newest = parsed.length ? this.lastUse.get(parsed[0]) ?? 0 : 0;
    let kept = 0;
    let parked = 0;
    for (const f of parsed) {
      const stamp = this.lastUse.get(f) ?? 0;
      if ((stamp === newest && stamp > 0) || kept + f.text.length <= budget) {
        kept += f.text.length;
        continue;
      }
      f.park();
      this.invalidateModule(f.path);
      parked++;
    }
    return parked;
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
    const entry = readDiskFile(this.fsys, p);
    if (entry) this.disk.set(p, entry);
    return entry?.file;
  }
}

export function moduleKey(key: string): string {
  return path.isAbsolute(key) ? path.dirname(key) : key;
}
