// The Flemish rule catalog (profile `vlaanderen`) as data, transcribed from shared/domain/rules-vlaanderen.md.
import type { ParameterOrigin, RuleCatalog } from './catalog-types.ts';

const SOURCE: ParameterOrigin = { origin: 'source' };
const productDefault = (min: number, max: number): ParameterOrigin => ({
  origin: 'product-default',
  min,
  max,
  integer: true,
});

/** K5 rules: inform the parents and involve the CLB, so they close through the CLB signal or the CLB referral. */
const K5_ROUTE = ['clb-signal', 'clb-referral'] as const;

/** Codes whose absences count towards the school allowance besides presences: P, R (and codes reported as R), Z, D. */
const ALLOWANCE_ACCEPTED_CODES = ['P', 'R', 'Z', 'D', 'T', 'U', 'Y', 'C', 'J'] as const;

export const VLAANDEREN_CATALOG: RuleCatalog = {
  profile: 'vlaanderen',
  title: { nl: 'Knipperlichten Vlaanderen', en: 'Signals for Flanders' },
  source: 'shared/domain/rules-vlaanderen.md (seeds 000–004, BaO/2002/11, AgODi codes from 1 September 2019)',
  rules: [
    {
      id: 'B_FIRST',
      kind: 'count',
      title: { nl: 'Eerste problematische afwezigheid', en: 'First problematic absence' },
      codes: ['B'],
      params: { threshold: 1 },
      parameters: { threshold: SOURCE },
      includesCarriedOver: true,
      obligation: 'duty',
      action: {
        nl: 'Ga in gesprek met leerling en ouders, verhelder de oorzaak en noteer het in het leerlingendossier.',
        en: 'Talk with the pupil and the parents, clarify the cause and log it in the pupil file.',
      },
      source: 'seed 003 §2.1; seed 001 "vanaf 1 dag afwezigheid"',
      priority: 60,
      explanation: {
        nl: '{ordinal} halve dag {codes} op {date}: {halfDays}{carriedOver}',
        en: '{ordinal} {codes} half-day on {date}: {halfDays}{carriedOver}',
      },
    },
    {
      id: 'B5_CLB',
      kind: 'count',
      title: { nl: '5 halve dagen B: signaleren aan het CLB', en: '5 B half-days: signal to the CLB' },
      codes: ['B'],
      params: { threshold: 5 },
      parameters: { threshold: SOURCE },
      includesCarriedOver: true,
      obligation: 'legal',
      action: {
        nl: 'Signaleer aan het CLB, werk samen en neem extra maatregelen op advies van het CLB.',
        en: 'Signal to the CLB, cooperate, and take extra measures on the CLB’s advice.',
      },
      source: 'seed 003 §1; seed 001 fase 1; seed 004 l. 2298–2303',
      closedBy: ['clb-signal'],
      priority: 100,
      explanation: {
        nl: '{ordinal} halve dag {codes} op {date}: {halfDays}{carriedOver}',
        en: '{ordinal} {codes} half-day on {date}: {halfDays}{carriedOver}',
      },
    },
    {
      id: 'B_AUTUMN',
      kind: 'count',
      title: { nl: 'B-code in september of oktober', en: 'B code in September or October' },
      codes: ['B'],
      months: [9, 10],
      params: { threshold: 1 },
      parameters: { threshold: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'Volg intensief op: B-codes in het najaar voorspellen escalatie.',
        en: 'Follow up intensively: autumn B codes predict escalation.',
      },
      source: 'seed 003 §2.1 knipperlichten',
      priority: 45,
      explanation: {
        nl: '{ordinal} halve dag {codes} in september of oktober op {date}: {halfDays}',
        en: '{ordinal} {codes} half-day in September or October on {date}: {halfDays}',
      },
    },
    {
      id: 'B30',
      kind: 'count',
      title: { nl: '30 halve dagen B: problematisch afwezig', en: '30 B half-days: problematically absent' },
      codes: ['B'],
      params: { threshold: 30 },
      parameters: { threshold: SOURCE },
      includesCarriedOver: true,
      obligation: 'legal-consequence',
      action: {
        nl: '"Problematisch afwezig": CLB-traject. De klassenraad of de PA-commissie kán beslissen dat de leerling geen regelmatige leerling meer is (een beslissing, geen automatisch gevolg).',
        en: '"Problematically absent": CLB trajectory. The class council or the PA committee *may* decide that the pupil is no longer a regular pupil (a decision, not an automatic consequence).',
      },
      source: 'seed 003 §4 (l. 502, 519–521)',
      closedBy: ['clb-referral'],
      priority: 80,
      explanation: {
        nl: '{ordinal} halve dag {codes} op {date}: {halfDays}{carriedOver}',
        en: '{ordinal} {codes} half-day on {date}: {halfDays}{carriedOver}',
      },
    },
    {
      id: 'B30_TWO_YEARS',
      kind: 'prior-year',
      title: {
        nl: 'Twee schooljaren na elkaar 30 halve dagen B',
        en: '30 B half-days in two consecutive school years',
      },
      conditions: [
        {
          codes: ['B'],
          threshold: 30,
          fact: 'previousYearBHalfDays',
          label: { nl: 'halve dagen B', en: 'B half-days' },
        },
      ],
      requiresRule: 'B30',
      params: {},
      parameters: {},
      obligation: 'legal-consequence',
      action: {
        nl: 'Informeer: de studietoelage wordt ingehouden.',
        en: 'Inform: the study allowance (studietoelage) is withheld.',
      },
      source: 'seed 003 §4',
      closedBy: ['parents-letter', 'parents-meeting'],
      priority: 75,
      explanation: {
        nl: '30e halve dag B op {date}, en vorig schooljaar ({previousYear}) al {facts}',
        en: '30th B half-day on {date}, after {facts} in the previous school year ({previousYear})',
      },
    },
    {
      id: 'ABSENT_10',
      kind: 'count',
      title: { nl: '10 afwezige halve dagen', en: '10 absent half-days' },
      codes: 'absent',
      params: { threshold: 10 },
      parameters: { threshold: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'De klastitularis polst bij de leerling (ook gewettigde afwezigheden tellen mee).',
        en: 'The class teacher checks in with the pupil (justified absences count too).',
      },
      source: 'seed 002 §1.1 ("meer dan 5 à 10 halve dagen")',
      addressedTo: ['class-teacher'],
      priority: 35,
      explanation: {
        nl: '{ordinal} afwezige halve dag op {date}: {halfDays}',
        en: '{ordinal} absent half-day on {date}: {halfDays}',
      },
    },
    {
      id: 'SPELLS_RISING',
      kind: 'spells',
      title: { nl: 'Afwezigheden stapelen zich snel op', en: 'Absences pile up quickly' },
      codes: 'absent',
      params: { runs: 3, withinSchoolDays: 20 },
      parameters: { runs: productDefault(2, 20), withinSchoolDays: productDefault(1, 200) },
      obligation: 'guidance',
      action: {
        nl: 'Afwezigheden stapelen zich snel op: de belangrijkste risicofactor, welke code ook.',
        en: 'Absences pile up quickly: the main risk factor, whatever the code.',
      },
      source: 'seed 003 §2.1; seed 002 §1.1',
      priority: 50,
      explanation: {
        nl: '{runs} afwezigheidsperiodes gestart binnen {withinSchoolDays} schooldagen, de laatste op {date}: begin {starts}',
        en: '{runs} spells of absence started within {withinSchoolDays} school days, the last on {date}: starting {starts}',
      },
    },
    {
      id: 'Z_EAZIE',
      kind: 'window-count',
      title: { nl: 'Vaak ziek (EAZie)', en: 'Frequently ill (EAZie)' },
      codes: ['Z', 'D'],
      params: { threshold: 10, windowDays: 91 },
      parameters: { threshold: SOURCE, windowDays: SOURCE },
      obligation: 'practice',
      action: {
        nl: 'Gesprek met ouders en leerling; betrek de CLB-arts binnen twee weken.',
        en: 'Talk with the parents and the pupil; involve the CLB doctor within two weeks.',
      },
      source: 'seed 004 l. 7060–7090 (EAZie)',
      priority: 55,
      explanation: {
        nl: '{threshold} halve dagen ziek ({codes}) binnen {windowDays} kalenderdagen, de {threshold}e op {date}: {halfDays}',
        en: '{threshold} half-days ill ({codes}) within {windowDays} calendar days, the {threshold}th on {date}: {halfDays}',
      },
    },
    {
      id: 'Z_LONG',
      kind: 'span',
      title: { nl: 'Langdurig ziek', en: 'Long-term illness' },
      codes: ['Z', 'D'],
      params: { spanDays: 21 },
      parameters: { spanDays: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'Ga na of de leerling recht heeft op TOAH (4 lestijden per week; na > 21 dagen afwezigheid, of per 9 halve dagen bij chronische ziekte; afstandsgrenzen) en Bednet/SIO (≥ 4 weken of 36 halve dagen); hou contact; bereid de terugkeer voor.',
        en: 'Check TOAH entitlement (4 lesson hours a week; after > 21 days absent, or every 9 half-days for chronic illness; distance limits) and Bednet/SIO (≥ 4 weeks or 36 half-days); keep contact; prepare the return.',
      },
      source: 'seeds 000, 001 fase 1–2; sources.md §2.7–2.8 (TOAH, Bednet)',
      priority: 55,
      explanation: {
        nl: 'Ziek ({codes}) zonder onderbreking sinds {start}: {spanDays} kalenderdagen bereikt op {date} (periode nu {length} halve dagen)',
        en: 'Ill ({codes}) without a break since {start}: {spanDays} calendar days reached on {date} (spell now {length} half-days)',
      },
    },
    {
      id: 'P30',
      kind: 'count',
      title: { nl: '30 halve dagen P', en: '30 P half-days' },
      codes: ['P'],
      params: { threshold: 30 },
      parameters: { threshold: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'Lange afwezigheid om persoonlijke redenen: is het leerrecht gegarandeerd? Betrek het CLB.',
        en: 'Long absence for personal reasons: is the right to learn guaranteed? Involve the CLB.',
      },
      source: 'seed 004 l. 2990–3010, 13189–13193',
      priority: 40,
      explanation: {
        nl: '{ordinal} halve dag {codes} op {date}: {halfDays}',
        en: '{ordinal} {codes} half-day on {date}: {halfDays}',
      },
    },
    {
      id: 'LONG_ABSENCE',
      kind: 'run',
      title: { nl: 'Langdurig afwezig (thuiszitter)', en: 'Long absence (child at home)' },
      codes: 'absent',
      params: { threshold: 20 },
      parameters: { threshold: productDefault(2, 400) },
      obligation: 'guidance',
      action: {
        nl: 'Thuiszitter: wie houdt contact (spilfiguur), welk onderwijs wordt aangeboden, plan de terugkeer.',
        en: 'Child at home: who keeps contact (pivot person), which education is offered, plan the return.',
      },
      source: 'seed 004 ch. 2, 7.1',
      priority: 78,
      explanation: {
        nl: '{threshold} schoolhalve dagen na elkaar afwezig sinds {start}, de {threshold}e op {date} (periode nu {length} halve dagen)',
        en: '{threshold} consecutive school half-days absent since {start}, the {threshold}th on {date} (spell now {length} half-days)',
      },
    },
    {
      id: 'FIXED_SLOT',
      kind: 'slot',
      title: { nl: 'Afwezig op een vast moment in de week', en: 'Absent at a fixed time of the week' },
      codes: 'absent',
      params: { occurrences: 5, absentAtLeast: 4 },
      parameters: { occurrences: SOURCE, absentAtLeast: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'Vast-dagpatroon: deeltijds onderwijs op vraag van de school, of beginnende schoolweigering; controleer de code en de afspraak erachter.',
        en: 'Fixed-day pattern: partial schooling at the school’s request, or early school refusal; check the code and the agreement behind it.',
      },
      source: 'seed 002 §1.1; seed 004 l. 2760–2840',
      priority: 45,
      explanation: {
        nl: 'Afwezig op {absent} van de laatste {occurrences} {slot}, de laatste op {date}: {halfDays}',
        en: 'Absent on {absent} of the last {occurrences} {slot}, the last on {date}: {halfDays}',
      },
    },
    {
      id: 'AFTER_BREAK',
      kind: 'return-day',
      title: {
        nl: 'Moeilijk terugkeren na weekend of vakantie',
        en: 'Difficulty returning after weekends or holidays',
      },
      codes: 'absent',
      params: { minimumGapDays: 3, lastReturnDays: 6, absentAtLeast: 3 },
      parameters: { minimumGapDays: SOURCE, lastReturnDays: SOURCE, absentAtLeast: SOURCE },
      obligation: 'guidance',
      action: {
        nl: 'Moeilijk terugkeren na weekends of vakanties: signaal van schoolweigering.',
        en: 'Difficulty returning after weekends or holidays: a school-refusal signal.',
      },
      source: 'seed 002 §1.1; seed 001 fase 1 (schoolweigering)',
      priority: 50,
      explanation: {
        nl: 'In de voormiddag afwezig op {absent} van de laatste {lastReturnDays} terugkeerdagen na een weekend of vakantie, de laatste op {date}: {halfDays}',
        en: 'Absent in the morning on {absent} of the last {lastReturnDays} return days after a weekend or holiday, the last on {date}: {halfDays}',
      },
    },
    {
      id: 'K5_290',
      kind: 'projection',
      mode: 'reachable',
      acceptedCodes: [],
      level: 'kleuter',
      title: {
        nl: 'Leerplichtige kleuter: 290 halve dagen aanwezigheid niet meer haalbaar',
        en: 'Pre-primary pupil of compulsory age: 290 present half-days out of reach',
      },
      params: { requiredHalfDays: 290, compulsoryAge: 5, fromElapsedHalfDays: 0 },
      parameters: { requiredHalfDays: SOURCE, compulsoryAge: SOURCE, fromElapsedHalfDays: SOURCE },
      obligation: 'legal',
      action: {
        nl: 'Informeer de ouders en betrek het CLB (AgODi verwittigt de school ook): zonder 290 halve dagen geen rechtstreekse toegang tot het lager onderwijs.',
        en: 'Inform the parents and involve the CLB (AgODi warns schools too): without 290 half-days there is no direct access to primary school.',
      },
      source: 'seed 003 §1; seed 004 l. 2218–2222; omzendbrief BaO/2002/11',
      closedBy: K5_ROUTE,
      priority: 95,
      explanation: {
        nl: '{required} aanwezige halve dagen niet meer haalbaar sinds {date}: {present} aanwezig op {elapsed} schoolhalve dagen, nog {remaining} te gaan',
        en: '{required} present half-days out of reach since {date}: present on {present} of {elapsed} school half-days, {remaining} to go',
      },
    },
    {
      id: 'K5_290_RISK',
      kind: 'projection',
      mode: 'rate',
      acceptedCodes: [],
      level: 'kleuter',
      title: {
        nl: 'Leerplichtige kleuter: 290 halve dagen in gevaar',
        en: 'Pre-primary pupil of compulsory age: 290 present half-days at risk',
      },
      params: { requiredHalfDays: 290, compulsoryAge: 5, fromElapsedHalfDays: 40 },
      parameters: { requiredHalfDays: SOURCE, compulsoryAge: SOURCE, fromElapsedHalfDays: SOURCE },
      obligation: 'legal',
      action: {
        nl: 'Informeer de ouders en betrek het CLB: aan dit tempo haalt de kleuter de 290 halve dagen niet.',
        en: 'Inform the parents and involve the CLB: at this rate the child will not reach 290 half-days.',
      },
      source: 'seed 003 §1; seed 004 l. 2218–2222; omzendbrief BaO/2002/11',
      closedBy: K5_ROUTE,
      priority: 85,
      explanation: {
        nl: 'Aan het huidige tempo ({present} van {elapsed} schoolhalve dagen aanwezig) komt de kleuter uit op {projected} van de {required} halve dagen; eerst vastgesteld op {date}',
        en: 'At the current rate (present on {present} of {elapsed} school half-days) the child reaches {projected} of the {required} half-days; first found on {date}',
      },
    },
    {
      id: 'K5_ALLOWANCE',
      kind: 'projection',
      mode: 'reachable',
      acceptedCodes: ALLOWANCE_ACCEPTED_CODES,
      level: 'kleuter',
      title: {
        nl: 'Leerplichtige kleuter: schooltoeslag in gevaar (290 halve dagen)',
        en: 'Pre-primary pupil of compulsory age: school allowance at risk (290 half-days)',
      },
      params: { requiredHalfDays: 290, compulsoryAge: 5, fromElapsedHalfDays: 0 },
      parameters: { requiredHalfDays: SOURCE, compulsoryAge: SOURCE, fromElapsedHalfDays: SOURCE },
      obligation: 'legal',
      action: {
        nl: 'Informeer de ouders en betrek het CLB: de schooltoeslag vraagt 290 halve dagen aanwezigheid of aanvaarde afwezigheid.',
        en: 'Inform the parents and involve the CLB: the school allowance requires 290 half-days present or with an accepted absence.',
      },
      source: 'seed 003 §1; seed 004 l. 2218–2222; omzendbrief BaO/2002/11',
      closedBy: K5_ROUTE,
      priority: 90,
      explanation: {
        nl: '{required} halve dagen aanwezig of aanvaard afwezig (P, R, Z, D) niet meer haalbaar sinds {date}: {present} op {elapsed} schoolhalve dagen, nog {remaining} te gaan',
        en: '{required} half-days present or with an accepted absence (P, R, Z, D) out of reach since {date}: {present} of {elapsed} school half-days, {remaining} to go',
      },
    },
    {
      id: 'EXCLUDED_NO_SCHOOL',
      kind: 'exclusion',
      title: {
        nl: 'Definitief uitgesloten en nog niet elders ingeschreven',
        en: 'Definitively excluded and not enrolled elsewhere',
      },
      params: { schoolDays: 10 },
      parameters: { schoolDays: productDefault(1, 100) },
      obligation: 'guidance',
      action: {
        nl: 'Basisonderwijs: opvang is verplicht tenzij dat voor de school niet haalbaar is, geen plicht om mee een nieuwe school te zoeken, uitschrijving ten laatste 1 maand na de uitsluiting (vakanties niet meegerekend). Secundair onderwijs: de leerling blijft ingeschreven tot de inschrijving in een andere school; bij een uitsluiting in de loop van het schooljaar moeten school en CLB leerling en ouders helpen een nieuwe school te zoeken (niet bij een uitsluiting op het einde van het schooljaar), geen plicht tot opvang. Meld aan AgODi/LOP.',
        en: 'Primary (basisonderwijs): opvang is obligatory unless not feasible for the school, no duty to help find a new school, unenrolment at the latest 1 month after the exclusion (holidays excluded). Secondary: the pupil stays enrolled until enrolled at another school; after an exclusion during the school year school and CLB must help the pupil and parents find a new school (not after an exclusion at the end of the school year), no duty of opvang. Report to AgODi/LOP.',
      },
      source: 'seed 004 l. 2312–2345, 2530–2547, 2640–2700',
      priority: 78,
      explanation: {
        nl: 'Definitief uitgesloten op {excludedOn} en {schoolDays} schooldagen later ({date}) niet elders ingeschreven',
        en: 'Definitively excluded on {excludedOn} and not enrolled elsewhere {schoolDays} school days later ({date})',
      },
    },
    {
      id: 'Z_NOTE_LIMIT',
      kind: 'note-limit',
      title: { nl: 'Grens briefjes van de ouders bereikt', en: 'Limit of parents’ notes reached' },
      codes: ['Z'],
      params: { maxSpells: 4, maxSpanDays: 3, schoolRegistersCertificatesAsD: true },
      parameters: {
        maxSpells: SOURCE,
        maxSpanDays: SOURCE,
        schoolRegistersCertificatesAsD: { origin: 'product-default' },
      },
      obligation: 'regulation',
      action: {
        nl: 'Vraag een medisch attest; herhaalde briefjes zijn een signaal om met het CLB te bespreken.',
        en: 'Ask for a medical certificate; repeated notes are a signal to discuss with the CLB.',
      },
      source: 'omzendbrief BaO/2002/11 (lager onderwijs); seed 001 fase 0 (registratie)',
      priority: 30,
      explanation: {
        nl: '{ordinal} afzonderlijke periode {codes} (briefje ouders) dit schooljaar op {date}: {halfDays}',
        en: '{ordinal} separate {codes} spell (parents’ note) this school year on {date}: {halfDays}',
      },
      explanationLongSpell: {
        nl: 'Periode {codes} (briefje ouders) sinds {start} duurt op {date} langer dan {maxSpanDays} kalenderdagen: {halfDays}',
        en: '{codes} spell (parents’ note) since {start} lasts longer than {maxSpanDays} calendar days on {date}: {halfDays}',
      },
    },
    {
      id: 'LATE_OFTEN',
      kind: 'school-window-count',
      title: { nl: 'Vaak te laat', en: 'Often late' },
      codes: ['L'],
      params: { threshold: 5, withinSchoolDays: 20 },
      parameters: { threshold: productDefault(2, 50), withinSchoolDays: productDefault(1, 200) },
      obligation: 'guidance',
      action: {
        nl: 'Ga in gesprek met leerling en ouders: vaak te laat komen is een vroeg signaal van schoolweigering. Pas de eigen maatregel van de school bij laatkomen toe (brief, verbindende sanctie).',
        en: 'Talk with the pupil and the parents: frequent lateness is an early school-refusal signal. Apply the school’s own lateness measure (letter, connecting sanction).',
      },
      source: 'seed 002 §1.1 ("vaak te laat komen"); seed 001 fase 1 (l. 517–531)',
      priority: 40,
      explanation: {
        nl: '{threshold} keer te laat ({codes}) binnen {withinSchoolDays} schooldagen, de {threshold}e op {date}: {halfDays}',
        en: '{threshold} late arrivals ({codes}) within {withinSchoolDays} school days, the {threshold}th on {date}: {halfDays}',
      },
    },
    {
      id: 'PRIOR_YEAR',
      kind: 'prior-year',
      title: { nl: 'Veel afwezig vorig schooljaar', en: 'Often absent last school year' },
      conditions: [
        {
          codes: 'absent',
          threshold: 30,
          fact: 'previousYearAbsentHalfDays',
          label: { nl: 'afwezige halve dagen', en: 'absent half-days' },
        },
        {
          codes: ['B'],
          threshold: 5,
          fact: 'previousYearBHalfDays',
          label: { nl: 'halve dagen B', en: 'B half-days' },
        },
      ],
      params: {},
      parameters: {},
      obligation: 'guidance',
      action: {
        nl: 'Warme start: volg op vanaf de eerste schooldag.',
        en: 'Warm start: follow up from the first school day.',
      },
      source: 'seed 003 §2.1 (stabiliteit van afwezigheden; vorige schooljaren)',
      priority: 30,
      explanation: {
        nl: 'Vorig schooljaar ({previousYear}): {facts}; opvolgen vanaf {date}',
        en: 'Previous school year ({previousYear}): {facts}; follow up from {date}',
      },
    },
    {
      id: 'CERT_MISSING',
      kind: 'certificate',
      check: 'missing',
      title: { nl: 'Medisch attest ontbreekt', en: 'Medical certificate missing' },
      params: { maxNoteSpanDays: 3 },
      parameters: { maxNoteSpanDays: SOURCE },
      obligation: 'regulation',
      action: {
        nl: 'Vraag het medisch attest op (D zonder attest, ziekte langer dan 3 kalenderdagen, meer dan 4 briefjes, ziek tijdens de examens in het secundair); registreer anders de juiste code.',
        en: 'Ask for the medical certificate (D without a certificate, illness longer than 3 calendar days, more than 4 notes, ill during exams in secondary); otherwise register the right code.',
      },
      source:
        'sources.md §2.6 (BaO/2002/11, SO/2005/04 as restated by schools: briefje ≤ 3 kalenderdagen, ≤ 4 per schooljaar, attest in examenperiodes SO); seed 001 l. 212; the note limit is Z_NOTE_LIMIT.maxSpells',
      priority: 40,
      explanation: {
        nl: 'Geen (geldig) medisch attest: {detail}; eerste op {date}',
        en: 'No (valid) medical certificate: {detail}; first on {date}',
      },
    },
    {
      id: 'CERT_DOUBT',
      kind: 'certificate',
      check: 'doubt',
      title: { nl: 'Twijfel over een medisch attest', en: 'Doubt about a medical certificate' },
      params: {},
      parameters: {},
      obligation: 'practice',
      action: {
        nl: 'Meld de twijfel aan het CLB; de CLB-arts neemt (met toestemming) contact op met de arts die het attest schreef en meldt de uitkomst.',
        en: 'Tell the CLB about the doubt; the CLB doctor contacts (with consent) the doctor who wrote the certificate and reports the outcome.',
      },
      source: 'seed 001 l. 212, 550, 558, 583; seed 003 §2.1 (twijfelachtige attesten → CLB, CLB-arts → huisarts)',
      priority: 58,
      explanation: {
        nl: 'Attest van {from} tot {to} in twijfel ({detail}); nog geen uitkomst van het CLB',
        en: 'Certificate from {from} to {to} in doubt ({detail}); no outcome from the CLB yet',
      },
    },
    {
      id: 'CERT_LONG',
      kind: 'certificate',
      check: 'long',
      title: { nl: 'Langdurig medisch attest', en: 'Long medical certificate' },
      params: { longCertificateDays: 21 },
      parameters: { longCertificateDays: SOURCE },
      obligation: 'practice',
      action: {
        nl: 'Meld het langdurige attest snel aan het CLB; ga het recht op TOAH en Bednet na en informeer de ouders.',
        en: 'Report the long certificate to the CLB quickly; check the entitlement to TOAH and Bednet and inform the parents.',
      },
      source: 'seed 001 l. 212, 549; langdurig ziek = meer dan 21 kalenderdagen (sources.md §2.7)',
      priority: 52,
      explanation: {
        nl: 'Medisch attest van {from} tot {to}: {days} kalenderdagen, langer dan {longCertificateDays}',
        en: 'Medical certificate from {from} to {to}: {days} calendar days, longer than {longCertificateDays}',
      },
    },
  ],
};

/**
 * ABSENCE_RISING: absences keep rising despite the school's trajectory (seed 000 l. 81, a reason to refer to the CLB
 * in phase 2). Not an engine rule: it needs the date of the first measure in the pupil file, so the app layer
 * computes it beside the engine (src/domain/pupil-file/absence-trend.ts); its thresholds are data here.
 */
export const ABSENCE_RISING_RULE = {
  id: 'ABSENCE_RISING',
  title: {
    nl: 'Afwezigheden blijven toenemen ondanks het traject van de school',
    en: 'Absences keep rising despite the school’s trajectory',
  },
  /** School days in each of the two equal windows, before and after the first measure. */
  windowSchoolDays: 20,
  /** The absence rate after minus the rate before, in percentage points, at which the signal holds. */
  minRisePoints: 5,
  parameters: {
    windowSchoolDays: productDefault(5, 60),
    minRisePoints: productDefault(1, 50),
  },
  obligation: 'guidance',
  action: {
    nl: 'Meld de leerling aan voor begeleiding door het CLB (fase 2).',
    en: 'Refer the pupil to the CLB for guidance (phase 2).',
  },
  source: 'seed 000 l. 81 ("de afwezigheden blijven toenemen ondanks het begeleidend traject door de school")',
} as const;
