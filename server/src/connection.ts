import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  WatchKind,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { initParser } from './model/parser';
import { ServerRequests, type CoderDindSettings, type InitializationOptions, type TemplateStatusParams } from '../../shared/src/protocol';
import { LanguageService, RenameRejected } from './service/languageService';
import { FIX_ALL_KIND } from './features/codeActions';
import { executeServerCommand, SERVER_COMMAND_IDS, templateStatus } from './service/commands';
import type { SyntaxChecker } from './service/lint';
import { redact } from '../../shared/src/redact';
import { PreviewRequests, type PreviewParams, type PreviewValidateParams } from '../../shared/src/preview';
import { preview, previewValidate } from './service/preview';

/** Serves one LSP connection. `server.ts` gives it stdio/IPC; the tests give it in-memory streams. */
export function serve(connection: Connection, syntaxChecker?: SyntaxChecker): void {
  let service: LanguageService | undefined;
  let configurationPull = false;
  /**
   * The `coderDind` section of the last `workspace/didChangeConfiguration`, for clients that push their
   * settings instead of answering `workspace/configuration` (Neovim 0.7 does, without advertising it).
   */
  let pushedSettings: Partial<CoderDindSettings> | undefined;
  let watcherRegistration = false;
  const ready = initParser();

  const log = (message: string) => connection.console.log(redact(message));

  /**
   * One error boundary per handler: a failure is logged and answered with an empty result. An answer for
   * the user passes it: a rejected rename reaches the editor as the request's error message, unlogged.
   */
  function guarded<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        await ready;
        return await handler(...args);
      } catch (error) {
        if (error instanceof RenameRejected) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
        log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    configurationPull = !!params.capabilities.workspace?.configuration;
    watcherRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    await ready;
    service = new LanguageService({
      publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, version }),
      log,
      settings: async (uri) => {
        if (!configurationPull) return { rules: pushedSettings?.rules ?? {} };
        const value = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'coderDind' })) as Partial<CoderDindSettings> | null;
        return { rules: value?.rules ?? {} };
      },
      debounceMs: init.debounceMs,
      syntaxDebounceMs: init.syntaxDebounceMs,
      parsedTextBudget: init.parsedTextBudget,
      syntaxChecker,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...SERVER_COMMAND_IDS] },
        completionProvider: { triggerCharacters: ['.', '"', '='], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'coder-dind' },
    };
  });

  connection.onInitialized(() => {
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // The client watches `**/*.tf`, but a deleted or renamed folder is reported as the folder alone, never
    // as the files in it: deletions of anything tell the server when closed files of an open folder vanish.
    if (watcherRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*', kind: WatchKind.Delete }] })
        .catch((error: unknown) => log(`Watching for deleted folders failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  });

  const svc = () => {
    if (!service) throw new Error('server not initialized');
    return service;
  };

  connection.onDidOpenTextDocument(guarded('didOpen', undefined, (p) => svc().didOpen(p.textDocument.uri, p.textDocument.text, p.textDocument.version)));
  connection.onDidChangeTextDocument(guarded('didChange', undefined, (p) => svc().didChange(p.textDocument.uri, p.textDocument.version, p.contentChanges)));
  connection.onDidCloseTextDocument(guarded('didClose', undefined, (p) => svc().didClose(p.textDocument.uri)));
  connection.onDidChangeWatchedFiles(guarded('didChangeWatchedFiles', undefined, (p) => svc().didChangeWatchedFiles(p.changes.map((c) => c.uri))));
  connection.onDidChangeConfiguration(
    guarded('didChangeConfiguration', undefined, (p) => {
      if (!configurationPull) pushedSettings = pushedSection(p.settings);
      svc().didChangeConfiguration();
    }),
  );
  connection.onCodeAction(guarded('codeAction', [], (p) => svc().codeActions(p)));
  connection.onCodeLens(guarded('codeLens', [], (p) => svc().codeLenses(p.textDocument.uri)));
  connection.onExecuteCommand(guarded('executeCommand', null, (p) => executeServerCommand(svc(), p.command, p.arguments ?? [])));
  connection.onRequest(ServerRequests.templateStatus, guarded('templateStatus', null, (p: TemplateStatusParams) => templateStatus(svc(), p.uri)));
  connection.onRequest(PreviewRequests.preview, guarded('preview', null, (p: PreviewParams) => preview(svc(), p)));
  connection.onRequest(PreviewRequests.validate, guarded('previewValidate', null, (p: PreviewValidateParams) => previewValidate(svc(), p)));
  connection.onCompletion(guarded('completion', [], (p) => svc().completion(p)));
  connection.onHover(guarded('hover', null, (p) => svc().hover(p.textDocument.uri, p.position)));
  connection.onDocumentSymbol(guarded('documentSymbol', [], (p) => svc().documentSymbols(p.textDocument.uri)));
  connection.onDefinition(guarded('definition', [], (p) => svc().definition(p.textDocument.uri, p.position)));
  connection.onReferences(guarded('references', [], (p) => svc().references(p)));
  connection.onPrepareRename(guarded('prepareRename', null, (p) => svc().prepareRename(p.textDocument.uri, p.position)));
  connection.onRenameRequest(guarded('rename', null, (p) => svc().rename(p.textDocument.uri, p.position, p.newName)));
  connection.onShutdown(() => service?.dispose());

  connection.listen();
}

/** `settings.coderDind` of a pushed configuration, when it is an object. */
function pushedSection(settings: unknown): Partial<CoderDindSettings> | undefined {
  const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).coderDind : undefined;
  return section && typeof section === 'object' ? (section as Partial<CoderDindSettings>) : undefined;
}
