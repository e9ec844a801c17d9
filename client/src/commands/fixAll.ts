import * as vscode from 'vscode';
import { ClientCommands, FIX_ALL_KIND } from '../../../shared/src/protocol';

/**
 * "Coder: Fix All coder-dind Problems in This File": applies the server's fix-all source action (the
 * preferred fix of every finding whose edits do not overlap), the same edits `coder-dind lint --fix` makes.
 */
export function registerFixAllCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(ClientCommands.fixAll, fixAll));
}

async function fixAll(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== 'terraform') {
    void vscode.window.showInformationMessage('Open a .tf file of a Coder template first: this fixes the coder-dind findings of the active file.');
    return;
  }
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    whole,
    FIX_ALL_KIND,
  );
  const ours = actions?.find((action) => action.kind?.value === FIX_ALL_KIND && action.edit);
  if (!ours?.edit) {
    void vscode.window.showInformationMessage(`No coder-dind finding in ${vscode.workspace.asRelativePath(document.uri)} has an automatic fix.`);
    return;
  }
  if (!(await vscode.workspace.applyEdit(ours.edit))) {
    void vscode.window.showErrorMessage('The fixes could not be applied: the file changed meanwhile. Try again.');
  }
}
