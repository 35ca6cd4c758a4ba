import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

const LANGS = ['zh', 'en'];

/**
 * Makes the Jupyter notebooks downloadable from the site: after each build, copies notebooks/zh and notebooks/en
 * into `<outDir>/notebooks/`, so that chapter pages can link to `pathname:///notebooks/zh/NAME.ipynb`.
 */
export default function notebooksStatic(context: LoadContext): Plugin {
  return {
    name: 'notebooks-static',
    postBuild({ outDir }) {
      for (const lang of LANGS) {
        const from = path.join(context.siteDir, 'notebooks', lang);
        if (!existsSync(from)) continue;
        cpSync(from, path.join(outDir, 'notebooks', lang), {
          recursive: true,
          filter: (source) => !source.includes('.ipynb_checkpoints'),
        });
      }
    },
  };
}
