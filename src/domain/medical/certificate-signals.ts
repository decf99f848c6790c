// The certificate checks as signals (catalog rules of kind `certificate`): one signal per rule and pupil with the
// findings as facts and a sentence from the rule's template. recompute-signals stores them beside the engine's.
import { formatBelgianDate } from '../half-day.ts';
import type { CertificateRule, LocalizedText, RuleCatalog } from '../rules/catalog-types.ts';
import type { EvidenceFacts, Signal } from '../rules/signals.ts';
import {
  type CertificateCheckInput,
  type CertificateFinding,
  certificateDays,
  checkCertificates,
  FINDING_LABELS,
  FINDING_RULE,
} from './certificates.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function certificateRules(catalog: RuleCatalog): CertificateRule[] {
  return catalog.rules.filter((r): r is CertificateRule => r.kind === 'certificate');
}

/** The signals the certificate rules of the catalog raise for one pupil in one school year. */
export function certificateSignals(catalog: RuleCatalog, pupilId: string, input: CertificateCheckInput): Signal[] {
  const findings = checkCertificates(input);
  const out: Signal[] = [];
  for (const rule of certificateRules(catalog)) {
    const own = findings.filter((f) => FINDING_RULE[f.kind] === rule.id);
    const first = own.reduce<CertificateFinding | undefined>(
      (a, f) => (a === undefined || f.on < a.on ? f : a),
      undefined,
    );
    if (!first) continue;
    const facts: Record<string, number | string | boolean> = {};
    for (const f of own) facts[f.kind] = ((facts[f.kind] as number | undefined) ?? 0) + Math.max(f.halfDays.length, 1);
    const certificate = input.certificates.find((c) => c.id === first.certificateId);
    if (certificate) {
      facts.certificateId = certificate.id;
      facts.from = certificate.from;
      facts.to = certificate.to;
    }
    const detail = (language: 'nl' | 'en') =>
      [...new Set(own.map((f) => f.kind))]
        .map((kind) => {
          const n = facts[kind] as number;
          return kind === 'doubt' || kind === 'long'
            ? FINDING_LABELS[kind][language]
            : `${n} × ${FINDING_LABELS[kind][language]}`;
        })
        .join('; ');
    const values = (language: 'nl' | 'en') => ({
      date: formatBelgianDate(first.on),
      detail: detail(language),
      from: certificate ? formatBelgianDate(certificate.from) : '',
      to: certificate ? formatBelgianDate(certificate.to) : '',
      days: certificate ? certificateDays(certificate) : '',
      ...rule.params,
    });
    const explanation: LocalizedText = {
      nl: fill(rule.explanation.nl, values('nl')),
      en: fill(rule.explanation.en, values('en')),
    };
    out.push({ pupilId, ruleId: rule.id, triggeredOn: first.on, evidence: facts as EvidenceFacts, explanation });
  }
  return out;
}
