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
  // Troubleshooting (docs/operations): a kept pod that is unready blocks an OrderedReady scale-down until it recovers.
  'trouble-scale-blocked': [
    /web-0\s+0\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running[^\n]*\nweb-2\s+1\/1\s+Running/,
    /web\s+2\/1\s/,
    /Warning\s+Unhealthy\s[^\n]*Readiness probe failed/,
    /web-2 → web-1\n/,
    /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-0\s+1\/1\s+Running[^\n]*\n*$/,
  ],
  // A bad tag: ErrImagePull, then ImagePullBackOff; the rollout stops at one surge pod; undo restores three pods.
  'trouble-image-pull': [
    /-[a-z0-9]{5}\s+0\/1\s+ErrImagePull\s/,
    /nginx-deployment-[a-z0-9]+\s+1\s+1\s+0\s[^\n]*\nnginx-deployment-[a-z0-9]+\s+3\s+3\s+3\s/,
    /1 out of 3 new replicas have been updated/,
    /Warning\s+Failed\s[^\n]*docker\.io\/library\/nginx:1\.91: not found/,
    /Warning\s+Failed\s[^\n]*Error: ErrImagePull/,
    /Normal\s+BackOff\s[^\n]*Back-off pulling image "nginx:1\.91"/,
    /Warning\s+Failed\s[^\n]*Error: ImagePullBackOff/,
    /rolled back\n\nNAME[^\n]*\n(nginx-deployment-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running[^\n]*\n){3}\n*$/,
  ],
  // A container whose command exits: restarts grow ever slower, CrashLoopBackOff, Last State Terminated exit 1.
  'trouble-crashloop': [
    /crasher\s+0\/1\s+Error\s+1 \(/,
    /crasher\s+0\/1\s+CrashLoopBackOff\s+2 \(/,
    /crasher\s+0\/1\s+CrashLoopBackOff\s+5 \(/,
    /State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff\n\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/,
  ],
  // The crash fault: restarted at once the first time; a second crash waits in CrashLoopBackOff, then runs again.
  'trouble-crash-fault': [
    /web\s+1\/1\s+Running\s+1 \(/,
    /web\s+0\/1\s+CrashLoopBackOff\s+1 \(/,
    /web\s+1\/1\s+Running\s+2 \(/,
  ],
  // A missing StorageClass: PVC and pod Pending with ProvisioningFailed and FailedScheduling; creating it binds.
  'trouble-pending-pvc': [
    /pod\/app\s+0\/1\s+Pending/,
    /persistentvolumeclaim\/data\s+Pending\s/,
    /FailedScheduling\s[^\n]*pod has unbound immediate PersistentVolumeClaims/,
    /ProvisioningFailed\s[^\n]*storageclass\.storage\.k8s\.io "managed-nfs-storage" not found/,
    /pod\/app\s+1\/1\s+Running[\s\S]*persistentvolumeclaim\/data\s+Bound\s/,
  ],
  // Controllers (docs/internals): the StatefulSet controller's first sync makes a revision and web-0; one pod per sync.
  'ctrl-sts-create': [
    /0\.005s\s+ControllerRevision\/web-[a-z0-9]+\s+created\n\s+0\.005s\s+Pod\/web-0\s+created/,
    /Pod\/web-0\s+ready\n[^\n]*Pod\/web-1\s+created/,
    /Pod\/web-1\s+ready\n[^\n]*Pod\/web-2\s+created/,
  ],
  // Scale 3 → 2 and a new image in one apply: condemned web-2 goes first, then web-1, then web-0 are replaced.
  'ctrl-sts-update': [
    /ControllerRevision\/web-[a-z0-9]+\s+created\n[^\n]*Pod\/web-2\s+terminating/,
    /Pod\/web-2\s+deleted\n[^\n]*Pod\/web-1\s+terminating/,
    /Pod\/web-1\s+ready\n[^\n]*Pod\/web-0\s+terminating/,
    /web-0\s+1\/1\s+Running\s+0\s+\S+\s+(web-[a-z0-9]+)\nweb-1\s+1\/1\s+Running\s+0\s+\S+\s+\1\n/,
  ],
  // A Deployment: one ReplicaSet of 3, whose three pods are created in the same instant.
  'ctrl-deploy-create': [
    /ReplicaSet\/api-[a-z0-9]+\s+created spec\.replicas=3/,
    /(\s+(\d+\.\d+)s\s+Pod\/api-[a-z0-9]+-[a-z0-9]{5}\s+created\n)\s+\2s\s+Pod\/api-[^\n]*created\n\s+\2s\s+Pod\/api-[^\n]*created/,
    /status updated=3 available=3/,
  ],
  // Rolling update with maxSurge 1, maxUnavailable 0: new RS at 1; old scaled to 2 before new to 2; ends 3/0.
  'ctrl-deploy-rollout': [
    /ReplicaSet\/api-[a-z0-9]+\s+created spec\.replicas=1\n/,
    /ReplicaSet\/(api-[a-z0-9]+)\s+spec\.replicas=2\n(?:(?!ReplicaSet)[^\n]*\n)*[^\n]*ReplicaSet\/(?!\1)api-[a-z0-9]+\s+spec\.replicas=2\n/,
    /available=4/,
    /api-[a-z0-9]+\s+0\s+0\s+0\s[^\n]*\napi-[a-z0-9]+\s+3\s+3\s+3\s/,
  ],
  // kubesim API reference (docs/reference): commands, time, state, DNS, faults and processes, pictures, exports.
  'api-commands': [
    /statefulset\.apps\/web created/,
    /"exitCode": 1/,
    /pods \\"nope\\" not found/,
    /service\/web created\n\napiVersion: v1\nkind: Service\n/,
    /clusterIP: 10\.96\.\d+\.\d+/,
  ],
  'api-time': [
    /^\D*0 ms\n/,
    /web-0\s+0\/1\s+ContainerCreating\s+0\s+1s\n/,
    /settle\(\)\D*(\d+) ms\D*(\d+) ms/,
    /web-0\s+1\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running/,
  ],
  'api-state': [
    /web-0: node-\d 10\.244\.\d+\.\d+/,
    /node-1, node-2, node-3/,
    /ADDED \d+ ms/,
    /Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful\nNormal SuccessfulCreate create Pod web-1/,
  ],
  'api-dns': [
    /NOERROR \[\n\s+"web-0\.nginx\.default\.svc\.cluster\.local A 10\.244\.\d+\.\d+"/,
    /"80 web-0\.nginx\.default\.svc\.cluster\.local",\n\s+"80 web-1\.nginx\.default\.svc\.cluster\.local"/,
    /\nNXDOMAIN\n/,
    /Name:\s+nginx\nAddress 1: [\d.]+ web-\d\.nginx\.default\.svc\.cluster\.local\nAddress 2: [\d.]+ web-\d\.nginx/,
  ],
  // A partitioned node turns NotReady while its pod still shows Running and its container still runs: no violation.
  'api-faults': [
    /(node-\d)\D*true\n/,
    /node-\d\s+NotReady\s/,
    /web-1\s+1\/1\s+Running\s/,
    /node-\d true web-1 Running true\n/,
    /violations: \[\]/,
    /NAME\s+STATUS[^\n]*\n(node-\d\s+Ready\s[^\n]*\n){3}\n*$/,
  ],
  'api-pictures': [
    /\[svg\]\n<svg[^\n]*Pods over time/,
    /\[svg\]\n<svg[^\n]*StatefulSet topology/,
    /\[svg\]\n<svg[^\n]*DNS records/,
  ],
  'api-exports': [/^v1\.34\.\d+ cluster\.local 10\.96\.0\.10 50000\n90000 2m5s\n/],
  // kubesim CLI (docs/reference): a heredoc script with --echo, and ps, faults and errors with the exit status.
  'cli-heredoc': [
    /^\$ kubectl apply -f - <<EOF\napiVersion: v1\n[\s\S]*\nEOF\nservice\/nginx created\nstatefulset\.apps\/web created\n\$ sleep 30s\n\$ kubectl get pods -o wide\n/,
    /web-0\s+1\/1\s+Running\s+0\s+30s/,
    /\$ nslookup web-0\.nginx\nServer:\s+10\.96\.0\.10\n/,
    /Address 1: 10\.244\.\d+\.\d+ web-0\.nginx\.default\.svc\.cluster\.local/,
    /exit code: 0/,
  ],
  'cli-faults': [
    /web\s+1\/1\s+Running\s+1 \(2s ago\)/,
    /NODE\s+CONTAINER ID\s+POD\s+CONTAINER\s+IMAGE\s+STATE\s+IN API\n(node-\d)\s+[0-9a-f]+\s+web\s+nginx\s+\S+\s+Exited\s+yes\n\1\s+[0-9a-f]+\s+web\s+nginx\s+\S+\s+Running\s+yes\n/,
    /pods "nope" not found\nkubesim: fault crash expects pod\/NAME, got "web"\nNAME\s+STATUS/,
    /exit code: 1/,
  ],
};
