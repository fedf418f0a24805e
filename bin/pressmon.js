#!/usr/bin/env node
// Entry point of the `pressmon` command. Node >= 22.18 runs the TypeScript
// sources directly (type stripping), so there is no build step.
process.env.DOTENV_CONFIG_QUIET ??= 'true'; // natural loads dotenv and would print otherwise
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
