/**
 * Which writes count as a change of the cluster's state when waiting for it to settle. Events and node lease
 * renewals happen all the time in a healthy cluster; nobody waits for them to stop.
 */
export function isStateChange(kind: string): boolean {
  return kind !== 'Event' && kind !== 'Lease';
}
