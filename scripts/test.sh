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
# Quality floors (bench/baseline.json: extraction, language, topics, stories) over the
# third-party evaluation data beside the checkout; without it, the fixture-based
# quality tests in test/ still guard each stage.
if [ -d "${PRESSMON_EVAL_DATA:-../shared/data}" ]; then
  npm run --silent eval
else
  echo "eval: no evaluation data at ${PRESSMON_EVAL_DATA:-../shared/data}; quality floors checked by the fixture-based tests only"
fi
npx vitest run "$@"
