/** Runs a question's kubesim script in a cell worker (never on the page's thread) and returns its transcript. */
import { translate } from '@docusaurus/Translate';
import { CellWorker, DEFAULT_TIMEOUT_MS } from '@site/src/cells/run-cell';
import { KUBESIM_GLOBAL } from '@site/src/cells/transpile-options';
import type { Verify } from '@site/src/quiz/types';

export async function runKubesimScript(verify: Verify): Promise<string> {
  const js = [
    `const { Cluster } = globalThis[${JSON.stringify(KUBESIM_GLOBAL)}];`,
    `const cluster = new Cluster({ seed: ${verify.seed ?? 1}, nodes: ${verify.nodes ?? 3} });`,
    `const scene = cluster.script(${JSON.stringify(verify.script)}, { echo: true });`,
    `const answer = cluster.script(${JSON.stringify(verify.answer)}, { echo: true });`,
    'console.log(scene.output + answer.output);',
  ].join('\n');
  const worker = new CellWorker();
  let text = '';
  try {
    const outcome = await worker.run(
      js,
      { onOutput: (_stream, chunk) => (text += chunk), onRich: () => undefined, onTruncated: () => undefined },
      DEFAULT_TIMEOUT_MS,
    );
    if (outcome.state === 'error') throw new Error(outcome.message);
    if (outcome.state === 'timeout')
      throw new Error(
        translate(
          { id: 'quiz.scriptTimedOut', message: '脚本运行超过 {seconds} 秒，已停止。' },
          { seconds: outcome.limitMs / 1000 },
        ),
      );
    return text.replace(/\n$/, '');
  } finally {
    if (!worker.isTerminated) worker.terminate();
  }
}
