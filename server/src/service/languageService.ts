import * as path from 'node:path';
import {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CompletionItem,
  CompletionParams,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  ReferenceParams,
  WorkspaceEdit,
  Diagnostic,
  DiagnosticSeverity,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { RULES } from '../rules';
import { lintModule } from '../rules/engine';
import type { Finding, Rule } from '../rules/types';
import { codeActions } from '../features/codeActions';
import { methodCodeLenses } from '../features/codeLens';
import { toDiagnostic } from '../features/diagnostics';
import { completion } from '../features/completion';
import { hover } from '../features/hover';
import { documentSymbols } from '../features/symbols';
import { definition, prepareRename, references, rename } from '../features/navigation';
export { RenameRejected } from '../features/navigation';
import type { CoderDindSettings } from '../protocol';
import { syntaxFindings } from './lint';
import { classifyText, describeSkip, FileSystem, moduleKey, nodeFileSystem, Workspace } from './workspace';
import { pathToUri, uriToKey } from './uris';

export interface LanguageServiceOptions {
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  log(message: string): void;
  settings(uri: string): Promise<CoderDindSettings>;
  debounceMs?: number;
  syntaxDebounceMs?: number;
  /** See InitializationOptions.parsedTextBudget. */
  parsedTextBudget?: number;
  fs?: FileSystem;
  /** The tree-sitter rules to run (default: all); tests inject a failing one. */
  rules?: readonly Rule[];
}

const DEFAULT_SETTINGS: CoderDindSettings = { rules: {} };

/**
 * The editor-agnostic core of the language server: documents in, LSP types out. `server.ts` only
 * wires a connection to it; tests and the benchmark drive it in-process.
 */
export class LanguageService {
  readonly workspace: Workspace;
  private readonly uris = new Map<string, string>();
  private readonly lintTimers = new Map<string, NodeJS.Timeout>();
  private readonly syntaxTimers = new Map<string, NodeJS.Timeout>();
  /** Latest `hcl-syntax` findings per document key, for the version they were computed on. */
  private readonly syntax = new Map<string, { version: number | null; findings: Finding[] }>();
  /** Latest tree-sitter findings per module folder. */
  private readonly findings = new Map<string, Finding[]>();
  private readonly settingsCache = new Map<string, Promise<CoderDindSettings>>();
  private readonly failedRules = new Set<string>();
  private readonly rules: readonly Rule[];
  /** Findings of a module (immutable until the next edit) under given settings, for code action requests. */
  private readonly freshFindings = new WeakMap<TemplateModule, { settings: CoderDindSettings; findings: Finding[] }>();
  private readonly pendingSyntax = new Set<Promise<void>>();
  private readonly debounceMs: number;
  private readonly syntaxDebounceMs: number;

  constructor(private readonly options: LanguageServiceOptions) {
    this.workspace = new Workspace(options.fs ?? nodeFileSystem);
    this.rules = options.rules ?? RULES;
    this.debounceMs = options.debounceMs ?? 75;
    this.syntaxDebounceMs = options.syntaxDebounceMs ?? 350;
  }

  // ---- documents ---------------------------------------------------------------------------------

  didOpen(uri: string, text: string, version: number): void {
    const key = uriToKey(uri);
    this.uris.set(key, uri);
    this.workspace.openDocument(key, text, version);
    this.scheduleLint(key, true);
    this.scheduleSyntax(key);
  }

  didChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const key = uriToKey(uri);
    const file = this.workspace.getOpen(key);
    const edits = changes.map((c) => ('range' in c ? { range: c.range, text: c.text } : { text: c.text }));
    if (!file) {
      // A document we do not analyse (too large, too deep, a line too long): edits may bring it back.
      const text = this.workspace.editSkipped(key, edits);
      if (text !== undefined) this.didOpen(uri, text, version);
      return;
    }
    if (file.version !== null && version <= file.version) return; // out of order: keep the newer text
    file.applyChanges(edits, version);
    if (classifyText(file.text)) {
      this.didOpen(uri, file.text, version);
      return;
    }
    this.workspace.touched(key);
    this.syntax.delete(key);
    this.scheduleLint(key);
    this.scheduleSyntax(key);
  }

  didClose(uri: string): void {
    const key = uriToKey(uri);
    const module = moduleKey(key);
    this.workspace.closeDocument(key);
    this.syntax.delete(key);
    clearTimeout(this.syntaxTimers.get(key));
    this.syntaxTimers.delete(key);
    this.uris.delete(key);
    this.settingsCache.delete(key);
    this.options.publish(uri, [], undefined);
    if (this.openKeysIn(module).length) this.scheduleLint(key);
    else {
      // Nothing of the folder is open any more: keep none of its state (a long session opens many).
      clearTimeout(this.lintTimers.get(module));
      this.lintTimers.delete(module);
      this.findings.delete(module);
    }
  }

  didChangeWatchedFiles(uris: string[]): void {
    const dirs = new Set<string>();
    for (const uri of uris) {
      const key = uriToKey(uri);
      this.workspace.fileChangedOnDisk(key);
      dirs.add(moduleKey(key));
    }
    for (const dir of dirs) {
      const open = this.openKeysIn(dir)[0];
      if (open) this.scheduleLint(open);
    }
  }

  didChangeConfiguration(): void {
    this.settingsCache.clear();
    const dirs = new Set(this.workspace.openKeys().map(moduleKey));
    for (const dir of dirs) {
      const keys = this.openKeysIn(dir);
      keys.forEach((k) => this.syntax.delete(k));
      this.scheduleLint(keys[0], true);
      keys.forEach((k) => this.scheduleSyntax(k));
    }
  }

  private openKeysIn(dir: string): string[] {
    return this.workspace.openKeys().filter((k) => moduleKey(k) === dir);
  }

  uriOf = (key: string): string => this.uris.get(key) ?? pathToUri(key);

  private settingsFor(key: string): Promise<CoderDindSettings> {
    let s = this.settingsCache.get(key);
    if (!s) {
      s = this.options.settings(this.uriOf(key)).then(
        (v) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}), rules: { ...(v?.rules ?? {}) } }),
        () => DEFAULT_SETTINGS,
      );
      this.settingsCache.set(key, s);
    }
    return s;
  }

  // ---- linting -----------------------------------------------------------------------------------

  private scheduleLint(key: string, immediate = false): void {
    const dir = moduleKey(key);
    clearTimeout(this.lintTimers.get(dir));
    const run = () => {
      this.lintTimers.delete(dir);
      void this.lintNow(key);
    };
    if (immediate || this.debounceMs <= 0) {
      this.lintTimers.delete(dir);
      void this.lintNow(key);
    } else this.lintTimers.set(dir, setTimeout(run, this.debounceMs));
  }

  private async lintNow(key: string): Promise<void> {
    try {
      const settings = await this.settingsFor(key);
      const dir = moduleKey(key);
      const module = this.workspace.moduleOf(this.openKeysIn(dir)[0] ?? key);
      const findings = lintModule(module, this.rules, {
        severities: settings.rules,
        onRuleError: (rule, error) => {
          if (this.failedRules.has(rule)) return;
          this.failedRules.add(rule);
          this.options.log(`Rule ${rule} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        },
      });
      this.findings.set(dir, findings);
      this.publishModule(dir, module);
    } catch (error) {
      this.options.log(`Linting ${key} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    this.trimNow();
  }

  private trimScheduled = false;

  /**
   * Parks the trees of files nobody read lately (Workspace.trim), from a macrotask of its own: every
   * handler has then returned or reached an `await`, and none holds a node across an `await`.
   */
  private scheduleTrim(): void {
    if (this.trimScheduled) return;
    this.trimScheduled = true;
    setImmediate(() => {
      this.trimScheduled = false;
      this.trimNow();
    });
  }

  /**
   * At the end of a lint or a syntax check (nothing of theirs is held any more): many lints can run
   * back to back in one turn of the event loop when documents open in a burst, and WebAssembly memory
   * keeps its peak, so parking cannot wait for a later macrotask there.
   */
  private trimNow(): void {
    try {
      this.workspace.trim(this.options.parsedTextBudget);
    } catch (error) {
      this.options.log(`Freeing parse trees failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private publishModule(dir: string, module: TemplateModule): void {
    for (const key of this.openKeysIn(dir)) this.publishFile(key, module);
  }

  private publishFile(key: string, module?: TemplateModule): void {
    const uri = this.uriOf(key);
    const skipped = this.workspace.documentSkipReason(key);
    if (skipped) {
      this.options.publish(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'coder-dind', message: describeSkip(skipped) }], this.workspace.documentSkipVersion(key) ?? undefined);
      return;
    }
    const file = this.workspace.getOpen(key);
    if (!file) return;
    const dir = moduleKey(key);
    const tree = (this.findings.get(dir) ?? []).filter((f) => f.file === file);
    const syntax = this.syntax.get(key);
    const fromSyntax = syntax && syntax.version === file.version ? syntax.findings : [];
    void module;
    this.options.publish(uri, [...tree, ...fromSyntax].map((f) => toDiagnostic(f, this.uriOf)), file.version ?? undefined);
  }

  private scheduleSyntax(key: string): void {
    clearTimeout(this.syntaxTimers.get(key));
    const run = () => {
      this.syntaxTimers.delete(key);
      const p = this.syntaxNow(key);
      this.pendingSyntax.add(p);
      void p.finally(() => this.pendingSyntax.delete(p));
    };
    this.syntaxTimers.set(key, setTimeout(run, Math.max(0, this.syntaxDebounceMs)));
  }

  private async syntaxNow(key: string): Promise<void> {
    const file = this.workspace.getOpen(key);
    if (!file) return;
    const version = file.version;
    try {
      const settings = await this.settingsFor(key);
      const findings = await syntaxFindings(file, { severities: settings.rules });
      if (this.workspace.getOpen(key) !== file || file.version !== version) return; // stale: a newer check follows
      this.syntax.set(key, { version, findings });
      this.publishFile(key);
    } catch (error) {
      this.options.log(`hcl-syntax check of ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.trimNow();
  }

  /** Runs every pending lint and syntax check now (tests and the benchmark use it). */
  async flush(): Promise<void> {
    for (const [dir, timer] of [...this.lintTimers]) {
      clearTimeout(timer);
      this.lintTimers.delete(dir);
      const key = this.openKeysIn(dir)[0];
      if (key) await this.lintNow(key);
    }
    for (const [key, timer] of [...this.syntaxTimers]) {
      clearTimeout(timer);
      this.syntaxTimers.delete(key);
      await this.syntaxNow(key);
    }
    await Promise.all([...this.pendingSyntax]);
  }

  dispose(): void {
    for (const t of this.lintTimers.values()) clearTimeout(t);
    for (const t of this.syntaxTimers.values()) clearTimeout(t);
  }

  // ---- requests ----------------------------------------------------------------------------------

  /** The open document and its module, or undefined for an unknown document. */
  context(uri: string): { file: TfFile; module: TemplateModule } | undefined {
    const key = uriToKey(uri);
    const file = this.workspace.getOpen(key);
    if (!file) return undefined;
    this.scheduleTrim();
    return { file, module: this.workspace.moduleOf(key) };
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const settings = await this.settingsFor(uriToKey(params.textDocument.uri));
    // The module is taken after the `await`: trees may have been parked meanwhile.
    const ctx = this.context(params.textDocument.uri);
    if (!ctx) return [];
    // Editors ask on every cursor move: lint a module once per edit, not once per request.
    let cached = this.freshFindings.get(ctx.module);
    if (!cached || cached.settings !== settings) {
      cached = { settings, findings: lintModule(ctx.module, this.rules, { severities: settings.rules }) };
      this.freshFindings.set(ctx.module, cached);
    }
    const fresh = cached.findings.filter((f) => f.file === ctx.file);
    return codeActions(ctx.file, params.textDocument.uri, params.context.diagnostics, fresh, params.context.only, this.uriOf);
  }

  codeLenses(uri: string): CodeLens[] {
    const ctx = this.context(uri);
    return ctx ? methodCodeLenses(ctx.module, ctx.file) : [];
  }

  // ---- editor intelligence (features/completion, hover, symbols, navigation) ------------------------
  // Each answers from the open document's tree and the module already in memory; none reads files itself.

  completion(params: CompletionParams): CompletionItem[] {
    const ctx = this.context(params.textDocument.uri);
    return ctx ? completion(ctx.file, ctx.module, params.position, params.context?.triggerCharacter) : [];
  }

  hover(uri: string, position: Position): Hover | null {
    const ctx = this.context(uri);
    return ctx ? hover(ctx.file, ctx.module, position) : null;
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const ctx = this.context(uri);
    return ctx ? documentSymbols(ctx.file) : [];
  }

  definition(uri: string, position: Position): Location[] {
    const ctx = this.context(uri);
    return ctx ? definition(ctx.file, ctx.module, position, this.uriOf) : [];
  }

  references(params: ReferenceParams): Location[] {
    const ctx = this.context(params.textDocument.uri);
    return ctx ? references(ctx.file, ctx.module, params.position, params.context.includeDeclaration, this.uriOf) : [];
  }

  /** Throws `RenameRejected` with a message for the user when the cursor is not on something renamable. */
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    const ctx = this.context(uri);
    return ctx ? prepareRename(ctx.file, ctx.module, position) : null;
  }

  /** Throws `RenameRejected` when the new name is invalid or taken. */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | null {
    const ctx = this.context(uri);
    return ctx ? rename(ctx.file, ctx.module, position, newName, this.uriOf) : null;
  }

  /** The settings that apply to a folder: a command that lints it honours the user's severities. */
  settingsForFolder(folder: string): Promise<CoderDindSettings> {
    return this.settingsFor(path.join(folder, '__folder__.tf'));
  }

  /** Every `.tf` module folder currently open, for commands that act on a folder. */
  moduleForFolder(folder: string): TemplateModule {
    return this.workspace.moduleOf(path.join(folder, '__folder__.tf'));
  }
}
