import { splitWords } from '../kubectl/args';

/** One command of a kubesim script, with its heredoc body when it has one. */
export interface ScriptCommand {
  /** 1-based line number where the command starts. */
  line: number;
  /** The command line as written (comments stripped), without the heredoc body. */
  text: string;
  /** The words of the command line, shell-split, with the heredoc redirection removed. */
  words: string[];
  /** What the heredoc feeds to the command's standard input. */
  stdin?: string;
  /** The whole command as a terminal shows it: the line, the heredoc body and its delimiter. */
  transcript: string;
}

/** A syntax error in a script line (an unterminated quote). */
export interface ScriptSyntaxError {
  line: number;
  text: string;
  message: string;
}

export type ParsedItem = { command: ScriptCommand } | { error: ScriptSyntaxError };

interface PendingHeredoc {
  line: number;
  text: string;
  words: string[];
  delimiter: string;
  stripTabs: boolean;
  body: string[];
  raw: string[];
}

/**
 * Reads a kubesim script one line at a time, as a shell does: comments, blank lines, backslash continuations and
 * heredocs (`<<EOF`, `<<'EOF'`, `<<-EOF`, any delimiter word). `push` returns the commands a line completes.
 */
export class ScriptReader {
  private lineNo = 0;
  private continued: { line: number; text: string } | undefined;
  private heredoc: PendingHeredoc | undefined;

  /** Whether the reader is inside a heredoc or a continued line (an interactive prompt shows "> "). */
  get pending(): boolean {
    return this.heredoc !== undefined || this.continued !== undefined;
  }

  push(rawLine: string): ParsedItem[] {
    this.lineNo += 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.heredoc) return this.heredocLine(this.heredoc, line);
    if (/(^|[^\\])(\\\\)*\\$/.test(line)) {
      const part = line.slice(0, -1);
      this.continued = this.continued
        ? { line: this.continued.line, text: this.continued.text + part }
        : { line: this.lineNo, text: part };
      return [];
    }
    const start = this.continued?.line ?? this.lineNo;
    const text = stripComment((this.continued?.text ?? '') + line).trim();
    this.continued = undefined;
    if (text === '') return [];
    let words: string[];
    try {
      words = splitWords(text);
    } catch (err) {
      return [{ error: { line: start, text, message: (err as Error).message } }];
    }
    const redirect = findHeredoc(words);
    if (!redirect) return [{ command: { line: start, text, words, transcript: text } }];
    this.heredoc = { line: start, text, words: redirect.words, ...redirect.heredoc, body: [], raw: [] };
    return [];
  }

  /** Ends the input: an open heredoc is closed as bash does at end of file (with a warning of its own). */
  end(): ParsedItem[] {
    const out: ParsedItem[] = [];
    if (this.continued) {
      const pending = this.continued;
      this.continued = undefined;
      this.lineNo -= 1;
      out.push(...this.push(pending.text));
    }
    const open = this.heredoc;
    if (open) {
      this.heredoc = undefined;
      out.push({ command: finishHeredoc(open) });
    }
    return out;
  }

  private heredocLine(open: PendingHeredoc, line: string): ParsedItem[] {
    const content = open.stripTabs ? line.replace(/^\t+/, '') : line;
    if (content === open.delimiter) {
      this.heredoc = undefined;
      return [{ command: finishHeredoc(open) }];
    }
    open.body.push(content);
    open.raw.push(line);
    return [];
  }
}

/** Parses a whole script. */
export function parseScript(text: string): ParsedItem[] {
  const reader = new ScriptReader();
  const items: ParsedItem[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) items.push(...reader.push(line));
  items.push(...reader.end());
  return items;
}

function finishHeredoc(open: PendingHeredoc): ScriptCommand {
  const stdin = open.body.length > 0 ? `${open.body.join('\n')}\n` : '';
  return {
    line: open.line,
    text: open.text,
    words: open.words,
    stdin,
    transcript: [open.text, ...open.raw, open.delimiter].join('\n'),
  };
}

/**
 * Finds a heredoc redirection among the words ("<<EOF", "<<-EOF", or "<<" followed by the delimiter) and returns
 * the words without it. Quotes around the delimiter were already removed by word splitting.
 */
function findHeredoc(
  words: string[],
): { words: string[]; heredoc: { delimiter: string; stripTabs: boolean } } | undefined {
  for (let i = 0; i < words.length; i++) {
    const match = /^<<(-?)(.*)$/.exec(words[i]);
    if (!match) continue;
    let delimiter = match[2];
    let consumed = 1;
    if (delimiter === '' && i + 1 < words.length) {
      delimiter = words[i + 1];
      consumed = 2;
    }
    if (delimiter === '') return undefined;
    const rest = [...words.slice(0, i), ...words.slice(i + consumed)];
    return { words: rest, heredoc: { delimiter, stripTabs: match[1] === '-' } };
  }
  return undefined;
}

/** Removes a shell comment: a "#" at the start of a word, outside quotes. */
export function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}
