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
  'playground-display': [/web-0\s+node-\d\s+2026-01-01T00:00:0\dZ/, /web-2\s+node-\d/],
  'playground-session-create': [/db-0\s+1\/1\s+Running[^\n]*\ndb-1\s+1\/1\s+Running/],
  'playground-session-scale': [/statefulset\.apps\/db scaled/, /db-3\s+1\/1\s+Running/],
  'playground-limits': [/^\D*1\D*\n\D*2\D*\n/],
  // Overview: at 1s the Deployment has all three Pods, the StatefulSet only web-sts-0; names are random vs ordinals;
  // Deployment Pods are owned by a ReplicaSet, StatefulSet Pods by the StatefulSet.
  'overview-side-by-side': [
    /NAME[^\n]*\n(web-deploy-[0-9a-f]{8,10}-[a-z0-9]{5}\s+0\/1\s+ContainerCreating[^\n]*\n){3}web-sts-0\s+0\/1[^\n]*\n\n/,
    /web-sts-0\s+1\/1\s+Running[^\n]*\nweb-sts-1\s+1\/1\s+Running[^\n]*\nweb-sts-2\s+1\/1\s+Running/,
    /web-deploy-[0-9a-f]+-[a-z0-9]{5} ← ReplicaSet\/web-deploy-[0-9a-f]+\n/,
    /web-sts-0 ← StatefulSet\/web-sts\n/,
    /apps\.kubernetes\.io\/pod-index=1,controller-revision-hash=web-sts-[0-9a-f]+/,
  ],
  // Deleting a Pod: the Deployment's is replaced under a new random name, the StatefulSet's comes back as web-sts-1
  // with a new IP.
  'overview-delete-pod': [
    /web-sts-1\s+1\/1\s+Running/,
    /web-sts-1 IP: (10\.244\.\d+\.\d+) → (?!\1\n)10\.244\.\d+\.\d+\n/,
    /web-deploy-[0-9a-f]+-[a-z0-9]{5}\D+false\n/,
  ],
  // volumeClaimTemplates: one PVC per Pod; a recreated web-1 mounts www-web-1 again, back on its local-path node,
  // and its DNS name resolves to the new IP.
  'overview-storage': [
    /www-web-0\s+Bound[^\n]*\nwww-web-1\s+Bound/,
    // The recreated web-1 is back on its node (the local volume's affinity) with another address there, and DNS
    // follows it.
    /web-1\s+1\/1\s+Running\s+0\s+\S+\s+(10\.244\.\d+)\.(\d+)\s+(node-\d)[\s\S]*web-1\s+1\/1\s+Running\s+0\s+\S+\s+\1\.(?!\2\s)(\d+)\s+\3[\s\S]*claimName: www-web-1\n[\s\S]*Address 1: \1\.\4 web-1\.nginx\.default\.svc\.cluster\.local/,
  ],
  // Deployment in depth: Pods are owned by the ReplicaSet, which the Deployment owns; pod-template-hash is in the
  // ReplicaSet's name, selector and the Pods' labels.
  'deploy-ownership': [
    /NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nnginx-deployment\s+3\/3\s+3\s+3\s/,
    /Pod nginx-deployment-([0-9a-f]+)-[a-z0-9]{5} → ReplicaSet\/nginx-deployment-\1\n/,
    /ReplicaSet nginx-deployment-([0-9a-f]+) → Deployment\/nginx-deployment\n/,
    /ReplicaSet selector: \{"app":"nginx","pod-template-hash":"[0-9a-f]+"\}/,
    /app=nginx,pod-template-hash=[0-9a-f]+/,
  ],
  // 3 replicas at 25%/25%: surge 1, unavailable 0; the events alternate up 0→1, down 3→2, up 1→2, down 2→1,
  // up 2→3, down 1→0, never above 4 Pods or below 3 available.
  'deploy-rolling-update': [
    /: 4\n[^\n]*: 3\n/,
    /\+0s\s+Scaled up replica set (nginx-deployment-[0-9a-f]+) from 0 to 1\n[^\n]*Scaled down replica set (nginx-deployment-[0-9a-f]+) from 3 to 2\n[^\n]*Scaled up replica set \1 from 1 to 2\n[^\n]*Scaled down replica set \2 from 2 to 1\n[^\n]*Scaled up replica set \1 from 2 to 3\n[^\n]*Scaled down replica set \2 from 1 to 0\n/,
    /nginx-deployment-[0-9a-f]+\s+0\s+0\s+0\s+\S+\nnginx-deployment-[0-9a-f]+\s+3\s+3\s+3\s/,
  ],
  // kubectl edit: a changed image is "edited" and rolls out; an unchanged save is cancelled; an invalid one is
  // refused and reopened with the reason in the header; saved again unchanged, the edit is given up with the file
  // kept, and the Deployment left at 3 replicas.
  'deploy-edit': [
    /^deployment\.apps\/nginx-deployment edited\n/,
    /deployment "nginx-deployment" successfully rolled out\n/,
    /\nEdit cancelled, no changes made\.\n/,
    /\n#\n# deployments\.apps "nginx-deployment" was not valid:\n# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps\/v1\n/,
    /error: deployments\.apps "nginx-deployment" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n\n3\n?$/,
  ],
  // maxSurge 0 and maxUnavailable 0 together are rejected; with maxSurge 0 the old ReplicaSet shrinks first.
  'deploy-surge-zero': [
    /spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0/,
    /from 0 to 3\nScaled down replica set (web-[0-9a-f]+) from 3 to 2\nScaled up replica set (web-[0-9a-f]+) from 0 to 1\nScaled down replica set \1 from 2 to 1\nScaled up replica set \2 from 1 to 2\nScaled down replica set \1 from 1 to 0\nScaled up replica set \2 from 2 to 3\n/,
  ],
  // Recreate: all old Pods terminate before any new Pod exists; then all new ones start together.
  'deploy-recreate': [
    /NAME[^\n]*\n(web-[0-9a-f]+-[a-z0-9]{5}\s+1\/1\s+Terminating[^\n]*\n)+\n/,
    /NAME[^\n]*\n(web-[0-9a-f]+-[a-z0-9]{5}\s+0\/1\s+ContainerCreating[^\n]*\n){3}\n/,
    /Scaled down replica set (web-[0-9a-f]+) from 3 to 0\nScaled up replica set (?!\1)web-[0-9a-f]+ from 0 to 3\n/,
  ],
  // Scaling creates no ReplicaSet and no revision.
  'deploy-scale': [
    /deployment\.apps\/nginx-deployment scaled/,
    /NAME[^\n]*\nnginx-deployment-[0-9a-f]+\s+0\s+0\s+0\s+\S+\nnginx-deployment-[0-9a-f]+\s+5\s+5\s+5\s+\S+\n\n/,
    /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n/,
  ],
  // minReadySeconds: Ready but not yet available at 8s; available at 30s.
  'deploy-min-ready': [/web\s+3\/3\s+3\s+0\s+8s\n/, /web\s+3\/3\s+3\s+3\s+30s\n/],
  // Rollback page: a template change makes revision 2, with the change-cause annotation copied to its ReplicaSet.
  'rollback-history': [
    /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+nginx 1\.16\.1\n/,
    /with revision #2\n[\s\S]*Image:\tnginx:1\.16\.1/,
  ],
  // nginx:1.91 does not exist: one new Pod in ImagePullBackOff, the three old Pods keep running, rollout stuck at 1 of 3.
  'rollback-bad-image': [
    /1 out of 3 new replicas have been updated/,
    /nginx-deployment-[0-9a-f]+-[a-z0-9]{5}\s+0\/1\s+(ImagePullBackOff|ErrImagePull)/,
    /(nginx-deployment-[0-9a-f]+-[a-z0-9]{5}\s+1\/1\s+Running[^\n]*\n){3}/,
    /Failed to pull image "nginx:1\.91": rpc error: code = NotFound/,
  ],
  // Past progressDeadlineSeconds: Progressing False/ProgressDeadlineExceeded while Available stays True.
  'rollback-deadline': [
    /Available\tTrue\tMinimumReplicasAvailable\nProgressing\tFalse\tProgressDeadlineExceeded\n/,
    /nginx-deployment\s+3\/3\s+1\s+3\s/,
    /error: deployment "nginx-deployment" exceeded its progress deadline/,
  ],
  // undo renumbers: 2 becomes 4 (1.16.1); --to-revision=1 makes 5 (1.14.2).
  'rollback-undo': [
    // The client dry run previews revision 2's template (1.16.1), hash label included, and changes nothing.
    /^deployment\.apps\/nginx-deployment Pod Template:\n {2}Labels:\tapp=nginx\n\tpod-template-hash=[0-9a-f]+\n[\s\S]*Image:\tnginx:1\.16\.1\n[\s\S]*\n \(dry run\)\n\ndeployment\.apps\/nginx-deployment rolled back\n/,
    /rolled back/,
    /nginx:1\.16\.1\s+app=nginx/,
    /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n3\s+nginx 1\.91\n4\s+nginx 1\.16\.1\n/,
    /REVISION\s+CHANGE-CAUSE\n3\s+nginx 1\.91\n4\s+nginx 1\.16\.1\n5\s+<none>\n/,
    /nginx:1\.14\.2\s+app=nginx/,
  ],
  // revisionHistoryLimit 2: only two old ReplicaSets remain, revision 1 is gone.
  'rollback-history-limit': [
    /NAME[^\n]*\n(web-[0-9a-f]+\s+\d[^\n]*\n){3}\n/,
    /REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n4\s+<none>\n/,
    /unable to find specified revision 1 in history/,
  ],
  // Paused: template edits wait, scaling applies to the current ReplicaSet; resume makes one new revision.
  'rollback-pause': [
    /deployment\.apps\/web resource requirements updated\n/,
    /deployment\.apps\/web env updated\n/,
    /NAME[^\n]*\nweb-[0-9a-f]+\s+4\s+4\s+4\s+\S+\n\n/,
    /: DeploymentPaused\n/,
    /resumed/,
    /NAME[^\n]*\nweb-[0-9a-f]+\s+4\s+4\s+4\s+\S+\nweb-[0-9a-f]+\s+0\s+0\s+0\s+\S+\n\n/,
    /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n/,
  ],
  // Rolling update: highest ordinal first, one at a time; every pod ends on the new revision; default partition 0.
  'sts-update-rolling': [
    /DELETED web-3\n[^\n]*ADDED web-3\n[^\n]*DELETED web-2\n[^\n]*ADDED web-2\n[^\n]*DELETED web-1\n[^\n]*ADDED web-1\n[^\n]*DELETED web-0\n[^\n]*ADDED web-0\n/,
    /partitioned roll out complete: 4 new pods have been updated\.\.\./,
    /web-3\s+1\/1\s+Running\s+0\s+\d+s\s+(web-[0-9a-f]+)\n[\s\S]*web-3\s+1\/1\s+Running\s+0\s+\d+s\s+(?!\1\n)web-[0-9a-f]+\n/,
  ],
  // Two ControllerRevisions; undo rolls the old template out again and renumbers it 3.
  'sts-update-history': [
    /web-[0-9a-f]+\s+statefulset\.apps\/web\s+2\s[\s\S]*web-[0-9a-f]+\s+statefulset\.apps\/web\s+1\s/,
    /revision #1\n[\s\S]*Image:\s+registry\.k8s\.io\/nginx-slim:0\.21/,
    /statefulset\.apps\/web rolled back/,
    /REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/,
  ],
  // OnDelete: nothing changes until web-0 is deleted; only web-0 comes back new.
  'sts-update-ondelete': [
    /web-0\tregistry\.k8s\.io\/nginx-slim:0\.21\nweb-1\tregistry\.k8s\.io\/nginx-slim:0\.21\nweb-2\tregistry\.k8s\.io\/nginx-slim:0\.21\n/,
    /rollout status is only available for RollingUpdate strategy type/,
    /web-0\tregistry\.k8s\.io\/nginx-slim:0\.24\nweb-1\tregistry\.k8s\.io\/nginx-slim:0\.21\nweb-2\tregistry\.k8s\.io\/nginx-slim:0\.21\n/,
    /\n1\/3\n/,
  ],
  // maxUnavailable is dropped in v1.34 (feature gate off).
  'sts-update-maxunavailable': [/\{"rollingUpdate":\{"partition":0\},"type":"RollingUpdate"\}/],
  // A broken revision stays stuck after undo; deleting the broken pod finishes the rollback.
  'sts-update-stuck': [
    /web-1\s+1\/1\s+Running[^\n]*\nweb-2\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+\S+\s+(web-[0-9a-f]+)\n/,
    /rolled back\n\nNAME[^\n]*\nweb-0\s+1\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running[^\n]*\nweb-2\s+0\/1\s+ImagePullBackOff\s/,
    /partitioned roll out complete: 3 new pods have been updated[\s\S]*web-2\s+1\/1\s+Running/,
  ],
  // partition = replicas: no pod changes, yet rollout status calls it complete; two revisions exist.
  'sts-partition-staging': [
    /web-0\tregistry\.k8s\.io\/nginx-slim:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21\nweb-3\t\S+:0\.21\n/,
    /partitioned roll out complete: 0 new pods have been updated\.\.\./,
    /(web-[0-9a-f]+) (?!\1\n)web-[0-9a-f]+\n/,
  ],
  // partition 3: only web-3 is updated.
  'sts-partition-canary': [
    /partitioned roll out complete: 1 new pods have been updated/,
    /web-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21\nweb-3\t\S+:0\.24\n/,
  ],
  // Deleted below the partition: back at the old revision; above it: the new one.
  'sts-partition-below': [
    /web-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21\nweb-3\t\S+:0\.24\n/,
    /web-1\s+1\/1\s+Running\s+0\s+\d+s\s+(web-[0-9a-f]+)\nweb-2\s[^\n]*\1\nweb-3\s+1\/1\s+Running\s+0\s+\d+s\s+(?!\1\n)web-[0-9a-f]+\n/,
  ],
  // Lowering the partition: 2 updates web-2 (ordinal = partition), 0 updates the rest.
  'sts-partition-phased': [
    /complete: 2 new pods[\s\S]*web-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.24\nweb-3\t\S+:0\.24\n/,
    /complete: 4 new pods[\s\S]*web-0\t\S+:0\.24\nweb-1\t\S+:0\.24\nweb-2\t\S+:0\.24\nweb-3\t\S+:0\.24\n/,
    /(web-[0-9a-f]+) \1\n/,
  ],
  // partition > replicas: nothing updates; scaled-up pods take their revision by ordinal.
  'sts-partition-beyond': [
    /image updated\n\nweb-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21\n\n/,
    /web-3\t\S+:0\.21\nweb-4\t\S+:0\.21\nweb-5\t\S+:0\.24\n/,
    /web\s+6\/6\s+\S+\s+nginx\s+registry\.k8s\.io\/nginx-slim:0\.24/,
  ],
  // Background cascade: all pods marked at once (no order); PVCs stay Bound.
  'sts-delete-background': [
    /deleted from default namespace\n\nNAME\s+READY[^\n]*\npod\/web-0\s+1\/1\s+Running/,
    /\+0\.0s \S+ web-0\n\+0\.0s \S+ web-1\n\+0\.0s \S+ web-2\n/,
    /www-web-0\s+Bound[\s\S]*www-web-1\s+Bound[\s\S]*www-web-2\s+Bound/,
  ],
  // Foreground cascade: the StatefulSet waits, with its finalizer, while all pods terminate.
  'sts-delete-foreground': [
    /\["foregroundDeletion"\] \d{4}-/,
    /statefulset\.apps\/web\s+3\/3[\s\S]*pod\/web-0\s+1\/1\s+Terminating[^\n]*\npod\/web-1\s+1\/1\s+Terminating[^\n]*\npod\/web-2\s+1\/1\s+Terminating/,
    /No resources found in default namespace\.\n*$/,
  ],
  // Orphans keep running without ownerReferences.
  'sts-delete-orphan': [/pod\/web-0\s+1\/1\s+Running\s+0\s+6m\d+s/, /web-0 ownerReferences: \(none\)/],
  // A re-created StatefulSet adopts the orphans without restarting them.
  'sts-delete-adopt': [
    /statefulset\.apps\/web\s+3\/3/,
    /pod\/web-0\s+1\/1\s+Running\s+0\s+7m\d+s/,
    /web-0 ownerReferences: StatefulSet\/web/,
    /\S+ true\n/,
  ],
  // replace is an update and refused; replace --force --cascade=orphan re-creates the set, which adopts the pods;
  // the old claims keep 1Gi and only the new ordinal's asks for 2Gi.
  'sts-delete-replace': [
    /The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec/,
    /statefulset\.apps "web" deleted from default namespace\nstatefulset\.apps\/web replaced\n/,
    /pod\/web-0\s+1\/1\s+Running\s+0\s+2m/,
    /www-web-0\s+Bound\s+\S+\s+1Gi[^\n]*\n[^\n]*www-web-1\s+Bound\s+\S+\s+1Gi[^\n]*\n[^\n]*www-web-2\s+Bound\s+\S+\s+2Gi/,
  ],
  // Scaling to 0 first stops the pods in reverse ordinal order.
  'sts-delete-scale-zero': [/web-2 → web-1 → web-0/, /web\s+0\/0/],
  // A partitioned node turns NotReady and is tainted unreachable; its pod still shows Running.
  'sts-force-partition': [
    /node-\d\s+NotReady/,
    /node\.kubernetes\.io\/unreachable:NoSchedule\nnode\.kubernetes\.io\/unreachable:NoExecute/,
    /web-1\s+1\/1\s+Running/,
  ],
  // After eviction the pod is stuck Terminating; no replacement; it still runs on the cut-off node.
  'sts-force-stuck': [
    /web-1\s+1\/1\s+Terminating/,
    /web\s+2\/3/,
    /node-\d\ttrue\tweb-1\tRunning\ttrue/,
    /violations: \[\]/,
  ],
  // Force delete: the warning, a replacement on another node, and two web-1 writing one claim.
  'sts-force-delete': [
    /Warning: Immediate deletion does not wait for confirmation/,
    /pod "web-1" force deleted/,
    /web-1\s+1\/1\s+Running\s+0\s+30s/,
    /\tfalse\t\S+\twww-web-1\ttrue\n[^\n]*\ttrue\t\S+\twww-web-1\tfalse/,
    /at-most-one violated: web-1 runs on node-\d and node-\d \(partitioned\)/,
    /at-most-one violated: ReadWriteOnce claim www-web-1 is mounted by/,
  ],
  // Healing the node: its kubelet kills the orphan; one web-1 is left.
  'sts-force-heal': [/node-3\s+Ready/, /node\s+podUid\s+inApi\s*\nnode-\d\s+\S+\s+true\s*\nviolations: \[\]/],
  // With local-path storage the replacement cannot start anywhere else.
  'sts-force-local-path': [
    /web-1\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/,
    /1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}, 2 node\(s\) had volume node affinity conflict/,
    /violations: \[\]/,
  ],
  // Deleting the Node object: PodGC frees web-1 after the 40 s quarantine; the cut-off machine still runs the old one.
  'sts-force-delete-node': [
    /node "node-\d" deleted\n/,
    /web-1\s+1\/1\s+Terminating\s+0\s+\S+\s+\S+\s+(node-\d)[\s\S]*web-1\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+(?!\1)node-\d/,
    /at-most-one violated: web-1 runs on node-\d and node-\d \(partitioned\)/,
  ],
  // Troubleshooting (docs/operations): a kept pod that is unready blocks an OrderedReady scale-down until it recovers.
  'trouble-scale-blocked': [
    /web-0\s+0\/1\s+Running[^\n]*\nweb-1\s+1\/1\s+Running[^\n]*\nweb-2\s+1\/1\s+Running/,
    /web\s+2\/1\s/,
    /Warning\s+Unhealthy\s[^\n]*Readiness probe failed/,
    /web-2 → web-1\n/,
    /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-0\s+1\/1\s+Running[^\n]*\n*$/,
  ],
  // A bad tag: ErrImagePull, then ImagePullBackOff; the rollout stops at one surge pod; undo restores three pods.
  // The event correlator: the tenth create of one reason is combined, creates past 25 are dropped; a pod retrying a
  // pull for 20 minutes shows its Pulling event stuck early on while the BackOff count keeps growing.
  'trouble-events-thinned': [
    /SuccessfulCreate\s[^\n]*create Pod web-8 in StatefulSet web successful\n/,
    /SuccessfulCreate\s+\S+ \(x\d+ over [^)]+\)\s+statefulset-controller\s+\(combined from similar events\): create Pod web-\d+ in StatefulSet web successful/,
    /Normal\s+Pulling\s+1\dm \(x\d over (1\d|20)m\)\s+kubelet/,
    /Normal\s+BackOff\s+\S+\s+\(x[3-9]\d over 1\dm\)\s+kubelet/,
  ],
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
    // kubectl logs --previous: what the run that exited printed.
    /\nstarting\n/,
  ],
  // The crash fault: restarted at once the first time; a second crash waits in CrashLoopBackOff, then runs again.
  'trouble-crash-fault': [
    /web\s+1\/1\s+Running\s+1 \(/,
    /web\s+0\/1\s+CrashLoopBackOff\s+1 \(/,
    /web\s+1\/1\s+Running\s+2 \(/,
  ],
  // A missing StorageClass: PVC and pod Pending with ProvisioningFailed and FailedScheduling; creating it binds.
  'trouble-too-many-pods': [
    /web\s+330\/340\s+340\s+330\s/,
    /node-1\s+110\nnode-2\s+110\nnode-3\s+110/,
    /\n10 pending\n/,
    /Warning\s+FailedScheduling\s[^\n]*0\/3 nodes are available: 3 Too many pods\. preemption: 0\/3 nodes are available: 3 No preemption victims found for incoming pod\./,
  ],
  'trouble-pending-pvc': [
    /pod\/app\s+0\/1\s+Pending/,
    /persistentvolumeclaim\/data\s+Pending\s/,
    /FailedScheduling\s[^\n]*pod has unbound immediate PersistentVolumeClaims/,
    /ProvisioningFailed\s[^\n]*storageclass\.storage\.k8s\.io "managed-nfs-storage" not found/,
    /The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation[^\n]*\n[\s\S]*- \tStorageClassName: &"managed-nfs-storage",\n\+ \tStorageClassName: &"standard",/,
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
  'api-pictures': [/Pods over time/, /StatefulSet topology/, /DNS records/],
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
  ],
  // Network identity: hostname/subdomain, per-pod A records, headless A and SRV records, a recreated pod's new
  // IP under the same name, not-ready pods leaving DNS until publishNotReadyAddresses, a Service per pod.
  'dns-records': [
    /web-0\tweb-0\tnginx\t10\.244\.\d+\.\d+\nweb-1\tweb-1\tnginx\t[\d.]+\nweb-2\tweb-2\tnginx\t[\d.]+\n/,
    /Name:\s+web-0\.nginx\nAddress 1: 10\.244\.\d+\.\d+ web-0\.nginx\.default\.svc\.cluster\.local\n\n/,
    /Name:\s+nginx\nAddress 1: [\d.]+ web-0\.nginx\.default\.svc\.cluster\.local\nAddress 2: [\d.]+ web-1\.nginx[^\n]*\nAddress 3: [\d.]+ web-2\.nginx/,
    /_web\._tcp\.nginx\.default\.svc\.cluster\.local SRV 0 33 80 web-0\.nginx\.default\.svc\.cluster\.local\n[^\n]*web-1[^\n]*\n[^\n]*web-2/,
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
  // expose refuses a StatefulSet; exposing a pod copies its revision hash, so after an update only the pod-name
  // Service still has an endpoint.
  'dns-expose-pod': [
    /^error: cannot expose a StatefulSet\.apps\n\nservice\/web-1 exposed\n/,
    /\{"app":"nginx","apps\.kubernetes\.io\/pod-index":"1","controller-revision-hash":"web-[0-9a-f]+","statefulset\.kubernetes\.io\/pod-name":"web-1"\}/,
    /statefulset\.apps\/web image updated/,
    /web-0-\w+\s+IPv4\s+80\s+10\.244\.\d+\.\d+\s[\s\S]*web-1-\w+\s+IPv4\s+<unset>\s+<unset>\s/,
  ],
  // Storage: one claim per pod on local-path volumes pinned to the pod's node; claims survive scale-down, pod and
  // StatefulSet deletion; the retention policy; a missing StorageClass; Retain vs Delete; rollback keeps claims.
  'storage-claims': [
    /www-web-0\s+Pending\s+standard\s/,
    /standard \(default\)\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer/,
    /web-0\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*web-1\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*web-2\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*www-web-0\s+Bound[\s\S]*www-web-2\s+Bound[\s\S]*www-web-1\tDelete\t\2\nwww-web-2\tDelete\t\3\nwww-web-0\tDelete\t\1\n/,
  ],
  'storage-data-follows': [
    /deleted from default namespace\n\nweb-0 reads web-0\nweb-1 reads web-1\nweb-2 reads web-2\n/,
    /cat: \/tmp\/note: No such file or directory\ncommand terminated with exit code 1/,
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
  // A NoExecute taint evicts web-0; recreated, it stays Pending (its local volume is on the tainted node) until the
  // taint goes, then runs on the same node again.
  // create deployment --dry-run=client prints the draft and creates nothing; applying it gets the defaults.
  'deploy-create-draft': [
    /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}labels:\n {4}app: nginx-deployment\n {2}name: nginx-deployment\nspec:\n {2}replicas: 3\n/,
    /\n {2}strategy: \{\}\n[\s\S]*\n {6}- image: nginx:1\.14\.2\n {8}name: nginx\n {8}ports:\n {8}- containerPort: 80\n {8}resources: \{\}\nstatus: \{\}\n/,
    /No resources found in default namespace\.\n[\s\S]*deployment\.apps\/nginx-deployment created/,
    /nginx-deployment\s+3\/3\s+3\s+3\s/,
    /\{"rollingUpdate":\{"maxSurge":"25%","maxUnavailable":"25%"\},"type":"RollingUpdate"\}/,
  ],
  // --dry-run=server: the answer carries the server's defaults, a uid and no resourceVersion; nothing is stored; an
  // invalid object gets the real validation error.
  'deploy-dry-run-server': [
    /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n[\s\S]*?\n {2}creationTimestamp: "[^"]+"\n {2}generation: 1\n(?:(?! {2}resourceVersion)[\s\S])*?\n {2}uid: [0-9a-f-]{36}\nspec:\n {2}progressDeadlineSeconds: 600\n {2}replicas: 3\n {2}revisionHistoryLimit: 10\n/,
    /\n {2}strategy:\n {4}rollingUpdate:\n {6}maxSurge: 25%\n {6}maxUnavailable: 25%\n {4}type: RollingUpdate\n/,
    /\n {6}terminationGracePeriodSeconds: 30\n/,
    /No resources found in default namespace\./,
    /The Deployment "nginx-deployment" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0/,
  ],
  // autoscale: no replicas until the first sync 15 s later, then up to minReplicas without metrics; within range the
  // missing metrics API leaves ScalingActive False and the warnings counted.
  'deploy-autoscale': [
    /horizontalpodautoscaler\.autoscaling\/nginx-deployment autoscaled/,
    /nginx-deployment\s+Deployment\/nginx-deployment\s+cpu: <unknown>\/80%\s+10\s+15\s+0\s+0s/,
    /nginx-deployment\s+\d+\/10\s+10\s/,
    /Deployment pods:\s+10 current \/ 10 desired/,
    /ScalingActive\s+False\s+FailedGetResourceMetric\s+the HPA was unable to compute the replica count/,
    /SuccessfulRescale\s[^\n]*New size: 10; reason: Current number of replicas below Spec\.MinReplicas/,
    /FailedGetResourceMetric\s+1s \(x3 over 31s\)/,
  ],
  // --record: the deprecation warning first, the command line as the change cause, and scale --record rewriting the
  // current revision's cause.
  'rollback-record': [
    /Flag --record has been deprecated, --record will be removed in the future\ndeployment\.apps\/nginx-deployment image updated/,
    /\n2 +kubectl set image deployment\.v1\.apps\/nginx-deployment nginx=nginx:1\.9\.1 --record=true\n/,
    /\n2 +kubectl scale deployment\/nginx-deployment --replicas=5 --record=true\n/,
  ],
  'storage-node-taint': [
    /web-0\s+1\/1\s+Running[^\n]*\s(node-\d)\s[\s\S]*node\/\1 tainted\n[\s\S]*web-0\s+0\/1\s+Pending[\s\S]*node\/\1 untainted\n[\s\S]*web-0\s+1\/1\s+Running[^\n]*\s\1\s/,
    /FailedScheduling\s+Pod\/web-0\s+0\/3 nodes are available: 1 node\(s\) had untolerated taint \{maintenance: now\}, 2 node\(s\) had volume node affinity conflict\./,
  ],
  // drain cordons, evicts web-1 and waits for it; the new web-1 stays Pending on its cordoned volume node until
  // uncordon.
  'storage-node-drain': [
    /node\/(node-\d) cordoned\nevicting pod default\/web-1\npod\/web-1 evicted\nnode\/\1 drained\n/,
    /web-1\s+0\/1\s+Pending/,
    /node\/(node-\d) uncordoned\n[\s\S]*web-1\s+1\/1\s+Running[^\n]*\s\1\s/,
  ],
  // A PDB of maxUnavailable 1: drain evicts web-1, is refused for web-2 until web-1 is back, then evicts it.
  'storage-node-drain-pdb': [
    /web-pdb\s+N\/A\s+1\s+1\s/,
    /node\/(node-\d) cordoned\nnode\/(node-\d) cordoned\nevicting pod default\/web-1\npod\/web-1 evicted\nnode\/\1 drained\nerror when evicting pods\/"web-2" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n(?:error when evicting[^\n]*\n)*evicting pod default\/web-2\npod\/web-2 evicted\nnode\/\2 drained\n/,
    /web-pdb\s+N\/A\s+1\s+0\s/,
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
