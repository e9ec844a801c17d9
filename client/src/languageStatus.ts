import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerRequests, type TemplateStatus, type TemplateStatusParams } from '../../server/src/protocol';
import { describeStatus, type FindingCounts, type ServerState } from './statusView';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

/** Diagnostics arrive after every lint; asking the server once they settle keeps the method current. */
const TEMPLATE_REFRESH_MS = 300;

/**
 * The language status item of Terraform files ("{}" beside the language mode): the server's state, the
 * detected Docker-in-workspace method of the active file's template, and the findings in its folder.
 */
export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('coderDind.status', [
    { scheme: 'file', language: 'terraform' },
    { scheme: 'untitled', language: 'terraform' },
  ]);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private server: ServerState = { kind: 'starting' };
  private template: { uri: string; status: TemplateStatus } | undefined;
  private asked = 0;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Coder Docker-in-Workspace';
    this.item.command = { title: 'Show Output', command: ClientCommands.showOutput, tooltip: "Show the language server's log" };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshTemplate()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = this.activeUri();
        if (!active || !event.uris.some((uri) => sameFolder(uri, active))) return;
        this.render();
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.refreshTemplate(), TEMPLATE_REFRESH_MS);
      }),
    );
    this.render();
  }

  setServer(state: ServerState): void {
    this.server = state;
    if (state.kind === 'running') this.refreshTemplate();
    this.render();
  }

  /** The method detected in the active file's template, if the server named one. */
  activeMethod(): TemplateStatus['method'] {
    const active = this.activeUri();
    return active && this.template?.uri === active.toString() ? this.template.status.method : null;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }

  private activeUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'terraform' ? document.uri : undefined;
  }

  private refreshTemplate(): void {
    const active = this.activeUri();
    const client = this.client();
    if (!active || !client?.isRunning()) return this.render();
    const ask = ++this.asked;
    const params: TemplateStatusParams = { uri: active.toString() };
    client.sendRequest<TemplateStatus | null>(ServerRequests.templateStatus, params).then(
      (status) => {
        if (ask !== this.asked) return; // a later question is under way
        this.template = status ? { uri: params.uri, status } : undefined;
        this.render();
      },
      () => undefined, // the server went away; its state change renders the item
    );
  }

  private render(): void {
    const active = this.activeUri();
    const template = active && this.template?.uri === active.toString() ? this.template.status : undefined;
    const view = describeStatus(this.server, template, active ? this.countFindings(active) : { total: 0, errors: 0 });
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
    this.item.accessibilityInformation = { label: `${view.text}. ${view.detail.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')}` };
  }

  /** This extension's diagnostics on the files of the active file's folder (the template's module). */
  private countFindings(active: vscode.Uri): FindingCounts {
    const counts = { total: 0, errors: 0 };
    this.client()?.diagnostics?.forEach((uri, diagnostics) => {
      if (!sameFolder(uri, active)) return;
      counts.total += diagnostics.length;
      counts.errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    });
    return counts;
  }
}

function sameFolder(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.scheme === b.scheme && vscode.Uri.joinPath(a, '..').toString() === vscode.Uri.joinPath(b, '..').toString();
}
