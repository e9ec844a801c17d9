import { valuesOf } from '../model/facts/reader';
import { missingStartCount } from '../model/facts/startCount';
import { startCountFixes } from './fixes/startCount';
import { defineRule } from './types';

export const workspaceStartCount = defineRule({
  meta: {
    id: 'workspace-start-count',
    defaultSeverity: 'warning',
    description: 'The workspace container resource should be counted by data.coder_workspace.<n>.start_count so it stops with the workspace.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      countedOtherwise: '`{{resource}}` is counted by `{{count}}`, not by the workspace\'s start_count: it keeps running (and billing) after the workspace is stopped.',
      notCounted: '`{{resource}}` runs the workspace but has no `count = data.coder_workspace.<name>.start_count`: stopping the workspace in Coder leaves it running.',
    },
    tags: ['docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    const seen = new Set<string>();
    for (const c of facts.workspaceContainers) {
      const resource = c.resource;
      if (seen.has(resource.name) || !resource.block) continue;
      seen.add(resource.name);
      const missing = missingStartCount(reader, resource);
      if (!missing) continue;
      const { count, range } = missing;
      const { fix, suggestion } = startCountFixes(module, resource, count);
      report({
        file: resource.file,
        range,
        ...(count
          ? { messageId: 'countedOtherwise' as const, data: { resource: resource.name, count: count.value?.text ?? '' } }
          : { messageId: 'notCounted' as const, data: { resource: resource.name } }),
        fix,
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
});
