import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  MethodInfo,
  ScaffoldParameter,
  ScaffoldRequest,
  ScaffoldResult,
  ServerCommands,
} from '../../../shared/src/protocol';

/**
 * "Coder: New Docker-in-Workspace Template…": pick a method, answer its parameters, pick the folder,
 * write the files (asking before overwriting anything), open main.tf and offer to create the template in
 * Coder. The methods and the rendering come from the language server; this file only asks and writes.
 */
export function registerScaffoldCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.newTemplate, async (folder?: vscode.Uri) => {
      try {
        await newTemplate(client(), folder instanceof vscode.Uri ? folder : undefined);
      } catch (error) {
        void vscode.window.showErrorMessage(`New Docker-in-Workspace template failed: ${(error as Error).message}`);
      }
    }),
  );
}

async function executeServerCommand<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T> {
  return (await client.sendRequest('workspace/executeCommand', { command, arguments: args })) as T;
}

interface MethodItem extends vscode.QuickPickItem {
  method: MethodInfo;
}

async function newTemplate(client: LanguageClient | undefined, contextFolder: vscode.Uri | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('The Coder Docker-in-Workspace language server is not running; reload the window and try again.');
    return;
  }
  const methods = await executeServerCommand<MethodInfo[]>(client, ServerCommands.listMethods, []);

  const picked = await vscode.window.showQuickPick<MethodItem>(
    methods.map((method) => ({
      label: method.title,
      description: `${method.id} · ${method.platform === 'kubernetes' ? 'Kubernetes' : 'Docker host'}`,
      detail: `Needs: ${method.requirements.join('; ')}. Limits: ${method.limitations.join('; ')}.`,
      method,
    })),
    {
      title: 'New Docker-in-Workspace Template (1/3): method',
      placeHolder: 'How should the workspace run Docker?',
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    },
  );
  if (!picked) return;
  const method = picked.method;

  const parameters: Record<string, string> = {};
  for (const [index, parameter] of method.parameters.entries()) {
    const value = await askParameter(method, parameter, index);
    if (value === undefined) return;
    parameters[parameter.name] = value;
  }

  const request: ScaffoldRequest = { method: method.id, parameters };
  const result = await executeServerCommand<ScaffoldResult>(client, ServerCommands.renderScaffold, [request]);
  if (result.errors) {
    const messages = Object.entries(result.errors).map(([name, message]) => `${name}: ${message}`);
    void vscode.window.showErrorMessage(`The template could not be rendered. ${messages.join(' ')}`);
    return;
  }

  const target = await askFolder(contextFolder, parameters.name ?? method.id);
  if (!target) return;

  const existing: string[] = [];
  for (const file of result.files) {
    if (await exists(vscode.Uri.joinPath(target, file.path))) existing.push(file.path);
  }
  if (existing.length) {
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target, true)} already has ${existing.join(' and ')}. Overwrite ${existing.length === 1 ? 'it' : 'them'}?`,
      { modal: true, detail: 'Cancel writes nothing.' },
      'Overwrite',
    );
    if (answer !== 'Overwrite') return;
  }

  await vscode.workspace.fs.createDirectory(target);
  const encoder = new TextEncoder();
  for (const file of result.files) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, file.path), encoder.encode(file.content));
  }

  const mainTf = vscode.Uri.joinPath(target, 'main.tf');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mainTf), { preview: false });

  const name = parameters.name ?? method.id;
  const choice = await vscode.window.showInformationMessage(
    `Template "${name}" (${method.title}) written to ${vscode.workspace.asRelativePath(target, true)}. Its README.md says what the ${method.platform === 'kubernetes' ? 'nodes need' : 'Docker host needs'}.`,
    'Create in Coder',
  );
  if (choice === 'Create in Coder') await vscode.commands.executeCommand(ClientCommands.pushTemplate, target);
}

function validationMessage(parameter: ScaffoldParameter, value: string): string | undefined {
  if (parameter.choices && !parameter.choices.includes(value)) return `Choose one of ${parameter.choices.join(', ')}`;
  const rule = parameter.validation;
  if (!rule) return undefined;
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return `${rule.message} (${value.length} characters now)`;
  }
  if (!new RegExp(rule.pattern).test(value)) return rule.message;
  return undefined;
}

async function askParameter(method: MethodInfo, parameter: ScaffoldParameter, index: number): Promise<string | undefined> {
  const title = `New ${method.title} template (2/3): ${parameter.name} (${index + 1} of ${method.parameters.length})`;
  if (parameter.choices) {
    const items = parameter.choices.map((choice) => ({ label: choice, description: choice === parameter.default ? 'default' : undefined }));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: parameter.prompt, ignoreFocusOut: true });
    return picked?.label;
  }
  return vscode.window.showInputBox({
    title,
    prompt: parameter.prompt,
    value: parameter.default,
    ignoreFocusOut: true,
    validateInput: (value) => validationMessage(parameter, value),
  });
}

/**
 * The folder to write into: by default a new folder named after the template, inside the folder the
 * command was started on (Explorer context menu) or else the first workspace folder.
 */
async function askFolder(contextFolder: vscode.Uri | undefined, name: string): Promise<vscode.Uri | undefined> {
  let parent = contextFolder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!parent) {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Create the template here',
      title: 'Folder to create the template folder in',
    });
    parent = chosen?.[0];
    if (!parent) return undefined;
  }
  const suggested = vscode.Uri.joinPath(parent, name);
  const answer = await vscode.window.showInputBox({
    title: 'New Docker-in-Workspace Template (3/3): folder',
    prompt: 'Folder for main.tf and README.md (created if missing)',
    value: suggested.scheme === 'file' ? suggested.fsPath : suggested.toString(),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Give a folder' : undefined),
  });
  if (answer === undefined) return undefined;
  const trimmed = answer.trim();
  if (suggested.scheme !== 'file') return vscode.Uri.parse(trimmed);
  // A relative answer is taken relative to the parent folder.
  return path.isAbsolute(trimmed) ? vscode.Uri.file(trimmed) : vscode.Uri.joinPath(parent, trimmed);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
