import * as vscode from 'vscode';
import { ClientCommands } from '../../../../shared/src/protocol';
import type { FailureKind, PublishFailure } from '../../coder/outcome';
import type { CliInfo } from '../../coder/publisher';
import { loginInTerminal } from './login';
import type { PublishCommandResult } from './plan';
import type { PublishSession } from './session';
import { publishTerraformDiagnostics } from './terraformDiagnostics';

const INSTALL_DOCS = 'https://coder.com/docs/install/cli';

interface FailureContext {
  failure: PublishFailure;
  folder: vscode.Uri;
  cli: CliInfo | undefined;
  session: PublishSession;
}

/** How a failure is shown: the sentence, its buttons, what a button does, and what the result adds. */
interface FailureView {
  message: string;
  buttons: string[];
  onChoice?: (choice: string) => void;
  /** Shown as information rather than an error (the user's own cancel). */
  info?: true;
  extra?: Partial<PublishCommandResult>;
}

const openSetting = (id: string) => void vscode.commands.executeCommand('workbench.action.openSettings', id);

/** One entry per failure kind of the CLI: the compiler checks that none is missing. */
const FAILURE_VIEWS: Record<FailureKind, (c: FailureContext) => FailureView> = {
  'cli-not-found': ({ failure }) => ({
    message: `${failure.message} Install it, or set "coderDind.coder.path" to the coder executable.`,
    buttons: ['Set path…', 'Install docs'],
    onChoice: (choice) => {
      if (choice === 'Set path…') openSetting('coderDind.coder.path');
      if (choice === 'Install docs') void vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS));
    },
  }),
  'not-logged-in': ({ cli, session }) => ({
    message: 'The coder CLI is not logged in to a Coder deployment. Log in, then publish again.',
    buttons: ['Log in…', 'Show output'],
    onChoice: (choice) => {
      if (choice === 'Log in…' && cli) void loginInTerminal(cli.path);
      if (choice === 'Show output') session.channel.show(true);
    },
  }),
  'provisioner-failed': ({ failure, folder, session }) => {
    const { first: located, placed } = publishTerraformDiagnostics(session.diagnostics, folder, failure.terraformErrors ?? []);
    return {
      message: `${failure.message} Fix the template and publish again.`,
      buttons: located ? ['Show problem', 'Show output'] : ['Show output'],
      onChoice: (choice) => {
        if (choice === 'Show problem' && located) void vscode.window.showTextDocument(located.uri, { selection: located.range });
        if (choice === 'Show output') session.channel.show(true);
      },
      extra: { diagnostics: placed },
    };
  },
  'template-exists': ({ failure, folder, session }) => ({
    message: failure.message,
    buttons: ['Push instead', 'Show output'],
    onChoice: (choice) => {
      if (choice === 'Push instead') void vscode.commands.executeCommand(ClientCommands.pushTemplate, folder);
      if (choice === 'Show output') session.channel.show(true);
    },
  }),
  cancelled: () => ({ message: 'Publishing was cancelled; the coder CLI was stopped.', buttons: [], info: true }),
  'select-organization': (c) => organizationView(c),
  'unknown-organization': (c) => organizationView(c),
  'invalid-template-name': (c) => seeOutputView(c, ' See the "Coder" output for details.'),
  'unknown-flag': (c) => seeOutputView(c, ' Update the coder CLI, or leave that option empty.'),
  other: (c) => seeOutputView(c, ' See the "Coder" output for details.'),
};

function organizationView({ failure }: FailureContext): FailureView {
  return {
    message: `${failure.message} Set "coderDind.coder.organization" to publish there every time.`,
    buttons: ['Set organization…'],
    onChoice: () => openSetting('coderDind.coder.organization'),
  };
}

function seeOutputView({ failure, session }: FailureContext, hint: string): FailureView {
  return { message: `${failure.message}${hint}`, buttons: ['Show output'], onChoice: () => session.channel.show(true) };
}

/** Shows the failure with its buttons (answered later, without blocking the command) and returns the result. */
export async function reportFailure(failure: PublishFailure, folder: vscode.Uri, cli: CliInfo | undefined, session: PublishSession): Promise<PublishCommandResult> {
  const view = FAILURE_VIEWS[failure.kind]({ failure, folder, cli, session });
  const shown = view.info ? vscode.window.showInformationMessage(view.message, ...view.buttons) : vscode.window.showErrorMessage(view.message, ...view.buttons);
  // The notification stays until the user answers; the command's result does not wait for it.
  void shown.then((choice) => {
    if (choice && view.onChoice) view.onChoice(choice);
  });
  return { ok: false, failure: failure.kind, message: view.message, actions: view.buttons, ...view.extra };
}
