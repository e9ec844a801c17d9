import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import { nearestName } from '../model/names';
import { schemaVisits } from '../model/schemaWalk';
import { objectEntries, staticValue, tupleElements, unwrap } from '../model/syntax';
import type { AttributeSchema, CtyType, ValueChecks } from '../schema';
import { checkProblem, conversionProblem, convertPrimitive, Literal, quantityMapProblem } from '../schema/valueChecks';
import { FixBuilder } from './edits';
import type { Fix, Report, Rule } from './types';
import { releaseLabel } from './util/schema';

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    description: 'A literal value that cannot convert to the argument\'s type, or that the provider\'s own validation rejects (allowed values, range, length, pattern, format).',
    fixable: true,
  },
  check({ module, report }) {
    for (const { file, ctx, attributes } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body) continue;
      for (const a of attributes) {
        const schema = ctx.body.attributes.get(a.name);
        if (!schema || !a.value || (!schema.required && !schema.optional)) continue;
        const found = problemOf(file, schema, a.value);
        if (!found) continue;
        const release = ctx.choice?.release;
        report({
          file,
          range: file.rangeOf(found.node),
          message: `Invalid value for \`${a.name}\`: ${found.problem}. \`terraform plan\` rejects it${release ? ` (${releaseLabel(release)})` : ''}.`,
          fix: found.fix,
        } satisfies Report);
      }
    }
  },
};

interface Problem {
  node: SyntaxNode;
  problem: string;
  fix?: Fix;
}

/** The first problem of a literal value (or of one of its literal elements); unknown values have none. */
function problemOf(file: TfFile, schema: AttributeSchema, valueNode: SyntaxNode): Problem | undefined {
  const node = unwrap(valueNode) ?? valueNode;
  const value = staticValue(node) as Literal | undefined;
  if (value !== undefined) {
    const conversion = conversionProblem(value, schema.type);
    if (conversion) return { node, problem: conversion, fix: boolCaseFix(file, node, value, schema.type) };
    if (typeof schema.type === 'string') return primitiveProblem(file, node, value, schema.type, schema.checks, schema.default);
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
      const found = v === undefined ? undefined : primitiveProblem(file, unwrap(element) ?? element, v, inner, schema.elementChecks, undefined);
      if (found) return found;
    }
  }
  if (kind === 'map' && typeof inner === 'string' && schema.elementChecks) {
    for (const entry of objectEntries(node) ?? []) {
      const v = entry.valueNode ? (staticValue(entry.valueNode) as Literal | undefined) : undefined;
      const found = v === undefined ? undefined : primitiveProblem(file, unwrap(entry.valueNode) ?? entry.valueNode!, v, inner, schema.elementChecks, undefined);
      if (found) return found;
    }
  }
  return undefined;
}

function primitiveProblem(file: TfFile, node: SyntaxNode, value: Literal, type: CtyType, checks: ValueChecks | undefined, def: AttributeSchema['default']): Problem | undefined {
  if (type !== 'string' && type !== 'number' && type !== 'bool') return undefined;
  const converted = convertPrimitive(value, type);
  if (!converted) return undefined;
  if ('problem' in converted) return { node, problem: converted.problem, fix: boolCaseFix(file, node, value, type) };
  if (!checks) return undefined;
  // Where the plugin SDK may read a value as unset, stay silent: an empty string (the SDK has long treated
  // it like null), and the provider's own default (`form_type = ""`, `timeout = 0`), which its validators
  // may never see.
  if (converted.value === '' || (def !== undefined && converted.value === def)) return undefined;
  const problem = checkProblem(converted.value, checks);
  if (!problem) return undefined;
  return { node, problem, fix: allowedValueFix(file, node, value, checks) };
}

/** `"TCP"` for `"tcp"`, `"on-failure"` for `"on-falure"`: one allowed value that is clearly meant. */
function allowedValueFix(file: TfFile, node: SyntaxNode, value: Literal, checks: ValueChecks): Fix | undefined {
  if (typeof value !== 'string' || !checks.allowed_values || node.type !== 'string_lit') return undefined;
  const allowed = checks.allowed_values.filter((v): v is string => typeof v === 'string' && v !== '');
  const sameCase = allowed.filter((v) => v.toLowerCase() === value.toLowerCase());
  const target = sameCase.length === 1 ? sameCase[0] : nearestName(value, allowed);
  return target ? new FixBuilder(`Change to "${target}"`).replaceNode(file, node, JSON.stringify(target)).build() : undefined;
}

/** `"True"` for a bool: Terraform takes only lowercase. */
function boolCaseFix(file: TfFile, node: SyntaxNode, value: Literal, type: CtyType): Fix | undefined {
  if (type !== 'bool' || typeof value !== 'string' || !/^(true|false)$/i.test(value) || node.type !== 'string_lit') return undefined;
  return new FixBuilder(`Change to "${value.toLowerCase()}"`).replaceNode(file, node, JSON.stringify(value.toLowerCase())).build();
}
