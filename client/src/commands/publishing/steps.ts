import * as path from 'node:path';
import * as vscode from 'vscode';
import { ServerCommands, type LintSummary } from '../../../../shared/src/protocol';
import { suggestTemplateName, validateTemplateName, validateVersionName } from '../../coder/args';
import { detectCli } from '../../coder/publisher';
import { stopBeforePush } from '../pushBlocked';
import { reportFailure } from './failures';
import { ABORTED, type PublishCommandResult, type PublishPlan } from './plan';
import { clearPublishDiagnostics, executeServerCommand, type PublishSession } from './session';
import { askVariables } from './variables';

/**
 * One question or check of a publish, in the order the user meets them. A step fills its field of the
 * plan and returns nothing to go on, or the command's result to stop there (a cancelled prompt, a
 * blocking finding, no CLI).
 */
export type PublishStep = (plan: PublishPlan, session: PublishSession) => Promise<PublishCommandResult | undefined>;

/** Lint through the server: what `coder templates push` refuses stops here; other errors are the user's call. */
const lint: PublishStep = async (plan, session) => {
  clearPublishDiagnostics(session, plan.folder);
  const summary = await executeServerCommand<LintSummary>(session, ServerCommands.lintFolder, plan.folder);
  // What makes `coder templates push` fail however it is run stops here, before the CLI: no "publish anyway".
  const blocking = summary?.findings.filter((f) => f.blocksPush) ?? [];
  if (blocking.length) return stopBeforePush(plan.folder, blocking, session.channel, session.diagnostics);
  const answer = plan.scripted ? plan.preset.publishDespiteLintErrors === true : undefined;
  const decision = await lintAllowsPublishing(summary, plan.folder, answer, session.channel);
  return decision === 'publish' ? undefined : { ok: false, failure: decision === 'blocked' ? 'lint-errors' : 'aborted-by-user' };
};

/**
 * Errors are listed in the "Coder" output and the user decides (`scriptedAnswer` answers for a scripted
 * caller); a server that cannot lint does not block.
 */
async function lintAllowsPublishing(
  summary: LintSummary | undefined,
  folder: vscode.Uri,
  scriptedAnswer: boolean | undefined,
  channel: vscode.OutputChannel,
): Promise<'publish' | 'declined' | 'blocked'> {
  if (!summary || !(summary.errors > 0)) return 'publish';
  channel.appendLine(`Lint found ${summary.errors} error(s) and ${summary.warnings} warning(s) in ${folder.fsPath}:`);
  for (const f of summary.findings.filter((x) => x.severity === 'error')) {
    channel.appendLine(`  ${f.file}:${f.line}  ${f.message}  [${f.rule}]`);
  }
  const first = summary.findings.find((x) => x.severity === 'error');
  if (scriptedAnswer !== undefined) return scriptedAnswer ? 'publish' : 'blocked';
  const choice = await vscode.window.showWarningMessage(
    `The template has ${summary.errors} lint error${summary.errors === 1 ? '' : 's'}. Publish anyway?`,
    {
      modal: true,
      detail: first ? `First: ${first.file}:${first.line} ${first.message}. All of them are in the "Coder" output.` : undefined,
    },
    'Publish anyway',
    'Show errors',
  );
  if (choice === 'Show errors') {
    channel.show(true);
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return choice === 'Publish anyway' ? 'publish' : 'declined';
}

const findCli: PublishStep = async (plan, session) => {
  const { located, cli } = await detectCli(plan.configuredPath || undefined, plan.env, session.versions);
  if (cli) {
    plan.cli = cli;
    return undefined;
  }
  const searched = located.found ? [] : located.searched;
  session.channel.appendLine(
    plan.configuredPath
      ? `coderDind.coder.path is "${plan.configuredPath}", but no executable was found there.`
      : `coder was not found on PATH (searched ${searched.length} locations).`,
  );
  return reportFailure({ kind: 'cli-not-found', message: 'The coder CLI was not found.' }, plan.folder, undefined, session);
};

const templateName: PublishStep = async (plan) => {
  const suggested = plan.preset.templateName ?? suggestTemplateName(path.basename(plan.folder.fsPath));
  if (plan.scripted && validateTemplateName(suggested)) {
    return { ok: false, failure: 'invalid-template-name', message: validateTemplateName(suggested) };
  }
  plan.templateName = plan.scripted ? suggested : await vscode.window.showInputBox({
    title: `${plan.intent === 'create' ? 'Create' : 'Push'} Coder template`,
    prompt: 'Template name in Coder (letters, digits and single hyphens, under 32 characters)',
    value: suggested,
    validateInput: validateTemplateName,
    ignoreFocusOut: true,
  });
  return plan.templateName === undefined ? ABORTED : undefined;
};

const variables: PublishStep = async (plan, session) => {
  plan.values = await askVariables(plan, session);
  return plan.values ? undefined : ABORTED;
};

const versionMessage: PublishStep = async (plan) => {
  plan.message = plan.scripted ? plan.preset.message ?? '' : await vscode.window.showInputBox({
    title: 'Version message (optional)',
    prompt: 'Describes this version in Coder. Leave empty for the CLI default ("Uploaded from the CLI").',
    value: plan.preset.message ?? '',
    ignoreFocusOut: true,
  });
  return plan.message === undefined ? ABORTED : undefined;
};

/** `--name` only exists on push, and the CLI applies it only when the template already exists. */
const versionName: PublishStep = async (plan) => {
  const preset = plan.preset.versionName;
  plan.versionName = preset && !validateVersionName(preset) ? preset : undefined;
  if (plan.scripted || plan.intent !== 'push') return undefined;
  const typed = await vscode.window.showInputBox({
    title: 'Version name (optional)',
    prompt: 'Name of the new template version. Leave empty to let Coder choose one.',
    value: plan.versionName ?? '',
    validateInput: validateVersionName,
    ignoreFocusOut: true,
  });
  if (typed === undefined) return ABORTED;
  plan.versionName = typed || undefined;
  return undefined;
};

const confirm: PublishStep = async (plan) => {
  if (plan.scripted) return undefined;
  const cliName = plan.cli?.version ? `coder ${plan.cli.version.raw}` : 'coder (version unknown)';
  const choice = await vscode.window.showInformationMessage(
    `Publish ${plan.folder.fsPath} to Coder as template "${plan.templateName}"?`,
    {
      modal: true,
      detail: `Runs ${cliName} with the folder's files. ${plan.organization ? `Organization: ${plan.organization}. ` : ''}Nothing in the folder is changed.`,
    },
    'Publish',
  );
  return choice === 'Publish' ? undefined : ABORTED;
};

/** The steps before the CLI runs, in order. */
export const PUBLISH_STEPS: readonly PublishStep[] = [lint, findCli, templateName, variables, versionMessage, versionName, confirm];
