// Micro-benchmarks of the hot paths (STYLE.md §7: measure before and after). Plain ESM over the compiled library:
//   npm run bench   (= npm run build && node bench/run.js)
// Wall-clock numbers are machine-dependent; they are printed, never written into compared files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench, hrtimeNow } from 'tinybench';
import { createOptimizer, createProblem, mseLossAndGrad, normal, optimizers, problems, rng } from '../dist/index.js';

const DIMS = [10, 1e3, 1e5];
/** Each timed sample updates ~20,000 parameters (tens of µs), far above the timer resolution: small d repeats. */
const WORK_PER_SAMPLE = 20_000;
/** A rate so small that a million steps move no parameter noticeably: values stay O(1), no overflow. */
const TINY_LR = 1e-12;

function vector(d, seed, stream) {
  const random = rng(seed, stream);
  return Float64Array.from({ length: d }, () => normal(random));
}

/** rows of number[] → one row-major Float64Array (the layout mseLossAndGrad reads). */
function rowMajor(rows) {
  const cols = rows[0].length;
  const out = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => out.set(row, i * cols));
  return out;
}

const bench = new Bench({ name: 'optbench hot paths', time: 700, warmupTime: 150, timestampProvider: hrtimeNow });
/** name → { ops per timed sample, parameters per op (for ns/param), d } */
const meta = new Map();

function add(name, { reps, perParam, d }, fn) {
  meta.set(name, { reps, perParam, d });
  bench.add(name, fn);
}

// One optimizer step, every optimizer in the registry at three sizes, with its default hyperparameters. The
// gradient is fixed and non-zero; a stepper may write into it by contract, but only to add weight decay, 0 here.
for (const def of optimizers.all()) {
  const name = def.name;
  for (const d of DIMS) {
    const params = vector(d, 1, 'bench/params');
    const grad = vector(d, 1, 'bench/grad');
    const stepper = createOptimizer(def, d);
    const reps = Math.max(1, Math.round(WORK_PER_SAMPLE / d));
    // Call every stepper once before any is timed: V8 specialises a step function to its first closure's
    // constants while it is the only one called, which flatters whichever size runs first. A suite calls many
    // steppers of one optimizer, so the steady state worth measuring is the shared one.
    stepper.step(params, grad, TINY_LR);
    add(`${name}.step d=${d}`, { reps, perParam: d, d }, () => {
      for (let r = 0; r < reps; r++) stepper.step(params, grad, TINY_LR);
    });
  }
}

// One full-batch linear-regression evaluation at n = 1000, d = 20 (21 parameters with the bias):
// the problem's lossAndGrad from sufficient statistics, O(d²), against the direct O(n·d) pass over the data.
{
  const problem = createProblem(problems.get('linear-regression'), 0, { n: 1000, d: 20 });
  const json = problem.toJSON();
  const x = rowMajor(json.features);
  const y = Float64Array.from(json.targets);
  const cols = problem.dim;
  const n = json.targets.length;
  const params = Float64Array.from(problem.init);
  const grad = new Float64Array(cols);
  let sink = 0;
  add('linear-regression lossAndGrad (XᵀX form, O(d²))', { reps: 20, perParam: 0, d: cols }, () => {
    for (let r = 0; r < 20; r++) sink += problem.lossAndGrad(params, grad);
  });
  add('mseLossAndGrad direct (O(n·d), n=1000)', { reps: 1, perParam: 0, d: cols }, () => {
    sink += mseLossAndGrad(x, y, cols, params, grad, null, 0, n);
  });
  // A whole trial step as train() takes it: full-batch loss and gradient, then an Adam update.
  const stepper = createOptimizer(optimizers.get('adam'), cols);
  const walking = Float64Array.from(problem.init);
  add('full-batch step: lossAndGrad + adam.step', { reps: 20, perParam: 0, d: cols }, () => {
    for (let r = 0; r < 20; r++) {
      sink += problem.lossAndGrad(walking, grad);
      stepper.step(walking, grad, 1e-3);
    }
  });
  process.on('exit', () => {
    if (Number.isNaN(sink)) console.error('(a loss was NaN)'); // keeps the results observable
  });
}

const started = performance.now();
await bench.run();
const seconds = (performance.now() - started) / 1000;

const fmt = (x, digits = 3) => (x >= 100 ? x.toFixed(0) : x.toPrecision(digits));
const rows = bench.tasks.map((task) => {
  const { reps, perParam, d } = meta.get(task.name);
  const result = task.result;
  if (result.state !== 'completed') return { name: task.name, ns: result.state, perParam: '', ops: '', samples: '', rme: '' };
  const ns = (result.latency.mean * 1e6) / reps; // latency is in ms per timed sample of `reps` operations
  return {
    name: task.name,
    d: String(d),
    ns: fmt(ns),
    perParam: perParam > 0 ? fmt(ns / perParam) : '—',
    ops: fmt(1e9 / ns),
    samples: `${result.latency.samplesCount}×${reps}`,
    rme: `±${result.latency.rme.toFixed(1)}%`,
  };
});

const header = { name: 'task', d: 'params', ns: 'ns/op', perParam: 'ns/param', ops: 'ops/s', samples: 'samples×ops', rme: 'rme' };
const keys = Object.keys(header);
const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[header, ...rows].map((r) => String(r[k] ?? '').length))]));
const line = (r) => keys.map((k, i) => (i === 0 ? String(r[k] ?? '').padEnd(width[k]) : String(r[k] ?? '').padStart(width[k]))).join('  ');
console.log(`${bench.name} — Node ${process.version}, ${seconds.toFixed(1)} s`);
console.log(line(header));
console.log(keys.map((k) => '─'.repeat(width[k])).join('  '));
for (const r of rows) console.log(line(r));

// Workload W1 end to end (issue 5): `optbench suite bench-w1` as a user runs it, node start-up, report and charts
// included: 120 trials × 500 full-batch steps on linear regression n = 1000, d = 20. Target: ≤ 1.0 s with 2 workers.
{
  const W1_STEPS = 120 * 500;
  const out = mkdtempSync(join(tmpdir(), 'optbench-w1-'));
  const w1 = new Bench({ name: 'W1 end to end', iterations: 7, time: 0, warmupIterations: 1, warmupTime: 0, timestampProvider: hrtimeNow });
  const suite = (workers) => {
    const run = spawnSync(process.execPath, ['bin/optbench.js', 'suite', 'bench-w1', '--workers', String(workers), '--out', out, '--quiet'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
  };
  for (const workers of [1, 2]) w1.add(`optbench suite bench-w1 --workers ${workers}`, () => suite(workers));
  // A first run: the suite's bundle not yet in node_modules/.cache/optbench (src/core/bundle-cache.ts).
  w1.add('  the same, suite bundle not cached', () => {
    rmSync('node_modules/.cache/optbench', { recursive: true, force: true });
    suite(2);
  });
  await w1.run();
  rmSync(out, { recursive: true, force: true });
  console.log(`\n${w1.name} (${W1_STEPS.toLocaleString('en-US')} steps; ${w1.tasks[0].result.latency?.samplesCount ?? 0} runs each)`);
  for (const task of w1.tasks) {
    const { latency, state } = task.result;
    if (state !== 'completed') {
      console.log(`${task.name}: ${state} ${task.result.error ?? ''}`);
      continue;
    }
    const median = latency.p50 / 1000; // ms → s
    console.log(`${task.name.padEnd(40)}  median ${median.toFixed(2)} s  (min ${(latency.min / 1000).toFixed(2)}, max ${(latency.max / 1000).toFixed(2)})  ${fmt(W1_STEPS / median)} steps/s`);
  }
}
