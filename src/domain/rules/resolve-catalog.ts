// Picks a rule catalog profile and applies a school's overrides of product defaults, with validation.
import { z } from 'zod';
import { ENGLAND_CATALOG } from './catalog-england.ts';
import type { LocalizedText, RuleCatalog, RuleDefinition } from './catalog-types.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';

export const CATALOG_PROFILES: Readonly<Record<string, RuleCatalog>> = {
  vlaanderen: VLAANDEREN_CATALOG,
  england: ENGLAND_CATALOG,
};

/** Per-school overrides: `{ RULE_ID: { parameter: value } }`, e.g. `{ LONG_ABSENCE: { threshold: 16 } }`. */
export type CatalogOverrides = Readonly<Record<string, Readonly<Record<string, number | boolean>>>>;

export const catalogOverridesSchema = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.boolean()])));

export interface CatalogProblem {
  /** Where the problem is, e.g. `LONG_ABSENCE.threshold`. */
  path: string;
  message: LocalizedText;
}

export type ResolveCatalogResult = { ok: true; catalog: RuleCatalog } | { ok: false; problems: CatalogProblem[] };

/** Thrown by resolveCatalogOrThrow; carries every problem so the caller can map it to problem+json. */
export class CatalogOverrideError extends Error {
  readonly problems: CatalogProblem[];
  constructor(problems: CatalogProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message.en}`).join('; '));
    this.name = 'CatalogOverrideError';
    this.problems = problems;
  }
}

export function findCatalog(profile: string): RuleCatalog | undefined {
  return Object.hasOwn(CATALOG_PROFILES, profile) ? CATALOG_PROFILES[profile] : undefined;
}

/**
 * Returns the catalog of a profile with the school's overrides applied. Only parameters marked
 * `product-default` can be changed (numbers from a law or guidance are not a school's choice), within their
 * bounds; unknown profiles, rules and parameters are reported, never ignored.
 */
export function resolveCatalog(profile: string | RuleCatalog, overrides: unknown = {}): ResolveCatalogResult {
  const base = typeof profile === 'string' ? findCatalog(profile) : profile;
  if (!base) {
    const known = Object.keys(CATALOG_PROFILES).join(', ');
    return {
      ok: false,
      problems: [
        {
          path: 'profile',
          message: {
            nl: `Onbekend regelprofiel "${String(profile)}" (bekend: ${known}).`,
            en: `Unknown rule profile "${String(profile)}" (known: ${known}).`,
          },
        },
      ],
    };
  }
  const parsed = catalogOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'overrides',
        message: {
          nl: `Ongeldige aanpassing: verwacht { REGEL_ID: { parameter: getal of waar/onwaar } } (${issue.message}).`,
          en: `Invalid override: expected { RULE_ID: { parameter: number or boolean } } (${issue.message}).`,
        },
      })),
    };
  }
  const problems: CatalogProblem[] = [];
  const byId = new Map(base.rules.map((r) => [r.id, r]));
  for (const [ruleId, values] of Object.entries(parsed.data)) {
    const rule = byId.get(ruleId);
    if (!rule) {
      problems.push({
        path: ruleId,
        message: {
          nl: `Onbekende regel "${ruleId}" in profiel ${base.profile}.`,
          en: `Unknown rule "${ruleId}" in profile ${base.profile}.`,
        },
      });
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      problems.push(...checkOverride(rule, name, value));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const rules = base.rules.map((rule): RuleDefinition => {
    const values = parsed.data[rule.id];
    if (!values) return rule;
    return { ...rule, params: { ...rule.params, ...values } } as RuleDefinition;
  });
  return { ok: true, catalog: { ...base, rules } };
}

export function resolveCatalogOrThrow(profile: string | RuleCatalog, overrides: unknown = {}): RuleCatalog {
  const result = resolveCatalog(profile, overrides);
  if (!result.ok) throw new CatalogOverrideError(result.problems);
  return result.catalog;
}

function checkOverride(rule: RuleDefinition, name: string, value: number | boolean): CatalogProblem[] {
  const path = `${rule.id}.${name}`;
  const origin = Object.hasOwn(rule.parameters, name) ? rule.parameters[name] : undefined;
  const current = (rule.params as Record<string, number | boolean>)[name];
  if (!origin || current === undefined) {
    const known = Object.keys(rule.parameters).join(', ') || '—';
    return [
      {
        path,
        message: {
          nl: `Regel ${rule.id} heeft geen parameter "${name}" (wel: ${known}).`,
          en: `Rule ${rule.id} has no parameter "${name}" (it has: ${known}).`,
        },
      },
    ];
  }
  if (origin.origin !== 'product-default') {
    return [
      {
        path,
        message: {
          nl: `${path} komt uit de bron (${rule.source}) en kan niet per school aangepast worden.`,
          en: `${path} comes from the source (${rule.source}) and cannot be changed per school.`,
        },
      },
    ];
  }
  if (typeof current !== typeof value) {
    return [
      {
        path,
        message: {
          nl: `${path} moet ${typeof current === 'boolean' ? 'waar of onwaar' : 'een getal'} zijn.`,
          en: `${path} must be ${typeof current === 'boolean' ? 'true or false' : 'a number'}.`,
        },
      },
    ];
  }
  if (typeof value === 'number') {
    const min = origin.min ?? 0;
    const max = origin.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isFinite(value) || value < min || value > max || (origin.integer && !Number.isInteger(value))) {
      const kind = origin.integer ? { nl: 'een geheel getal', en: 'an integer' } : { nl: 'een getal', en: 'a number' };
      return [
        {
          path,
          message: {
            nl: `${path} moet ${kind.nl} van ${min} tot ${max} zijn, niet ${value}.`,
            en: `${path} must be ${kind.en} from ${min} to ${max}, not ${value}.`,
          },
        },
      ];
    }
  }
  return [];
}
