import type { Container, PodTemplateSpec, Probe } from 'kubernetes-types/core/v1';

/**
 * describe.DescribePodTemplate as `kubectl rollout history --revision=N` prints it: through a PrefixWriter without
 * a tabwriter, so the tabs stay raw.
 */
export function describePodTemplate(template: PodTemplateSpec | undefined): string {
  const out: string[] = ['Pod Template:\n'];
  const w = (level: number, text: string): void => {
    out.push('  '.repeat(level) + text);
  };
  if (!template) {
    w(1, '<unset>');
    return out.join('');
  }
  labelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    labelsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  const spec = template.spec;
  if (spec?.serviceAccountName) w(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec?.initContainers ?? []);
  describeContainers(w, 'Containers', spec?.containers ?? []);
  const volumes = spec?.volumes ?? [];
  if (volumes.length === 0) {
    w(0, '  Volumes:\t<none>\n');
  } else {
    w(0, '  Volumes:\n');
    for (const v of volumes) {
      w(1, ` ${v.name}:\n`);
      if (v.emptyDir) {
        w(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
        w(2, `Medium:\t${v.emptyDir.medium ?? ''}\n`);
        w(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
      } else if (v.configMap) {
        w(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
        w(2, `Name:\t${v.configMap.name ?? ''}\n`);
        w(2, `Optional:\t${String(v.configMap.optional ?? false)}\n`);
      } else if (v.persistentVolumeClaim) {
        w(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
        w(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}\n`);
        w(2, `ReadOnly:\t${String(v.persistentVolumeClaim.readOnly ?? false)}\n`);
      }
    }
  }
  if (spec?.priorityClassName) w(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  const tolerations = spec?.tolerations ?? [];
  if (tolerations.length === 0) {
    w(0, '  Tolerations:\t<none>\n');
  } else {
    tolerations.forEach((t, i) => {
      let text = t.key ?? '';
      if (t.value) text += `=${t.value}`;
      if (t.effect) text += `:${t.effect}`;
      if (t.operator === 'Exists' && !t.value) text += ' op=Exists';
      if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
      w(0, i === 0 ? `  Tolerations:\t${text}\n` : `\t${text}\n`);
    });
  }
  return out.join('');
}

type Writer = (level: number, text: string) => void;

/** printLabelsMultilineWithIndent with the "\t" inner indent. */
function labelsMultiline(w: Writer, title: string, labels: Record<string, string> | undefined): void {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w(0, `${title}:\t<none>\n`);
    return;
  }
  keys.forEach((k, i) => w(0, `${i === 0 ? `${title}:\t` : '\t'}${k}=${labels?.[k]}\n`));
}

function describeContainers(w: Writer, label: string, containers: Container[]): void {
  w(0, `  ${label}:\n`);
  for (const c of containers) {
    w(1, ` ${c.name}:\n`);
    w(2, `Image:\t${c.image ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(',');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(',');
    w(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    for (const [title, lines] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!lines || lines.length === 0) continue;
      w(2, `${title}:\n`);
      for (const line of lines) for (const part of line.split('\n')) w(3, `${part}\n`);
    }
    for (const [title, list] of [
      ['Limits', c.resources?.limits],
      ['Requests', c.resources?.requests],
    ] as const) {
      const keys = Object.keys(list ?? {}).sort();
      if (keys.length === 0) continue;
      w(2, `${title}:\n`);
      for (const k of keys) w(3, `${k}:\t${String(list?.[k])}\n`);
    }
    if (c.livenessProbe) w(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (e.valueFrom?.fieldRef) {
        w(3, `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`);
      } else {
        w(3, `${e.name}:\t${e.value ?? ''}\n`);
      }
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    w(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path="${m.subPath}"`);
      w(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

/** DescribeProbe */
function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${String(p.httpGet.port)}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
