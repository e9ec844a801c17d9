import type { TemplateModule } from './module';
import { admitsMajor, admitsOnlyBelow, parseConstraint, Version } from '../schema/versionConstraint';

/**
 * Questions rules ask about a provider's version constraint. An absent or unreadable constraint admits
 * every version, as `terraform init` would then take the newest.
 */
export function providerAdmitsMajor(module: TemplateModule, source: string, major: number): boolean {
  const constraint = parseConstraint(module.requiredProvider(source)?.version);
  return !constraint || admitsMajor(constraint, major);
}

export function providerOnlyBelow(module: TemplateModule, source: string, version: Version): boolean {
  const entry = module.requiredProvider(source);
  if (!entry?.version) return false;
  const constraint = parseConstraint(entry.version);
  return !!constraint && admitsOnlyBelow(constraint, version);
}
