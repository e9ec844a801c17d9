/** The benchmark's command line and folders, read once by every part of the run. */
import * as path from 'node:path';

export const quick = process.argv.includes('--quick');
/** `--only floors,edit,requests,cold,memory,cli,vsix`: a subset, while working on one figure (floors always run). */
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
export const wanted = (name: string) => !only || only.has(name);
export const root = path.resolve(__dirname, '..');
export const inputs = path.join(root, 'bench', 'inputs');
export const dist = path.join(root, 'dist');
