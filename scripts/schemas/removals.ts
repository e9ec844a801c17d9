/**
 * Removals the pinned sources cannot show by comparison, because only one release of the provider is
 * bundled. Facts from the provider's own upgrade guide (`docs/guides/version-2-upgrade.md` of coder
 * 2.17.0) and its 1.0.4 deprecations, as collected in reference/coder-domain-facts.md §3. Removals
 * between two bundled releases (docker 3.9.0 → 4.5.0) are found by comparing them.
 */
import type { Removal } from '../../server/src/schema/format';

const owner = (attribute: string, replacement: string): Removal => ({
  path: `data.coder_workspace.${attribute}`,
  removed_in: '2.0.0',
  replacement: `data.coder_workspace_owner.${replacement}`,
});

export const KNOWN_REMOVALS: Record<string, Removal[]> = {
  coder: [
    { path: 'provider.feature_use_managed_variables', removed_in: '2.0.0' },
    { path: 'data.coder_git_auth', removed_in: '2.0.0', replacement: 'data.coder_external_auth' },
    owner('owner', 'name'),
    owner('owner_id', 'id'),
    owner('owner_name', 'full_name'),
    owner('owner_email', 'email'),
    owner('owner_groups', 'groups'),
    owner('owner_oidc_access_token', 'oidc_access_token'),
    owner('owner_session_token', 'session_token'),
    { path: 'resource.coder_agent.startup_script_timeout', removed_in: '2.0.0' },
    { path: 'resource.coder_agent.shutdown_script_timeout', removed_in: '2.0.0' },
    { path: 'resource.coder_agent.login_before_ready', removed_in: '2.0.0', replacement: 'startup_script_behavior' },
  ],
};
