import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { attribute, HclAttribute, isReferenceName } from '../model/syntax';
import type { Range } from '../model/text';
import { addCountFix, FixBuilder, lineEndOffset } from './edits';
import type { Fix, Rule } from './types';

export const workspaceStartCount: Rule = {
  meta: {
    id: 'workspace-start-count',
    defaultSeverity: 'warning',
    description: 'The workspace container resource should be counted by data.coder_workspace.<n>.start_count so it stops with the workspace.',
    fixable: true,
  },
  check({ module, facts, report }) {
    const seen = new Set<string>();
    for (const c of facts.workspaceContainers) {
      const resource = c.resource;
      if (seen.has(resource.name) || !resource.block) continue;
      seen.add(resource.name);
      const missing = missingStartCount(resource);
      if (!missing) continue;
      const { count, range } = missing;
      report({
        file: resource.file,
        range,
        message: count
          ? `\`${resource.name}\` is counted by \`${count.value?.text ?? ''}\`, not by the workspace's start_count: it keeps running (and billing) after the workspace is stopped.`
          : `\`${resource.name}\` runs the workspace but has no \`count = data.coder_workspace.<name>.start_count\`: stopping the workspace in Coder leaves it running.`,
        fix: startCountFix(module, resource, count ? 'replace' : 'add'),
      });
    }
  },
};

/**
 * Undefined when a resource is counted by the workspace's start_count (alone or in an expression);
 * otherwise its `count` attribute, if any, and the range to report (that attribute, or the block header).
 */
export function missingStartCount(resource: Declaration): { count?: HclAttribute; range: Range } | undefined {
  const block = resource.block;
  if (!block) return undefined;
  const count = attribute(block, 'count');
  if (count?.value && /\.start_count\b/.test(count.value.text)) return undefined;
  const header = block.labelNodes[1] ?? block.typeNode;
  return {
    count,
    range: count ? resource.file.rangeOf(count.node) : resource.file.rangeOfOffsets(block.node.startIndex, header.endIndex),
  };
}

/**
 * The `data.coder_workspace.<n>.start_count` expression, declaring `data "coder_workspace" "me"` if needed.
 * Any `coder_workspace` data source will do, but only one whose label can be written after the `.`:
 * `data "coder_workspace" "\uFFFDme"` cannot be referred to, so "me" is declared beside it (any existing
 * `coder_workspace` "me" is an identifier, and would have been taken).
 */
export function startCountExpression(module: TemplateModule, builder: FixBuilder, near: Declaration): string {
  const workspace = module.dataSources('coder_workspace').find((d) => isReferenceName(d.name.slice('coder_workspace.'.length)));
  if (workspace) return `data.${workspace.name}.start_count`;
  const at = lineEndOffset(near.file, near.node.endIndex);
  const eol = near.file.lines.eol;
  builder.replace(near.file, at, at, `${eol}${eol}data "coder_workspace" "me" {}`);
  return 'data.coder_workspace.me.start_count';
}

export function startCountFix(module: TemplateModule, resource: Declaration, mode: 'add' | 'replace'): Fix | undefined {
  const builder = new FixBuilder(`Add start_count to ${resource.name}`);
  const expression = startCountExpression(module, builder, resource);
  if (mode === 'replace') {
    const count = attribute(resource.block, 'count');
    if (!count?.value) return undefined;
    const fix = builder.replaceNode(resource.file, count.value, expression).build();
    fix.title = `Count ${resource.name} by \`${expression}\``;
    return fix;
  }
  const fix = addCountFix(builder, module, resource, expression).build();
  fix.title = `Add \`count = ${expression}\` and index references with [0]`;
  return fix;
}
