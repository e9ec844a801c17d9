/** The runtime (docker) and runtime class (Kubernetes) name that selects Sysbox. */
export const SYSBOX_RUNTIME = 'sysbox-runc';

/** The annotation with which a Sysbox pod asks CRI-O for a user namespace of its own, and the value Coder's docs give it. */
export const USERNS_ANNOTATION = 'io.kubernetes.cri-o.userns-mode';
export const USERNS_VALUE = 'auto:size=65536';

/** hashicorp/kubernetes added `runtime_class_name` in this version. */
export const FIRST_KUBERNETES_WITH_RUNTIME_CLASS: [number, number, number] = [2, 16, 0];
