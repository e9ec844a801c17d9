import { argument, literalString } from '../model/coderValues';
import type { TfFile } from '../model/document';
import { localSource } from '../model/moduleTree';
import type { SyntaxNode } from '../model/parser';
import { notUploaded, variablesSetInSkippedFiles } from '../model/pushedFolder';
import { attribute, templateParts, unwrap } from '../model/syntax';
import { defineRule, Report } from './types';

/** Calls of file functions that fail when the file is missing (`fileexists` and `fileset` just answer no). */
const READS_FILE = /\b(file|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|templatefile)\s*\(/g;

/**
 * The calls of those functions in a file. Found in the text first: asking the tree for every call of a
 * file costs more than the rest of this rule, and runs on every edit.
 */
function fileFunctionCalls(file: TfFile): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const match of file.text.matchAll(READS_FILE)) {
    let node: SyntaxNode | null = file.nodeAt(match.index);
    while (node && node.type !== 'function_call') node = node.parent;
    if (node && node.startIndex === match.index && node.namedChildren[0]?.text === match[1]) out.push(node);
  }
  return out;
}

const SKIPS = 'it leaves out every file and folder whose name starts with `.` (except `.terraform.lock.hcl`)';

/** How a missing path's messages go on: it is outside the folder, or under a name the CLI skips. */
const OUTSIDE = ' reads {{path}}, outside the template folder. `coder templates push` uploads only the folder, so it is not there where Coder runs Terraform, and ';
const HIDDEN = ` reads {{path}}, but \`coder templates push\` does not upload \`{{part}}\`: ${SKIPS}. It is not there where Coder runs Terraform, and `;
const SKIPPED_VALUES = '`var.{{variable}}` is set in {{files}}, which `coder templates push` does not upload (Coder keeps its own variable values). ';

type MissingPathId = 'moduleOutside' | 'moduleHidden' | 'fileOutside' | 'fileHidden';

export const fileNotUploaded = defineRule({
  meta: {
    id: 'file-not-uploaded',
    defaultSeverity: 'error',
    description:
      'The template uses something `coder templates push` does not upload: a local module or file outside the folder or under a name starting with `.`, or variable values in `terraform.tfvars` / `*.auto.tfvars`.',
    fixable: false,
    blocksPush: true,
    messages: {
      moduleOutside: 'module `{{module}}`' + OUTSIDE + '`terraform init` fails. Move it into the folder.',
      moduleHidden: 'module `{{module}}`' + HIDDEN + '`terraform init` fails. Rename it without the leading dot.',
      fileOutside: '`{{function}}()`' + OUTSIDE + '`terraform plan` fails. Move it into the folder.',
      fileHidden: '`{{function}}()`' + HIDDEN + '`terraform plan` fails. Rename it without the leading dot.',
      // {{files}} lists the variable files that set it.
      skippedWithDefault: SKIPPED_VALUES + 'Coder will use the default instead, unless the push passes `--variable` or `--variables-file`.',
      skippedRequired:
        SKIPPED_VALUES + 'Without `--variable` or `--variables-file` (or a value kept from an earlier version), the import fails with `required template variables need values`.',
    },
    tags: ['modules', 'push-check'],
  },
  check({ module, report }) {
    for (const call of module.declarationsOf('module')) {
      const source = localSource(call.block);
      const node = attribute(call.block, 'source')?.value;
      if (source !== undefined && node) missingPath(call.file, node, source, 'module', { module: call.name }, report);
    }
    for (const file of module.files) {
      for (const call of fileFunctionCalls(file)) {
        const name = call.namedChildren[0]?.text ?? '';
        const first = call.namedChildren[1]?.namedChildren.find((c) => c?.type === 'expression');
        const path = first ? modulePath(first) : undefined;
        if (first && path !== undefined) missingPath(file, first, path, 'file', { function: name }, report);
      }
    }
    const folder = module.folder;
    if (!folder) return;
    const assigned = variablesSetInSkippedFiles(folder);
    for (const variable of module.declarationsOf('variable')) {
      const files = assigned.get(variable.name);
      const label = variable.block?.labelNodes[0];
      if (!files || !label) continue;
      const fallback = argument(variable.block, 'default', (n) => n);
      const hasDefault = fallback.state === 'known' || fallback.state === 'unknown';
      report({
        file: variable.file,
        range: variable.file.rangeOf(label),
        severity: 'warning',
        messageId: hasDefault ? 'skippedWithDefault' : 'skippedRequired',
        data: { variable: variable.name, files: files.map((f) => `\`${f}\``).join(' and ') },
      });
    }
  },
});

/** A module's `source` or a file function's path that the pushed archive lacks; `what` says which, `data` names it. */
function missingPath(file: TfFile, node: SyntaxNode, path: string, what: 'module' | 'file', data: { module: string } | { function: string }, report: (r: Report<MissingPathId>) => void): void {
  const missing = notUploaded(path);
  if (!missing) return;
  report({
    file,
    range: file.rangeOf(node),
    ...(missing.reason === 'outside'
      ? { messageId: `${what}Outside`, data: { ...data, path: JSON.stringify(path) } }
      : { messageId: `${what}Hidden`, data: { ...data, path: JSON.stringify(path), part: missing.part } }),
  });
}

/** A path relative to the module: a literal, or `"${path.module}/…"` with the rest literal. */
function modulePath(expression: SyntaxNode): string | undefined {
  const literal = literalString(expression);
  if (literal !== undefined) return /^[/\\]|^[A-Za-z]:/.test(literal) ? undefined : literal;
  const template = unwrap(expression);
  if (!template || template.type !== 'template_expr') return undefined;
  const parts = templateParts(template);
  if (parts.length !== 2 || parts[0].kind !== 'interpolation' || parts[1].kind !== 'text') return undefined;
  if (parts[0].text.replace(/\s/g, '') !== '${path.module}' || !parts[1].text.startsWith('/')) return undefined;
  return `.${parts[1].text}`;
}
