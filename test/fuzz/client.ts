import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { serve } from '../../server/src/connection';
import type { CoderDindSettings } from '../../shared/src/protocol';

/**
 * The real server (`serve()`) on in-memory streams, like test/helpers/lspClient.ts, but with state the
 * fuzzer can drop after each mutant so that a long run measures the server's memory, not the client's.
 */
export class FuzzClient {
  readonly connection: ProtocolConnection;
  private readonly publishes = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<{ uri: string; predicate: () => boolean; resolve: () => void }> = [];
  settings: Partial<CoderDindSettings> = { rules: {} };
  /** Server log lines (window/logMessage, window/showMessage) not yet collected. */
  logs: string[] = [];

  constructor() {
    const up = new PassThrough();
    const down = new PassThrough();
    serve(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
    this.connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.publishes.get(p.uri);
      if (!list) return; // a document this client already forgot
      list.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.predicate()) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.listen();
  }

  async initialize(options: Record<string, unknown>): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: {} },
      },
      initializationOptions: options,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Starts recording the diagnostics published for `uri`. */
  track(uri: string): void {
    this.publishes.set(uri, []);
  }

  forget(uri: string): void {
    this.publishes.delete(uri);
    this.waiters = this.waiters.filter((w) => w.uri !== uri);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.get(uri) ?? [];
  }

  /** Resolves once `predicate` holds after a publish for `uri` (or at once if it already holds); false on timeout. */
  until(uri: string, predicate: () => boolean, timeoutMs: number): Promise<boolean> {
    if (predicate()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { uri, predicate, resolve: () => (clearTimeout(timer), resolve(true)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  dispose(): void {
    this.connection.dispose();
  }
}
