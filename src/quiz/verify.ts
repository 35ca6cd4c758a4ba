/**
 * Runs a question's verify script on the simulator and compares what its final command prints with the keyed
 * answer. Shared by the test that keeps the bank honest and by the page's "run it" button (which shows the
 * transcript).
 */
import { Cluster } from '../sim/index';
import { choiceValue } from './schema';
import type { Question, Verify } from './types';

export interface VerifyRun {
  /** The whole transcript, each command echoed. */
  transcript: string;
  /** The answer command's output, trimmed. */
  printed: string;
}

export function runVerify(verify: Verify): VerifyRun {
  const cluster = new Cluster({ seed: verify.seed ?? 1, nodes: verify.nodes ?? 3 });
  const scene = cluster.script(verify.script, { echo: true });
  const answer = cluster.script(verify.answer, { echo: true });
  // The echo is the command as written, a heredoc's body and end marker included.
  const echoed = `$ ${verify.answer.replace(/\n+$/, '')}\n`;
  const output = answer.output.startsWith(echoed) ? answer.output.slice(echoed.length) : answer.output;
  const printed = output.replace(/^\$ .*\n/, '').trim();
  return { transcript: scene.output + answer.output, printed };
}

/** What the answer command must print for the key to hold. */
export function expectedOutput(question: Question): string {
  const choices = new Map((question.choices ?? []).map((c) => [c.id, choiceValue(c)]));
  const answer = question.answer;
  if (typeof answer === 'number') return String(answer);
  if (typeof answer === 'string') return choices.get(answer) ?? answer;
  const values = answer.map((id) => choices.get(id) ?? id);
  return (question.type === 'multiple' ? [...values].sort() : values).join(' ');
}

/** The printed output in the same normal form as `expectedOutput`. */
export function normalizePrinted(question: Question, printed: string): string {
  if (question.type === 'numeric') return String(Number(printed));
  if (question.type === 'single' || question.type === 'predict') return printed;
  const tokens = printed.split(/\s+/).filter(Boolean);
  return (question.type === 'multiple' ? [...new Set(tokens)].sort() : tokens).join(' ');
}

/** Undefined when the simulator agrees with the key, otherwise what went wrong. */
export function disagreement(question: Question): string | undefined {
  if (!question.verify) return undefined;
  const run = runVerify(question.verify);
  const want = expectedOutput(question);
  const got = normalizePrinted(question, run.printed);
  if (got === want) return undefined;
  return `${question.id}: the key says ${JSON.stringify(want)}, the simulator printed ${JSON.stringify(run.printed)}\n${run.transcript}`;
}
