import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { Declaration, DeclarationKind, Reference, ReferenceKind } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { isReferenceName } from '../model/syntax';
import type { Position } from '../model/text';

/**
 * Go to definition, find references and rename across the module's files, from the per-file indexes
 * (declarations and references) the linter already built.
 */

const DECLARATION_OF: Record<ReferenceKind, DeclarationKind> = { var: 'variable', local: 'local', data: 'data', module: 'module', resource: 'resource' };
const REFERENCE_OF: Partial<Record<DeclarationKind, ReferenceKind>> = { variable: 'var', local: 'local', data: 'data', module: 'module', resource: 'resource' };
const RENAMABLE = new Set<DeclarationKind>(['variable', 'local', 'resource', 'data']);

export type UriOf = (key: string) => string;

/** The reference under the cursor, and which part of it (-1: the root word, n: step n). */
export function referenceAt(file: TfFile, offset: number): { reference: Reference; stepIndex: number } | undefined {
  let found: Reference | undefined;
  for (const r of file.index.references) {
    const n = r.traversal.node;
    if (n.startIndex > offset) break;
    if (offset <= n.endIndex) found = r; // later matches are nested inside earlier ones
  }
  if (!found) return undefined;
  if (offset <= found.traversal.rootNode.endIndex) return { reference: found, stepIndex: -1 };
  const stepIndex = found.traversal.steps.findIndex((s) => s.node.startIndex <= offset && offset <= s.node.endIndex);
  return { reference: found, stepIndex };
}

/** The declaration whose name (label, or local name) is under the cursor. */
function declarationAt(file: TfFile, offset: number): Declaration | undefined {
  return file.index.declarations.find((d) => d.nameNode.startIndex <= offset && offset <= d.nameNode.endIndex);
}

interface Symbol {
  kind: DeclarationKind;
  name: string;
}

function symbolAt(file: TfFile, offset: number): Symbol | undefined {
  const declaration = declarationAt(file, offset);
  if (declaration) return { kind: declaration.kind, name: declaration.name };
  const found = referenceAt(file, offset);
  if (!found || offset > found.reference.end) return undefined;
  return { kind: DECLARATION_OF[found.reference.kind], name: found.reference.name };
}

function location(uriOf: UriOf, file: TfFile, start: number, end: number): Location {
  return { uri: uriOf(file.path), range: file.rangeOfOffsets(start, end) };
}

export function definition(file: TfFile, module: TemplateModule, position: Position, uriOf: UriOf): Location[] {
  const symbol = symbolAt(file, file.offsetAt(position));
  if (!symbol) return [];
  return (module.declarations.get(`${symbol.kind}:${symbol.name}`) ?? []).map((d) => location(uriOf, d.file, d.node.startIndex, d.node.endIndex));
}

export function references(file: TfFile, module: TemplateModule, position: Position, includeDeclaration: boolean, uriOf: UriOf): Location[] {
  const symbol = symbolAt(file, file.offsetAt(position));
  const kind = symbol && REFERENCE_OF[symbol.kind];
  if (!symbol || !kind) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    for (const d of module.declarations.get(`${symbol.kind}:${symbol.name}`) ?? []) out.push(location(uriOf, d.file, d.nameNode.startIndex, d.nameNode.endIndex));
  }
  for (const r of module.references) if (r.kind === kind && r.name === symbol.name) out.push(location(uriOf, r.file, r.start, r.end));
  return out;
}

/** Why a rename cannot happen; the message is shown to the user as is. */
export class RenameRejected extends Error {}

const ONLY = 'Rename works on variables, locals, and resource or data source names (or references to them).';

/** The range of just the name (inside a label's quotes) and the name itself. */
function nameSpan(d: Declaration): { start: number; end: number; text: string } {
  const n = d.nameNode;
  const quoted = n.type === 'string_lit';
  const start = quoted ? n.startIndex + 1 : n.startIndex;
  const end = quoted ? n.endIndex - 1 : n.endIndex;
  return { start, end, text: d.file.text.slice(start, end) };
}

export function prepareRename(file: TfFile, module: TemplateModule, position: Position): { range: Range; placeholder: string } {
  const offset = file.offsetAt(position);
  const declaration = declarationAt(file, offset);
  if (declaration) {
    if (!RENAMABLE.has(declaration.kind)) throw new RenameRejected(`${ONLY} (this is the name of ${declaration.kind === 'output' ? 'an' : 'a'} ${declaration.kind})`);
    const span = nameSpan(declaration);
    return { range: file.rangeOfOffsets(span.start, span.end), placeholder: span.text };
  }
  const found = referenceAt(file, offset);
  if (found && offset <= found.reference.end) {
    const r = found.reference;
    const kind = DECLARATION_OF[r.kind];
    if (!RENAMABLE.has(kind)) throw new RenameRejected(`${ONLY} Module names are not renamed here.`);
    if (!module.find(kind, r.name)) throw new RenameRejected(`\`${file.text.slice(r.start, r.end)}\` is not declared in this module, so there is nothing to rename.`);
    return { range: file.rangeOfOffsets(r.nameStart, r.nameEnd), placeholder: file.text.slice(r.nameStart, r.nameEnd) };
  }
  const onType = module.declarationsOf('resource').concat(module.declarationsOf('data')).some((d) => {
    const typeLabel = d.block?.labelNodes[0];
    return d.file === file && typeLabel && typeLabel.startIndex <= offset && offset <= typeLabel.endIndex;
  });
  if (onType) throw new RenameRejected('The type label comes from the provider and cannot be renamed; rename the second label (the name).');
  throw new RenameRejected(ONLY);
}

export function rename(file: TfFile, module: TemplateModule, position: Position, newName: string, uriOf: UriOf): WorkspaceEdit {
  prepareRename(file, module, position);
  const symbol = symbolAt(file, file.offsetAt(position))!;
  if (!isReferenceName(newName)) {
    throw new RenameRejected(`\`${newName}\` is not a valid Terraform name: start with a letter or underscore, then letters, digits, underscores or hyphens.`);
  }
  const type = symbol.kind === 'resource' || symbol.kind === 'data' ? symbol.name.slice(0, symbol.name.indexOf('.')) : undefined;
  const newFullName = type ? `${type}.${newName}` : newName;
  if (newFullName === symbol.name) return { changes: {} };
  if (module.find(symbol.kind, newFullName)) throw new RenameRejected(`A ${symbol.kind} named \`${newFullName}\` already exists in this module.`);
  const changes: Record<string, TextEdit[]> = {};
  const add = (f: TfFile, start: number, end: number) => {
    const uri = uriOf(f.path);
    (changes[uri] ??= []).push({ range: f.rangeOfOffsets(start, end), newText: newName });
  };
  for (const d of module.declarations.get(`${symbol.kind}:${symbol.name}`) ?? []) {
    const span = nameSpan(d);
    add(d.file, span.start, span.end);
  }
  const kind = REFERENCE_OF[symbol.kind];
  for (const r of module.references) if (r.kind === kind && r.name === symbol.name) add(r.file, r.nameStart, r.nameEnd);
  return { changes };
}
