import { didYouMean } from './closest.ts';
import { OptbenchError, show } from './errors.ts';

/**
 * A name → definition map that built-ins and users register into through the same door.
 * Lookups of unknown names fail with a suggestion; empty or duplicate names are refused.
 */
export class Registry<T extends { readonly name: string }> {
  readonly #items = new Map<string, T>();

  constructor(
    readonly kind: string,
    builtins: Readonly<Record<string, T>> = {},
  ) {
    for (const def of Object.values(builtins)) this.register(def);
  }

  register(def: T): T {
    const name = def?.name;
    if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9_.-]*$/i.test(name)) {
      throw new OptbenchError(`${this.kind} name must be a non-empty word (letters, digits, - _ .), got ${show(name)}`);
    }
    if (this.#items.has(name)) throw new OptbenchError(`${this.kind} "${name}" is already registered`);
    this.#items.set(name, def);
    return def;
  }

  get(name: string): T {
    const def = this.#items.get(name);
    if (def === undefined) {
      throw new OptbenchError(`unknown ${this.kind} "${name}"${didYouMean(name, this.#items.keys())}; known: ${this.names().join(', ')}`);
    }
    return def;
  }

  has(name: string): boolean {
    return this.#items.has(name);
  }

  names(): string[] {
    return [...this.#items.keys()];
  }

  all(): T[] {
    return [...this.#items.values()];
  }
}
