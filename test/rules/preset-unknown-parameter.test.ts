import { presetUnknownParameter } from '../../server/src/rules/preset-unknown-parameter';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

data "coder_parameter" "region" {
  name    = "region"
  default = "eu"
}

data "coder_parameter" "cpu" {
  name    = "cpu_cores"
  type    = "number"
  default = 2
}
`;

ruleTable(presetUnknownParameter, {
  valid: [
    {
      name: 'keys are parameter names, written or computed',
      files: `${head}
data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    region                            = "eu"
    "cpu_cores"                       = "4"
    (data.coder_parameter.region.name) = "eu"
  }
}
`,
    },
    {
      name: 'a registry module may define parameters: silent',
      files: `${head}
module "jetbrains" {
  source = "registry.coder.com/coder/jetbrains/coder"
}

data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    jetbrains_ides = "[]"
  }
}
`,
    },
    {
      name: 'a parameter of a local module counts',
      files: {
        'main.tf': `${head}
module "ide" {
  source = "./ide"
}

data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    ide = "vscode"
  }
}
`,
        'ide/main.tf': `data "coder_parameter" "ide" {
  name    = "ide"
  default = "vscode"
}
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a label instead of a name, and a typo',
      files: `${head}
data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    cpu      = "4"
    "regoin" = "eu"
  }
}
`,
      findings: [
        {
          range: [16, 4, 16, 7],
          messageId: 'unknownParameter',
          message: /^No `coder_parameter` of this template is named "cpu": the keys of a preset's `parameters` are parameter names \(their `name`, not their labels\)\. Coder's push rejects it: `Preset "EU" requires parameter "cpu", but it is not defined by the template\.`/,
          fixTitle: null,
        },
        { at: 'regoin', messageId: 'unknownParameterDidYouMean', message: /named "regoin" \(did you mean "region"\?\)/, fixTitle: 'Change to "region"' },
      ],
    },
    {
      name: 'the typo fixed',
      files: `${head}
data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    regoin = "eu"
  }
}
`,
      findings: [{ at: 'regoin', messageId: 'unknownParameterDidYouMean', fixTitle: 'Change to "region"' }],
      output: `${head}
data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    region = "eu"
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'a label instead of a name (its parameter is named otherwise), and a key close to no name: nothing is guessed',
      files: `${head}
data "coder_workspace_preset" "eu" {
  name = "EU"
  parameters = {
    cpu  = "4"
    zzzz = "x"
  }
}
`,
      findings: [{ at: 'cpu', occurrence: 2, messageId: 'unknownParameter' }, { at: 'zzzz', messageId: 'unknownParameter' }],
    },
  ],
});
