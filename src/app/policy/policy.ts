// The one access policy (role × action × scope), composed from the per-area policy files. Deny by default.
import type { Membership, Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { forbidden } from '../errors.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { careMeetingPolicy } from './care-meeting.policy.ts';
import { clbInboxPolicy } from './clb-inbox.policy.ts';
import { fileTransferPolicy } from './file-transfer.policy.ts';
import { importsPolicy } from './imports.policy.ts';
import { lopPolicy } from './lop.policy.ts';
import { medicalPolicy } from './medical.policy.ts';
import { monitorPolicy } from './monitor.policy.ts';
import { notesPolicy } from './notes.policy.ts';
import { notificationsPolicy } from './notifications.policy.ts';
import { partialSchoolingPolicy } from './partial-schooling.policy.ts';
import type { Reach, Scope } from './predicates.ts';
import { pupilFilePolicy } from './pupil-file.policy.ts';
import { pupilsPolicy } from './pupils.policy.ts';
import type { Rule } from './rule.ts';
import { schoolsPolicy } from './schools.policy.ts';
import { selfscanPolicy } from './selfscan.policy.ts';
import { signalsPolicy } from './signals.policy.ts';

/** Add a new area's policy file here; its keys become actions routes and use cases can name. */
export const POLICY = {
  ...schoolsPolicy,
  ...pupilsPolicy,
  ...importsPolicy,
  ...notesPolicy,
  ...accountsPolicy,
  ...signalsPolicy,
  ...selfscanPolicy,
  ...monitorPolicy,
  ...pupilFilePolicy,
  ...notificationsPolicy,
  ...careMeetingPolicy,
  ...partialSchoolingPolicy,
  ...clbInboxPolicy,
  ...medicalPolicy,
  ...fileTransferPolicy,
  ...lopPolicy,
} as const;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];
export const isAction = (value: string): value is Action => Object.hasOwn(POLICY, value);

/** The outcome of a check: denied, allowed whole, or allowed only for pupils of some classes. */
export type Access = { allowed: false } | { allowed: true; classNames: 'all' | string[] };

function reachOf(rules: readonly Rule[], membership: Membership, scope: Scope): Reach {
  let classes: string[] | null = null;
  for (const rule of rules) {
    if (!rule.roles.includes(membership.role)) continue;
    const reach = rule.when(membership, scope);
    if (reach === 'all') return 'all';
    if (reach !== false) classes = [...(classes ?? []), ...reach];
  }
  return classes ?? false;
}

/** What the actor may do: the union over its memberships of the rules for the action. */
export function accessFor(actor: Actor, action: Action, scope: Scope = {}): Access {
  if (actor.kind === 'system') return { allowed: true, classNames: 'all' };
  const rules: readonly Rule[] = POLICY[action] ?? [];
  const classes = new Set<string>();
  let reached = false;
  for (const membership of actor.memberships) {
    const reach = reachOf(rules, membership, scope);
    if (reach === 'all') return { allowed: true, classNames: 'all' };
    if (reach !== false) {
      reached = true;
      for (const name of reach) classes.add(name);
    }
  }
  return reached ? { allowed: true, classNames: [...classes].sort() } : { allowed: false };
}

export const can = (actor: Actor, action: Action, scope: Scope = {}): boolean =>
  accessFor(actor, action, scope).allowed;

/** Every use case starts here: throws 403 unless the policy allows the action on the scope. */
export function requireAccess(actor: Actor, action: Action, scope: Scope = {}): Exclude<Access, { allowed: false }> {
  const access = accessFor(actor, action, scope);
  if (!access.allowed) throw forbidden();
  return access;
}

/** Whether any of the actor's roles appears in the action's rules at all (the coarse check before parsing). */
export function hasRoleFor(actor: Actor, action: Action): boolean {
  if (actor.kind === 'system') return true;
  const rules: readonly Rule[] = POLICY[action] ?? [];
  return actor.memberships.some((m) => rules.some((rule) => rule.roles.includes(m.role)));
}

/** The schools on which the action is allowed (at least partly), for lists; 'all' for the system. */
export function schoolsWhere(actor: Actor, action: Action): number[] | 'all' {
  if (actor.kind === 'system') return 'all';
  const ids = new Set<number>();
  for (const m of actor.memberships)
    for (const schoolId of m.schoolIds) if (can(actor, action, { schoolId })) ids.add(schoolId);
  return [...ids].sort((a, b) => a - b);
}

/** The organisations on which the action is allowed, e.g. where the actor is beheerder. */
export function organisationsWhere(actor: Actor, action: Action): number[] | 'all' {
  if (actor.kind === 'system') return 'all';
  const ids = new Set<number>();
  for (const m of actor.memberships)
    if (can(actor, action, { organisationId: m.organisationId })) ids.add(m.organisationId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * The actions the actor may take somewhere: on one of its organisations or on a school one of them reaches. The web
 * app builds its menu and start page from this (and from the per-school actions of the school list), so it never
 * offers a page the policy refuses.
 */
export function allowedActions(actor: Actor): Action[] {
  if (actor.kind === 'system') return [...ACTIONS];
  return ACTIONS.filter((action) =>
    actor.memberships.some(
      (m) =>
        can(actor, action, { organisationId: m.organisationId }) ||
        m.schoolIds.some((schoolId) => can(actor, action, { schoolId })),
    ),
  );
}

/** The roles through which the actor reaches the scope for an action (e.g. which note levels it may read). */
export function rolesReaching(actor: Actor, action: Action, scope: Scope): Role[] {
  const roles = new Set<Role>();
  for (const membership of actor.memberships)
    if (reachOf(POLICY[action] ?? [], membership, scope) === 'all') roles.add(membership.role);
  return [...roles];
}
