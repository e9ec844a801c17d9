import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { VersionCache } from '../../coder/publisher';

/** What every publish shares: the "Coder" output, the publish diagnostics, the server, the CLI versions. */
export interface PublishSession {
  readonly channel: vscode.OutputChannel;
  readonly diagnostics: vscode.DiagnosticCollection;
  readonly versions: VersionCache;
  /** Runs in progress; stopped when the extension is deactivated so no CLI outlives the window. */
  readonly running: Set<AbortController>;
  readonly client: () => LanguageClient | undefined;
  /** The extension's own log, for a server command that failed. */
  readonly log: vscode.OutputChannel;
}

/** A server command on the folder; undefined when there is no server or it fails (that never blocks a publish). */
export async function executeServerCommand<T>(session: PublishSession, command: string, folder: vscode.Uri): Promise<T | undefined> {
  const client = session.client();
  if (!client) return undefined;
  try {
    return await client.sendRequest<T>('workspace/executeCommand', { command, arguments: [folder.toString()] });
  } catch (error) {
    session.log.appendLine(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Removes what an earlier publish of this folder put on the Problems panel. */
export function clearPublishDiagnostics(session: PublishSession, folder: vscode.Uri): void {
  const prefix = folder.fsPath.endsWith(path.sep) ? folder.fsPath : folder.fsPath + path.sep;
  session.diagnostics.forEach((uri) => {
    if (uri.fsPath.startsWith(prefix)) session.diagnostics.delete(uri);
  });
}
