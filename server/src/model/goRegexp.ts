import { RE2JS } from 're2js';

/**
 * Go's `regexp` package, which Coder uses for a parameter's `validation.regex`. JavaScript's RegExp is
 * another dialect: it takes look-arounds and back-references that Go refuses, and refuses some Go
 * syntax (`\z`, `(?U)`, `\Q…\E`). re2js is a JavaScript port of RE2/J, itself a port of Go's parser
 * and matcher, and it reports Go's own error texts ("error parsing regexp: …").
 */
export type GoRegexp = { matches(text: string): boolean } | { error: string };

const compiled = new Map<string, GoRegexp>();

export function goRegexp(source: string): GoRegexp {
  let known = compiled.get(source);
  if (!known) {
    try {
      const re = RE2JS.compile(source);
      // Go's MatchString looks for a match anywhere in the text.
      known = { matches: (text: string) => re.matcher(text).find() };
    } catch (error) {
      known = { error: error instanceof Error ? error.message : String(error) };
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, known);
  }
  return known;
}
