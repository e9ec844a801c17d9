/**
 * What a reference such as `docker_container.ws[0].network_data[0].ip_address` reaches, step by step, in
 * a type's schema: the instance is an object with every argument, read-only attribute and nested block
 * of the type; a nested block is a collection of objects (one object for `single` nesting); an
 * attribute has its cty type. Completion after a dot, hover and the `unsupported-attribute` rule use it.
 */
import type { CtyType } from './format';
import type { BlockSchema } from './types';

export type RefTarget =
  /** An object with a body's attributes and blocks. */
  | { body: BlockSchema }
  /** A collection of such objects (a nested block with list, set or map nesting). */
  | { elements: BlockSchema; nesting: 'list' | 'set' | 'map' }
  /** A value of a cty type. */
  | { type: CtyType };

export type RefStep = { name: string } | { index: number | string };

/** The next target, `unsupported` when Terraform rejects the step for sure, undefined when it cannot be told. */
export function stepInto(target: RefTarget, step: RefStep): RefTarget | 'unsupported' | undefined {
  if ('body' in target) {
    if (!('name' in step)) return undefined;
    const attribute = target.body.attributes.get(step.name);
    if (attribute) return { type: attribute.type };
    const nested = target.body.blocks.get(step.name);
    if (nested) return nested.nesting === 'single' ? { body: nested.block } : { elements: nested.block, nesting: nested.nesting };
    return target.body.open ? undefined : 'unsupported';
  }
  if ('elements' in target) {
    if ('index' in step && (target.nesting !== 'set')) return { body: target.elements };
    return undefined;
  }
  const type = target.type;
  if (typeof type === 'string') return undefined;
  if (type[0] === 'object') {
    if (!('name' in step)) return undefined;
    const t = type[1][step.name];
    return t === undefined ? 'unsupported' : { type: t };
  }
  if ((type[0] === 'list' || type[0] === 'map') && 'index' in step) return { type: type[1] };
  if (type[0] === 'map' && 'name' in step) return { type: type[1] };
  return undefined;
}

/** The names a target offers after a dot: attributes and blocks of an object, keys of an object type. */
export function namesOf(target: RefTarget): string[] {
  if ('body' in target) return [...target.body.attributes.keys(), ...target.body.blocks.keys()].sort();
  if ('type' in target && typeof target.type !== 'string' && target.type[0] === 'object') return Object.keys(target.type[1]).sort();
  return [];
}
