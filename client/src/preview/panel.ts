import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PreviewRequests,
  type FromPreviewPage,
  type PreviewLocation,
  type PreviewParams,
  type PreviewValidateParams,
  type PreviewValidation,
  type ToPreviewPage,
  type WorkspacePreview,
} from '../../../shared/src/preview';
import { previewHtml } from './html';

/** Milliseconds between the last keystroke in the template and asking the server for a new preview. */
const UPDATE_DELAY_MS = 300;

/**
 * "Coder: Preview Workspace": one panel beside the editor showing the template of the active Terraform
 * file as Coder's create-workspace form and workspace page. Everything it shows comes from the server
 * (`coderDind/preview`); the panel never parses the template and never edits it.
 */
export class PreviewPanel implements vscode.Disposable {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private asked = 0;

  static show(extensionUri: vscode.Uri, client: () => LanguageClient | undefined, uri: vscode.Uri): void {
    if (PreviewPanel.current) {
      PreviewPanel.current.follow(uri);
      PreviewPanel.current.panel.reveal(undefined, true);
      return;
    }
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('coderDind.preview', 'Workspace Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist],
      // Values typed in the form stay when the panel is hidden behind another tab.
      retainContextWhenHidden: true,
    });
    panel.webview.html = previewHtml(panel.webview, vscode.Uri.joinPath(dist, 'preview.js'));
    PreviewPanel.current = new PreviewPanel(panel, client, uri);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private uri: vscode.Uri,
  ) {
    this.setTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromPreviewPage) =>
        this.receive(message).catch((error: unknown) => void vscode.window.showWarningMessage(`Workspace preview: ${error instanceof Error ? error.message : String(error)}`)),
      ),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length && sameFolder(event.document.uri, this.uri)) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'terraform' && !sameFolder(editor.document.uri, this.uri)) this.follow(editor.document.uri);
      }),
    );
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  /** Shows another template (the active editor moved to a file of another folder). */
  private follow(uri: vscode.Uri): void {
    const moved = !sameFolder(uri, this.uri);
    this.uri = uri;
    if (!moved) return;
    this.setTitle();
    void this.refresh();
  }

  private setTitle(): void {
    this.panel.title = `Preview ${path.basename(path.dirname(this.uri.path))}`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  private post(message: ToPreviewPage): void {
    void this.panel.webview.postMessage(message);
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) return this.post({ type: 'unavailable', message: 'The coder-dind language server is not running.' });
    const ask = ++this.asked;
    const params: PreviewParams = { uri: this.uri.toString() };
    const preview = await client.sendRequest<WorkspacePreview | null>(PreviewRequests.preview, params).catch(() => null);
    if (ask !== this.asked) return; // a later question is under way
    if (!preview) return this.post({ type: 'unavailable', message: 'The language server could not read this template; see its output.' });
    this.post({ type: 'preview', preview, folder: path.basename(path.dirname(this.uri.path)) });
  }

  private async receive(message: FromPreviewPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'reveal':
        return reveal(message.location);
      case 'validate': {
        const params: PreviewValidateParams = { uri: this.uri.toString(), parameter: message.parameter, value: message.value };
        const result = await this.client()
          ?.sendRequest<PreviewValidation | null>(PreviewRequests.validate, params)
          .catch(() => null);
        this.post({ type: 'validation', parameter: message.parameter, value: message.value, result: result ?? { status: 'unknown', reason: 'the language server did not answer' } });
      }
    }
  }
}

/** Opens the file of a block with the cursor at its start and the block in view. */
async function reveal(location: PreviewLocation): Promise<void> {
  const uri = vscode.Uri.parse(location.uri);
  // The page only names blocks of the template; anything else is not opened.
  if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return;
  const { start, end } = location.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(range.start, range.start) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function sameFolder(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.scheme === b.scheme && vscode.Uri.joinPath(a, '..').toString() === vscode.Uri.joinPath(b, '..').toString();
}
