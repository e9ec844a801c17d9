# SYNTAX TEST "source.terraform-coder-dind" "HCL: comments, blocks, attributes, expressions, plain heredocs"
# a hash comment
# <- comment.line.number-sign.terraform punctuation.definition.comment.terraform
// a slash comment
# <-- comment.line.double-slash.terraform punctuation.definition.comment.terraform
/* a block
   comment */
# <------------ comment.block.terraform

terraform {
# <--------- meta.block.terraform entity.name.type.terraform
#         ^ punctuation.section.block.begin.terraform
  required_providers {
# ^^^^^^^^^^^^^^^^^^ meta.block.terraform meta.block.terraform entity.name.type.terraform
    coder = {
#   ^^^^^ entity.other.attribute-name.terraform
#           ^ meta.braces.terraform punctuation.section.braces.begin.terraform
      source  = "coder/coder"
#     ^^^^^^ meta.braces.terraform support.type.property-name.terraform
#               ^^^^^^^^^^^^^ string.quoted.double.terraform
    }
  }
}

variable "image" {
# <-------- entity.name.type.terraform
#        ^ string.quoted.double.terraform punctuation.definition.string.begin.terraform
#         ^^^^^ string.quoted.double.terraform entity.name.label.terraform
  type        = list(string)
# ^^^^ entity.other.attribute-name.terraform
#             ^ keyword.operator.assignment.terraform
#               ^^^^ support.type.terraform
#                    ^^^^^^ support.type.primitive.terraform
  default     = null
#               ^^^^ constant.language.null.terraform
  sensitive   = false
#               ^^^^^ constant.language.boolean.terraform
  description = <<EOT
#               ^^ string.unquoted.heredoc.terraform keyword.operator.heredoc.terraform
#                 ^^^ string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
if [ -n "$HOME" ]; then echo ${var.name}; fi
# <-- string.unquoted.heredoc.terraform - keyword.control.if.shell meta.embedded.block.shell.terraform
#        ^^^^^ string.unquoted.heredoc.terraform - variable.other.normal.shell meta.interpolation.terraform
#                            ^^ string.unquoted.heredoc.terraform meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#                              ^^^ meta.interpolation.terraform variable.language.terraform
#                                  ^^^^ meta.interpolation.terraform variable.other.member.terraform
EOT
# <--- string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
}

locals {
  username = data.coder_workspace_owner.me.name
# ^^^^^^^^ entity.other.attribute-name.terraform
#            ^^^^ variable.language.terraform
#                ^ punctuation.accessor.terraform
#                 ^^^^^^^^^^^^^^^^^^^^^ variable.other.member.terraform
  home     = "/home/${local.username}\n%{ if var.x }y%{ endif } $${lit}"
#            ^ string.quoted.double.terraform punctuation.definition.string.begin.terraform
#                   ^^ meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#                     ^^^^^ meta.interpolation.terraform variable.language.terraform
#                           ^^^^^^^^ meta.interpolation.terraform variable.other.member.terraform
#                                    ^^ string.quoted.double.terraform constant.character.escape.terraform
#                                      ^^ meta.directive.terraform punctuation.section.directive.begin.terraform
#                                         ^^ meta.directive.terraform keyword.control.directive.terraform
#                                                       ^^^^^ keyword.control.directive.terraform
#                                                               ^^ constant.character.escape.template.terraform
#                                                                 ^^^^^ string.quoted.double.terraform - meta.interpolation.terraform
  ports    = [for p in var.ports : p * 2 + 1.5e3 if p >= 1024 && !var.off]
#             ^^^ keyword.control.for.terraform
#                 ^ variable.other.readwrite.terraform
#                   ^^ keyword.control.in.terraform
#                                ^ keyword.operator.conditional.terraform
#                                    ^ keyword.operator.arithmetic.terraform
#                                      ^ constant.numeric.integer.terraform
#                                          ^^^^^ constant.numeric.float.terraform
#                                                ^^ keyword.control.conditional.terraform
#                                                     ^^ keyword.operator.comparison.terraform
#                                                             ^^ keyword.operator.logical.terraform
  first    = upper(coalesce(var.names...)[0])
#            ^^^^^ meta.function-call.terraform entity.name.function.terraform
#                 ^ punctuation.section.parens.begin.terraform
#                  ^^^^^^^^ entity.name.function.terraform
#                                    ^^^ keyword.operator.expansion.terraform
  ids      = docker_container.workspace[*].id
#            ^^^^^^^^^^^^^^^^ variable.other.readwrite.terraform
#                                       ^ keyword.operator.splat.terraform
  n        = count.index == 0 ? "a" : "b"
#            ^^^^^ variable.language.terraform
#                        ^^ keyword.operator.comparison.terraform
#                             ^ keyword.operator.conditional.terraform
#                               ^^^ string.quoted.double.terraform - meta.mapping.key.terraform support.type.property-name.terraform
#                                   ^ keyword.operator.conditional.terraform
}

data "coder_workspace" "me" {}
# <---- meta.block.terraform entity.name.type.terraform
#     ^^^^^^^^^^^^^^^ entity.name.label.terraform
#                       ^^ entity.name.label.terraform
#                           ^^ meta.block.terraform
