import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { Finding } from '../rules/types';
import type { ModuleFindings } from './moduleFindings';
import { toDiagnostic } from '../features/diagnostics';
import type { CoderDindSettings } from '../../../shared/src/protocol';
import { ClosedFileSyntax } from './closedFileSyntax';
import { SyntaxChecker, syntaxFindings } from './lint';
import { FileDiagnostics, PublishedDiagnostics, skipDiagnostic } from './published';
import { moduleKey, Workspace } from './workspace';

export interface ModuleDiagnosticsHost {
  readonly workspace: Workspace;
  /** The rules' findings of a module snapshot, shared with code actions and the preview. */
  readonly findings: ModuleFindings;
  readonly debounceMs: number;
  readonly syntaxDebounceMs: number;
  /** Where `hcl-syntax` runs; undefined: this thread. */
  readonly syntaxChecker?: SyntaxChecker;
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  log(message: string): void;
  /** The settings of a folder (or of an unsaved document, whose key is its own folder). */
  settings(dir: string): Promise<CoderDindSettings>;
  uriOf(key: string): string;
  /** Called after each lint and each syntax check, when no node is held (the service parks trees then). */
  afterWork(): void;
}

/** A folder's last lint: its files, the version of each open one then, and what the rules found. */
interface Linted {
  files: TfFile[];
  versions: Map<TfFile, number | null>;
  findings: Finding[];
  settings: CoderDindSettings;
}

/**
 * Module-wide diagnostics. While any document of a folder is open, every `.tf` file of the folder has
 * its diagnostics published: open documents from their text, closed files from disk (as the module index
 * reads them), both with the tree-sitter rules of the whole module and `hcl-syntax` of the file. Edits,
 * files changed on disk and closes re-lint the folder, and only the files whose diagnostics changed are
 * sent again. When the folder's last document closes, all its files are cleared.
 *
 * A folder is its own module. A local module (`module "x" { source = "./modules/x" }`) is read by its
 * callers' rules, so any change to the child (an edit, a file on disk, a close) re-lints every open
 * caller as well.
 */
export class ModuleDiagnostics {
  private readonly lintTimers = new Map<string, NodeJS.Timeout>();
  private readonly syntaxTimers = new Map<string, NodeJS.Timeout>();
  /** `hcl-syntax` findings of open documents, for the version they were computed on. */
  private readonly openSyntax = new Map<string, { version: number | null; findings: Finding[] }>();
  private readonly closedSyntax: ClosedFileSyntax;
  private readonly linted = new Map<string, Linted>();
  private readonly published: PublishedDiagnostics;
  private readonly pending = new Set<Promise<void>>();
  /** Counts configuration changes: a check started under older settings is dropped. */
  private settingsGeneration = 0;

  constructor(private readonly host: ModuleDiagnosticsHost) {
    this.published = new PublishedDiagnostics((uri, diagnostics, version) => host.publish(uri, diagnostics, version));
    this.closedSyntax = new ClosedFileSyntax(host.log, host.syntaxChecker, (work) => this.track(work), (dir) => {
      this.publishFolder(dir);
      host.afterWork();
    });
  }

  // ---- events ------------------------------------------------------------------------------------

  documentOpened(key: string): void {
    this.openSyntax.delete(key);
    this.scheduleLint(moduleKey(key), true);
    this.lintCallers(moduleKey(key));
    this.scheduleSyntax(key);
  }

  documentChanged(key: string): void {
    this.openSyntax.delete(key);
    this.scheduleLint(moduleKey(key));
    this.lintCallers(moduleKey(key));
    this.scheduleSyntax(key);
  }

  /** Open folders that call `dir` as a local module read it: they are linted again. */
  private lintCallers(dir: string): void {
    const active = this.activeFolders();
    for (const caller of this.host.workspace.callersOf(dir)) if (active.has(caller)) this.scheduleLint(caller);
  }

  /** After the workspace closed the document: its file now reads from disk, or the folder closes. */
  documentClosed(key: string): void {
    const dir = moduleKey(key);
    this.openSyntax.delete(key);
    clearTimeout(this.syntaxTimers.get(key));
    this.syntaxTimers.delete(key);
    if (this.isActive(dir)) {
      this.linted.delete(dir); // it holds the closed document: nothing is published from it until the next lint
      this.scheduleLint(dir, true);
    } else this.closeFolder(dir);
    this.lintCallers(dir);
  }

  /** After the workspace forgot what it read of these paths (files or folders). */
  filesChanged(paths: string[]): void {
    // A path may be a folder (deleted or renamed whole): folders in it are affected too.
    const touches = (dir: string) => paths.some((p) => path.dirname(p) === dir || dir === p || dir.startsWith(p + path.sep));
    for (const dir of this.activeFolders()) {
      // A local module it calls counts as its own: its files feed this folder's findings.
      if (touches(dir) || this.host.workspace.localModulesOf(dir).some(touches)) this.scheduleLint(dir);
    }
  }

  configurationChanged(): void {
    this.settingsGeneration++;
    this.openSyntax.clear();
    this.closedSyntax.reset();
    for (const dir of this.activeFolders()) this.scheduleLint(dir, true);
    for (const key of this.host.workspace.openKeys()) this.scheduleSyntax(key);
  }

  // ---- folders -----------------------------------------------------------------------------------

  /** Folders with an open document: the ones whose files are published. */
  private activeFolders(): Set<string> {
    return new Set(this.host.workspace.openKeys().map(moduleKey));
  }

  private isActive(dir: string): boolean {
    return this.host.workspace.openKeys().some((k) => moduleKey(k) === dir);
  }

  private closeFolder(dir: string): void {
    clearTimeout(this.lintTimers.get(dir));
    this.lintTimers.delete(dir);
    this.linted.delete(dir);
    this.closedSyntax.forgetFolder(dir);
    this.published.clear(dir);
  }

  // ---- linting -----------------------------------------------------------------------------------

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private scheduleLint(dir: string, immediate = false): void {
    clearTimeout(this.lintTimers.get(dir));
    this.lintTimers.delete(dir);
    if (immediate || this.host.debounceMs <= 0) this.track(this.lintNow(dir));
    else
      this.lintTimers.set(
        dir,
        setTimeout(() => {
          this.lintTimers.delete(dir);
          this.track(this.lintNow(dir));
        }, this.host.debounceMs),
      );
  }

  private async lintNow(dir: string): Promise<void> {
    try {
      const settings = await this.host.settings(dir);
      const key = this.host.workspace.openKeys().find((k) => moduleKey(k) === dir);
      if (!key) return; // the folder closed meanwhile
      const module = this.host.workspace.moduleOf(key);
      const findings = this.host.findings.of(module, settings);
      const versions = new Map(module.files.map((f) => [f, f.version]));
      this.linted.set(dir, { files: module.files, versions, findings, settings });
      this.publishFolder(dir);
    } catch (error) {
      this.host.log(`Linting ${dir} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    this.host.afterWork();
  }

  private scheduleSyntax(key: string): void {
    clearTimeout(this.syntaxTimers.get(key));
    this.syntaxTimers.set(
      key,
      setTimeout(() => {
        this.syntaxTimers.delete(key);
        this.track(this.syntaxNow(key));
      }, Math.max(0, this.host.syntaxDebounceMs)),
    );
  }

  private async syntaxNow(key: string): Promise<void> {
    const file = this.host.workspace.getOpen(key);
    if (!file) return;
    const version = file.version;
    const generation = this.settingsGeneration;
    try {
      const settings = await this.host.settings(moduleKey(key));
      const findings = await syntaxFindings(file, { severities: settings.rules, syntaxChecker: this.host.syntaxChecker });
      // Stale: a newer check follows.
      if (this.host.workspace.getOpen(key) !== file || file.version !== version || generation !== this.settingsGeneration) return;
      this.openSyntax.set(key, { version, findings });
      // The document is sent again even when the check found nothing new: clients (and the benchmark)
      // take this second publish of a version as "Terraform's parser has seen it", as they always have.
      this.publishFolder(moduleKey(key), this.host.uriOf(key));
    } catch (error) {
      this.host.log(`hcl-syntax check of ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.host.afterWork();
  }

  // ---- publishing --------------------------------------------------------------------------------

  /**
   * Sends what changed in the folder since the last publish. A file whose findings are not complete yet
   * (an open document edited since the last lint, a closed file not checked with the HCL parser yet) keeps
   * what it had: the lint or the check under way publishes it.
   */
  private publishFolder(dir: string, resend?: string): void {
    const linted = this.linted.get(dir);
    if (!linted) return;
    const byFile = new Map<TfFile, Finding[]>();
    for (const f of linted.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    const files: FileDiagnostics[] = [];
    const keep = new Set<string>();
    for (const file of linted.files) {
      const uri = this.host.uriOf(file.path);
      const tree = byFile.get(file) ?? [];
      let syntax: Finding[];
      if (this.host.workspace.isOpenFile(file)) {
        if (file.version !== linted.versions.get(file)) {
          keep.add(uri);
          continue;
        }
        const checked = this.openSyntax.get(file.path);
        syntax = checked && checked.version === file.version ? checked.findings : [];
      } else {
        const checked = this.closedSyntax.findingsOf(file);
        if (!checked) {
          this.closedSyntax.check(file, linted.settings);
          keep.add(uri);
          continue;
        }
        syntax = checked;
      }
      files.push({ uri, version: file.version ?? undefined, diagnostics: [...tree, ...syntax].map((f) => toDiagnostic(f, this.host.uriOf)) });
    }
    for (const skipped of this.host.workspace.skippedIn(dir)) {
      files.push({ uri: this.host.uriOf(skipped.key), version: skipped.version ?? undefined, diagnostics: [skipDiagnostic(skipped.reason)] });
    }
    this.published.sync(dir, files, keep, resend);
  }

  // ---- tests and shutdown ------------------------------------------------------------------------

  /** Runs every pending lint and check now, and waits for those under way (tests and the benchmark). */
  async flush(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      for (const [dir, timer] of [...this.lintTimers]) {
        clearTimeout(timer);
        this.lintTimers.delete(dir);
        await this.lintNow(dir);
      }
      for (const [key, timer] of [...this.syntaxTimers]) {
        clearTimeout(timer);
        this.syntaxTimers.delete(key);
        await this.syntaxNow(key);
      }
      if (!this.pending.size) return;
      await Promise.all([...this.pending]);
    }
  }

  /** How many entries each piece of state holds (tests check that closed folders leave none). */
  stateSizes(): Record<string, number> {
    return {
      lintTimers: this.lintTimers.size,
      syntaxTimers: this.syntaxTimers.size,
      openSyntax: this.openSyntax.size,
      closedSyntax: this.closedSyntax.sizes.results,
      closedChecks: this.closedSyntax.sizes.running,
      linted: this.linted.size,
      published: this.published.size,
    };
  }

  dispose(): void {
    for (const t of this.lintTimers.values()) clearTimeout(t);
    for (const t of this.syntaxTimers.values()) clearTimeout(t);
  }
}
