import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands } from '../../../shared/src/protocol';
import { PreviewPanel } from '../preview/panel';

/** "Coder: Preview Workspace": the preview of the active Terraform file's template (or a file given by a menu). */
export function registerPreviewCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.previewWorkspace, (resource?: vscode.Uri) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!uri || !uri.path.endsWith('.tf')) {
        void vscode.window.showInformationMessage('Open a .tf file of a Coder template to preview its workspace.');
        return;
      }
      PreviewPanel.show(context.extensionUri, client, uri);
    }),
  );
}
