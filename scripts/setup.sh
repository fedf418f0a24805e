#!/usr/bin/env bash
# Installs what pressmon needs on a fresh machine: Node >= 22.18, the npm
# packages, Debian's Chromium (when root), and checks for a JDK >= 21 and Maven.
# Elasticsearch itself is downloaded by `pressmon es start` on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq >&2; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium (for browser-rendered sources and dashboard tests)" >&2
  apt_install chromium || { echo "setup: could not install chromium; run: apt-get install -y chromium" >&2; exit 1; }
fi

if [ -z "${PRESSMON_ES_URL:-}" ] && ! command -v mvn >/dev/null 2>&1; then
  echo "setup: installing Maven (downloads Elasticsearch from Maven Central)" >&2
  apt_install maven || { echo "setup: Maven is missing; run: apt-get install -y maven" >&2; exit 1; }
fi
