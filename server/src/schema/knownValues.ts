/**
 * The values completion offers for images and env names, with the docs they link to, and the helpers
 * that say where a value rule applies (values.ts holds the rules themselves).
 */
import { envVarDocs } from './envVars';
import type { KnownValue, SchemaKind } from './types';

export interface ValueLocation {
  kind: SchemaKind;
  types: readonly string[];
  /** Nested block names from the resource body; `[]` is the resource body itself. */
  path: readonly string[];
}

export const DOCS_PAGE = 'https://coder.com/docs/admin/templates/extending-templates/docker-in-workspaces';
export const SYSBOX_DOCS = 'https://github.com/nestybox/sysbox';
export const ENVBOX_DOCS = 'https://github.com/coder/envbox';

const POD_TYPES = ['kubernetes_pod', 'kubernetes_pod_v1'];
const DEPLOYMENT_TYPES = ['kubernetes_deployment', 'kubernetes_deployment_v1'];
export const PVC_TYPES = ['kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1'];
export const SECRET_TYPES = ['kubernetes_secret', 'kubernetes_secret_v1'];

export function resource(types: readonly string[], path: readonly string[] = []): ValueLocation {
  return { kind: 'resource', types, path };
}

/** A path inside the pod spec, for pods (`spec.…`) and deployments (`spec.template.spec.…`). */
export function inPodSpec(...suffix: string[]): ValueLocation[] {
  return [resource(POD_TYPES, ['spec', ...suffix]), resource(DEPLOYMENT_TYPES, ['spec', 'template', 'spec', ...suffix])];
}

/** The pod's own metadata: the pod's `metadata`, or a deployment's `spec.template.metadata`. */
export function podMetadata(): ValueLocation[] {
  return [resource(POD_TYPES, ['metadata']), resource(DEPLOYMENT_TYPES, ['spec', 'template', 'metadata'])];
}

export const SYSBOX_METHODS = ['sysbox-docker', 'sysbox-kubernetes', 'systemd-sysbox'];

const workspaceImage: KnownValue = {
  value: 'codercom/enterprise-base:ubuntu',
  description: 'Coder\'s Ubuntu base image for workspaces (the kubernetes starter\'s image and a common envbox inner image).',
  methods: ['sysbox-docker', 'sysbox-kubernetes', 'privileged-sidecar-docker', 'privileged-sidecar-kubernetes', 'systemd-sysbox', 'envbox'],
  docsUrl: 'https://github.com/coder/images',
};
const nodeImage: KnownValue = {
  value: 'codercom/enterprise-node:ubuntu',
  description: 'Coder\'s Node.js workspace image; the docker-devcontainer starter runs it privileged with an inner Docker daemon.',
  docsUrl: 'https://github.com/coder/images',
};
const dindImage: KnownValue = {
  value: 'docker:dind',
  description: 'Docker-in-Docker daemon for a privileged sidecar; the workspace reaches it through `DOCKER_HOST`.',
  methods: ['privileged-sidecar-docker', 'privileged-sidecar-kubernetes'],
  docsUrl: 'https://hub.docker.com/_/docker',
};
const envboxImage: KnownValue = {
  value: 'ghcr.io/coder/envbox:latest',
  description: 'Envbox outer container: must be privileged; starts the workspace image (`CODER_INNER_IMAGE`) inside under Sysbox.',
  methods: ['envbox'],
  docsUrl: ENVBOX_DOCS,
};
// The canonical podman image name and tag are UNVERIFIED (facts §1, §5): the archived community template
// uses ghcr.io/coder/podman:{ubuntu,fedora}, coder/images publishes codercom/enterprise-podman, and PR #28100
// shows codercom/example-podman:ubuntu. All are offered.
const podmanImages: KnownValue[] = [
  {
    value: 'ghcr.io/coder/podman:ubuntu',
    description: 'Rootless Podman workspace image (Ubuntu) from the archived community template; needs `/dev/fuse` via `github.com/fuse`.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
  {
    value: 'ghcr.io/coder/podman:fedora',
    description: 'Rootless Podman workspace image (Fedora) from the archived community template.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
  {
    value: 'codercom/enterprise-podman',
    description: 'Rootless Podman image from coder/images, built on `codercom/enterprise-base:ubuntu`; needs `user.max_user_namespaces` > 0 on the node.',
    methods: ['rootless-podman'],
    docsUrl: 'https://github.com/coder/images/tree/main/images/podman',
  },
  {
    value: 'codercom/example-podman:ubuntu',
    description: 'Rootless Podman image named by the current Coder docs\' Podman step.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
];

export const dockerImages: readonly KnownValue[] = [workspaceImage, nodeImage, dindImage, envboxImage];
export const kubernetesImages: readonly KnownValue[] = [workspaceImage, envboxImage, ...podmanImages, dindImage];

function uniqueEnvNames(): string[] {
  return [...new Set(envVarDocs.map((doc) => doc.name))];
}

export const envNameValues: readonly KnownValue[] = uniqueEnvNames().map((name) => ({
  value: name,
  description: envVarDocs.find((doc) => doc.name === name)!.description,
  docsUrl: envVarDocs.find((doc) => doc.name === name)!.docsUrl,
}));

/** Docker's `env` is a set of `"KEY=VALUE"` strings, so offer the `KEY=` prefix. */
export const dockerEnvValues: readonly KnownValue[] = envNameValues.map((known) => ({ ...known, value: `${known.value}=` }));
