// Signals with legal weight close only through their route (the rule catalog's `closedBy`): a recorded entry of one
// of the named pupil-file kinds, never a free note (docs/rules.md "Closing routes").
import { CATALOG_PROFILES } from '../rules/resolve-catalog.ts';
import { interventionKind } from './intervention-kinds.ts';

const ROUTES = new Map<string, readonly string[]>();
const FOR_CLASS_TEACHER = new Set<string>();
for (const catalog of Object.values(CATALOG_PROFILES))
  for (const rule of catalog.rules) {
    if (rule.closedBy) ROUTES.set(rule.id, rule.closedBy);
    if (rule.addressedTo?.includes('class-teacher')) FOR_CLASS_TEACHER.add(rule.id);
  }

/** Whether the rule's action names the class teacher (catalog `addressedTo`): a leerkracht may follow it up. */
export const addressedToClassTeacher = (ruleId: string): boolean => FOR_CLASS_TEACHER.has(ruleId);

/** The pupil-file kinds whose entry may close a signal of this rule; undefined: any recorded follow-up. */
export const closingRouteOf = (ruleId: string): readonly string[] | undefined => ROUTES.get(ruleId);

/** Whether an entry of `kind` (none: a free note) may close a signal of `ruleId`. */
export const closesSignal = (ruleId: string, kind: string | undefined): boolean => {
  const route = ROUTES.get(ruleId);
  return route === undefined || (kind !== undefined && route.includes(kind));
};

/** The refusal, in Dutch and English, naming the route (e.g. "de CLB-signalering"). */
export function closingRouteMessage(ruleId: string): { nl: string; en: string } {
  const route = ROUTES.get(ruleId) ?? [];
  const names = (language: 'nl' | 'en') =>
    route.map((kind) => `"${interventionKind(kind)?.[language] ?? kind}"`).join(language === 'nl' ? ' of ' : ' or ');
  return {
    nl: `Het wettelijke signaal ${ruleId} sluit je niet af met een vrije notitie. Gebruik in het leerlingendossier: ${names('nl')}.`,
    en: `The legal signal ${ruleId} cannot be closed with a free note. Use in the pupil file: ${names('en')}.`,
  };
}

/** The rules whose signals an entry of `kind` closes (e.g. `clb-signal`: B5_CLB and the K5 rules). */
export const rulesClosedBy = (kind: string): string[] =>
  [...ROUTES].filter(([, route]) => route.includes(kind)).map(([ruleId]) => ruleId);
