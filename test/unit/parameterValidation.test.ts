import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { goRegexp } from '../../server/src/model/goRegexp';
import { checkFormType, KnownParameter, parseStringList, validationConfigErrors, valueError, valueTypeError } from '../../server/src/model/parameterValidation';

describe("Go's regexp dialect for validation.regex", () => {
  const compiles = ['^[a-z0-9-]+$', '(?i)^dev', '\\z', '(?U)a+', '\\Qa.b\\E', '[[:alpha:]]+', '\\pL', '(?P<name>x)', '(?<name>x)', 'a{0,1000}'];
  for (const source of compiles) it(`compiles ${source}`, () => assert.ok(!('error' in goRegexp(source))));
  const refused: Array<[string, string]> = [
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
    ['a++', 'error parsing regexp: invalid nested repetition operator: `++`'],
    ['\\Z', 'error parsing regexp: invalid escape sequence: `\\Z`'],
  ];
  for (const [source, error] of refused) it(`refuses ${source}`, () => assert.deepEqual(goRegexp(source), { error }));
  it('matches anywhere in the text, as MatchString does', () => {
    const re = goRegexp('b+');
    assert.ok('matches' in re && re.matches('abbc') && !re.matches('ac'));
  });
});

describe('the provider\'s parameter checks', () => {
  it('form types by type and options', () => {
    assert.deepEqual(checkFormType('string', true, ''), { optionType: 'string', formType: 'radio' });
    assert.deepEqual(checkFormType('list(string)', true, 'multi-select'), { optionType: 'string', formType: 'multi-select' });
    assert.deepEqual(checkFormType('number', true, 'slider'), {
      error: '"form_type" attribute="slider" is not supported for "type"="number" when options exist, choose one of [radio dropdown]',
      allowed: ['radio', 'dropdown'],
    });
    assert.deepEqual(checkFormType('bool', false, 'dropdown'), {
      error: '"form_type" attribute="dropdown" is not supported for "type"="bool" when options do not exist, choose one of [checkbox switch]',
      allowed: ['checkbox', 'switch'],
    });
    assert.equal('error' in checkFormType('string', false, 'error'), true);
  });

  it('value types as Go parses them', () => {
    assert.equal(valueTypeError('number', '1.5'), undefined);
    assert.equal(valueTypeError('number', '1e3'), undefined);
    assert.equal(valueTypeError('number', 'abc'), '"abc" is not a number');
    assert.equal(valueTypeError('number', '1_000'), undefined, 'not sure: Go may take it');
    assert.equal(valueTypeError('bool', 'True'), undefined);
    assert.equal(valueTypeError('bool', 'yes'), '"yes" is not a bool');
    assert.equal(valueTypeError('list(string)', '["a","b"]'), undefined);
    assert.equal(valueTypeError('list(string)', 'null'), undefined);
    assert.equal(valueTypeError('list(string)', 'a,b'), 'value "a,b" is not a valid list of strings');
    assert.equal(valueTypeError('list(string)', '[1]'), 'value "[1]" is not a valid list of strings');
    assert.deepEqual(parseStringList('["a", null]'), ['a', '']);
  });

  it('validation blocks that fail whatever the value', () => {
    const none = { monotonic: '', regex: '', error: '' };
    assert.deepEqual(validationConfigErrors('string', { ...none, min: 1 }).map((e) => e.message), ['a min cannot be specified for a string type']);
    assert.deepEqual(validationConfigErrors('number', { ...none, regex: 'x', error: 'e' }).map((e) => e.message), ['a regex cannot be specified for a number type']);
    assert.deepEqual(validationConfigErrors('string', { ...none, regex: '(?=x)', error: 'e' }).map((e) => e.problem), ['compile']);
    assert.deepEqual(validationConfigErrors('string', { ...none, regex: 'x' }).map((e) => e.message), ['an error must be specified with a regex validation']);
    assert.deepEqual(validationConfigErrors('number', { ...none, monotonic: 'up' }).map((e) => e.message), ['number monotonicity can be either "increasing" or "decreasing"']);
    assert.deepEqual(validationConfigErrors('number', { ...none, min: 0, max: 10, monotonic: 'increasing' }), []);
  });

  it('values, in the provider\'s order: options, validation, type', () => {
    const sized: KnownParameter = { type: 'string', optionType: 'string', optionValues: ['s', 'm'], default: 'xl' };
    assert.deepEqual(valueError(sized, 'xl', true), { summary: 'Default value must be a valid option', detail: 'the value "xl" must be defined as one of options' });
    assert.deepEqual(valueError(sized, '', false), {
      summary: 'Value must be a valid option. The value is empty, did you forget to set it with a default or from user input?',
      detail: 'the value "" must be defined as one of options',
    });
    const cpus: KnownParameter = { type: 'number', optionType: 'number', optionValues: [], validation: { min: 1, max: 8, monotonic: '', regex: '', error: '' } };
    assert.deepEqual(valueError(cpus, '1.5', true), { summary: "Invalid parameter default value according to 'validation' block", detail: 'value "1.5" is not a number' });
    assert.equal(valueError(cpus, '9', true)?.detail, 'value 9 is more than the maximum 8');
    assert.equal(valueError(cpus, '', false)?.detail, 'value "" is not a number');
    assert.equal(valueError({ ...cpus, validation: { ...cpus.validation!, error: 'between {min} and {max}, not {value}' } }, '0', true)?.detail, 'between 1 and 8, not 0');
    const name: KnownParameter = { type: 'string', optionType: 'string', optionValues: [], validation: { monotonic: '', regex: '^[a-z]+$', error: 'lowercase only' } };
    assert.equal(valueError(name, '', false)?.detail, 'lowercase only (value "" does not match "^[a-z]+$")');
    assert.equal(valueError(name, 'dev', true), undefined);
    const tags: KnownParameter = { type: 'list(string)', optionType: 'string', optionValues: ['a', 'b'] };
    assert.deepEqual(valueError(tags, '["a","c"]', true), { summary: 'Default values must be a valid option', detail: 'Default value "[\\"a\\",\\"c\\"]" is not a valid option, values "c" are missing from the options' });
    assert.equal(valueError({ type: 'bool', optionType: 'bool', optionValues: [] }, 'yes', true)?.summary, 'Parameter value is not of type "bool"');
  });
});
