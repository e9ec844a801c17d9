import { asNumber, asString, Value } from './values';

/** Whether a process runs as root: known yes, known no, or not knowable from the template. */
export type Root = 'root' | 'not-root' | 'unknown';

/** A Kubernetes `run_as_user` (a number, or a numeric string: the provider takes both). */
export function runAsUserIsRoot(v: Value | undefined): Root {
  if (!v) return 'unknown';
  const n = asNumber(v);
  if (n !== undefined) return n === 0 ? 'root' : 'not-root';
  return asString(v) !== undefined ? 'not-root' : 'unknown';
}

/** A docker_container's `user`: `name`, `uid`, `name:group` or `uid:gid`; root is `root` or `0` before the colon. */
export function dockerUserIsRoot(v: Value | undefined): Root {
  const user = asString(v);
  if (user === undefined) return 'unknown';
  const name = user.split(':')[0].trim();
  return name === '0' || name === 'root' ? 'root' : 'not-root';
}

/** Docker Hub namespaces whose systemd images run as root: Sysbox's own (`nestybox/…`) and `jrei/systemd-…`. */
const ROOT_NAMESPACES = ['nestybox/', 'jrei/'];

/**
 * Whether an image is known to start as root when the template sets no user: Docker Hub's official
 * images (`ubuntu`, `debian:12`, `docker.io/library/fedora`…) and the systemd images above. Undefined when
 * it is not known (the codercom images start as `coder`, uid 1000; most others say nothing), or when
 * the image name is not fully known.
 */
export function imageRunsAsRoot(image: string | undefined): boolean | undefined {
  if (!image || image.includes('${')) return undefined;
  const name = image.toLowerCase().replace(/^(?:docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
  const reference = name.split('@')[0];
  // The tag follows the last `:` after the last `/` (a registry may have a port: `host:5000/x`).
  const path = reference.lastIndexOf(':') > reference.lastIndexOf('/') ? reference.slice(0, reference.lastIndexOf(':')) : reference;
  if (!path.includes('/') || ROOT_NAMESPACES.some((ns) => path.startsWith(ns))) return true;
  return undefined;
}
