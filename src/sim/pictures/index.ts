export { podTimeline, timelinePhase, type PodPhase, type TimelineEntry, type TimelineOptions } from './timeline';
export { topology, type TopologyInput } from './topology';
export { dnsTable, type DnsRecord } from './dns-table';
