import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { templateFacts } from '../../server/src/model/containers';
import { KUBERNETES_WORKLOAD_TYPES } from '../../server/src/model/facts/workloads';
import { detectMethod } from '../../server/src/model/method';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/**
 * The pod spec of each workload, wrapped around `inner`, with what hashicorp/kubernetes 3.2.1 requires
 * around it (docs/resources): metadata at the top and on each template, a stateful set's service name and
 * selector block, a replication controller's selector map.
 */
const WRAP: Record<string, (inner: string) => string> = {
  pod: (inner) => `  metadata {\n    name = "ws"\n  }\n  spec {\n${inner}  }\n`,
  template: (inner) => `  metadata {\n    name = "ws"\n  }\n  spec {\n    template {\n      metadata {}\n      spec {\n${inner}      }\n    }\n  }\n`,
  statefulSet: (inner) => WRAP.template(inner).replace('  spec {\n', '  spec {\n    service_name = "ws"\n    selector {\n      match_labels = { app = "ws" }\n    }\n'),
  replicationController: (inner) => WRAP.template(inner).replace('  spec {\n', '  spec {\n    selector = { app = "ws" }\n'),
  cron: (inner) => `  metadata {\n    name = "ws"\n  }\n  spec {\n    schedule = "0 0 * * *"\n    job_template {\n      metadata {}\n      spec {\n        template {\n          metadata {}\n          spec {\n${inner}          }\n        }\n      }\n    }\n  }\n`,
};

const TYPES: Array<[string, keyof typeof WRAP]> = [
  ['kubernetes_pod', 'pod'],
  ['kubernetes_pod_v1', 'pod'],
  ['kubernetes_deployment', 'template'],
  ['kubernetes_deployment_v1', 'template'],
  ['kubernetes_stateful_set', 'statefulSet'],
  ['kubernetes_stateful_set_v1', 'statefulSet'],
  ['kubernetes_daemonset', 'template'],
  ['kubernetes_daemon_set_v1', 'template'],
  ['kubernetes_job', 'template'],
  ['kubernetes_job_v1', 'template'],
  ['kubernetes_replication_controller', 'replicationController'],
  ['kubernetes_replication_controller_v1', 'replicationController'],
  ['kubernetes_cron_job', 'cron'],
  ['kubernetes_cron_job_v1', 'cron'],
];

/** A privileged docker:dind sidecar (privileged given as the string "true") and a workspace without DOCKER_HOST. */
const sidecarPod = (type: string, wrap: (inner: string) => string) => `${head}
resource "${type}" "main" {
  count = data.coder_workspace.me.start_count
${wrap(`    container {
      name  = "dind"
      image = "docker:dind"
      security_context {
        privileged = "true"
      }
      command = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
`)}}
`;

describe('every Kubernetes workload type holds containers the rules read (case 5)', () => {
  before(() => initParser());

  it('covers exactly the pod-template workloads, unversioned and _v1', () => {
    assert.deepEqual([...KUBERNETES_WORKLOAD_TYPES].sort(), TYPES.map(([t]) => t).sort());
  });

  for (const [type, wrap] of TYPES) {
    it(`${type}: containers, the privileged-sidecar method and the container rules`, () => {
      const module = toModule(sidecarPod(type, WRAP[wrap]));
      const { containers, workspaceContainers } = templateFacts(module);
      assert.deepEqual(containers.map((c) => [c.name, c.privileged, c.isDindSidecar]), [['dind', true, true], ['dev', false, false]]);
      assert.deepEqual(workspaceContainers.map((c) => c.name), ['dev']);
      assert.equal(detectMethod(module)?.id, 'privileged-sidecar-kubernetes');
      const rules = lintModule(module, RULES).map((f) => f.rule).filter((r) => r !== 'deprecated-kubernetes-resource');
      assert.deepEqual(rules.sort(), ['dind-insecure-tcp', 'dind-missing-docker-host', 'privileged-container']);
    });

    it(`${type}: a Sysbox pod booting systemd is the systemd-sysbox method`, () => {
      const inner = `    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "\${coder_agent.main.init_script} & exec /usr/sbin/init"]
    }
`;
      const module = toModule(`${head}\nresource "${type}" "main" {\n${WRAP[wrap](inner)}}\n`);
      assert.equal(detectMethod(module)?.id, 'systemd-sysbox');
      const rules = lintModule(module, RULES).map((f) => f.rule);
      assert.ok(rules.includes('sysbox-userns-annotation'), `${rules}`);
      assert.ok(rules.includes('systemd-requires-root'), `${rules}`);
    });
  }

  it('`exec /usr/sbin/init` is the systemd method, as it is for the systemd rules (one test for both)', () => {
    const method = (script: string) =>
      detectMethod(
        toModule(`${head}
resource "kubernetes_pod_v1" "main" {
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      command = ["sh", "-c", "${script}"]
    }
  }
}
`),
      )?.id;
    for (const init of ['exec /sbin/init', 'exec /usr/sbin/init', 'exec /lib/systemd/systemd', '/usr/lib/systemd/systemd --system']) {
      assert.equal(method(init), 'systemd-sysbox', init);
    }
    for (const notInit of ['test -x /sbin/init && echo yes', '# exec /sbin/init', 'ls /sbin/initctl']) {
      assert.equal(method(notInit), undefined, notInit);
    }
  });
});
