#!/usr/bin/env node
// Entry point of the `pressmon` command. Node >= 22.18 runs the TypeScript
// sources directly (type stripping), so there is no build step.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `pressmon: needs Node.js >= 22.18, this is ${process.version}; run \`bash scripts/setup.sh\` ` +
      '(it installs Node 24 into .tools/) and put .tools/node_modules/.bin first on PATH\n',
  );
  process.exit(1);
}
process.env.DOTENV_CONFIG_QUIET ??= 'true'; // natural loads dotenv and would print otherwise
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
