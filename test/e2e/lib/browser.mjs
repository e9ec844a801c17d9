// Debian's Chromium, driven by Playwright, for the workbench under test.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { paths } from './paths.mjs';
import { limit, onInterrupt } from './processGroups.mjs';
import { SANDBOX_ENV } from './sandbox.mjs';

export function loadPlaywright() {
  const require = createRequire(join(paths.playwrightPrefix, 'package.json'));
  return require('playwright-core');
}

/** Launches Debian's Chromium headless (or headed with E2E_HEADED=1) with a fresh profile in the sandbox. */
export async function launchBrowser(sandbox, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  const headless = process.env.E2E_HEADED !== '1';
  const context = await chromium.launchPersistentContext(sandbox.browserProfile, {
    executablePath: paths.chromium,
    headless,
    viewport,
    deviceScaleFactor: 1,
    env: { ...process.env, [SANDBOX_ENV]: sandbox.root },
    args: [
      ...(headless ? ['--headless'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), limit(10_000)]);
  };
  const unregister = onInterrupt(close);
  return {
    context,
    async close() {
      unregister();
      await close();
    },
  };
}
