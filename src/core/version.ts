import { readFileSync } from 'node:fs';

/** optbench's own version (package.json), recorded in shard files so that merge refuses mixed code. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
