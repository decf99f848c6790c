// Optional module of the self-scan: the phase-0 reflection prompts of seed 002 (HOGENT, "Angst voor de
// schoolpoort", sections 0.1–0.3), with the seed's line breaks and hyphenations joined and an English translation.
import type { Text } from './instrument.ts';

export interface ReflectionPrompt {
  /** `r0.<section>.<n>`; answered like the goals' questions, never scored. */
  id: string;
  seedLine: number;
  text: Text;
}

export interface ReflectionTheme {
  title: Text;
  prompts: readonly ReflectionPrompt[];
}

export interface ReflectionSection {
  id: string;
  seedLine: number;
  title: Text;
  themes: readonly ReflectionTheme[];
}

const p = (id: string, seedLine: number, nl: string, en: string): ReflectionPrompt => ({
  id,
  seedLine,
  text: { nl, en },
});

export const REFLECTION_MODULE = {
  title: {
    nl: 'Reflectie fase 0 (Angst voor de schoolpoort, HOGENT)',
    en: 'Phase 0 reflection (Angst voor de schoolpoort, HOGENT)',
  },
  source: '../shared/seeds/002_3dd1676b5d2b55ad.txt',
  sections: [
    {
      id: 'r0.1',
      seedLine: 153,
      title: {
        nl: 'De juiste basishouding als startpunt: positief, sensitief & responsief',
        en: 'The right basic attitude as a starting point: positive, sensitive & responsive',
      },
      themes: [
        {
          title: { nl: 'positief, sensitief & responsief', en: 'positive, sensitive & responsive' },
          prompts: [
            p(
              'r0.1.1',
              202,
              'Waaraan kunnen leerlingen, ouders en bezoekers merken dat de school begaan is met het welbevinden op school van leerlingen/ leerkrachten/ het schoolteam?',
              'How can pupils, parents and visitors tell that the school cares about the well-being of pupils/teachers/the school team?',
            ),
            p(
              'r0.1.2',
              208,
              'Bij wie of waar kunnen leerlingen terecht als ze zich niet goed voelen? (Hoe) weten ze dit? Hoe laagdrempelig is deze stap?',
              'To whom or where can pupils turn when they do not feel well? (How) do they know this? How easy is this step?',
            ),
            p(
              'r0.1.3',
              213,
              'Op welke manier wordt er omgegaan met pestsituaties?',
              'How are bullying situations dealt with?',
            ),
            p(
              'r0.1.4',
              216,
              'Worden relaxatietraining, faalangsttraining, ademhalingsoefeningen of andere ontspanningstechnieken aangeboden? Of bij wie kunnen ze hiervoor terecht?',
              'Are relaxation training, test-anxiety training, breathing exercises or other relaxation techniques offered? Or to whom can they turn for this?',
            ),
            p(
              'r0.1.5',
              222,
              'Waaraan merk ik dat mijn basishouding positief, sensitief en responsief is?',
              'How do I notice that my basic attitude is positive, sensitive and responsive?',
            ),
            p(
              'r0.1.6',
              225,
              'In welke mate wordt geluisterd naar de noden en behoeften van de jongere / de ouders?',
              "To what extent are the young person's / the parents' needs listened to?",
            ),
          ],
        },
        {
          title: { nl: 'Gezien en gehoord worden als persoon', en: 'Being seen and heard as a person' },
          prompts: [
            p(
              'r0.1.7',
              231,
              'In hoeverre heb ik voeling met de leefwereld van de jongere?',
              "How far am I in touch with the young person's world?",
            ),
            p(
              'r0.1.8',
              234,
              'Hoe zou ik meer voeling kunnen krijgen met de leefwereld van de jongere?',
              "How could I get more in touch with the young person's world?",
            ),
            p(
              'r0.1.9',
              237,
              'Kennen de leerlingen mij en ken ik de leerlingen?',
              'Do the pupils know me and do I know the pupils?',
            ),
            p(
              'r0.1.10',
              240,
              'Op welke manier kan ik de autonomie versterken van de jongere?',
              "How can I strengthen the young person's autonomy?",
            ),
            p(
              'r0.1.11',
              243,
              'Op welke manier kan ik ervoor zorgen dat de jongeren zich verbonden voelen met elkaar en met mij als leerkracht?',
              'How can I make young people feel connected with each other and with me as a teacher?',
            ),
            p(
              'r0.1.12',
              247,
              'Hoe kan ik het zelfvertrouwen (gevoel van competentie) van leerlingen verhogen? Hoe kunnen jongeren dit bij elkaar versterken?',
              "How can I raise pupils' self-confidence (sense of competence)? How can young people strengthen this in each other?",
            ),
          ],
        },
        {
          title: {
            nl: 'Een doordacht en warm onthaal op iedere schooldag',
            en: 'A thoughtful and warm welcome every school day',
          },
          prompts: [
            p(
              'r0.1.13',
              277,
              'Hoe kan ik de jongere dagelijks laten voelen dat hij/zij welkom is?',
              'How can I make the young person feel welcome every day?',
            ),
            p(
              'r0.1.14',
              280,
              'In welke mate weet een jongere dat, als hij/zij ’s ochtends op school komt en zich, om welke reden dan ook niet goed voelt, er een persoon, plek en tijd is om hier even over te praten?',
              'To what extent does a young person know that, when arriving at school in the morning not feeling well for whatever reason, there is a person, place and time to talk about it?',
            ),
            p(
              'r0.1.15',
              286,
              'Zijn er op onze school toegankelijke ankerfiguren waarbij de jongere zich op zijn gemak voelt om tijdens moeilijke momenten even naar toe te gaan?',
              'Does our school have approachable anchor figures the young person feels at ease going to in difficult moments?',
            ),
          ],
        },
      ],
    },
    {
      id: 'r0.2',
      seedLine: 291,
      title: { nl: 'Welbevinden op school', en: 'Well-being at school' },
      themes: [
        {
          title: { nl: 'Aandacht voor overgangsmomenten', en: 'Attention to transitions' },
          prompts: [
            p(
              'r0.2.1',
              307,
              'In hoeverre zijn we er ons van bewust dat een verandering van school spanning en onzekerheid met zich mee brengt, zowel bij ouders als bij de jongere?',
              'How aware are we that changing school brings tension and uncertainty, for parents as well as the young person?',
            ),
            p(
              'r0.2.2',
              313,
              'Hoe proberen wij deze overgangsmomenten zo goed mogelijk voor te bereiden en te begeleiden?',
              'How do we try to prepare and guide these transitions as well as possible?',
            ),
            p('r0.2.3', 317, 'Wat is eventueel nog het proberen waard?', 'What else might be worth trying?'),
          ],
        },
        {
          title: { nl: 'Onthaal van nieuwe leerlingen', en: 'Welcoming new pupils' },
          prompts: [
            p(
              'r0.2.4',
              343,
              'In hoeverre zijn we ons ervan bewust dat een verandering spanning en onzekerheid met zich meebrengt bij de jongere en de ouders?',
              'How aware are we that a change brings tension and uncertainty for the young person and the parents?',
            ),
            p(
              'r0.2.5',
              348,
              'Op welke manier proberen we de jongere op een positieve manier te verwelkomen?',
              'How do we try to welcome the young person in a positive way?',
            ),
            p(
              'r0.2.6',
              352,
              'Is er voor nieuwe leerlingen iemand waarbij hij/zij terecht kan wanneer er vragen/onzekerheden zijn?',
              'Is there someone new pupils can turn to with questions/uncertainties?',
            ),
            p(
              'r0.2.7',
              356,
              'Hoeveel tijd trekken we uit en op welke wijze bespreken we wederzijdse verwachtingen en vragen bij een nieuwe leerling?',
              'How much time do we take, and how do we discuss mutual expectations and questions with a new pupil?',
            ),
            p(
              'r0.2.8',
              361,
              'Welke activiteiten kan je doen in de klas om aan de klassfeer bij te dragen, de nieuwe leerling(en) in te leiden in de klasgroep?',
              'What activities can you do in class to add to the class atmosphere and introduce the new pupil(s) to the group?',
            ),
          ],
        },
        {
          title: { nl: 'Oog voor niet begeleide momenten', en: 'An eye for unsupervised moments' },
          prompts: [
            p(
              'r0.2.9',
              385,
              'Op welke manier proberen wij de informele sfeer op school positief te beïnvloeden? Wat is nog het proberen waard?',
              'How do we try to influence the informal atmosphere at school positively? What else is worth trying?',
            ),
            p(
              'r0.2.10',
              389,
              'In hoeverre hebben wij zicht op de sfeer die er hangt tijdens informele momenten? Wie snuift de sfeer op en communiceert hierover?',
              'How well do we see the atmosphere during informal moments? Who picks it up and communicates about it?',
            ),
            p(
              'r0.2.11',
              394,
              'Hoe behouden we de positieve informele sfeer?',
              'How do we keep the informal atmosphere positive?',
            ),
            p(
              'r0.2.12',
              397,
              'Zijn leerkrachten of andere leden van het schoolteam bereikbaar tijdens deze momenten?',
              'Can teachers or other members of the school team be reached during these moments?',
            ),
            p(
              'r0.2.13',
              401,
              'Wat zou het de school in zijn geheel opleveren als de informele sfeer verbetert?',
              'What would the school as a whole gain if the informal atmosphere improved?',
            ),
          ],
        },
        {
          title: { nl: 'Buddy systeem', en: 'Buddy system' },
          prompts: [
            p(
              'r0.2.14',
              411,
              'Op welke manier kunnen leerlingen (over klassen en jaren heen) elkaar versterken/ondersteunen?',
              'How can pupils (across classes and years) strengthen/support each other?',
            ),
            p(
              'r0.2.15',
              415,
              'Is er een soort buddysysteem op school waarbij leerlingen er voor elkaar kunnen zijn? Hierbij match je een leerling met een vrijwillige leerling die als supportive friend fungeert.',
              'Is there a kind of buddy system at school in which pupils can be there for each other? It matches a pupil with a volunteer pupil who acts as a supportive friend.',
            ),
          ],
        },
      ],
    },
    {
      id: 'r0.3',
      seedLine: 510,
      title: {
        nl: 'Communicatie met oog op een vlotte samenwerking',
        en: 'Communication for smooth cooperation',
      },
      themes: [
        {
          title: { nl: 'Communicatie op schoolniveau:', en: 'Communication at school level:' },
          prompts: [
            p(
              'r0.3.1',
              568,
              'Hoe toont de school dat ze open staat voor vragen/bezorgdheden van ouders?',
              "How does the school show it is open to parents' questions/concerns?",
            ),
            p(
              'r0.3.2',
              572,
              'Worden professionals gevormd en gecoacht vanuit het schoolbeleid in het communiceren met leerlingen en ouders?',
              'Are professionals trained and coached by the school in communicating with pupils and parents?',
            ),
            p(
              'r0.3.3',
              577,
              'Wordt informatie over omgangsvormen, missie en visie, verwachtingen, … helder gebracht? En is er een mogelijkheid om hierover in dialoog te gaan?',
              'Is information about manners, mission and vision, expectations, … presented clearly? And is there a chance to discuss it?',
            ),
            p(
              'r0.3.4',
              583,
              'Is het voor ouders duidelijk met wie, wanneer en waar ze in contact kunnen treden?',
              'Is it clear to parents with whom, when and where they can get in touch?',
            ),
            p(
              'r0.3.5',
              587,
              'Via welke (informele) kanalen informeert de school de leerlingen en hun ouders?',
              'Through which (informal) channels does the school inform pupils and their parents?',
            ),
            p(
              'r0.3.6',
              591,
              'Via welke (informele) kanalen kunnen leerlingen en ouders ons informeren over bezorgdheden en moeilijkheden? Hoe wordt hier gevolg aan gegeven en hoe wordt er teruggekoppeld?',
              'Through which (informal) channels can pupils and parents tell us about concerns and difficulties? How is this followed up and how is feedback given?',
            ),
          ],
        },
        {
          title: {
            nl: 'Communicatie op individueel niveau van de schoolse betrokkene:',
            en: 'Communication at the level of the individual staff member:',
          },
          prompts: [
            p(
              'r0.3.7',
              599,
              'Hoe goed ken ik mijn leerlingen en zijn/haar ouders?',
              'How well do I know my pupils and their parents?',
            ),
            p(
              'r0.3.8',
              602,
              'Wat is mijn verantwoordelijkheid voor de communicatie die ik uitdraag naar leerlingen en hun ouders?',
              'What is my responsibility for the communication I send out to pupils and their parents?',
            ),
            p(
              'r0.3.9',
              606,
              'Wanneer contacteer ik ouders en wanneer contacteren ouders het schoolteam? Doen we dat op dezelfde manier en met medeweten van de jongere?',
              'When do I contact parents and when do parents contact the school team? Do we do so in the same way and with the young person knowing?',
            ),
            p(
              'r0.3.10',
              612,
              'Wat is het effect van mijn non-verbale communicatie op leerlingen en ouders?',
              'What is the effect of my non-verbal communication on pupils and parents?',
            ),
            p(
              'r0.3.11',
              616,
              'Hoe kan ik de communicatie met de leerling en ouders vlotter laten verlopen?',
              'How can I make communication with the pupil and parents go more smoothly?',
            ),
            p(
              'r0.3.12',
              620,
              'Hoe werk ik aan een positieve relatie met leerlingen en hun ouders?',
              'How do I work on a positive relationship with pupils and their parents?',
            ),
            p(
              'r0.3.13',
              623,
              'Hoe beïnvloedt mijn referentiekader mijn manier van communiceren met jongeren en ouders?',
              'How does my frame of reference influence how I communicate with young people and parents?',
            ),
          ],
        },
      ],
    },
  ] satisfies readonly ReflectionSection[],
} as const;

export const REFLECTION_PROMPTS: readonly ReflectionPrompt[] = REFLECTION_MODULE.sections.flatMap((s) =>
  s.themes.flatMap((t) => t.prompts),
);
