import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { TfFile } from '../../server/src/model/document';
import { TemplateModule } from '../../server/src/model/module';
import { initParser } from '../../server/src/model/parser';
import { splitCursor } from '../helpers/editorCases';

function at(textWithCursor: string) {
  const { text, offset } = splitCursor(textWithCursor);
  const file = new TfFile('/virtual/features/main.tf', text);
  return { file, module: new TemplateModule('/virtual/features', [file]), position: file.positionAt(offset) };
}

function hoverText(textWithCursor: string): string {
  const { file, module, position } = at(textWithCursor);
  const h = hover(file, module, position);
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  file.dispose();
  return value;
}

const pinned = (provider: string, source: string, version: string) => `terraform {
  required_providers {
    ${provider} = {
      source  = "${source}"
      version = "${version}"
    }
  }
}
`;

describe('completion and hover follow the release the module chooses', () => {
  before(() => initParser());

  it('hover on a provider block says which release is in use, and why', () => {
    assert.match(hoverText(`${pinned('docker', 'kreuzwerker/docker', '~> 3.0')}\nprov<|>ider "docker" {}\n`), /Schema in use: `kreuzwerker\/docker 3\.9\.0`, the newest bundled release the constraint `~> 3\.0` admits\./);
    assert.match(hoverText(`prov<|>ider "docker" {}\n`), /`kreuzwerker\/docker 4\.5\.0`, the newest bundled release \(no version constraint\)/);
    assert.match(hoverText(`${pinned('coder', 'coder/coder', '~> 1.0')}\nprov<|>ider "coder" {}\n`), /no bundled release matches `~> 1\.0`: completion and hover use the nearest one, and schema checks are off/);
  });

  it('hover on a nested argument shows the provider\'s checks and links its anchor', () => {
    const text = hoverText(`resource "kubernetes_pod_v1" "p" {\n  spec {\n    container {\n      port {\n        proto<|>col = "TCP"\n      }\n    }\n  }\n}\n`);
    assert.match(text, /Allowed values: `"TCP"`, `"UDP"`/);
    assert.match(text, /Default: `"TCP"`/);
    assert.match(text, /\(https:\/\/registry\.terraform\.io\/providers\/hashicorp\/kubernetes\/3\.2\.1\/docs\/resources\/pod_v1#nestedblock--spec--container--port\)/);
  });

  it('completion offers the types of the chosen release and marks a release the constraint does not admit', () => {
    const labels = (text: string) => {
      const { file, module, position } = at(text);
      const items = completion(file, module, position);
      file.dispose();
      return items;
    };
    const v3 = labels(`${pinned('docker', 'kreuzwerker/docker', '~> 3.0')}\ndata "<|>"\n`);
    assert.ok(!v3.some((i) => i.label === 'docker_containers'), 'docker_containers came with 4.x');
    assert.match(v3.find((i) => i.label === 'docker_image')!.detail!, /kreuzwerker\/docker 3\.9\.0$/);
    const future = labels(`${pinned('docker', 'kreuzwerker/docker', '>= 9.0')}\ndata "<|>"\n`);
    assert.match(future.find((i) => i.label === 'docker_image')!.detail!, /4\.5\.0 \(nearest bundled release\)$/);
  });

  it('completion after a reference offers what the type exports, and what a nested object holds', () => {
    const items = (expression: string) => {
      const { file, module, position } = at(`resource "docker_container" "w" {\n  name  = "w"\n  image = "x"\n}\n\noutput "o" {\n  value = ${expression}<|>\n}\n`);
      const labels = completion(file, module, position, '.').map((i) => i.label);
      file.dispose();
      return labels;
    };
    const exported = items('docker_container.w.');
    for (const name of ['id', 'name', 'image', 'network_data', 'exit_code', 'ports']) assert.ok(exported.includes(name), name);
    assert.deepEqual(items('docker_container.w.network_data[0].'), ['gateway', 'global_ipv6_address', 'global_ipv6_prefix_length', 'ip_address', 'ip_prefix_length', 'ipv6_gateway', 'mac_address', 'network_name']);
  });
});
