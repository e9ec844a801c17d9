import * as path from 'node:path';
import { instanceCount, literalString } from './coderValues';
import type { Declaration } from './fileIndex';
import type { TemplateModule } from './module';
import { attribute, HclBlock } from './syntax';

/**
 * A template and the local modules it calls, as Coder sees them: several of Coder's import checks
 * (agent names, app slugs, parameter names) span the whole template, child modules included.
 * Registry modules are not on disk and stay unknown.
 */
export interface ModuleInstance {
  module: TemplateModule;
  /**
   * How many times this module is instantiated: the product of the `count`/`for_each` of the calls that
   * lead to it (1 for the template itself); undefined when one of them is unknown.
   */
  instances: number | undefined;
  /** The call in the template's own files that leads here; undefined for the template itself. */
  call?: Declaration;
  /** `module.a.module.b` for a module called from a module. */
  address: string;
}

/** Deep enough for any real template; a deeper chain (or a cycle) ends the walk there. */
const MAX_DEPTH = 8;

const trees = new WeakMap<TemplateModule, ModuleInstance[]>();

/** The template first, then every local module it calls, depth first. */
export function moduleTree(root: TemplateModule): ModuleInstance[] {
  let known = trees.get(root);
  if (known) return known;
  known = [{ module: root, instances: 1, address: '' }];
  const visit = (module: TemplateModule, instances: number | undefined, call: Declaration | undefined, address: string, chain: string[]) => {
    if (chain.length > MAX_DEPTH) return;
    for (const declaration of module.declarationsOf('module')) {
      const dir = localSourceDir(module, declaration.block);
      if (!dir || chain.includes(dir)) continue;
      const child = module.localModule(dir);
      if (!child) continue;
      const count = declaration.block ? instanceCount(declaration.block) : undefined;
      const childInstances = instances === undefined || count === undefined ? undefined : instances * count;
      const childAddress = `${address}module.${declaration.name}`;
      const childCall = call ?? declaration;
      known!.push({ module: child, instances: childInstances, call: childCall, address: childAddress });
      visit(child, childInstances, childCall, `${childAddress}.`, [...chain, dir]);
    }
  };
  visit(root, 1, undefined, '', [root.dir]);
  trees.set(root, known);
  return known;
}

/** The folder a `module` block calls, when its `source` is a literal local path (`./x`, `../x`). */
export function localSourceDir(module: TemplateModule, block: HclBlock | undefined): string | undefined {
  const source = localSource(block);
  return source === undefined ? undefined : path.resolve(module.dir, source);
}

/** A literal local `source` (Terraform reads only `./` and `../` paths as local). */
export function localSource(block: HclBlock | undefined): string | undefined {
  const source = literalString(attribute(block, 'source')?.value);
  return source !== undefined && /^\.\.?[\\/]/.test(source) ? source : undefined;
}
