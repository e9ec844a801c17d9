import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { ClientCommands, InitializationOptions, SERVER_NODE_FLAGS } from '../../shared/src/protocol';
import { registerCiWorkflowCommand } from './commands/ciWorkflow';
import { registerFixAllCommand } from './commands/fixAll';
import { registerPreviewCommand } from './commands/preview';
import { registerPublishCommands } from './commands/publish';
import { registerScaffoldCommands } from './commands/scaffold';
import { registerServerCommands } from './commands/server';
import { LanguageStatus } from './languageStatus';
import { ServerLifecycle } from './serverLifecycle';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Coder Docker-in-Workspace', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const status = new LanguageStatus(() => client);
  context.subscriptions.push(status);
  const lifecycle = new ServerLifecycle(status, output);
  const initializationOptions: InitializationOptions = {};
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'terraform' }, { scheme: 'untitled', language: 'terraform' }],
    synchronize: {
      configurationSection: 'coderDind',
      // `.tfvars` files too: the CLI leaves them out of the archive, and `file-not-uploaded` says so.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.tf'), vscode.workspace.createFileSystemWatcher('**/*.tfvars{,.json}')],
    },
    initializationOptions,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: lifecycle.errorHandler,
  };

  client = new LanguageClient('coderDind', 'Coder Docker-in-Workspace', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.openRuleDocs, (ruleId: string) => openRuleDocs(context, ruleId)),
  );
  registerScaffoldCommands(context, () => client);
  registerPublishCommands(context, () => client, output);
  registerServerCommands(context, lifecycle, status, output);
  registerFixAllCommand(context);
  registerCiWorkflowCommand(context);
  registerPreviewCommand(context, () => client);

  await lifecycle.start(client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Opens the bundled docs page of a rule in the Markdown preview, so it works offline. */
async function openRuleDocs(context: vscode.ExtensionContext, ruleId: string): Promise<void> {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return;
  const uri = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`No documentation page is bundled for ${ruleId}.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
