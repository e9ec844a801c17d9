import { unknownResourceType } from '../../server/src/rules/unknown-resource-type';
import type { ProviderSchemaFile } from '../../server/src/schema/format';
import { ruleTable } from '../helpers/ruleTester';

// The bundled releases removed a data source type but no resource type: this file's process reads the coder
// release with one removed resource type more, as the schema generator records them.
const coder = require('../../server/src/schema/data/coder-2.17.0.json') as ProviderSchemaFile;
coder.removals = [...(coder.removals ?? []), { path: 'resource.coder_retired_thing', last_seen: '1.0.0' }];

const header = `data "coder_workspace" "me" {}
`;

ruleTable(unknownResourceType, {
  valid: [
    {
      name: 'types of the three providers, and types of other providers and of Terraform itself',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_volume" "home" {}

resource "kubernetes_pod_v1" "p" {}

resource "null_resource" "n" {}

resource "terraform_data" "t" {}

resource "aws_instance" "vm" {}

data "kubernetes_resource" "r" {}
`,
    },
    {
      name: 'a docker 3.x template using a data source 4.x removed nothing of',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}
${header}
data "docker_registry_image" "img" {
  name = "codercom/enterprise-base:ubuntu"
}
`,
    },
    {
      name: 'a constraint no bundled release meets: the type may exist there',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = ">= 9.0"
    }
  }
}
${header}
resource "docker_something_new" "x" {}
`,
    },
    {
      name: 'not a Coder template',
      files: `resource "docker_contaner" "x" {}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt resource type, renamed with its references',
      files: `${header}
resource "docker_contaner" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws"
}

output "id" {
  value = docker_contaner.workspace.id
}
`,
      findings: [{ at: 'docker_contaner', messageId: 'unknownResource', message: /`kreuzwerker\/docker 4\.5\.0` has no resource type `docker_contaner`.*Did you mean `docker_container`\?/, fixTitle: 'Change to `docker_container`' }],
      output: `${header}
resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws"
}

output "id" {
  value = docker_container.workspace.id
}
`,
    },
    {
      name: 'a data source the provider removed names its replacement',
      files: `${header}
data "coder_git_auth" "github" {
  id = "github"
}
`,
      findings: [{ at: 'coder_git_auth', messageId: 'removedDataSource', message: /removed in 2\.0\.0\. Did you mean `coder_external_auth`\?/, fixTitle: 'Change to `coder_external_auth`' }],
      output: `${header}
data "coder_external_auth" "github" {
  id = "github"
}
`,
    },
    {
      name: 'a type newer than the pinned release',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}
${header}
data "docker_containers" "all" {}
`,
      findings: [{ at: 'docker_containers', messageId: 'unknownDataSource', message: /`kreuzwerker\/docker 3\.9\.0` has no data source type `docker_containers`/ }],
    },
  ],
  noFix: [
    {
      name: 'a data source written as a resource',
      files: `${header}
resource "coder_workspace_owner" "me" {}
`,
      findings: [{ at: 'coder_workspace_owner', messageId: 'dataSourceNotResource', message: /`coder_workspace_owner` is a data source: write `data "coder_workspace_owner"`/ }],
    },
    {
      name: 'a resource type the provider removed, and a resource written as a data source',
      files: `${header}
resource "coder_retired_thing" "x" {}

data "coder_agent" "main" {}
`,
      findings: [
        { at: 'coder_retired_thing', messageId: 'removedResource', message: /has no resource type `coder_retired_thing`: .*"Invalid resource type"\. It was removed after 1\.0\.0\.$/ },
        {
          at: 'coder_agent',
          messageId: 'resourceNotDataSource',
          message: /^`coder\/coder 2\.17\.0` has no data source type `coder_agent`: `terraform init` passes, then `terraform plan` stops with "Invalid data source type"\. `coder_agent` is a resource: write `resource "coder_agent"`\.$/,
        },
      ],
    },
  ],
});
