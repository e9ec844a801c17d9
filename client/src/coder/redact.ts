/** Removing session tokens from anything the CLI prints before it reaches the user. */

export const REDACTED = '<redacted>';

/**
 * Coder API keys / session tokens: a 10-character id, a hyphen, a 22-character secret
 * (`aBcDeFgHiJ-0123456789abcdefghijkl`). Word boundaries keep longer hyphenated words intact.
 */
const TOKEN_SHAPE = /(?<![A-Za-z0-9-])[A-Za-z0-9]{10}-[A-Za-z0-9]{22}(?![A-Za-z0-9-])/g;

/** Things that introduce a secret, each followed by the secret itself (group 2). */
const SECRET_AFTER: RegExp[] = [
  // --token abc, --token=abc, --token "abc"
  /(--token(?:=|\s+))("[^"]*"|'[^']*'|\S+)/gi,
  // CODER_SESSION_TOKEN=abc, CODER_AGENT_TOKEN: abc
  /(CODER_[A-Z_]*TOKEN["']?\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/g,
  // Coder-Session-Token: abc (HTTP header dumps in --verbose / --debug-http output)
  /(Coder-Session-Token["']?\s*[:=]\s*\[?)("[^"]*"|[^\s\]",]+)/gi,
  // Authorization: Bearer abc / Authorization: abc
  /(Authorization["']?\s*[:=]\s*\[?(?:(?:Bearer|Basic|Token)\s+)?)("[^"]*"|[^\s\]",]+)/gi,
  // ?coder_session_token=abc in URLs
  /([?&]coder_session_token=)([^&\s]+)/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A redactor for one run. `knownSecrets` are literal values to hide wherever they appear (the
 * `CODER_SESSION_TOKEN` of the environment the CLI runs with); values shorter than 6 characters are
 * ignored so that a stray short value cannot blank out ordinary words.
 */
export function createRedactor(knownSecrets: Array<string | undefined> = []): (text: string) => string {
  const literals = knownSecrets
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 6)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length);
  const literalPattern = literals.length ? new RegExp(literals.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text: string): string => {
    let out = literalPattern ? text.replace(literalPattern, REDACTED) : text;
    for (const pattern of SECRET_AFTER) {
      out = out.replace(pattern, (_m, lead: string, secret: string) => (secret === REDACTED ? lead + secret : lead + REDACTED));
    }
    return out.replace(TOKEN_SHAPE, REDACTED);
  };
}

/** The secrets in an environment that a redactor should know about. */
export function secretsFromEnv(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([key, value]) => /^CODER_.*TOKEN$/.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
}
