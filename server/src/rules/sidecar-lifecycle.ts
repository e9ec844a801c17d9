import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { valuesOf } from '../model/facts/reader';
import { missingStartCount } from '../model/facts/startCount';
import { attribute, childBlocks } from '../model/syntax';
import { startCountFixes } from './fixes/startCount';
import { defineRule } from './types';

/** Who is left running (the sidecar, or its network) and why (counted by something else, or not at all). */
const SIDECAR = 'The dind sidecar `{{sidecar}}`';
const NETWORK = '`{{network}}`, the network of the dind sidecar `{{sidecar}}`,';
const OTHER_COUNT = ' is counted by `{{count}}`, not by the workspace\'s start_count: it stays up while the workspace is stopped.';
const NO_COUNT = ' has no `count = data.coder_workspace.<name>.start_count`: stopping the workspace stops only the workspace container, and';

export const sidecarLifecycle = defineRule({
  meta: {
    id: 'sidecar-lifecycle',
    defaultSeverity: 'info',
    description: 'A dind sidecar docker_container and its docker_network should be counted by start_count so they stop with the workspace.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      sidecarCountedOtherwise: SIDECAR + OTHER_COUNT,
      networkCountedOtherwise: NETWORK + OTHER_COUNT,
      sidecarNotCounted: `${SIDECAR}${NO_COUNT} the privileged Docker daemon (with every container it runs) keeps running until the workspace is deleted.`,
      networkNotCounted: `${NETWORK}${NO_COUNT} the network stays until the workspace is deleted.`,
    },
    tags: ['dind', 'docker'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    const seen = new Set<string>();
    for (const sidecar of facts.containers) {
      if (!sidecar.isDindSidecar || sidecar.platform !== 'docker') continue;
      const targets = [sidecar.resource, ...networksOf(module, sidecar.resource)];
      for (const resource of targets) {
        if (seen.has(resource.name)) continue;
        seen.add(resource.name);
        const missing = missingStartCount(reader, resource);
        if (!missing) continue;
        const { count, range } = missing;
        const { fix, suggestion } = startCountFixes(module, resource, count);
        const network = resource !== sidecar.resource;
        report({
          file: resource.file,
          range,
          messageId: network ? (count ? 'networkCountedOtherwise' : 'networkNotCounted') : count ? 'sidecarCountedOtherwise' : 'sidecarNotCounted',
          data: { sidecar: sidecar.resource.name, ...(network && { network: resource.name }), ...(count && { count: count.value?.text ?? '' }) },
          fix,
          suggestions: suggestion ? [suggestion] : undefined,
        });
      }
    }
  },
});

/** The `docker_network` resources a container joins through `networks_advanced { name = docker_network.N.… }`. */
function networksOf(module: TemplateModule, container: Declaration): Declaration[] {
  const out: Declaration[] = [];
  for (const block of childBlocks(container.block, 'networks_advanced')) {
    const name = attribute(block, 'name')?.value;
    if (!name) continue;
    for (const r of container.file.index.references) {
      if (r.kind !== 'resource' || r.resourceType !== 'docker_network' || r.start < name.startIndex || r.end > name.endIndex) continue;
      const network = module.find('resource', r.name);
      if (network && !out.includes(network)) out.push(network);
    }
  }
  return out;
}
