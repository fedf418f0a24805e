# Sourced by the set-up scripts: puts a Node >= 22.18 first on PATH. When the
# machine's node is older, Node 24 comes from the npm registry's `node` package
# into the git-ignored .tools/ folder.
pressmon_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$pressmon_root/.tools/node_modules/.bin:$PATH"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}

if ! node_is_recent_enough; then
  echo "setup: node $(node --version 2>/dev/null || echo missing) is older than 22.18; installing Node 24 into .tools/" >&2
  npm install --prefix "$pressmon_root/.tools" --no-audit --no-fund node@24 >&2
  hash -r
  node_is_recent_enough || { echo "setup: could not provide Node >= 22.18" >&2; exit 1; }
fi
