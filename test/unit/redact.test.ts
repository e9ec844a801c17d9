import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRedactor, MIN_LITERAL_LENGTH, REDACTED, redact, secretsFromEnv } from '../../shared/src/redact';
import { Rng } from '../fuzz/prng';

const SESSION_TOKEN = 'aBcDeFgHiJ-0123456789abcdefghijkl';
const AGENT_TOKEN = 'f3a9c2e1-7b4d-4e8a-9c6f-2d1b0a9e8f7c';
const PULL_SECRET = 'dXNlcjpnaHBfc2VjcmV0MTIzNDU2Nzg5MA==';
const PASSWORD = 'c0rrect.h0rse~b4ttery/st4ple+';
const KNOWN = [SESSION_TOKEN, AGENT_TOKEN, PULL_SECRET, PASSWORD];

/**
 * Every place the coder CLI, its HTTP dumps, a shell or a JSON document can put a secret. `{}` is the
 * secret; `kept` is text around it that must survive (the redactor hides the value, not the line).
 */
const POSITIONS: Array<{ name: string; line: string; kept: string[] }> = [
  { name: 'flag, space', line: 'coder login --token {} https://coder.example.com', kept: ['coder login --token ', ' https://coder.example.com'] },
  { name: 'flag, =', line: 'coder templates push --token={} -y', kept: ['--token=', ' -y'] },
  { name: 'flag, quoted', line: `coder login --token "{}" --verbose`, kept: ['--token "', '" --verbose'] },
  { name: 'flag, single-quoted', line: `coder login --token '{}'`, kept: [`--token '`] },
  { name: 'envbox flag', line: '/envbox docker --agent-token {} --image-secret {}', kept: ['/envbox docker --agent-token ', ' --image-secret '] },
  { name: 'session header', line: 'Coder-Session-Token: {}', kept: ['Coder-Session-Token: '] },
  { name: 'session header, lower case', line: 'coder-session-token: {}', kept: ['coder-session-token: '] },
  { name: 'bearer header', line: '> Authorization: Bearer {}', kept: ['> Authorization: Bearer '] },
  { name: 'header as a JSON list', line: '{"headers":{"Coder-Session-Token":["{}"],"Accept":["*/*"]}}', kept: ['"Accept":["*/*"]'] },
  { name: 'Go header map', line: 'req headers=map[Authorization:[Bearer {}] Coder-Session-Token:[{}] User-Agent:[coder]]', kept: ['User-Agent:[coder]'] },
  { name: 'query, only parameter', line: 'GET wss://coder.example.com/api/v2/workspaceagents/me/rpc?coder_session_token={} 101', kept: ['GET wss://', '/rpc?coder_session_token=', ' 101'] },
  { name: 'query, between parameters', line: 'https://coder.example.com/x?a=1&coder_session_token={}&b=2#top', kept: ['?a=1&coder_session_token=', '&b=2#top'] },
  { name: 'env, unquoted', line: 'CODER_SESSION_TOKEN={} coder ls', kept: ['CODER_SESSION_TOKEN=', ' coder ls'] },
  { name: 'env, double-quoted', line: 'export CODER_AGENT_TOKEN="{}"', kept: ['export CODER_AGENT_TOKEN="'] },
  { name: 'env, single-quoted', line: `CODER_IMAGE_PULL_SECRET='{}'`, kept: [`CODER_IMAGE_PULL_SECRET='`] },
  { name: 'env, any *_TOKEN', line: 'GITHUB_TOKEN={}', kept: ['GITHUB_TOKEN='] },
  { name: 'env, any *_PASSWORD', line: '  DB_PASSWORD = {}', kept: ['  DB_PASSWORD = '] },
  { name: 'env, any *_SECRET', line: 'env: OAUTH_CLIENT_SECRET={}', kept: ['env: OAUTH_CLIENT_SECRET='] },
  { name: 'env dump with a colon', line: 'CODER_AGENT_TOKEN: {}', kept: ['CODER_AGENT_TOKEN: '] },
  { name: 'HCL attribute', line: '  session_token = "{}"', kept: ['  session_token = "'] },
  { name: 'JSON field session_token', line: '{"session_token":"{}","expires_at":"2030-01-01"}', kept: ['"expires_at":"2030-01-01"'] },
  { name: 'JSON field with spaces', line: '{ "CODER_SESSION_TOKEN": "{}" }', kept: ['{ "CODER_SESSION_TOKEN": "'] },
  { name: 'JSON field password', line: `{'password': '{}'}`, kept: [`{'password': '`] },
  { name: 'Docker config auth', line: '{"auths":{"ghcr.io":{"auth":"{}"}}}', kept: ['"auth'] },
  { name: 'pull secret whole', line: 'CODER_IMAGE_PULL_SECRET={"auths":{"ghcr.io":{"auth":"{}"}}}', kept: ['CODER_IMAGE_PULL_SECRET='] },
  { name: 'cookie', line: 'Cookie: coder_session_token={}; theme=dark', kept: ['Cookie: '] },
];

/** Lines the CLI prints that hold no secret: the redactor must leave them alone. */
const ORDINARY = [
  'docker-container-workspace 3f2b5c1e-8d4a-4b1f-9c2e-0a1b2c3d4e5f v2.18.5+abc1234 privileged-sidecar-kubernetes',
  '==> ⧗ Queued',
  'Template "envbox" has been created at Nov 28 06:29:54! Developers can provision a workspace with this template using:',
  'error: the session token is invalid: run coder login',
  'Rule envbox-literal-pull-secret failed and was skipped: Error: boom',
  'hcl-syntax check of /home/me/templates/secret-store/main.tf failed: the parser exited',
  'coder templates push --use-token-as-session-hint --directory /tmp/t',
  'the session-token header was rejected',
  'Terraform 1.9.8: plan: 3 to add, 0 to change, 0 to destroy.',
];

describe('redact: a table of known secrets in every position', () => {
  for (const position of POSITIONS) {
    it(position.name, () => {
      for (const secret of KNOWN) {
        const line = position.line.replaceAll('{}', secret);
        const out = redact(line);
        assert.ok(!out.includes(secret), `${JSON.stringify(line)} → ${JSON.stringify(out)}`);
        assert.ok(out.includes(REDACTED), out);
        for (const kept of position.kept) assert.ok(out.includes(kept), `lost ${JSON.stringify(kept)}: ${JSON.stringify(out)}`);
      }
    });
  }

  it('gives exact lines for the common forms', () => {
    assert.equal(redact(`coder --token ${PASSWORD} templates push`), `coder --token ${REDACTED} templates push`);
    assert.equal(redact(`Authorization: Bearer ${AGENT_TOKEN}`), `Authorization: Bearer ${REDACTED}`);
    assert.equal(redact(`?coder_session_token=${PULL_SECRET}&x=1`), `?coder_session_token=${REDACTED}&x=1`);
    assert.equal(redact(`export CODER_SESSION_TOKEN="${PASSWORD}"`), `export CODER_SESSION_TOKEN="${REDACTED}"`);
    assert.equal(redact(`{"session_token":"${AGENT_TOKEN}"}`), `{"session_token":"${REDACTED}"}`);
    assert.equal(redact(`"Coder-Session-Token":["${PASSWORD}"]`), `"Coder-Session-Token":[${REDACTED}]`);
    assert.equal(redact(`session ${SESSION_TOKEN} is valid`), `session ${REDACTED} is valid`);
  });

  it('leaves lines without secrets as they are', () => {
    for (const line of ORDINARY) assert.equal(redact(line), line);
  });

  it('never takes the next line for a value', () => {
    assert.equal(redact('CODER_AGENT_TOKEN=\nnext line'), 'CODER_AGENT_TOKEN=\nnext line');
    assert.equal(redact('coder login --token\n  https://coder.example.com'), 'coder login --token\n  https://coder.example.com');
  });

  it('hides known literal secrets of any shape, and ignores short ones', () => {
    const r = createRedactor(['not-token-shaped-secret', undefined, 'abc']);
    assert.equal(r('value not-token-shaped-secret here, abc stays'), `value ${REDACTED} here, abc stays`);
  });

  it('hides a known secret whole even where a pattern would take only its start', () => {
    const r = createRedactor(['two words secret']);
    assert.equal(r('CODER_SESSION_TOKEN=two words secret and more'), `CODER_SESSION_TOKEN=${REDACTED} and more`);
  });

  it('secretsFromEnv collects the values of secret-named variables only', () => {
    const env = { CODER_SESSION_TOKEN: 'one', CODER_AGENT_TOKEN: 'two', CODER_IMAGE_PULL_SECRET: 'three', DB_PASSWORD: 'four', TOKEN: 'five', CODER_URL: 'https://x', HOME: '/h', CODER_SESSION_TOKEN_FILE: '/p' };
    assert.deepEqual(secretsFromEnv(env).sort(), ['five', 'four', 'one', 'three', 'two']);
  });
});

// ---- property: a random secret embedded in random output never survives ------------------------------

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** What each kind of position can hold: unquoted values hold no white space, query values no `&` or `#`. */
const ALPHABETS = {
  bare: ALNUM + '-._~+/=:@!$%^*(),;{}',
  quoted: ALNUM + '-._~+/=:@!$%^*(),;{}& #',
  query: ALNUM + '-._~+/=%',
};
type Alphabet = keyof typeof ALPHABETS;

const SHAPES: Array<{ line: string; alphabet: Alphabet }> = [
  ...POSITIONS.filter((p) => !p.line.includes('"{}"') && !p.line.includes(`'{}'`) && !p.name.startsWith('query')).map((p) => ({ line: p.line, alphabet: 'bare' as Alphabet })),
  ...POSITIONS.filter((p) => p.line.includes('"{}"') || p.line.includes(`'{}'`)).map((p) => ({ line: p.line, alphabet: 'quoted' as Alphabet })),
  ...POSITIONS.filter((p) => p.name.startsWith('query')).map((p) => ({ line: p.line, alphabet: 'query' as Alphabet })),
];

const WORDS = ['coder', 'templates', 'push', '==>', '✔', 'Uploading', 'workspace', 'agent', 'error:', 'token', 'session', 'v2.18.5', '|', '{', '}', '"ok"', 'Authorization', '--', '…', 'Terraform', '0', 'MiB', 'secret', 'password', 'https://coder.example.com/api/v2'];
const SEPARATORS = [' ', '\n', '\t', ' | ', '\r\n', ': ', ' (', '\n  '];

function randomSecret(rng: Rng, alphabet: Alphabet): string {
  const chars = ALPHABETS[alphabet];
  let s = '';
  for (let n = rng.range(8, 40); n > 0; n--) s += chars[rng.int(chars.length)];
  // A value that begins or ends with a space is not what a shell or a header would print.
  return s.trim().length >= 8 ? s.trim() : randomSecret(rng, alphabet);
}

function randomText(rng: Rng, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += (i ? rng.pick(SEPARATORS) : '') + rng.pick(WORDS);
  return s;
}

function tokenShaped(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 33; i++) s += i === 10 ? '-' : ALNUM[rng.int(ALNUM.length)];
  return s;
}

describe('redact: a random secret embedded in random output never survives (seeded)', () => {
  const SEED = 19;
  const CASES = 3000;

  it(`in a recognised position (${CASES} cases, seed ${SEED})`, () => {
    const rng = new Rng(SEED);
    for (let i = 0; i < CASES; i++) {
      const shape = rng.pick(SHAPES);
      const secret = randomSecret(rng, shape.alphabet);
      const text = randomText(rng, rng.int(12)) + rng.pick(SEPARATORS) + shape.line.replaceAll('{}', secret) + rng.pick(SEPARATORS) + randomText(rng, rng.int(12));
      const out = redact(text);
      assert.ok(!out.includes(secret), `case ${i} (seed ${SEED}): ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }
  });

  it(`token-shaped, anywhere between separators (${CASES} cases, seed ${SEED})`, () => {
    const rng = new Rng(SEED + 1);
    for (let i = 0; i < CASES; i++) {
      const secret = tokenShaped(rng);
      const text = randomText(rng, rng.int(12)) + rng.pick([...SEPARATORS, '=', '"', "'", '/', '[', ',', '?t=']) + secret + rng.pick([...SEPARATORS, '"', "'", ']', ',', '.', '&']) + randomText(rng, rng.int(12));
      const out = redact(text);
      assert.ok(!out.includes(secret), `case ${i} (seed ${SEED + 1}): ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }
  });

  it(`known to the redactor, of any shape, even inside a word (${CASES} cases, seed ${SEED})`, () => {
    const rng = new Rng(SEED + 2);
    for (let i = 0; i < CASES; i++) {
      const secret = randomSecret(rng, 'quoted').slice(0, rng.range(MIN_LITERAL_LENGTH, 30)).trim();
      if (secret.length < MIN_LITERAL_LENGTH) continue; // shorter ones are ignored on purpose (tested above)
      const r = createRedactor([rng.pick(KNOWN), secret]);
      const text = randomText(rng, rng.int(12)) + rng.pick(['', ' ', 'x', '"']) + secret + rng.pick(['', ' ', 'x', '"', '\n']) + randomText(rng, rng.int(12));
      const out = r(text);
      assert.ok(!out.includes(secret), `case ${i} (seed ${SEED + 2}): ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }
  });
});
