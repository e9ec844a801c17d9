/**
 * Removes secrets from text before it reaches a log, an output channel or the user: the one redactor of
 * the language server (its log) and of the VS Code client (what the `coder` CLI prints, the command
 * lines it runs). Over-redacting a log line costs little; a leaked token costs a session, so every
 * pattern errs towards hiding more.
 */

/** What a secret is replaced with. */
export const REDACTED = '<redacted>';

/**
 * Names whose value is a secret, as environment variables, flags, JSON fields, query and form
 * parameters: `CODER_SESSION_TOKEN`, `CODER_AGENT_TOKEN`, `CODER_IMAGE_PULL_SECRET`, any `*_TOKEN`,
 * `*_PASSWORD`, `*_SECRET`, `session_token`, `token`, `password`, API and access keys.
 */
const NAME = String.raw`[A-Za-z0-9_.-]*?(?:token|password|passwd|secret|api[_-]?key|access[_-]?key|private[_-]?key)`;
/** The same, written as environment variables are (upper case): the only bare names trusted before a `:`. */
const ENV_NAME = String.raw`[A-Z0-9_]*(?:TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY)`;
/** Quoted field names: the secret names, and `auth` (the credential in a Docker config, as in `CODER_IMAGE_PULL_SECRET`). */
const JSON_KEY = String.raw`(?:${NAME}[A-Za-z0-9_]*|auths?)`;
/** HTTP headers that carry credentials (the CLI prints them with `--verbose` or in HTTP dumps). */
const HEADER = String.raw`(?:Coder-Session-Token|Proxy-Authorization|Authorization|Set-Cookie|Cookie)`;

// Values. A value that an earlier step already hid (`<redacted>`, `"<redacted>"`) is taken like any other
// and comes out the same.
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\r\n]|\\.)*"?`;
const SINGLE_QUOTED = String.raw`'[^'\r\n]*'?`;
const BRACKETED = String.raw`\[[^\]\r\n]*\]?`;
/** Unquoted: everything up to white space (a secret holds none; the punctuation after it goes too). */
const BARE = String.raw`\S+`;
const VALUE = `(${DOUBLE_QUOTED}|${SINGLE_QUOTED}|${BRACKETED}|${BARE})`;
/** Space between a name and its value: never a line break (the next line is not the value). */
const GAP = String.raw`[ \t]*`;

/** Hides a captured value, keeping the quotes or brackets around it so the line still reads. */
function hide(value: string): string {
  if (value === REDACTED) return value;
  const open = value[0];
  if (open === '"' || open === "'") return value.length > 1 && value.endsWith(open) ? `${open}${REDACTED}${open}` : `${open}${REDACTED}`;
  if (open === '[') return value.endsWith(']') ? `[${REDACTED}]` : `[${REDACTED}`;
  return REDACTED;
}

interface Rule {
  pattern: RegExp;
  /** Group 1 is kept (what introduces the secret), group 2 is the secret. */
  replace: (lead: string, secret: string) => string;
}

const RULES: Rule[] = [
  // Coder-Session-Token: abc · Authorization: Bearer abc · "Authorization":["Bearer abc"] ·
  // map[Coder-Session-Token:[abc]] · Cookie: coder_session_token=abc; other=1 (the rest of the line).
  {
    pattern: new RegExp(String.raw`(${HEADER}["']?${GAP}[:=]${GAP})(${DOUBLE_QUOTED}|${SINGLE_QUOTED}|${BRACKETED}|(?:(?:Bearer|Basic|Token|Digest|Negotiate)[ \t]+)?[^\r\n]+)`, 'gi'),
    replace: (lead, secret) => {
      const scheme = /^(?:Bearer|Basic|Token|Digest|Negotiate)[ \t]+/i.exec(secret);
      return scheme ? lead + scheme[0] + REDACTED : lead + hide(secret);
    },
  },
  // --token abc · --token=abc · --token "abc" · --agent-token abc · --image-secret abc · --password abc
  {
    pattern: new RegExp(String.raw`((?<![A-Za-z0-9_-])--?${NAME}(?:${GAP}=${GAP}|[ \t]+))${VALUE}`, 'gi'),
    replace: (lead, secret) => lead + hide(secret),
  },
  // https://…?coder_session_token=abc&x=1 (a query value ends at the next parameter)
  {
    pattern: new RegExp(String.raw`([?&;]${NAME}=)((?:${escape(REDACTED)}|[^&#\s"'<>])+)`, 'gi'),
    replace: (lead, secret) => lead + hide(secret),
  },
  // CODER_SESSION_TOKEN=abc · export CODER_AGENT_TOKEN="abc" · session_token = 'abc' · "password"="abc"
  {
    pattern: new RegExp(String.raw`((?<![A-Za-z0-9_.?&;-])${NAME}["']?${GAP}=${GAP})${VALUE}`, 'gi'),
    replace: (lead, secret) => lead + hide(secret),
  },
  // CODER_AGENT_TOKEN: abc (env dumps, YAML) — upper-case names only: in prose, "token: expired" is a sentence.
  {
    pattern: new RegExp(String.raw`((?<![A-Za-z0-9_.-])${ENV_NAME}${GAP}:${GAP})${VALUE}`, 'g'),
    replace: (lead, secret) => lead + hide(secret),
  },
  // JSON and quoted YAML fields: "session_token": "abc" · 'CODER_SESSION_TOKEN': 'abc' · "auth": "…"
  {
    pattern: new RegExp(String.raw`((?:"${JSON_KEY}"|'${JSON_KEY}')${GAP}:${GAP})${VALUE}`, 'gi'),
    replace: (lead, secret) => lead + hide(secret),
  },
];

/**
 * Coder API keys and session tokens: a 10-character id, a hyphen, a 22-character secret
 * (`aBcDeFgHiJ-0123456789abcdefghijkl`), wherever they stand.
 */
const TOKEN_SHAPE = /(?<![A-Za-z0-9])[A-Za-z0-9]{10}-[A-Za-z0-9]{22}(?![A-Za-z0-9])/g;

/** Values shorter than this are not hidden as literals: a stray short value would blank out ordinary words. */
export const MIN_LITERAL_LENGTH = 6;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A redactor. `knownSecrets` are literal values to hide wherever they appear (the secrets of the
 * environment a CLI runs with, the sensitive values the user typed); values shorter than
 * MIN_LITERAL_LENGTH characters are ignored.
 */
export function createRedactor(knownSecrets: ReadonlyArray<string | undefined> = []): (text: string) => string {
  const literals = [
    ...new Set(knownSecrets.filter((s): s is string => typeof s === 'string' && s.trim().length >= MIN_LITERAL_LENGTH).map((s) => s.trim())),
  ].sort((a, b) => b.length - a.length);
  const literal = literals.length ? new RegExp(literals.map(escape).join('|'), 'g') : undefined;
  return (text: string): string => {
    // Literals first: a known secret is hidden whole even where a pattern below would take only its start.
    let out = literal ? text.replace(literal, REDACTED) : text;
    for (const rule of RULES) out = out.replace(rule.pattern, (_match, lead: string, secret: string) => rule.replace(lead, secret));
    return out.replace(TOKEN_SHAPE, REDACTED);
  };
}

/** Redacts with the patterns alone (no literal secrets known). */
export const redact: (text: string) => string = createRedactor();

const SECRET_ENV = /^(?:[A-Z0-9_]*_)?(?:TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY)$/i;

/** The secret values of an environment (`CODER_SESSION_TOKEN`, any `*_TOKEN`, `*_PASSWORD`, `*_SECRET`, …). */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter(([key, value]) => SECRET_ENV.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
}
