/** `module.<name>.<output>` where the module's outputs are known: part of undefined-reference. */
import type { TemplateModule } from '../../model/module';
import { moduleCall } from '../../model/moduleCalls';
import { nearestName } from '../../model/names';
import { FixBuilder } from '../edits';
import type { Report } from '../types';

const UNSUPPORTED = '`terraform plan` stops with "Unsupported attribute".{{hint}}';

/**
 * The messages of `checkModuleOutputs`, for the meta of the rule that runs it. `{{outputs}}` lists the
 * module's outputs, each in backticks; `{{hint}}` is empty or " Did you mean `<output>`?".
 */
export const MODULE_OUTPUT_MESSAGES = {
  missingOutput: `The module \`{{module}}\` has no output \`{{output}}\` (its outputs are {{outputs}}): ${UNSUPPORTED}`,
  missingOutputOfNone: `The module \`{{module}}\` has no output \`{{output}}\` (it has no outputs): ${UNSUPPORTED}`,
  localMissingOutput: `The local module \`{{module}}\` has no output \`{{output}}\` (its outputs are {{outputs}}): ${UNSUPPORTED}`,
  localMissingOutputOfNone: `The local module \`{{module}}\` has no output \`{{output}}\` (it has no outputs): ${UNSUPPORTED}`,
};
export type ModuleOutputMessageId = keyof typeof MODULE_OUTPUT_MESSAGES;

export function checkModuleOutputs(module: TemplateModule, report: (r: Report<ModuleOutputMessageId>) => void): void {
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
    const data = { module: target.name, output: step.name, hint: near ? ` Did you mean \`${near}\`?` : '' };
    const local = target.kind === 'local';
    report({
      file: reference.file,
      range: reference.file.rangeOf(nameNode),
      ...(target.outputs.length
        ? { messageId: local ? 'localMissingOutput' : 'missingOutput', data: { ...data, outputs: target.outputs.map((o) => `\`${o}\``).join(', ') } }
        : { messageId: local ? 'localMissingOutputOfNone' : 'missingOutputOfNone', data }),
      fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(reference.file, nameNode, near).build() : undefined,
    });
  }
}
