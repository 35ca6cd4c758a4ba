import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  course: [
    'overview',
    {
      type: 'category',
      label: 'Deployment',
      key: 'deployment',
      collapsed: false,
      items: ['deployment/in-depth', 'deployment/rollback'],
    },
    {
      type: 'category',
      label: 'StatefulSet',
      key: 'statefulset',
      collapsed: false,
      items: [
        'statefulset/basics',
        'statefulset/ordered-creation',
        'statefulset/network-identity',
        'statefulset/storage',
        'statefulset/updates',
        'statefulset/partitions',
        'statefulset/deletion',
        'statefulset/force-delete',
      ],
    },
    {
      type: 'category',
      label: '运维与排错',
      key: 'operations',
      collapsed: true,
      items: ['operations/troubleshooting'],
    },
    {
      type: 'category',
      label: '原理',
      key: 'internals',
      collapsed: true,
      items: ['internals/controllers'],
    },
    {
      type: 'category',
      label: '参考',
      key: 'reference',
      collapsed: true,
      items: ['reference/kubesim-api', 'reference/cli'],
    },
    {
      type: 'category',
      label: '使用本站',
      key: 'lab',
      collapsed: true,
      items: ['lab/cell-playground'],
    },
  ],
};

export default sidebars;
