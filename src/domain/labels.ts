// The Dutch (and English) labels of every domain id a screen or an export shows: rules, codes, halves, timeline
// kinds, intervention kinds, statuses, tracks, relations and audit actions. One place for the web app and the
// server's PDF export, so no screen shows an internal id such as FIXED_SLOT or an English "AM".
import { ABSENCE_CODES } from './absence-codes.ts';
import type { Half } from './half-day.ts';
import { INTERVENTION_KINDS } from './pupil-file/intervention-kinds.ts';
import { ENGLAND_CATALOG } from './rules/catalog-england.ts';
import { VLAANDEREN_CATALOG } from './rules/catalog-vlaanderen.ts';

export type LabelLanguage = 'nl' | 'en';
export interface Label {
  nl: string;
  en: string;
}
type Labels = Readonly<Record<string, Label>>;

/** Rule titles of every catalog, taken from the catalogs themselves (the rules are data). */
export const RULE_LABELS: Labels = Object.fromEntries(
  [...VLAANDEREN_CATALOG.rules, ...ENGLAND_CATALOG.rules].map((rule) => [rule.id, rule.title]),
);

/** Absence codes (the registered code, not the official one it is reported as). */
export const CODE_LABELS: Labels = Object.fromEntries(ABSENCE_CODES.map((c) => [c.code, { nl: c.nl, en: c.en }]));

/** Short half-day labels (register rows, heat-map, dashboards) and their long form. */
export const HALF_LABELS: Readonly<Record<Half, Label>> = {
  AM: { nl: 'VM', en: 'AM' },
  PM: { nl: 'NM', en: 'PM' },
};
/** Measures and guided workflows recorded in a pupil file (see pupil-file/intervention-kinds.ts for their sources). */
export const EVENT_KIND_LABELS: Labels = Object.fromEntries(
  INTERVENTION_KINDS.map((k) => [k.id, { nl: k.nl, en: k.en }]),
);

/** What a line on the pupil file's timeline is: a measure, a signal or absent half-days of one day. */
export const TIMELINE_SOURCE_LABELS: Labels = {
  entry: { nl: 'Maatregel', en: 'Measure' },
  signal: { nl: 'Signaal', en: 'Signal' },
  register: { nl: 'Afwezig', en: 'Absent' },
};

/** Statuses of agreements (open/done/dropped) and of signals (new/acknowledged/handled). */
export const STATUS_LABELS: Labels = {
  open: { nl: 'open', en: 'open' },
  done: { nl: 'uitgevoerd', en: 'done' },
  dropped: { nl: 'vervallen', en: 'dropped' },
  new: { nl: 'nieuw', en: 'new' },
  acknowledged: { nl: 'gezien', en: 'acknowledged' },
  handled: { nl: 'afgehandeld', en: 'handled' },
};

/** The four tracks of the care continuum (zorgcontinuüm). */
export const TRACK_LABELS: Labels = {
  ongeoorloofd: { nl: 'Ongeoorloofd verzuim (B)', en: 'Unjustified absence (B)' },
  geoorloofd: { nl: 'Geoorloofd verzuim (Z/D)', en: 'Justified absence (Z/D)' },
  schoolweigering: { nl: 'Schoolweigering', en: 'School refusal' },
  thuiszitter: { nl: 'Thuiszitter', en: 'Child at home' },
};

/** How a person involved in a pupil file relates to the pupil. */
export const RELATION_LABELS: Labels = {
  pupil: { nl: 'Leerling', en: 'Pupil' },
  parent1: { nl: 'Ouder 1', en: 'Parent 1' },
  parent2: { nl: 'Ouder 2', en: 'Parent 2' },
  'plus-parent': { nl: 'Plusouder', en: 'Plus-parent' },
  'school-staff': { nl: 'Schoolse betrokkene', en: 'School staff' },
  clb: { nl: 'CLB', en: 'CLB' },
  external: { nl: 'Hulpverlener', en: 'External helper' },
  other: { nl: 'Andere', en: 'Other' },
};

/** Audit-log actions. */
export const AUDIT_ACTION_LABELS: Labels = {
  'access.refused': { nl: 'Toegang geweigerd', en: 'Access refused' },
  'audit.read': { nl: 'Auditlog bekeken', en: 'Audit log read' },
  'auth.backoff': { nl: 'Aanmelden tijdelijk vertraagd', en: 'Sign-in slowed down' },
  'auth.login': { nl: 'Aangemeld', en: 'Signed in' },
  'auth.login-failed': { nl: 'Aanmelden mislukt', en: 'Sign-in failed' },
  'auth.password-changed': { nl: 'Wachtwoord gewijzigd', en: 'Password changed' },
  'auth.temporary-password-expired': { nl: 'Tijdelijk wachtwoord verlopen', en: 'Temporary password expired' },
  'consent.list': { nl: 'Toestemmingen bekeken', en: 'Consents read' },
  'consent.record': { nl: 'Toestemming geregistreerd', en: 'Consent recorded' },
  'consent.revoke': { nl: 'Toestemming ingetrokken', en: 'Consent revoked' },
  'enrolment.elsewhere': { nl: 'Inschrijving elders gewijzigd', en: 'Enrolment elsewhere changed' },
  'file.agreement': { nl: 'Afspraak bewaard', en: 'Agreement saved' },
  'file.agreements': { nl: 'Afspraken bekeken', en: 'Agreements read' },
  'file.contact-attempt': { nl: 'Contactpoging geregistreerd', en: 'Contact attempt recorded' },
  'file.document.download': { nl: 'Document gedownload', en: 'Document downloaded' },
  'file.document.remove': { nl: 'Document verwijderd', en: 'Document removed' },
  'file.document.upload': { nl: 'Document toegevoegd', en: 'Document uploaded' },
  'file.documents': { nl: 'Documenten bekeken', en: 'Documents read' },
  'file.entry': { nl: 'Maatregel geregistreerd', en: 'Measure recorded' },
  'file.export': { nl: 'Dossier geëxporteerd', en: 'File exported' },
  'file.history': { nl: 'Geschiedenis bekeken', en: 'History read' },
  'file.people': { nl: 'Betrokkenen bekeken', en: 'People read' },
  'file.person': { nl: 'Betrokkene bewaard', en: 'Person saved' },
  'file.pivot': { nl: 'Spilfiguur bewaard', en: 'Pivot person saved' },
  'file.read': { nl: 'Leerlingendossier bekeken', en: 'Pupil file read' },
  'file.reminders': { nl: 'Herinneringen bekeken', en: 'Reminders read' },
  'file.timeline': { nl: 'Tijdlijn bekeken', en: 'Timeline read' },
  'file.track': { nl: 'Fase gewijzigd', en: 'Phase changed' },
  'file.write': { nl: 'Dossier gewijzigd', en: 'File changed' },
  'import.list': { nl: 'Imports bekeken', en: 'Imports read' },
  'import.run': { nl: 'Register ingelezen', en: 'Register imported' },
  'monitor.clb': { nl: 'CLB-monitor bekeken', en: 'CLB monitor read' },
  'monitor.export': { nl: 'Monitor geëxporteerd', en: 'Monitor exported' },
  'monitor.region': { nl: 'Regiomonitor bekeken', en: 'Region monitor read' },
  'monitor.school': { nl: 'Schoolmonitor bekeken', en: 'School monitor read' },
  'monitor.thuiszitters': { nl: 'Thuiszitters bekeken', en: 'Pupils at home read' },
  'note.list': { nl: 'Notities bekeken', en: 'Notes read' },
  'note.write': { nl: 'Notitie geschreven', en: 'Note written' },
  'pupil.list': { nl: 'Leerlingenlijst bekeken', en: 'Pupil list read' },
  'pupil.read': { nl: 'Leerling bekeken', en: 'Pupil read' },
  'register.export': { nl: 'Register geëxporteerd', en: 'Register exported' },
  'selfscan.action.add': { nl: 'Zelfscan: actie toegevoegd', en: 'Self-scan: action added' },
  'selfscan.action.change': { nl: 'Zelfscan: actie gewijzigd', en: 'Self-scan: action changed' },
  'selfscan.answer': { nl: 'Zelfscan: antwoord bewaard', en: 'Self-scan: answer saved' },
  'selfscan.comment': { nl: 'Zelfscan: opmerking bewaard', en: 'Self-scan: comment saved' },
  'selfscan.export': { nl: 'Zelfscan geëxporteerd', en: 'Self-scan exported' },
  'selfscan.goal': { nl: 'Zelfscan: doel bewaard', en: 'Self-scan: goal saved' },
  'selfscan.read': { nl: 'Zelfscan bekeken', en: 'Self-scan read' },
  'selfscan.start': { nl: 'Zelfscan gestart', en: 'Self-scan started' },
  'signal.follow-up': { nl: 'Signaal opgevolgd', en: 'Signal followed up' },
  'signal.list': { nl: 'Aandachtslijst bekeken', en: 'Attention list read' },
  'user.activate': { nl: 'Account geactiveerd', en: 'Account activated' },
  'user.assign-role': { nl: 'Rol toegekend', en: 'Role assigned' },
  'user.deactivate': { nl: 'Account gedeactiveerd', en: 'Account deactivated' },
  'user.invite': { nl: 'Account uitgenodigd', en: 'Account invited' },
  'user.password-reset': { nl: 'Wachtwoord opnieuw ingesteld', en: 'Password reset' },
  'user.remove-role': { nl: 'Rol ingetrokken', en: 'Role removed' },
  'notification.digest': { nl: 'E-mailoverzicht verzonden', en: 'E-mail digest sent' },
  'letter.template': { nl: 'Briefsjabloon gewijzigd', en: 'Letter template changed' },
  'care-meeting.proposal': { nl: 'Agenda zorgoverleg voorgesteld', en: 'Care-meeting agenda proposed' },
  'care-meeting.create': { nl: 'Zorgoverleg gepland', en: 'Care meeting planned' },
  'care-meeting.read': { nl: 'Zorgoverleg bekeken', en: 'Care meeting read' },
  'partial-schooling.read': { nl: 'Deeltijds thuis: regeling bekeken', en: 'Partial schooling read' },
  'partial-schooling.write': { nl: 'Deeltijds thuis: regeling bewaard', en: 'Partial schooling saved' },
  'monitor.report': { nl: 'Regiorapport opgemaakt', en: 'Region report made' },
  'enrolment.exclusion-support': { nl: 'Opvang of hulp na uitsluiting bewaard', en: 'Support after exclusion saved' },
  'clb-inbox.received': { nl: 'CLB-inbox: melding ontvangen', en: 'CLB inbox: case received' },
  'clb-inbox.read': { nl: 'CLB-inbox bekeken', en: 'CLB inbox read' },
  'clb-inbox.pupil': { nl: 'CLB-status van de leerling bekeken', en: 'Pupil’s CLB status read' },
  'clb-inbox.in-progress': { nl: 'CLB-inbox: plan van aanpak gestart', en: 'CLB inbox: plan started' },
  'clb-inbox.closed': { nl: 'CLB-inbox: melding afgesloten', en: 'CLB inbox: case closed' },
  'certificate.read': { nl: 'Medische attesten bekeken', en: 'Medical certificates read' },
  'certificate.record': { nl: 'Medisch attest geregistreerd', en: 'Medical certificate recorded' },
  'certificate.change': { nl: 'Medisch attest gewijzigd', en: 'Medical certificate changed' },
  'certificate.clb-told': {
    nl: 'Twijfel over attest gemeld aan het CLB',
    en: 'Doubt about a certificate told to the CLB',
  },
  'certificate.advise': { nl: 'Stap CLB-arts bij een attest', en: 'CLB doctor’s step on a certificate' },
  'exam-period.add': { nl: 'Examenperiode toegevoegd', en: 'Exam period added' },
  'sick-pupil.read': { nl: 'Onderwijs voor zieke leerlingen bekeken', en: 'Education for sick pupils read' },
  'sick-pupil.stay': {
    nl: 'Verblijf (ziekenhuis, type 5, K-dienst) geregistreerd',
    en: 'Stay (hospital, type 5, K-dienst) recorded',
  },
  'sick-pupil.discharge': { nl: 'Ontslagdatum geregistreerd', en: 'Discharge date recorded' },
  'sick-pupil.provision': {
    nl: 'Voorziening (TOAH, Bednet, S&Z) bijgewerkt',
    en: 'Provision (TOAH, Bednet, S&Z) updated',
  },
  'sick-pupil.information': { nl: 'Ouders geïnformeerd (zieke leerlingen)', en: 'Parents informed (sick pupils)' },
  'file-transfer.overview': { nl: 'Dossieroverdracht bekeken', en: 'File transfer panel read' },
  'file-transfer.decision': {
    nl: 'Beslissing over de dossieroverdracht geregistreerd',
    en: 'Decision on the file transfer recorded',
  },
  'file-transfer.sent': { nl: 'Dossier overgedragen aan het nieuwe CLB', en: 'File transferred to the new CLB' },
  'file-transfer.read': { nl: 'Overgedragen dossier bekeken', en: 'Transferred file read' },
  'file-transfer.document': {
    nl: 'Document uit een overgedragen dossier gedownload',
    en: 'Document of a transferred file downloaded',
  },
  'file-transfer.pending': { nl: 'Over te dragen dossiers bekeken', en: 'Files to transfer listed' },
  'monitor.lop-report': { nl: 'Uitsluitingen in het LOP bekeken', en: "LOP's exclusions report read" },
};

/** The label of an id in a table, or the id itself when the table does not know it (never an empty cell). */
export function labelOf(table: Labels, id: string, language: LabelLanguage = 'nl'): string {
  return table[id]?.[language] ?? id;
}

/** "VM B, NM Z" for the register summary "AM B, PM Z" of one day. */
export function halfDaySummary(summary: string, language: LabelLanguage = 'nl'): string {
  return summary.replace(/\b(AM|PM)\b/g, (half) => HALF_LABELS[half as Half][language]);
}

/** Who issued a medical certificate (sources.md §2.6). */
export const ISSUER_KIND_LABELS: Labels = {
  arts: { nl: 'Arts (huisarts)', en: 'Doctor (GP)' },
  specialist: { nl: 'Geneesheer-specialist', en: 'Specialist' },
  psychiater: { nl: 'Psychiater', en: 'Psychiatrist' },
  tandarts: { nl: 'Tandarts', en: 'Dentist' },
  orthodontist: { nl: 'Orthodontist', en: 'Orthodontist' },
  ziekenhuis: { nl: 'Ziekenhuis (administratieve dienst)', en: 'Hospital (administration)' },
  labo: { nl: 'Erkend labo', en: 'Approved laboratory' },
};

/** The outcome of the CLB route after a doubt about a certificate. */
export const DOUBT_OUTCOME_LABELS: Labels = {
  geldig: { nl: 'Attest geldig', en: 'Certificate valid' },
  'niet-geldig': { nl: 'Attest niet geldig', en: 'Certificate not valid' },
  onduidelijk: { nl: 'Onduidelijk', en: 'Unclear' },
};
