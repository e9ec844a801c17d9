import { containerLabel } from '../model/containers';
import { staticValue } from '../model/syntax';
import { defineRule } from './types';

const NAME = 'CODER_IMAGE_PULL_SECRET';

export const envboxLiteralPullSecret = defineRule({
  meta: {
    id: 'envbox-literal-pull-secret',
    defaultSeverity: 'warning',
    description: 'CODER_IMAGE_PULL_SECRET should come from a Kubernetes secret (value_from.secret_key_ref), not a value in the template.',
    fixable: false,
    // No message holds the value: it is a registry credential.
    messages: {
      literalInPodSpec:
        'CODER_IMAGE_PULL_SECRET of {{container}} is set with `value`, so the registry credential is written in the template and stored in plain text in the Terraform state and the pod spec, where anyone who can read pods can see it. Take it from a Kubernetes secret with `value_from { secret_key_ref { name = "…" key = ".dockerconfigjson" } }`.',
      valueInPodSpec:
        'CODER_IMAGE_PULL_SECRET of {{container}} is set with `value`, so the registry credential is stored in plain text in the Terraform state and the pod spec, where anyone who can read pods can see it. Take it from a Kubernetes secret with `value_from { secret_key_ref { name = "…" key = ".dockerconfigjson" } }`.',
      literalInTemplate:
        'CODER_IMAGE_PULL_SECRET of {{container}} holds a registry credential written in the template: it ends up in version control and the Terraform state. Pass it in through a `sensitive` variable instead.',
    },
    tags: ['envbox', 'docker', 'kubernetes', 'security'],
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (!c.isEnvbox) continue;
      for (const entry of c.env) {
        if (entry.name !== NAME || !entry.valueNode) continue;
        // The message must never repeat the value: it is a registry credential.
        if (c.platform === 'kubernetes') {
          if (entry.value === '' || entry.value === null) continue;
          const literal = entry.inPlace && typeof staticValue(entry.valueNode) === 'string';
          report({
            file: c.file,
            range: c.file.rangeOf(entry.inPlace ? (entry.valueNode.parent ?? entry.valueNode) : entry.node),
            messageId: literal ? 'literalInPodSpec' : 'valueInPodSpec',
            data: { container: containerLabel(c) },
          });
        } else if (typeof entry.value === 'string' && entry.value !== '') {
          // Docker has no secret references: only a credential written into the template is reported.
          report({
            file: c.file,
            range: c.file.rangeOf(entry.node),
            messageId: 'literalInTemplate',
            data: { container: containerLabel(c) },
          });
        }
      }
    }
  },
});
