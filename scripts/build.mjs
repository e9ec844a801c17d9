// Bundles the client, the language server and the CLI into one file each (dist/), and copies the
// WebAssembly files they load at run time beside them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [hcl2jsonPlugin],
};

const entries = [
  { entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode'] },
  { entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dist, 'server.js') },
  { entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];

function copyRuntimeFiles() {
  const grammarDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  copyFileSync(join(grammarDir, 'tree-sitter-terraform.wasm'), join(dist, 'tree-sitter-terraform.wasm'));
  copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(dist, 'web-tree-sitter.wasm'));
  const hclDir = dirname(require.resolve('@cdktf/hcl2json/package.json'));
  copyFileSync(join(hclDir, 'main.wasm.gz'), join(dist, 'hcl2json.wasm.gz'));
}

copyRuntimeFiles();
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
