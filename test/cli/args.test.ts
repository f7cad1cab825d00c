import { describe, expect, it } from 'vitest';
import { numeric } from '../../src/cli/args.ts';

// Pure tests of the numeric-flag coercion (the spawned tests check the messages it leads to).
describe('numeric (the coercion of --lr, --steps, --seed, --batch-size)', () => {
  it('turns decimal text into numbers', () => {
    expect(numeric('0.1')).toBe(0.1);
    expect(numeric(' -1 ')).toBe(-1);
    expect(numeric('1e-3')).toBe(0.001);
    expect(numeric('2.5')).toBe(2.5);
    expect(numeric('1e400')).toBe(Infinity); // finite-ness is the validator's to refuse, naming the value
    expect(numeric(100)).toBe(100); // a default passes through
  });

  it('keeps text that is not a number, so that the error can name it (yargs would give NaN)', () => {
    expect(numeric('abc')).toBe('abc');
    expect(numeric('')).toBe('');
    expect(numeric('1,2')).toBe('1,2');
  });

  it('reads decimals only: hex, binary and octal literals stay text (Number() would read 0x10 as 16)', () => {
    expect(numeric('0x10')).toBe('0x10');
    expect(numeric('0b11')).toBe('0b11');
    expect(numeric('0o7')).toBe('0o7');
    expect(numeric('.5')).toBe(0.5);
    expect(numeric('5.')).toBe(5);
    expect(numeric('+2E3')).toBe(2000);
    expect(numeric('inf')).toBe(Infinity);
    expect(numeric('-Infinity')).toBe(-Infinity);
  });

  it('joins a repeated flag into text that is not a number', () => {
    expect(numeric([1, 2])).toBe('1,2');
  });
});
