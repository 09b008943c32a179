#!/usr/bin/env node
// The package's `metacity-twin` command: the same CLI as `npm run tools --`, for `npx metacity-twin …`
// or a global install. TypeScript sources run through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
