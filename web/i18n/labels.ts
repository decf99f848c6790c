// The web app's access to the shared domain labels (src/domain/labels.ts): one hook that answers in the
// language the user chose. Screens never render a rule id, a timeline kind or "AM"/"PM" themselves.
import {
  AUDIT_ACTION_LABELS,
  CODE_LABELS,
  EVENT_KIND_LABELS,
  HALF_LABELS,
  halfDaySummary,
  labelOf,
  RELATION_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  TIMELINE_SOURCE_LABELS,
  TRACK_LABELS,
} from '../../src/domain/labels.ts';
import { useI18n } from './i18n.tsx';
import type { Language } from './translate.ts';

export function labelsFor(language: Language) {
  return {
    rule: (id: string) => labelOf(RULE_LABELS, id, language),
    code: (code: string) => labelOf(CODE_LABELS, code, language),
    half: (half: string) => labelOf(HALF_LABELS, half, language),
    eventKind: (kind: string) => labelOf(EVENT_KIND_LABELS, kind, language),
    timelineSource: (source: string) => labelOf(TIMELINE_SOURCE_LABELS, source, language),
    status: (status: string) => labelOf(STATUS_LABELS, status, language),
    track: (track: string) => labelOf(TRACK_LABELS, track, language),
    relation: (relation: string) => labelOf(RELATION_LABELS, relation, language),
    auditAction: (action: string) => labelOf(AUDIT_ACTION_LABELS, action, language),
    halfDaySummary: (summary: string) => halfDaySummary(summary, language),
  };
}

export type DomainLabels = ReturnType<typeof labelsFor>;

export function useLabels(): DomainLabels {
  const { language } = useI18n();
  return labelsFor(language);
}
