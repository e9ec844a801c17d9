import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { hclSyntaxMeta } from '../../server/src/rules/hcl-syntax';
import { checkSyntax } from '../../server/src/service/hclParser';
import { syntaxFindings } from '../../server/src/service/lint';
import { EDGE_VARIANTS } from '../helpers/ruleTester';

const file = (text: string) => new TfFile('/virtual/main.tf', text);
const at = (r: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => [
  r.range.start.line,
  r.range.start.character,
  r.range.end.line,
  r.range.end.character,
];

describe('rule hcl-syntax', () => {
  before(() => initParser());

  it('is an error that runs on every module', () => {
    assert.equal(hclSyntaxMeta.defaultSeverity, 'error');
    assert.equal(hclSyntaxMeta.allModules, true);
  });

  const valid = `resource "docker_container" "w" {\n  image = "x"\n  command = ["sh", "-c", <<-EOT\n    echo \${var.x} héllo 😀\n  EOT\n  ]\n}\n`;
  it('valid: a well-formed file', async () => assert.deepEqual(await checkSyntax(file(valid)), []));
  // Not the trailing-spaces variant: HCL itself rejects a heredoc whose closing marker has trailing blanks.
  for (const [variant, transform] of EDGE_VARIANTS.slice(0, 2)) {
    it(`valid: a well-formed file (${variant})`, async () => assert.deepEqual(await checkSyntax(file(transform(valid))), []));
  }

  it('invalid: reports Terraform\'s message and range for a missing value', async () => {
    const reports = await checkSyntax(file('a = {\n  b = \n}\n'));
    assert.equal(reports.length, 1);
    assert.match(reports[0].message, /^Invalid expression: Expected the start of an expression/);
    assert.deepEqual(at(reports[0]), [1, 6, 2, 0]); // from the end of "  b = " to the next line
  });

  it('invalid: several problems give several findings', async () => {
    const reports = await checkSyntax(file('a = {\n b = \n}\nc = "x\n'));
    assert.equal(reports.length, 2);
    assert.deepEqual(reports.map((r) => r.message.split(':')[0]).sort(), ['Invalid expression', 'Invalid multi-line string']);
  });

  it('invalid: columns count characters, converted to UTF-16 for astral characters', async () => {
    // HCL counts "😀" as one column; LSP counts two UTF-16 units.
    const reports = await checkSyntax(file('x = "😀" y = 2\n'));
    assert.equal(reports.length, 1);
    assert.match(reports[0].message, /Missing newline after argument/);
    assert.deepEqual(at(reports[0]), [0, 9, 0, 10]);
  });

  it('invalid: an unclosed block', async () => {
    const reports = await checkSyntax(file('resource "x" "y" {\n  a = 1\n'));
    assert.equal(reports.length, 1);
    assert.match(reports[0].message, /Unclosed configuration block/);
    assert.equal(reports[0].range.start.line, 0);
  });

  it('honours suppression and the off setting', async () => {
    const text = '# coder-dind-ignore-file: hcl-syntax\na = \n';
    assert.deepEqual(await syntaxFindings(file(text)), []);
    assert.deepEqual(await syntaxFindings(file('a = \n'), { severities: { 'hcl-syntax': 'off' } }), []);
    assert.equal((await syntaxFindings(file('a = \n'), { severities: { 'hcl-syntax': 'warning' } }))[0].severity, 'warning');
  });

  it('does not parse a parked file that the Go parser accepts (no finding, no suppression to read)', async () => {
    const clean = file('# coder-dind-ignore: hcl-syntax\nlocals {\n  a = 1\n}\n');
    clean.park();
    assert.deepEqual(await syntaxFindings(clean), []);
    assert.equal(clean.parsed, false, 'a clean file stays parked');
    const broken = file('# coder-dind-ignore-file: hcl-syntax\na = \n');
    broken.park();
    assert.deepEqual(await syntaxFindings(broken), [], 'a report is still checked against the suppression comments');
  });
});
