import { CodeDescription, Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../rules/types';
import { docsUrl } from '../rules/types';
import { pathToUri } from '../model/uris';

export const SOURCE = 'coder-dind';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`: the rule's fixes as workspace edits keyed by URI. */
export interface DiagnosticData {
  rule: string;
  fix?: SerializedFix;
  suggestions?: SerializedFix[];
}

export interface SerializedFix {
  title: string;
  changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>>;
}

export function serializeFix(fix: Fix, uriOf: (path: string) => string = pathToUri): SerializedFix {
  return {
    title: fix.title,
    changes: Object.fromEntries(Object.entries(fix.edits).map(([p, edits]) => [uriOf(p), edits])),
  };
}

export function toDiagnostic(finding: Finding, uriOf?: (path: string) => string): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule,
    fix: finding.fix ? serializeFix(finding.fix, uriOf) : undefined,
    suggestions: finding.suggestions?.map((s) => serializeFix(s, uriOf)),
  };
  const codeDescription: CodeDescription = { href: docsUrl(finding.rule) };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription,
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.rule === 'deprecated-agent-dir' || finding.rule === 'deprecated-kubernetes-resource') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}
