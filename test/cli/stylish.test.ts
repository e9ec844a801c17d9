import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { toStylish } from '../../server/src/cli/report';
import { reportedFindings } from '../../server/src/cli/results';
import type { Finding, Severity } from '../../server/src/rules/types';

const file = new TfFile('/work/t/main.tf', 'locals {}\n');
const finding = (severity: Severity): Finding => ({
  rule: 'r',
  messageId: 'm',
  severity,
  file,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  message: severity,
});
const summary = (severities: Severity[]) => toStylish([{ file: file.path, method: null, findings: reportedFindings(file, severities.map(finding)) }], '/work/t', false).trimEnd().split('\n').filter((l) => l.startsWith('✖'))[0];

describe('the stylish summary line', () => {
  it('counts hints apart from info, each only when there is one', () => {
    assert.equal(summary(['error', 'warning', 'info', 'hint', 'hint']), '✖ 5 problems (1 error, 1 warning, 1 info, 2 hints)');
    assert.equal(summary(['hint']), '✖ 1 problem (0 errors, 0 warnings, 1 hint)');
    assert.equal(summary(['info', 'info']), '✖ 2 problems (0 errors, 0 warnings, 2 info)');
    assert.equal(summary(['error']), '✖ 1 problem (1 error, 0 warnings)');
  });
});
