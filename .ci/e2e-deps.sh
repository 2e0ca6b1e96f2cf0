#!/usr/bin/env bash
# Installs the Debian packages the real-VS-Code tests (test/e2e) need, for CI:
#   chromium     headless browser that opens code-server's workbench (playwright-core drives it)
#   ripgrep      code-server's @vscode/ripgrep gets Debian's rg instead of a GitHub download
#   libkrb5-dev  gssapi headers for VS Code server's kerberos addon (built from source)
#   make g++ python3  node-gyp, for the native addons (argon2, node-pty, kerberos, ...)
#   neovim       the Neovim editor test (test/editors/neovim.test.ts) runs docs/editors.md's config in it
#   emacs-nox elpa-eglot  the same for Emacs with Eglot, in batch mode (test/editors/emacs.test.ts;
#                Eglot is built into Emacs 29 and later)
# Idempotent; does nothing when everything is there. Needs root (or sudo).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if ! emacs --batch -q --eval "(require 'eglot)" >/dev/null 2>&1; then
  command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
  missing+=(elpa-eglot)
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e-deps: all Debian packages present"
  exit 0
fi

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "e2e-deps: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
echo "e2e-deps: installed ${missing[*]}"
