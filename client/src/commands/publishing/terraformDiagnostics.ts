import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TerraformError } from '../../coder/outcome';

export interface PlacedDiagnostics {
  first?: { uri: vscode.Uri; range: vscode.Range };
  placed: Array<{ file: string; line: number; message: string }>;
}

/** Puts each located Terraform error on its file and line; returns the first location. */
export function publishTerraformDiagnostics(collection: vscode.DiagnosticCollection, folder: vscode.Uri, errors: TerraformError[]): PlacedDiagnostics {
  const placed: PlacedDiagnostics['placed'] = [];
  const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  let first: PlacedDiagnostics['first'];
  for (const error of errors) {
    if (!error.file || !error.line) continue;
    // Terraform names files relative to the module; refuse anything that escapes the folder.
    const target = path.resolve(folder.fsPath, error.file);
    if (path.relative(folder.fsPath, target).startsWith('..')) continue;
    const uri = vscode.Uri.file(target);
    const range = new vscode.Range(error.line - 1, 0, error.line - 1, Number.MAX_SAFE_INTEGER);
    const diagnostic = new vscode.Diagnostic(range, error.detail ? `${error.summary}: ${error.detail}` : error.summary, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'coder-publish';
    placed.push({ file: target, line: error.line, message: diagnostic.message });
    const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
    entry.list.push(diagnostic);
    byFile.set(uri.toString(), entry);
    first ??= { uri, range };
  }
  for (const { uri, list } of byFile.values()) collection.set(uri, list);
  return { first, placed };
}
