import type { CommandModule } from 'yargs';
import { checkCommand } from './check.ts';
import { listCommand } from './list.ts';
import { mergeCommand } from './merge.ts';
import { problemCommand } from './problem.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { suiteCommand } from './suite.ts';

// yargs' CommandModule is invariant in its argument types; the array only needs each module's shape.
export const commands = [suiteCommand, checkCommand, mergeCommand, reportCommand, runCommand, problemCommand, listCommand] as unknown as CommandModule[];
