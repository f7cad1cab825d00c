import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { inInterval, type ParamValues } from '../../src/core/params.ts';
import { builtinSchedules, schedules } from '../../src/schedules/index.ts';
import { createSchedule, defineSchedule, type ScheduleDef } from '../../src/schedules/schedule.ts';
import { context, flat, rates } from './helpers.ts';

const entries = Object.entries(builtinSchedules) as [string, ScheduleDef][];
const STEPS = 100;
/** A decreasing loss, 1/(1 + t), and a fixed parameter vector of norm √5.25. */
const LOSSES = Array.from({ length: STEPS }, (_, t) => 1 / (1 + t));
const PARAMS = new Float64Array([0.5, -1, 2]);

function run(def: ScheduleDef, hp: ParamValues = {}, seed = 3): number[] {
  return rates(createSchedule(def, context(0.1, STEPS, seed), hp), LOSSES, PARAMS);
}

describe.each(entries)('schedule %s (conformance)', (key, def) => {
  it('is registered under its own name', () => {
    expect(def.name).toBe(key);
    expect(schedules.get(key)).toBe(def);
  });

  it('has a description and a reference', () => {
    expect(def.description.trim()).not.toBe('');
    expect(def.reference.trim()).not.toBe('');
  });

  it('declares defaults and search ranges inside their own intervals', () => {
    for (const [name, spec] of Object.entries(def.params)) {
      if (spec.type !== 'number' && spec.type !== 'integer') continue;
      expect(inInterval(spec.default, spec.interval), `${name} default ${spec.default}`).toBe(true);
      if (spec.search) {
        expect(inInterval(spec.search.low, spec.interval), `${name} search low`).toBe(true);
        expect(inInterval(spec.search.high, spec.interval), `${name} search high`).toBe(true);
      }
    }
    // Passing the defaults explicitly must be accepted, as a round-tripped spec would.
    const defaults = Object.fromEntries(Object.entries(def.params).map(([name, spec]) => [name, spec.default]));
    expect(() => createSchedule(def, context(0.1, STEPS), defaults)).not.toThrow();
  });

  it('returns finite positive rates for t = 0 … 99 (defaults, lr 0.1, steps 100)', () => {
    const r = run(def);
    expect(r).toHaveLength(STEPS);
    r.forEach((rate, t) => {
      expect(Number.isFinite(rate), `t=${t}: ${rate}`).toBe(true);
      expect(rate, `t=${t}`).toBeGreaterThan(0);
    });
  });

  it('is deterministic: two instances created the same way give identical sequences', () => {
    expect(run(def)).toEqual(run(def));
  });

  it('rejects an unknown parameter, naming the schedule', () => {
    expect(() => createSchedule(def, context(), { no_such_parameter: 1 })).toThrow(OptbenchError);
    expect(() => createSchedule(def, context(), { no_such_parameter: 1 })).toThrow(`schedule ${key}`);
  });
});

describe('the schedule registry', () => {
  it('holds exactly the built-ins, in order', () => {
    expect(schedules.names()).toEqual(Object.keys(builtinSchedules));
    expect(schedules.names()).toEqual([
      'constant',
      'linear',
      'polynomial',
      'inverse-time',
      'exponential',
      'step',
      'cosine',
      'cosine-restarts',
      'one-cycle',
      'plateau',
      'param-norm',
      'random',
    ]);
  });

  it('suggests the closest name for an unknown one', () => {
    expect(() => schedules.get('cosin')).toThrow(OptbenchError);
    expect(() => schedules.get('cosin')).toThrow('unknown schedule "cosin" (did you mean "cosine"?)');
  });

  it('refuses a duplicate or empty name', () => {
    expect(() => schedules.register(builtinSchedules.cosine)).toThrow('schedule "cosine" is already registered');
    expect(() => schedules.register({ ...builtinSchedules.constant, name: '' })).toThrow(OptbenchError);
  });

  it('registers a user schedule through the same door, and createSchedule validates it the same way', () => {
    const halving = defineSchedule({
      name: 'test-halving',
      description: 'halves every step',
      reference: 'α_t = α₀/2^t',
      params: {},
      create: (_hp, { lr }) => ({ at: (t) => lr / 2 ** t }),
    });
    schedules.register(halving);
    expect(schedules.get('test-halving')).toBe(halving);
    expect(rates(createSchedule(schedules.get('test-halving'), context(1, 3)), flat(3))).toEqual([1, 0.5, 0.25]);
    expect(() => createSchedule(halving, context(), { gamma: 1 })).toThrow('schedule test-halving: unknown parameter "gamma"');
  });
});
