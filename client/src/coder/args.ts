/** Argument arrays for `coder templates create|push`, and the name rules they must satisfy. */
import type { PublishVerb } from './version';

export interface PublishArgsOptions {
  verb: PublishVerb;
  templateName: string;
  /** Absolute path of the template folder, passed to `-d` unchanged. */
  directory: string;
  /** `--variable name=value`, in order. Values pass through unchanged (spaces, quotes, `=`). */
  variables?: Array<{ name: string; value: string }>;
  /** `--variables-file`: a YAML file of `name: value` pairs (not `.tfvars`; those are auto-discovered). */
  variablesFile?: string;
  /** `-m`; omitted when empty. */
  message?: string;
  /** `-O`; omitted when empty. */
  organization?: string;
  /** `--name` (version name), `push` only: `create` has no such flag. */
  versionName?: string;
}

/**
 * Builds the argument array. `-y` is always passed: the CLI's `Upload "<dir>"?` (and, for `create`,
 * `Confirm create?`) prompts would otherwise wait on stdin. `--variable` is used rather than its
 * alias `--var` because the alias is younger than the flag.
 */
export function buildPublishArgs(options: PublishArgsOptions): string[] {
  const args = ['templates', options.verb, options.templateName, '-d', options.directory, '-y'];
  for (const v of options.variables ?? []) args.push('--variable', `${v.name}=${v.value}`);
  if (options.variablesFile) args.push('--variables-file', options.variablesFile);
  if (options.message) args.push('-m', options.message);
  if (options.organization) args.push('-O', options.organization);
  if (options.versionName && options.verb === 'push') args.push('--name', options.versionName);
  return args;
}

/** The longest template name the CLI accepts: it rejects 32 characters or more. */
export const MAX_TEMPLATE_NAME_LENGTH = 31;

/**
 * Why a template name would be rejected, or undefined when it is fine. Two checks apply:
 * the CLI's ("Template name must be less than 32 characters", counted in runes) and the server's
 * `codersdk.NameValid`: letters and digits in runs joined by single hyphens
 * (`^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$`), and not `new` or `create`. Underscores are not allowed.
 */
export function validateTemplateName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a template name.';
  if ([...name].length > MAX_TEMPLATE_NAME_LENGTH) return 'Template name must be less than 32 characters.';
  if (name === 'new' || name === 'create') return `"${name}" is reserved by Coder; choose another name.`;
  if (!/^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/.test(name)) {
    return 'Use letters and digits, with single hyphens between them (no spaces, underscores, or leading/trailing hyphen).';
  }
  return undefined;
}

/** A template name derived from a folder name: invalid characters become hyphens, then trimmed. */
export function suggestTemplateName(folderName: string): string {
  const cleaned = folderName
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TEMPLATE_NAME_LENGTH)
    .replace(/-+$/, '');
  return cleaned;
}

/**
 * Why a version name would be rejected (`codersdk.TemplateVersionNameValid`): up to 64 characters,
 * letters and digits joined by single `_`, `.` or `-`. Empty is allowed (the server generates one).
 */
export function validateVersionName(name: string): string | undefined {
  if (name === '') return undefined;
  if (name.length > 64) return 'Version name must be 64 characters or fewer.';
  if (!/^[a-zA-Z0-9]+(?:[_.-][a-zA-Z0-9]+)*$/.test(name)) return 'Use letters and digits, joined by single "_", "." or "-".';
  return undefined;
}

/** Terraform variable names, so `--variable name=value` cannot be split at the wrong `=`. */
export function isTerraformIdentifier(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_-]*$/.test(name);
}
