import { providerOfType } from '../schema';
import { nearestName } from '../model/names';
import { releaseLabel, removedWhen } from './util/schema';
import { defineRule, type MessageData } from './types';
import { renameTypeFix } from './util/rename';

const UNKNOWN_RESOURCE = '{{release}} has no resource type `{{type}}`: `terraform init` passes, then `terraform plan` stops with "Invalid resource type".';
const UNKNOWN_DATA = '{{release}} has no data source type `{{type}}`: `terraform init` passes, then `terraform plan` stops with "Invalid data source type".';

/**
 * `{{hint}}` is empty or " Did you mean `<type>`?"; `{{when}}` is "in <release>", or "after <last release
 * that had it>" where the removing one is unknown.
 */
const messages = {
  unknownResource: `${UNKNOWN_RESOURCE}{{hint}}`,
  unknownDataSource: `${UNKNOWN_DATA}{{hint}}`,
  removedResource: `${UNKNOWN_RESOURCE} It was removed {{when}}.{{hint}}`,
  removedDataSource: `${UNKNOWN_DATA} It was removed {{when}}.{{hint}}`,
  dataSourceNotResource: `${UNKNOWN_RESOURCE} \`{{type}}\` is a data source: write \`data "{{type}}"\`.{{hint}}`,
  resourceNotDataSource: `${UNKNOWN_DATA} \`{{type}}\` is a resource: write \`resource "{{type}}"\`.{{hint}}`,
};

export const unknownResourceType = defineRule({
  meta: {
    id: 'unknown-resource-type',
    defaultSeverity: 'error',
    description: 'A `coder_`, `docker_` or `kubernetes_` resource or data source type that the provider release in use does not have.',
    fixable: true,
    messages,
    tags: ['schema', 'push-check'],
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
      const isResource = block.type === 'resource';
      const removal = release.removals.find((r) => r.path === `${block.type}.${type}`);
      const near = removal?.replacement?.startsWith(`${block.type}.`) ? removal.replacement.slice(block.type.length + 1) : nearestName(type, own.keys());
      const data: MessageData = { release: releaseLabel(release), type, hint: near ? ` Did you mean \`${near}\`?` : '' };
      report({
        file,
        range: file.rangeOfOffsets(label.startIndex + 1, label.endIndex - 1),
        ...(removal
          ? { messageId: isResource ? 'removedResource' : 'removedDataSource', data: { ...data, when: removedWhen(removal) } }
          : other.has(type)
            ? { messageId: isResource ? 'dataSourceNotResource' : 'resourceNotDataSource', data }
            : { messageId: isResource ? 'unknownResource' : 'unknownDataSource', data }),
        // The type is part of every reference to the object: rename those too.
        fix: near && !module.find(declaration.kind, `${near}.${declaration.name.slice(type.length + 1)}`) ? renameTypeFix(module, declaration, near, `Change to \`${near}\``) : undefined,
      });
    }
  },
});
