import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import { providerAdmitsMajor, providerOnlyBelow } from '../model/providers';
import { asAttribute, HclAttribute, walk } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule, type Fix } from './types';

const SOURCE = 'hashicorp/kubernetes';
const FIRST_WITH_RUNTIME_CLASS = '2.16.0';
/** The fix's constraint: 2.16.0 or later, within major 2 (3.0.0 removed and renamed resources). */
const WITHIN_MAJOR_2 = `>= ${FIRST_WITH_RUNTIME_CLASS}, < 3.0.0`;

export const kubernetesProviderTooOld = defineRule({
  meta: {
    id: 'kubernetes-provider-too-old',
    defaultSeverity: 'error',
    description: '`runtime_class_name` needs hashicorp/kubernetes 2.16.0 or newer, but the version constraint admits only older versions.',
    fixable: true,
    messages: {
      tooOld:
        `\`runtime_class_name\` exists only from hashicorp/kubernetes ${FIRST_WITH_RUNTIME_CLASS}, but the constraint "{{constraint}}" ({{file}}) admits only older versions: ` +
        '`terraform init` installs a provider without it, the plan fails with "Unsupported argument", and the pod cannot be put under Sysbox. ' +
        `Require ">= ${FIRST_WITH_RUNTIME_CLASS}".`,
    },
    tags: ['sysbox', 'kubernetes', 'push-check'],
  },
  check({ module, report }) {
    if (!providerOnlyBelow(module, SOURCE, [2, 16, 0])) return;
    const entry = module.requiredProvider(SOURCE);
    if (!entry?.version) return;
    // Moving a template pinned to 1.x (or older) onto 2.x is a major upgrade the user has to make: no fix.
    const fix = providerAdmitsMajor(module, SOURCE, 2) ? constraintFix(entry.file, entry.versionNode) : undefined;
    for (const resource of module.resources()) {
      if (!resource.resourceType?.startsWith('kubernetes_') || !resource.block) continue;
      // Pod specs sit in `spec` (pods), `spec.template.spec` (deployments) and deeper in other workloads.
      for (const a of runtimeClassAttributes(resource.block.node)) {
        report({
          file: resource.file,
          range: resource.file.rangeOf(a.node),
          messageId: 'tooOld',
          data: { constraint: entry.version, file: baseName(entry.file) },
          fix,
        });
      }
    }
  },
});

function runtimeClassAttributes(node: SyntaxNode): HclAttribute[] {
  const out: HclAttribute[] = [];
  walk(node, (n) => {
    if (n.type !== 'attribute') return true;
    const a = asAttribute(n);
    if (a?.name === 'runtime_class_name') out.push(a);
    return false;
  });
  return out;
}

function constraintFix(file: TfFile, versionNode: SyntaxNode | undefined): Fix | undefined {
  if (!versionNode) return undefined;
  return new FixBuilder(`Require hashicorp/kubernetes "${WITHIN_MAJOR_2}"`).replaceNode(file, versionNode, `"${WITHIN_MAJOR_2}"`).build();
}

function baseName(file: TfFile): string {
  return file.path.split(/[\\/]/).pop() ?? file.path;
}
