import type { Container } from '../model/containers';
import { valuesOf } from '../model/facts/reader';
import { isLiteral } from '../model/facts/values';
import { attribute, HclAttribute, HclBlock } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule, RuleContext } from './types';

const POD_HOST_NAMESPACES = ['host_network', 'host_pid', 'host_ipc'];
const DOCKER_HOST_MODES = ['network_mode', 'pid_mode', 'ipc_mode', 'userns_mode'];

/** What a host privilege next to Sysbox means, on each platform (its runtime setting differs). */
const DEFEATS =
  '`{{setting}}` defeats Sysbox: this container already runs under {{runtime}}, whose point is to run Docker and systemd without host privileges; with `{{setting}}` the workspace can reach the host as root (and Sysbox rejects several such combinations). Remove it.';
const MESSAGES = {
  dockerConflict: DEFEATS.replace('{{runtime}}', '`runtime = "sysbox-runc"`'),
  kubernetesConflict: DEFEATS.replace('{{runtime}}', '`runtime_class_name = "sysbox-runc"`'),
};

export const sysboxPrivileged = defineRule({
  meta: {
    id: 'sysbox-privileged',
    defaultSeverity: 'error',
    description: 'A Sysbox container must not also be privileged or share the host\'s namespaces.',
    fixable: true,
    messages: MESSAGES,
    tags: ['sysbox', 'docker', 'kubernetes', 'security'],
  },
  check(context) {
    const seen = new Set<number>();
    const flag = (c: Container, block: HclBlock, a: HclAttribute, setting: string) => {
      if (seen.has(a.node.id)) return;
      seen.add(a.node.id);
      reportConflict(context, c, block, a, setting);
    };
    const reader = valuesOf(context.module);
    for (const c of context.facts.containers) {
      if (c.sysbox !== true) continue;
      if (c.privileged === true && c.privilegedAttribute) {
        flag(c, c.platform === 'docker' ? c.block : (c.securityContext as HclBlock), c.privilegedAttribute, 'privileged = true');
      }
      if (c.platform === 'kubernetes' && c.podSpec) {
        for (const name of POD_HOST_NAMESPACES) {
          const a = attribute(c.podSpec, name);
          if (a && reader.bool(a.value, c.file) === true) flag(c, c.podSpec, a, `${name} = true`);
        }
      }
      if (c.platform === 'docker') {
        for (const name of DOCKER_HOST_MODES) {
          const a = attribute(c.block, name);
          if (a && reader.string(a.value, c.file) === 'host') flag(c, c.block, a, `${name} = "host"`);
        }
      }
    }
  },
});

function reportConflict(context: RuleContext<keyof typeof MESSAGES>, c: Container, block: HclBlock, a: HclAttribute, setting: string): void {
  context.report({
    file: c.file,
    range: c.file.rangeOf(a.node),
    messageId: c.platform === 'docker' ? 'dockerConflict' : 'kubernetesConflict',
    data: { setting },
    // A value the template computes (a local, a conditional) is the user's switch: no fix rather than dropping it.
    fix: !isLiteral(a.value) ? undefined : new FixBuilder(`Remove \`${setting}\``).removeAttribute(c.file, block, a).build(),
  });
}
