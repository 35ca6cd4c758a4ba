import type { Container, PodTemplateSpec, Probe } from 'kubernetes-types/core/v1';

/** PrefixWriter levels: two spaces each. Cells stay tab-separated, as `kubectl rollout history` prints them. */
const LEVEL = ['', '  ', '    ', '      '];

/** Go's time.Duration String() for whole seconds: 0s, 10s, 1m30s, 27h46m40s. */
function goSeconds(total: number): string {
  if (total === 0) return '0s';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** DescribeProbe */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${goSeconds(probe.initialDelaySeconds ?? 0)} timeout=${goSeconds(probe.timeoutSeconds ?? 1)} period=${goSeconds(probe.periodSeconds ?? 10)} #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${probe.httpGet.host ?? ''}:${probe.httpGet.port}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainer(c: Container): string {
  let out = `${LEVEL[1]} ${c.name}:\n`;
  out += `${LEVEL[2]}Image:\t${c.image ?? ''}\n`;
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
  out += ports.includes(',') ? `${LEVEL[2]}Ports:\t${ports}\n` : `${LEVEL[2]}Port:\t${ports || '<none>'}\n`;
  out += hostPorts.includes(',')
    ? `${LEVEL[2]}Host Ports:\t${hostPorts}\n`
    : `${LEVEL[2]}Host Port:\t${hostPorts || '<none>'}\n`;
  if (c.command?.length) out += `${LEVEL[2]}Command:\n${c.command.map((x) => `${LEVEL[3]}${x}\n`).join('')}`;
  if (c.args?.length) out += `${LEVEL[2]}Args:\n${c.args.map((x) => `${LEVEL[3]}${x}\n`).join('')}`;
  for (const [title, probe] of [
    ['Liveness', c.livenessProbe],
    ['Readiness', c.readinessProbe],
    ['Startup', c.startupProbe],
  ] as const) {
    if (probe) out += `${LEVEL[2]}${title}:\t${describeProbe(probe)}\n`;
  }
  const env = c.env ?? [];
  if (env.length === 0) out += `${LEVEL[2]}Environment:\t<none>\n`;
  else out += `${LEVEL[2]}Environment:\n${env.map((e) => `${LEVEL[3]}${e.name}:\t${e.value ?? ''}\n`).join('')}`;
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  if (mounts.length === 0) out += `${LEVEL[2]}Mounts:\t<none>\n`;
  else {
    out += `${LEVEL[2]}Mounts:\n`;
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path="${m.subPath}"`);
      out += `${LEVEL[3]}${m.mountPath} from ${m.name} (${flags.join(',')})\n`;
    }
  }
  return out;
}

function multiline(title: string, values: Record<string, string> | undefined): string {
  const keys = Object.keys(values ?? {}).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:\t` : '\t'}${k}=${(values ?? {})[k]}\n`).join('');
}

/** DescribePodTemplate, as `kubectl rollout history --revision=N` prints it. */
export function describePodTemplate(template: PodTemplateSpec): string {
  const spec = template.spec;
  let out = 'Pod Template:\n';
  out += multiline('  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    out += multiline('  Annotations', template.metadata?.annotations);
  if (spec?.serviceAccountName) out += `${LEVEL[1]}Service Account:\t${spec.serviceAccountName}\n`;
  if (spec?.initContainers?.length) {
    out += '  Init Containers:\n';
    for (const c of spec.initContainers) out += describeContainer(c);
  }
  const containers = spec?.containers ?? [];
  out += `  Containers:${containers.length === 0 ? ' <none>' : ''}\n`;
  for (const c of containers) out += describeContainer(c);
  const volumes = spec?.volumes ?? [];
  if (volumes.length === 0) out += '  Volumes:\t<none>\n';
  else {
    out += '  Volumes:\n';
    for (const v of volumes) {
      out += `   ${v.name}:\n`;
      if (v.persistentVolumeClaim) {
        out += `${LEVEL[2]}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n`;
        out += `${LEVEL[2]}ClaimName:\t${v.persistentVolumeClaim.claimName}\n`;
        out += `${LEVEL[2]}ReadOnly:\t${String(v.persistentVolumeClaim.readOnly ?? false)}\n`;
      } else if (v.emptyDir) {
        out += `${LEVEL[2]}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n`;
        out += `${LEVEL[2]}Medium:\t${v.emptyDir.medium ?? ''}\n`;
        out += `${LEVEL[2]}SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`;
      }
    }
  }
  if (spec?.priorityClassName) out += `${LEVEL[1]}Priority Class Name:\t${spec.priorityClassName}\n`;
  out += multiline('  Node-Selectors', spec?.nodeSelector);
  const tolerations = spec?.tolerations ?? [];
  if (tolerations.length === 0) out += '  Tolerations:\t<none>\n';
  else {
    out += tolerations
      .map((t, i) => {
        let s = t.key ?? '';
        if (t.value) s += `=${t.value}`;
        if (t.effect) s += `:${t.effect}`;
        if (t.operator === 'Exists' && !t.value) s += ' op=Exists';
        if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
        return `${i === 0 ? '  Tolerations:\t' : '\t'}${s}\n`;
      })
      .join('');
  }
  return out;
}
