import { folderAnchor } from '../model/pushedFolder';
import { defineRule } from './types';

const REFUSED =
  '`coder templates push` without a name names the template after its folder, and Coder refuses {{name}} as a template name (`{{problem}}`; names are letters and digits joined by single hyphens, under 32 characters). ';

/** codersdk.NameValid: letters and digits in runs joined by single hyphens. */
const TEMPLATE_NAME = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
/** The CLI refuses 32 characters or more before it asks the server (which allows 32). */
const MAX_LENGTH = 31;

/** Why Coder refuses the name, in its own words, or undefined. */
export function templateNameProblem(name: string): string | undefined {
  if ([...name].length > MAX_LENGTH) return 'Template name must be less than 32 characters';
  if (name === 'new' || name === 'create') return `cannot use ${JSON.stringify(name)} as a name`;
  if (!TEMPLATE_NAME.test(name)) return 'must be alphanumeric with hyphens';
  return undefined;
}

export const templateNameInvalid = defineRule({
  meta: {
    id: 'template-name-invalid',
    defaultSeverity: 'warning',
    description: 'The folder name, which `coder templates push` takes as the template name when none is given, is one Coder refuses.',
    fixable: false,
    messages: {
      // {{problem}} is Coder's own refusal, quoted (templateNameProblem): its wording, not ours.
      refusedName: REFUSED + 'Push with a name, or rename the folder.',
      refusedNameWithSuggestion: REFUSED + 'Push with a name (`coder templates push {{suggestion}}`), or rename the folder.',
    },
    tags: ['push-check'],
  },
  check({ module, report }) {
    const folder = module.folder;
    const problem = folder && templateNameProblem(folder.name);
    const anchor = problem ? folderAnchor(module.files) : undefined;
    if (!folder || !problem || !anchor) return;
    const suggestion = folder.name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_LENGTH).replace(/-+$/, '');
    report({
      ...anchor,
      ...(suggestion && !templateNameProblem(suggestion)
        ? { messageId: 'refusedNameWithSuggestion', data: { name: JSON.stringify(folder.name), problem, suggestion } }
        : { messageId: 'refusedName', data: { name: JSON.stringify(folder.name), problem } }),
    });
  },
});
