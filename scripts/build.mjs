// Bundles the client, the language server and the CLI into one file each (dist/), and copies the
// WebAssembly files they load at run time beside them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

/**
 * @cdktf/hcl2json finds its gzipped Go WebAssembly relative to its own folder and loads the Go runtime
 * shim with a dynamic require. Point both at files that sit beside the bundle.
 */
const hcl2jsonPlugin = {
  name: 'hcl2json-wasm-beside-bundle',
  setup(b) {
    b.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const wasmPath = '(0, path_1.join)(__dirname, "..", "main.wasm.gz")';
      const shim = 'require(`../wasm/bridge_wasm_exec.js`)';
      if (!text.includes(wasmPath) || !text.includes(shim)) {
        throw new Error('@cdktf/hcl2json changed its loader; update scripts/build.mjs');
      }
      text = text.replace(wasmPath, '(0, path_1.join)(__dirname, "hcl2json.wasm.gz")');
      text = text.replace(shim, 'require("../wasm/bridge_wasm_exec.js")');
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Bundled as ESM, web-tree-sitter finds itself through `import.meta.url`, which a CommonJS bundle does
 * not have; its CommonJS build uses `__dirname` instead.
 */
const webTreeSitterCjs = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({
      path: join(dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), 'web-tree-sitter.cjs'),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [hcl2jsonPlugin, webTreeSitterCjs],
  // The Go runtime shim falls back to require("performance") on runtimes without globalThis.performance;
  // Node has it, so the fallback is never taken.
  external: ['performance'],
  // parser.ts resolves the .wasm files from node_modules only when they are not beside the bundle.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

const entries = [
  { entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode', 'performance'] },
  { entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dist, 'server.js') },
  {
    entryPoints: [join(root, 'server/src/cli.ts')],
    outfile: join(dist, 'cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    // `coder-dind --version`, SARIF's tool version and the lint cache's key.
    define: { CODER_DIND_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  },
  // The workspace preview's page (client/src/preview/panel.ts loads it into its webview).
  { entryPoints: [join(root, 'client/webview/main.ts')], outfile: join(dist, 'preview.js'), platform: 'browser', format: 'iife', target: 'es2022', plugins: [] },
  // hcl-syntax's worker thread (server/src/service/hclWorkers.ts), used by the server and the CLI.
  { entryPoints: [join(root, 'server/src/service/hclWorker.ts')], outfile: join(dist, 'hcl-worker.js') },
];

function copyRuntimeFiles() {
  const grammarDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  copyFileSync(join(grammarDir, 'tree-sitter-terraform.wasm'), join(dist, 'tree-sitter-terraform.wasm'));
  copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(dist, 'web-tree-sitter.wasm'));
  const hclDir = dirname(require.resolve('@cdktf/hcl2json/package.json'));
  copyFileSync(join(hclDir, 'main.wasm.gz'), join(dist, 'hcl2json.wasm.gz'));
}

/**
 * The scaffold reads its Handlebars templates at run time from dist/templates (server/src/scaffold/
 * render.ts), and the snippets are generated from the same templates: write them, or in CI only check
 * that the committed snippets/terraform.json is current.
 */
function scaffoldAssets() {
  const target = join(dist, 'templates');
  rmSync(target, { recursive: true, force: true });
  cpSync(join(root, 'server/src/scaffold/templates'), target, { recursive: true });
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const snippets = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen-snippets.ts'), ...(ci ? ['--check'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (snippets.status !== 0) throw new Error('snippet generation failed (npm run snippets)');
}

copyRuntimeFiles();
scaffoldAssets();
if (watch) {
  const { context } = await import('esbuild');
  for (const entry of entries) {
    const ctx = await context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('watching client, server and cli');
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
