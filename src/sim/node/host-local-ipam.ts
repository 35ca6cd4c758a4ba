/** The usable host part of a node's /24 pod CIDR: .1 is the bridge's gateway and .255 the broadcast address. */
const FIRST_HOST = 2;
const LAST_HOST = 254;

/**
 * The host-local IPAM plugin on one node's pod CIDR (10.244.<subnet>.0/24): each sandbox gets the next free
 * address after the last one handed out, wrapping round to the start of the range, and gives it back when the
 * sandbox is torn down. So a recreated pod gets a new IP, and a busy node reuses old ones only after a full turn.
 */
export class HostLocalIPAM {
  private readonly byPod = new Map<string, number>();
  private readonly taken = new Set<number>();
  /** lastReservedIP's host part. */
  private last = FIRST_HOST - 1;

  constructor(private readonly subnet: number) {}

  /** The pod's address, or undefined when the range is exhausted. */
  allocate(podUid: string): string | undefined {
    const size = LAST_HOST - FIRST_HOST + 1;
    for (let i = 1; i <= size; i++) {
      const host = FIRST_HOST + ((this.last - FIRST_HOST + i) % size);
      if (this.taken.has(host)) continue;
      this.taken.add(host);
      this.byPod.set(podUid, host);
      this.last = host;
      return this.address(host);
    }
    return undefined;
  }

  release(podUid: string): void {
    const host = this.byPod.get(podUid);
    if (host === undefined) return;
    this.byPod.delete(podUid);
    this.taken.delete(host);
  }

  /** "10.244.<subnet>.2-10.244.<subnet>.254", as the plugin names its range set in errors. */
  rangeSet(): string {
    return `${this.address(FIRST_HOST)}-${this.address(LAST_HOST)}`;
  }

  private address(host: number): string {
    return `10.244.${this.subnet}.${host}`;
  }
}
