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
};
