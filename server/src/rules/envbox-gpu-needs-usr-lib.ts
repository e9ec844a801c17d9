import { containerLabel, envIsOpaque } from '../model/containers';
import { defineRule } from './types';

/** What Go's strconv.ParseBool (envbox's flag parsing) reads as true. */
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

export const envboxGpuNeedsUsrLib = defineRule({
  meta: {
    id: 'envbox-gpu-needs-usr-lib',
    defaultSeverity: 'error',
    description: 'An envbox container with CODER_ADD_GPU=true must set CODER_USR_LIB_DIR.',
    fixable: false,
    messages: {
      missingUsrLibDir:
        "{{container}} asks envbox for GPUs (CODER_ADD_GPU) without CODER_USR_LIB_DIR: envbox needs to know where the node's /usr/lib (with the GPU driver libraries) is mounted in the outer container, and exits at start without it. Mount the host's library directory (e.g. /usr/lib/x86_64-linux-gnu) into the container and set CODER_USR_LIB_DIR to that path.",
    },
    tags: ['envbox', 'docker', 'kubernetes'],
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (!c.isEnvbox || envIsOpaque(c)) continue;
      const gpu = c.env.find((e) => e.name === 'CODER_ADD_GPU');
      if (!gpu || !TRUE.has(String(gpu.value))) continue;
      const usrLib = c.env.find((e) => e.name === 'CODER_USR_LIB_DIR');
      const usrLibSet = !!usrLib && !!(usrLib.valueNode || usrLib.valueFrom) && usrLib.value !== '' && usrLib.value !== null;
      if (usrLibSet) continue;
      report({
        file: c.file,
        range: c.file.rangeOf(gpu.node),
        messageId: 'missingUsrLibDir',
        data: { container: containerLabel(c, true) },
      });
    }
  },
});
