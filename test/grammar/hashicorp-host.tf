# SYNTAX TEST "source.hcl.terraform" "the injection adds shell heredocs on top of HashiCorp's grammar"
resource "coder_agent" "main" {
# <-------- meta.block.hcl entity.name.type.terraform
  arch           = "amd64"
# ^^^^ variable.declaration.hcl
  startup_script = <<-EOT
# ^^^^^^^^^^^^^^ meta.heredoc.shell.terraform entity.other.attribute-name.terraform - variable.declaration.hcl
#                     ^^^ keyword.control.heredoc-token.terraform - string.unquoted.heredoc.hcl
    if ! command -v docker >/dev/null; then
#   ^^ meta.embedded.block.shell.terraform keyword.control.if.shell - string.unquoted.heredoc.hcl
#                                      ^^^^ keyword.control.then.shell
      curl -fsSL https://get.docker.com | sh
#     ^^^^ meta.embedded.block.shell.terraform entity.name.command.shell
    fi
    echo "$HOME ${coder_agent.main.init_script} $${PATH}"
#          ^^^^ variable.other.normal.shell - meta.interpolation.terraform
#               ^^ meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#                 ^^^^^^^^^^^ meta.interpolation.terraform variable.other.readwrite.terraform
#                                  ^^^^^^^^^^^ meta.interpolation.terraform variable.other.member.terraform
#                                               ^ constant.character.escape.template.terraform
#                                                  ^^^^ variable.other.normal.shell - meta.interpolation.terraform
  EOT
# ^^^ meta.heredoc.shell.terraform keyword.control.heredoc-token.terraform
  dir = "/home/coder"
# ^^^ variable.declaration.hcl - meta.heredoc.shell.terraform
}

resource "docker_container" "dind" {
  command = ["sh", "-c", <<EOF
# ^^^^^^^ meta.command-list.terraform entity.other.attribute-name.terraform
#                        ^^ meta.heredoc.shell.terraform keyword.operator.heredoc.terraform - string.unquoted.heredoc.hcl
dockerd --host=tcp://0.0.0.0:2375
# <------- meta.embedded.block.shell.terraform entity.name.command.shell
EOF
  ]
  labels {
    label = "description"
    value = <<EOT
if then $HOME
# <-- string.unquoted.heredoc.hcl - meta.embedded.block.shell.terraform keyword.control.if.shell
#       ^^^^^ string.unquoted.heredoc.hcl - variable.other.normal.shell
EOT
  }
}
