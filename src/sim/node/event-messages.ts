/** How many messages one cache keeps before it starts over: names and images of a run are few. */
const KEPT = 1024;

/**
 * Event messages that depend on one name alone ("Started container nginx"), built once per name. The kubelet
 * records them for every pod; the same string each time also saves the event correlator re-hashing it.
 */
export class EventMessages {
  private readonly built = new Map<string, string>();

  constructor(private readonly build: (name: string) => string) {}

  of(name: string): string {
    let message = this.built.get(name);
    if (message === undefined) {
      if (this.built.size >= KEPT) this.built.clear();
      message = this.build(name);
      this.built.set(name, message);
    }
    return message;
  }
}
