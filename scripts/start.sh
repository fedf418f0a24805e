#!/usr/bin/env bash
# The main job (README "Quick start"): installs what is missing, starts the
# embedded Elasticsearch unless PRESSMON_ES_URL names an external cluster,
# crawls every configured source once and indexes what it finds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/ensure-node.sh
export DOTENV_CONFIG_QUIET=true
exec node bin/pressmon.js run "$@"
