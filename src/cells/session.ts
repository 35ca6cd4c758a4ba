/**
 * Sessions: cells with the same `session=` on a page share one worker, and so one cluster, like notebook cells.
 * Running a cell first runs the session's earlier cells that have not run in this worker yet, in page order.
 * A timeout or a reset restarts the session; earlier cells then run again when a later one needs them.
 */
import { freshWorker, type CellWorker, type RunOutcome } from './run-cell';

export interface SessionMember {
  id: string;
  /** The cell's root element, to order members as the page does. */
  element(): HTMLElement | null;
  /** Compiles and runs the cell's current code in the session's worker, showing output in its own box. */
  execute(worker: CellWorker): Promise<RunOutcome>;
}

/** `blocked`: an earlier cell of the session did not finish, so this one did not run. */
export type SessionOutcome = RunOutcome | { state: 'blocked'; by: string };

class CellSession {
  readonly members = new Set<SessionMember>();
  private worker?: CellWorker;
  /** Cells whose last run in the current worker finished. */
  private readonly ran = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  private inPageOrder(): SessionMember[] {
    return [...this.members].sort((a, b) => {
      const ea = a.element();
      const eb = b.element();
      if (!ea || !eb) return 0;
      return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ran.clear();
  }

  private async executeIn(worker: CellWorker, member: SessionMember): Promise<RunOutcome> {
    const outcome = await member.execute(worker);
    if (outcome.state === 'done') this.ran.add(member.id);
    else this.ran.delete(member.id);
    if (outcome.state === 'timeout') this.restart();
    return outcome;
  }

  /** Runs the earlier cells still needed, then `member`; runs queue up, one at a time. */
  run(member: SessionMember): Promise<SessionOutcome> {
    const next = this.queue.then(async (): Promise<SessionOutcome> => {
      if (!this.worker || this.worker.isTerminated) {
        this.worker = freshWorker();
        this.ran.clear();
      }
      const worker = this.worker;
      const order = this.inPageOrder();
      for (const earlier of order.slice(0, order.indexOf(member))) {
        if (this.ran.has(earlier.id)) continue;
        const outcome = await this.executeIn(worker, earlier);
        if (outcome.state !== 'done') return { state: 'blocked', by: earlier.id };
      }
      return this.executeIn(worker, member);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const sessions = new Map<string, CellSession>();

/** Adds a cell to its page's session; the returned function removes it (and ends the session with its last cell). */
export function joinSession(name: string, member: SessionMember): () => void {
  let session = sessions.get(name);
  if (!session) {
    session = new CellSession();
    sessions.set(name, session);
  }
  session.members.add(member);
  const joined = session;
  return () => {
    joined.members.delete(member);
    if (joined.members.size === 0) {
      joined.restart();
      if (sessions.get(name) === joined) sessions.delete(name);
    }
  };
}

export function runInSession(name: string, member: SessionMember): Promise<SessionOutcome> {
  const session = sessions.get(name);
  if (!session?.members.has(member)) {
    return Promise.reject(new Error(`cell ${member.id} is not in session "${name}"`));
  }
  return session.run(member);
}

export function restartSession(name: string): void {
  sessions.get(name)?.restart();
}
