// Access checks every use case starts with; the rules themselves live in ./policy/ (role × action × scope).
export {
  ACTIONS,
  type Action,
  allowedActions,
  can,
  hasRoleFor,
  requireAccess,
  schoolsWhere,
} from './policy/policy.ts';
