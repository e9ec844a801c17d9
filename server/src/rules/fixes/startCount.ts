import type { Declaration } from '../../model/fileIndex';
import type { TemplateModule } from '../../model/module';
import type { SyntaxNode } from '../../model/parser';
import { HclAttribute, isReferenceName, staticValue, unwrap } from '../../model/syntax';
import { FixBuilder, lineEndOffset } from '../edits';
import type { Fix } from '../types';
import { canDeclare } from './declare';

/**
 * The `data.coder_workspace.<n>.start_count` expression, declaring `data "coder_workspace" "me"` if needed.
 * Any `coder_workspace` data source will do, but only one whose label can be written after the `.`:
 * `data "coder_workspace" "\uFFFDme"` cannot be referred to, so "me" is declared beside it (any existing
 * `coder_workspace` "me" is an identifier, and would have been taken). Undefined when a half-typed
 * `data "coder_workspace"` block leaves no room for one (see canDeclare).
 */
function startCountExpression(module: TemplateModule, builder: FixBuilder, near: Declaration): string | undefined {
  const workspace = module.dataSources('coder_workspace').find((d) => isReferenceName(d.name.slice('coder_workspace.'.length)));
  if (workspace) return `data.${workspace.name}.start_count`;
  if (!canDeclare(near.file, 'data', ['coder_workspace', 'me'])) return undefined;
  const at = lineEndOffset(near.file, near.node.endIndex);
  const eol = near.file.lines.eol;
  builder.replace(near.file, at, at, `${eol}${eol}data "coder_workspace" "me" {}`);
  return 'data.coder_workspace.me.start_count';
}

/**
 * How a resource that does not stop with the workspace gets counted by its start_count, acting only on
 * what is absent or a literal (the user's own condition is never dropped):
 * - no `count`: the fix adds one and indexes every reference with `[0]`;
 * - `count = 1`: the fix replaces the 1;
 * - `count = <condition> ? 1 : 0` (literal branches): a suggestion puts start_count in place of each 1,
 *   keeping the condition (`local.enable_dind ? data.coder_workspace.me.start_count : 0`);
 * - anything else (a reference, another number, a function): nothing.
 */
export function startCountFixes(module: TemplateModule, resource: Declaration, count: HclAttribute | undefined): { fix?: Fix; suggestion?: Fix } {
  if (!count) {
    const builder = new FixBuilder('');
    const expression = startCountExpression(module, builder, resource);
    if (!expression) return {};
    const fix = addCountFix(builder, module, resource, expression).build();
    fix.title = `Add \`count = ${expression}\` and index references with [0]`;
    return { fix };
  }
  const value = unwrap(count.value);
  if (!value) return {};
  if (isOne(value)) {
    const builder = new FixBuilder('');
    const expression = startCountExpression(module, builder, resource);
    if (!expression) return {};
    const fix = builder.replaceNode(resource.file, value, expression).build();
    fix.title = `Count ${resource.name} by \`${expression}\``;
    return { fix };
  }
  if (value.type !== 'conditional') return {};
  const [, whenTrue, whenFalse] = value.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
  const branches = [whenTrue, whenFalse];
  if (!branches.every((b) => b && (isOne(b) || staticValue(b) === 0)) || !branches.some((b) => isOne(b))) return {};
  const builder = new FixBuilder('');
  const expression = startCountExpression(module, builder, resource);
  if (!expression) return {};
  for (const branch of branches) if (isOne(branch)) builder.replaceNode(resource.file, branch, expression);
  const suggestion = builder.build();
  suggestion.title = `Count ${resource.name} by \`${expression}\` where its condition holds`;
  return { suggestion };
}

function isOne(node: SyntaxNode): boolean {
  const v = staticValue(node);
  return v === 1 || v === '1';
}

/**
 * Adds `count = <expression>` at the top of a resource and indexes every reference to it with `[0]`,
 * so that the template keeps working with the count.
 */
function addCountFix(builder: FixBuilder, module: TemplateModule, resource: Declaration, countExpression: string): FixBuilder {
  const block = resource.block;
  if (!block) return builder;
  builder.insertAttribute(resource.file, block, 'count', countExpression, 'first');
  for (const reference of module.references) {
    if (reference.kind !== 'resource' || reference.name !== resource.name) continue;
    const next = reference.traversal.steps[1];
    if (next && next.name === undefined) continue; // already indexed
    builder.replace(reference.file, reference.end, reference.end, '[0]');
  }
  return builder;
}
