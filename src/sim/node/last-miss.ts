import type { ResourceAmounts } from '../pods/resources';

/**
 * The last scheduling pass that found no node for a pod needing only room (every node open, that is Ready, not
 * cordoned and untainted, and no volume pinning the pod), with the message it failed with. The same nodes under
 * the same load turn away any pod requesting the same the same way, so a pod tried again before anything changed
 * (most of a burst of retries after one freed slot) is told so without walking every node twice.
 */
export class LastMiss {
  private nodes: object | undefined;
  private loads = -1;
  private cpu = NaN;
  private memory = NaN;
  private message = '';

  /** The message of the last miss, when it was on these nodes at this load version for the same requests. */
  lookup(nodes: object, loads: number, requests: ResourceAmounts): string | undefined {
    const same =
      nodes === this.nodes && loads === this.loads && requests.cpu === this.cpu && requests.memory === this.memory;
    return same ? this.message : undefined;
  }

  record(nodes: object, loads: number, requests: ResourceAmounts, message: string): void {
    this.nodes = nodes;
    this.loads = loads;
    this.cpu = requests.cpu;
    this.memory = requests.memory;
    this.message = message;
  }
}
