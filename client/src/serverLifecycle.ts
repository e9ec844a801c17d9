import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, State } from 'vscode-languageclient/node';
import type { LanguageStatus } from './languageStatus';
import { BoundedRestart } from './restartPolicy';

const RESTART_LIMIT = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/**
 * Starts, restarts and watches the language server, and tells the status item why it is in the state
 * it is in. A server that ends on its own is restarted a bounded number of times (`BoundedRestart`);
 * past that it stays stopped until the user restarts it, which gives the full budget back.
 */
export class ServerLifecycle {
  private restarts = new BoundedRestart(RESTART_LIMIT, RESTART_WINDOW_MS);
  /** Set while a restart is under way: the states it passes through are not a stop. */
  private restartingWhy: string | undefined;
  private stopReason: string | undefined;
  private client: LanguageClient | undefined;

  constructor(
    private readonly status: LanguageStatus,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  readonly errorHandler: ErrorHandler = {
    // A write that fails while the server is going down: `closed` follows and tells the user once.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      if (this.restarts.allow()) {
        this.restartingWhy = 'after it ended unexpectedly';
        return { action: CloseAction.Restart, message: undefined, handled: true };
      }
      this.restartingWhy = undefined;
      this.stopReason = `it ended ${RESTART_LIMIT + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes and is not restarted automatically`;
      void vscode.window
        .showErrorMessage(
          'The Coder Docker-in-Workspace language server stopped several times and will not be restarted. Diagnostics and completion are off until you reload the window.',
          'Show log',
          'Reload window',
        )
        .then((choice) => {
          if (choice === 'Show log') this.output.show();
          if (choice === 'Reload window') void vscode.commands.executeCommand('workbench.action.reloadWindow');
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };

  /** Follows the client's state changes and starts it; a failed start is shown, not thrown. */
  async start(client: LanguageClient): Promise<void> {
    this.client = client;
    client.onDidChangeState(({ newState }) => this.stateChanged(newState));
    await this.startOrReport(() => client.start());
  }

  /** "Coder: Restart Language Server": a new server process, whatever state the old one is in. */
  async restart(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.restarts = new BoundedRestart(RESTART_LIMIT, RESTART_WINDOW_MS);
    this.stopReason = undefined;
    this.restartingWhy = 'on request';
    this.output.info('Restarting the language server on request.');
    // A client that is starting can only be stopped once it runs; one that stopped is simply started.
    if (client.state === State.Starting) await client.start().catch(() => undefined);
    await this.startOrReport(() => (client.state === State.Running ? client.restart() : client.start()));
  }

  private async startOrReport(start: () => Promise<void>): Promise<void> {
    try {
      await start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.restartingWhy = undefined;
      this.stopReason = `it did not start (${message})`;
      this.output.error(`The language server did not start: ${message}`);
      this.status.setServer({ kind: 'stopped', reason: this.stopReason });
    }
  }

  private stateChanged(state: State): void {
    if (state === State.Running) {
      this.restartingWhy = undefined;
      this.status.setServer({ kind: 'running' });
    } else if (this.restartingWhy) {
      this.status.setServer({ kind: 'restarting', why: this.restartingWhy });
    } else if (state === State.Starting) {
      this.status.setServer({ kind: 'starting' });
    } else {
      this.status.setServer({ kind: 'stopped', reason: this.stopReason ?? 'it is not running' });
    }
  }
}
