import type { Container } from '../../model/containers';
import { unwrap } from '../../model/syntax';
import type { FixBuilder } from '../edits';

/**
 * Adds env entries to a container in its own style: `"NAME=value"` elements of the docker `env` list (a
 * new `env` attribute when there is none), or `env { name value }` blocks at the end of a Kubernetes
 * container. `value` is an HCL expression; a quoted string is inlined into the docker element. False, with
 * nothing added, when the docker `env` is not written out as a list (`concat(…)`, a local): that list is
 * the user's to extend.
 */
export function addEnvEntries(builder: FixBuilder, c: Container, entries: Array<{ name: string; value: string }>): boolean {
  if (c.platform === 'docker') {
    const elements = entries.map(({ name, value }) => `"${name}=${dockerEnvText(value)}"`);
    const tuple = unwrap(c.envAttribute?.value);
    if (tuple?.type === 'tuple') builder.appendElementsToList(c.file, tuple, elements);
    else if (!c.envAttribute) builder.insertAttribute(c.file, c.block, 'env', `[${elements.join(', ')}]`);
    else return false;
    return true;
  }
  // At the end of the container, where every fix adds its env block: two fixes adding env to one container
  // then clash and apply one pass after the other, never adding the same variable twice.
  builder.insertBlock(c.file, c.block, entries.flatMap(({ name, value }) => ['env {', `  name  = "${name}"`, `  value = ${value}`, '}']));
  return true;
}

/** The text of an HCL expression inside a quoted template: a quoted string's content, else `${expression}`. */
function dockerEnvText(expression: string): string {
  return /^"(?:[^"\\]|\\.)*"$/.test(expression) ? expression.slice(1, -1) : `\${${expression}}`;
}
