import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  course: [
    {
      type: 'category',
      label: 'StatefulSet',
      key: 'statefulset',
      collapsed: false,
      items: ['statefulset/ordered-creation'],
    },
  ],
};

export default sidebars;
