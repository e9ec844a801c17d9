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
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import { codeActions } from '../features/codeActions';
import { methodCodeLenses } from '../features/codeLens';
import { completion } from '../features/completion';
import { hover } from '../features/hover';
import { documentSymbols } from '../features/symbols';
import { definition, prepareRename, references, rename } from '../features/navigation';
export { RenameRejected } from '../features/navigation';
import type { CoderDindSettings } from '../../../shared/src/protocol';
import { ModuleDiagnostics } from './moduleDiagnostics';
import { ModuleFindings } from './moduleFindings';
import { classifyText } from './textLimits';
import { FileSystem, nodeFileSystem } from './fileSystem';
import type { SyntaxChecker } from './lint';
import { moduleKey, Workspace } from './workspace';
import { pathToUri, uriToKey } from '../model/uris';

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
  /** Where `hcl-syntax` runs (default: this thread); the server passes its worker pool's. */
  syntaxChecker?: SyntaxChecker;
}

const DEFAULT_SETTINGS: CoderDindSettings = { rules: {} };

/**
 * The editor-agnostic core of the language server: documents in, LSP types out. `server.ts` only
 * wires a connection to it; tests and the benchmark drive it in-process.
 */
export class LanguageService {
  readonly workspace: Workspace;
  /** Diagnostics of every `.tf` file of each folder with an open document. */
  readonly diagnostics: ModuleDiagnostics;
  private readonly uris = new Map<string, string>();
  /** Settings per folder (or per unsaved document), asked of the client once until they change. */
  private readonly settingsCache = new Map<string, Promise<CoderDindSettings>>();
  private readonly rules: readonly Rule[];
  /** The rules' findings of each module snapshot: published, and read again by code actions and the preview. */
  readonly findings: ModuleFindings;

  /** Where `hcl-syntax` runs (see LanguageServiceOptions). */
  get syntaxChecker(): SyntaxChecker | undefined {
    return this.options.syntaxChecker;
  }

  constructor(private readonly options: LanguageServiceOptions) {
    this.workspace = new Workspace(options.fs ?? nodeFileSystem);
    this.rules = options.rules ?? RULES;
    this.findings = new ModuleFindings(this.rules, options.log);
    this.diagnostics = new ModuleDiagnostics({
      workspace: this.workspace,
      findings: this.findings,
      debounceMs: options.debounceMs ?? 75,
      syntaxDebounceMs: options.syntaxDebounceMs ?? 350,
      syntaxChecker: options.syntaxChecker,
      publish: options.publish,
      log: options.log,
      settings: (dir) => this.settingsFor(dir),
      uriOf: this.uriOf,
      afterWork: () => this.trimNow(),
    });
  }

  // ---- documents ---------------------------------------------------------------------------------

  didOpen(uri: string, text: string, version: number): void {
    const key = uriToKey(uri);
    this.uris.set(key, uri);
    this.workspace.openDocument(key, text, version);
    this.diagnostics.documentOpened(key);
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
    this.diagnostics.documentChanged(key);
  }

  didClose(uri: string): void {
    const key = uriToKey(uri);
    const dir = moduleKey(key);
    this.workspace.closeDocument(key);
    this.uris.delete(key);
    this.settingsCache.delete(key);
    this.diagnostics.documentClosed(key);
    // Nothing of the folder is open any more: keep none of its state (a long session opens many).
    if (!this.workspace.openKeys().some((k) => moduleKey(k) === dir)) this.settingsCache.delete(dir);
  }

  /** Files or folders created, changed or deleted on disk (the client's file watcher). */
  didChangeWatchedFiles(uris: string[]): void {
    const paths = uris.map(uriToKey);
    for (const p of paths) this.workspace.fileChangedOnDisk(p);
    this.diagnostics.filesChanged(paths);
  }

  didChangeConfiguration(): void {
    this.settingsCache.clear();
    this.diagnostics.configurationChanged();
  }

  uriOf = (key: string): string => this.uris.get(key) ?? pathToUri(key);

  /** The settings for a document or a folder (its URI is the scope the client resolves them in). */
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

  /** Runs every pending lint and syntax check now (tests and the benchmark use it). */
  flush(): Promise<void> {
    return this.diagnostics.flush();
  }

  dispose(): void {
    this.diagnostics.dispose();
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
    // Editors ask on every cursor move: the module's findings are the ones its last lint published.
    const fresh = this.findings.of(ctx.module, settings).filter((f) => f.file === ctx.file);
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
