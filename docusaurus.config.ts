import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import liveCells from './src/remark/live-cells';
import notebooksStatic from './src/plugins/notebooks-static';
import quizBank from './src/plugins/quiz-bank';
import leanCommonChunk from './src/plugins/lean-common-chunk';

// Workload Lab: Chinese (zh-Hans) is the default locale, served at /; English is served at /en/.
const config: Config = {
  title: 'Workload Lab',
  tagline: 'Deployment vs StatefulSet, learned by running a simulated control plane',
  favicon: 'img/favicon.svg',
  url: 'https://workload-lab.example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw' },
    // Explicit `{#id}` heading ids keep anchors identical in both languages.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    mermaid: true,
  },
  future: { v4: true, faster: true },
  i18n: {
    defaultLocale: 'zh-Hans',
    locales: ['zh-Hans', 'en'],
    localeConfigs: {
      'zh-Hans': { label: '简体中文', htmlLang: 'zh-Hans' },
      en: { label: 'English', htmlLang: 'en' },
    },
  },
  plugins: [notebooksStatic, quizBank, leanCommonChunk],
  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        // Both languages are indexed, so 无头服务 and "headless" both find the chapter.
        language: ['en', 'zh'],
        hashed: true,
        indexBlog: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
      },
    ],
  ],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [liveCells],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
    navbar: {
      title: 'Workload Lab',
      logo: { alt: 'Workload Lab', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'course', position: 'left', label: '课程' },
        { to: '/quiz', position: 'left', label: '面试练习' },
        { type: 'localeDropdown', position: 'right' },
        { type: 'search', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'Workload Lab · Kubernetes 是 Linux 基金会的注册商标。',
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'yaml', 'json'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
