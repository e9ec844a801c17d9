/**
 * Removes secrets from text that goes to a log: Coder session tokens (`<10 alnum>-<22 alnum>`), values
 * of `CODER_SESSION_TOKEN` / `CODER_AGENT_TOKEN`, and `Coder-Session-Token` / `Authorization` headers.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/\b([A-Za-z0-9]{10})-([A-Za-z0-9]{22})\b/g, '[redacted token]'],
  [/((?:CODER_SESSION_TOKEN|CODER_AGENT_TOKEN|CODER_IMAGE_PULL_SECRET)\s*[=:]\s*"?)[^\s"]+/g, '$1[redacted]'],
  [/((?:Coder-Session-Token|Authorization)\s*:\s*)[^\r\n]+/gi, '$1[redacted]'],
  [/(--token[= ])\S+/g, '$1[redacted]'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
