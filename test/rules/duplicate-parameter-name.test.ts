import { duplicateParameterName } from '../../server/src/rules/duplicate-parameter-name';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const parameter = (label: string, name: string, extra = '') => `
data "coder_parameter" "${label}" {
${extra}  name    = ${name}
  type    = "string"
  default = "a"
}
`;

ruleTable(duplicateParameterName, {
  valid: [
    {
      name: 'distinct names; labels may repeat a name of another parameter',
      files: head + parameter('region', '"region"') + parameter('zone', '"region-zone"') + parameter('size', '"zone"'),
    },
    {
      name: 'alternatives chosen by a condition Coder alone can evaluate',
      files: head + parameter('small', '"size"', '  count   = var.big ? 0 : 1\n') + parameter('big', '"size"', '  count   = var.big ? 1 : 0\n'),
    },
    {
      name: 'computed names',
      files: head + parameter('a', 'var.name') + parameter('b', 'var.name'),
    },
  ],
  invalid: [
    {
      name: 'two parameters with one name',
      files: head + parameter('region', '"region"') + parameter('location', '"region"'),
      findings: [
        {
          at: 'region',
          occurrence: 2,
          messageId: 'alreadyUsed',
          message: /^`data\.coder_parameter\.region` is also named "region"\. Coder identifies a parameter by its name, so importing the template fails with `coder_parameter names must be unique but "region" appears multiple times`\.$/,
        },
      ],
    },
    {
      name: 'count = 2, and a local module defining the same name',
      files: {
        'main.tf': `${head}${parameter('cpu', '"cpu"', '  count   = 2\n')}${parameter('region', '"region"')}
module "k8s" {
  source = "./k8s"
}
`,
        'k8s/params.tf': parameter('region', '"region"'),
      },
      findings: [
        { at: 'cpu', occurrence: 1, messageId: 'repeatedInstances', message: /^`data\.coder_parameter\.cpu` has 2 instances named "cpu"\./ },
        { at: 'k8s', messageId: 'alreadyUsed', message: /^`data\.coder_parameter\.region` is also named "region"/ },
      ],
    },
    {
      name: 'two local modules define one name: the second call names the first module the name comes through',
      files: {
        'main.tf': `${head}
module "eu" {
  source = "./eu"
}

module "us" {
  source = "./us"
}
`,
        'eu/params.tf': parameter('region', '"region"'),
        'us/params.tf': parameter('region', '"region"'),
      },
      findings: [
        {
          at: 'us',
          messageId: 'alreadyUsedThroughModule',
          message: /^`module\.eu\.data\.coder_parameter\.region` \(through `module\.eu`\) is also named "region"\. Coder identifies/,
        },
      ],
    },
  ],
});
