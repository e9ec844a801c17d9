/** The fix combiner lives with the rules (rules/applyFixes.ts); this path stays for the rule tests that import it. */
export { applyFixes, compatibleFixes } from '../rules/applyFixes';
