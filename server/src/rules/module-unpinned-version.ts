import { moduleCalls } from '../model/moduleCalls';
import { headerRange } from '../model/schemaWalk';
import { FixBuilder } from './edits';
import { defineRule } from './types';

export const moduleUnpinnedVersion = defineRule({
  meta: {
    id: 'module-unpinned-version',
    defaultSeverity: 'warning',
    description: 'A Coder registry module call without a `version`: every build takes whatever release is newest.',
    fixable: true,
    messages: {
      unpinned:
        '`module.{{call}}` takes `{{module}}` from Coder\'s registry without a `version`: each `terraform init` of a workspace build takes the newest release, ' +
        'so a release with breaking changes changes every workspace at its next start. Pin a constraint (the newest release is {{newest}}: `{{pin}}`).',
      unpinnedNoRelease:
        '`module.{{call}}` takes `{{module}}` from Coder\'s registry without a `version`: each `terraform init` of a workspace build takes the newest release, ' +
        'so a release with breaking changes changes every workspace at its next start. Pin a constraint.',
    },
    tags: ['modules'],
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      if (!call.registryName || call.versionAttribute || call.block.node.hasError) continue;
      const latest = call.registry?.versions[0];
      const pin = latest ? `~> ${latest.split('.').slice(0, 2).join('.')}` : undefined;
      const named = { call: call.name, module: call.registryName };
      const fix = pin ? new FixBuilder(`Pin to \`${pin}\``).insertAttribute(call.file, call.block, 'version', `"${pin}"`) : undefined;
      report({
        file: call.file,
        range: call.sourceAttribute ? call.file.rangeOf(call.sourceAttribute.node) : headerRange(call.file, call.block),
        ...(latest && pin ? { messageId: 'unpinned', data: { ...named, newest: latest, pin } } : { messageId: 'unpinnedNoRelease', data: named }),
        fix: fix?.build(),
      });
    }
  },
});
