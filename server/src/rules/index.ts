import { agentNameInvalid } from './agent-name-invalid';
import { agentNotStarted } from './agent-not-started';
import { agentTokenMissing } from './agent-token-missing';
import { appSlugInvalid } from './app-slug-invalid';
import { archiveTooLarge } from './archive-too-large';
import { deprecatedAgentDir } from './deprecated-agent-dir';
import { deprecatedArgument } from './deprecated-argument';
import { deprecatedKubernetesResource } from './deprecated-kubernetes-resource';
import { dindInsecureTcp } from './dind-insecure-tcp';
import { dindMissingDockerHost } from './dind-missing-docker-host';
import { dockerDaemonUnsupported } from './docker-daemon-unsupported';
import { duplicateAgentName } from './duplicate-agent-name';
import { duplicateAppSlug } from './duplicate-app-slug';
import { duplicateMetadataKey } from './duplicate-metadata-key';
import { duplicateParameterName } from './duplicate-parameter-name';
import { duplicatePresetName } from './duplicate-preset-name';
import { duplicateResourceMetadata } from './duplicate-resource-metadata';
import { envboxGpuNeedsUsrLib } from './envbox-gpu-needs-usr-lib';
import { envboxLiteralPullSecret } from './envbox-literal-pull-secret';
import { envboxMemoryUnits } from './envbox-memory-units';
import { envboxMissingEnv } from './envbox-missing-env';
import { envboxMissingMount } from './envbox-missing-mount';
import { envboxNotPrivileged } from './envbox-not-privileged';
import { fileNotUploaded } from './file-not-uploaded';
import { hclSyntaxMeta } from './hcl-syntax';
import { invalidValue } from './invalid-value';
import { kubernetesProviderTooOld } from './kubernetes-provider-too-old';
import { missingRequiredArgument } from './missing-required-argument';
import { missingRequiredBlock } from './missing-required-block';
import { moduleMissingRequiredInput } from './module-missing-required-input';
import { moduleUnknownInput } from './module-unknown-input';
import { moduleUnpinnedVersion } from './module-unpinned-version';
import { multipleDefaultPresets } from './multiple-default-presets';
import { parameterDuplicateOption } from './parameter-duplicate-option';
import { parameterEphemeral } from './parameter-ephemeral';
import { parameterFormType } from './parameter-form-type';
import { parameterInvalidDefault } from './parameter-invalid-default';
import { parameterOptionType } from './parameter-option-type';
import { parameterValidation } from './parameter-validation';
import { podmanApparmorAnnotation } from './podman-apparmor-annotation';
import { podmanMissingFuse } from './podman-missing-fuse';
import { prebuildSchedule } from './prebuild-schedule';
import { presetInvalidValue } from './preset-invalid-value';
import { presetUnknownParameter } from './preset-unknown-parameter';
import { privilegedContainer } from './privileged-container';
import { readOnlyArgument } from './read-only-argument';
import { removedWorkspaceOwnerAttribute } from './removed-workspace-owner-attribute';
import { scriptCron } from './script-cron';
import { scriptNeverRuns } from './script-never-runs';
import { sidecarLifecycle } from './sidecar-lifecycle';
import { sysboxPrivileged } from './sysbox-privileged';
import { sysboxUsernsAnnotation } from './sysbox-userns-annotation';
import { systemdRequiresRoot } from './systemd-requires-root';
import { systemdRequiresSysbox } from './systemd-requires-sysbox';
import { templateNameInvalid } from './template-name-invalid';
import { tooManyBlocks } from './too-many-blocks';
import type { Rule, RuleMeta } from './types';
import { undefinedReference } from './undefined-reference';
import { unknownArgument } from './unknown-argument';
import { unknownBlock } from './unknown-block';
import { unknownResourceType } from './unknown-resource-type';
import { unsupportedAttribute } from './unsupported-attribute';
import { variableWithoutValue } from './variable-without-value';
import { workspaceStartCount } from './workspace-start-count';
import { workspaceTagsNotStatic } from './workspace-tags-not-static';

/** The tree-sitter rules, sorted by id. `hcl-syntax` runs apart (see hcl-syntax.ts). */
export const RULES: readonly Rule[] = [
  agentNameInvalid,
  agentNotStarted,
  agentTokenMissing,
  appSlugInvalid,
  archiveTooLarge,
  deprecatedAgentDir,
  deprecatedArgument,
  deprecatedKubernetesResource,
  dindInsecureTcp,
  dindMissingDockerHost,
  dockerDaemonUnsupported,
  duplicateAgentName,
  duplicateAppSlug,
  duplicateMetadataKey,
  duplicateParameterName,
  duplicatePresetName,
  duplicateResourceMetadata,
  envboxGpuNeedsUsrLib,
  envboxLiteralPullSecret,
  envboxMemoryUnits,
  envboxMissingEnv,
  envboxMissingMount,
  envboxNotPrivileged,
  fileNotUploaded,
  invalidValue,
  kubernetesProviderTooOld,
  missingRequiredArgument,
  missingRequiredBlock,
  moduleMissingRequiredInput,
  moduleUnknownInput,
  moduleUnpinnedVersion,
  multipleDefaultPresets,
  parameterDuplicateOption,
  parameterEphemeral,
  parameterFormType,
  parameterInvalidDefault,
  parameterOptionType,
  parameterValidation,
  podmanApparmorAnnotation,
  podmanMissingFuse,
  prebuildSchedule,
  presetInvalidValue,
  presetUnknownParameter,
  privilegedContainer,
  readOnlyArgument,
  removedWorkspaceOwnerAttribute,
  scriptCron,
  scriptNeverRuns,
  sidecarLifecycle,
  sysboxPrivileged,
  sysboxUsernsAnnotation,
  systemdRequiresRoot,
  systemdRequiresSysbox,
  templateNameInvalid,
  tooManyBlocks,
  undefinedReference,
  unknownArgument,
  unknownBlock,
  unknownResourceType,
  unsupportedAttribute,
  variableWithoutValue,
  workspaceStartCount,
  workspaceTagsNotStatic,
];

/** Every rule's meta, `hcl-syntax` included, sorted by id. */
export const RULE_METAS: readonly RuleMeta[] = [hclSyntaxMeta, ...RULES.map((r) => r.meta)].sort((a, b) => a.id.localeCompare(b.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULE_METAS.find((m) => m.id === id);
}
