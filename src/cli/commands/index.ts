import type { CommandModule } from 'yargs';
import { listCommand } from './list.ts';
import { problemCommand } from './problem.ts';
import { runCommand } from './run.ts';

// yargs' CommandModule is invariant in its argument types; the array only needs each module's shape.
export const commands = [listCommand, problemCommand, runCommand] as unknown as CommandModule[];
