/** Hover on references: what a variable, local, module or resource is; what an attribute of a type is. */
import type { TfFile } from '../../model/document';
import type { Declaration } from '../../model/fileIndex';
import type { TemplateModule } from '../../model/module';
import { asAttribute, attribute, staticValue } from '../../model/syntax';
import type { SchemaKind } from '../../schema';
import { RefTarget, stepInto } from '../../schema/references';
import { moduleCall } from '../../model/moduleCalls';
import { moduleMarkdown } from '../modules';
import { referenceAt } from '../navigation';
import { attributeDetail, attributeMarkdown, blockLimits, blockMarkdown, code, entryInfo, removalMarkdown, resourceMarkdown } from '../schemaDocs';
import type { Answer } from './answer';

export function referenceHover(file: TfFile, module: TemplateModule, offset: number): Answer | undefined {
  const found = referenceAt(file, offset);
  if (!found) return undefined;
  const { reference, stepIndex } = found;
  const nameSteps = reference.kind === 'data' ? 2 : 1;
  const steps = reference.traversal.steps;
  // The first attribute comes after the instance name and any instance key (`[0]`, `["a"]`).
  let attributeAt = nameSteps;
  while (attributeAt < steps.length && steps[attributeAt]!.name === undefined) attributeAt++;
  if (reference.resourceType && stepIndex >= attributeAt && steps[stepIndex]?.name) {
    return attributeHover(module, reference.kind === 'data' ? 'data' : 'resource', reference.resourceType, `${reference.kind === 'data' ? 'data.' : ''}${reference.name}`, steps, attributeAt, stepIndex);
  }
  if (reference.kind === 'module' && stepIndex >= 1) {
    const call = moduleCall(module, reference.name);
    const target = call?.target;
    const step = steps[stepIndex];
    if (!call || !target || !step?.name || steps.slice(1, stepIndex).some((s) => s.name !== undefined)) return undefined;
    const known = target.outputs.includes(step.name);
    return { markdown: known ? `**${step.name}** · output of ${code(target.name)} (${code(`module.${call.name}`)})` : `${code(target.name)} has no output ${code(step.name)}.`, node: step.node };
  }
  if (stepIndex >= nameSteps) return undefined;
  const kindOf = { var: 'variable', local: 'local', data: 'data', module: 'module', resource: 'resource' } as const;
  const declaration = module.find(kindOf[reference.kind], reference.name);
  const span = { start: reference.start, end: reference.end };
  if (!declaration) return { markdown: `${code(file.text.slice(reference.start, reference.end))} is not declared in this module.`, ...span };
  return { markdown: declarationMarkdown(module, declaration), ...span };
}

function attributeHover(
  module: TemplateModule,
  kind: SchemaKind,
  type: string,
  address: string,
  steps: ReadonlyArray<{ name?: string; index?: number | string; node: Answer['node'] }>,
  from: number,
  at: number,
): Answer | undefined {
  const schema = module.schemas.type(kind, type);
  const hovered = steps[at];
  if (!schema || !hovered?.name) return undefined;
  if (at === from) {
    const owner = { kind, type, schema, path: [] };
    const a = schema.block.attributes.get(hovered.name);
    if (a) return { markdown: `**${hovered.name}** of ${code(address)} · ${attributeDetail(a).replace(/^([^ ]+)/, '`$1`')}\n\n${attributeMarkdown(a, entryInfo(owner, a, false))}`, node: hovered.node };
    const b = schema.block.blocks.get(hovered.name);
    if (b) return { markdown: `**${hovered.name}** of ${code(address)} · block${blockLimits(b)}\n\n${blockMarkdown(b, entryInfo(owner, b, true))}`, node: hovered.node };
    const removed = schema.release.removals.find((r) => r.path === `${kind}.${type}.${hovered.name}`);
    if (removed) return { markdown: `**${hovered.name}** of ${code(address)}\n\n${removalMarkdown(schema.release.source, removed)}`, node: hovered.node };
    return undefined;
  }
  // Deeper: say what the step reaches (an object's key), following the steps from the first attribute.
  let target: RefTarget | 'unsupported' | undefined = { body: schema.block };
  for (let i = from; i <= at && target && target !== 'unsupported'; i++) {
    const step = steps[i]!;
    target = stepInto(target, step.name !== undefined ? { name: step.name } : { index: step.index ?? 0 });
  }
  if (!target || target === 'unsupported' || !('type' in target)) return undefined;
  return { markdown: `**${hovered.name}** · ${code(JSON.stringify(target.type).replace(/"/g, ''))} in ${code(address)}`, node: hovered.node };
}

function declarationMarkdown(module: TemplateModule, d: Declaration): string {
  const where = `Declared in ${code(baseName(d.file.path))}, line ${d.file.positionAt(d.node.startIndex).line + 1}.`;
  const parts: string[] = [];
  switch (d.kind) {
    case 'variable': {
      parts.push(`**variable** ${code(d.name)}`);
      const type = attribute(d.block, 'type')?.value?.text;
      const defaultValue = attribute(d.block, 'default')?.value?.text;
      const description = staticValue(attribute(d.block, 'description')?.value);
      if (typeof description === 'string' && description) parts.push(description);
      parts.push(`Type: ${type ? code(type) : 'any'}`);
      parts.push(defaultValue !== undefined ? `Default: ${code(shorten(defaultValue))}` : 'No default: the template admin must set it.');
      break;
    }
    case 'local':
      parts.push(`**local** ${code(d.name)}`, '```hcl\n' + shorten(asAttribute(d.node)?.value?.text ?? '', 300) + '\n```');
      break;
    case 'module': {
      const call = moduleCall(module, d.name);
      if (call?.target) parts.push(moduleMarkdown(call));
      else parts.push(`**module** ${code(d.name)}`, `Source: ${code(String(staticValue(attribute(d.block, 'source')?.value) ?? '?'))}`);
      break;
    }
    case 'resource':
    case 'data': {
      const schema = module.schemas.type(d.kind, d.resourceType ?? '');
      parts.push(`**${d.kind === 'data' ? 'data source' : 'resource'}** ${code(d.name)}`);
      if (schema) parts.push(resourceMarkdown(schema, false));
      break;
    }
    default:
      parts.push(`**${d.kind}** ${code(d.name)}`);
  }
  parts.push(where);
  return parts.join('\n\n');
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

export function shorten(text: string, max = 80): string {
  const flat = max > 100 ? text : text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
