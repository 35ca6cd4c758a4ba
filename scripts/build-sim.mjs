// Compiles src/sim (the simulator core) into src/sim/dist with type declarations, so that
// `import { Cluster } from "kubesim"` resolves through node_modules/kubesim (a link to src/sim) in notebooks and
// the CLI. It compiles with the TypeScript that tslab bundles (5.0), which also proves the core stays within
// TypeScript 5.0 syntax. Runs on `npm ci` / `npm install` (postinstall).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

function loadTypeScript() {
  try {
    const fromTslab = createRequire(require.resolve('tslab/package.json'));
    return fromTslab('@tslab/typescript-for-tslab');
  } catch {
    return require('typescript');
  }
}

const ts = loadTypeScript();
const configPath = path.join(root, 'src/sim/tsconfig.json');
const config = ts.readConfigFile(configPath, ts.sys.readFile);
if (config.error) {
  console.error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  process.exit(1);
}
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
const program = ts.createProgram(parsed.fileNames, parsed.options);
const result = program.emit();
const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
if (diagnostics.length > 0) {
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  console.error(`build-sim: ${diagnostics.length} error(s) compiling src/sim with TypeScript ${ts.version}`);
  process.exit(1);
}
console.log(`build-sim: compiled ${parsed.fileNames.length} files of src/sim with TypeScript ${ts.version}`);
