// The one visibility rule of the pupil file's confidential items (entries and documents), as SQL: an item is
// visible when its confidentiality level is one the reader reads, or when a valid consent (not revoked, valid
// until today or later) shares it with one of the reader's roles. The timeline, the documents list, a document's
// download, the exports and the edit history all use this fragment, so no read path can apply a different rule.

/** Placeholders (e.g. `$2`) of the three values the rule needs: text[] levels, the date today, text[] roles. */
export interface VisibilityParams {
  levels: string;
  today: string;
  roles: string;
}

/** The reader's side of the rule, as the use cases compute it (file-access.ts: readableLevels, consentSharing). */
export interface Visibility {
  levels: readonly string[];
  sharedWith: { roles: readonly string[]; today: string };
}

/** The parameter values for `VisibilityParams`, in the order levels, today, roles. */
export const visibilityValues = (v: Visibility) => [v.levels, v.sharedWith.today, v.sharedWith.roles];

const CONSENT_COLUMN = { entry: 'entry_id', document: 'document_id' } as const;

/** A valid consent shares the item `alias` (a file_entry or file_document row) with one of the roles. */
export const sharedByConsent = (
  kind: keyof typeof CONSENT_COLUMN,
  alias: string,
  p: Pick<VisibilityParams, 'today' | 'roles'>,
) =>
  `EXISTS (SELECT 1 FROM consent c WHERE c.${CONSENT_COLUMN[kind]} = ${alias}.id AND c.revoked_at IS NULL
            AND c.valid_until >= ${p.today}::date AND c.shared_with_roles && ${p.roles}::text[])`;

/** The item `alias` is visible to the reader: a readable level, or shared by a valid consent. */
export const visibleItem = (kind: keyof typeof CONSENT_COLUMN, alias: string, p: VisibilityParams) =>
  `(${alias}.confidentiality = ANY(${p.levels}::text[]) OR ${sharedByConsent(kind, alias, p)})`;
