import type { Declaration, Reference } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import type { TfFile } from '../model/document';
import { canDeclare } from './fixes/declare';
import { FixBuilder } from './edits';
import { isReferenceName } from '../model/syntax';
import { editDistance } from '../model/names';
import { providerOfType } from '../schema';
import { defineRule, type Fix } from './types';
import { checkModuleOutputs, MODULE_OUTPUT_MESSAGES } from './util/moduleOutputs';

const KIND_OF_REFERENCE = { var: 'variable', local: 'local', data: 'data', module: 'module', resource: 'resource' } as const;
const MESSAGE_OF_KIND = { var: 'undeclaredVariable', local: 'undeclaredLocal', data: 'undeclaredDataSource', module: 'undeclaredModule', resource: 'undeclaredResource' } as const;

/** `{{hint}}` is empty or " Did you mean `<reference>`?", the one close declared name. */
const undeclared = (what: string, terraformWhat = what) =>
  `\`{{reference}}\` refers to a ${what} that this module does not declare: Terraform stops with "Reference to undeclared ${terraformWhat}".{{hint}}`;

const OTHER_PROVIDER_PREFIXES = ['null', 'random', 'local', 'time', 'tls', 'http', 'external', 'terraform'];

export const undefinedReference = defineRule({
  meta: {
    id: 'undefined-reference',
    defaultSeverity: 'error',
    description: 'A reference names a variable, local, data source, module or resource that the module does not declare, or an output a known module does not have.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      undeclaredVariable: undeclared('variable', 'input variable'),
      undeclaredLocal: undeclared('local value'),
      undeclaredDataSource: undeclared('data source'),
      undeclaredModule: undeclared('module'),
      undeclaredResource: undeclared('resource'),
      ...MODULE_OUTPUT_MESSAGES,
    },
    tags: ['modules', 'push-check'],
  },
  check({ module, report }) {
    const iterators = new Map<TfFile, Set<string>>();
    for (const reference of module.references) {
      if (module.find(KIND_OF_REFERENCE[reference.kind], reference.name)) continue;
      if (reference.kind === 'resource' && !isKnownResourceType(module, reference.resourceType ?? '')) continue;
      if (reference.kind === 'resource') {
        // Only a would-be resource reference can be an iterator's name (`for` and `dynamic` bind bare names).
        let names = iterators.get(reference.file);
        if (!names) iterators.set(reference.file, (names = iteratorNames(reference.file)));
        if (names.has(reference.resourceType ?? '')) continue;
      }
      const text = reference.file.text.slice(reference.start, reference.end);
      const candidates = closestNames(module, reference);
      const fix =
        candidates.length === 1
          ? renameFix(reference, candidates[0])
          : undefined;
      const suggestions = [
        ...(candidates.length > 1 ? candidates.map((c) => renameFix(reference, c)) : []),
        ...declareSuggestion(module, reference),
      ];
      const hint = candidates.length === 1 ? ` Did you mean \`${prefixOf(reference)}${candidates[0]}\`?` : '';
      report({
        file: reference.file,
        range: reference.file.rangeOfOffsets(reference.start, reference.end),
        messageId: MESSAGE_OF_KIND[reference.kind],
        data: { reference: text, hint },
        fix,
        suggestions: suggestions.length ? suggestions : undefined,
      });
    }
    checkModuleOutputs(module, report);
  },
});

function isKnownResourceType(module: TemplateModule, type: string): boolean {
  // A type of a provider the extension knows is a resource type even when the module declares none of it.
  if (module.resources(type).length || providerOfType(type)) return true;
  const prefix = type.split('_')[0];
  if (OTHER_PROVIDER_PREFIXES.includes(prefix)) return true;
  return module.requiredProviders.some((p) => p.localName === prefix) || module.declarationsOf('provider').some((p) => p.name.split('.')[0] === prefix);
}

/** Names bound by `for` expressions and `dynamic` blocks, which look like references but are not. */
function iteratorNames(file: TfFile): Set<string> {
  const names = new Set<string>();
  // One tree-sitter query for the node types instead of visiting every node from JavaScript; blocks are
  // many, and only worth fetching when a `dynamic` block can be there at all.
  const types = file.text.includes('dynamic') ? ['for_intro', 'block'] : ['for_intro'];
  for (const node of file.descendantsOfType(types)) {
    if (node.type === 'for_intro') {
      for (const child of node.namedChildren) if (child?.type === 'identifier') names.add(child.text);
    } else if (node.namedChildren[0]?.text === 'dynamic') {
      const label = node.namedChildren[1];
      if (label) names.add(label.text.replace(/^"|"$/g, ''));
    }
  }
  return names;
}

function prefixOf(reference: Reference): string {
  switch (reference.kind) {
    case 'var':
      return 'var.';
    case 'local':
      return 'local.';
    case 'module':
      return 'module.';
    case 'data':
      return `data.${reference.resourceType}.`;
    case 'resource':
      return `${reference.resourceType}.`;
  }
}

function shortName(reference: Reference): string {
  return reference.kind === 'data' || reference.kind === 'resource' ? reference.name.slice((reference.resourceType ?? '').length + 1) : reference.name;
}

/**
 * Declared names of the same kind that fit the missing one (RULES.md: edit distance ≤ 3, or a `_` part),
 * and that a reference can spell: a label that is no identifier (`"\uFFFDme"`) cannot be referred to.
 */
export function closestNames(module: TemplateModule, reference: Reference): string[] {
  const missing = shortName(reference);
  const declared: Declaration[] = module.declarationsOf(KIND_OF_REFERENCE[reference.kind]).filter(
    (d) => (reference.kind !== 'data' && reference.kind !== 'resource') || d.resourceType === reference.resourceType,
  );
  const names = [...new Set(declared.map((d) => (d.resourceType ? d.name.slice(d.resourceType.length + 1) : d.name)))];
  return names.filter((name) => name !== missing && isReferenceName(name) && (editDistance(name, missing) <= 3 || name.split('_').includes(missing)));
}

function renameFix(reference: Reference, name: string): Fix {
  return new FixBuilder(`Change to \`${prefixOf(reference)}${name}\``)
    .replace(reference.file, reference.nameStart, reference.nameEnd, name)
    .build();
}

function declareSuggestion(module: TemplateModule, reference: Reference): Fix[] {
  const file = reference.file;
  const eol = file.lines.eol;
  const end = file.text.length;
  const lead = file.text.endsWith('\n') || file.text.endsWith('\r') ? '' : eol;
  if (reference.kind === 'var') {
    if (!canDeclare(file, 'variable', [reference.name])) return [];
    return [
      new FixBuilder(`Declare \`variable "${reference.name}"\``)
        .replace(file, end, end, `${lead}${eol}variable "${reference.name}" {${eol}  type        = string${eol}  description = ""${eol}}${eol}`)
        .build(),
    ];
  }
  if (reference.kind === 'local') {
    const locals = module.blocks.find(({ block, file: f }) => block.type === 'locals' && f === file);
    const builder = new FixBuilder(`Declare \`local.${reference.name}\``);
    if (!locals && !canDeclare(file, 'locals', [])) return [];
    if (locals) builder.insertAttribute(file, locals.block, reference.name, 'null');
    else builder.replace(file, end, end, `${lead}${eol}locals {${eol}  ${reference.name} = null${eol}}${eol}`);
    return [builder.build()];
  }
  return [];
}
