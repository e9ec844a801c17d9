import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choosePublishVerb, parseCoderVersion } from '../../client/src/coder/version';

describe('parseCoderVersion', () => {
  it('reads the text form with build time and URL lines', () => {
    const v = parseCoderVersion(
      'Coder v2.18.5+abc1234 Mon Jan  6 17:00:00 UTC 2025\r\nhttps://github.com/coder/coder/commit/abc1234\r\n\r\nFull build of Coder, supports the server subcommand.\n',
    );
    assert.deepEqual(v, { raw: 'v2.18.5+abc1234', major: 2, minor: 18, patch: 5, prerelease: '', isDev: false });
  });

  it('reads the AGPL text form', () => {
    assert.equal(parseCoderVersion('Coder (AGPL) v2.6.1+0ab3a4b Tue Jan  2 10:00:00 UTC 2024\nhttps://x\n')?.raw, 'v2.6.1+0ab3a4b');
  });

  it('reads --output json', () => {
    const v = parseCoderVersion(
      '{"version":"v2.18.5+abc1234","build_time":"2025-01-06T17:00:00Z","external_url":"https://github.com/coder/coder/commit/abc1234","slim":false,"agpl":false,"boringcrypto":false}',
    );
    assert.equal(v?.minor, 18);
    assert.equal(v?.raw, 'v2.18.5+abc1234');
  });

  it('recognises development builds', () => {
    const v = parseCoderVersion('Coder v0.0.0-devel+abc1234 Mon Jan  6 17:00:00 UTC 2025\nhttps://x\n');
    assert.equal(v?.isDev, true);
    assert.equal(v?.prerelease, 'devel');
  });

  it('keeps release-candidate pre-release tags', () => {
    assert.equal(parseCoderVersion('Coder v2.7.0-rc.1+abc\n')?.prerelease, 'rc.1');
  });

  it('returns undefined for output without a version', () => {
    assert.equal(parseCoderVersion(''), undefined);
    assert.equal(parseCoderVersion('bash: coder: command not found'), undefined);
    assert.equal(parseCoderVersion('{"version": 3}'), undefined);
  });
});

describe('choosePublishVerb', () => {
  const at = (text: string) => parseCoderVersion(`Coder ${text} Mon Jan  6 17:00:00 UTC 2025`);

  it('auto: push from v2.7.0 (create deprecated) whatever the command', () => {
    for (const intent of ['create', 'push'] as const) {
      assert.equal(choosePublishVerb('auto', at('v2.18.5+abc1234'), intent), 'push');
      assert.equal(choosePublishVerb('auto', at('v2.7.0+abc'), intent), 'push');
      assert.equal(choosePublishVerb('auto', at('v3.0.0'), intent), 'push');
    }
  });

  it('auto: before v2.7.0 the command decides (create creates, push updates)', () => {
    assert.equal(choosePublishVerb('auto', at('v2.6.9+abc'), 'create'), 'create');
    assert.equal(choosePublishVerb('auto', at('v2.5.1'), 'create'), 'create');
    assert.equal(choosePublishVerb('auto', at('v0.27.3')), 'create');
    assert.equal(choosePublishVerb('auto', at('v2.6.9+abc'), 'push'), 'push');
  });

  it('auto: a pre-release of the cut-over counts as older', () => {
    assert.equal(choosePublishVerb('auto', at('v2.7.0-rc.1+abc'), 'create'), 'create');
  });

  it('auto: development builds and unreadable versions push', () => {
    assert.equal(choosePublishVerb('auto', at('v0.0.0-devel+abc'), 'create'), 'push');
    assert.equal(choosePublishVerb('auto', undefined, 'create'), 'push');
  });

  it('an explicit setting wins over the version', () => {
    assert.equal(choosePublishVerb('create', at('v2.18.5'), 'push'), 'create');
    assert.equal(choosePublishVerb('push', at('v2.5.1'), 'create'), 'push');
  });
});
