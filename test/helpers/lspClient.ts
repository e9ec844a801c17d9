import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  LogMessageNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  TextDocumentContentChangeEvent,
  ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { serve } from '../../server/src/connection';
import type { CoderDindSettings } from '../../shared/src/protocol';

/**
 * A real language server on in-memory streams: the client side speaks LSP JSON-RPC to `serve()`,
 * exactly as VS Code would over IPC.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<{ uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  settings: Partial<CoderDindSettings> = { rules: {} };
  readonly logs: string[] = [];

  constructor() {
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    serve(server);
    this.connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.predicate(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    this.connection.listen();
  }

  async initialize(
    options: Record<string, unknown> = { debounceMs: 0, syntaxDebounceMs: 0 },
    capabilities: ClientCapabilities = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  ): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities,
      initializationOptions: options,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (or the latest, if it already does). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'terraform', version, text },
    });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  dispose(): void {
    this.connection.dispose();
  }
}
