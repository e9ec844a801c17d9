import { ChildProcess, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { serve } from '../server/src/connection';
import { SERVER_NODE_FLAGS } from '../shared/src/protocol';

/** Server processes still running: killed when the benchmark exits, however it exits. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

/**
 * The client side of an LSP session, over any pair of streams: the in-process server (`serve()` on
 * in-memory streams, as the LSP tests do) or the bundled server in a child process.
 */
export class Session {
  readonly connection: ProtocolConnection;
  private readonly waiters: Waiter[] = [];
  /** Publishes seen per URI. */
  readonly counts = new Map<string, number>();
  totalPublishes = 0;
  onPublish?: (p: PublishDiagnosticsParams) => void;
  capabilities: InitializeResult['capabilities'] | undefined;

  constructor(
    reader: NodeJS.ReadableStream,
    writer: NodeJS.WritableStream,
    readonly child?: ChildProcess,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(reader), new StreamMessageWriter(writer));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.totalPublishes++;
      this.counts.set(p.uri, (this.counts.get(p.uri) ?? 0) + 1);
      this.onPublish?.(p);
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.predicate(p)) {
          this.waiters.splice(i--, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ rules: {} })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** The real server core on in-memory streams, in this process. */
  static inProcess(): Session {
    const up = new PassThrough();
    const down = new PassThrough();
    serve(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
    return new Session(down, up);
  }

  /** The bundled server (`node dist/server.js --stdio`) in a child process. */
  static spawnBundled(serverJs: string): Session {
    // As the VS Code client starts it (client/src/extension.ts): with the server's Node flags.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    live.add(child);
    child.once('exit', () => live.delete(child));
    return new Session(child.stdout!, child.stdin!, child);
  }

  async initialize(initializationOptions: Record<string, unknown>): Promise<void> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      initializationOptions,
      workspaceFolders: null,
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'terraform', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Shuts the server down politely, then makes sure a child process is gone. */
  async close(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000);
      // In-process, `exit` would end this very process (vscode-languageserver calls process.exit).
      if (this.child) await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // a server that does not answer is killed below
    }
    this.connection.dispose();
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child!.once('exit', resolve));
      const timer = setTimeout(() => this.child!.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(timer);
    }
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}
