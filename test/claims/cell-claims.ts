/**
 * What each live cell must print, by cell id — the claim its chapter makes, checked in both locales (the patterns
 * avoid translated words). Every live cell on every page needs an entry; the Node run (test/unit/site) and the
 * browser run (test/e2e) both check them.
 */
export const CELL_CLAIMS: Record<string, RegExp[]> = {
  // One second in, only web-0 exists; once settled, web-0..2 run in ordinal order.
  'sts-ordered-create': [
    /statefulset\.apps\/web created/,
    /\nweb-0\s+0\/1\s+ContainerCreating\s+0\s+1s\n\n/,
    /web-0\s+1\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running[^\n]*\nweb-2\s+1\/1\s+Running/,
  ],
  // Each pod is created no earlier than its predecessor became Ready.
  'sts-creation-timeline': [/web-0\s[^\n]*\b0\.0s[^\n]*\nweb-1\s[^\n]*\nweb-2\s/],
  // Scale-down removes the highest ordinals first, one at a time.
  'sts-scale': [/web-4\s+1\/1\s+Running/, /web-4 → web-3 → web-2/],
  // The cell playground (docs/lab): a clock, rich output, a session and the output limits.
  'playground-hello': [/90000 /, /node-1\s+Ready\s+<none>\s+90s\s+v1\.34/],
  'playground-display': [/\[table name,node,created\]/, /\[svg\]/, /\[timeline\]/],
  'playground-session-create': [/db-0\s+1\/1\s+Running[^\n]*\ndb-1\s+1\/1\s+Running/],
  'playground-session-scale': [/statefulset\.apps\/db scaled/, /db-3\s+1\/1\s+Running/],
  'playground-limits': [/^\D*1\D*\n\D*2\D*\n/],
  // Basics: names with ordinals, one claim per pod, get sts columns, controller labels, the two policies.
  'basics-create': [
    /NAME\s+READY\s+AGE\nweb\s+0\/3\s+1s\n/,
    /NAME\s+READY\s+AGE\s+CONTAINERS\s+IMAGES\nweb\s+3\/3\s+\d+s\s+nginx\s+registry\.k8s\.io\/nginx-slim:0\.21/,
    /web-0\s+1\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running[^\n]*\nweb-2\s+1\/1\s+Running/,
    /www-web-0\s+Bound[^\n]*standard[^\n]*\nwww-web-1\s+Bound[^\n]*\nwww-web-2\s+Bound/,
  ],
  'basics-labels': [
    /web-1\s[^\n]*apps\.kubernetes\.io\/pod-index=1,controller-revision-hash=(web-[a-z0-9]+),statefulset\.kubernetes\.io\/pod-name=web-1[\s\S]*\n\1\s+statefulset\.apps\/web\s+1\s/,
    /web-2\s+1\/1\s+Running\s+0\s+\d+s\s+2\n/,
    /\nweb-1 nginx\n/,
  ],
  'basics-policies': [
    /OrderedReady\s+web-0\s+0\.0s\s+(\d+\.\ds)\nOrderedReady\s+web-1\s+\1\s+(\d+\.\ds)\nOrderedReady\s+web-2\s+\2\s/,
    /OrderedReady\s+web-1\s+[1-9]/,
    /Parallel\s+web-0\s+0\.0s[^\n]*\nParallel\s+web-1\s+0\.0s[^\n]*\nParallel\s+web-2\s+0\.0s/,
    /\[svg\][\s\S]*\[svg\]/,
  ],
  // Network identity: hostname/subdomain, per-pod A records, headless A and SRV records, a recreated pod's new
  // IP under the same name, not-ready pods leaving DNS until publishNotReadyAddresses, a Service per pod.
  'dns-records': [
    /web-0\tweb-0\tnginx\t10\.244\.\d+\.\d+\nweb-1\tweb-1\tnginx\t[\d.]+\nweb-2\tweb-2\tnginx\t[\d.]+\n/,
    /Name:\s+web-0\.nginx\nAddress 1: 10\.244\.\d+\.\d+ web-0\.nginx\.default\.svc\.cluster\.local\n\n/,
    /Name:\s+nginx\nAddress 1: [\d.]+ web-0\.nginx\.default\.svc\.cluster\.local\nAddress 2: [\d.]+ web-1\.nginx[^\n]*\nAddress 3: [\d.]+ web-2\.nginx/,
    /_web\._tcp\.nginx\.default\.svc\.cluster\.local SRV 0 33 80 web-0\.nginx\.default\.svc\.cluster\.local\n[^\n]*web-1[^\n]*\n[^\n]*web-2/,
    /\[svg\]/,
  ],
  'dns-recreate': [
    /pod "web-0" deleted[\s\S]*can't resolve 'web-0\.nginx'/,
    /before: (10\.244\.\d+\.\d+) (node-\d) (\S+)\nafter: +(?!\1 )(10\.244\.\d+\.\d+) (?!\2 )node-\d (?!\3\n)\S+\n[\s\S]*Name:\s+web-0\.nginx\nAddress 1: \4 web-0\.nginx\.default\.svc\.cluster\.local/,
  ],
  'dns-not-ready': [
    /web-0\s+1\/1\s+Running[^\n]*\nweb-1\s+0\/1\s+Running/,
    /web-0\ttrue\nweb-1\tfalse\n[\s\S]*service\/nginx patched\n\nweb-0\ttrue\nweb-1\ttrue\n/,
    /can't resolve 'web-1\.nginx'[\s\S]*Name:\s+nginx\nAddress 1: [\d.]+ web-0\.nginx[^\n]*\n\n[\s\S]*service\/nginx patched/,
    /service\/nginx patched[\s\S]*Name:\s+web-1\.nginx\nAddress 1: [\d.]+ web-1\.nginx[\s\S]*Name:\s+nginx\nAddress 1: [^\n]*web-0\.nginx[^\n]*\nAddress 2: [^\n]*web-1\.nginx/,
  ],
  'dns-per-pod-service': [
    /web-0\s+ClusterIP\s+(10\.96\.\d+\.\d+)\s/,
    /web-0-\w+\s+IPv4\s+80\s+(10\.244\.\d+\.\d+)\s[\s\S]*web-0\s+1\/1\s+Running\s+0\s+\S+\s+\1\s/,
    /Name:\s+web-0\nAddress 1: 10\.96\.\d+\.\d+ web-0\.default\.svc\.cluster\.local/,
  ],
  // Storage: one claim per pod on local-path volumes pinned to the pod's node; claims survive scale-down, pod and
  // StatefulSet deletion; the retention policy; a missing StorageClass; Retain vs Delete; rollback keeps claims.
  'storage-claims': [
    /www-web-0\s+Pending\s+standard\s/,
    /standard \(default\)\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer/,
    /web-0\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*web-1\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*web-2\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*www-web-0\s+Bound[\s\S]*www-web-2\s+Bound[\s\S]*www-web-1\tDelete\t\2\nwww-web-2\tDelete\t\3\nwww-web-0\tDelete\t\1\n/,
    /\[svg\]/,
  ],
  'storage-lifecycle': [
    /scaled\n\nNAME[^\n]*\nweb-0\s[^\n]*\n\nNAME[^\n]*\nwww-web-0\s+Bound[^\n]*\nwww-web-1\s+Bound[^\n]*\nwww-web-2\s+Bound/,
    /web-0: (node-\d) -> \1\nwww-web-0 uid unchanged: true/,
    /web-0\twww-web-0\nweb-1\twww-web-1\nweb-2\twww-web-2/,
    /deleted from default namespace\n\nNo resources found[^\n]*\n\nNAME[^\n]*\nwww-web-0\s+Bound[^\n]*\nwww-web-1\s+Bound[^\n]*\nwww-web-2\s+Bound/,
    /"www-web-2" deleted[^\n]*\n\nNAME[^\n]*\n(?:pvc-\S+\s+1Gi\s+RWO\s+Delete\s+Bound\s+default\/www-web-[01]\s[^\n]*\n){2}\n*$/,
  ],
  'storage-retention': [
    /scaled\n\nNAME[^\n]*\nwww-web-0\s+Bound[^\n]*\n\nNAME[^\n]*\npvc-\S+[^\n]*default\/www-web-0[^\n]*\n\n/,
    /"web" deleted[^\n]*\n\nNAME[^\n]*\nwww-web-0\s+Bound[^\n]*\n\n*$/,
  ],
  'storage-missing-class': [
    /web-0\s+0\/1\s+Pending\s+0\s+2m\n/,
    /www-web-0\s+Pending\s+managed-nfs-storage\s/,
    /ProvisioningFailed www-web-0 storageclass\.storage\.k8s\.io "managed-nfs-storage" not found/,
    /FailedScheduling web-0 [^\n]*unbound immediate PersistentVolumeClaims/,
    /web-0\s+1\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running/,
    /www-web-0\t172\.18\.0\.100:\/srv\/nfs\/\S+\t\n/,
    /pvc-\S+\s+1Gi\s+RWO\s+Retain\s+Released\s+default\/www-web-1\s/,
  ],
  'storage-rollback': [
    /web-1 registry\.k8s\.io\/nginx-slim:0\.21 www-web-1\nweb-0 registry\.k8s\.io\/nginx-slim:0\.21 www-web-0\n[^\n]*image updated/,
    /web-1 registry\.k8s\.io\/nginx-slim:0\.24 www-web-1\nweb-0 registry\.k8s\.io\/nginx-slim:0\.24 www-web-0\n[^\n]*rolled back\n\nweb-1 registry\.k8s\.io\/nginx-slim:0\.21 www-web-1\nweb-0 registry\.k8s\.io\/nginx-slim:0\.21 www-web-0/,
    /claims unchanged: true/,
  ],
};
