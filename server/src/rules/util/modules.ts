/** Helpers of the module rules: what a fix writes for a module input. */
import type { TemplateModule } from '../../model/module';
import { attribute } from '../../model/syntax';

/**
 * A value to write for a required input: `coder_agent.<name>.id` for `agent_id` when the template has one
 * agent (the input every Coder module takes), else an empty value of the input's type.
 */
export function inputPlaceholder(module: TemplateModule, name: string, input: { type?: string }): string {
  if (name === 'agent_id') {
    const agents = module.resources('coder_agent');
    if (agents.length === 1) {
      const agent = agents[0]!;
      const counted = !!attribute(agent.block, 'count') || !!attribute(agent.block, 'for_each');
      if (!counted) return `${agent.name}.id`;
    }
  }
  const type = (input.type ?? 'any').replace(/\s+/g, '');
  if (type === 'string') return '""';
  if (type === 'number') return '0';
  if (type === 'bool') return 'false';
  if (/^(list|set|tuple)\(/.test(type)) return '[]';
  if (/^(map|object)\(/.test(type)) return '{}';
  return 'null';
}
