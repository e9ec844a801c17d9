import { agentNotStarted } from './agent-not-started';
import { agentTokenMissing } from './agent-token-missing';
import { deprecatedAgentDir } from './deprecated-agent-dir';
import { deprecatedArgument } from './deprecated-argument';
import { deprecatedKubernetesResource } from './deprecated-kubernetes-resource';
import { dindInsecureTcp } from './dind-insecure-tcp';
import { dindMissingDockerHost } from './dind-missing-docker-host';
import { dockerDaemonUnsupported } from './docker-daemon-unsupported';
import { envboxGpuNeedsUsrLib } from './envbox-gpu-needs-usr-lib';
import { envboxLiteralPullSecret } from './envbox-literal-pull-secret';
import { envboxMemoryUnits } from './envbox-memory-units';
import { envboxMissingEnv } from './envbox-missing-env';
import { envboxMissingMount } from './envbox-missing-mount';
import { envboxNotPrivileged } from './envbox-not-privileged';
import { hclSyntaxMeta } from './hcl-syntax';
import { invalidValue } from './invalid-value';
import { kubernetesProviderTooOld } from './kubernetes-provider-too-old';
import { missingRequiredArgument } from './missing-required-argument';
import { missingRequiredBlock } from './missing-required-block';
import { moduleMissingRequiredInput } from './module-missing-required-input';
import { moduleUnknownInput } from './module-unknown-input';
import { moduleUnpinnedVersion } from './module-unpinned-version';
import { podmanApparmorAnnotation } from './podman-apparmor-annotation';
import { podmanMissingFuse } from './podman-missing-fuse';
import { privilegedContainer } from './privileged-container';
import { readOnlyArgument } from './read-only-argument';
import { removedWorkspaceOwnerAttribute } from './removed-workspace-owner-attribute';
import { sidecarLifecycle } from './sidecar-lifecycle';
import { sysboxPrivileged } from './sysbox-privileged';
import { sysboxUsernsAnnotation } from './sysbox-userns-annotation';
import { systemdRequiresRoot } from './systemd-requires-root';
import { systemdRequiresSysbox } from './systemd-requires-sysbox';
import { tooManyBlocks } from './too-many-blocks';
import type { Rule, RuleMeta } from './types';
import { undefinedReference } from './undefined-reference';
import { unknownArgument } from './unknown-argument';
import { unknownBlock } from './unknown-block';
import { unknownResourceType } from './unknown-resource-type';
import { unsupportedAttribute } from './unsupported-attribute';
import { workspaceStartCount } from './workspace-start-count';

/** The tree-sitter rules, sorted by id. `hcl-syntax` runs apart (see hcl-syntax.ts). */
export const RULES: readonly Rule[] = [
  agentNotStarted,
  agentTokenMissing,
  deprecatedAgentDir,
  deprecatedArgument,
  deprecatedKubernetesResource,
  dindInsecureTcp,
  dindMissingDockerHost,
  dockerDaemonUnsupported,
  envboxGpuNeedsUsrLib,
  envboxLiteralPullSecret,
  envboxMemoryUnits,
  envboxMissingEnv,
  envboxMissingMount,
  envboxNotPrivileged,
  invalidValue,
  kubernetesProviderTooOld,
  missingRequiredArgument,
  missingRequiredBlock,
  moduleMissingRequiredInput,
  moduleUnknownInput,
  moduleUnpinnedVersion,
  podmanApparmorAnnotation,
  podmanMissingFuse,
  privilegedContainer,
  readOnlyArgument,
  removedWorkspaceOwnerAttribute,
  sidecarLifecycle,
  sysboxPrivileged,
  sysboxUsernsAnnotation,
  systemdRequiresRoot,
  systemdRequiresSysbox,
  tooManyBlocks,
  undefinedReference,
  unknownArgument,
  unknownBlock,
  unknownResourceType,
  unsupportedAttribute,
  workspaceStartCount,
];

/** Every rule's meta, `hcl-syntax` included, sorted by id. */
export const RULE_METAS: readonly RuleMeta[] = [hclSyntaxMeta, ...RULES.map((r) => r.meta)].sort((a, b) => a.id.localeCompare(b.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULE_METAS.find((m) => m.id === id);
}
