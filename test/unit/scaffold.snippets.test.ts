import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { METHODS } from '../../server/src/model/methodCatalog';
import { renderScaffold } from '../../server/src/scaffold/render';
import { VsCodeSnippet, generateSnippets, snippetsFileText } from '../../server/src/scaffold/snippets';

const repo = join(__dirname, '..', '..');

/** What VS Code inserts when every placeholder keeps its default text. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, text: string) => text.replace(/\\(.)/g, '$1'))
    .replace(/\$0/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

describe('scaffold: snippets', () => {
  it('snippets/terraform.json is what the templates generate (run `npm run snippets`)', () => {
    assert.equal(readFileSync(join(repo, 'snippets', 'terraform.json'), 'utf8'), snippetsFileText());
  });

  it('package.json contributes the snippets for terraform', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    assert.deepEqual(
      pkg.contributes.snippets.filter((s: { language: string }) => s.language === 'terraform'),
      [{ language: 'terraform', path: './snippets/terraform.json' }],
    );
  });

  const snippets = generateSnippets();
  const byPrefix = new Map<string, VsCodeSnippet>(Object.values(snippets).map((s) => [s.prefix, s]));

  it('has a full template per method and the smaller pieces', () => {
    for (const method of METHODS) assert.ok(byPrefix.has(`coder-template-${method.id}`), method.id);
    for (const prefix of ['coder-agent', 'coder-dind-sidecar', 'coder-envbox-env', 'coder-sysbox-annotation', 'coder-data-sources']) {
      assert.ok(byPrefix.has(prefix), prefix);
    }
    assert.equal(new Set(Object.values(snippets).map((s) => s.prefix)).size, Object.keys(snippets).length, 'prefixes are unique');
  });

  for (const method of METHODS) {
    it(`${method.id}: inserts the default template, with tab stops for the name and namespace`, () => {
      const snippet = byPrefix.get(`coder-template-${method.id}`)!;
      const text = snippet.body.join('\n');
      assert.ok(text.includes(`# \${1:${method.id}}: `), 'name tab stop');
      if (method.platform === 'kubernetes') assert.ok(text.includes('default     = "${2:coder-workspaces}"'), 'namespace tab stop');
      assert.doesNotMatch(text, /zzsnip/);
      // Every `$` is escaped or starts a tab stop, so Terraform interpolations survive insertion.
      assert.doesNotMatch(text.replace(/\\\\/g, ''), /(?<!\\)\$(?!\{\d+:|\d)/);
      const rendered = renderScaffold({ method: method.id, parameters: {} }).files.find((f) => f.path === 'main.tf')!.content;
      assert.equal(`${expand(snippet.body)}\n`, rendered);
    });
  }

  it('the dind sidecar snippet binds dockerd to loopback only', () => {
    const text = expand(byPrefix.get('coder-dind-sidecar')!.body);
    assert.match(text, /--host=tcp:\/\/127\.0\.0\.1:2375/);
    assert.doesNotMatch(text, /0\.0\.0\.0/);
    assert.match(text, /privileged\s+= true/);
  });

  it('the envbox snippet sets the required variables and bytes for CODER_MEMORY', () => {
    const text = expand(byPrefix.get('coder-envbox-env')!.body);
    for (const name of ['CODER_INNER_IMAGE', 'CODER_INNER_USERNAME', 'CODER_AGENT_TOKEN', 'CODER_AGENT_URL', 'CODER_BOOTSTRAP_SCRIPT', 'CODER_MOUNTS', 'CODER_CPUS', 'CODER_MEMORY']) {
      assert.ok(text.includes(`"${name}"`), name);
    }
    assert.match(text, /resource = "limits\.memory"/);
  });
});
