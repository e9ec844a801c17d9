import { providerOfType } from '../schema';
import { nearestName } from '../model/names';
import { releaseLabel } from './util/schema';
import type { Rule } from './types';
import { renameTypeFix } from './util/rename';

export const unknownResourceType: Rule = {
  meta: {
    id: 'unknown-resource-type',
    defaultSeverity: 'error',
    description: 'A `coder_`, `docker_` or `kubernetes_` resource or data source type that the provider release in use does not have.',
    fixable: true,
  },
  check({ module, report }) {
    for (const declaration of [...module.resources(), ...module.dataSources()]) {
      const block = declaration.block!;
      const file = declaration.file;
      if (block.node.hasError) continue;
      const type = block.labels[0];
      const label = block.labelNodes[0];
      const provider = type !== undefined ? providerOfType(type) : undefined;
      if (!type || !label || !provider) continue;
      const choice = module.schemas.choice(provider);
      if (!choice.admitted) continue;
      const { release } = choice;
      const own = block.type === 'resource' ? release.resources : release.dataSources;
      if (own.has(type)) continue;
      const other = block.type === 'resource' ? release.dataSources : release.resources;
      const what = block.type === 'resource' ? 'resource' : 'data source';
      const removal = release.removals.find((r) => r.path === `${block.type}.${type}`);
      const near = removal?.replacement?.startsWith(`${block.type}.`) ? removal.replacement.slice(block.type.length + 1) : nearestName(type, own.keys());
      let message = `${releaseLabel(release)} has no ${what} type \`${type}\`: \`terraform init\` passes, then \`terraform plan\` stops with "Invalid ${what} type".`;
      if (removal) message += ` It was removed ${removal.removed_in ? `in ${removal.removed_in}` : `after ${removal.last_seen}`}.`;
      else if (other.has(type)) message += ` \`${type}\` is a ${block.type === 'resource' ? 'data source' : 'resource'}: write \`${block.type === 'resource' ? 'data' : 'resource'} "${type}"\`.`;
      if (near) message += ` Did you mean \`${near}\`?`;
      report({
        file,
        range: file.rangeOfOffsets(label.startIndex + 1, label.endIndex - 1),
        message,
        // The type is part of every reference to the object: rename those too.
        fix: near && !module.find(declaration.kind, `${near}.${declaration.name.slice(type.length + 1)}`) ? renameTypeFix(module, declaration, near, `Change to \`${near}\``) : undefined,
      });
    }
  },
};
