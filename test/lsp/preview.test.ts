import { parse } from '@cdktf/hcl2json';
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PreviewRequests, type PreviewValidateParams, type PreviewValidation, type PreviewValue, type WorkspacePreview } from '../../shared/src/preview';
import { TestClient } from '../helpers/lspClient';
import { scaffoldCases } from '../helpers/scaffoldCases';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Every template folder under examples/ (a folder with `.tf` files), relative to it. */
function exampleFolders(dir = EXAMPLES, rel = ''): string[] {
  const here = readdirSync(dir);
  const nested = here.filter((n) => statSync(path.join(dir, n)).isDirectory()).flatMap((n) => exampleFolders(path.join(dir, n), path.join(rel, n)));
  return here.some((n) => n.endsWith('.tf')) ? [rel, ...nested] : nested;
}

/** A value as the Go HCL parser gives it: an expression comes back as a `${…}` string. */
type Expected = null | 'unknown' | { known: true; value: unknown };
function expected(raw: unknown, asString = false): Expected {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw.includes('${')) return 'unknown';
  return { known: true, value: asString && typeof raw !== 'string' ? String(raw) : raw };
}
function seen(value: PreviewValue<unknown> | null): Expected {
  if (value === null) return null;
  return value.known ? { known: true, value: value.value } : 'unknown';
}

/** The form type Coder picks when `form_type` is not written (provider `formtype.go`, the first allowed one). */
const INFERRED: Record<string, [withOptions: string, withoutOptions: string]> = {
  string: ['radio', 'input'],
  number: ['radio', 'input'],
  bool: ['radio', 'checkbox'],
  'list(string)': ['radio', 'tag-select'],
};

/** Checks the preview's parameters against the same folder read by the Go HCL parser. */
async function checkParameters(folder: string, preview: WorkspacePreview, title: string): Promise<void> {
  const blocks: Array<[string, Record<string, any>]> = [];
  let text = '';
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.tf')).sort()) {
    const source = readFileSync(path.join(folder, name), 'utf8');
    text += source;
    // A file Go's parser refuses (examples/broken-template/docker/syntax.tf) holds no parameter to compare.
    const json = (await parse(name, source).catch(() => (source.includes('coder_parameter') ? assert.fail(`${name} does not parse`) : {}))) as Record<string, any>;
    for (const [label, list] of Object.entries<any[]>(json.data?.coder_parameter ?? {})) blocks.push([label, list[0]]);
  }
  // The parser's JSON sorts blocks by label; equal orders and names keep the files' order.
  const place = (label: string) => text.indexOf(`"coder_parameter" "${label}"`);
  blocks.sort(([a], [b]) => place(a) - place(b));
  const known = blocks.filter(([, b]) => typeof (b.order ?? 0) === 'number' && typeof b.name === 'string' && !b.name.includes('${'));
  const order = known
    .sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(([label]) => `data.coder_parameter.${label}`);
  assert.deepEqual(preview.parameters.map((p) => p.address).slice(0, order.length), order, `${title}: Coder's order`);
  assert.equal(preview.parameters.length, blocks.length, `${title}: every parameter`);
  for (const [label, b] of blocks) {
    const p = preview.parameters.find((x) => x.address === `data.coder_parameter.${label}`)!;
    const at = `${title} ${label}`;
    assert.deepEqual(seen(p.name), expected(b.name), `${at} name`);
    assert.deepEqual(seen(p.displayName), expected(b.display_name), `${at} display_name`);
    assert.deepEqual(seen(p.type), expected(b.type ?? 'string'), `${at} type`);
    assert.deepEqual(seen(p.default), expected(b.default, true), `${at} default`);
    assert.deepEqual(seen(p.mutable), expected(b.mutable ?? false), `${at} mutable`);
    assert.deepEqual(seen(p.ephemeral), expected(b.ephemeral ?? false), `${at} ephemeral`);
    assert.deepEqual(p.optional, { known: true, value: b.default !== undefined && b.default !== null }, `${at} optional`);
    const options: any[] = b.option ?? [];
    assert.deepEqual(
      p.options?.map((o) => [seen(o.name), seen(o.value)]),
      options.map((o) => [expected(o.name), expected(o.value, true)]),
      `${at} options`,
    );
    const type = typeof b.type === 'string' ? b.type : 'string';
    if (b.form_type !== undefined) assert.deepEqual(p.formType, { known: true, value: b.form_type, inferred: false }, `${at} form_type`);
    else if (INFERRED[type]) assert.deepEqual(p.formType, { known: true, value: INFERRED[type][options.length ? 0 : 1], inferred: true }, `${at} inferred form_type`);
    const v = b.validation?.[0];
    assert.deepEqual(
      p.validation && [seen(p.validation.min), seen(p.validation.max), seen(p.validation.regex), seen(p.validation.error)],
      v ? [expected(v.min), expected(v.max), expected(v.regex), expected(v.error)] : null,
      `${at} validation`,
    );
  }
}

let client: TestClient;
let dir: string;
before(async () => {
  client = new TestClient();
  await client.initialize();
  dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-preview-'));
});
after(() => {
  client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('coderDind/preview', () => {
  const ask = (file: string) => client.connection.sendRequest<WorkspacePreview>(PreviewRequests.preview, { uri: pathToFileURL(file).href });

  for (const scaffold of scaffoldCases()) {
    it(`reads the form and the workspace of the ${scaffold.title} scaffold`, async () => {
      const folder = path.join(dir, 'scaffolds', `${scaffold.method}-${scaffold.variant}`);
      for (const [file, content] of Object.entries(scaffold.files)) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), content);
      }
      const preview = await ask(path.join(folder, 'main.tf'));
      await checkParameters(folder, preview, scaffold.title);
      assert.equal(preview.method?.id, scaffold.method);
      const shown = preview.compute.filter((c) => c.method);
      assert.deepEqual(shown.map((c) => [c.role, c.method?.id]), [['workspace', scaffold.method]], 'the method is on the workspace container');
      assert.ok(preview.method!.requirements.length > 0, 'the method says what it needs on the nodes');
      assert.deepEqual(preview.agents.map((a) => [a.name, a.os]), [['main', { known: true, value: 'linux' }]]);
      const privileged = preview.compute.filter((c) => c.privileged.known && c.privileged.value).map((c) => c.role);
      assert.deepEqual(privileged, scaffold.method.startsWith('privileged-sidecar') ? ['dind-sidecar'] : scaffold.method === 'envbox' ? ['workspace'] : []);
    });
  }

  for (const rel of exampleFolders()) {
    it(`reads the parameters of examples/${rel || '.'} as the Go HCL parser does`, async () => {
      const folder = path.join(dir, 'examples', rel);
      cpSync(path.join(EXAMPLES, rel), folder, { recursive: true });
      const main = readdirSync(folder).find((n) => n.endsWith('.tf'))!;
      const preview = await ask(path.join(folder, main));
      await checkParameters(folder, preview, `examples/${rel}`);
      // Each parameter lists the rules that flag it, and only those inside its block.
      for (const p of preview.parameters) {
        const inside = preview.findings.filter((f) => f.location.uri === p.location.uri && f.location.range.start.line >= p.location.range.start.line && f.location.range.start.line <= p.location.range.end.line);
        assert.deepEqual(p.findings, [...new Set(inside.map((f) => f.rule))].sort(), p.address);
      }
      if (rel === path.join('broken-template', 'import_checks')) {
        const cores = preview.parameters.find((p) => p.address === 'data.coder_parameter.cores')!;
        assert.ok(cores.findings.includes('parameter-form-type') && cores.findings.includes('duplicate-parameter-name'), cores.findings.join());
      }
    });
  }
});

describe('coderDind/preview on values the template does not spell out', () => {
  const TEMPLATE = `variable "region" {
  default = "eu"
}
variable "o" {
  default = 3
}
data "coder_workspace" "me" {}
resource "coder_agent" "main" {
  os   = "linux"
  arch = var.arch
}
data "coder_parameter" "region" {
  name    = "region"
  default = var.region
  order   = 2
  option {
    name  = "EU"
    value = "eu"
  }
  option {
    name  = "US"
    value = "us"
  }
}
data "coder_parameter" "zones" {
  name      = "zones"
  type      = "list(string)"
  form_type = "multi-select"
  default   = jsonencode(["a"])
  dynamic "option" {
    for_each = ["a", "b"]
    content {
      name  = option.value
      value = option.value
    }
  }
}
data "coder_parameter" "cpus" {
  name    = "cpus"
  type    = "number"
  default = 2
  order   = 1
  validation {
    min = 1
    max = 8
  }
}
data "coder_parameter" "label" {
  name  = "label"
  order = var.o
}
`;
  let uri: string;
  before(async () => {
    mkdirSync(path.join(dir, 'unknown'));
    writeFileSync(path.join(dir, 'unknown', 'main.tf'), TEMPLATE);
    uri = pathToFileURL(path.join(dir, 'unknown', 'main.tf')).href;
    await client.open(uri, TEMPLATE);
  });
  const validate = (parameter: string, value: string) =>
    client.connection.sendRequest(PreviewRequests.validate, { uri, parameter, value } satisfies PreviewValidateParams);

  it('marks references and function calls unknown, and keeps a parameter of unknown order after the known ones', async () => {
    const preview = await client.connection.sendRequest<WorkspacePreview>(PreviewRequests.preview, { uri });
    const byName = Object.fromEntries(preview.parameters.map((p) => [p.address.split('.').pop(), p]));
    assert.deepEqual(
      preview.parameters.map((p) => p.address),
      ['data.coder_parameter.zones', 'data.coder_parameter.cpus', 'data.coder_parameter.region', 'data.coder_parameter.label'],
    );
    assert.deepEqual(byName.region.default, { known: false, text: 'var.region' });
    assert.deepEqual(byName.region.optional, { known: false, text: 'var.region' });
    assert.deepEqual(byName.zones.default, { known: false, text: 'jsonencode(["a"])' });
    assert.equal(byName.zones.options, null, 'dynamic "option" blocks hide the options');
    assert.deepEqual(byName.zones.formType, { known: true, value: 'multi-select', inferred: false });
    assert.deepEqual(byName.label.order, { known: false, text: 'var.o' });
    assert.deepEqual(byName.label.formType, { known: true, value: 'input', inferred: true });
    assert.deepEqual(byName.cpus.validation, { min: { known: true, value: 1 }, max: { known: true, value: 8 }, monotonic: null, regex: null, error: null });
    assert.deepEqual(preview.agents[0].arch, { known: false, text: 'var.arch' });
    assert.equal(preview.method, null);
  });

  it("answers a typed value with Coder's own error text, and stays silent where the template is unknown", async () => {
    assert.deepEqual(await validate('data.coder_parameter.cpus', '9'), {
      status: 'error',
      summary: "Invalid parameter value according to 'validation' block",
      detail: 'value 9 is more than the maximum 8',
    });
    assert.deepEqual(await validate('data.coder_parameter.cpus', '4'), { status: 'ok' });
    assert.deepEqual(await validate('data.coder_parameter.cpus', 'four'), {
      status: 'error',
      summary: "Invalid parameter value according to 'validation' block",
      detail: 'value "four" is not a number',
    });
    assert.equal(((await validate('data.coder_parameter.region', 'xx')) as PreviewValidation).status, 'unknown');
    assert.equal(((await validate('data.coder_parameter.gone', 'x')) as PreviewValidation).status, 'unknown');
  });

  it('checks a value against the options and a regex validation of an example', async () => {
    const file = path.join(dir, 'envbox', 'main.tf');
    cpSync(path.join(EXAMPLES, 'envbox'), path.dirname(file), { recursive: true });
    const at = pathToFileURL(file).href;
    const check = (parameter: string, value: string) => client.connection.sendRequest(PreviewRequests.validate, { uri: at, parameter, value });
    assert.deepEqual(await check('data.coder_parameter.cpu', '500m'), { status: 'ok' });
    const regex = readFileSync(file, 'utf8').match(/regex = "(\^\(\[1-9\].*)"/)![1].replace(/\\\\/g, '\\');
    assert.deepEqual(await check('data.coder_parameter.cpu', 'lots'), {
      status: 'error',
      summary: "Invalid parameter value according to 'validation' block",
      detail: `Give a positive CPU quantity such as 2, 1.5 or 500m. (value "lots" does not match ${JSON.stringify(regex)})`,
    });
  });
});
