import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import type { SyntaxNode } from '../model/parser';
import { attribute, unwrap } from '../model/syntax';
import { coderParameters } from '../model/coderParameters';
import { FILE_FUNCTIONS } from '../model/pushedFolder';
import { textOffsets } from '../model/coderResources';
import { defineRule, MessageData, Report } from './types';

const BEFORE = 'Coder evaluates workspace tags when the template is pushed, before any provisioner runs, with only variables and `coder_parameter` defaults at hand';

/** The rule's messages, outside its meta so that the helpers below can name their ids (`TagMessageId`). */
const MESSAGES = {
  noTags: `\`data.{{data}}\` has no \`tags\`. ${BEFORE}, and the classic evaluation refuses the block: \`"tags" attribute is required by coder_workspace_tags\`.`,
  notMap: `${BEFORE}, so \`tags\` must be written as a map literal \`{ key = value, … }\`, not built from other values: \`"tags" attribute is expected to be a key-value map\`.`,
  duplicateKey:
    'The tag {{key}} is already set (line {{line}}); tags of every `coder_workspace_tags` block form one map. Pushing fails with `workspace tag {{key}} is defined multiple times`.',
  notPrimitive:
    'A tag value must be a string, number or bool. Pushing fails with `failed to marshal workspace tag key {{key}} value {{value}} as string: only primitive types are supported - bool, number, and string`.',
  fileFunction: `${BEFORE}; it has no files there, so \`{{function}}()\` cannot be used in a tag value.`,
  unsupportedDataSource: `${BEFORE}: \`{{name}}\` has no value then. Pushing fails with \`invalid workspace tag value {{expression}}: only the "coder_parameter" data source is supported here\`.`,
  unknownValue: `${BEFORE}: \`{{name}}\` has no value then. Pushing fails with \`failed to evaluate workspace tag key {{key}} value {{value}}: …Unknown variable…\`.`,
  parameterWithoutDefault:
    `\`data.coder_parameter.{{parameter}}\` has no default, and ${BEFORE.charAt(0).toLowerCase()}${BEFORE.slice(1)}: the tag has no value then. ` +
    'Coder refuses the push (`Tag value is not known, it likely refers to a variable that is not set or has no default.`; older versions: `evaluated to an empty value, please set a default value`).',
  parameterDefaultReference:
    `The default of \`data.coder_parameter.{{parameter}}\` refers to \`{{reference}}\`. ${BEFORE}, and a parameter's default may only use literals and variables there: ` +
    '`failed to evaluate coder_parameter {{label}} default value {{default}}: …`.',
};

type TagMessageId = keyof typeof MESSAGES;

export const workspaceTagsNotStatic = defineRule({
  meta: {
    id: 'workspace-tags-not-static',
    defaultSeverity: 'error',
    description: '`coder_workspace_tags` that Coder cannot evaluate when the template is pushed: not a literal map, a repeated key, or a value that needs more than variables and parameter defaults.',
    fixable: false,
    messages: MESSAGES,
    tags: ['push-check'],
  },
  check({ module, report }) {
    const keys = new Map<string, SyntaxNode>();
    for (const data of module.dataSources('coder_workspace_tags')) {
      const block = data.block;
      if (!block) continue;
      const file = data.file;
      const tags = attribute(block, 'tags');
      if (!tags?.value) {
        report({
          file,
          range: file.rangeOfOffsets(...textOffsets(block.labelNodes[1] ?? block.typeNode)),
          severity: 'warning',
          messageId: 'noTags',
          data: { data: data.name },
        });
        continue;
      }
      const object = unwrap(tags.value);
      if (object?.type !== 'object') {
        report({
          file,
          range: file.rangeOf(tags.value),
          messageId: 'notMap',
        });
        continue;
      }
      for (const element of object.namedChildren) {
        if (!element || element.type !== 'object_elem') continue;
        const [keyNode, valueNode] = element.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression');
        if (!keyNode || !valueNode) continue;
        const key = keyNode.text.replace(/^"+|"+$/g, '');
        const first = keys.get(key);
        if (first) {
          report({
            file,
            range: file.rangeOf(keyNode),
            messageId: 'duplicateKey',
            data: { key: JSON.stringify(key), line: first.startPosition.row + 1 },
          });
        } else keys.set(key, keyNode);
        for (const problem of valueProblems(module, file, key, valueNode)) report(problem);
      }
    }
  },
});

/** What in one tag value Coder cannot evaluate at push time. */
function valueProblems(module: TemplateModule, file: TfFile, key: string, value: SyntaxNode): Array<Report<TagMessageId>> {
  const inner = unwrap(value);
  const fail = (node: SyntaxNode, { messageId, data }: Problem): Report<TagMessageId> => ({ file, range: file.rangeOf(node), messageId, data });
  if (inner && ['tuple', 'object', 'for_tuple_expr', 'for_object_expr'].includes(inner.type)) {
    return [fail(value, { messageId: 'notPrimitive', data: { key: JSON.stringify(key), value: JSON.stringify(value.text) } })];
  }
  const out: Array<Report<TagMessageId>> = [];
  for (const call of value.descendantsOfType('function_call')) {
    const name = call?.namedChildren[0]?.text;
    if (call && name && FILE_FUNCTIONS.has(name)) {
      out.push(fail(call, { messageId: 'fileFunction', data: { function: name } }));
    }
  }
  for (const variable of value.descendantsOfType('variable_expr')) {
    const expression = variable?.parent;
    if (!variable || !expression || expression.firstNamedChild?.id !== variable.id) continue;
    const root = variable.text;
    const reference = module.references.find((r) => r.file === file && r.start === variable.startIndex);
    if (root === 'var') continue;
    if (reference?.kind === 'data' && reference.resourceType === 'coder_parameter') {
      const problem = parameterProblem(module, reference.name.slice('coder_parameter.'.length));
      if (problem) out.push(fail(expression, problem));
      continue;
    }
    const name = reference ? `${reference.kind === 'data' ? 'data.' : reference.kind === 'resource' ? '' : `${reference.kind}.`}${reference.name}` : root;
    const dataSource = reference?.kind === 'data' && value.text.trim() === expression.text;
    out.push(
      fail(
        expression,
        dataSource
          ? { messageId: 'unsupportedDataSource', data: { name, expression: JSON.stringify(expression.text) } }
          : { messageId: 'unknownValue', data: { name, key: JSON.stringify(key), value: JSON.stringify(value.text) } },
      ),
    );
  }
  return out;
}

/** One of the messages with its data. */
interface Problem {
  messageId: TagMessageId;
  data?: MessageData;
}

/** Why a parameter used in a tag cannot give it a value at push time, or undefined. */
function parameterProblem(module: TemplateModule, label: string): Problem | undefined {
  const parameter = coderParameters(module).find((p) => p.declaration.name === `coder_parameter.${label}`);
  if (!parameter) return undefined; // undeclared: undefined-reference says so
  const fallback = parameter.default;
  if (fallback.state === 'absent' || fallback.state === 'null') {
    return { messageId: 'parameterWithoutDefault', data: { parameter: label } };
  }
  const defaultNode = attribute(parameter.block, 'default')?.value;
  if (!defaultNode) return undefined;
  const outside = module.references.find(
    (r) => r.file === parameter.declaration.file && r.start >= defaultNode.startIndex && r.end <= defaultNode.endIndex && r.kind !== 'var',
  );
  if (!outside) return undefined;
  return {
    messageId: 'parameterDefaultReference',
    data: { parameter: label, reference: `${outside.kind === 'data' ? 'data.' : ''}${outside.name}`, label: JSON.stringify(label), default: JSON.stringify(defaultNode.text) },
  };
}
