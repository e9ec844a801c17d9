import * as vscode from 'vscode';
import { ClientCommands } from '../../../shared/src/protocol';
import type { LanguageStatus } from '../languageStatus';
import type { ServerLifecycle } from '../serverLifecycle';

/** The language server's own commands: restart it, show its log, open the docs of the detected method. */
export function registerServerCommands(
  context: vscode.ExtensionContext,
  lifecycle: ServerLifecycle,
  status: LanguageStatus,
  output: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.restartServer, () => lifecycle.restart()),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show()),
    vscode.commands.registerCommand(ClientCommands.showMethodDocs, (_methodId?: unknown, docsUrl?: unknown) =>
      showMethodDocs(typeof docsUrl === 'string' ? docsUrl : status.activeMethod()?.docsUrl),
    ),
  );
}

/** Opens a method's section of Coder's documentation (the code lens passes it; the status item does not). */
async function showMethodDocs(docsUrl: string | undefined): Promise<void> {
  if (!docsUrl) {
    void vscode.window.showInformationMessage('No Docker-in-workspace method is detected in the active template.');
    return;
  }
  const uri = vscode.Uri.parse(docsUrl, true);
  // The URL comes from the server's method table; never open anything but a web page from it.
  if (uri.scheme !== 'https') return;
  await vscode.env.openExternal(uri);
}
