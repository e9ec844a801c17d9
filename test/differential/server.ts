import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../shared/src/protocol';
import { waitUntilGone } from '../helpers/processes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(ROOT, 'dist', 'cli.js');

/** Server processes still running: killed when this process exits, however it exits. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * The bundled language server (`node dist/server.js --stdio`, with the flags the VS Code client gives
 * it) in a child process, seen from the client side: every publish is recorded per URI.
 */
export class BundledServer {
  readonly connection: ProtocolConnection;
  private readonly publishes = new Map<string, PublishDiagnosticsParams[]>();
  private listeners: Array<() => void> = [];
  /** Server log lines (window/logMessage) and its stderr. */
  readonly logs: string[] = [];
  stderr = '';
  /** Watchers the server registered (it asks for deleted folders). */
  readonly registrations: unknown[] = [];

  private constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.publishes.get(p.uri) ?? [];
      list.push(p);
      this.publishes.set(p.uri, list);
      for (const listener of [...this.listeners]) listener();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ rules: {} })));
    this.connection.onRequest(RegistrationRequest.type, (p) => void this.registrations.push(...p.registrations));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.connection.listen();
  }

  static async start(initializationOptions: Record<string, unknown>): Promise<BundledServer> {
    if (!existsSync(SERVER_JS)) throw new Error(`${path.relative(ROOT, SERVER_JS)} is missing: run npm run build first`);
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(child);
    child.once('exit', () => live.delete(child));
    const server = new BundledServer(child);
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions,
      workspaceFolders: null,
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /** The last diagnostics published for a URI, if any were. */
  last(uri: string): PublishDiagnosticsParams | undefined {
    return this.publishes.get(uri)?.at(-1);
  }

  /** Every URI published to whose path starts with `prefix`. */
  urisUnder(prefix: string): string[] {
    return [...this.publishes.keys()].filter((u) => u.startsWith(prefix));
  }

  get publishCount(): number {
    let n = 0;
    for (const list of this.publishes.values()) n += list.length;
    return n;
  }

  /** Drops what was recorded for URIs under `prefix` (a finished session). */
  forget(prefix: string): void {
    for (const uri of this.urisUnder(prefix)) this.publishes.delete(uri);
  }

  /**
   * Resolves true as soon as `predicate` holds (checked now and after each publish), false once no
   * publish has come for `quietMs` while it does not hold, or after `maxMs`. A bound for a stuck or
   * wrong server, not a measurement: a correct one ends the wait at its publish.
   */
  until(predicate: () => boolean, quietMs: number, maxMs: number): Promise<boolean> {
    if (predicate()) return Promise.resolve(true);
    return new Promise((resolve) => {
      let quiet: NodeJS.Timeout;
      const done = (value: boolean) => {
        clearTimeout(quiet);
        clearTimeout(cap);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(value);
      };
      const listener = () => {
        if (predicate()) done(true);
        else {
          clearTimeout(quiet);
          quiet = setTimeout(() => done(predicate()), quietMs);
        }
      };
      quiet = setTimeout(() => done(predicate()), quietMs);
      const cap = setTimeout(() => done(predicate()), maxMs);
      this.listeners.push(listener);
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // a server that does not answer is killed below
    }
    this.connection.dispose();
    if (this.child.pid !== undefined && !(await waitUntilGone(this.child.pid))) this.child.kill('SIGKILL');
  }
}
