import type { Container } from '../model/containers';
import { runsSystemd } from '../model/method';
import { findInScript, ScriptMatch } from '../model/scripts';
import { addSysboxRuntime, FixBuilder } from './edits';
import type { Rule } from './types';

const INIT_PATH = /(?<![\w/.-])(?:\/usr)?(?:\/sbin\/init|\/lib\/systemd\/systemd)(?![\w.-])/;

/** Where a systemd container's script starts init (`/sbin/init`, `/lib/systemd/systemd`). */
export function systemdInitIn(c: Container): ScriptMatch | undefined {
  for (const { script } of c.scripts) {
    const found = findInScript(script, INIT_PATH);
    if (found) return found;
  }
  return undefined;
}

export const systemdRequiresSysbox: Rule = {
  meta: {
    id: 'systemd-requires-sysbox',
    defaultSeverity: 'error',
    description: 'A container that boots systemd must run under Sysbox (or be privileged).',
    fixable: true,
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (c.sysbox || c.privileged || c.isEnvbox || !runsSystemd(c)) continue;
      const init = systemdInitIn(c);
      if (!init) continue;
      const runtime = c.platform === 'docker' ? '`runtime = "sysbox-runc"`' : '`runtime_class_name = "sysbox-runc"`';
      report({
        file: c.file,
        range: c.file.rangeOfOffsets(init.start, init.end),
        message:
          `\`${init.text}\` boots systemd, which must mount cgroups and parts of /proc and /sys as PID 1; an ordinary container forbids that, ` +
          'so systemd stops at once, the container exits with it, and the agent it was to start never connects. ' +
          `The "Systemd in Docker" method runs the container under Sysbox (${runtime}), which gives systemd what it needs without host privileges.`,
        fix: c.platform === 'kubernetes' && !c.podSpec ? undefined : addSysboxRuntime(new FixBuilder(`Add ${runtime}`), c).build(),
      });
    }
  },
};
