import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintSummaryFinding } from '../../../shared/src/protocol';

/** What the publish commands return when they stop before the CLI (see publish.ts). */
export interface PushBlocked {
  ok: false;
  failure: 'push-blocked';
  message: string;
  actions: string[];
  diagnostics: Array<{ file: string; line: number; message: string }>;
}

/**
 * Stops a publish that `coder templates push` would refuse whatever the user answers: lists the findings
 * in the "Coder" output, and puts on the Problems panel those the language server does not show already
 * (in a file that is not open).
 */
export function stopBeforePush(
  folder: vscode.Uri,
  blocking: LintSummaryFinding[],
  channel: vscode.OutputChannel,
  diagnostics: vscode.DiagnosticCollection,
): PushBlocked {
  channel.appendLine(`coder templates push would fail on ${folder.fsPath}; the coder CLI was not run:`);
  const placed: PushBlocked['diagnostics'] = [];
  const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  for (const f of blocking) {
    channel.appendLine(`  ${f.file}:${f.line + 1}  ${f.message}  [${f.rule}]`);
    placed.push({ file: f.file, line: f.line + 1, message: f.message });
    const uri = vscode.Uri.file(f.file);
    const shown = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'coder-dind' && ruleCode(d) === f.rule && d.range.start.line === f.line);
    if (shown) continue;
    const range = f.range
      ? new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character)
      : new vscode.Range(f.line, 0, f.line, Number.MAX_SAFE_INTEGER);
    const diagnostic = new vscode.Diagnostic(range, f.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'coder-publish';
    diagnostic.code = f.rule;
    const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
    entry.list.push(diagnostic);
    byFile.set(uri.toString(), entry);
  }
  for (const { uri, list } of byFile.values()) diagnostics.set(uri, list);
  const first = blocking[0];
  const where = `${path.relative(folder.fsPath, first.file) || first.file}:${first.line + 1}`;
  const count = blocking.length === 1 ? 'one problem' : `${blocking.length} problems`;
  const message = `coder templates push would fail on this folder, so it was not run: ${count} (first: ${where}, ${first.rule}). Fix ${blocking.length === 1 ? 'it' : 'them'}, then publish again.`;
  const actions = ['Show problem', 'Show output'];
  void vscode.window.showErrorMessage(message, ...actions).then((choice) => {
    if (choice === 'Show problem') {
      const at = first.range?.start ?? { line: first.line, character: 0 };
      void vscode.window.showTextDocument(vscode.Uri.file(first.file), { selection: new vscode.Range(at.line, at.character, at.line, at.character) });
    }
    if (choice === 'Show output') channel.show(true);
  });
  return { ok: false, failure: 'push-blocked', message, actions, diagnostics: placed };
}

/** A diagnostic's rule id (`code` may come as a string or as { value, target }). */
function ruleCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}
