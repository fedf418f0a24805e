#!/usr/bin/env bash
# The test command (README "Tests"): installs what is missing, then runs the
# static checks, the unit tests and the integration tests. The integration
# tests start the embedded Elasticsearch (downloading it the first time) and the
# fixture news site themselves, and stop what they started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/ensure-node.sh
export DOTENV_CONFIG_QUIET=true

npm run --silent check
# Quality floors (bench/baseline.json): extraction, language, topics, stories.
npm run --silent eval
npx vitest run "$@"
