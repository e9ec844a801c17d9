import { systemdInit } from '../model/facts/systemd';
import { FixBuilder } from './edits';
import { addSysbox } from './fixes/sysbox';
import { defineRule } from './types';

/** Why systemd cannot boot here, and the runtime setting that lets it (it differs by platform). */
const CANNOT_BOOT =
  '`{{command}}` boots systemd, which must mount cgroups and parts of /proc and /sys as PID 1; an ordinary container forbids that, ' +
  'so systemd stops at once, the container exits with it, and the agent it was to start never connects. ' +
  'The "Systemd in Docker" method runs the container under Sysbox ({{runtime}}), which gives systemd what it needs without host privileges.';
const RUNTIME = { docker: '`runtime = "sysbox-runc"`', kubernetes: '`runtime_class_name = "sysbox-runc"`' };

export const systemdRequiresSysbox = defineRule({
  meta: {
    id: 'systemd-requires-sysbox',
    defaultSeverity: 'error',
    description: 'A container that boots systemd must run under Sysbox (or be privileged).',
    fixable: true,
    messages: {
      dockerNoSysbox: CANNOT_BOOT.replace('{{runtime}}', RUNTIME.docker),
      kubernetesNoSysbox: CANNOT_BOOT.replace('{{runtime}}', RUNTIME.kubernetes),
    },
    tags: ['systemd', 'sysbox', 'docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    for (const c of facts.containers) {
      // Only a container known to be neither under Sysbox nor privileged (`privileged = var.x` may be true).
      if (c.sysbox !== false || c.privileged !== false || c.isEnvbox) continue;
      const init = systemdInit(c);
      if (!init) continue;
      const builder = new FixBuilder(`Add ${RUNTIME[c.platform]}`);
      report({
        file: c.file,
        range: c.file.rangeOfOffsets(init.start, init.end),
        messageId: c.platform === 'docker' ? 'dockerNoSysbox' : 'kubernetesNoSysbox',
        data: { command: init.text },
        fix: addSysbox(builder, module, c) ? builder.build() : undefined,
      });
    }
  },
});
