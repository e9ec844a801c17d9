import { CodeAction, CodeActionKind, Diagnostic, Range as LspRange, WorkspaceEdit } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import { comparePositions } from '../model/text';
import { ignoreCommentFor } from '../rules/suppression';
import type { Finding } from '../rules/types';
import { compatibleFixes } from '../rules/applyFixes';
import { DiagnosticData, serializeFix, SerializedFix, SOURCE } from './diagnostics';
import { ClientCommands, FIX_ALL_KIND } from '../../../shared/src/protocol';

// The kind lives in the shared protocol module: the client's "Fix All" command asks for it by name.
export { FIX_ALL_KIND };

function sameRange(a: LspRange, b: LspRange): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function toEdit(fix: SerializedFix): WorkspaceEdit {
  return { changes: fix.changes };
}

/**
 * The fixed menu per finding (STYLE.md): the fix (preferred), its suggestions, "Ignore <rule> here",
 * "Show documentation for <rule>". Fixes come from a lint of the current text, so that a diagnostic
 * published before the last keystroke never applies stale edits; its `data` is the fallback.
 */
export function codeActions(
  file: TfFile,
  uri: string,
  diagnostics: Diagnostic[],
  fresh: Finding[],
  only: string[] | undefined,
  uriOf: (path: string) => string,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
      const rule = diagnostic.code;
      const match = fresh.find((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
      const data = diagnostic.data as DiagnosticData | undefined;
      const fix = match ? (match.fix ? serializeFix(match.fix, uriOf) : undefined) : data?.fix;
      const suggestions = match ? match.suggestions?.map((s) => serializeFix(s, uriOf)) : data?.suggestions;
      if (fix) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toEdit(fix) });
      }
      for (const s of suggestions ?? []) {
        actions.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toEdit(s) });
      }
      const ignore = ignoreCommentFor(file, diagnostic.range.start.line, rule);
      const line = ignore.line;
      const replacesLine = line < diagnostic.range.start.line;
      const range = replacesLine
        ? { start: { line, character: 0 }, end: { line, character: file.lines.lineText(line).length } }
        : { start: { line, character: 0 }, end: { line, character: 0 } };
      actions.push({
        title: `Ignore ${rule} here`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [{ range, newText: replacesLine ? ignore.text : ignore.text + file.lines.eol }] } },
      });
      actions.push({
        title: `Show documentation for ${rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${rule}`, command: ClientCommands.openRuleDocs, arguments: [rule] },
      });
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const fixes = compatibleFixes(fresh.filter((f) => f.file === file && f.fix).map((f) => f.fix!));
    if (fixes.length) {
      const changes: WorkspaceEdit['changes'] = {};
      for (const fix of fixes) {
        for (const [u, edits] of Object.entries(serializeFix(fix, uriOf).changes)) {
          const list = (changes[u] ??= []);
          for (const e of edits) if (!list.some((x) => x.newText === e.newText && sameRange(x.range, e.range))) list.push(e);
        }
      }
      actions.push({ title: 'Fix all coder-dind problems', kind: FIX_ALL_KIND, edit: { changes } });
    }
  }
  return actions;
}
