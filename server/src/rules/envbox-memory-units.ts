import { Container, containerLabel, EnvEntry } from '../model/containers';
import { isLiteral } from '../model/facts/values';
import { attributesIn, asBlock } from '../model/syntax';
import { FixBuilder, indentUnit, lineIndent } from './edits';
import { defineRule, Fix } from './types';

/** One MiB: envbox reads CODER_MEMORY in bytes, so anything below is surely meant in other units. */
const ONE_MIB = 1048576;

export const envboxMemoryUnits = defineRule({
  meta: {
    id: 'envbox-memory-units',
    defaultSeverity: 'warning',
    description: 'CODER_MEMORY is in bytes; a literal below 1 MiB is almost certainly a unit mistake.',
    fixable: false,
    hasSuggestions: true,
    messages: {
      kubernetes:
        'CODER_MEMORY of {{container}} is {{bytes}}, but envbox reads it in bytes: the inner workspace gets a {{bytes}}-byte memory limit and cannot start. Take it from the container\'s memory limit with `value_from { resource_field_ref { resource = "limits.memory" } }`.',
      docker: 'CODER_MEMORY of {{container}} is {{bytes}}, but envbox reads it in bytes: the inner workspace gets a {{bytes}}-byte memory limit and cannot start. Give it in bytes (4 GiB is 4294967296).',
    },
    tags: ['envbox', 'docker', 'kubernetes'],
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (!c.isEnvbox) continue;
      for (const entry of c.env) {
        if (entry.name !== 'CODER_MEMORY' || !entry.valueNode) continue;
        const bytes = typeof entry.value === 'number' ? entry.value : typeof entry.value === 'string' && /^\s*\d+\s*$/.test(entry.value) ? Number(entry.value) : undefined;
        // 0 is envbox's default, "no limit"; only a positive literal below 1 MiB is a unit slip.
        if (bytes === undefined || bytes <= 0 || bytes >= ONE_MIB) continue;
        // Only a value written right there as a literal is replaced (not a local, or a dynamic block's shared content).
        const literal = entry.inPlace && isLiteral(entry.valueNode);
        const suggestion = c.platform === 'kubernetes' && literal ? fromLimitsSuggestion(c, entry) : undefined;
        report({
          file: c.file,
          range: c.file.rangeOf(entry.inPlace ? entry.valueNode : entry.node),
          messageId: c.platform === 'kubernetes' ? 'kubernetes' : 'docker',
          data: { container: containerLabel(c), bytes },
          suggestions: suggestion ? [suggestion] : undefined,
        });
      }
    }
  },
});

/** Replaces `value = …` with `value_from { resource_field_ref { resource = "limits.memory" } }`. */
function fromLimitsSuggestion(c: Container, entry: EnvEntry): Fix | undefined {
  const value = entry.valueNode?.parent;
  const block = asBlock(entry.node);
  if (!value || value.type !== 'attribute' || !block) return undefined;
  const file = c.file;
  const eol = file.lines.eol;
  const unit = indentUnit(file);
  const indent = lineIndent(file, value.startIndex);
  const text = [
    'value_from {',
    `${indent}${unit}resource_field_ref {`,
    `${indent}${unit}${unit}resource = "limits.memory"`,
    `${indent}${unit}}`,
    `${indent}}`,
  ].join(eol);
  const builder = new FixBuilder('Take CODER_MEMORY from resource_field_ref { resource = "limits.memory" }');
  builder.replaceNode(file, value, text);
  // The attributes that were aligned with `value` (usually just `name`) lose its width.
  const lineOf = (offset: number) => file.lines.positionAt(offset).line;
  const others = attributesIn(block.body).filter((a) => a.node.id !== value.id && lineOf(a.node.startIndex) === lineOf(a.node.endIndex));
  const width = Math.max(0, ...others.map((a) => a.name.length));
  for (const a of others) {
    const eq = a.node.children.find((n) => n?.type === '=');
    if (!eq) continue;
    const wanted = a.name.padEnd(width) + ' ';
    if (file.text.slice(a.nameNode.startIndex, eq.startIndex) !== wanted && file.text.slice(a.nameNode.startIndex, eq.startIndex).trimEnd() === a.name) {
      builder.replace(file, a.nameNode.startIndex, eq.startIndex, wanted);
    }
  }
  return builder.build();
}
