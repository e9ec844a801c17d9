import { agentTokenMissing } from './agent-token-missing';
import { hclSyntaxMeta } from './hcl-syntax';
import { removedWorkspaceOwnerAttribute } from './removed-workspace-owner-attribute';
import { sysboxPrivileged } from './sysbox-privileged';
import type { Rule, RuleMeta } from './types';
import { undefinedReference } from './undefined-reference';
import { workspaceStartCount } from './workspace-start-count';

/** The tree-sitter rules, sorted by id. `hcl-syntax` runs apart (see hcl-syntax.ts). */
export const RULES: readonly Rule[] = [
  agentTokenMissing,
  removedWorkspaceOwnerAttribute,
  sysboxPrivileged,
  undefinedReference,
  workspaceStartCount,
];

/** Every rule's meta, `hcl-syntax` included, sorted by id. */
export const RULE_METAS: readonly RuleMeta[] = [hclSyntaxMeta, ...RULES.map((r) => r.meta)].sort((a, b) => a.id.localeCompare(b.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULE_METAS.find((m) => m.id === id);
}
