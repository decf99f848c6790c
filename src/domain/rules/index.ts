// Public API of the signals engine (knipperlichten): catalogs, input builders, evaluation and signals.

export { ENGLAND_CATALOG } from './catalog-england.ts';
export type * from './catalog-types.ts';
export { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
export { CatalogCompileError, type CompiledCatalog, compileCatalog } from './compiled-catalog.ts';
export {
  assertCurrent,
  type EvaluateOptions,
  type EvidenceFacts,
  evaluateTable,
  SignalBuffers,
  type SignalTable,
} from './engine.ts';
export { CompiledCalendar, compileCalendar, compileCalendarFromSlots, slotOf } from './engine-calendar.ts';
export {
  buildEngineInput,
  type CalendarRecord,
  createEngineInput,
  type EngineColumns,
  type EngineInput,
  EngineInputError,
  type EngineInputProblem,
  type EngineRecords,
  LEVEL_CODES,
  NO_DAY,
  OPEN_END,
  OPEN_START,
  type PupilLevel,
  type PupilRecord,
  pupilIndexesOf,
  type RegisterRecord,
} from './engine-input.ts';
export {
  CATALOG_PROFILES,
  CatalogOverrideError,
  type CatalogOverrides,
  type CatalogProblem,
  catalogOverridesSchema,
  findCatalog,
  type ResolveCatalogResult,
  resolveCatalog,
  resolveCatalogOrThrow,
} from './resolve-catalog.ts';
export {
  type EvidenceHalfDay,
  EvidenceJson,
  evaluate,
  evidenceHalfDays,
  explanationAt,
  lastingEvidence,
  type Signal,
  signalAt,
  signalHeadAt,
  signalWithoutExplanation,
  toSignals,
} from './signals.ts';
