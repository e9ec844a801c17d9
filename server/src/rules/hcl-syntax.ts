import type { RuleMeta } from './types';

/**
 * `hcl-syntax` asks the Go HCL parser (`@cdktf/hcl2json`, compiled to WebAssembly) — the parser Terraform
 * itself uses — so its messages and ranges are Terraform's. It is slower than tree-sitter and async, so it
 * runs off the keystroke path (the server debounces it; the CLI awaits it). The parser's host is
 * `service/hclParser.ts`; the service and the CLI are given the check (`syntaxChecker`) and apply this
 * meta's severity and suppressions once (`service/lint.ts`).
 */
export const hclSyntaxMeta: RuleMeta = {
  id: 'hcl-syntax',
  defaultSeverity: 'error',
  description: 'Terraform\'s HCL parser rejects the file.',
  fixable: false,
  allModules: true,
  // The message is the parser's own, word for word.
  messages: { rejected: '{{detail}}' },
  tags: ['syntax', 'push-check'],
};
