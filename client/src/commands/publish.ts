import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands } from '../../../shared/src/protocol';
import { VersionCache } from '../coder/publisher';
import { FolderLocks } from '../coder/runner';
import type { PublishVerb } from '../coder/version';
import { resolveFolder } from './publishing/folder';
import { asPreset, newPlan, type PublishCommandResult } from './publishing/plan';
import { runPublish } from './publishing/run';
import type { PublishSession } from './publishing/session';

const OUTPUT_CHANNEL = 'Coder';

export function registerPublishCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  output: vscode.OutputChannel,
): void {
  context.subscriptions.push(new PublishCommands(client, output));
}

/**
 * "Coder: Create Template" and "Coder: Push Template": the trust check and one publish per folder at a
 * time; the publish itself is a plan filled in by steps (publishing/steps.ts) and then run (publishing/run.ts).
 */
class PublishCommands implements vscode.Disposable {
  private readonly session: PublishSession;
  private readonly locks = new FolderLocks();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(client: () => LanguageClient | undefined, log: vscode.OutputChannel) {
    this.session = {
      channel: vscode.window.createOutputChannel(OUTPUT_CHANNEL),
      diagnostics: vscode.languages.createDiagnosticCollection('coder-publish'),
      versions: new VersionCache(),
      running: new Set(),
      client,
      log,
    };
    this.disposables.push(
      this.session.channel,
      this.session.diagnostics,
      vscode.commands.registerCommand(ClientCommands.createTemplate, (resource?: unknown, preset?: unknown) =>
        this.publish('create', resource, preset),
      ),
      vscode.commands.registerCommand(ClientCommands.pushTemplate, (resource?: unknown, preset?: unknown) =>
        this.publish('push', resource, preset),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('coderDind.coder.path')) this.session.versions.clear();
      }),
    );
  }

  dispose(): void {
    for (const controller of this.session.running) controller.abort();
    for (const d of this.disposables) d.dispose();
  }

  private async publish(intent: PublishVerb, resource: unknown, presetArg: unknown): Promise<PublishCommandResult> {
    if (!vscode.workspace.isTrusted) {
      const message =
        'Publishing to Coder runs the coder CLI with the files of this folder, so it needs a trusted workspace. Trust this workspace, then publish again.';
      void vscode.window.showErrorMessage(message, 'Manage Workspace Trust').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return { ok: false, failure: 'untrusted', message, actions: ['Manage Workspace Trust'] };
    }
    const preset = asPreset(presetArg);
    const folder = await resolveFolder(resource, preset.skipPrompts === true);
    if (!folder) return { ok: false, failure: 'aborted-by-user' };

    const release = this.locks.tryAcquire(folder.fsPath);
    if (!release) {
      const message = `A publish of ${folder.fsPath} is already running. Wait for it to finish or cancel it.`;
      void vscode.window.showWarningMessage(message);
      return { ok: false, failure: 'busy', message };
    }
    try {
      return await runPublish(newPlan(intent, folder, preset), this.session);
    } finally {
      release();
    }
  }
}
