import { parameterEphemeral } from '../../server/src/rules/parameter-ephemeral';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;

ruleTable(parameterEphemeral, {
  valid: [
    {
      name: 'mutable with a default; not ephemeral; ephemeral unknown',
      files: `${head}
data "coder_parameter" "rebuild" {
  name      = "rebuild"
  type      = "bool"
  mutable   = true
  ephemeral = true
  default   = false
}

data "coder_parameter" "region" {
  name = "region"
}

data "coder_parameter" "x" {
  name      = "x"
  ephemeral = var.ephemeral
}
`,
    },
  ],
  invalid: [
    {
      name: 'immutable by default: made mutable',
      files: `${head}
data "coder_parameter" "rebuild" {
  name      = "rebuild"
  type      = "bool"
  ephemeral = true
  default   = false
}
`,
      findings: [
        {
          at: 'true',
          messageId: 'mustBeMutable',
          message: /^An ephemeral parameter is asked again on every build, so it must be mutable, .*`parameter can't be immutable and ephemeral`\.$/,
          fixTitle: 'Make it `mutable = true`',
        },
      ],
      output: `${head}
data "coder_parameter" "rebuild" {
  name      = "rebuild"
  type      = "bool"
  ephemeral = true
  default   = false
  mutable   = true
}
`,
    },
  ],
  noFix: [
    {
      name: 'mutable = false written out: the author chose it as much as ephemeral, so true is only suggested',
      files: `${head}
data "coder_parameter" "note" {
  name      = "note"
  mutable   = false
  ephemeral = "true"
  default   = ""
}
`,
      findings: [{ at: '"true"', messageId: 'mustBeMutable', message: /immutable and ephemeral/, suggestions: ['Make it `mutable = true`'] }],
      suggestionOutput: `${head}
data "coder_parameter" "note" {
  name      = "note"
  mutable   = true
  ephemeral = "true"
  default   = ""
}
`,
    },
    {
      name: 'no default (null counts as none): no fix, a default is the author\'s choice',
      files: `${head}
data "coder_parameter" "note" {
  name      = "note"
  mutable   = true
  ephemeral = true
  default   = null
}
`,
      findings: [{ at: 'true', occurrence: 1, messageId: 'needsDefault', message: /^An ephemeral parameter falls back to its default .*`ephemeral parameter requires the default property`\.$/ }],
    },
  ],
});
