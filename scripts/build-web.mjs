// Bundles the web extension (vscode.dev, github.dev) with esbuild: the language server as a web
// worker (dist/web/server.js, an IIFE) and the browser client (dist/web/client.js, CommonJS for
// VS Code's web extension host), both minified. The build fails when anything pulls in a Node
// built-in module: nothing of the machine exists in a browser.
import { build } from 'esbuild';
import { isBuiltin } from 'node:module';

/** Fails the build on any import of a Node built-in (`fs`, `node:path`, ...), naming the importer. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!isBuiltin(args.path)) return undefined;
      return { errors: [{ text: `the web bundles must not use Node: '${args.path}' imported by ${args.importer}` }] };
    });
  },
};

const common = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  plugins: [noNodeBuiltins],
};

const entries = [
  { entryPoints: ['server/src/browser-server.ts'], outfile: 'dist/web/server.js', format: 'iife' },
  { entryPoints: ['client/src/browser-client.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
];

export const WEB_OUTFILES = entries.map((e) => e.outfile);

/** Development builds get linked source maps; a release build (what ships) gets none. */
export function buildWeb({ release = false } = {}) {
  return Promise.all(entries.map((e) => build({ ...common, sourcemap: !release, ...e })));
}
