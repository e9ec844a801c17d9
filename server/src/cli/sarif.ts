import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from '../model/text';
import { RULE_METAS } from '../rules';
import { placeholders, rewriteTemplate } from '../rules/messages';
import { docsUrl, Fix, MessageData, RuleMeta, Severity } from '../rules/types';
import type { FileResult } from './results';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The key of our fingerprints in `partialFingerprints` (GitHub computes its own `primaryLocationLineHash`). */
export const FINGERPRINT_KEY = 'coderDind/v1';

/**
 * A SARIF 2.1.0 log for code scanning: every rule with its metadata, each finding with its location
 * relative to the working folder (`SRCROOT`), a fingerprint that survives lines added above it, and its
 * fix and suggestions as SARIF fixes.
 */
export function toSarif(results: FileResult[], cwd: string, toolVersion: string): string {
  const ruleIndex = new Map(RULE_METAS.map((m, i) => [m.id, i]));
  const base = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const location = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? { uri: pathToFileURL(file).href } : { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const fixOf = (fix: Fix) => ({
    description: { text: fix.title },
    artifactChanges: Object.entries(fix.edits).map(([file, edits]) => ({
      artifactLocation: location(file),
      replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
    })),
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'coder-dind',
            version: toolVersion,
            informationUri: 'https://github.com/coder-dind/coder-dind',
            rules: RULE_METAS.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: location(r.file), properties: { method: r.method } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => {
            const fixes = [f.fix, ...(f.suggestions ?? [])].filter((x): x is Fix => x !== undefined);
            return {
              ruleId: f.rule,
              ruleIndex: ruleIndex.get(f.rule) ?? -1,
              level: SARIF_LEVEL[f.severity],
              message: resultMessage(f.message, f.messageId, f.data, RULE_METAS[ruleIndex.get(f.rule) ?? -1]),
              locations: [{ physicalLocation: { artifactLocation: { ...location(r.file), index: artifactIndex }, region: region(f.range) } }],
              partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
              ...(fixes.length ? { fixes: fixes.map(fixOf) } : {}),
              properties: { method: r.method, fixes: fixes.map((x) => x.title) },
            };
          }),
        ),
        properties: { methods: Object.fromEntries(results.map((r) => [location(r.file).uri, r.method])) },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** LSP's zero-based range as SARIF's one-based region; an empty range is an insertion point. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A rule as code scanning shows it, from the rule's own meta: its description, docs, severity and whether --fix fixes it. */
function ruleDescriptor(m: RuleMeta) {
  const fixes = m.fixable ? '`coder-dind lint --fix` fixes it.' : m.hasSuggestions ? 'The editor offers fixes to choose from.' : '';
  const full = [m.description, fixes].filter(Boolean).join(' ');
  return {
    id: m.id,
    name: m.id.replace(/(^|-)([a-z0-9])/g, (_: string, __: string, c: string) => c.toUpperCase()),
    shortDescription: { text: m.description },
    fullDescription: { text: full },
    helpUri: docsUrl(m.id),
    help: { text: `${full} See ${docsUrl(m.id)}`, markdown: `${full} [Documentation](${docsUrl(m.id)})` },
    defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
    ...(m.messages ? { messageStrings: Object.fromEntries(Object.entries(m.messages).map(([id, text]) => [id, { text: sarifTemplate(text) }])) } : {}),
    properties: { tags: ['coder', 'terraform', m.fixable ? 'fixable' : 'manual', ...(m.tags ?? [])] },
  };
}

/** SARIF writes literal braces doubled and numbers its placeholders (`{0}`); ours are named (`{{name}}`). */
function sarifTemplate(template: string): string {
  const names = placeholders(template);
  return rewriteTemplate(
    template,
    (text) => text.replace(/[{}]/g, (c) => c + c),
    (name) => `{${names.indexOf(name)}}`,
  );
}

/** The message as text, and as the rule's message string with its arguments for viewers that localise. */
function resultMessage(text: string, messageId: string, data: MessageData | undefined, meta: RuleMeta | undefined) {
  const template = meta?.messages?.[messageId];
  if (template === undefined) return { text };
  return { text, id: messageId, arguments: placeholders(template).map((name) => String(data?.[name] ?? '')) };
}
