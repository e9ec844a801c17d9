import * as vscode from 'vscode';
import { ClientCommands } from '../../../shared/src/protocol';

const WORKFLOW_PATH = '.github/workflows/coder-dind.yml';

/** Lints every template of the repository with the CLI, as the editor does; errors fail the job. */
const WORKFLOW = `# Lints the Coder templates in this repository on every push and pull request with coder-dind, the
# checks of the Coder Docker-in-Workspace extension. Errors fail the job. For GitHub code scanning, run
# it with --format sarif > coder-dind.sarif and upload that file.
name: coder-dind
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Lint Coder templates
        run: npx --yes coder-dind lint .
`;

/**
 * "Coder: Add coder-dind to GitHub Actions": writes a workflow that runs \`coder-dind lint\` into the
 * workspace folder of the active file, and opens it. An existing workflow is opened, never replaced.
 */
export function registerCiWorkflowCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(ClientCommands.addCiWorkflow, addCiWorkflow));
}

async function addCiWorkflow(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open the folder of your templates first: the workflow goes into its .github/workflows.');
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, WORKFLOW_PATH);
  let existed = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    existed = false;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(WORKFLOW));
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(
    existed
      ? `${WORKFLOW_PATH} already exists; it was left as it is.`
      : `Wrote ${WORKFLOW_PATH}: every push and pull request runs coder-dind lint on the templates.`,
  );
}
