import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import type { TemplateFacts } from '../model/containers';
import type { DetectedMethod } from '../model/method';
import type { Range, TextEdit } from '../model/text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One quick fix or suggestion: edits to one or more files of the module, by path. */
export interface Fix {
  title: string;
  edits: Record<string, TextEdit[]>;
}

export interface Finding {
  rule: string;
  /** Which of the rule's `meta.messages` this is. */
  messageId: string;
  severity: Severity;
  file: TfFile;
  range: Range;
  /** The message with its data filled in. */
  message: string;
  /** The data the message was filled from. */
  data?: MessageData;
  /** The preferred fix (RULES.md "Fix"). */
  fix?: Fix;
  /** Riskier alternatives (RULES.md "Suggestion"). */
  suggestions?: Fix[];
}

/**
 * What a rule is about, for filtering (SARIF `properties.tags`, which code scanning shows) and for the docs
 * pages. The one-line meaning of each is in `TAG_MEANINGS`.
 */
export type RuleTag =
  | 'sysbox'
  | 'envbox'
  | 'podman'
  | 'dind'
  | 'systemd'
  | 'docker'
  | 'kubernetes'
  | 'agent'
  | 'parameters'
  | 'presets'
  | 'prebuilds'
  | 'apps'
  | 'scripts'
  | 'modules'
  | 'schema'
  | 'syntax'
  | 'push-check'
  | 'deprecated'
  | 'security';

export const TAG_MEANINGS: Record<RuleTag, string> = {
  sysbox: 'Sysbox runtime (Docker or Kubernetes), including systemd in Docker',
  envbox: 'Envbox on Kubernetes',
  podman: 'Rootless Podman',
  dind: 'a privileged docker:dind sidecar or service',
  systemd: 'a workspace that boots systemd',
  docker: 'the Docker provider',
  kubernetes: 'the Kubernetes provider',
  agent: 'coder_agent and what starts it',
  parameters: 'coder_parameter and its options and validation',
  presets: 'coder_workspace_preset',
  prebuilds: 'prebuilt workspaces',
  apps: 'coder_app',
  scripts: 'coder_script',
  modules: 'module calls, registry and local',
  schema: 'provider schemas: arguments, blocks, values',
  syntax: 'HCL syntax',
  'push-check': 'what coder templates push rejects',
  deprecated: 'removed or deprecated arguments, resources and forms',
  security: 'secrets and privileges',
};

export interface RuleMeta<MessageId extends string = string> {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. The long explanation is its docs page. */
  description: string;
  /**
   * Every message the rule can give, by id (ESLint's `meta.messages`). `{{name}}` is filled from the
   * report's `data`; a report names its message by id, so tests and tools can tell findings apart
   * without matching text.
   */
  messages: Record<MessageId, string>;
  /** What the rule is about (see `TAG_MEANINGS`). */
  tags: readonly RuleTag[];
  /** Whether it offers a preferred fix. */
  fixable: boolean;
  /** Whether it offers suggestions. */
  hasSuggestions?: boolean;
  /** Runs on every module, Coder template or not (only hcl-syntax does). */
  allModules?: boolean;
  /**
   * Its errors mean `coder templates push` fails however it is run, before Coder sees the template or at
   * `terraform init`: the publish command stops on them instead of offering to publish anyway.
   */
  blocksPush?: boolean;
}

export type MessageData = Record<string, string | number>;

export interface Report<MessageId extends string = string> {
  file: TfFile;
  range: Range;
  messageId: MessageId;
  /** The values of the message's `{{name}}` placeholders. */
  data?: MessageData;
  /**
   * This finding's severity when the user has not set one for the rule: a rule whose findings differ in
   * weight (a value Coder rejects, or one it only warns about) says so per finding.
   */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Fix[];
}

/** What Terraform's HCL parser says of a file: its words and where (the `hcl-syntax` rule's findings). */
export interface SyntaxReport {
  file: TfFile;
  range: Range;
  message: string;
}

export interface RuleContext<MessageId extends string = string> {
  module: TemplateModule;
  facts: TemplateFacts;
  method: DetectedMethod | null;
  report(report: Report<NoInfer<MessageId>>): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  /** Tree-sitter rules are synchronous and run on every edit. */
  check(context: RuleContext<MessageId>): void;
}

/** A rule whose reports the compiler checks against its own `meta.messages`. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule {
  return rule as unknown as Rule;
}

export const DOCS_BASE_URL = 'https://github.com/coder-dind/coder-dind/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
