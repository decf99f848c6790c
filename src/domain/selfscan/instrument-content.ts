// The self-scan instrument of seed 001 ("Preventieplan afwezigheden"), verbatim in Dutch with an English
// translation. Generated once from ../shared/seeds/001_a9a61bec76c6d73d.txt (seedLine = line in that file), then
// kept by hand; instrument-content.test.ts re-reads the seed and fails on any omission.
import type { Phase } from './instrument.ts';

export const PHASES: readonly Phase[] = [
  {
    number: 0,
    seedLine: 50,
    title: { nl: 'Fase 0: Brede Basiszorg', en: 'Phase 0: Broad basic care' },
    overviewTitle: { nl: 'FASE 0: BREDE BASISZORG', en: 'PHASE 0: BROAD BASIC CARE' },
    tracks: [
      {
        kind: 'general',
        goals: [
          {
            id: 'f0-schoolklimaat',
            seedLine: 52,
            title: {
              nl: 'De school zet zich in om een verbindend schoolklimaat te realiseren voor leerlingen, ouders en schoolpersoneel',
              en: 'The school works towards a connecting school climate for pupils, parents and school staff',
            },
            overviewTitle: {
              nl: 'De school zet zich in om een verbindend schoolklimaat te realiseren voor leerlingen, ouders en schoolpersoneel.',
              en: 'The school works towards a connecting school climate for pupils, parents and school staff.',
            },
            theme: { nl: 'Verbindend schoolklimaat', en: 'Connecting school climate' },
            explanation: [
              {
                seedLine: 53,
                text: {
                  nl: 'Schoolbinding verwijst naar de kwaliteit van de relatie tussen leerling, ouders en school. Denken in termen van verbinding, is denken in termen van relaties. Het bindingsperspectief benadrukt dat leren niet alleen een cognitief proces is, maar ook sterk afhankelijk is van de relaties en het gevoel van veiligheid en betrokkenheid dat leerlingen ervaren. Een gevoel van verbondenheid met leeftijdsgenoten, leraren en school wordt geassocieerd met een hogere motivatie en betrokkenheid. Klik hier voor meer info.',
                  en: 'School bonding refers to the quality of the relationship between pupil, parents and school. Thinking in terms of connection means thinking in terms of relationships. The bonding perspective stresses that learning is not only a cognitive process but also depends strongly on the relationships and the sense of safety and involvement pupils experience. A sense of connectedness with peers, teachers and school is associated with higher motivation and engagement. Click here for more info.',
                },
              },
            ],
            questions: [
              {
                id: 'f0-schoolklimaat.1',
                seedLine: 57,
                text: {
                  nl: 'Gebruikt de school één of meerdere van volgende methodieken: proactieve cirkel, nieuwe autoriteit, geweldloos verzet, ...?',
                  en: 'Does the school use one or more of the following methods: proactive circle, new authority, non-violent resistance, ...?',
                },
              },
              {
                id: 'f0-schoolklimaat.2',
                seedLine: 61,
                text: {
                  nl: 'Organiseert de school activiteiten tijdens pauzemomenten?',
                  en: 'Does the school organise activities during breaks?',
                },
              },
              {
                id: 'f0-schoolklimaat.3',
                seedLine: 65,
                text: {
                  nl: 'Organiseert de school activiteiten bij de opstart van het schooljaar om elkaar op een meer ongedwongen manier te leren kennen (zowel voor leerlingen, leerkrachten als voor ouders)?',
                  en: 'Does the school organise activities at the start of the school year to get to know each other in a more relaxed way (for pupils, teachers as well as parents)?',
                },
              },
              {
                id: 'f0-schoolklimaat.4',
                seedLine: 69,
                text: {
                  nl: 'Worden er doorheen het schooljaar activiteiten georganiseerd rond welbevinden?',
                  en: 'Are activities on well-being organised throughout the school year?',
                },
              },
              {
                id: 'f0-schoolklimaat.5',
                seedLine: 73,
                text: {
                  nl: 'Welke acties onderneemt de school in het kader van leerlingen- en ouderparticipatie?',
                  en: 'What does the school do to involve pupils and parents (participation)?',
                },
              },
              {
                id: 'f0-schoolklimaat.6',
                seedLine: 77,
                text: {
                  nl: 'Worden er periodiek groeigesprekken gedaan met alle leerlingen?',
                  en: 'Are periodic growth conversations held with all pupils?',
                },
              },
              {
                id: 'f0-schoolklimaat.7',
                seedLine: 81,
                text: {
                  nl: 'Monitort de school systematisch het welbevinden van de leerlingen?',
                  en: "Does the school systematically monitor the pupils' well-being?",
                },
              },
              {
                id: 'f0-schoolklimaat.8',
                seedLine: 85,
                text: {
                  nl: 'Hoe zet de school in op het versterken van de band tussen leerlingen en leerkrachten?',
                  en: 'How does the school work on strengthening the bond between pupils and teachers?',
                },
              },
              {
                id: 'f0-schoolklimaat.9',
                seedLine: 89,
                text: {
                  nl: 'Is er aandacht voor warme overdracht wanneer een leerling op school start buiten de vaste scharniermomenten, vb. na tuchtprocedure of verhuis? Hoe werkt school aan verbinding?',
                  en: 'Is there attention to a warm handover when a pupil starts at the school outside the usual transition points, e.g. after a disciplinary procedure or a move? How does the school work on connection?',
                },
              },
              {
                id: 'f0-schoolklimaat.10',
                seedLine: 93,
                text: {
                  nl: 'Heeft de school een pestbeleid en onderneemt ze actie bij eerste signalen?',
                  en: 'Does the school have an anti-bullying policy and does it act on the first signs?',
                },
              },
            ],
          },
          {
            id: 'f0-kleuterparticipatie',
            seedLine: 115,
            title: {
              nl: 'De school zet zich in om een verbindend schoolklimaat te realiseren voor leerlingen, ouders en schoolpersoneel',
              en: 'The school works towards a connecting school climate for pupils, parents and school staff',
            },
            overviewTitle: {
              nl: 'De school zet zich in om een verbindend schoolklimaat te realiseren voor leerlingen, ouders en schoolpersoneel.',
              en: 'The school works towards a connecting school climate for pupils, parents and school staff.',
            },
            theme: { nl: 'Kleuterparticipatie', en: 'Pre-school participation' },
            explanation: [
              {
                seedLine: 116,
                text: {
                  nl: 'Verbinding start al in de kleuterschool. Door extra in te zetten op kleuterparticipatie, en ouderbetrokkenheid van bij de start van de kleuterschool, verhoogt de school de aanwezigheid en betrokkenheid van jonge kinderen, wat cruciaal is voor hun cognitieve, sociale en emotionele ontwikkeling en latere leerprestaties. Klik hier voor meer info.',
                  en: 'Connection already starts in pre-school (kleuterschool). By investing extra in pre-school participation and parental involvement from the start of pre-school, the school raises the attendance and engagement of young children, which is crucial for their cognitive, social and emotional development and later learning. Click here for more info.',
                },
              },
            ],
            questions: [
              {
                id: 'f0-kleuterparticipatie.1',
                seedLine: 119,
                text: {
                  nl: 'Sensibiliseert de school de ouders voldoende over het belang van aanwezigheid op school? Op welke manier geven ze dit vorm?',
                  en: 'Does the school sufficiently make parents aware of the importance of attending school? How does it go about this?',
                },
              },
              {
                id: 'f0-kleuterparticipatie.2',
                seedLine: 123,
                text: {
                  nl: 'Welke concrete acties doet een school om de kleuterparticipatie te verhogen?',
                  en: 'What concrete actions does a school take to raise pre-school participation?',
                },
              },
              {
                id: 'f0-kleuterparticipatie.3',
                seedLine: 127,
                text: {
                  nl: 'Zijn er samenwerkingsverbanden met externe partners in kader van kleuterparticipatie en ouderbetrokkenheid?',
                  en: 'Are there partnerships with external partners on pre-school participation and parental involvement?',
                },
              },
              {
                id: 'f0-kleuterparticipatie.4',
                seedLine: 131,
                text: {
                  nl: 'Is er extra aandacht voor de kansengroepen?',
                  en: 'Is there extra attention for disadvantaged groups?',
                },
              },
            ],
          },
          {
            id: 'f0-inschrijving',
            seedLine: 149,
            title: {
              nl: 'Het inschrijvingsbeleid verhoogt gelijke onderwijskansen en is transparant over onderlinge verwachtingen',
              en: 'The enrolment policy increases equal educational opportunities and is transparent about mutual expectations',
            },
            overviewTitle: {
              nl: 'Het inschrijvingsbeleid verhoogt gelijke onderwijskansen en is transparant over onderlinge verwachtingen.',
              en: 'The enrolment policy increases equal educational opportunities and is transparent about mutual expectations.',
            },
            explanation: [
              {
                seedLine: 150,
                text: {
                  nl: 'Het inschrijvingsmoment is het eerste moment om aan een informele en een formele band te bouwen met de ouders en de leerling. De inschrijving is de start van een jarenlange samenwerking. Het moet dan ook voor alle partijen heel duidelijk zijn wat die verbintenis inhoudt. Hierbij is het belangrijk om aandacht te hebben voor kansarmoede en een armoedegevoelig beleid uit te dragen. (Klik hier voor meer info)',
                  en: 'Enrolment is the first moment to build an informal and a formal bond with the parents and the pupil. Enrolment is the start of a collaboration lasting years, so it must be very clear to everyone what that commitment means. It is important here to pay attention to poverty and to carry out a poverty-sensitive policy. (Click here for more info)',
                },
              },
            ],
            questions: [
              {
                id: 'f0-inschrijving.1',
                seedLine: 154,
                text: {
                  nl: 'Worden belangrijke afspraken in het schoolreglement samen met ouders en leerlingen overlopen, met bijzondere aandacht voor afspraken rond aanwezigheid en betrokkenheid van ouders (oudercontact, goede communicatie bij afwezigheid, ...)',
                  en: 'Are important agreements in the school rules gone through together with parents and pupils, with particular attention to agreements on attendance and parental involvement (parent meetings, good communication about absence, ...)',
                },
              },
              {
                id: 'f0-inschrijving.2',
                seedLine: 158,
                text: {
                  nl: 'Wordt er bij de inschrijving nagevraagd of er een match is tussen de keuze/interesse/vaardigheden/capaciteiten van de leerling en het aanbod van de school?',
                  en: "At enrolment, does the school check whether the pupil's choice/interest/skills/abilities match what the school offers?",
                },
              },
              {
                id: 'f0-inschrijving.3',
                seedLine: 162,
                text: {
                  nl: 'Houdt de school rekening met kansarmoede en wordt er armoedegevoelig beleid uitgedragen?',
                  en: 'Does the school take poverty into account and does it carry out a poverty-sensitive policy?',
                },
              },
              {
                id: 'f0-inschrijving.4',
                seedLine: 166,
                text: {
                  nl: 'Is er een brugfiguur die gezinnen uit socio-economische kwetsbaarheid kan inlichten over hun sociale rechten en kan helpen met doorverwijzingen. (Klik hier voor enkele good practices)',
                  en: 'Is there a bridging figure who can inform socio-economically vulnerable families about their social rights and help with referrals? (Click here for some good practices)',
                },
              },
              {
                id: 'f0-inschrijving.5',
                seedLine: 170,
                text: {
                  nl: 'Gaat de school na of de leerling specifieke onderwijs- en opvoedingsbehoeften heeft?',
                  en: 'Does the school check whether the pupil has specific educational needs?',
                },
              },
              {
                id: 'f0-inschrijving.6',
                seedLine: 174,
                text: {
                  nl: 'Vraagt de school na of er een medische problematiek is waar rekening mee moet gehouden worden en welke effecten dit heeft op aanwezigheid?',
                  en: 'Does the school ask whether there is a medical condition to take into account and how it affects attendance?',
                },
              },
              {
                id: 'f0-inschrijving.7',
                seedLine: 178,
                text: {
                  nl: 'Maakt de school afspraken rond afwezigheden en ondersteuning bij zwangere leerlingen en tienerouders?',
                  en: 'Does the school make agreements on absences and support for pregnant pupils and teenage parents?',
                },
              },
              {
                id: 'f0-inschrijving.8',
                seedLine: 182,
                text: {
                  nl: 'Gaat de school bij de inschrijving na of de leerling een anderstalige nieuwkomer is, OKAN gevolgd heeft en of er een vervolgcoach is aangesteld?',
                  en: 'At enrolment, does the school check whether the pupil is a newcomer with another home language, has followed OKAN (reception classes) and whether a follow-up coach has been appointed?',
                },
              },
              {
                id: 'f0-inschrijving.9',
                seedLine: 186,
                text: {
                  nl: 'Staat de school open voor snuffelmomenten zodat leerlingen weten waar ze gaan terecht komen of met meer zekerheid voor de richting kiezen?',
                  en: 'Is the school open to taster moments so pupils know where they will end up or can choose their course with more confidence?',
                },
              },
              {
                id: 'f0-inschrijving.10',
                seedLine: 190,
                text: {
                  nl: 'Neemt de school contact op met de vorige school in kader van warme overdracht, vb. na BOS of verhuis? Hoe wordt dit bij inschrijving besproken?',
                  en: 'Does the school contact the previous school for a warm handover, e.g. after BOS or a move? How is this discussed at enrolment?',
                },
              },
            ],
          },
          {
            id: 'f0-registratie',
            seedLine: 210,
            title: {
              nl: 'De school beschikt over een strikt beleid m.b.t. registratie van afwezigheden',
              en: 'The school has a strict policy on registering absences',
            },
            overviewTitle: {
              nl: 'De school beschikt over een strikt beleid m.b.t. registratie van afwezigheden.',
              en: 'The school has a strict policy on registering absences.',
            },
            explanation: [
              {
                seedLine: 211,
                text: {
                  nl: 'Een strikt beleid m.b.t. registratie van afwezigheid zorgt voor een duidelijk kader hoe en door wie geregistreerd wordt in de school.',
                  en: 'A strict policy on registering absence gives a clear framework for how, and by whom, absences are registered in the school.',
                },
              },
              {
                seedLine: 212,
                text: {
                  nl: 'Het is belangrijk om kritisch te kijken naar de aangeleverde attesten, en hierbij alert te zijn op alarmsignalen rond risicofactoren. De school beoordeelt de aangeleverde attesten steeds naar duur en rechtsgeldigheid. Bij langdurige attesten, bij chronische attesten, bij vermoeden van misbruik of twijfel aan de rechtsgeldigheid van een medisch attest is het belangrijk om dit snel te melden aan het CLB. De school dient hierin zowel kwantitatieve als kwalitatieve gegevens te verzamelen, die dan samen met het CLB verder beoordeeld moeten worden.',
                  en: 'It is important to look critically at the certificates handed in and to be alert to warning signs of risk factors. The school always assesses certificates for their duration and validity. With long-term certificates, chronic certificates, suspected misuse or doubts about the validity of a medical certificate, it is important to report this quickly to the CLB. The school should collect both quantitative and qualitative information, to be assessed further together with the CLB.',
                },
              },
              {
                seedLine: 213,
                text: {
                  nl: 'Goede praktijkvoorbeelden zijn bijvoorbeeld: voorziene afwezigheden (doktersbezoek, rechtbank, ...) op voorhand verplicht aanvragen; Elke ‘familiale afwezigheid’ wordt besproken met de leerlingbegeleider, vertrekkende vanuit de zorg voor het kind (Familiale afwezigheid kan op een onderliggende problematiek wijzen); L-code enkel indien leerling/ouders de school op voorhand verwittigd hebben.',
                  en: "Good practices are for example: planned absences (doctor's visit, court, ...) must be requested in advance; every 'family absence' is discussed with the pupil counsellor, starting from care for the child (family absence can point to an underlying problem); L-code only if the pupil/parents informed the school in advance.",
                },
              },
            ],
            questions: [
              {
                id: 'f0-registratie.1',
                seedLine: 217,
                text: {
                  nl: 'Bij wie komen de meldingen van afwezigheden binnen op school en wat doet deze persoon (noteren van afwezigheid, vragen naar reden, wijzen op wettiging van afwezigheid, ...)?',
                  en: 'Who at school receives reports of absence and what does this person do (record the absence, ask for the reason, point out that the absence must be justified, ...)?',
                },
              },
              {
                id: 'f0-registratie.2',
                seedLine: 221,
                text: {
                  nl: 'Door wie en hoe worden afwezigheden geregistreerd?',
                  en: 'By whom and how are absences registered?',
                },
              },
              {
                id: 'f0-registratie.3',
                seedLine: 225,
                text: {
                  nl: 'Hoe lang hebben ouders/leerlingen tijd om een wettiging binnen te brengen?',
                  en: 'How long do parents/pupils have to hand in a justification?',
                },
              },
              {
                id: 'f0-registratie.4',
                seedLine: 229,
                text: {
                  nl: 'Is de school alert op rechtsgeldigheid of langdurige attesten?',
                  en: 'Is the school alert to the validity of certificates and to long-term certificates?',
                },
              },
              {
                id: 'f0-registratie.5',
                seedLine: 233,
                text: {
                  nl: 'Loopt dit altijd vlot of waar zijn nog verbeterkansen?',
                  en: 'Does this always go smoothly, or where is there room for improvement?',
                },
              },
              {
                id: 'f0-registratie.6',
                seedLine: 237,
                text: {
                  nl: 'Hoe worden ouders op de hoogte gebracht bij een afwezigheid van een leerling?',
                  en: 'How are parents informed when a pupil is absent?',
                },
              },
            ],
          },
          {
            id: 'f0-terugkerende-leerlingen',
            seedLine: 256,
            title: {
              nl: 'De school hanteert een duidelijk beleid rond de verdere opvolging van afwezigheden na de registratie',
              en: 'The school has a clear policy on following up absences after registration',
            },
            overviewTitle: {
              nl: 'De school hanteert een duidelijk beleid rond de verdere opvolging van afwezigheden na de registratie.',
              en: 'The school has a clear policy on following up absences after registration.',
            },
            theme: {
              nl: 'Terugkerende leerlingen (vanaf 1 dag afwezigheid)',
              en: 'Returning pupils (from 1 day of absence)',
            },
            explanation: [
              {
                seedLine: 257,
                text: {
                  nl: 'Wanneer we vertrekken vanuit het bindingsperspectief is kort op de bal spelen, laagdrempelig en aanklampend handelen sterk aangewezen. Leerlingen kunnen door afwezigheden snel de mate aan binding met de school verliezen. Wanneer de leerling na afwezigheid merkt dat hier geen reactie op komt, is de kans veel groter dat de ‘vluchtroute’ van afwezigheid in de toekomst sneller wordt genomen.',
                  en: "Starting from the bonding perspective, acting early, in an accessible and persistent way is strongly recommended. Through absences, pupils can quickly lose their bond with the school. When a pupil notices after an absence that nobody reacts, the 'escape route' of absence is much more likely to be taken sooner in the future.",
                },
              },
              {
                seedLine: 258,
                text: {
                  nl: 'Het is van belang om al bij de eerste afwezigheden in gesprek te gaan met leerling en ouders. Dit gesprek wordt gevoerd door een personeelslid van de school. Het is contraproductief om dit door een schoolexterne partner (zoals het CLB) te laten doen. Er moet ingezet worden op binding tussen de school en de leerling/ouder en dit kan bij aanvang enkel via een persoonlijk contact tussen leerling/ouder en school gebeuren (klastitularis, secretariaatsmedewerker, leerlingbegeleider, vertrouwenspersoon).',
                  en: 'It is important to talk with pupil and parents from the very first absences. This conversation is held by a member of the school staff. Having an external partner (such as the CLB) do it is counterproductive. The bond between school and pupil/parent must be strengthened, and at the start this can only happen through personal contact between pupil/parent and school (class teacher, secretariat staff, pupil counsellor, person of trust).',
                },
              },
            ],
            questions: [
              {
                id: 'f0-terugkerende-leerlingen.1',
                seedLine: 260,
                text: {
                  nl: 'Wordt er bij terugkeer standaard gepolst naar hoe het met de leerling gaat, naar de reden van afwezigheid? Zijn hier duidelijke afspraken en rolverdeling over?',
                  en: 'On return, does the school routinely ask how the pupil is doing and the reason for the absence? Are there clear agreements and a division of roles on this?',
                },
              },
              {
                id: 'f0-terugkerende-leerlingen.2',
                seedLine: 264,
                text: {
                  nl: 'Zijn er afspraken over wie/wanneer contact opneemt met de ouders hieromtrent?',
                  en: 'Are there agreements on who contacts the parents about this, and when?',
                },
              },
              {
                id: 'f0-terugkerende-leerlingen.3',
                seedLine: 268,
                text: {
                  nl: 'Zijn er duidelijke schoolafspraken rond het bijwerken van nota’s?',
                  en: 'Are there clear school agreements on catching up on notes?',
                },
              },
              {
                id: 'f0-terugkerende-leerlingen.4',
                seedLine: 272,
                text: {
                  nl: 'Wat is de rol/verantwoordelijkheid van elke leerkracht, klastitularis, leerlingbegeleiding, ouder en leerling?',
                  en: 'What is the role/responsibility of each teacher, class teacher, pupil guidance, parent and pupil?',
                },
              },
              {
                id: 'f0-terugkerende-leerlingen.5',
                seedLine: 276,
                text: {
                  nl: 'Hoe zorgt de school ervoor dat ouders op laagdrempelige wijze met hen in contact kunnen komen i.v.m. afwezigheden?',
                  en: 'How does the school make sure parents can contact it easily about absences?',
                },
              },
            ],
          },
          {
            id: 'f0-monitoring',
            seedLine: 297,
            title: {
              nl: 'De school hanteert een duidelijk beleid rond de verdere opvolging van afwezigheden na de registratie',
              en: 'The school has a clear policy on following up absences after registration',
            },
            overviewTitle: {
              nl: 'De school hanteert een duidelijk beleid rond de verdere opvolging van afwezigheden na de registratie.',
              en: 'The school has a clear policy on following up absences after registration.',
            },
            theme: {
              nl: 'Monitoring data afwezigheden op schoolniveau',
              en: 'Monitoring absence data at school level',
            },
            explanation: [
              {
                seedLine: 298,
                text: {
                  nl: 'Het verzamelen van data is cruciaal voor het efficiënt opvolgen van afwezigheden. Op basis van eigen data kunnen de belangrijkste risicofactoren op school gedetecteerd worden, zodat de school daar gericht op kan inzetten. Data-analyse is een belangrijk instrument in de aanpak van schoolverzuim.',
                  en: 'Collecting data is crucial for following up absences efficiently. From its own data the school can detect its main risk factors and target them. Data analysis is an important instrument in tackling school absenteeism.',
                },
              },
            ],
            questions: [
              {
                id: 'f0-monitoring.1',
                seedLine: 302,
                text: {
                  nl: 'Hoe zorgt de school ervoor dat ze een goed overzicht heeft op alle afwezigheden en dit kan monitoren? (tip: Zelfscan Ducktape, gegevens Datawijzer)',
                  en: 'How does the school make sure it has a good overview of all absences and can monitor them? (tip: Ducktape self-scan, Datawijzer data)',
                },
              },
              {
                id: 'f0-monitoring.2',
                seedLine: 306,
                text: {
                  nl: 'Hoe vaak wordt er zo’n overzicht gemaakt en hoe worden hier acties op afgestemd?',
                  en: 'How often is such an overview made, and how are actions aligned with it?',
                },
              },
            ],
          },
          {
            id: 'f0-samenwerking',
            seedLine: 328,
            title: {
              nl: 'De school heeft goede samenwerkingsafspraken met al haar partners',
              en: 'The school has good cooperation agreements with all its partners',
            },
            overviewTitle: {
              nl: 'De school heeft goede samenwerkingsafspraken met al haar partners.',
              en: 'The school has good cooperation agreements with all its partners.',
            },
            explanation: [
              {
                seedLine: 329,
                text: {
                  nl: 'De opvolging en begeleiding van problematisch afwezige leerlingen is een verhaal van samenwerking en gedeelde verantwoordelijkheid. Het opzetten van een gezamenlijke aanpak heeft als doel ervoor te zorgen dat het leerrecht van de jongere wordt gewaarborgd en zijn latere kansen op de arbeidsmarkt worden vergroot.',
                  en: "Following up and supporting problematically absent pupils is a matter of cooperation and shared responsibility. A joint approach aims to safeguard the young person's right to learn and to increase their later chances on the labour market.",
                },
              },
              {
                seedLine: 330,
                text: {
                  nl: 'Het is belangrijk om goede afspraken te maken met alle betrokken partners rond de aanpak van afwezigheden: PBD, CLB, Leersteuncentrum, Schoolexterne trajecten (NAFT, transitietrajecten, ...), flankerend onderwijsbeleid, LOP, lokale politie, Huis van het Kind, ...',
                  en: 'It is important to make good agreements with all partners involved in tackling absences: PBD, CLB, learning support centre, out-of-school programmes (NAFT, transition programmes, ...), local education policy, LOP, local police, Huis van het Kind, ...',
                },
              },
            ],
            questions: [
              {
                id: 'f0-samenwerking.1',
                seedLine: 334,
                text: {
                  nl: 'Met welke partners wordt er samengewerkt rond schoolverzuim?',
                  en: 'With which partners does the school cooperate on school absenteeism?',
                },
              },
              {
                id: 'f0-samenwerking.2',
                seedLine: 338,
                text: {
                  nl: 'Is het voor de school voldoende duidelijk op welke partners ze beroep kan doen in dit kader?',
                  en: 'Is it clear enough to the school which partners it can call on for this?',
                },
              },
              {
                id: 'f0-samenwerking.3',
                seedLine: 342,
                text: {
                  nl: 'Welke afspraken heeft de school gemaakt rond de opvolging van afwezigheden met de betrokken partners?',
                  en: 'What agreements has the school made with the partners involved on following up absences?',
                },
              },
              {
                id: 'f0-samenwerking.4',
                seedLine: 346,
                text: {
                  nl: 'Loopt dit altijd vlot of waar zijn nog verbeterkansen?',
                  en: 'Does this always go smoothly, or where is there room for improvement?',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  {
    number: 1,
    seedLine: 364,
    title: { nl: 'Fase 1: Verhoogde zorg', en: 'Phase 1: Increased care' },
    overviewTitle: { nl: 'FASE 1: VERHOOGDE ZORG', en: 'PHASE 1: INCREASED CARE' },
    intro: [
      {
        seedLine: 469,
        text: {
          nl: 'Vanaf hier maken we een onderscheid tussen drie soorten problematische afwezigheden:',
          en: 'From here on we distinguish three kinds of problematic absence:',
        },
      },
      {
        seedLine: 470,
        text: {
          nl: 'Schoolverzuim kan relatief of absoluut zijn.  Als de leerplichtige leerling niet in een school is ingeschreven en ook geen huisonderwijs volgt, spreken we van absoluut schoolverzuim. De leerling voldoet niet aan de leerplichtwet.',
          en: 'School absenteeism can be relative or absolute. When a pupil of compulsory school age is not enrolled in a school and is not home-educated either, we speak of absolute absenteeism. The pupil does not comply with the compulsory education law.',
        },
      },
      {
        seedLine: 471,
        text: {
          nl: 'In dit plan richten we ons op de aanpak van relatief verzuim.',
          en: 'In this plan we focus on tackling relative absenteeism.',
        },
      },
      {
        seedLine: 472,
        text: {
          nl: '1. Ongeoorloofd relatief schoolverzuim: de ingeschreven leerling verzuimt lestijd of onderwijsactiviteiten zonder geldige reden.',
          en: '1. Unauthorised relative absenteeism: the enrolled pupil misses lessons or educational activities without a valid reason.',
        },
      },
      {
        seedLine: 473,
        text: {
          nl: '2. Geoorloofd relatief verzuim: Langdurige of chronische afwezigheden wegens ziekte',
          en: '2. Authorised relative absenteeism: long-term or chronic absence due to illness',
        },
      },
      {
        seedLine: 474,
        text: {
          nl: '3. Schoolweigering: De leerling blijft thuis door angst of emotionele klachten bij het vooruitzicht om naar school te gaan.',
          en: '3. School refusal: the pupil stays at home because of anxiety or emotional complaints at the prospect of going to school.',
        },
      },
    ],
    tracks: [
      {
        kind: 'general',
        goals: [
          {
            id: 'f1-binding',
            seedLine: 365,
            title: {
              nl: 'De school benadert elke afwezigheid vanuit het bindingsperspectief',
              en: 'The school approaches every absence from the bonding perspective',
            },
            overviewTitle: {
              nl: 'De school benadert elke afwezigheid vanuit het bindingsperspectief.',
              en: 'The school approaches every absence from the bonding perspective.',
            },
            explanation: [
              {
                seedLine: 366,
                text: {
                  nl: 'We benaderen elke afwezigheid vanuit de optiek dat ze problematisch kan zijn. Er is een verstoring van de binding tussen de leerling en de school, wat mogelijks een schoolse achterstand en verminderde sociale interactie tot gevolg heeft.',
                  en: 'We approach every absence from the view that it may be problematic. The bond between pupil and school is disturbed, which may lead to falling behind at school and less social interaction.',
                },
              },
            ],
            questions: [
              {
                id: 'f1-binding.1',
                seedLine: 370,
                text: {
                  nl: 'Wie gaat er in gesprek met de leerling/ouders? Gebeurt dit vanuit een open en verbindende houding?',
                  en: 'Who talks with the pupil/parents? Is this done with an open and connecting attitude?',
                },
              },
              {
                id: 'f1-binding.2',
                seedLine: 374,
                text: {
                  nl: 'Probeert de school te achterhalen wat mogelijke belemmeringen én beschermende factoren zijn om op school te geraken, en wordt er samen gezocht naar oplossingen om vooruit te geraken?',
                  en: 'Does the school try to find out what the possible obstacles and protective factors are for getting to school, and are solutions sought together to move forward?',
                },
              },
              {
                id: 'f1-binding.3',
                seedLine: 378,
                text: {
                  nl: 'Sensibiliseert de school rond het belang van aanwezig te zijn op school?',
                  en: 'Does the school raise awareness of the importance of being at school?',
                },
              },
              {
                id: 'f1-binding.4',
                seedLine: 382,
                text: {
                  nl: 'Is er een nauwe opvolging van evolutie afwezigheden?',
                  en: 'Is the evolution of absences followed up closely?',
                },
              },
              {
                id: 'f1-binding.5',
                seedLine: 386,
                text: {
                  nl: 'Hoe gebeurt de communicatie met leerlingen én ouders? Gebruikt de school een communicatiekanaal dat voor ouders toegankelijk is (niet alleen Smartschool)?',
                  en: 'How does communication with pupils and parents happen? Does the school use a channel that is accessible to parents (not only Smartschool)?',
                },
              },
              {
                id: 'f1-binding.6',
                seedLine: 390,
                text: {
                  nl: 'Welke stappen zet de school wanneer ouders niet te bereiken zijn?',
                  en: 'What steps does the school take when parents cannot be reached?',
                },
              },
              {
                id: 'f1-binding.7',
                seedLine: 394,
                text: {
                  nl: 'Wie vraagt of er hulpverlening betrokken is en welke?',
                  en: 'Who asks whether support services are involved, and which?',
                },
              },
              {
                id: 'f1-binding.8',
                seedLine: 398,
                text: {
                  nl: 'Wie behoudt de verbinding met de leerling en hoe frequent?',
                  en: 'Who keeps in touch with the pupil, and how often?',
                },
              },
              {
                id: 'f1-binding.9',
                seedLine: 402,
                text: {
                  nl: 'Worden er huisbezoeken gedaan en wie doet dit?',
                  en: 'Are home visits made, and who makes them?',
                },
              },
              {
                id: 'f1-binding.10',
                seedLine: 406,
                text: {
                  nl: 'Wordt de leerling positief bekrachtigd als hij/zij aanwezig is?',
                  en: 'Is the pupil positively reinforced when he/she attends?',
                },
              },
              {
                id: 'f1-binding.11',
                seedLine: 410,
                text: {
                  nl: 'Is er aandacht voor een mogelijke pestproblematiek en worden hier acties aan gekoppeld?',
                  en: 'Is there attention to possible bullying, and are actions linked to it?',
                },
              },
            ],
          },
          {
            id: 'f1-dossier',
            seedLine: 425,
            title: {
              nl: 'De school noteert duidelijke afspraken voor de verdere aanpak van de afwezigheid in het individueel leerlingendossier',
              en: 'The school records clear agreements on the further approach to the absence in the individual pupil file',
            },
            overviewTitle: {
              nl: 'De school noteert duidelijke afspraken voor de verdere aanpak van afwezigheid in het individueel leerlingdossier.',
              en: 'The school records clear agreements on the further approach to absence in the individual pupil file.',
            },
            explanation: [
              {
                seedLine: 426,
                text: {
                  nl: 'Vooraleer een leerling aangemeld wordt ter bespreking met het CLB, is het belangrijk om schoolintern al een eerste beeld te krijgen van een mogelijke problematiek, en de stappen die worden ondernomen ter opvolging van de afwezigheden goed te noteren in het leerlingendossier.',
                  en: 'Before a pupil is referred to the CLB for discussion, it is important to get a first picture of a possible problem within the school, and to record the steps taken to follow up the absences carefully in the pupil file.',
                },
              },
              {
                seedLine: 427,
                text: {
                  nl: 'Soms kan de afwezigheidsproblematiek binnen een school grotere proporties aannemen waardoor het strikt opvolgen van het aanwezigheidsbeleid in het gedrang kan komen. Een aantal suggesties bij prioritering van op te volgen leerlingen:',
                  en: 'Sometimes absence problems in a school can grow so large that strictly following the attendance policy is at risk. Some suggestions for prioritising the pupils to follow up:',
                },
              },
              {
                seedLine: 428,
                text: {
                  nl: 'De leeftijd van de leerling (hoe jonger, hoe meer marge om de binding met de school te herstellen).',
                  en: "The pupil's age (the younger, the more room to restore the bond with the school).",
                },
                listItem: true,
              },
              {
                seedLine: 429,
                text: {
                  nl: 'De ouders werken niet mee, lijken onverschillig tegenover het probleem of zijn niet bereikbaar.',
                  en: 'The parents do not cooperate, seem indifferent to the problem or cannot be reached.',
                },
                listItem: true,
              },
              {
                seedLine: 430,
                text: {
                  nl: 'De snelheid/tijdspanne waarin afwezigheden zich op korte termijn opstapelen.',
                  en: 'The speed/time span in which absences pile up in the short term.',
                },
                listItem: true,
              },
              {
                seedLine: 431,
                text: {
                  nl: 'Leerlingen met risicofactoren (cfr toolbox)',
                  en: 'Pupils with risk factors (see toolbox)',
                },
                listItem: true,
              },
            ],
            questions: [
              {
                id: 'f1-dossier.1',
                seedLine: 435,
                text: {
                  nl: 'Zijn er schoolafspraken rond bijschrijven van nota’s, verwerken van de gemiste leerstof en evaluaties op maat van de leerling?',
                  en: 'Are there school agreements on catching up on notes, working through missed material and assessments tailored to the pupil?',
                },
              },
              {
                id: 'f1-dossier.2',
                seedLine: 439,
                text: {
                  nl: 'Hoe, door wie en vanaf wanneer worden de interventies rond afwezigheden genoteerd in het leerlingendossier?',
                  en: 'How, by whom and from when are interventions on absences recorded in the pupil file?',
                },
              },
              {
                id: 'f1-dossier.3',
                seedLine: 443,
                text: {
                  nl: 'Wordt er een intern overleg georganiseerd rond verdere opvolging? Is dit structureel en wie is hierbij betrokken?',
                  en: 'Is internal consultation on further follow-up organised? Is it structural and who takes part?',
                },
              },
              {
                id: 'f1-dossier.4',
                seedLine: 447,
                text: {
                  nl: 'Wie volgt de gemaakte afspraken op binnen de school?',
                  en: 'Who follows up the agreements made within the school?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'B',
        seedLine: 478,
        title: {
          nl: 'Ongeoorloofd relatief schoolverzuim (B-codes)',
          en: 'Unauthorised relative absenteeism (B-codes)',
        },
        overviewTitle: {
          nl: 'ONGEOORLOOFD RELATIEF VERZUIM (B-codes)',
          en: 'UNAUTHORISED RELATIVE ABSENTEEISM (B-codes)',
        },
        goals: [
          {
            id: 'f1-b-zorgoverleg',
            seedLine: 479,
            title: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg tussen de school en het CLB',
              en: 'The school organises a pupil guidance team or care meeting between the school and the CLB',
            },
            overviewTitle: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg tussen de school en het CLB.',
              en: 'The school organises a pupil guidance team or care meeting between the school and the CLB.',
            },
            explanation: [
              {
                seedLine: 480,
                text: {
                  nl: 'De school bespreekt de problematisch afwezige leerlingen met het CLB tijdens een gestructureerd zorgoverleg of cel leerlingenbegeleiding. Dit gebeurt steeds nadat de school al het eerste gesprek rond afwezigheden met de leerling heeft gevoerd, en een eerste beeld heeft van de achterliggende problematiek. Het is belangrijk dat dit zo snel mogelijk gebeurt om kort op de bal te kunnen spelen. Vanaf 5 B-codes meldt de school de afwezigheden aan het CLB. Hoe ze dit doen wordt in de samenwerkingsafspraken bepaald. Bij een eerste aanmelding bij het CLB is het belangrijk om voldoende informatie aan te leveren, zodat een volgende stap samen besproken kan worden. In zorgfase 1 gaat het CLB consultatief te werk en mee nadenken welke stappen de school extra kan ondernemen. Het kan ook zijn, omwille van de problematiek, dat er snel besloten wordt om andere partners in te schakelen (vb. Politie, NAFT, ...) en over te gaan naar fase 2 (uitbreiding van zorg).',
                  en: 'The school discusses problematically absent pupils with the CLB in a structured care meeting or pupil guidance team. This always happens after the school has had the first conversation about the absences with the pupil and has a first picture of the underlying problem. It is important that this happens as soon as possible, to act early. From 5 B-codes the school reports the absences to the CLB; how is set out in the cooperation agreements. At a first referral to the CLB it is important to supply enough information so that a next step can be discussed together. In care phase 1 the CLB works consultatively and helps think about which extra steps the school can take. Because of the problem, it may also be decided quickly to involve other partners (e.g. police, NAFT, ...) and to move to phase 2 (extension of care).',
                },
              },
            ],
            questions: [
              {
                id: 'f1-b-zorgoverleg.1',
                seedLine: 482,
                text: {
                  nl: 'Vindt er steeds een gesprek plaats met de leerling rond afwezigheden, alvorens er een melding gebeurt aan CLB?',
                  en: 'Is there always a conversation with the pupil about the absences before they are reported to the CLB?',
                },
              },
              {
                id: 'f1-b-zorgoverleg.2',
                seedLine: 486,
                text: {
                  nl: 'Worden afwezigheden consequent gemeld aan het CLB vanaf 5 B-codes?',
                  en: 'Are absences consistently reported to the CLB from 5 B-codes?',
                },
              },
              {
                id: 'f1-b-zorgoverleg.3',
                seedLine: 490,
                text: {
                  nl: 'Organiseert de school een systematisch gestructureerd overleg met het CLB rond afwezigheden?',
                  en: 'Does the school organise systematic structured consultation with the CLB on absences?',
                },
              },
              {
                id: 'f1-b-zorgoverleg.4',
                seedLine: 494,
                text: {
                  nl: 'Heeft de school voldoende informatie ter voorbereiding van het overleg (aantal afwezigheden, reden van afwezigheden, wat werd al ondernomen, wat werkt en wat werkt minder, eerste verkenning van achterliggende problematiek, ...)?',
                  en: 'Does the school have enough information to prepare the meeting (number of absences, reasons for absence, what has been done, what works and what works less, a first exploration of the underlying problem, ...)?',
                },
              },
              {
                id: 'f1-b-zorgoverleg.5',
                seedLine: 498,
                text: {
                  nl: 'Wordt het spijbelprofiel in kaart gebracht? (zie: Checklist spijbelprofielen)',
                  en: 'Is the truancy profile mapped? (see: checklist of truancy profiles)',
                },
              },
            ],
          },
          {
            id: 'f1-b-maatregelen',
            seedLine: 517,
            title: {
              nl: 'De school past zowel verbindende als sanctionerende maatregelen toe binnen het beleid rond afwezigheden',
              en: 'The school applies both connecting and sanctioning measures within its absence policy',
            },
            overviewTitle: {
              nl: 'De school past zowel verbindende als sanctionerende maatregelen toe binnen het beleid rond afwezigheden.',
              en: 'The school applies both connecting and sanctioning measures within its absence policy.',
            },
            explanation: [
              {
                seedLine: 518,
                text: {
                  nl: 'Wanneer een jongere nog voldoende binding heeft met de school kan een sanctionerende maatregel ertoe leiden dat het sporadisch afwezig zijn achterwege blijft. Wanneer de afwezigheden te frequent zijn en de binding te verzwakt kan een sanctionerende maatregel de jongere nog verder van school wegdrijven.',
                  en: 'When a young person still has enough bond with the school, a sanction can make occasional absence stop. When absences are too frequent and the bond too weak, a sanction can drive the young person even further away from school.',
                },
              },
              {
                seedLine: 519,
                text: {
                  nl: 'In een schoolse setting is het belangrijk om ook rond het sanctioneren duidelijke afspraken te hebben, die in principe voor iedereen van toepassing zijn. Toch blijft het aanbevolen om bij de uitvoering van het sanctiebeleid met deze bevindingen rekening te houden. Een sanctioneringsbeleid in combinatie met begeleiding en bindingsperspectief, zal eerder kans op slagen hebben.',
                  en: 'In a school setting it is important to have clear agreements on sanctions too, which in principle apply to everyone. Still, it remains advisable to take these findings into account when applying the sanctions policy. A sanctions policy combined with guidance and the bonding perspective is more likely to succeed.',
                },
              },
            ],
            questions: [
              {
                id: 'f1-b-maatregelen.1',
                seedLine: 523,
                text: {
                  nl: 'Welke sancties past de school toe rond te laat komen en ongewettigd afwezig zijn?',
                  en: 'What sanctions does the school apply for coming late and for unauthorised absence?',
                },
              },
              {
                id: 'f1-b-maatregelen.2',
                seedLine: 527,
                text: {
                  nl: 'Wat bij afwezig zijn bij stages en toetsen? (Wanneer) is herkansing mogelijk?',
                  en: 'What about absence during work placements and tests? (When) is a resit possible?',
                },
              },
              {
                id: 'f1-b-maatregelen.3',
                seedLine: 531,
                text: {
                  nl: 'Hoe bewaakt de school dat er naast het sanctioneren ook ingezet wordt op schoolbinding?',
                  en: 'How does the school make sure that, besides sanctioning, it also invests in school bonding?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'ZD',
        seedLine: 547,
        title: {
          nl: 'Geoorloofd relatief verzuim (Z- en D-codes)',
          en: 'Authorised relative absenteeism (Z- and D-codes)',
        },
        overviewTitle: {
          nl: 'GEOORLOOFD RELATIEF VERZUIM (Z- en D-codes)',
          en: 'AUTHORISED RELATIVE ABSENTEEISM (Z- and D-codes)',
        },
        goals: [
          {
            id: 'f1-zd-zorgoverleg',
            seedLine: 548,
            title: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg tussen de school en het CLB',
              en: 'The school organises a pupil guidance team or care meeting between the school and the CLB',
            },
            overviewTitle: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg tussen de school en het CLB.',
              en: 'The school organises a pupil guidance team or care meeting between the school and the CLB.',
            },
            explanation: [
              {
                seedLine: 549,
                text: {
                  nl: 'Bij langdurige of chronische afwezigheden wordt het CLB best zo snel mogelijk betrokken. De school spreekt hiertoe in eerste instantie ouders en leerling hierover aan en brengt hen op de hoogte dat zij advies kunnen inwinnen bij het CLB. Samen met de CLB-onthaler wordt ingeschat of het noodzakelijk is om in overleg te gaan met de betrokken arts.',
                  en: 'With long-term or chronic absences the CLB is best involved as soon as possible. The school first talks to the parents and pupil about it and tells them they can ask the CLB for advice. Together with the CLB intake worker it is assessed whether it is necessary to consult the doctor involved.',
                },
              },
              {
                seedLine: 550,
                text: {
                  nl: 'Zeker bij vermoeden van misbruik of bij twijfel aan rechtsgeldigheid van het medisch attest, wordt het CLB best zo snel mogelijk ingelicht.',
                  en: 'Certainly when misuse is suspected or the validity of the medical certificate is in doubt, the CLB is best informed as soon as possible.',
                },
              },
            ],
            questions: [
              {
                id: 'f1-zd-zorgoverleg.1',
                seedLine: 554,
                text: {
                  nl: 'Zijn er duidelijke afspraken met het CLB rond de opvolging van langdurige of chronische afwezigheden?',
                  en: 'Are there clear agreements with the CLB on following up long-term or chronic absences?',
                },
              },
              {
                id: 'f1-zd-zorgoverleg.2',
                seedLine: 558,
                text: {
                  nl: 'Wat doet de school bij twijfel aan rechtsgeldigheid van de medische attesten of bij vermoeden van misbruik?',
                  en: 'What does the school do when it doubts the validity of medical certificates or suspects misuse?',
                },
              },
            ],
          },
          {
            id: 'f1-zd-zieke-leerlingen',
            seedLine: 576,
            title: {
              nl: 'De school brengt de onderwijsmogelijkheden voor zieke leerlingen in kaart en informeert leerling en ouders hierover',
              en: 'The school maps the educational options for sick pupils and informs pupil and parents about them',
            },
            overviewTitle: {
              nl: 'De school brengt de onderwijsmogelijkheden voor zieke leerlingen in kaart en informeert leerling en ouders hierover.',
              en: 'The school maps the educational options for sick pupils and informs pupil and parents about them.',
            },
            explanation: [
              {
                seedLine: 577,
                text: {
                  nl: 'De school moet de ouders individueel op de hoogte brengen van het bestaan en de mogelijkheden van onderwijs voor zieke leerlingen. We denken hierbij specifiek aan TOAH, SIO (Bednet), Blended leren, ... We herhalen het belang van een goede registratie en opvolging van afwezigheden in het algemeen. Enkel via goede registratie kan de school het recht op specifieke onderwijsmaatregelen vaststellen, als deze niet via ouders of arts werden aangevraagd.',
                  en: 'The school must inform parents individually about the existence and possibilities of education for sick pupils, specifically TOAH, SIO (Bednet), blended learning, ... We repeat the importance of good registration and follow-up of absences in general. Only through good registration can the school establish the right to specific educational measures when these were not requested by parents or a doctor.',
                },
              },
              {
                seedLine: 578,
                text: {
                  nl: 'Voor een aantal maatregelen werd een checklist ontwikkeld die de school en/of CLB kan gebruiken om in te schatten of deze geschikt is voor de leerling: Checklist TOAH , Checklist Synchroon Internetonderwijs (SIO), Checklist School en Ziek zijn',
                  en: 'For some measures a checklist was developed that the school and/or CLB can use to assess whether the measure suits the pupil: checklist TOAH, checklist synchronous internet education (SIO), checklist School and being ill',
                },
              },
              {
                seedLine: 579,
                text: {
                  nl: 'Kleuters zijn nog niet leerplichtig. Dit neemt niet weg dat ook de ouders van deze doelgroep geïnformeerd kunnen worden over de onderwijs-mogelijkheden. Ook voor kleuters kan veelvuldige of langdurige afwezigheid wegens ziekte grote gevolgen hebben.',
                  en: 'Pre-school children are not yet of compulsory school age. Still, the parents of this group can also be informed about the educational options. For young children too, frequent or long absence due to illness can have big consequences.',
                },
              },
            ],
            questions: [
              {
                id: 'f1-zd-zieke-leerlingen.1',
                seedLine: 583,
                text: {
                  nl: 'Wordt de CLB-arts (mits toestemming) door de school betrokken bij ziekteattesten voor contact met de behandeld arts in functie van een advies?',
                  en: 'Does the school involve the CLB doctor (with consent) in sick notes, to contact the treating doctor for advice?',
                },
              },
              {
                id: 'f1-zd-zieke-leerlingen.2',
                seedLine: 587,
                text: {
                  nl: 'Gaat de school na op welke specifieke onderwijsmaatregelen de leerling recht heeft (TOAH, SIO, Bednet, Blended leren, ...)?',
                  en: 'Does the school check which specific educational measures the pupil is entitled to (TOAH, SIO, Bednet, blended learning, ...)?',
                },
              },
              {
                id: 'f1-zd-zieke-leerlingen.3',
                seedLine: 591,
                text: {
                  nl: 'Brengt de school de ouders/ leerling individueel op de hoogte van het bestaan en de mogelijkheden voor zieke leerlingen (bednet, TOAH, SIO, flexibele trajecten,..)?',
                  en: 'Does the school inform parents/pupil individually about the existence and the options for sick pupils (Bednet, TOAH, SIO, flexible programmes, ..)?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'SW',
        seedLine: 610,
        title: { nl: 'Schoolweigering (al dan niet gewettigd)', en: 'School refusal (whether or not justified)' },
        overviewTitle: { nl: 'SCHOOLWEIGERING', en: 'SCHOOL REFUSAL' },
        goals: [
          {
            id: 'f1-sw-signalen',
            seedLine: 611,
            title: {
              nl: 'De school is alert op signalen van schoolweigering en reageert snel',
              en: 'The school is alert to signs of school refusal and reacts quickly',
            },
            overviewTitle: {
              nl: 'De school is alert op signalen van schoolweigering en reageert snel.',
              en: 'The school is alert to signs of school refusal and reacts quickly.',
            },
            explanation: [
              {
                seedLine: 612,
                text: {
                  nl: 'Kenmerkend bij schoolweigering is de grote emotionele onrust die de leerling ervaart bij het vooruitzicht naar school te moeten gaan. Het is een veelzijdige problematiek met gevolgen op persoonlijk en sociaal vlak. Onder andere HOGENT deed hiernaar onderzoek en definieerde signalen en ontwikkelde een methodiek om aan de slag te gaan rond dit thema. Dit resulteerde in het project ‘Angst voor de schoolpoort’.',
                  en: "Typical of school refusal is the great emotional distress the pupil feels at the prospect of having to go to school. It is a many-sided problem with personal and social consequences. HOGENT, among others, researched it, defined signs and developed a method to work on this theme. This resulted in the project 'Angst voor de schoolpoort' (fear of the school gate).",
                },
              },
              {
                seedLine: 613,
                text: {
                  nl: 'Vroege signalen zijn o.a.: Na vakantieperiode/weekend/ziekte moeite om terug te komen; tegenvallende of dalende cijfers; groeiend aantal afwezigheden; schoolverandering en/of zittenblijven; (korte) periodes van afwezigheid (vaste dagen/uren), vaak gewettigd; verandering in gedrag (opvallend stiller, of net niet); fysieke klachten op school en vraag om contact op te nemen met thuis; aarzeling, twijfels, blokkades bij bepaalde vakken/leerkrachten; vaak te laat komen; afhaken op sociaal vlak.',
                  en: 'Early signs include: trouble coming back after a holiday/weekend/illness; disappointing or falling marks; a growing number of absences; change of school and/or repeating a year; (short) periods of absence (fixed days/hours), often justified; a change in behaviour (noticeably quieter, or the opposite); physical complaints at school and asking to contact home; hesitation, doubts, blocks with certain subjects/teachers; often coming late; dropping out socially.',
                },
              },
            ],
            questions: [
              {
                id: 'f1-sw-signalen.1',
                seedLine: 617,
                text: {
                  nl: 'Is de school bekend met de methodiek ‘Angst voor de schoolpoort’?',
                  en: "Is the school familiar with the 'Angst voor de schoolpoort' method?",
                },
              },
              {
                id: 'f1-sw-signalen.2',
                seedLine: 621,
                text: {
                  nl: 'Blijft de school betrokkenheid tonen, ook al zijn er externe partners betrokken? Wie is de spilfiguur binnen de school?',
                  en: 'Does the school stay involved even when external partners are involved? Who is the key person within the school?',
                },
              },
              {
                id: 'f1-sw-signalen.3',
                seedLine: 625,
                text: {
                  nl: 'Hoe blijft de school het contact behouden met de leerling?',
                  en: 'How does the school keep in contact with the pupil?',
                },
              },
              {
                id: 'f1-sw-signalen.4',
                seedLine: 629,
                text: {
                  nl: 'Wordt de CLB-arts (mits toestemming) door de school betrokken bij ziekteattesten voor contact met de behandeld arts in functie van een advies?',
                  en: 'Does the school involve the CLB doctor (with consent) in sick notes, to contact the treating doctor for advice?',
                },
              },
              {
                id: 'f1-sw-signalen.5',
                seedLine: 633,
                text: {
                  nl: 'Worden de signalen van schoolweigering besproken met de jongere?',
                  en: 'Are the signs of school refusal discussed with the young person?',
                },
              },
              {
                id: 'f1-sw-signalen.6',
                seedLine: 637,
                text: {
                  nl: 'Worden de signalen van schoolweigering besproken met de ouders?',
                  en: 'Are the signs of school refusal discussed with the parents?',
                },
              },
              {
                id: 'f1-sw-signalen.7',
                seedLine: 641,
                text: {
                  nl: 'Worden er duidelijke afspraken gemaakt rond de aanpak?',
                  en: 'Are clear agreements made on the approach?',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  {
    number: 2,
    seedLine: 659,
    title: { nl: 'Fase 2: Uitbreiding van zorg', en: 'Phase 2: Extension of care' },
    overviewTitle: { nl: 'FASE 2: UITBREIDING VAN ZORG', en: 'PHASE 2: EXTENSION OF CARE' },
    tracks: [
      {
        kind: 'B',
        seedLine: 660,
        title: { nl: 'Ongeoorloofd relatief verzuim (B-codes)', en: 'Unauthorised relative absenteeism (B-codes)' },
        overviewTitle: {
          nl: 'ONGEOORLOOFD RELATIEF VERZUIM (B-codes)',
          en: 'UNAUTHORISED RELATIVE ABSENTEEISM (B-codes)',
        },
        goals: [
          {
            id: 'f2-b-zorgoverleg',
            seedLine: 661,
            title: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg',
              en: 'The school organises a pupil guidance team or care meeting',
            },
            overviewTitle: {
              nl: 'De school organiseert een cel leerlingenbegeleiding of zorgoverleg.',
              en: 'The school organises a pupil guidance team or care meeting.',
            },
            explanation: [
              {
                seedLine: 662,
                text: {
                  nl: 'Fase 2 start wanneer de afwezigheden blijven toenemen ondanks het begeleidende traject door de school, wanneer er sprake is van een onderliggende problematiek waarbij de expertise van het CLB nodig is. Ook na aanmelding bij een partner blijft de opvolging van afwezigheden een gedeelde verantwoordelijkheid.',
                  en: "Phase 2 starts when absences keep increasing despite the school's guidance, when there is an underlying problem that needs the CLB's expertise. Even after referral to a partner, following up absences remains a shared responsibility.",
                },
              },
              {
                seedLine: 663,
                text: {
                  nl: 'Op het overleg worden afspraken gemaakt rond de verdere opvolging van de afwezigheden. Mogelijke pistes zijn: Opstart begeleiding CLB; Aanmelding spijbelcontract; Aanmelden bij en samenwerken met externe partners: NAFT ea schoolexterne trajecten, transitietrajecten, hulpverlening buiten integrale jeugdhulp (vb. OCMW, kinder-en jeugdpsychiatrie), rechtstreeks toegankelijke jeugdhulp indien mogelijk (CAW, CGG, gezinsbegeleiding), niet rechtstreeks toegankelijke jeugdhulp, gemandateerde voorziening.',
                  en: 'At the meeting, agreements are made on further follow-up of the absences. Possible routes are: start of CLB guidance; referral for a truancy contract; referral to and cooperation with external partners: NAFT and other out-of-school programmes, transition programmes, support outside integrated youth care (e.g. OCMW, child and adolescent psychiatry), directly accessible youth care where possible (CAW, CGG, family support), not directly accessible youth care, mandated services.',
                },
              },
            ],
            questions: [
              {
                id: 'f2-b-zorgoverleg.1',
                seedLine: 666,
                text: {
                  nl: 'Hoe is de school betrokken bij het traject met de leerling?',
                  en: "How is the school involved in the pupil's programme?",
                },
              },
              {
                id: 'f2-b-zorgoverleg.2',
                seedLine: 670,
                text: {
                  nl: 'Hoe ervaart de school een gedeelde verantwoordelijkheid?',
                  en: 'How does the school experience shared responsibility?',
                },
              },
              {
                id: 'f2-b-zorgoverleg.3',
                seedLine: 674,
                text: {
                  nl: 'Worden de mogelijke pistes in fase 2 met het CLB besproken?',
                  en: 'Are the possible routes in phase 2 discussed with the CLB?',
                },
              },
            ],
          },
          {
            id: 'f2-b-spijbelactieplan',
            seedLine: 689,
            title: {
              nl: 'Na overleg tussen school en CLB start de school de procedure spijbelactieplan (provincie Antwerpen) indien van toepassing',
              en: 'After consultation between school and CLB the school starts the truancy action plan procedure (province of Antwerp) if applicable',
            },
            overviewTitle: {
              nl: 'Na overleg tussen school en CLB start de school de procedure spijbelactieplan (provincie Antwerpen).',
              en: 'After consultation between school and CLB the school starts the truancy action plan procedure (province of Antwerp).',
            },
            explanation: [
              {
                seedLine: 690,
                text: {
                  nl: 'De krachtlijnen van het Provinciaal Spijbelactieplan in Antwerpen verduidelijken de stappen die elke actor in de aanpak van schoolverzuim kan zetten. De acties van alle actoren moeten op elkaar worden afgestemd en elkaar kort opvolgen.',
                  en: 'The guidelines of the Provincial Truancy Action Plan in Antwerp clarify the steps every actor can take in tackling school absenteeism. The actions of all actors must be aligned and follow each other closely.',
                },
              },
            ],
            questions: [
              {
                id: 'f2-b-spijbelactieplan.1',
                seedLine: 694,
                text: {
                  nl: 'Zijn er afspraken wanneer en wie binnen de school na overleg met CLB een eerste aanmelding doet bij de politie voor de opstart van een spijbelcontract? (Richtlijn is zo vroeg mogelijk).',
                  en: 'Are there agreements on when and who within the school, after consulting the CLB, makes a first referral to the police to start a truancy contract? (The guideline is as early as possible.)',
                },
              },
              {
                id: 'f2-b-spijbelactieplan.2',
                seedLine: 698,
                text: {
                  nl: 'Zijn er afspraken tussen school en CLB wanneer en wie binnen de school een heraanmelding bij de politie doet?',
                  en: 'Are there agreements between school and CLB on when and who within the school makes a renewed referral to the police?',
                },
              },
              {
                id: 'f2-b-spijbelactieplan.3',
                seedLine: 702,
                text: {
                  nl: 'Hoe verloopt de samenwerking met de lokale politie?',
                  en: 'How does cooperation with the local police go?',
                },
              },
              {
                id: 'f2-b-spijbelactieplan.4',
                seedLine: 706,
                text: {
                  nl: 'Is de rolverdeling binnen het SAP voor alle partners duidelijk?',
                  en: 'Is the division of roles within the SAP clear to all partners?',
                },
              },
            ],
          },
          {
            id: 'f2-b-terugkeer',
            seedLine: 727,
            title: {
              nl: 'Er is aandacht voor de terugkeer van de leerling',
              en: "There is attention to the pupil's return",
            },
            overviewTitle: {
              nl: 'Er is aandacht voor de terugkeer van de leerling.',
              en: "There is attention to the pupil's return.",
            },
            explanation: [
              {
                seedLine: 728,
                text: {
                  nl: 'Ook na een periode van onwettige afwezigheid moet er voldoende aandacht zijn voor de terugkeer van de leerling, om de aanwezigheid op school te versterken in de toekomst. Dit kan oa door: Een voorbereidend gesprek met leerling, ouders en evt. Externen; Proactieve cirkel; Hergo; ...',
                  en: "After a period of unauthorised absence too there must be enough attention to the pupil's return, to strengthen attendance at school in the future. This can be done e.g. through: a preparatory conversation with pupil, parents and possibly externals; proactive circle; Hergo; ...",
                },
              },
            ],
            questions: [
              {
                id: 'f2-b-terugkeer.1',
                seedLine: 732,
                text: {
                  nl: 'Hoe wordt de terugkeer op school/in de klas voorbereid na langdurige afwezigheid? Zijn er afspraken rond wat er wel en niet gedeeld wordt met leerkrachten/leerlingen?',
                  en: 'How is the return to school/class prepared after a long absence? Are there agreements on what is and is not shared with teachers/pupils?',
                },
              },
              {
                id: 'f2-b-terugkeer.2',
                seedLine: 736,
                text: {
                  nl: 'Wie neemt welke rol op? (KTIT/secretariaat/LBG...)',
                  en: 'Who takes which role? (class teacher/secretariat/pupil counsellor...)',
                },
              },
              {
                id: 'f2-b-terugkeer.3',
                seedLine: 740,
                text: {
                  nl: 'Zijn er afspraken over mogelijk in te halen taken en toetsen?',
                  en: 'Are there agreements on tasks and tests that may need to be made up?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'ZD',
        seedLine: 764,
        title: {
          nl: 'Geoorloofd relatief verzuim (Z- en D-codes)',
          en: 'Authorised relative absenteeism (Z- and D-codes)',
        },
        overviewTitle: {
          nl: 'GEOORLOOFD RELATIEF VERZUIM (Z- en D-codes)',
          en: 'AUTHORISED RELATIVE ABSENTEEISM (Z- and D-codes)',
        },
        goals: [
          {
            id: 'f2-zd-verbinding',
            seedLine: 765,
            title: {
              nl: 'De school blijft in verbinding met leerling, ouders en externe betrokkenen',
              en: 'The school stays connected with pupil, parents and external parties involved',
            },
            overviewTitle: {
              nl: 'De school blijft in verbinding met leerling, ouders en externe betrokkenen.',
              en: 'The school stays connected with pupil, parents and external parties involved.',
            },
            explanation: [
              {
                seedLine: 766,
                text: {
                  nl: 'Mogelijke externe partners zijn: huisarts, ziekenhuis, Preventorium, Kinderpsychiatrie, ...',
                  en: 'Possible external partners are: GP, hospital, Preventorium, child psychiatry, ...',
                },
              },
              {
                seedLine: 767,
                text: {
                  nl: 'Ondersteunende maatregelen zijn: TOAH, Bednet, SIO, Blended leren',
                  en: 'Supporting measures are: TOAH, Bednet, SIO, blended learning',
                },
              },
            ],
            questions: [
              {
                id: 'f2-zd-verbinding.1',
                seedLine: 771,
                text: {
                  nl: 'Is er regelmatig overleg met de externe partners rond de onderwijsbehoeften en het onderwijsaanbod voor de leerling?',
                  en: "Is there regular consultation with the external partners about the pupil's educational needs and the education offered?",
                },
              },
              {
                id: 'f2-zd-verbinding.2',
                seedLine: 775,
                text: {
                  nl: 'Organiseert de school TOAH, SIO (Bednet), Blended leren of een ander flexibel leertraject waar mogelijk voor de leerling?',
                  en: 'Does the school organise TOAH, SIO (Bednet), blended learning or another flexible learning programme for the pupil where possible?',
                },
              },
            ],
          },
          {
            id: 'f2-zd-terugkeer',
            seedLine: 796,
            title: { nl: 'De terugkeer van de leerling wordt voorbereid', en: "The pupil's return is prepared" },
            overviewTitle: {
              nl: 'De terugkeer van de leerling wordt voorbereid.',
              en: "The pupil's return is prepared.",
            },
            explanation: [
              {
                seedLine: 797,
                text: {
                  nl: 'Wanneer een leerling opgenomen werd in een externe voorziening zoals een ziekenhuis of een K-dienst is de voorbereiding van de terugkeer naar de school een opdracht van zowel de setting waar de leerling werd opgenomen als de school. Het behouden van het contact tussen de school en de setting waar de jongere verblijft mag aldus niet verbroken worden. Beiden hebben de verantwoordelijkheid hierover te waken. De school kan de leerling niet gepast onthalen als de school niet op de hoogte is van de datum van ontslag. Er worden hier vooraf best afspraken gemaakt met de ouders en de setting wie dit naar de school zal communiceren.',
                  en: 'When a pupil was admitted to an external facility such as a hospital or a child psychiatric ward, preparing the return to school is a task of both the setting where the pupil was admitted and the school. Contact between the school and the setting where the young person stays must therefore not be broken; both are responsible for this. The school cannot welcome the pupil properly if it does not know the discharge date. Agreements are best made in advance with the parents and the setting on who will tell the school.',
                },
              },
            ],
            questions: [
              {
                id: 'f2-zd-terugkeer.1',
                seedLine: 801,
                text: {
                  nl: 'Hoe wordt de terugkeer op school voorbereid?',
                  en: 'How is the return to school prepared?',
                },
              },
              {
                id: 'f2-zd-terugkeer.2',
                seedLine: 805,
                text: {
                  nl: 'Wie neemt welke rol op? (KTIT/secretariaat/LBG...)',
                  en: 'Who takes which role? (class teacher/secretariat/pupil counsellor...)',
                },
              },
              {
                id: 'f2-zd-terugkeer.3',
                seedLine: 809,
                text: {
                  nl: 'Zijn er afspraken over mogelijk in te halen taken en toetsen?',
                  en: 'Are there agreements on tasks and tests that may need to be made up?',
                },
              },
              {
                id: 'f2-zd-terugkeer.4',
                seedLine: 813,
                text: {
                  nl: 'Wordt een veiligheids- en/of signaliseringsplan vanuit externe hulpverlening toegepast, als dit er is?',
                  en: 'Is a safety and/or signalling plan from external support applied, if there is one?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'SW',
        seedLine: 831,
        title: { nl: 'Schoolweigering', en: 'School refusal' },
        overviewTitle: { nl: 'SCHOOLWEIGERING', en: 'SCHOOL REFUSAL' },
        goals: [
          {
            id: 'f2-sw-overleg',
            seedLine: 832,
            title: {
              nl: 'Er is regelmatig overleg met leerling, ouders en externe partners',
              en: 'There is regular consultation with pupil, parents and external partners',
            },
            overviewTitle: {
              nl: 'Er is regelmatig overleg met externe partners.',
              en: 'There is regular consultation with external partners.',
            },
            explanation: [
              {
                seedLine: 833,
                text: {
                  nl: 'In deze fase kan het schoolteam de zorg en verantwoordelijkheid delen met experten zoals het CLB en mogelijks ook andere vormen van hulpverlening. Het is van belang om als school betrokken te blijven, en dit is niet vanzelfsprekend. Daarvoor is het nodig de communicatie tussen alle betrokkenen te monitoren.',
                  en: 'In this phase the school team can share care and responsibility with experts such as the CLB and possibly other forms of support. It is important for the school to stay involved, and this is not self-evident. That requires monitoring the communication between everyone involved.',
                },
              },
            ],
            questions: [
              {
                id: 'f2-sw-overleg.1',
                seedLine: 837,
                text: {
                  nl: 'Organiseert de school TOAH, SIO (Bednet), Blended leren of een ander flexibel leertraject waar mogelijk voor de leerling?',
                  en: 'Does the school organise TOAH, SIO (Bednet), blended learning or another flexible learning programme for the pupil where possible?',
                },
              },
              {
                id: 'f2-sw-overleg.2',
                seedLine: 841,
                text: {
                  nl: 'Is er regelmatig overleg met de externe partners rond de onderwijsbehoeften en het onderwijsaanbod voor de leerling?',
                  en: "Is there regular consultation with the external partners about the pupil's educational needs and the education offered?",
                },
              },
              {
                id: 'f2-sw-overleg.3',
                seedLine: 845,
                text: {
                  nl: 'Wordt duidelijk afgesproken wie welke rol opneemt?',
                  en: 'Is it clearly agreed who takes which role?',
                },
              },
            ],
          },
          {
            id: 'f2-sw-terugkeer',
            seedLine: 864,
            title: { nl: 'De terugkeer van de leerling wordt voorbereid', en: "The pupil's return is prepared" },
            overviewTitle: {
              nl: 'De terugkeer van de leerling wordt voorbereid.',
              en: "The pupil's return is prepared.",
            },
            explanation: [
              {
                seedLine: 865,
                text: {
                  nl: 'De terugkeer naar school is vaak geen evidentie. Daartoe is een goede inschatting vanuit een gemeenschappelijke visie essentieel. Vanuit de inschatting is het belangrijk om te komen tot een beslissing. Een beslissingsboom (cfr. Angst voor de schoolpoort) kan daarbij een hulp zijn.',
                  en: 'Returning to school is often not a given. A good assessment from a shared vision is essential, and from the assessment it is important to reach a decision. A decision tree (see Angst voor de schoolpoort) can help.',
                },
              },
              {
                seedLine: 866,
                text: {
                  nl: 'Bij een terugkeer naar school is het voor de jongere belangrijk ‘er terug bij te horen’, zowel op sociaal als op schools vlak. Jongeren voelen zich vaak onzeker om terug te starten. In overleg met de jongere kunnen afspraken gemaakt worden rond verwachtingen.',
                  en: "When returning to school it is important for the young person to 'belong again', socially as well as at school. Young people often feel unsure about starting again. Agreements on expectations can be made in consultation with the young person.",
                },
              },
            ],
            questions: [
              {
                id: 'f2-sw-terugkeer.1',
                seedLine: 870,
                text: {
                  nl: 'Hoe wordt de terugkeer op school/in de klas voorbereid na langdurige afwezigheid? Zijn er afspraken rond wat er wel en niet gedeeld wordt met leerkrachten/leerlingen?',
                  en: 'How is the return to school/class prepared after a long absence? Are there agreements on what is and is not shared with teachers/pupils?',
                },
              },
              {
                id: 'f2-sw-terugkeer.2',
                seedLine: 874,
                text: {
                  nl: 'Wie neemt welke rol op? (KTIT/secretariaat/LBG...)',
                  en: 'Who takes which role? (class teacher/secretariat/pupil counsellor...)',
                },
              },
              {
                id: 'f2-sw-terugkeer.3',
                seedLine: 878,
                text: {
                  nl: 'Zijn er afspraken over mogelijk in te halen taken en toetsen?',
                  en: 'Are there agreements on tasks and tests that may need to be made up?',
                },
              },
              {
                id: 'f2-sw-terugkeer.4',
                seedLine: 882,
                text: {
                  nl: 'Wordt een veiligheids- en/of signaliseringsplan vanuit externe hulpverlening toegepast, als dit er is?',
                  en: 'Is a safety and/or signalling plan from external support applied, if there is one?',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  {
    number: 3,
    seedLine: 900,
    title: { nl: 'Fase 3: Individueel aangepast curriculum', en: 'Phase 3: Individually adapted curriculum' },
    overviewTitle: { nl: 'FASE 3: INDIVIDUEEL AANGEPAST CURRICULUM', en: 'PHASE 3: INDIVIDUALLY ADAPTED CURRICULUM' },
    tracks: [
      {
        kind: 'B',
        seedLine: 901,
        title: { nl: 'Ongeoorloofd relatief verzuim (B-codes)', en: 'Unauthorised relative absenteeism (B-codes)' },
        overviewTitle: {
          nl: 'ONGEOORLOOFD RELATIEF VERZUIM (B-codes)',
          en: 'UNAUTHORISED RELATIVE ABSENTEEISM (B-codes)',
        },
        goals: [
          {
            id: 'f3-b-leerwegen',
            seedLine: 902,
            title: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen',
              en: 'The partners involved discuss alternative learning pathways',
            },
            overviewTitle: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen.',
              en: 'The partners involved discuss alternative learning pathways.',
            },
            explanation: [
              {
                seedLine: 903,
                text: {
                  nl: 'Wanneer de leerling niet meer tot schoollopen bewogen kan worden moet er verder gekeken worden dan het gekende vertrouwde kader. Soms moet er losgekomen worden van de doelstelling de leerling fysiek op school te krijgen en moet er bekeken worden hoe de leerling opnieuw in beweging kan gebracht worden over leren en op welke manier het leerrecht van de leerling kan gewaarborgd worden. Dit betekent een uitdaging voor de leerling, maar zeker ook voor de school en haar interne en externe begeleiders, die uit hun comfortzone moeten treden en samen met de leerling op zoek moeten gaan naar alternatieven.',
                  en: "When the pupil can no longer be moved to attend school, we have to look beyond the familiar framework. Sometimes we have to let go of the goal of getting the pupil physically to school and look at how the pupil can be set in motion again about learning and how the pupil's right to learn can be safeguarded. This is a challenge for the pupil, but certainly also for the school and its internal and external counsellors, who have to step out of their comfort zone and look for alternatives together with the pupil.",
                },
              },
            ],
            questions: [
              {
                id: 'f3-b-leerwegen.1',
                seedLine: 907,
                text: {
                  nl: 'Wordt er samengewerkt met externe partners om na te denken hoe de jongere alsnog een kwalificatie/getuigschrift kan behalen?',
                  en: 'Does the school work with external partners to think about how the young person can still obtain a qualification/certificate?',
                },
              },
              {
                id: 'f3-b-leerwegen.2',
                seedLine: 911,
                text: {
                  nl: 'Wordt er duidelijk afgesproken wie de rol opneemt rond het informeren en begeleiden van de jongere rond alternatieve leerwegen of ongekwalificeerde uitstroom?',
                  en: 'Is it clearly agreed who takes the role of informing and guiding the young person about alternative learning pathways or leaving without a qualification?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'ZD',
        seedLine: 928,
        title: {
          nl: 'Geoorloofd relatief verzuim (Z- en D-codes)',
          en: 'Authorised relative absenteeism (Z- and D-codes)',
        },
        overviewTitle: {
          nl: 'GEOORLOOFD RELATIEF VERZUIM (Z- en D-codes)',
          en: 'AUTHORISED RELATIVE ABSENTEEISM (Z- and D-codes)',
        },
        goals: [
          {
            id: 'f3-zd-poah',
            seedLine: 929,
            title: { nl: 'POAH', en: 'POAH (permanent education at home)' },
            overviewTitle: { nl: 'POAH', en: 'POAH.' },
            explanation: [
              {
                seedLine: 930,
                text: {
                  nl: 'Zoals het tijdelijk onderwijs aan huis mag ook het permanent onderwijs aan huis niet verward worden met huisonderwijs. Doorslaggevend bij de goedkeuring en de organisatie van POAH is de “ernst” van de handicap of ziekte.',
                  en: "Like temporary education at home, permanent education at home must not be confused with home education. Decisive for approving and organising POAH is the 'severity' of the disability or illness.",
                },
              },
            ],
            questions: [
              {
                id: 'f3-zd-poah.1',
                seedLine: 934,
                text: {
                  nl: 'Organiseert de school een klassenraad om de aanvraag voor POAH te bespreken?',
                  en: 'Does the school organise a class council to discuss the application for POAH?',
                },
              },
            ],
          },
          {
            id: 'f3-zd-leerwegen',
            seedLine: 957,
            title: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen',
              en: 'The partners involved discuss alternative learning pathways',
            },
            overviewTitle: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen.',
              en: 'The partners involved discuss alternative learning pathways.',
            },
            explanation: [
              {
                seedLine: 958,
                text: {
                  nl: 'Bij zeer langdurige afwezigheid kan het ook voor leerlingen met een geoorloofd relatief verzuim moeilijk worden om het leerrecht te blijven garanderen, en alsnog een kwalificatie te behalen. Ook bij hen is het een uitdaging voor zowel de leerling als de school en haar interne en externe begeleiders, om op zoek te gaan naar alternatieven.',
                  en: 'With very long absence it can become hard, also for pupils with authorised relative absenteeism, to keep guaranteeing the right to learn and still obtain a qualification. For them too it is a challenge for the pupil as well as the school and its internal and external counsellors to look for alternatives.',
                },
              },
            ],
            questions: [
              {
                id: 'f3-zd-leerwegen.1',
                seedLine: 962,
                text: {
                  nl: 'Werkt de school actief mee aan het nadenken over alternatieve leerwegen?',
                  en: 'Does the school actively take part in thinking about alternative learning pathways?',
                },
              },
              {
                id: 'f3-zd-leerwegen.2',
                seedLine: 966,
                text: {
                  nl: 'Wordt er duidelijk afgesproken wie de rol opneemt rond het informeren en begeleiden van de jongere rond alternatieve leerwegen of ongekwalificeerde uitstroom?',
                  en: 'Is it clearly agreed who takes the role of informing and guiding the young person about alternative learning pathways or leaving without a qualification?',
                },
              },
            ],
          },
        ],
      },
      {
        kind: 'SW',
        seedLine: 986,
        title: { nl: 'Schoolweigering', en: 'School refusal' },
        overviewTitle: { nl: 'SCHOOLWEIGERING', en: 'SCHOOL REFUSAL' },
        goals: [
          {
            id: 'f3-sw-leerwegen',
            seedLine: 987,
            title: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen',
              en: 'The partners involved discuss alternative learning pathways',
            },
            overviewTitle: {
              nl: 'De betrokken partners bespreken alternatieve leerwegen.',
              en: 'The partners involved discuss alternative learning pathways.',
            },
            explanation: [
              {
                seedLine: 988,
                text: {
                  nl: 'Op een bepaald moment kan er best gekozen worden voor een alternatieve vorm van onderwijs. Veel hangt af van de leeftijd van de jongere en of er nog een realistische kans is om de draad terug op te pakken. Mogelijk is er een psychologische/ psychiatrische component die zwaar doorweegt, waardoor school geen evidente volgende stap is. De duur en intensiteit bepaalt of een alternatief mogelijk is. Hoe acuter het probleem, hoe meer de school in zijn huidige vorm nog een haalbare kaart is en blijft. Anders is het ook voor deze jongere van belang om op zoek te gaan met alle betrokkenen naar een alternatieve leerweg.',
                  en: "At some point it may be best to choose an alternative form of education. Much depends on the young person's age and whether there is still a realistic chance of picking up the thread again. There may be a psychological/psychiatric component weighing heavily, so that school is not an obvious next step. Duration and intensity determine whether an alternative is possible. The more acute the problem, the more the school in its current form is and remains feasible. Otherwise it is important for this young person too to look for an alternative learning pathway together with everyone involved.",
                },
              },
            ],
            questions: [
              {
                id: 'f3-sw-leerwegen.1',
                seedLine: 990,
                text: {
                  nl: 'Wordt er samengewerkt met externe partners om na te denken hoe de jongere alsnog een kwalificatie kan behalen?',
                  en: 'Does the school work with external partners to think about how the young person can still obtain a qualification?',
                },
              },
              {
                id: 'f3-sw-leerwegen.2',
                seedLine: 994,
                text: {
                  nl: 'Wordt er duidelijk afgesproken wie de rol opneemt rond het informeren en begeleiden van de jongere rond alternatieve leerwegen of ongekwalificeerde uitstroom?',
                  en: 'Is it clearly agreed who takes the role of informing and guiding the young person about alternative learning pathways or leaving without a qualification?',
                },
              },
            ],
          },
          {
            id: 'f3-sw-loslaten',
            seedLine: 1012,
            title: { nl: 'Schoollopen (tijdelijk) loslaten', en: 'Letting go of school attendance (temporarily)' },
            overviewTitle: {
              nl: 'Schoollopen (tijdelijk) loslaten.',
              en: 'Letting go of school attendance (temporarily).',
            },
            explanation: [
              {
                seedLine: 1013,
                text: {
                  nl: 'Soms moet schoollopen niet het doel zijn, wanneer je collectief aanvoelt dat school geen realistisch, haalbaar doel is. Je laat de school dan mogelijks los, maar je laat de jongere absoluut niet los. Ook vanuit de school kunnen er nog momenten zijn waarop je aangeeft dat je de jongere niet vergeten bent.',
                  en: 'Sometimes attending school should not be the goal, when you collectively feel that school is not a realistic, achievable goal. You may let go of school, but you absolutely do not let go of the young person. From the school too there can still be moments when you show that you have not forgotten the young person.',
                },
              },
            ],
            questions: [
              {
                id: 'f3-sw-loslaten.1',
                seedLine: 1017,
                text: {
                  nl: 'Hoe laat de school merken dat ze de jongere niet ‘vergeten’ is?',
                  en: "How does the school show that it has not 'forgotten' the young person?",
                },
              },
            ],
          },
        ],
      },
    ],
  },
];
