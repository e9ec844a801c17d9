import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The template folder to publish: the command's resource (a folder, or a file's folder), else the active
 * `.tf` editor's folder, else one the user picks (never for a scripted caller).
 */
export async function resolveFolder(resource: unknown, scripted: boolean): Promise<vscode.Uri | undefined> {
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
