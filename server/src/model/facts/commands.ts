import { scriptOffsetToFile, ScriptText } from '../scripts';

/** A command found in a script, with its file offsets. */
export interface CommandMatch {
  start: number;
  end: number;
  text: string;
}

/** Commands that only look at, print, link or stop a program rather than run it. */
const ONLY_MENTIONS =
  /^(?:sudo\s+(?:-\S+\s+)*)?(?:pgrep|pidof|pkill|killall|kill|which|type|command\s+-v|grep|echo|printf|test|\[|ls|stat|readlink|file|cat|ln|cp|mv|rm|chmod|chown)(?=\s|$)/;

/** A shell started on a script (`sh -c …`, `/bin/bash -lc …`): its script's first command follows. */
const SHELL = /^(?:\S*\/)?(?:sh|bash|dash|ash|zsh)\s+(?:-\w+\s+)*/;

/** What separates shell commands, and the keywords after which a new command starts. */
const COMMAND_BREAK = /&&|\|\||[;&|(!]|\b(?:then|do|else|elif|if|while|until)\b/;

/**
 * The earliest match of any pattern (each global) that sits where the shell runs it: not in a `#`
 * comment, and not as an argument of a command that only mentions it (`pgrep dockerd`, `test -x /sbin/init`).
 */
export function findCommand(script: ScriptText, patterns: readonly RegExp[]): CommandMatch | undefined {
  let best: { at: number; length: number; text: string } | undefined;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(script.text); m; m = pattern.exec(script.text)) {
      if (best && m.index >= best.at) break;
      const lineStart = script.text.lastIndexOf('\n', m.index - 1) + 1;
      const line = script.text.slice(lineStart, m.index);
      if (/(^|\s)#/.test(line)) continue;
      const command = (line.split(COMMAND_BREAK).pop()?.trim() ?? '').replace(SHELL, '');
      if (ONLY_MENTIONS.test(command)) continue;
      best = { at: m.index, length: m[0].length, text: m[0] };
      break;
    }
  }
  if (!best) return undefined;
  const start = scriptOffsetToFile(script, best.at);
  const end = scriptOffsetToFile(script, best.at + best.length - 1) + 1;
  return { start, end, text: best.text };
}

/** The first match in any of the scripts. */
export function findCommandIn(scripts: readonly ScriptText[], patterns: readonly RegExp[]): CommandMatch | undefined {
  for (const script of scripts) {
    const found = findCommand(script, patterns);
    if (found) return found;
  }
  return undefined;
}
