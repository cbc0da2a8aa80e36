// Where a JSON text goes wrong. Node 20's JSON.parse names the bad token but
// not always its place, and an importer must say "line 12, column 40". This
// scanner only runs on text JSON.parse has already refused, so it favours
// plainness over speed; it never throws.

export interface JsonSyntaxError {
  /** 1-based column (in UTF-16 code units, as editors count for most text). */
  column: number;
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

export function locateJsonError(text: string): JsonSyntaxError {
  let i = 0;
  let depth = 0;
  const fail = (message: string, at = i): never => {
    throw { column: Math.min(at, text.length) + 1, message } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const describe = (at: number) => (at >= text.length ? 'end of line' : `'${text[at]}'`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(i)}; expected a value`);
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character inside a string; escape it');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape: expected four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape '\\${e ?? ''}'`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe(i)}; expected a number`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    if (++depth > 500) fail('nesting deeper than 500 levels');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          if (text[i] !== '"') fail(`unexpected ${describe(i)}; expected a property name in double quotes`);
          string();
          ws();
          if (text[i] !== ':') fail(`unexpected ${describe(i)}; expected ':' after the property name`);
          i++;
          value();
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail(`unexpected ${describe(i)}; expected ',' or '}'`);
        }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else
        for (;;) {
          value();
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail(`unexpected ${describe(i)}; expected ',' or ']'`);
        }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`unexpected ${describe(i)}; expected a value`);
    depth--;
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return { column: 1, message: 'invalid JSON' };
  } catch (e) {
    if (e && typeof e === 'object' && 'column' in e) return e as JsonSyntaxError;
    return { column: 1, message: 'invalid JSON' };
  }
}
