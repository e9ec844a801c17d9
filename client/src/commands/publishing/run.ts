import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { deploymentUrl, templatePageUrl } from '../../coder/deployment';
import { maskSensitiveArgs, publishTemplate, type PublishOutcome } from '../../coder/publisher';
import { reportFailure } from './failures';
import type { CompletePlan, PublishCommandResult, PublishPlan } from './plan';
import { clearPublishDiagnostics, type PublishSession } from './session';
import { PUBLISH_STEPS } from './steps';

type RunOutcome = PublishOutcome & { output: string[]; progress: string[] };

/** Runs the steps over the plan, then the CLI (again with `--org` when it asks for an organisation). */
export async function runPublish(plan: PublishPlan, session: PublishSession): Promise<PublishCommandResult> {
  for (const step of PUBLISH_STEPS) {
    const stop = await step(plan, session);
    if (stop) return stop;
  }
  const ready = plan as CompletePlan;
  let organizationsOffered: string[] | undefined;
  for (;;) {
    const outcome = await runWithProgress(ready, session);
    if (!outcome.ok && (outcome.failure.kind === 'select-organization' || outcome.failure.kind === 'unknown-organization')) {
      const offered = (organizationsOffered = outcome.failure.organizations ?? []);
      const picked = ready.scripted
        ? offered.find((o) => o === ready.preset.organizationChoice && o !== ready.organization)
        : await vscode.window.showQuickPick(offered, { title: outcome.failure.message, placeHolder: 'Organization to publish to', ignoreFocusOut: true });
      if (picked) {
        ready.organization = picked;
        continue;
      }
    }
    const result = await finish(outcome, ready, session);
    return { ...result, output: outcome.output, progress: outcome.progress, organizationsOffered };
  }
}

/** The CLI run under a cancellable progress notification that follows the provisioner's stages. */
function runWithProgress(plan: CompletePlan, session: PublishSession): Thenable<RunOutcome> {
  clearPublishDiagnostics(session, plan.folder);
  const output: string[] = [];
  const progressMessages: string[] = [];
  const write = (line: string) => {
    output.push(line);
    session.channel.appendLine(line);
  };
  const report = (progress: vscode.Progress<{ message?: string }>, message: string) => {
    progressMessages.push(message);
    progress.report({ message });
  };
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Publishing "${plan.templateName}" to Coder`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      session.running.add(controller);
      const subscription = token.onCancellationRequested(() => controller.abort());
      report(progress, 'starting the coder CLI…');
      try {
        const outcome = await publishTemplate({
          cli: plan.cli,
          intent: plan.intent,
          publishCommand: plan.publishCommand,
          templateName: plan.templateName,
          directory: plan.folder.fsPath,
          variables: plan.values.variables,
          variablesFile: plan.values.variablesFile,
          message: plan.message,
          organization: plan.organization,
          versionName: plan.versionName,
          env: plan.env,
          sensitiveValues: plan.values.sensitive,
          signal: controller.signal,
          onStart: (commandLine) => {
            session.channel.show(true);
            write(`$ ${commandLine}`);
          },
          onLine: (line) => {
            write(line);
            // The CLI announces each provisioner stage as "==> ⧗ <stage>".
            const stage = /^==> ⧗ (.+)$/.exec(line.trim());
            if (stage) report(progress, stage[1]);
          },
        });
        return { ...outcome, output, progress: progressMessages };
      } finally {
        subscription.dispose();
        session.running.delete(controller);
      }
    },
  );
}

async function finish(outcome: PublishOutcome, plan: CompletePlan, session: PublishSession): Promise<PublishCommandResult> {
  const exit = outcome.run.signal ? `signal ${outcome.run.signal}` : `exit code ${outcome.run.exitCode ?? 'none'}`;
  session.channel.appendLine(`[${outcome.ok ? 'published' : outcome.failure.kind}; ${exit}]`);
  const args = maskSensitiveArgs(outcome.args, plan.values.sensitive);
  if (!outcome.ok) return { ...(await reportFailure(outcome.failure, plan.folder, plan.cli, session)), verb: outcome.verb, args };
  const base = deploymentUrl({ env: process.env, platform: process.platform, homeDir: homedir(), readFile: readIfPresent });
  const action = outcome.success.created ? 'created' : 'updated';
  const version = plan.versionName && outcome.verb === 'push' && !outcome.success.created ? ` Version: ${plan.versionName}.` : '';
  const message = `Template "${plan.templateName}" was ${action} in Coder.${version}`;
  const templateUrl = base ? templatePageUrl(base, plan.templateName, plan.organization) : undefined;
  const buttons = templateUrl ? ['Open in Coder', 'Show output'] : ['Show output'];
  // The notification stays until the user answers; the command's result does not wait for it.
  void vscode.window.showInformationMessage(message, ...buttons).then((choice) => {
    if (choice === 'Open in Coder' && templateUrl) void vscode.env.openExternal(vscode.Uri.parse(templateUrl));
    if (choice === 'Show output') session.channel.show(true);
  });
  return { ok: true, verb: outcome.verb, args, message, actions: buttons, templateUrl };
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
