/** `module.<name>.<output>` where the module's outputs are known: part of undefined-reference. */
import type { TemplateModule } from '../../model/module';
import { moduleCall } from '../../model/moduleCalls';
import { nearestName } from '../../model/names';
import { FixBuilder } from '../edits';
import type { Report } from '../types';

export function checkModuleOutputs(module: TemplateModule, report: (r: Report) => void): void {
  for (const reference of module.references) {
    if (reference.kind !== 'module') continue;
    const call = moduleCall(module, reference.name);
    const target = call?.target;
    if (!call || !target || !call.current) continue;
    // The output comes after the module's name and any instance key (`module.x[0].y`).
    const steps = reference.traversal.steps;
    let i = 1;
    while (i < steps.length && steps[i]!.name === undefined && steps[i]!.index !== undefined) i++;
    const step = steps[i];
    if (!step?.name || target.outputs.includes(step.name)) continue;
    const near = nearestName(step.name, target.outputs);
    const nameNode = step.node.lastNamedChild ?? step.node;
    const outputs = target.outputs.length ? `its outputs are ${target.outputs.map((o) => `\`${o}\``).join(', ')}` : 'it has no outputs';
    report({
      file: reference.file,
      range: reference.file.rangeOf(nameNode),
      message: `The ${target.kind === 'local' ? 'local module' : 'module'} \`${target.name}\` has no output \`${step.name}\` (${outputs}): \`terraform plan\` stops with "Unsupported attribute".${near ? ` Did you mean \`${near}\`?` : ''}`,
      fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(reference.file, nameNode, near).build() : undefined,
    });
  }
}
