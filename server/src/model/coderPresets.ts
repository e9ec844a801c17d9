import { argument, ArgumentValue, instanceCount, literalBool, literalString } from './coderValues';
import type { Declaration } from './fileIndex';
import type { TemplateModule } from './module';
import type { SyntaxNode } from './parser';
import { attribute, childBlock, childBlocks, HclBlock, objectEntries } from './syntax';

/** `data "coder_workspace_preset"`: what Coder's import and push checks read of it. */
export interface CoderPreset {
  declaration: Declaration;
  block: HclBlock;
  name: ArgumentValue<string>;
  isDefault: ArgumentValue<boolean>;
  /** How many instances the import plan holds; undefined when unknown. */
  instances: number | undefined;
  /** `parameters = { … }` entries with a literal key; undefined when the map is not a literal object. */
  parameters?: PresetValue[];
  /** `prebuilds.scheduling`, when written. */
  scheduling?: { block: HclBlock; timezone: ArgumentValue<string>; schedules: Array<{ block: HclBlock; cron: ArgumentValue<string> }> };
}

export interface PresetValue {
  /** The parameter's name, as the map key gives it. */
  name: string;
  keyNode: SyntaxNode;
  /** The value as a string, when literal. */
  value?: string;
  valueNode?: SyntaxNode;
}

const presets = new WeakMap<TemplateModule, CoderPreset[]>();

/** The template's own presets, in file and document order (read once per module snapshot). */
export function coderPresets(module: TemplateModule): CoderPreset[] {
  let known = presets.get(module);
  if (!known) {
    known = module.dataSources('coder_workspace_preset').flatMap((d) => (d.block ? [readPreset(d, d.block)] : []));
    presets.set(module, known);
  }
  return known;
}

function readPreset(declaration: Declaration, block: HclBlock): CoderPreset {
  const parameters = attribute(block, 'parameters');
  const entries = parameters?.value ? objectEntries(parameters.value) : undefined;
  const scheduling = childBlock(childBlock(block, 'prebuilds'), 'scheduling');
  return {
    declaration,
    block,
    name: argument(block, 'name', literalString),
    isDefault: argument(block, 'default', literalBool),
    instances: instanceCount(block),
    parameters: entries?.map((e) => ({ name: e.key, keyNode: e.keyNode, value: literalString(e.valueNode), valueNode: e.valueNode })),
    scheduling: scheduling && {
      block: scheduling,
      timezone: argument(scheduling, 'timezone', literalString),
      schedules: childBlocks(scheduling, 'schedule').map((s) => ({ block: s, cron: argument(s, 'cron', literalString) })),
    },
  };
}
