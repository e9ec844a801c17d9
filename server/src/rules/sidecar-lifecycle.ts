import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { valuesOf } from '../model/facts/reader';
import { missingStartCount } from '../model/facts/startCount';
import { attribute, childBlocks } from '../model/syntax';
import { startCountFixes } from './fixes/startCount';
import type { Rule } from './types';

export const sidecarLifecycle: Rule = {
  meta: {
    id: 'sidecar-lifecycle',
    defaultSeverity: 'info',
    description: 'A dind sidecar docker_container and its docker_network should be counted by start_count so they stop with the workspace.',
    fixable: true,
    hasSuggestions: true,
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    const seen = new Set<string>();
    for (const sidecar of facts.containers) {
      if (!sidecar.isDindSidecar || sidecar.platform !== 'docker') continue;
      const targets: Array<[Declaration, string]> = [[sidecar.resource, `The dind sidecar \`${sidecar.resource.name}\``]];
      for (const network of networksOf(module, sidecar.resource)) targets.push([network, `\`${network.name}\`, the network of the dind sidecar \`${sidecar.resource.name}\`,`]);
      for (const [resource, what] of targets) {
        if (seen.has(resource.name)) continue;
        seen.add(resource.name);
        const missing = missingStartCount(reader, resource);
        if (!missing) continue;
        const { count, range } = missing;
        const { fix, suggestion } = startCountFixes(module, resource, count);
        report({
          file: resource.file,
          range,
          message: count
            ? `${what} is counted by \`${count.value?.text ?? ''}\`, not by the workspace's start_count: it stays up while the workspace is stopped.`
            : `${what} has no \`count = data.coder_workspace.<name>.start_count\`: stopping the workspace stops only the workspace container, and ${resource.resourceType === 'docker_network' ? 'the network stays' : 'the privileged Docker daemon (with every container it runs) keeps running'} until the workspace is deleted.`,
          fix,
          suggestions: suggestion ? [suggestion] : undefined,
        });
      }
    }
  },
};

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
