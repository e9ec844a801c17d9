import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHcl } from '../../server/src/scaffold/hclFormat';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { METHODS, listMethods, methodById } from '../../server/src/model/methodCatalog';
import { templatesDir } from '../../server/src/scaffold/render';

describe('scaffold: terraform fmt layout', () => {
  const cases: Array<{ title: string; input: string; output: string }> = [
    {
      title: 'indents by bracket depth and aligns a run of attributes',
      input: 'resource "a" "b" {\ncount = 1\nimage = "x"\n  name_long = "y"\n}\n',
      output: 'resource "a" "b" {\n  count     = 1\n  image     = "x"\n  name_long = "y"\n}\n',
    },
    {
      title: 'a multi-line value, a comment, a blank line or a block ends the run',
      input: 'x {\na = 1\nlabels = {\n"k" = "v"\n"long-key" = "w"\n}\nbb = 2\n# note\nccc = 3\n\nd = 4\ninner {\n}\neeeee = 5\n}\n',
      output:
        'x {\n  a = 1\n  labels = {\n    "k"        = "v"\n    "long-key" = "w"\n  }\n  bb = 2\n  # note\n  ccc = 3\n\n  d = 4\n  inner {\n  }\n  eeeee = 5\n}\n',
    },
    {
      title: 'a heredoc value joins the run and its body is left alone',
      input: 'agent {\nos = "linux"\nstartup_script = <<-EOT\n    if x; then\n      y = 1\n    fi\n  EOT\n}\n',
      output: 'agent {\n  os             = "linux"\n  startup_script = <<-EOT\n    if x; then\n      y = 1\n    fi\n  EOT\n}\n',
    },
    {
      title: 'ignores brackets and equals signs inside strings and interpolations',
      input: 'c {\nenv = ["A=${b.c}", "}"]\nname = "x-${lower(d["k"])}"\n}\n',
      output: 'c {\n  env  = ["A=${b.c}", "}"]\n  name = "x-${lower(d["k"])}"\n}\n',
    },
    {
      title: 'comparison operators are not assignments',
      input: 'v {\ncondition = length(x) <= 63 && y == "z"\nerror_message = "m"\n}\n',
      output: 'v {\n  condition     = length(x) <= 63 && y == "z"\n  error_message = "m"\n}\n',
    },
    {
      title: 'collapses blank lines and trailing space, ends with one newline',
      input: '\n\na = 1   \n\n\n\nb = 2\n\n\n',
      output: 'a = 1\n\nb = 2\n',
    },
  ];
  for (const { title, input, output } of cases) {
    it(title, () => {
      assert.equal(formatHcl(input), output);
      assert.equal(formatHcl(output), output);
    });
  }
});

describe('scaffold: method table', () => {
  it('lists the seven methods in the documented order with their docs sections', () => {
    const anchors = Object.fromEntries(METHODS.map((m) => [m.id, m.docsUrl.split('#')[1]]));
    assert.deepEqual(anchors, {
      'sysbox-docker': 'use-sysbox-in-docker-based-templates',
      'sysbox-kubernetes': 'use-sysbox-in-kubernetes-based-templates',
      envbox: 'envbox',
      'rootless-podman': 'rootless-podman',
      'privileged-sidecar-docker': 'use-a-privileged-sidecar-container-in-docker-based-templates',
      'privileged-sidecar-kubernetes': 'use-a-privileged-sidecar-container-in-kubernetes-based-templates',
      'systemd-sysbox': 'systemd-in-docker',
    });
    for (const method of METHODS) {
      assert.ok(method.docsUrl.startsWith('https://coder.com/docs/admin/templates/extending-templates/docker-in-workspaces#'));
      assert.ok(method.requirements.length && method.limitations.length, method.id);
      assert.equal(method.parameters[0].name, 'name');
      assert.equal(method.parameters[0].default, method.id);
      assert.equal(method.platform === 'kubernetes', method.parameters.some((p) => p.name === 'namespace'), method.id);
    }
    assert.equal(methodById('envbox')?.title, 'Envbox');
    assert.equal(methodById('nope'), undefined);
  });

  it('listMethods returns copies, so callers cannot change the table', () => {
    const listed = listMethods();
    listed[0].parameters[0].default = 'changed';
    assert.equal(METHODS[0].parameters[0].default, 'sysbox-docker');
  });

  it('finds the templates beside the code, with a main.tf and README.md per method', () => {
    const dir = templatesDir();
    for (const method of METHODS) {
      assert.ok(existsSync(join(dir, method.id, 'main.tf.hbs')), method.id);
      assert.ok(existsSync(join(dir, method.id, 'README.md.hbs')), method.id);
    }
  });
});
