import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRedactor, REDACTED, secretsFromEnv } from '../../client/src/coder/redact';

const TOKEN = 'aBcDeFgHiJ-0123456789abcdefghijkl';

describe('createRedactor', () => {
  const redact = createRedactor();

  it('hides token-shaped strings anywhere in a line', () => {
    assert.equal(redact(`session ${TOKEN} is valid`), `session ${REDACTED} is valid`);
    assert.equal(redact(`url=https://x/?t=${TOKEN}&a=1`).includes(TOKEN), false);
  });

  it('leaves ordinary hyphenated words, UUIDs and version strings alone', () => {
    const line = 'docker-container-workspace 3f2b5c1e-8d4a-4b1f-9c2e-0a1b2c3d4e5f v2.18.5+abc1234 privileged-sidecar-kubernetes';
    assert.equal(redact(line), line);
  });

  it('hides --token values in both spellings', () => {
    assert.equal(redact('coder --token s3cr3t-value templates push'), `coder --token ${REDACTED} templates push`);
    assert.equal(redact('coder --token=s3cr3t-value'), `coder --token=${REDACTED}`);
  });

  it('hides session-token headers and env assignments', () => {
    assert.equal(redact('Coder-Session-Token: shortsecret'), `Coder-Session-Token: ${REDACTED}`);
    assert.equal(redact('header Authorization: Bearer abc.def.ghi'), `header Authorization: Bearer ${REDACTED}`);
    assert.equal(redact('"Coder-Session-Token":["xyz123"]').includes('xyz123'), false);
    assert.equal(redact('CODER_SESSION_TOKEN=plainvalue'), `CODER_SESSION_TOKEN=${REDACTED}`);
    assert.equal(redact('?coder_session_token=abc&x=1'), `?coder_session_token=${REDACTED}&x=1`);
  });

  it('hides known literal secrets of any shape', () => {
    const r = createRedactor(['not-token-shaped-secret', undefined, 'abc']);
    assert.equal(r('value not-token-shaped-secret here, abc stays'), `value ${REDACTED} here, abc stays`);
  });
});

describe('secretsFromEnv', () => {
  it('collects CODER_*TOKEN values only', () => {
    assert.deepEqual(secretsFromEnv({ CODER_SESSION_TOKEN: 'one', CODER_AGENT_TOKEN: 'two', CODER_URL: 'https://x', HOME: '/h' }).sort(), ['one', 'two']);
  });
});
