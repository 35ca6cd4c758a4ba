import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import { CompileError, compileCell } from '@site/src/cells/compiler';
import { runInFreshWorker, type CellWorker, type RunHandlers, type RunOutcome } from '@site/src/cells/run-cell';
import { joinSession, runInSession, type SessionMember, type SessionOutcome } from '@site/src/cells/session';
import type { CellState, OutputItem } from './CellOutput';

export interface CellRunOptions {
  id: string;
  source: string;
  /** Build-time compiled module for the original code; used while the code is unedited. */
  compiled?: string;
  modified: boolean;
  session?: string;
  limitMs: number;
  wasmBase: string;
  root: React.RefObject<HTMLElement | null>;
}

export interface CellRun {
  state: CellState;
  items: OutputItem[];
  notices: string[];
  errorLine?: number;
  run(): Promise<void>;
}

function outcomeNotice(outcome: SessionOutcome, session: string | undefined): string[] {
  switch (outcome.state) {
    case 'error':
      return [outcome.message];
    case 'timeout': {
      const notice = translate(
        { id: 'cell.timeout', message: '运行超过 {seconds} 秒，已停止。' },
        { seconds: String(outcome.limitMs / 1000) },
      );
      const restarted = translate({ id: 'cell.sessionRestarted', message: '会话已重新开始。' });
      return session ? [`${notice} ${restarted}`] : [notice];
    }
    case 'stopped':
      return [translate({ id: 'cell.stopped', message: '会话已重新开始，这次运行被中止。' })];
    case 'blocked':
      return [
        translate(
          { id: 'cell.blocked', message: '同一会话中前面的单元 {cell} 没有运行成功，所以本单元没有运行。' },
          { cell: outcome.by },
        ),
      ];
    default:
      return [];
  }
}

const STATE_OF: Record<SessionOutcome['state'], CellState> = {
  done: 'done',
  error: 'error',
  timeout: 'timeout',
  stopped: 'error',
  blocked: 'error',
};

/** Running a cell: compile if edited, run in a fresh worker or the session's, and collect what it shows. */
export function useCellRun(options: CellRunOptions): CellRun {
  const [state, setState] = useState<CellState>('idle');
  const [items, setItems] = useState<OutputItem[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [errorLine, setErrorLine] = useState<number | undefined>();
  const busy = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  /** One run of the cell's current code; `worker` is the session's, or undefined for a fresh one. */
  const execute = useCallback(async (worker?: CellWorker): Promise<RunOutcome> => {
    const { source, compiled, modified, session, limitMs, wasmBase } = latest.current;
    setState('running');
    setItems([]);
    setNotices([]);
    setErrorLine(undefined);
    const collected: OutputItem[] = [];
    let truncated = false;
    let flushScheduled = false;
    // Output arrives in bursts of thousands of lines: render at most once per frame.
    const flush = () => {
      flushScheduled = false;
      setItems([...collected]);
    };
    const scheduleFlush = () => {
      if (flushScheduled) return;
      flushScheduled = true;
      requestAnimationFrame(flush);
    };
    const handlers: RunHandlers = {
      onOutput(stream, text) {
        const last = collected[collected.length - 1];
        if (last?.kind === 'stream' && last.stream === stream) {
          collected[collected.length - 1] = { ...last, text: last.text + text };
        } else collected.push({ kind: 'stream', stream, text });
        scheduleFlush();
      },
      onRich(output) {
        collected.push(output);
        scheduleFlush();
      },
      onTruncated() {
        truncated = true;
      },
    };
    let outcome: RunOutcome;
    try {
      // The measures let the benchmark (bench/cells.ts) tell compiling from running.
      const compileStart = performance.now();
      const js = !modified && compiled ? compiled : await compileCell(source, wasmBase, Boolean(session));
      performance.measure('cell:compile', { start: compileStart });
      const runStart = performance.now();
      outcome = worker ? await worker.run(js, handlers, limitMs) : await runInFreshWorker(js, handlers, limitMs);
      performance.measure('cell:run', { start: runStart });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      outcome = { state: 'error', message, line: err instanceof CompileError ? err.line : undefined };
    }
    flush();
    const truncation = truncated
      ? [translate({ id: 'cell.truncated', message: '输出过多（超过 2000 行或 200 KB），其余部分已截断。' })]
      : [];
    setNotices([...truncation, ...outcomeNotice(outcome, session)]);
    setErrorLine(outcome.state === 'error' ? outcome.line : undefined);
    setState(STATE_OF[outcome.state]);
    return outcome;
  }, []);

  // A session cell joins its page's session for as long as it is on the page.
  const { session, id, root } = options;
  const member = useMemo<SessionMember>(() => ({ id, element: () => root.current, execute }), [id, root, execute]);
  // A layout effect, so that a Run click made before hydration and replayed by React finds the session joined.
  useLayoutEffect(() => (session ? joinSession(session, member) : undefined), [session, member]);

  const run = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      if (!session) {
        await execute();
        return;
      }
      setState('running'); // it may first wait for earlier cells of the session
      // Let every cell of the page finish joining first: the earlier ones must be known to run before this one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const outcome = await runInSession(session, member);
      if (outcome.state === 'blocked') {
        setNotices(outcomeNotice(outcome, session));
        setState('error');
      }
    } catch (err) {
      setNotices([String(err)]);
      setState('error');
    } finally {
      busy.current = false;
    }
  }, [execute, member, session]);

  return { state, items, notices, errorLine, run };
}
