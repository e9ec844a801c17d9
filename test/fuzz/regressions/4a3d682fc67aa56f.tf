# A minimal Coder template with nothing to report, for the publish test.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.0.0"
    }
  }
}

data "coder_workspace" "me" {}

data "coder_workspace_owner" "�me" {}

locals {
  workspace_label = "${data.coder_workspace_owner.me.name}-${data.coder_workspace.me.name}"
}
