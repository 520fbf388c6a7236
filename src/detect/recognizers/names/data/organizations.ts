/**
 * Organisation vocabulary: legal forms, sector heads that open a business name
 * (`Installatiebedrijf Hoekstra`), the word endings that mark such heads, and well-known
 * vendors and public bodies that are not customer data. Entries are folded (lower case, no accents).
 */

/** Words that open an organisation name: `Stichting X`, `Vereniging X`. */
export const LEADING_LEGAL_FORMS = `
stichting vereniging cooperatie cooperatieve maatschap maatschappij vof bv nv holding
`;

/**
 * Sector heads that open a business name (`Bakkerij Van Dijk`, `Garage Jansen`). Compounds ending
 * in one of `HEAD_SUFFIXES` are recognised without being listed.
 */
export const SECTOR_HEADS = `
bakkerij slagerij kapsalon kapperszaak schoonheidssalon nagelstudio garage
transport transportbedrijf autobedrijf autohandel autoschade rijschool taxibedrijf koeriersdienst
installatiebedrijf installatietechniek bouwbedrijf aannemersbedrijf aannemer schildersbedrijf
hoveniersbedrijf klusbedrijf timmerbedrijf timmerfabriek loodgietersbedrijf dakdekkersbedrijf
elektrotechniek elektrotechnisch stukadoorsbedrijf tegelzetter glazenwasser schoonmaakbedrijf
tandartspraktijk huisartsenpraktijk huisartspraktijk fysiotherapie fysiotherapiepraktijk
praktijk apotheek dierenkliniek dierenartsenpraktijk verloskundigenpraktijk
psychologenpraktijk therapie massagepraktijk tandtechniek orthodontie mondzorg thuiszorg zorg
kinderopvang kinderdagverblijf gastouderbureau peuterspeelzaal buitenschoolse
administratiekantoor accountantskantoor belastingadvies advocatenkantoor notariskantoor
advieskantoor adviesbureau ingenieursbureau architectenbureau makelaardij
hypotheekadvies verzekeringen assurantien assurantiekantoor financieel
cafe café restaurant eetcafe brasserie bistro lunchroom snackbar cafetaria pizzeria
hotel pension camping bed&breakfast b&b partycentrum zalencentrum
boekhandel bloemist bloemen kwekerij tuincentrum boerderij melkveebedrijf veehouderij
loonbedrijf hoveniers groothandel drukkerij reclamebureau marketingbureau webdesign ict
software automatisering it-bedrijf computerwinkel fietsenwinkel fietsenmaker rijwielhandel
opticien juwelier kledingwinkel modehuis schoenmaker supermarkt slijterij wijnhandel
kaashandel viswinkel vishandel groentewinkel
sportschool fitness dansschool muziekschool yogastudio studio atelier fotostudio
uitvaartcentrum uitvaartverzorging begrafenisonderneming
woningcorporatie woonstichting zorginstelling zorggroep verpleeghuis verzorgingshuis
school basisschool scholengemeenschap hogeschool academie
handelsonderneming handelsmaatschappij onderneming firma fa fa. winkel
`;

/** Words that close a business name after a family or brand name: `Jansen Bouw`, `Bakker Vastgoed`. */
export const TRAILING_HEADS = `
bouw installaties installatietechniek advies consultancy solutions media design logistiek onderhoud
schilderwerken vastgoed beheer interieur metaal techniek elektro transport verhuur ict automatisering
accountants advocaten notarissen makelaars architecten tuinen hoveniers keukens meubelen
administratie administraties boekhouding salarisadministratie opleidingen trainingen training coaching recruitment detachering uitzendwerk personeelsdiensten
accountancy fiscalisten belastingadviseurs adviseurs consultants juristen mediation
tandartsen huisartsen dierenartsen fysiotherapeuten psychologen verloskundigen
catering evenementen events marketing communicatie vertalingen
verhuizingen vervoer koeriers beveiliging schoonmaak glasbewassing groenvoorziening tuinaanleg
dakwerken dakdekkers loodgieters stukadoors schilders timmerwerken kozijnen badkamers interieurbouw
zonnepanelen energie installatie engineering projecten projectontwikkeling ontwikkeling
bouwmaterialen materialen machines verhuur leasing financieringen hypotheken verzekeringen
beleggingen participaties investments ventures capital
`;

/** Endings of Dutch business-type compounds: `Loodgietersbedrijf`, `Hoveniersgroep`. */
export const HEAD_SUFFIXES = [
  "bedrijf",
  "bedrijven",
  "praktijk",
  "kantoor",
  "handel",
  "winkel",
  "groep",
  "zorg",
  "bureau",
  "techniek",
  "service",
  "services",
  "diensten",
  "centrum",
  "fabriek",
  "makerij",
  "studio",
  "salon",
  "kliniek",
  "atelier",
  "opvang",
  "school",
  "dienst",
  "werken",
  // `Bloemisterij`, `Brouwerij`, `Stomerij`: a trade and its shop.
  "erij",
];

/** Words that can carry a compound suffix but never open a business name. */
export const NOT_HEADS = `
kantoor winkel groep zorg bureau service centrum dienst werken huis school handel studio
salon bedrijf bedrijven praktijk huisarts ziekenhuis gemeentehuis thuis
klantenservice helpdienst buitendienst binnendienst
`;

/**
 * Well-known vendors, platforms and public bodies: not customer data, never reported.
 * Multi-word entries are matched on their first word plus what follows.
 */
export const KNOWN_VENDORS: readonly string[] = [
  "abn-amro", "achmea", "action", "adobe", "adyen", "aegon", "afas", "ah", "ahold", "aldi", "amazon",
  "anthropic", "ap", "apple", "asana", "asml", "asn", "asr", "atlassian", "aws", "azure", "bard",
  "belastingdienst", "bitbucket", "bol", "bol.com", "bunq", "cak", "canva", "cbr", "chatgpt", "claude",
  "confluence", "coolblue", "copilot", "cz", "deepseek", "delhaize", "dhl", "digid", "dpd", "dropbox", "duo",
  "e-boekhouden", "exact", "facebook", "fedex", "gamma", "gemini", "ggd", "github", "gitlab", "gls",
  "google", "gpt", "heineken", "hema", "hubspot", "huggingface", "ibm", "ideal", "ikea", "informer", "ing",
  "instagram", "interpolis", "jira", "jortt", "jumbo", "karwei", "klarna", "klm", "knab", "kpn", "kvk",
  "lidl", "linkedin", "loket.nl", "mailchimp", "mediamarkt", "menzis", "meta", "microsoft", "mijnoverheid",
  "mistral", "mollie", "monday.com", "moneybird", "nmbrs", "nn", "notion", "ns", "odido", "ollama", "openai",
  "oracle", "paypal", "perplexity", "philips", "politie", "postnl", "praxis", "prorail", "rabobank", "raet",
  "randstad", "rdw", "regiobank", "rijksoverheid", "rivm", "rvo", "salesforce", "sap", "schiphol", "shell",
  "shopify", "simpel", "slack", "snelstart", "sns", "stripe", "svb", "t-mobile", "teams", "tele2",
  "tempo-team", "tikkie", "transavia", "trello", "triodos", "twinfield", "twitter", "unilever", "ups", "uwv",
  "vgz", "visma", "vodafone", "whatsapp", "wix", "wordpress", "x", "youfone", "youforce", "yuki", "zapier",
  "ziggo", "zoom", "hugging face", "abn amro", "van lanschot", "kamer van koophandel",
  "autoriteit persoonsgegevens", "albert heijn", "centraal beheer", "zilveren kruis", "google ireland",
  "microsoft ireland",
];
