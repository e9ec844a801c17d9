import { removedWorkspaceOwnerAttribute } from '../../server/src/rules/removed-workspace-owner-attribute';
import { ruleTable } from '../helpers/ruleTester';

const agent = `resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(removedWorkspaceOwnerAttribute, {
  valid: [
    {
      name: 'coder_workspace_owner attributes',
      files: `data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}
${agent}
resource "docker_volume" "home" {
  name = "coder-\${data.coder_workspace_owner.me.name}-\${data.coder_workspace.me.id}"
}
`,
    },
    {
      name: 'coder provider pinned to 1.x, where owner still exists',
      files: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 1.0"
    }
  }
}

data "coder_workspace" "me" {}
${agent}
resource "docker_volume" "home" {
  name = data.coder_workspace.me.owner
}
`,
    },
  ],
  invalid: [
    {
      name: 'owner in a template string, coder unpinned (the docs examples)',
      files: `data "coder_workspace" "me" {}
${agent}
resource "docker_volume" "home" {
  name = "coder-\${data.coder_workspace.me.owner}-\${lower(data.coder_workspace.me.name)}"
}
`,
      findings: [
        {
          at: 'data.coder_workspace.me.owner',
          messageId: 'removedAttribute',
          message: /removed in coder provider 2\.x.*data\.coder_workspace_owner\.me\.name/,
          fixTitle: 'Use `data.coder_workspace_owner.me.name`',
        },
      ],
      output: `data "coder_workspace" "me" {}

data "coder_workspace_owner" "me" {}
${agent}
resource "docker_volume" "home" {
  name = "coder-\${data.coder_workspace_owner.me.name}-\${lower(data.coder_workspace.me.name)}"
}
`,
    },
    {
      name: 'every removed attribute maps to its replacement; the owner data source is declared once',
      files: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 0.23.0"
    }
  }
}

data "coder_workspace" "me" {}
${agent}
locals {
  a = data.coder_workspace.me.owner_id
  b = data.coder_workspace.me.owner_name
  c = data.coder_workspace.me.owner_email
  d = data.coder_workspace.me.owner_groups
  e = data.coder_workspace.me.owner_session_token
  f = data.coder_workspace.me.owner_oidc_access_token
}
`,
      findings: [
        { at: 'data.coder_workspace.me.owner_id', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.id`' },
        { at: 'data.coder_workspace.me.owner_name', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.full_name`' },
        { at: 'data.coder_workspace.me.owner_email', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.email`' },
        { at: 'data.coder_workspace.me.owner_groups', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.groups`' },
        { at: 'data.coder_workspace.me.owner_session_token', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.session_token`' },
        { at: 'data.coder_workspace.me.owner_oidc_access_token', messageId: 'removedAttribute', fixTitle: 'Use `data.coder_workspace_owner.me.oidc_access_token`' },
      ],
      output: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 0.23.0"
    }
  }
}

data "coder_workspace" "me" {}

data "coder_workspace_owner" "me" {}
${agent}
locals {
  a = data.coder_workspace_owner.me.id
  b = data.coder_workspace_owner.me.full_name
  c = data.coder_workspace_owner.me.email
  d = data.coder_workspace_owner.me.groups
  e = data.coder_workspace_owner.me.session_token
  f = data.coder_workspace_owner.me.oidc_access_token
}
`,
    },
    {
      name: 'the data source declared in another file gets its owner twin there',
      files: {
        'main.tf': `${agent}
resource "docker_volume" "home" {
  name = data.coder_workspace.dev.owner
}
`,
        'data.tf': `data "coder_workspace" "dev" {}
`,
      },
      findings: [{ at: 'data.coder_workspace.dev.owner', messageId: 'removedAttribute' }],
      output: {
        'main.tf': `${agent}
resource "docker_volume" "home" {
  name = data.coder_workspace_owner.dev.name
}
`,
        'data.tf': `data "coder_workspace" "dev" {}

data "coder_workspace_owner" "dev" {}
`,
      },
    },
  ],
  noFix: [
    {
      name: 'the owner data source already exists with a count: the index to use is the user\'s choice',
      files: `data "coder_workspace" "me" {}

data "coder_workspace_owner" "me" {
  count = 1
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    OWNER = data.coder_workspace.me.owner
  }
}
`,
      findings: [{ at: 'data.coder_workspace.me.owner', messageId: 'removedAttribute', message: /was removed in coder provider 2\.x/ }],
    },
  ],
});
