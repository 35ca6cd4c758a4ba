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
  // Rolling update: highest ordinal first, one at a time; every pod ends on the new revision; default partition 0.
  'sts-update-rolling': [
    /DELETED web-3\n[^\n]*ADDED web-3\n[^\n]*DELETED web-2\n[^\n]*ADDED web-2\n[^\n]*DELETED web-1\n[^\n]*ADDED web-1\n[^\n]*DELETED web-0\n[^\n]*ADDED web-0\n/,
    /partitioned roll out complete: 4 new pods have been updated\.\.\./,
    /web-3\s+1\/1\s+Running\s+0\s+\d+s\s+(web-[0-9a-f]+)\n[\s\S]*web-3\s+1\/1\s+Running\s+0\s+\d+s\s+(?!\1\n)web-[0-9a-f]+\n/,
    /\[svg\]/,
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
  'sts-update-maxunavailable': [/\{"type":"RollingUpdate","rollingUpdate":\{"partition":0\}\}/],
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
    /\[svg\]/,
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
  'sts-force-heal': [/node-3\s+Ready/, /\[table node,podUid,inApi\]\nnode-\d\t\S+\ttrue\nviolations: \[\]/, /\[svg\]/],
  // With local-path storage the replacement cannot start anywhere else.
  'sts-force-local-path': [
    /web-1\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/,
    /1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}, 2 node\(s\) had volume node affinity conflict/,
    /violations: \[\]/,
  ],
};
