import type { ParamValues } from '../core/params.ts';
import type { Space } from '../search/space.ts';
import { isDistribution } from '../search/space.ts';

/** 3 significant digits; exponent form below 1e-3 or from 1e5; "—" for null. */
export function num3(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(3))) : x.toExponential(2).replace('e+', 'e');
}

export function params(values: ParamValues): string {
  const entries = Object.entries(values);
  return entries.length === 0 ? '' : entries.map(([k, v]) => `${k}=${typeof v === 'number' ? num3(v) : v}`).join(', ');
}

export function space(values: Space): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return 'defaults';
  return entries
    .map(([k, v]) => {
      if (Array.isArray(v)) return `${k} ∈ {${v.map((x) => (typeof x === 'number' ? num3(x) : String(x))).join(', ')}}`;
      if (isDistribution(v)) return `${k} ~ ${v.kind}(${num3(v.low)}, ${num3(v.high)})`;
      return `${k}=${typeof v === 'number' ? num3(v) : String(v)}`;
    })
    .join('; ');
}

/** A GitHub-flavoured markdown table; cells must not contain newlines; pipes are escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
