# Part of examples/broken-template: Terraform's parser rejects this file (hcl-syntax).
locals {
  greeting = "hello
}
