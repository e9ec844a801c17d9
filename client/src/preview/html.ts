import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import { PREVIEW_CSS } from './styles';

/**
 * The page of the preview panel. Its Content-Security-Policy allows nothing but its own script and
 * style (by nonce) and inline images: no remote content, no eval, and it works offline.
 */
export function previewHtml(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src data:`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Workspace preview</title>
<style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="root"><p class="muted">Reading the template…</p></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}
