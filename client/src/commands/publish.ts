import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands, type LintSummary, type TemplateVariable } from '../../../server/src/protocol';
import { stopBeforePush } from './pushBlocked';
import { isTerraformIdentifier, suggestTemplateName, validateTemplateName, validateVersionName } from '../coder/args';
import { deploymentUrl, templatePageUrl } from '../coder/deployment';
import type { PublishFailure, TerraformError } from '../coder/outcome';
import { detectCli, maskSensitiveArgs, publishTemplate, VersionCache, type CliInfo, type PublishOutcome } from '../coder/publisher';
import { FolderLocks } from '../coder/runner';
import type { PublishCommandSetting, PublishVerb } from '../coder/version';

const INSTALL_DOCS = 'https://coder.com/docs/install/cli';
const OUTPUT_CHANNEL = 'Coder';
const LOGIN_TERMINAL = 'Coder login';

/**
 * Values a caller may pass as the second argument of the commands (the scaffold flow, scripts, tests).
 * They pre-fill the prompts. With `skipPrompts`, nothing is asked: the values (or their defaults) are
 * used as given, which is what a caller that already asked the user, or a test, needs. Extensions run
 * with the same rights as this one, so this opens nothing they could not do already.
 */
export interface PublishPreset {
  templateName?: string;
  variables?: Record<string, string>;
  variablesFile?: string;
  message?: string;
  versionName?: string;
  organization?: string;
  skipPrompts?: boolean;
  /** With `skipPrompts`: publish even when lint finds errors (otherwise the command stops). */
  publishDespiteLintErrors?: boolean;
  /** With `skipPrompts`: the organisation to choose when the CLI asks for one. */
  organizationChoice?: string;
}

/** What the commands return, for callers and tests. Sensitive variable values are redacted. */
export interface PublishCommandResult {
  ok: boolean;
  verb?: PublishVerb;
  args?: string[];
  failure?: PublishFailure['kind'] | 'untrusted' | 'busy' | 'aborted-by-user' | 'lint-errors' | 'push-blocked';
  /** The notification text shown to the user. */
  message?: string;
  /** The buttons offered with it. */
  actions?: string[];
  /** Lines written to the "Coder" output channel during this run. */
  output?: string[];
  /** Messages shown in the progress notification. */
  progress?: string[];
  /** Organisations the CLI offered, when it asked for one. */
  organizationsOffered?: string[];
  /** "Open in Coder" target, when the deployment URL is known. */
  templateUrl?: string;
  /** Diagnostics put on the template's files from Terraform errors. */
  diagnostics?: Array<{ file: string; line: number; message: string }>;
}

export function registerPublishCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  output: vscode.OutputChannel,
): void {
  context.subscriptions.push(new PublishCommands(client, output));
}

/** "Coder: Create Template" and "Coder: Push Template". */
class PublishCommands implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('coder-publish');
  private readonly locks = new FolderLocks();
  private readonly versions = new VersionCache();
  private readonly disposables: vscode.Disposable[] = [];
  /** Runs in progress; stopped when the extension is deactivated so no CLI outlives the window. */
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      this.channel,
      this.diagnostics,
      vscode.commands.registerCommand(ClientCommands.createTemplate, (resource?: unknown, preset?: unknown) =>
        this.publish('create', resource, preset),
      ),
      vscode.commands.registerCommand(ClientCommands.pushTemplate, (resource?: unknown, preset?: unknown) =>
        this.publish('push', resource, preset),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('coderDind.coder.path')) this.versions.clear();
      }),
    );
  }

  dispose(): void {
    for (const controller of this.running) controller.abort();
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
    const folder = await this.resolveFolder(resource, preset.skipPrompts === true);
    if (!folder) return { ok: false, failure: 'aborted-by-user' };

    const release = this.locks.tryAcquire(folder.fsPath);
    if (!release) {
      const message = `A publish of ${folder.fsPath} is already running. Wait for it to finish or cancel it.`;
      void vscode.window.showWarningMessage(message);
      return { ok: false, failure: 'busy', message };
    }
    try {
      return await this.publishFolder(intent, folder, preset);
    } finally {
      release();
    }
  }

  private async publishFolder(intent: PublishVerb, folder: vscode.Uri, preset: PublishPreset): Promise<PublishCommandResult> {
    const config = vscode.workspace.getConfiguration('coderDind.coder', folder);
    const configuredPath = config.get<string>('path', '').trim();
    const publishCommand = config.get<PublishCommandSetting>('publishCommand', 'auto');
    const env = { ...process.env };

    const scripted = preset.skipPrompts === true;
    this.clearDiagnostics(folder);
    const summary = await this.executeServerCommand<LintSummary>(ServerCommands.lintFolder, folder);
    // What makes `coder templates push` fail however it is run stops here, before the CLI: no "publish anyway".
    const blocking = summary?.findings.filter((f) => f.blocksPush) ?? [];
    if (blocking.length) return stopBeforePush(folder, blocking, this.channel, this.diagnostics);
    const lint = await this.lintAllowsPublishing(summary, folder, scripted ? preset.publishDespiteLintErrors === true : undefined);
    if (lint !== 'publish') return { ok: false, failure: lint === 'blocked' ? 'lint-errors' : 'aborted-by-user' };

    const { located, cli } = await detectCli(configuredPath || undefined, env, this.versions);
    if (!cli) {
      const searched = located.found ? [] : located.searched;
      this.channel.appendLine(
        configuredPath
          ? `coderDind.coder.path is "${configuredPath}", but no executable was found there.`
          : `coder was not found on PATH (searched ${searched.length} locations).`,
      );
      return this.reportFailure({ kind: 'cli-not-found', message: 'The coder CLI was not found.' }, folder, undefined);
    }

    const defaultName = preset.templateName ?? suggestTemplateName(path.basename(folder.fsPath));
    if (scripted && validateTemplateName(defaultName)) {
      return { ok: false, failure: 'invalid-template-name', message: validateTemplateName(defaultName) };
    }
    const templateName = scripted ? defaultName : await vscode.window.showInputBox({
      title: `${intent === 'create' ? 'Create' : 'Push'} Coder template`,
      prompt: 'Template name in Coder (letters, digits and single hyphens, under 32 characters)',
      value: defaultName,
      validateInput: validateTemplateName,
      ignoreFocusOut: true,
    });
    if (templateName === undefined) return { ok: false, failure: 'aborted-by-user' };

    const values = await this.askVariables(folder, preset, scripted);
    if (!values) return { ok: false, failure: 'aborted-by-user' };

    const message = scripted ? preset.message ?? '' : await vscode.window.showInputBox({
      title: 'Version message (optional)',
      prompt: 'Describes this version in Coder. Leave empty for the CLI default ("Uploaded from the CLI").',
      value: preset.message ?? '',
      ignoreFocusOut: true,
    });
    if (message === undefined) return { ok: false, failure: 'aborted-by-user' };

    const verbHint = cli.version ? `coder ${cli.version.raw}` : 'coder (version unknown)';
    let organization = preset.organization ?? (config.get<string>('organization', '').trim() || undefined);
    // `--name` only exists on push, and the CLI applies it only when the template already exists.
    let versionName = preset.versionName && !validateVersionName(preset.versionName) ? preset.versionName : undefined;
    if (!scripted && intent === 'push') {
      const typed = await vscode.window.showInputBox({
        title: 'Version name (optional)',
        prompt: 'Name of the new template version. Leave empty to let Coder choose one.',
        value: versionName ?? '',
        validateInput: validateVersionName,
        ignoreFocusOut: true,
      });
      if (typed === undefined) return { ok: false, failure: 'aborted-by-user' };
      versionName = typed || undefined;
    }

    const confirm = scripted ? 'Publish' : await vscode.window.showInformationMessage(
      `Publish ${folder.fsPath} to Coder as template "${templateName}"?`,
      {
        modal: true,
        detail: `Runs ${verbHint} with the folder's files. ${organization ? `Organization: ${organization}. ` : ''}Nothing in the folder is changed.`,
      },
      'Publish',
    );
    if (confirm !== 'Publish') return { ok: false, failure: 'aborted-by-user' };

    // Re-run with --org when the CLI asks to choose an organisation.
    let organizationsOffered: string[] | undefined;
    for (;;) {
      const outcome = await this.runWithProgress({
        cli,
        intent,
        publishCommand,
        folder,
        templateName,
        values,
        message,
        organization,
        versionName,
        env,
      });
      if (!outcome.ok && (outcome.failure.kind === 'select-organization' || outcome.failure.kind === 'unknown-organization')) {
        organizationsOffered = outcome.failure.organizations ?? [];
        const offered = organizationsOffered;
        const picked = scripted
          ? offered.find((o) => o === preset.organizationChoice && o !== organization)
          : await vscode.window.showQuickPick(offered, {
              title: outcome.failure.message,
              placeHolder: 'Organization to publish to',
              ignoreFocusOut: true,
            });
        if (picked) {
          organization = picked;
          continue;
        }
      }
      const result = await this.finish(outcome, folder, templateName, organization, versionName, values.sensitive, cli);
      return { ...result, output: outcome.output, progress: outcome.progress, organizationsOffered };
    }
  }

  /**
   * Lints the folder through the server. Errors are listed in the "Coder" output and the user decides
   * (`scriptedAnswer` answers for a scripted caller); a server that cannot lint does not block.
   */
  private async lintAllowsPublishing(summary: LintSummary | undefined, folder: vscode.Uri, scriptedAnswer: boolean | undefined): Promise<'publish' | 'declined' | 'blocked'> {
    if (!summary || !(summary.errors > 0)) return 'publish';
    this.channel.appendLine(`Lint found ${summary.errors} error(s) and ${summary.warnings} warning(s) in ${folder.fsPath}:`);
    for (const f of summary.findings.filter((x) => x.severity === 'error')) {
      this.channel.appendLine(`  ${f.file}:${f.line}  ${f.message}  [${f.rule}]`);
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
      this.channel.show(true);
      void vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return choice === 'Publish anyway' ? 'publish' : 'declined';
  }

  private async executeServerCommand<T>(command: string, folder: vscode.Uri): Promise<T | undefined> {
    const client = this.client();
    if (!client) return undefined;
    try {
      return await client.sendRequest<T>('workspace/executeCommand', { command, arguments: [folder.toString()] });
    } catch (error) {
      this.log.appendLine(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Values for the template's variables without defaults: typed one by one, or a YAML variables file. */
  private async askVariables(
    folder: vscode.Uri,
    preset: PublishPreset,
    scripted: boolean,
  ): Promise<{ variables: Array<{ name: string; value: string }>; variablesFile?: string; sensitive: string[] } | undefined> {
    const all = (await this.executeServerCommand<TemplateVariable[]>(ServerCommands.templateVariables, folder)) ?? [];
    const required = all.filter((v) => !v.hasDefault && isTerraformIdentifier(v.name));
    const sensitiveNames = new Set(all.filter((v) => v.sensitive).map((v) => v.name));
    const result = { variables: [] as Array<{ name: string; value: string }>, variablesFile: preset.variablesFile, sensitive: [] as string[] };
    const presetValues = preset.variables ?? {};
    for (const [name, value] of Object.entries(presetValues)) {
      if (!isTerraformIdentifier(name)) continue;
      result.variables.push({ name, value });
      if (sensitiveNames.has(name)) result.sensitive.push(value);
    }
    const missing = required.filter((v) => !(v.name in presetValues));
    // Values set on earlier versions are kept by Coder, so nothing here is mandatory.
    if (missing.length === 0 || preset.variablesFile || scripted) return result;

    type Item = vscode.QuickPickItem & { variable?: TemplateVariable; file?: true };
    const items: Item[] = [
      ...missing.map((v) => ({
        label: v.name,
        description: [v.type, v.sensitive ? 'sensitive' : undefined].filter(Boolean).join(' · ') || undefined,
        detail: v.description,
        picked: true,
        variable: v,
      })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(file) Use a variables file (YAML)…', detail: 'Passed with --variables-file; name: value pairs.', file: true },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Variables without defaults',
      placeHolder: 'Choose the variables to set now (Coder keeps values set on earlier versions)',
      canPickMany: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.some((i) => i.file)) {
      const file = await vscode.window.showOpenDialog({
        title: 'Variables file',
        canSelectMany: false,
        defaultUri: folder,
        filters: { 'YAML variables file': ['yaml', 'yml'] },
      });
      if (!file?.[0]) return undefined;
      result.variablesFile = file[0].fsPath;
    }
    for (const item of picked) {
      const variable = item.variable;
      if (!variable) continue;
      const value = await vscode.window.showInputBox({
        title: `Value for var.${variable.name}`,
        prompt: variable.description ?? (variable.type ? `Type: ${variable.type}` : undefined),
        password: variable.sensitive,
        ignoreFocusOut: true,
      });
      if (value === undefined) return undefined;
      result.variables.push({ name: variable.name, value });
      if (variable.sensitive) result.sensitive.push(value);
    }
    return result;
  }

  private runWithProgress(options: {
    cli: CliInfo;
    intent: PublishVerb;
    publishCommand: PublishCommandSetting;
    folder: vscode.Uri;
    templateName: string;
    values: { variables: Array<{ name: string; value: string }>; variablesFile?: string; sensitive: string[] };
    message: string;
    organization?: string;
    versionName?: string;
    env: NodeJS.ProcessEnv;
  }): Thenable<PublishOutcome & { output: string[]; progress: string[] }> {
    this.clearDiagnostics(options.folder);
    const output: string[] = [];
    const progressMessages: string[] = [];
    const write = (line: string) => {
      output.push(line);
      this.channel.appendLine(line);
    };
    const report = (progress: vscode.Progress<{ message?: string }>, message: string) => {
      progressMessages.push(message);
      progress.report({ message });
    };
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Publishing "${options.templateName}" to Coder`,
        cancellable: true,
      },
      async (progress, token) => {
        const controller = new AbortController();
        this.running.add(controller);
        const subscription = token.onCancellationRequested(() => controller.abort());
        report(progress, 'starting the coder CLI…');
        try {
          const outcome = await publishTemplate({
            cli: options.cli,
            intent: options.intent,
            publishCommand: options.publishCommand,
            templateName: options.templateName,
            directory: options.folder.fsPath,
            variables: options.values.variables,
            variablesFile: options.values.variablesFile,
            message: options.message,
            organization: options.organization,
            versionName: options.versionName,
            env: options.env,
            sensitiveValues: options.values.sensitive,
            signal: controller.signal,
            onStart: (commandLine) => {
              this.channel.show(true);
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
          this.running.delete(controller);
        }
      },
    );
  }

  private async finish(
    outcome: PublishOutcome,
    folder: vscode.Uri,
    templateName: string,
    organization: string | undefined,
    versionName: string | undefined,
    sensitive: string[],
    cli: CliInfo,
  ): Promise<PublishCommandResult> {
    const exit = outcome.run.signal ? `signal ${outcome.run.signal}` : `exit code ${outcome.run.exitCode ?? 'none'}`;
    this.channel.appendLine(`[${outcome.ok ? 'published' : outcome.failure.kind}; ${exit}]`);
    const args = maskSensitiveArgs(outcome.args, sensitive);
    if (outcome.ok) {
      const base = deploymentUrl({
        env: process.env,
        platform: process.platform,
        homeDir: homedir(),
        readFile: (f) => {
          try {
            return readFileSync(f, 'utf8');
          } catch {
            return undefined;
          }
        },
      });
      const action = outcome.success.created ? 'created' : 'updated';
      const version = versionName && outcome.verb === 'push' && !outcome.success.created ? ` Version: ${versionName}.` : '';
      const message = `Template "${templateName}" was ${action} in Coder.${version}`;
      const templateUrl = base ? templatePageUrl(base, templateName, organization) : undefined;
      const buttons = templateUrl ? ['Open in Coder', 'Show output'] : ['Show output'];
      void vscode.window.showInformationMessage(message, ...buttons).then((choice) => {
        if (choice === 'Open in Coder' && templateUrl) void vscode.env.openExternal(vscode.Uri.parse(templateUrl));
        if (choice === 'Show output') this.channel.show(true);
      });
      return { ok: true, verb: outcome.verb, args, message, actions: buttons, templateUrl };
    }
    const result = await this.reportFailure(outcome.failure, folder, cli);
    return { ...result, verb: outcome.verb, args };
  }

  private async reportFailure(failure: PublishFailure, folder: vscode.Uri, cli: CliInfo | undefined): Promise<PublishCommandResult> {
    let actions: string[] = [];
    const show = (message: string, ...buttons: string[]): Thenable<string | undefined> => {
      actions = buttons;
      return vscode.window.showErrorMessage(message, ...buttons);
    };
    const done = (message: string, extra: Partial<PublishCommandResult> = {}): PublishCommandResult => ({
      ok: false,
      failure: failure.kind,
      message,
      actions,
      ...extra,
    });
    switch (failure.kind) {
      case 'cli-not-found': {
        const message = `${failure.message} Install it, or set "coderDind.coder.path" to the coder executable.`;
        void show(message, 'Set path…', 'Install docs').then((choice) => {
          if (choice === 'Set path…') void vscode.commands.executeCommand('workbench.action.openSettings', 'coderDind.coder.path');
          if (choice === 'Install docs') void vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS));
        });
        return done(message);
      }
      case 'not-logged-in': {
        const message = 'The coder CLI is not logged in to a Coder deployment. Log in, then publish again.';
        void show(message, 'Log in…', 'Show output').then((choice) => {
          if (choice === 'Log in…' && cli) void this.login(cli.path);
          if (choice === 'Show output') this.channel.show(true);
        });
        return done(message);
      }
      case 'provisioner-failed': {
        const { first: located, placed } = this.publishTerraformDiagnostics(folder, failure.terraformErrors ?? []);
        const message = `${failure.message} Fix the template and publish again.`;
        const buttons = located ? ['Show problem', 'Show output'] : ['Show output'];
        void show(message, ...buttons).then((choice) => {
          if (choice === 'Show problem' && located) void vscode.window.showTextDocument(located.uri, { selection: located.range });
          if (choice === 'Show output') this.channel.show(true);
        });
        return done(message, { diagnostics: placed });
      }
      case 'template-exists': {
        const message = `${failure.message}`;
        void show(message, 'Push instead', 'Show output').then((choice) => {
          if (choice === 'Push instead') void vscode.commands.executeCommand(ClientCommands.pushTemplate, folder);
          if (choice === 'Show output') this.channel.show(true);
        });
        return done(message);
      }
      case 'cancelled': {
        const message = 'Publishing was cancelled; the coder CLI was stopped.';
        void vscode.window.showInformationMessage(message);
        return done(message);
      }
      case 'select-organization':
      case 'unknown-organization': {
        const message = `${failure.message} Set "coderDind.coder.organization" to publish there every time.`;
        void show(message, 'Set organization…').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'coderDind.coder.organization');
        });
        return done(message);
      }
      case 'invalid-template-name':
      case 'unknown-flag':
      case 'other': {
        const hint = failure.kind === 'unknown-flag' ? ' Update the coder CLI, or leave that option empty.' : ' See the "Coder" output for details.';
        const message = `${failure.message}${hint}`;
        void show(message, 'Show output').then((choice) => {
          if (choice) this.channel.show(true);
        });
        return done(message);
      }
    }
  }

  /** Interactive, so it runs in a terminal: the CLI opens a browser or asks for a token. */
  private async login(coderPath: string): Promise<void> {
    const current = deploymentUrl({ env: process.env, platform: process.platform, homeDir: homedir(), readFile: () => undefined });
    const url = await vscode.window.showInputBox({
      title: 'Log in to Coder',
      prompt: 'URL of your Coder deployment',
      value: current ?? 'https://',
      ignoreFocusOut: true,
      validateInput: (text) => {
        try {
          const u = new URL(text);
          return u.protocol === 'https:' || u.protocol === 'http:' ? undefined : 'Use an http(s) URL.';
        } catch {
          return 'Enter the URL of your Coder deployment, for example https://coder.example.com.';
        }
      },
    });
    if (!url) return;
    // shellPath/shellArgs start the CLI directly: no shell parses the URL.
    const terminal = vscode.window.createTerminal({ name: LOGIN_TERMINAL, shellPath: coderPath, shellArgs: ['login', url] });
    terminal.show();
  }

  private clearDiagnostics(folder: vscode.Uri): void {
    const prefix = folder.fsPath.endsWith(path.sep) ? folder.fsPath : folder.fsPath + path.sep;
    this.diagnostics.forEach((uri) => {
      if (uri.fsPath.startsWith(prefix)) this.diagnostics.delete(uri);
    });
  }

  /** Puts each located Terraform error on its file and line; returns the first location. */
  private publishTerraformDiagnostics(
    folder: vscode.Uri,
    errors: TerraformError[],
  ): { first?: { uri: vscode.Uri; range: vscode.Range }; placed: Array<{ file: string; line: number; message: string }> } {
    const placed: Array<{ file: string; line: number; message: string }> = [];
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    let first: { uri: vscode.Uri; range: vscode.Range } | undefined;
    for (const error of errors) {
      if (!error.file || !error.line) continue;
      // Terraform names files relative to the module; refuse anything that escapes the folder.
      const target = path.resolve(folder.fsPath, error.file);
      if (path.relative(folder.fsPath, target).startsWith('..')) continue;
      const uri = vscode.Uri.file(target);
      const range = new vscode.Range(error.line - 1, 0, error.line - 1, Number.MAX_SAFE_INTEGER);
      const diagnostic = new vscode.Diagnostic(
        range,
        error.detail ? `${error.summary}: ${error.detail}` : error.summary,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'coder-publish';
      placed.push({ file: target, line: error.line, message: diagnostic.message });
      const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
      entry.list.push(diagnostic);
      byFile.set(uri.toString(), entry);
      first ??= { uri, range };
    }
    for (const { uri, list } of byFile.values()) this.diagnostics.set(uri, list);
    return { first, placed };
  }

  private async resolveFolder(resource: unknown, scripted: boolean): Promise<vscode.Uri | undefined> {
    let candidate: vscode.Uri | undefined;
    if (resource instanceof vscode.Uri) candidate = resource;
    else if (typeof resource === 'string' && resource.length > 0) candidate = resource.includes('://') ? vscode.Uri.parse(resource) : vscode.Uri.file(resource);
    else {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && doc.uri.scheme === 'file' && doc.uri.fsPath.endsWith('.tf')) candidate = doc.uri;
    }
    if (candidate && candidate.scheme === 'file') {
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        return stat.type & vscode.FileType.Directory ? candidate : vscode.Uri.file(path.dirname(candidate.fsPath));
      } catch {
        // Gone; ask instead.
      }
    }
    if (scripted) return undefined;
    const picked = await vscode.window.showOpenDialog({
      title: 'Template folder to publish',
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: 'Publish this folder',
    });
    return picked?.[0];
  }
}

function asPreset(value: unknown): PublishPreset {
  // The Explorer passes the selected URIs as the second argument; only a plain object is a preset.
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof vscode.Uri) return {};
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const variables =
    v.variables && typeof v.variables === 'object' && !Array.isArray(v.variables)
      ? Object.fromEntries(Object.entries(v.variables as Record<string, unknown>).filter(([, x]) => typeof x === 'string')) as Record<string, string>
      : undefined;
  return {
    templateName: str(v.templateName),
    variables,
    variablesFile: str(v.variablesFile),
    message: str(v.message),
    versionName: str(v.versionName),
    organization: str(v.organization),
    skipPrompts: v.skipPrompts === true,
    publishDespiteLintErrors: v.publishDespiteLintErrors === true,
    organizationChoice: str(v.organizationChoice),
  };
}

