import { providerAdmitsMajor } from '../model/providers';
import { defineRule } from './types';
import { renameTypeFix } from './util/rename';

/**
 * Unversioned kubernetes_* types whose `_v1` type is the same implementation under a new name (so a rename
 * keeps every argument working), from hashicorp/terraform-provider-kubernetes `kubernetes/provider.go`.
 * Pairs whose unversioned type is an older API with another schema (`kubernetes_ingress`,
 * `kubernetes_cron_job`, `kubernetes_csi_driver`, the webhook configurations, `kubernetes_horizontal_pod_autoscaler`,
 * `kubernetes_pod_disruption_budget`, `kubernetes_certificate_signing_request`) are left out: renaming
 * those is a migration, not a fix, even where the two schemas read alike (the unversioned type still
 * talks to the older API group).
 */
const RESOURCE_RENAMES: Record<string, string> = {
  kubernetes_api_service: 'kubernetes_api_service_v1',
  kubernetes_cluster_role: 'kubernetes_cluster_role_v1',
  kubernetes_cluster_role_binding: 'kubernetes_cluster_role_binding_v1',
  kubernetes_config_map: 'kubernetes_config_map_v1',
  kubernetes_daemonset: 'kubernetes_daemon_set_v1',
  kubernetes_default_service_account: 'kubernetes_default_service_account_v1',
  kubernetes_deployment: 'kubernetes_deployment_v1',
  kubernetes_endpoints: 'kubernetes_endpoints_v1',
  kubernetes_ingress_class: 'kubernetes_ingress_class_v1',
  kubernetes_job: 'kubernetes_job_v1',
  kubernetes_limit_range: 'kubernetes_limit_range_v1',
  kubernetes_namespace: 'kubernetes_namespace_v1',
  kubernetes_network_policy: 'kubernetes_network_policy_v1',
  kubernetes_persistent_volume: 'kubernetes_persistent_volume_v1',
  kubernetes_persistent_volume_claim: 'kubernetes_persistent_volume_claim_v1',
  kubernetes_pod: 'kubernetes_pod_v1',
  kubernetes_priority_class: 'kubernetes_priority_class_v1',
  kubernetes_replication_controller: 'kubernetes_replication_controller_v1',
  kubernetes_resource_quota: 'kubernetes_resource_quota_v1',
  kubernetes_role: 'kubernetes_role_v1',
  kubernetes_role_binding: 'kubernetes_role_binding_v1',
  kubernetes_secret: 'kubernetes_secret_v1',
  kubernetes_service: 'kubernetes_service_v1',
  kubernetes_service_account: 'kubernetes_service_account_v1',
  kubernetes_stateful_set: 'kubernetes_stateful_set_v1',
  kubernetes_storage_class: 'kubernetes_storage_class_v1',
};

const DATA_RENAMES: Record<string, string> = {
  kubernetes_config_map: 'kubernetes_config_map_v1',
  kubernetes_namespace: 'kubernetes_namespace_v1',
  kubernetes_persistent_volume_claim: 'kubernetes_persistent_volume_claim_v1',
  kubernetes_pod: 'kubernetes_pod_v1',
  kubernetes_secret: 'kubernetes_secret_v1',
  kubernetes_service: 'kubernetes_service_v1',
  kubernetes_service_account: 'kubernetes_service_account_v1',
  kubernetes_storage_class: 'kubernetes_storage_class_v1',
};

/**
 * Resources that hold data beyond one workspace start. Terraform cannot move state across resource types
 * for this provider (`moved` fails with "Move Resource State Not Supported", hashicorp/terraform-provider-kubernetes#2812),
 * so renaming one destroys and recreates it in every existing workspace: the rename is only a suggestion.
 */
const HOLDS_DATA = new Set(['kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume', 'kubernetes_namespace']);

export function versionedType(kind: 'resource' | 'data', type: string): string | undefined {
  return (kind === 'resource' ? RESOURCE_RENAMES : DATA_RENAMES)[type];
}

const DEPRECATED = '`{{type}}` is deprecated since hashicorp/kubernetes 3.0.0 and this template admits 3.x: `terraform plan` warns on every build and a later major release may drop the name.';

export const deprecatedKubernetesResource = defineRule({
  meta: {
    id: 'deprecated-kubernetes-resource',
    defaultSeverity: 'hint',
    description: 'Unversioned kubernetes_* types are deprecated since hashicorp/kubernetes 3.0.0 in favour of their `_v1` names.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      renamedResource: `${DEPRECATED} \`{{replacement}}\` is the same resource under its versioned name.`,
      renamedDataSource: `${DEPRECATED} \`{{replacement}}\` is the same data source under its versioned name.`,
      holdsData:
        '`{{type}}` is deprecated since hashicorp/kubernetes 3.0.0 (use `{{replacement}}`), and this template admits 3.x. ' +
        'Renaming it is not free: Terraform cannot move `{{address}}` to the new type, so every existing workspace would delete and recreate it, with the data it holds. ' +
        'Rename it only for new templates, or after moving the state by hand (`terraform state rm` and `terraform import`).',
    },
    tags: ['kubernetes', 'deprecated'],
  },
  check({ module, report }) {
    if (!providerAdmitsMajor(module, 'hashicorp/kubernetes', 3)) return;
    for (const declaration of [...module.resources(), ...module.dataSources()]) {
      const kind = declaration.kind === 'data' ? 'data' : 'resource';
      const type = declaration.resourceType ?? '';
      const replacement = versionedType(kind, type);
      const label = declaration.block?.labelNodes[0];
      if (!replacement || !label) continue;
      const address = kind === 'data' ? `data.${declaration.name}` : declaration.name;
      const risky = kind === 'resource' && HOLDS_DATA.has(type);
      // A `_v1` object of the same name already exists: the rename would declare it twice.
      const clash = !!module.find(declaration.kind, `${replacement}.${declaration.name.slice(type.length + 1)}`);
      const rename = clash ? undefined : renameTypeFix(module, declaration, replacement, risky ? `Rename to \`${replacement}\` (recreates it in existing workspaces)` : `Rename to \`${replacement}\``);
      report({
        file: declaration.file,
        range: declaration.file.rangeOfOffsets(label.startIndex + 1, label.endIndex - 1),
        messageId: risky ? 'holdsData' : kind === 'data' ? 'renamedDataSource' : 'renamedResource',
        data: risky ? { type, replacement, address } : { type, replacement },
        fix: risky ? undefined : rename,
        suggestions: risky && rename ? [rename] : undefined,
      });
    }
  },
});
