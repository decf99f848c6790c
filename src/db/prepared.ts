// Statements that run on (nearly) every request, prepared once per PostgreSQL connection (issue 16). A module of
// its own, without imports, so repositories can mark their statements while the modules load.

/** Statement texts with their names. */
const names = new Map<string, string>();

/**
 * Marks a statement that runs on (nearly) every request: on PostgreSQL each connection parses and plans it once
 * and then only binds and runs it, instead of receiving and parsing the text every time. Returns the text. Only
 * for fixed texts (a text built per call would prepare a new statement each time). PGlite ignores it.
 */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `aanwezig_${names.size + 1}`);
  return text;
}

/** The name of a prepared statement text, or undefined for any other text. */
export const preparedName = (text: string): string | undefined => names.get(text);
