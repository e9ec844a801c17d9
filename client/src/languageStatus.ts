import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerRequests, type TemplateStatus, type TemplateStatusParams } from '../../shared/src/protocol';
import { describeMethod, describeServer, type FindingCounts, type ItemView, type ServerState } from './statusView';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

/** Diagnostics arrive after every lint; asking the server once they settle keeps the method current. */
const TEMPLATE_REFRESH_MS = 300;

const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'terraform' },
  { scheme: 'untitled', language: 'terraform' },
];

/**
 * The language status of Terraform files ("{}" beside the language mode): one item for the server's
 * state and the findings in the active file's folder, whose command shows the server's log, and one
 * for the Docker-in-workspace method the server detects in that file's template, whose command opens
 * the method's docs.
 */
export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('coderDind.server', SELECTOR);
  private methodItem: vscode.LanguageStatusItem | undefined;
  private readonly disposables: vscode.Disposable[] = [this.item];
  private server: ServerState = { kind: 'starting' };
  private template: { uri: string; status: TemplateStatus } | undefined;
  private asked = 0;
  private lastTerraform: vscode.Uri | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'coder-dind language server';
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
    this.methodItem?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * The Terraform file the items are about. VS Code shows them for the active code editor, while the
   * API's active editor becomes the Output panel when that has the focus: keep the last Terraform one.
   */
  private activeUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'terraform') this.lastTerraform = document.uri;
    return this.lastTerraform;
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
    show(this.item, describeServer(this.server, active ? this.countFindings(active) : { total: 0, errors: 0 }));
    const template = active && this.server.kind === 'running' && this.template?.uri === active.toString() ? this.template.status : undefined;
    // The editor title's preview button shows on Coder templates only.
    void vscode.commands.executeCommand('setContext', 'coderDind.coderTemplate', !!template?.isCoderTemplate);
    if (!template) {
      this.methodItem?.dispose();
      this.methodItem = undefined;
      return;
    }
    if (!this.methodItem) {
      this.methodItem = vscode.languages.createLanguageStatusItem('coderDind.method', SELECTOR);
      this.methodItem.name = 'Docker-in-workspace method';
    }
    show(this.methodItem, describeMethod(template));
    this.methodItem.command = template.method
      ? { title: 'Docs', command: ClientCommands.showMethodDocs, tooltip: `Open Coder's documentation of ${template.method.title}` }
      : undefined;
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

function show(item: vscode.LanguageStatusItem, view: ItemView): void {
  item.text = view.text;
  item.detail = view.detail;
  item.severity = SEVERITY[view.severity];
  item.busy = view.busy;
  const detail = view.detail.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  item.accessibilityInformation = { label: detail ? `${view.text}: ${detail}` : view.text };
}

function sameFolder(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.scheme === b.scheme && vscode.Uri.joinPath(a, '..').toString() === vscode.Uri.joinPath(b, '..').toString();
}
