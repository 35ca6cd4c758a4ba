import type { Plugin } from '@docusaurus/types';

/** Packages that only some pages use, loaded on demand: never part of the chunk every page loads. */
const ON_DEMAND =
  /[\\/]node_modules[\\/](mermaid|@mermaid-js|cytoscape[^\\/]*|katex|dagre-d3-es|d3[^\\/]*|khroma|langium|chevrotain[^\\/]*|@codemirror|@lezer|esbuild-wasm)[\\/]/;

/**
 * Docusaurus puts every module shared by half of the pages' chunks into one `common` chunk that every page loads.
 * Mermaid's diagram types all share its parser, so on a site with few pages that parser (hundreds of KB) landed in
 * `common` and every page downloaded it before running anything. This keeps on-demand packages out of `common`;
 * they stay in the lazily loaded chunks of the component that needs them.
 */
export default function leanCommonChunk(): Plugin {
  return {
    name: 'lean-common-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              // The editor is hundreds of KB: in several scripts, each parsed in a task of its own, it never holds
              // up the page for long when the cells load it.
              editor: {
                test: /[\\/]node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt)[\\/]/,
                chunks: 'async',
                priority: 30,
                minSize: 0,
                maxSize: 100_000,
              },
              common: {
                test: (module: { nameForCondition?: () => string | null }) =>
                  !ON_DEMAND.test(module.nameForCondition?.() ?? ''),
              },
            },
          },
        },
      };
    },
  };
}
