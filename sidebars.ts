import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  course: [
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
      ],
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
