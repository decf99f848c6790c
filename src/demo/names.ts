// Flemish first and last names for synthetic pupils (common names in Flanders, including newer families).

export const GIRL_NAMES: readonly string[] = (
  'Emma|Olivia|Louise|Mila|Ella|Lina|Noor|Nora|Elena|Fleur|Julie|Marie|Lotte|Hanne|Lore|Femke|Febe|' +
  'Ines|Amélie|Anna|Alice|Camille|Charlotte|Elise|Eva|Hannah|Jana|Jade|Juliette|Lena|Liv|Lisa|' +
  'Lucie|Margot|Mona|Nina|Paulien|Roos|Sara|Sofie|Tess|Yasmine|Zoë|Amira|Lien|Jolien|Kato|Luna|' +
  'Mare|Merel|Axelle|Aya|Malak|Zeynep|Wiktoria|Selma|Yara|Estelle'
).split('|');

export const BOY_NAMES: readonly string[] = (
  'Noah|Arthur|Louis|Jules|Lucas|Liam|Adam|Victor|Finn|Mats|Lars|Milan|Vince|Seppe|Wout|Jasper|' +
  'Stan|Thibo|Warre|Kobe|Ruben|Siebe|Robbe|Mathis|Lowie|Senne|Jef|Nand|Bas|Cas|Emiel|Felix|Gust|' +
  'Hugo|Jonas|Maxim|Nathan|Oscar|Pieter|Tuur|Vic|Wannes|Xander|Bram|Daan|Elias|Ferre|Lander|Rayan|' +
  'Mohamed|Youssef|Ilyas|Emir|Kacper|Mustafa|Amir|Tibo|Yannick|Sem'
).split('|');

export const LAST_NAMES: readonly string[] = (
  'Peeters|Janssens|Maes|Jacobs|Mertens|Willems|Claes|Goossens|Wouters|De Smet|Hermans|Aerts|' +
  'Lambrechts|Dubois|Van Damme|Claeys|Martens|Vermeulen|De Backer|Verstraete|Stevens|Pauwels|' +
  'Michiels|De Clercq|Van de Velde|Hendrickx|Smets|Van den Broeck|De Vos|Leemans|Cools|Verbruggen|' +
  'Declercq|Vandenberghe|Desmet|Segers|Timmermans|Coppens|Van Acker|De Wilde|Verhaegen|Gielen|' +
  "Wuyts|Van Dyck|Thys|Geerts|Mattheus|Baert|Bogaert|Verhoeven|D'Hondt|De Meyer|Van Hoof|Vanhove|" +
  'Devos|Deprez|Verschueren|Vercammen|Heylen|Schepers|Van Laere|Moens|El Amrani|Benali|Yilmaz|' +
  'Demir|Nowak|Kowalski|Haddou|Bouzid|Popescu|Mahmoud'
).split('|');
