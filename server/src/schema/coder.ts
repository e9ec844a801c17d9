/**
 * coder/coder provider 2.x (facts: reference/coder-domain-facts.md §3, provider HEAD v2.17.0).
 * Only the resources and data sources a Docker-in-workspace template uses are described in full.
 */
import { block, fillDocsUrl, opt, req, ro } from './build';
import type { AttributeSchema, ResourceSchema, SchemaKind } from './types';

const REGISTRY = 'https://registry.terraform.io/providers/coder/coder/latest/docs';

function docsUrl(kind: SchemaKind, type: string): string {
  return `${REGISTRY}/${kind === 'resource' ? 'resources' : 'data-sources'}/${type.replace(/^coder_/, '')}`;
}

function coderType(
  kind: SchemaKind,
  name: string,
  description: string,
  attributes: readonly AttributeSchema[],
  blocks: ResourceSchema['blocks'] = [],
): ResourceSchema {
  const schema: ResourceSchema = { kind, provider: 'coder', name, description, attributes, blocks };
  fillDocsUrl(schema, docsUrl(kind, name));
  return schema;
}

const agent = coderType(
  'resource',
  'coder_agent',
  'The Coder agent that runs inside the workspace container. Start it by running its `init_script` with `CODER_AGENT_TOKEN` set to its `token`.',
  [
    req('arch', 'string', 'CPU architecture of the machine the agent runs on; usually `data.coder_provisioner.me.arch`. Changing it replaces the agent.', {
      allowedValues: ['amd64', 'armv7', 'arm64'],
    }),
    req('os', 'string', 'Operating system the agent runs on. Docker-in-workspace containers are `linux`. Changing it replaces the agent.', {
      allowedValues: ['linux', 'darwin', 'windows'],
    }),
    opt('api_key_scope', 'string', 'Scope of the API key the agent gets; `no_user_data` keeps user data out of reach (provider 2.4.2+).', {
      allowedValues: ['all', 'no_user_data'],
      default: '"all"',
    }),
    opt('auth', 'string', 'How the agent authenticates to Coder. Containers use `token`; the instance-identity modes are for cloud VMs.', {
      allowedValues: ['token', 'google-instance-identity', 'aws-instance-identity', 'azure-instance-identity'],
      default: '"token"',
    }),
    opt('connection_timeout', 'number', 'Seconds Coder waits for the agent to connect before marking it unhealthy; 0 disables the check.', {
      default: '120',
    }),
    opt('dir', 'string', 'Directory the agent opens sessions in.', {
      deprecated:
        '`dir` is deprecated since coder provider 2.17.0 and will be removed; values other than `$HOME` or `~` also break Coder Desktop file sync.',
    }),
    opt('env', 'map(string)', 'Environment variables set for every process the agent starts (shells, apps, scripts).'),
    opt('motd_file', 'string', 'Path of a message-of-the-day file shown when a user opens a terminal.'),
    opt('order', 'number', 'Position of this agent among the workspace\'s agents in the dashboard.'),
    opt('shutdown_script', 'string', 'Script the agent runs when the workspace stops, e.g. `sudo service docker stop` to stop an inner Docker daemon cleanly.'),
    opt('startup_script', 'string', 'Script the agent runs when it starts; the usual place to start an inner Docker daemon (`sudo service docker start`).'),
    opt('startup_script_behavior', 'string', '`blocking` keeps users from logging in until the startup script ends (useful when the daemon must be up first); `non-blocking` lets them in at once.', {
      allowedValues: ['blocking', 'non-blocking'],
      default: '"non-blocking"',
    }),
    opt('troubleshooting_url', 'string', 'Link shown to users when the agent fails to connect or start.'),
    ro('id', 'string', 'ID of the agent.'),
    ro('init_script', 'string', 'Script that downloads and starts the agent. Run it as the container\'s command or entrypoint (`["sh", "-c", coder_agent.main.init_script]`).'),
    ro('token', 'string', 'Secret the agent authenticates with. Pass it to the container as `CODER_AGENT_TOKEN`.', { sensitive: true }),
    {
      name: 'startup_script_timeout',
      type: 'number',
      description: 'Former timeout for the startup script.',
      removed: 'Removed in coder provider 2.0 (deprecated in 1.0.4 as having no effect). Delete it.',
    },
    {
      name: 'shutdown_script_timeout',
      type: 'number',
      description: 'Former timeout for the shutdown script.',
      removed: 'Removed in coder provider 2.0 (deprecated in 1.0.4 as having no effect). Delete it.',
    },
    {
      name: 'login_before_ready',
      type: 'bool',
      description: 'Former switch that let users log in before the startup script finished.',
      removed: 'Removed in coder provider 2.0. Use `startup_script_behavior` instead.',
      replacedBy: 'coder_agent.startup_script_behavior',
    },
  ],
  [
    block(
      'display_apps',
      'Which built-in apps the dashboard shows for this agent.',
      [
        opt('vscode', 'bool', 'Show the "VS Code Desktop" button.', { default: 'true' }),
        opt('vscode_insiders', 'bool', 'Show the "VS Code Insiders" button.', { default: 'false' }),
        opt('web_terminal', 'bool', 'Show the web terminal.', { default: 'true' }),
        opt('port_forwarding_helper', 'bool', 'Show the port-forwarding helper.', { default: 'true' }),
        opt('ssh_helper', 'bool', 'Show the SSH connection helper.', { default: 'true' }),
      ],
      [],
      { maxItems: 1 },
    ),
    block('metadata', 'A value the agent computes by running a script periodically and shows on the workspace page (e.g. inner Docker disk usage).', [
      req('key', 'string', 'Unique key of this metadata item within the agent.'),
      req('script', 'string', 'Script whose output is the displayed value.'),
      req('interval', 'number', 'Seconds between runs of the script.'),
      opt('display_name', 'string', 'Label shown next to the value.'),
      opt('timeout', 'number', 'Seconds the script may run before it is stopped.'),
      opt('order', 'number', 'Position among the agent\'s metadata items.'),
    ]),
    // Which of `enabled`/`threshold` are required is not in the facts file (UNVERIFIED); we mark
    // `threshold` and `path` required and `enabled` optional.
    block(
      'resources_monitoring',
      'Alerts when the workspace runs low on memory or disk.',
      [],
      [
        block(
          'memory',
          'Memory usage alert.',
          [
            opt('enabled', 'bool', 'Turn the memory alert on.'),
            req('threshold', 'number', 'Usage percentage (0–100) that triggers the alert.'),
          ],
          [],
          { maxItems: 1 },
        ),
        block('volume', 'Disk usage alert for one mounted path.', [
          req('path', 'string', 'Absolute path of the volume to watch, e.g. `/home/coder` or `/var/lib/docker`.'),
          opt('enabled', 'bool', 'Turn the volume alert on.'),
          req('threshold', 'number', 'Usage percentage (0–100) that triggers the alert.'),
        ]),
      ],
      { maxItems: 1 },
    ),
  ],
);

const app = coderType(
  'resource',
  'coder_app',
  'An app (web service or command) the dashboard shows for an agent.',
  [
    req('agent_id', 'string', 'The agent that serves the app: `coder_agent.<name>.id`.'),
    req('slug', 'string', 'URL-safe identifier of the app: lowercase letters, digits and single hyphens.'),
    opt('command', 'string', 'Command to run in a terminal instead of opening a URL. Conflicts with `url` and `subdomain`.'),
    opt('display_name', 'string', 'Name shown in the dashboard (up to 64 characters).'),
    opt('external', 'bool', 'Open `url` directly in the browser instead of proxying it through Coder.'),
    opt('group', 'string', 'Name of a group that collects several apps in the dashboard.'),
    opt('hidden', 'bool', 'Hide the app from the dashboard.'),
    opt('icon', 'string', 'Icon URL or a path such as `/icon/code.svg`.'),
    opt('open_in', 'string', 'Where the app opens.', { allowedValues: ['tab', 'slim-window'], default: '"slim-window"' }),
    opt('order', 'number', 'Position among the agent\'s apps.'),
    opt('share', 'string', 'Who may open the app.', { allowedValues: ['owner', 'authenticated', 'public'], default: '"owner"' }),
    opt('subdomain', 'bool', 'Serve the app on its own subdomain (needs a wildcard access URL).', { default: 'false' }),
    opt('tooltip', 'string', 'Markdown tooltip shown on the app button.'),
    opt('url', 'string', 'URL the app listens on inside the workspace, e.g. `http://localhost:8080`.'),
    ro('id', 'string', 'ID of the app.'),
  ],
  [
    block(
      'healthcheck',
      'How Coder checks that the app is up.',
      [
        req('url', 'string', 'URL polled inside the workspace.'),
        req('interval', 'number', 'Seconds between checks.'),
        req('threshold', 'number', 'Failed checks in a row before the app is marked unhealthy.'),
      ],
      [],
      { maxItems: 1 },
    ),
  ],
);

const script = coderType('resource', 'coder_script', 'A script the agent runs on start, on stop or on a cron schedule; set at least one of these.', [
  req('agent_id', 'string', 'The agent that runs the script: `coder_agent.<name>.id`.'),
  req('display_name', 'string', 'Name shown in the workspace logs.'),
  req('script', 'string', 'The script text, e.g. a script that starts an inner Docker daemon.'),
  opt('cron', 'string', 'Six-field cron schedule (seconds first) to run the script on.'),
  opt('icon', 'string', 'Icon shown with the script\'s logs.'),
  opt('log_path', 'string', 'File the script\'s output is written to.'),
  opt('run_on_start', 'bool', 'Run the script when the workspace starts.'),
  opt('run_on_stop', 'bool', 'Run the script when the workspace stops.'),
  opt('start_blocks_login', 'bool', 'Keep users from logging in until the script ends; needs `run_on_start = true`.'),
  opt('timeout', 'number', 'Seconds the script may run; 0 means no limit.'),
  ro('id', 'string', 'ID of the script.'),
]);

const env = coderType('resource', 'coder_env', 'An environment variable the agent sets in the workspace, so modules can add variables without editing the agent.', [
  req('agent_id', 'string', 'The agent that sets the variable: `coder_agent.<name>.id`.'),
  req('name', 'string', 'Name of the environment variable.'),
  opt('value', 'string', 'Value of the environment variable.'),
  opt('merge_strategy', 'string', 'What happens when another source sets the same variable.', {
    allowedValues: ['replace', 'append', 'prepend', 'error'],
    default: '"replace"',
  }),
  ro('id', 'string', 'ID of the resource.'),
]);

const metadata = coderType(
  'resource',
  'coder_metadata',
  'Extra details shown on the workspace page for another resource (e.g. the container\'s image or runtime).',
  [
    req('resource_id', 'string', 'ID of the resource the details belong to, e.g. `docker_container.workspace[0].id`.'),
    opt('daily_cost', 'number', 'Cost per day counted against the user\'s quota.'),
    opt('hide', 'bool', 'Hide the resource from the workspace page.'),
    opt('icon', 'string', 'Icon shown for the resource.'),
    ro('id', 'string', 'ID of the resource.'),
  ],
  [
    block('item', 'One key/value pair to show.', [
      req('key', 'string', 'Label of the item.'),
      opt('value', 'string', 'Value of the item.'),
      opt('sensitive', 'bool', 'Hide the value until the user reveals it.'),
    ]),
  ],
);

const devcontainer = coderType('resource', 'coder_devcontainer', 'A dev container the agent builds and starts inside the workspace; needs a working Docker daemon in the workspace.', [
  req('agent_id', 'string', 'The agent that runs the dev container: `coder_agent.<name>.id`.'),
  req('workspace_folder', 'string', 'Folder in the workspace that holds the project with the dev container.'),
  opt('config_path', 'string', 'Path of `devcontainer.json` when it is not in the default place.'),
  ro('subagent_id', 'string', 'ID of the agent started inside the dev container.'),
  ro('id', 'string', 'ID of the resource.'),
]);

/** Removed `coder_workspace.owner*` attributes and the `coder_workspace_owner` attribute that replaces each. */
export const REMOVED_WORKSPACE_OWNER_ATTRIBUTES: Readonly<Record<string, string>> = {
  owner: 'name',
  owner_id: 'id',
  owner_name: 'full_name',
  owner_email: 'email',
  owner_groups: 'groups',
  owner_session_token: 'session_token',
  owner_oidc_access_token: 'oidc_access_token',
};

const removedOwnerAttributes: AttributeSchema[] = Object.entries(REMOVED_WORKSPACE_OWNER_ATTRIBUTES).map(([name, replacement]) => ({
  name,
  type: name === 'owner_groups' ? 'list(string)' : 'string',
  description: `Former owner attribute; the value now comes from \`data.coder_workspace_owner.<name>.${replacement}\`.`,
  removed: `Removed in coder provider 2.0 (deprecated in 1.0.4). Use \`data.coder_workspace_owner.<name>.${replacement}\` instead.`,
  replacedBy: `coder_workspace_owner.${replacement}`,
  ...(name.endsWith('token') ? { sensitive: true } : {}),
}));

const workspace = coderType('data', 'coder_workspace', 'Facts about the workspace being built. Owner details moved to `data "coder_workspace_owner"` in provider 2.x.', [
  ro('access_port', 'number', 'Port of the Coder access URL.'),
  ro('access_url', 'string', 'URL the agent uses to reach Coder (no trailing slash); envbox templates pass it as `CODER_AGENT_URL`.'),
  ro('id', 'string', 'ID of the workspace.'),
  ro('is_prebuild', 'bool', 'True while the workspace is being built as a prebuild.'),
  ro('is_prebuild_claim', 'bool', 'True when a user claims a prebuilt workspace.'),
  ro('name', 'string', 'Name of the workspace; a good container hostname.'),
  ro('prebuild_count', 'number', '1 while building a prebuild, else 0.'),
  ro('start_count', 'number', '1 when the workspace is starting, 0 when stopping. Use it as `count` on containers (and dind sidecars) so they stop with the workspace.'),
  ro('template_id', 'string', 'ID of the workspace\'s template.'),
  ro('template_name', 'string', 'Name of the workspace\'s template.'),
  ro('template_version', 'string', 'Version of the workspace\'s template.'),
  ro('transition', 'string', 'The transition being applied.', { allowedValues: ['start', 'stop'] }),
  ...removedOwnerAttributes,
]);

const workspaceOwner = coderType('data', 'coder_workspace_owner', 'Facts about the user who owns the workspace (replaces the removed `coder_workspace.owner*` attributes).', [
  ro('email', 'string', 'Email address of the owner.'),
  ro('full_name', 'string', 'Display name of the owner.'),
  ro('groups', 'list(string)', 'Names of the groups the owner belongs to.'),
  ro('id', 'string', 'ID of the owner.'),
  ro('login_type', 'string', 'How the owner logs in (password, OIDC, GitHub…).'),
  ro('name', 'string', 'Username of the owner; often part of container and volume names.'),
  ro('oidc_access_token', 'string', 'The owner\'s OIDC access token, when they log in with OIDC.', { sensitive: true }),
  ro('rbac_roles', 'list', 'The owner\'s roles, each with `name` and `org_id`.'),
  ro('session_token', 'string', 'A session token for the owner, for calling the Coder API from the workspace.', { sensitive: true }),
  ro('ssh_private_key', 'string', 'The owner\'s Git SSH private key.', { sensitive: true }),
  ro('ssh_public_key', 'string', 'The owner\'s Git SSH public key.'),
]);

const provisioner = coderType('data', 'coder_provisioner', 'Facts about the machine running the Coder provisioner; its `arch` is the usual value of `coder_agent.arch` on Docker.', [
  ro('arch', 'string', 'CPU architecture of the provisioner (Go `GOARCH`).'),
  ro('os', 'string', 'Operating system of the provisioner (Go `GOOS`).'),
  ro('id', 'string', 'ID of the data source.'),
]);

const parameter = coderType(
  'data',
  'coder_parameter',
  'A value the user picks when creating or updating the workspace (image, disk size, CPU…).',
  [
    req('name', 'string', 'Name of the parameter, unique within the template.'),
    opt('default', 'string', 'Value used when the user picks none; required for ephemeral parameters.'),
    opt('description', 'string', 'Markdown help shown under the parameter.'),
    opt('display_name', 'string', 'Label shown instead of `name`.'),
    opt('ephemeral', 'bool', 'The value applies to one build only; cannot be combined with `mutable = false`.'),
    opt('form_type', 'string', 'Input widget; empty (the default) picks one from the type and options.', {
      allowedValues: ['', 'radio', 'slider', 'input', 'dropdown', 'checkbox', 'switch', 'multi-select', 'tag-select', 'textarea', 'error'],
      default: '""',
    }),
    opt('icon', 'string', 'Icon shown with the parameter.'),
    opt('mutable', 'bool', 'The user may change the value after the workspace is created.'),
    opt('order', 'number', 'Position among the template\'s parameters.'),
    opt('styling', 'string', 'JSON string with display hints for the widget.', { default: '"{}"' }),
    opt('type', 'string', 'Type of the value.', { allowedValues: ['string', 'number', 'bool', 'list(string)'], default: '"string"' }),
    ro('id', 'string', 'ID of the parameter.'),
    ro('optional', 'bool', 'True when the parameter has a default, so the user may skip it.'),
    ro('value', 'string', 'The value the user chose (or the default); always a string, convert with `tonumber()` etc.'),
  ],
  [
    block('option', 'One choice offered for the parameter.', [
      req('name', 'string', 'Label of the choice.'),
      req('value', 'string', 'Value stored when the choice is picked.'),
      opt('description', 'string', 'Help text for the choice.'),
      opt('icon', 'string', 'Icon shown with the choice.'),
    ]),
    block(
      'validation',
      'Rules the value must meet.',
      [
        opt('min', 'number', 'Smallest allowed number.'),
        opt('max', 'number', 'Largest allowed number.'),
        opt('monotonic', 'string', 'The number may only go up or only go down between builds.', { allowedValues: ['increasing', 'decreasing'] }),
        opt('regex', 'string', 'Regular expression a string value must match; needs `error`.'),
        opt('error', 'string', 'Message shown when validation fails; may use `{min}`, `{max}` and `{value}`.'),
      ],
      [],
      { maxItems: 1 },
    ),
  ],
);

export const coderSchemas: readonly ResourceSchema[] = [
  agent,
  app,
  script,
  env,
  metadata,
  devcontainer,
  workspace,
  workspaceOwner,
  provisioner,
  parameter,
];
