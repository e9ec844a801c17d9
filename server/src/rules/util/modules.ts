/** Helpers of the module rules: what a fix writes for a module input (and a required argument). */
import type { TemplateModule } from '../../model/module';
import { attribute } from '../../model/syntax';
import type { Fix } from '../types';

/**
 * The value an `agent_id` can only have: `coder_agent.<name>.id` when the template has one agent, without
 * count or for_each (the input every Coder module takes, and the argument of every agent-bound resource).
 * Undefined for any other name, or when the agent is not plain.
 */
export function settledValue(module: TemplateModule, name: string): string | undefined {
  if (name !== 'agent_id') return undefined;
  const agents = module.resources('coder_agent');
  if (agents.length !== 1) return undefined;
  const agent = agents[0]!;
  const counted = !!attribute(agent.block, 'count') || !!attribute(agent.block, 'for_each');
  return counted ? undefined : `${agent.name}.id`;
}

/** A value to write for a required input: its settled value (above), else an empty value of the input's type. */
export function inputPlaceholder(module: TemplateModule, name: string, input: { type?: string }): string {
  const settled = settledValue(module, name);
  if (settled) return settled;
  const type = (input.type ?? 'any').replace(/\s+/g, '');
  if (type === 'string') return '""';
  if (type === 'number') return '0';
  if (type === 'bool') return 'false';
  if (/^(list|set|tuple)\(/.test(type)) return '[]';
  if (/^(map|object)\(/.test(type)) return '{}';
  return 'null';
}

/**
 * Adding required values is a fix only when the template settles every one of them (`settledValue`): a
 * placeholder (`""`, `0`, a first allowed value) is a guess the author must replace, so it is offered as
 * a suggestion, which `lint --fix` never applies.
 */
export function placeholdersOnlySuggested(fix: Fix, settled: boolean): { fix?: Fix; suggestions?: Fix[] } {
  return settled ? { fix } : { suggestions: [fix] };
}
