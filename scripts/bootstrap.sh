#!/usr/bin/env bash
# Installs what the project needs into the project itself (.tools/), never globally:
# Node 24 from the npm registry when the machine's node is older, pnpm when missing,
# then the workspace's dependencies from the lockfile. Safe to run again: it skips what is there.
# Prints the PATH to use; callers run: eval "$(scripts/bootstrap.sh)".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
node_major_wanted=24
pnpm_version=10.34.8

say() { echo "bootstrap: $*" >&2; }

# .tools keeps its own package.json, so a later install adds to what an earlier one put there.
npm_tools_install() {
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  npm install --prefix "$tools" --save --no-audit --no-fund --loglevel=error "$@" >&2
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

mkdir -p "$tools"
export PATH="$tools/node_modules/.bin:$PATH"

if ! command -v node >/dev/null || [ "$(node_major node)" -lt "$node_major_wanted" ]; then
  command -v npm >/dev/null || { say "npm is needed to install Node $node_major_wanted"; exit 1; }
  say "installing Node $node_major_wanted into .tools (machine has $(node --version 2>/dev/null || echo none))"
  npm_tools_install "node@$node_major_wanted"
  hash -r
  [ "$(node_major node)" -ge "$node_major_wanted" ] || { say "Node $node_major_wanted did not install"; exit 1; }
fi

if ! command -v pnpm >/dev/null; then
  say "installing pnpm $pnpm_version into .tools"
  npm_tools_install "pnpm@$pnpm_version"
  hash -r
fi

stamp="$root/node_modules/.bootstrap-stamp"
if [ ! -f "$stamp" ] || [ "$root/pnpm-lock.yaml" -nt "$stamp" ]; then
  say "installing workspace dependencies"
  (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only >&2)
  touch "$stamp"
fi

echo "export PATH=\"$tools/node_modules/.bin:\$PATH\""
