/**
 * `--import FILE`: loads a user's .ts or .js file (a plugin that registers optimizers, schedules or problems)
 * through the same loader as suite files, so both share this library's registries.
 */
export { importFile as loadUserModule } from '../core/import-file.ts';
