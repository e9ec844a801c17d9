/**
 * The bundled index of Coder's module registry (`coder` namespace): which modules exist, their versions,
 * inputs and outputs. Read on first use.
 */
import type { RegistryIndexFile, RegistryModule } from './registryFormat';

export type { RegistryInput, RegistryModule } from './registryFormat';

let index: RegistryIndexFile | undefined;

function load(): RegistryIndexFile {
  index ??= require('./data/coder-registry.json') as RegistryIndexFile;
  return index;
}

/**
 * The module a `source` names, in either form Coder uses: `registry.coder.com/coder/<name>/coder` and the
 * older `registry.coder.com/modules/<name>/coder` (a `//subdir` suffix is allowed). Undefined for other
 * sources and for modules the index does not hold.
 */
export function registryModuleOf(source: string): RegistryModule | undefined {
  const name = registryModuleName(source);
  return name ? load().modules[name] : undefined;
}

/** The module name of a registry.coder.com source of the `coder` namespace, known or not. */
export function registryModuleName(source: string): string | undefined {
  return /^registry\.coder\.com\/(?:coder|modules)\/([a-z0-9][a-z0-9-]*)\/coder(?:\/\/.*)?$/.exec(source.trim())?.[1];
}

/** Every module of the index, by name. */
export function allRegistryModules(): RegistryModule[] {
  return Object.values(load().modules);
}

/** The source address completion writes for a module. */
export function registrySource(module: RegistryModule): string {
  return `registry.coder.com/coder/${module.name}/coder`;
}
