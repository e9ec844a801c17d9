import type { SyntaxNode } from '../model/parser';
import { nearestName } from '../model/names';
import { objectEntries, staticValue, tupleElements, unwrap } from '../model/syntax';
import type { AttributeSchema, CtyType, ValueChecks } from '../schema';
import { checkProblem, conversionProblem, convertPrimitive, Literal, quantityMapProblem } from '../schema/valueChecks';
import { FixBuilder } from './edits';
import { defineRule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

/** `{{problem}}` is what the shared value checks (schema/valueChecks.ts) find wrong with the value. */
const messages = {
  invalidValue: 'Invalid value for `{{name}}`: {{problem}}. `terraform plan` rejects it ({{release}}).',
  // Terraform's own blocks (`lifecycle`, …) have no provider release.
  invalidTerraformValue: 'Invalid value for `{{name}}`: {{problem}}. `terraform plan` rejects it.',
};
type MessageId = keyof typeof messages;

export const invalidValue = defineRule({
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    description: 'A literal value that cannot convert to the argument\'s type, or that the provider\'s own validation rejects (allowed values, range, length, pattern, format).',
    fixable: true,
    messages,
    tags: ['schema', 'push-check'],
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
});

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept<MessageId>[] {
  const found: Kept<MessageId>[] = [];
  for (const { ctx, attributes } of view.visits()) {
    if (!ctx.checked || !ctx.body) continue;
    const release = ctx.choice?.release;
    for (const a of attributes) {
      const schema = ctx.body.attributes.get(a.name);
      if (!schema || !a.value || (!schema.required && !schema.optional)) continue;
      if (OWN_RULE.has(`${ctx.owner?.type ?? ''}.${[...(ctx.owner?.path ?? []), a.name].join('.')}`)) continue;
      const problem = problemOf(schema, a.value);
      if (!problem) continue;
      const span = spanOf(view, problem.node);
      const replacement = problem.replacement;
      found.push({
        span,
        ...(release
          ? { messageId: 'invalidValue', data: { name: a.name, problem: problem.problem, release: releaseLabel(release) } }
          : { messageId: 'invalidTerraformValue', data: { name: a.name, problem: problem.problem } }),
        fix: replacement !== undefined ? ({ file, base }) => new FixBuilder(`Change to ${replacement}`).replace(file, base + span[0], base + span[1], replacement).build() : undefined,
      });
    }
  }
  return found;
}

/** Arguments a rule of their own checks, with Coder's words and a fix: `app-slug-invalid`. */
const OWN_RULE = new Set(['coder_app.slug']);

interface Problem {
  node: SyntaxNode;
  problem: string;
  /** The text that clearly was meant, when one is (the fix writes it over the node). */
  replacement?: string;
}

/** Literal kinds whose conversion to a string can fail (everything else converts, or is not a literal). */
const NOT_STRINGS = new Set(['tuple', 'object']);

/** The first problem of a literal value (or of one of its literal elements); unknown values have none. */
function problemOf(schema: AttributeSchema, valueNode: SyntaxNode): Problem | undefined {
  const node = unwrap(valueNode) ?? valueNode;
  // A string argument without checks takes any literal but a list or an object: most arguments, and
  // every heredoc script, end here without reading their text.
  if ((schema.type === 'string' || schema.type === 'dynamic') && !schema.checks && !NOT_STRINGS.has(node.type)) return undefined;
  const value = staticValue(node) as Literal | undefined;
  if (value !== undefined) {
    const conversion = conversionProblem(value, schema.type);
    if (conversion) return { node, problem: conversion, replacement: boolCase(node, value, schema.type) };
    if (typeof schema.type === 'string') return primitiveProblem(node, value, schema.type, schema.checks, schema.default);
  }
  if (typeof schema.type === 'string') return undefined;
  const [kind, inner] = schema.type;
  if (schema.checks?.format === 'quantity-map' && value !== undefined) {
    const problem = quantityMapProblem(value);
    if (problem) return { node, problem };
  }
  // Elements one by one: a list may mix literals with references, and only the literals are checked.
  if ((kind === 'list' || kind === 'set') && typeof inner === 'string' && schema.elementChecks) {
    for (const element of tupleElements(node) ?? []) {
      const v = staticValue(element) as Literal | undefined;
      const found = v === undefined ? undefined : primitiveProblem(unwrap(element) ?? element, v, inner, schema.elementChecks, undefined);
      if (found) return found;
    }
  }
  if (kind === 'map' && typeof inner === 'string' && schema.elementChecks) {
    for (const entry of objectEntries(node) ?? []) {
      const v = entry.valueNode ? (staticValue(entry.valueNode) as Literal | undefined) : undefined;
      const found = v === undefined ? undefined : primitiveProblem(unwrap(entry.valueNode) ?? entry.valueNode!, v, inner, schema.elementChecks, undefined);
      if (found) return found;
    }
  }
  return undefined;
}

function primitiveProblem(node: SyntaxNode, value: Literal, type: CtyType, checks: ValueChecks | undefined, def: AttributeSchema['default']): Problem | undefined {
  if (type !== 'string' && type !== 'number' && type !== 'bool') return undefined;
  const converted = convertPrimitive(value, type);
  if (!converted) return undefined;
  if ('problem' in converted) return { node, problem: converted.problem, replacement: boolCase(node, value, type) };
  if (!checks) return undefined;
  // Where the plugin SDK may read a value as unset, stay silent: an empty string (the SDK has long treated
  // it like null), and the provider's own default (`form_type = ""`, `timeout = 0`), which its validators
  // may never see.
  if (converted.value === '' || (def !== undefined && converted.value === def)) return undefined;
  const problem = checkProblem(converted.value, checks);
  if (!problem) return undefined;
  return { node, problem, replacement: allowedValue(node, value, checks) };
}

/** `"TCP"` for `"tcp"`, `"on-failure"` for `"on-falure"`: one allowed value that is clearly meant. */
function allowedValue(node: SyntaxNode, value: Literal, checks: ValueChecks): string | undefined {
  if (typeof value !== 'string' || !checks.allowed_values || node.type !== 'string_lit') return undefined;
  const allowed = checks.allowed_values.filter((v): v is string => typeof v === 'string' && v !== '');
  const sameCase = allowed.filter((v) => v.toLowerCase() === value.toLowerCase());
  const target = sameCase.length === 1 ? sameCase[0] : nearestName(value, allowed);
  return target ? JSON.stringify(target) : undefined;
}

/** `"true"` for `"True"`: Terraform takes only lowercase. */
function boolCase(node: SyntaxNode, value: Literal, type: CtyType): string | undefined {
  if (type !== 'bool' || typeof value !== 'string' || !/^(true|false)$/i.test(value) || node.type !== 'string_lit') return undefined;
  return JSON.stringify(value.toLowerCase());
}
