/** Terraform's own meta-arguments, valid in every `resource` (and, except `lifecycle`, most `data`) block. */
import { block, fillDocsUrl, opt } from './build';
import type { ProviderInfo } from './types';

const META_DOCS = 'https://developer.hashicorp.com/terraform/language/meta-arguments';

const lifecycle = block(
  'lifecycle',
  'How Terraform replaces and updates this resource.',
  [
    opt('create_before_destroy', 'bool', 'Create the replacement before destroying the old instance.'),
    opt('prevent_destroy', 'bool', 'Refuse any plan that would destroy this resource (e.g. a home volume).'),
    opt('ignore_changes', 'list', 'Attributes whose changes Terraform ignores, or `all`.'),
    opt('replace_triggered_by', 'list', 'References whose change replaces this resource.'),
  ],
  [],
  { maxItems: 1 },
);
fillDocsUrl(lifecycle, `${META_DOCS}/lifecycle`);

export const metaArguments = block(
  'resource',
  'Terraform meta-arguments shared by every resource.',
  [
    opt('count', 'number', 'How many instances to create. Coder templates set `data.coder_workspace.me.start_count` so containers stop with the workspace.', {
      docsUrl: `${META_DOCS}/count`,
    }),
    opt('for_each', 'any', 'Create one instance per element of a map or set of strings.', { docsUrl: `${META_DOCS}/for_each` }),
    opt('depends_on', 'list', 'Resources this one must wait for, beyond its references.', { docsUrl: `${META_DOCS}/depends_on` }),
    opt('provider', 'any', 'Which provider configuration (alias) to use.', { docsUrl: `${META_DOCS}/resource-provider` }),
  ],
  [lifecycle],
  { docsUrl: META_DOCS },
);

export const providers: readonly ProviderInfo[] = [
  {
    name: 'coder',
    source: 'coder/coder',
    description: 'Coder\'s provider: agents, apps, scripts, parameters and workspace facts.',
    docsUrl: 'https://registry.terraform.io/providers/coder/coder/latest/docs',
  },
  {
    name: 'docker',
    source: 'kreuzwerker/docker',
    description: 'Manages containers, images, networks and volumes on a Docker host.',
    docsUrl: 'https://registry.terraform.io/providers/kreuzwerker/docker/latest/docs',
  },
  {
    name: 'kubernetes',
    source: 'hashicorp/kubernetes',
    description: 'Manages Kubernetes objects; `runtime_class_name` (for Sysbox) needs 2.16.0 or newer, and 3.0.0 deprecates the unversioned resource names.',
    docsUrl: 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs',
  },
];
