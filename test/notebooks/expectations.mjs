// What each notebook must print, by code cell (0-based among code cells). The same checks apply to the Chinese and
// the English notebook, which share their code. Patterns describe real Kubernetes behaviour, not exact timings.
export const EXPECTATIONS = {
  '01-ordered-creation.ipynb': [
    { cell: 0, match: /service\/nginx created\nstatefulset\.apps\/web created/ },
    // One second in: only web-0, still creating its container.
    { cell: 1, match: /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-0\s+0\/1\s+ContainerCreating\s+0\s+1s\n/ },
    // Settled: three pods, in ordinal order, all Running with an IP on a node.
    {
      cell: 2,
      match:
        /web-0\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+node-\d\s.*\nweb-1\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+node-\d\s.*\nweb-2\s+1\/1\s+Running/,
    },
    { cell: 3, match: /statefulset\.apps\/web scaled[\s\S]*web-3\s+1\/1\s+Running[\s\S]*web-4\s+1\/1\s+Running/ },
    // Scale-down removes the highest ordinals first.
    { cell: 4, match: /web-4 -> web-3 -> web-2\n[\s\S]*web-0\s+1\/1\s+Running[\s\S]*web-1\s+1\/1\s+Running/ },
    { cell: 4, notMatch: /web-2\s+1\/1/ },
  ],
  '02-dns-identity.ipynb': [
    // Ordered creation: one second in, only web-0 exists.
    { cell: 0, match: /statefulset\.apps\/web created[\s\S]*\nweb-0\s+0\/1\s+ContainerCreating/ },
    { cell: 0, notMatch: /web-1/ },
    // Scaling keeps the ordinals; each pod's hostname is its name, its subdomain the Service.
    { cell: 1, match: /web-2\s+1\/1\s+Running[\s\S]*web-0: hostname=web-0 subdomain=nginx/ },
    // web-0.nginx resolves to web-0's pod IP through the search domains; the headless name lists every pod.
    { cell: 2, match: /Name:\s+web-0\.nginx\nAddress 1: 10\.244\.\d+\.\d+ web-0\.nginx\.default\.svc\.cluster\.local/ },
    { cell: 2, match: /Name:\s+nginx\n(Address \d: 10\.244\.\d+\.\d+ web-\d\.nginx\.default\.svc\.cluster\.local\n){3}/ },
    // After deleting web-0: a new pod, a new IP, the same name resolving to it.
    { cell: 3, match: /web-0 IP: (10\.244\.\d+\.\d+) -> (?!\1\n)10\.244\.\d+\.\d+\n/ },
    { cell: 3, match: /same pod object: false\nweb-0\.nginx resolves to (10\.244\.\d+\.\d+); matches the new IP: true/ },
    // SRV lists only Ready pods: web-1 drops out while unready and comes back.
    { cell: 4, match: /all ready:\n(80 web-\d\.nginx\.default\.svc\.cluster\.local\n){3}/ },
    { cell: 4, match: /web-1\s+0\/1\s+Running/ },
    {
      cell: 4,
      match: /web-1 unready:\n80 web-[02]\.nginx\.default\.svc\.cluster\.local\n80 web-[02]\.nginx\.default\.svc\.cluster\.local\nweb-1 ready again:\n(80 web-\d\.nginx\S*\n){3}/,
    },
  ],
  '03-partitioned-update.ipynb': [
    { cell: 0, match: /web-0\tregistry\.k8s\.io\/nginx-slim:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21/ },
    // Staging (partition = replicas): a new revision, no pod updated.
    { cell: 1, match: /image updated[\s\S]*web-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.21[\s\S]*current=(web-\w+) update=(?!\1\b)web-\w+/ },
    // Canary (partition = 2 of 3): only web-2 runs the new image.
    { cell: 2, match: /partitioned roll out complete: 1 new pods[\s\S]*web-0\t\S+:0\.21\nweb-1\t\S+:0\.21\nweb-2\t\S+:0\.24/ },
    // web-1 deleted below the partition comes back on the old image.
    { cell: 3, match: /pod "web-1" deleted[\s\S]*web-0 \S+:0\.21 [\s\S]*\nweb-1 \S+:0\.21 [\s\S]*\nweb-2 \S+:0\.24 / },
    // Phased rollout: partition 1 updates web-1, partition 0 web-0; the revisions converge.
    { cell: 4, match: /partition=1[\s\S]*web-0\t\S+:0\.21\nweb-1\t\S+:0\.24\nweb-2\t\S+:0\.24[\s\S]*partition=0[\s\S]*web-0\t\S+:0\.24\nweb-1\t\S+:0\.24\nweb-2\t\S+:0\.24/ },
    { cell: 4, match: /current=(web-\w+) update=\1\b/ },
  ],
  '04-force-delete.ipynb': [
    { cell: 0, match: /storageclass\.storage\.k8s\.io\/managed-nfs-storage created[\s\S]*www-web-1\s+Bound\s+\S+\s+1Gi\s+RWO\s+managed-nfs-storage/ },
    // Past the 50 s grace period: the node is NotReady and tainted unreachable, the pod still shows Running.
    { cell: 1, match: /web-1 runs on (node-\d)\n[\s\S]*\1\s+NotReady[\s\S]*node\.kubernetes\.io\/unreachable:NoExecute[\s\S]*web-1\s+1\/1\s+Running/ },
    // Past the 300 s eviction: stuck Terminating, no replacement, still running on the lost node.
    { cell: 2, match: /web-1\s+\S+\s+Terminating[\s\S]*web\s+2\/3[\s\S]*\(partitioned\)\s+\w+\s+web-1\s+nginx\s+\S+\s+Running\s+yes[\s\S]*violations: \[\]/ },
    // The force delete warns that the pod may keep running.
    { cell: 3, match: /Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated\. The resource may continue to run on the cluster indefinitely\.[\s\S]*pod "web-1" force deleted/ },
    { cell: 3, match: /web-1\s+1\/1\s+Running\s+0\s+\d+s/ },
    // Two running web-1 containers on two nodes with the same claim; violations name both breaches.
    { cell: 4, match: /running web-1 containers: 2, nodes: 2/ },
    { cell: 4, match: /web-1 Running on (node-\d) \(partitioned\) uid=\w+ claims=www-web-1 inApi=false\nweb-1 Running on (?!\1)node-\d uid=\w+ claims=www-web-1 inApi=true/ },
    { cell: 4, match: /at-most-one violated: web-1 runs on node-\d \(partitioned\) and node-\d/ },
    { cell: 4, match: /at-most-one violated: ReadWriteOnce claim www-web-1 is mounted by web-1 on node-\d \(partitioned\) and web-1 on node-\d/ },
    // Healing the node kills the orphan.
    { cell: 5, match: /running web-1 containers: 1 \(on node-\d\)\nviolations: \[\]/ },
    { cell: 5, notMatch: /NotReady/ },
  ],
  '05-deployment-rolling-update.ipynb': [
    // 25% of 10: maxSurge rounds up to 3, maxUnavailable down to 2; each rollout reaches but never passes its limits.
    { cell: 1, match: /maxSurge=25% maxUnavailable=25%: surge 3, unavailable 2; peak 13 \(limit 13\), min available 8 \(limit 8\)/ },
    { cell: 1, match: /maxSurge=1 maxUnavailable=0: surge 1, unavailable 0; peak 11 \(limit 11\), min available 10 \(limit 10\)/ },
    { cell: 1, match: /maxSurge=0 maxUnavailable=1: surge 0, unavailable 1; peak 10 \(limit 10\), min available 9 \(limit 9\)/ },
    { cell: 1, match: /maxSurge=50% maxUnavailable=0: surge 5, unavailable 0; peak 15 \(limit 15\)/ },
    { cell: 1, match: /maxSurge=0 maxUnavailable=50%: surge 0, unavailable 5; peak 10 \(limit 10\), min available 5 \(limit 5\)/ },
    { cell: 1, match: /^(.*within limits: true.*\n){6}$/ },
    { cell: 1, notMatch: /within limits: false/ },
    { cell: 3, match: /^6 charts\n$/ },
  ],
  '06-playground.ipynb': [
    { cell: 0, match: /statefulset\.apps\/web created\ndeployment\.apps\/app created[\s\S]*statefulset\.apps\/web\s+3\/3[\s\S]*deployment\.apps\/app\s+3\/3/ },
    { cell: 1, match: /web-2\s+1\/1\s+Running[\s\S]*Name:\s+web-0\.nginx/ },
    { cell: 2, match: /violations: \[\]/ },
    // An invalid manifest returns kubectl's error text instead of failing the cell.
    {
      cell: 3,
      match:
        /The Deployment "stuck" is invalid: spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0/,
    },
    { cell: 3, match: /Error from server \(NotFound\): pods "no-such-pod" not found[\s\S]*exit code 1: Error from server \(NotFound\): deployments\.apps "stuck" not found/ },
    // A thrown error is caught with its message, and the notebook runs to its last cell.
    { cell: 4, match: /error: pod "no-such-pod" not found in namespace "default"[\s\S]*still running: the notebook reached its last cell/ },
  ],
};
