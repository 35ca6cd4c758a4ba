/**
 * The names a session cell declares at its top level, so the next cells in the session can see them.
 *
 * It reads esbuild's JavaScript output for the cell (types removed, template literals lowered to single-line
 * strings, legal comments dropped), where every top-level statement starts at column 0 and everything nested is
 * indented. That leaves only binding patterns and initializers to scan, not the whole language.
 */

const IDENTIFIER = /^[A-Za-z_$\u00a0-\uffff][\w$\u00a0-\uffff]*/;
/** After one of these characters a slash starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);

/** A cursor over one declaration's text. */
class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  identifier(): string | undefined {
    this.skipSpace();
    const match = IDENTIFIER.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  /** Skips an expression up to (not past) one of `stops` at nesting depth 0, or the end. */
  skipExpression(stops: string): void {
    let depth = 0;
    let previous = '=';
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (depth === 0 && stops.includes(char)) return;
      if (char === '"' || char === "'" || char === '`') this.skipQuoted(char);
      else if (char === '/' && BEFORE_REGEX.has(previous)) this.skipQuoted('/');
      else {
        if ('([{'.includes(char)) depth++;
        else if (')]}'.includes(char)) depth--;
        this.pos++;
      }
      if (!/\s/.test(char)) previous = char;
    }
  }

  /** Skips a string, template or regular expression literal starting at the cursor. */
  private skipQuoted(quote: string): void {
    let inClass = false;
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos++];
      if (char === '\\') this.pos++;
      else if (quote === '/' && char === '[') inClass = true;
      else if (quote === '/' && char === ']') inClass = false;
      else if (char === quote && !inClass) break;
    }
    if (quote === '/') while (/[a-z]/.test(this.text[this.pos] ?? '')) this.pos++;
  }
}

/** Names bound by a pattern: `a`, `{ a, b: [c, d = 1], ...e }`, `[x, , ...y]`. */
function bindingNames(scanner: Scanner, names: string[]): void {
  const open = scanner.peek();
  if (open === '{' || open === '[') {
    const close = open === '{' ? '}' : ']';
    scanner.pos++;
    while (scanner.peek() !== close && scanner.peek() !== '') {
      if (scanner.peek() === ',') {
        scanner.pos++; // an array hole, or the separator after an element
        continue;
      }
      const rest = scanner.peek() === '.';
      if (rest) scanner.pos += 3;
      if (open === '{' && !rest) objectPropertyNames(scanner, names);
      else bindingNames(scanner, names);
      if (scanner.peek() === '=') {
        scanner.pos++;
        scanner.skipExpression(`,${close}`);
      }
    }
    scanner.pos++;
    return;
  }
  const name = scanner.identifier();
  if (name) names.push(name);
  else scanner.pos++; // not a pattern we understand: move on rather than loop
}

/** One `key`, `key: pattern`, `"key": pattern` or `[computed]: pattern` inside an object pattern. */
function objectPropertyNames(scanner: Scanner, names: string[]): void {
  const start = scanner.peek();
  let key: string | undefined;
  if (start === '[') {
    scanner.skipExpression(':');
  } else if (start === '"' || start === "'") {
    scanner.skipExpression(':');
  } else {
    key = scanner.identifier();
  }
  if (scanner.peek() === ':') {
    scanner.pos++;
    bindingNames(scanner, names);
  } else if (key) {
    names.push(key);
  } else {
    scanner.pos++;
  }
}

/** `a = 1, { b } = c, d` after `const`/`let`/`var`. */
function declaratorNames(text: string): string[] {
  const scanner = new Scanner(text);
  const names: string[] = [];
  for (;;) {
    bindingNames(scanner, names);
    if (scanner.peek() === '=') {
      scanner.pos++;
      scanner.skipExpression(',;');
    }
    if (scanner.peek() !== ',') return names;
    scanner.pos++;
  }
}

/** `X`, `* as ns`, `{ a, b as c }` and combinations, before `from`. */
function importNames(text: string): string[] {
  const clause = /^import\s+([\s\S]*?)\s+from\s/.exec(text)?.[1];
  if (!clause) return []; // `import "x"` binds nothing
  const names: string[] = [];
  const braces = /\{([\s\S]*)\}/.exec(clause);
  for (const spec of braces ? braces[1].split(',') : []) {
    const name = spec
      .trim()
      .split(/\s+as\s+/)
      .pop();
    if (name) names.push(name);
  }
  const outside = clause.replace(/\{[\s\S]*\}/, '');
  const namespace = /\*\s*as\s+([\w$]+)/.exec(outside);
  if (namespace) names.push(namespace[1]);
  const defaultName = /^([\w$]+)\s*(,|$)/.exec(outside.trim());
  if (defaultName) names.push(defaultName[1]);
  return names;
}

/** Splits esbuild output into top-level statements: a line at column 0 starts one, unless it closes a bracket. */
function topLevelStatements(js: string): string[] {
  const statements: string[] = [];
  for (const line of js.split('\n')) {
    const continues = line === '' || /^[\s)\]}]/.test(line) || statements.length === 0;
    if (continues && statements.length > 0) statements[statements.length - 1] += '\n' + line;
    else statements.push(line);
  }
  return statements;
}

/** Every name the module declares at its top level, in order of appearance, without duplicates. */
export function topLevelNames(js: string): string[] {
  const names: string[] = [];
  for (const raw of topLevelStatements(js)) {
    const statement = raw.replace(/^export\s+(default\s+)?/, '');
    const declaration = /^(const|let|var)\s/.exec(statement);
    const callable = /^(?:async\s+)?(?:function\s*\*?|class)\s*([\w$]+)/.exec(statement);
    if (declaration) names.push(...declaratorNames(statement.slice(declaration[0].length)));
    else if (callable) names.push(callable[1]);
    else if (/^import\s/.test(statement)) names.push(...importNames(statement));
  }
  return [...new Set(names)];
}
