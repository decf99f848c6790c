// The rule catalog the signals are computed with.
import { type RuleCatalog, VLAANDEREN_CATALOG } from '../../domain/rules/index.ts';

/** The catalog in force. (Per-school overrides of product defaults are resolved here once they are stored.) */
export function activeCatalog(): RuleCatalog {
  return VLAANDEREN_CATALOG;
}
