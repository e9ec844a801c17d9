import { providerAdmitsMajor } from '../model/providers';
import { attribute } from '../model/syntax';
import { canDeclare } from './fixes/declare';
import { FixBuilder, lineEndOffset } from './edits';
import { defineRule } from './types';
import { removalsUnder } from '../schema';

export const removedWorkspaceOwnerAttribute = defineRule({
  meta: {
    id: 'removed-workspace-owner-attribute',
    defaultSeverity: 'error',
    description: 'data.coder_workspace owner attributes were removed in coder provider 2.x; use data.coder_workspace_owner.',
    fixable: true,
    messages: {
      removedAttribute:
        '`data.coder_workspace.{{name}}.{{attribute}}` was removed in coder provider 2.x, which this template\'s constraint admits: `terraform plan` fails with "Unsupported attribute". Use `{{replacement}}`.',
    },
    tags: ['schema', 'deprecated', 'push-check'],
  },
  check({ module, report }) {
    if (!providerAdmitsMajor(module, 'coder/coder', 2)) return;
    for (const reference of module.references) {
      if (reference.kind !== 'data' || reference.resourceType !== 'coder_workspace') continue;
      const step = reference.traversal.steps[2];
      const removed = step?.name;
      const moved = removed ? removalsUnder('coder', 'data.coder_workspace').get(removed)?.replacement : undefined;
      if (!removed || !moved?.startsWith('data.coder_workspace_owner.')) continue;
      const replacement = moved.slice('data.coder_workspace_owner.'.length);
      const dataName = reference.name.slice('coder_workspace.'.length);
      const file = reference.file;
      const end = step.node.endIndex;
      const newText = `data.coder_workspace_owner.${dataName}.${replacement}`;
      const owner = module.find('data', `coder_workspace_owner.${dataName}`);
      // An owner data source that is counted (or for_each) needs an index this fix cannot choose.
      const counted = !!owner && (!!attribute(owner.block, 'count') || !!attribute(owner.block, 'for_each'));
      const fix = new FixBuilder(`Use \`${newText}\``).replace(file, reference.start, end, newText);
      if (!owner) {
        // Declare it right after `data "coder_workspace" "<n>"` (or at the end of the referring file).
        const workspace = module.find('data', reference.name);
        const target = workspace?.file ?? file;
        const at = workspace ? lineEndOffset(target, workspace.node.endIndex) : target.text.length;
        const eol = target.lines.eol;
        fix.replace(target, at, at, `${workspace ? eol : ''}${eol}data "coder_workspace_owner" "${dataName}" {}${workspace ? '' : eol}`);
      }
      report({
        file,
        range: file.rangeOfOffsets(reference.start, end),
        messageId: 'removedAttribute',
        data: { name: dataName, attribute: removed, replacement: newText },
        fix: counted || (!owner && !canDeclare(module.find('data', reference.name)?.file ?? file, 'data', ['coder_workspace_owner', dataName])) ? undefined : fix.build(),
      });
    }
  },
});
