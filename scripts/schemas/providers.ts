/**
 * What the generator needs to know about each provider: where its Go package is, how to get its
 * `schema.Provider` value, whose structure wins (the documentation, which tfplugindocs regenerates in
 * the provider's CI, or the Go code where the pages lag), and what its own validator functions check.
 * Each validator entry was read from the function's body in the pinned release; the comment says what
 * the function rejects.
 */
import type { ValueChecks } from '../../server/src/schema/format';
import type { GoPackage } from './go/evaluator';
import { GoFunction, Value } from './go/values';
import { KUBERNETES_CONSTANTS } from './kubernetes-constants';

export interface ProviderRecipe {
  name: 'coder' | 'docker' | 'kubernetes';
  source: string;
  /** The Go package folder inside the checkout, when the release ships its source. */
  goDir?: string;
  /** Evaluates the package's `schema.Provider`. */
  provider?: (pkg: GoPackage, version: string) => Value;
  /**
   * `docs`: the pages give the structure, Go adds checks and defaults. `go`: Go gives the structure of
   * every type it defines; pages only the types Go does not define (plugin-framework types).
   */
  structure: 'docs' | 'go';
  /** Values of other packages' constants the schemas use (see kubernetes-constants.ts). */
  constants?: Record<string, string>;
  validators: Record<string, (args: Value[]) => ValueChecks | undefined>;
}

const num = (v: Value) => (typeof v === 'number' ? v : undefined);

export const RECIPES: Record<ProviderRecipe['name'], Omit<ProviderRecipe, 'name'>> = {
  coder: {
    source: 'coder/coder',
    goDir: 'provider',
    provider: (pkg) => pkg.call('New'),
    structure: 'docs',
    validators: {},
  },
  docker: {
    source: 'kreuzwerker/docker',
    goDir: 'internal/provider',
    provider: (pkg, version) => {
      const factory = pkg.call('New', [version]);
      if (!(factory instanceof GoFunction)) throw new Error('docker New() did not return a function');
      return pkg.invokeValue(factory, []);
    },
    structure: 'docs',
    validators: {
      // value < threshold is an error
      validateIntegerGeqThan: ([n]) => (num(n) !== undefined ? { minimum: num(n) } : undefined),
      // the value must contain a match of the pattern
      validateStringMatchesPattern: ([p]) => (typeof p === 'string' ? { pattern: p } : undefined),
      // a drive letter path or one starting with '/'
      validateDockerContainerPath: () => ({ pattern: '^[a-zA-Z]:[\\\\/]|^/' }),
    },
  },
  kubernetes: {
    source: 'hashicorp/kubernetes',
    goDir: 'kubernetes',
    provider: (pkg) => pkg.call('Provider'),
    structure: 'go',
    constants: KUBERNETES_CONSTANTS,
    validators: {
      // v <= 0 is an error
      validatePositiveInteger: () => ({ minimum: 1 }),
      // v < 0 is an error
      validateNonNegativeInteger: () => ({ minimum: 0 }),
      validateTerminationGracePeriodSeconds: () => ({ minimum: 0 }),
      // v < minValue is an error
      validateIntGreaterThan: ([n]) => (num(n) !== undefined ? { minimum: num(n) } : undefined),
      // a string starting with 0 that parses as octal, between 0 and 0777
      validateModeBits: () => ({ format: 'octal-mode' }),
      // empty, or a base-10 integer
      validateTypeStringNullableInt: () => ({ format: 'int-string' }),
      // empty, an integer, or an integer percentage between 0% and 100%
      validateTypeStringNullableIntOrPercent: () => ({ format: 'int-or-percent' }),
      // a Kubernetes resource quantity (when a string)
      validateResourceQuantity: () => ({ format: 'quantity' }),
      // every value of the map an integer or a quantity
      validateResourceList: () => ({ format: 'quantity-map' }),
      // Kubernetes' IsValidPortNum: 1 to 65535
      validatePortNum: () => ({ minimum: 1, maximum: 65535 }),
      // a port number, or an IANA service name
      validatePortNumOrName: () => ({ format: 'port-or-name' }),
      // not absolute, no '..' element, not starting with '..'
      validatePath: () => ({ format: 'relative-path' }),
    },
  },
};
