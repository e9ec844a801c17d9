/**
 * Benchmark inputs: Coder templates that mix the seven Docker-in-workspace methods. Every "unit" is one
 * workspace (variables, locals, an agent with a heredoc startup script, apps, compute) with its own names,
 * so the module index holds as many distinct declarations and references as a real big template would.
 * Deterministic: the same seed gives the same text.
 */
import { Ctx, Method, METHODS, rng } from './template/context';
import { commonPart, header, metadataPart } from './template/common';
import { privilegedSidecarDocker, sysboxDocker } from './template/docker';
import { envbox } from './template/envbox';
import { rootlessPodman, sysboxKubernetes, systemdSysbox } from './template/kubernetesPods';
import { privilegedSidecarKubernetes } from './template/kubernetesSidecar';

export { METHODS, rng } from './template/context';
export type { Method } from './template/context';

/** The compute part of a unit, per method. */
const COMPUTE: Record<Method, (c: Ctx) => string> = {
  'sysbox-docker': sysboxDocker,
  'sysbox-kubernetes': sysboxKubernetes,
  envbox,
  'rootless-podman': rootlessPodman,
  'privileged-sidecar-docker': privilegedSidecarDocker,
  'privileged-sidecar-kubernetes': privilegedSidecarKubernetes,
  'systemd-sysbox': systemdSysbox,
};

export interface Generated {
  text: string;
  lines: number;
  methods: Method[];
}

/** A template of at least `targetLines` lines, units rotating through the methods from `firstMethod`. */
export function generateTemplate(targetLines: number, seed: number, firstMethod = 0): Generated {
  const r = rng(seed);
  let text = header(r, `Benchmark template (seed ${seed}, about ${targetLines} lines)`);
  const methods: Method[] = [];
  let lines = text.split('\n').length;
  for (let i = 0; lines < targetLines; i++) {
    const method = METHODS[(firstMethod + i) % METHODS.length];
    const c: Ctx = {
      r,
      s: `${method.replace(/-/g, '_').replace(/^privileged_sidecar/, 'sidecar')}_${seed.toString(36)}_${i}`,
      owner: r() < 0.1 ? 'data.coder_workspace.me.owner' : 'data.coder_workspace_owner.me.name',
      counted: r() < 0.95,
    };
    const unit = commonPart(c, method) + COMPUTE[method](c) + metadataPart(c, method);
    const unitLines = unit.split('\n').length - 1;
    // Stop short when one more unit would overshoot by more than it would miss (but keep one unit).
    if (methods.length && lines + unitLines - targetLines > targetLines - lines) break;
    text += unit;
    lines += unitLines;
    methods.push(method);
  }
  return { text, lines: text.split('\n').length, methods };
}
