#!/usr/bin/env bash
# redis-server and PostgreSQL for tests/queue (each test starts its own on a free port in a temp
# dir and stops it). Installed from Debian only when absent; the services are not started here.
set -euo pipefail
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if [ "${#need[@]}" -eq 0 ]; then
  echo "redis-server and PostgreSQL already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
