/**
 * Word lists that steer name recognition: tussenvoegsels, titles, salutations, sign-offs,
 * form labels, the verbs around names, and capitalised words that are never names.
 * All entries are folded (lower case, no accents); multi-word entries use single spaces.
 */

/** Tussenvoegsels and foreign name particles, as single words; sequences are checked word by word. */
export const PARTICLE_WORDS = `
van de der den ten ter te 't in op uit vande vander von zu zum le la du da di del della des
dos el al bin ben ibn abu d' l' o' mac mc st sint
`;

/** Titles and forms of address directly before a name (`dhr. Jansen`, `mevrouw De Vries`). */
export const TITLES = `
dhr dhr. mevr mevr. mw mw. mvr mvr. heer meneer mevrouw juffrouw juf mejuffrouw hr hr. mr mr. mrs mrs.
ms ms. miss mister sir madam madame monsieur herr frau dr dr. drs drs. ir ir. ing ing. prof prof. ds ds.
dominee pastoor zuster broeder dokter docent meester notaris advocaat huisarts tandarts verloskundige
fysiotherapeut collega's collega oom tante opa oma familie fam fam. gezin echtpaar weduwe wed. zoon dochter
`;

/** Salutations opening a message: the next name is the addressee. */
export const SALUTATIONS = `
beste geachte hoi hallo hey hi hee hai lieve dag goedemorgen goedemiddag goedenavond dear hello
sehr geehrte geehrter liebe lieber moin yo morning
`;

/** Closing lines of a letter or mail; the name follows on the same or the next line. */
export const SIGNOFFS = [
  "met vriendelijke groet",
  "met vriendelijke groeten",
  "vriendelijke groet",
  "vriendelijke groeten",
  "met hartelijke groet",
  "met hartelijke groeten",
  "hartelijke groet",
  "hartelijke groeten",
  "hartelijke dank",
  "met groet",
  "met groeten",
  "groet",
  "groeten",
  "groetjes",
  "gr",
  "grt",
  "mvg",
  "mvgr",
  "m.v.g",
  "vr gr",
  "vrgr",
  "vriendelijke groet en fijne dag",
  "met collegiale groet",
  "hoogachtend",
  "dank en groet",
  "alvast bedankt",
  "bij voorbaat dank",
  "kind regards",
  "best regards",
  "warm regards",
  "regards",
  "best",
  "cheers",
  "thanks",
  "many thanks",
  "thank you",
  "sincerely",
  "yours sincerely",
  "yours faithfully",
  "mit freundlichen grussen",
  "viele grusse",
  "liebe grusse",
  "namens",
  "getekend",
  "ondertekend",
];

/**
 * Form labels and role nouns whose value is a person (`Naam: ...`, `Contactpersoon: ...`,
 * `Huisarts: dr. ...`). Matched as the last word(s) before the name, with or without a colon.
 */
export const PERSON_LABELS = `
naam voornaam achternaam contactpersoon contact t.a.v. tav attn attention medewerker medewerkster
patient client werknemer werkneemster werkgever behandelaar aanvrager huurder verhuurder notulist
notuliste voorzitter secretaris penningmeester aanwezig afwezig afgemeld melder aangemeld
noodcontact partner echtgenoot echtgenote huisarts leidinggevende manager eigenaar eigenaresse
debiteur crediteur opgesteld auteur owner author assignee reporter requester user gebruiker
behandeld ondertekenaar ondergetekende vertegenwoordiger gemachtigde verzender afzender
ontvanger geadresseerde from to cc bcc van aan klant klantnaam opdrachtgever koper verkoper
sollicitant kandidaat cursist deelnemer student leerling bewoner cliente verzekerde
begunstigde rekeninghouder accounthouder aanspreekpunt bewindvoerder curator mentor
coach begeleider casemanager zorgverlener verpleegkundige arts specialist tandarts
fysiotherapeut mentor vader moeder zoon dochter broer zus kind oom tante opa oma
weduwe weduwnaar schoonmoeder schoonvader zwager schoonzus neef nicht buurman buurvrouw
collega stagiair stagiaire vrijwilliger chauffeur monteur installateur adviseur
accountmanager projectleider teamleider directeur bedrijfsleider hr-adviseur boekhouder
getuige eiser gedaagde verweerder verzoeker belanghebbende erflater erfgenaam
name contact signed by via door
`;

/** Words just before a name in running text (`gebeld met X`, `namens X`, `Mijn naam is X`). */
export const PRECEDING_PHRASES = [
  "gebeld met",
  "gesproken met",
  "gesprek met",
  "overleg met",
  "afspraak met",
  "contact met",
  "mail van",
  "mail aan",
  "bericht van",
  "klacht van",
  "sollicitatie van",
  "aanvraag van",
  "verzoek van",
  "factuur van",
  "brief aan",
  "brief van",
  "namens",
  "mijn naam is",
  "ik ben",
  "ik heet",
  "my name is",
  "this is",
  "i am",
  "i'm",
  "vertegenwoordigd door",
  "opgesteld door",
  "ingediend door",
  "gebeld door",
  "gemeld door",
  "getekend door",
  "verwezen door",
  "behandeld door",
  "loopt via",
  "loopt voortaan via",
  "contact via",
  "report from",
  "email from",
  "message from",
  "call with",
  "meeting with",
  "spoke with",
  "spoke to",
  "talked to",
  "kun jij",
  "kun je",
  "kan jij",
  "kan je",
  "wil jij",
  "wil je",
  "heb je",
  "bel",
  "bellen",
  "mail",
  "vraag",
  "vraag aan",
  "zeg tegen",
  "samen met",
];

/** Verbs right after a name that make a capitalised word a subject (`Kees belde`, `Sanne vraagt`). */
export const FOLLOWING_VERBS = `
belt belde bellen heeft had hebben is was wordt werd zal zou wil wilde kan kon moet mag gaat ging
komt kwam vraagt vroeg zoekt zocht neemt nam stuurt stuurde meldt meldde laat liet geeft gaf
zegt zei schrijft schreef mailt mailde appt appte regelt regelde maakt maakte werkt werkte
bevestigt bevestigde stelt stelde checkt checkte doet deed pakt pakte kijkt keek levert leverde
heb ben zit zat staat stond weet wist denkt dacht vindt vond begint begon stopt stopte
reageert reageerde antwoordt antwoordde accordeert akkoord tekent tekende ondertekent betaalt
betaalde ontvangt ontving krijgt kreeg brengt bracht haalt haalde legt legde plant plande
agendeert bespreekt besprak presenteert presenteerde neemt bereidt coordineert volgt volgde
said says asked asks called calls wrote writes sent sends will would has had is was
`;

/**
 * Capitalised words that are never (the start of) a person name in business text: greetings,
 * sentence openers, document words, job titles, weekdays, months, units. Checked before the
 * gazetteers so that `Dank`, `Graag` or `Jan` in `3 Jan 2024` are not taken for names.
 */
export const NON_NAME_WORDS = `
de het een dit dat deze die daar hier er wij we ik jij je u hij zij ze wie wat waar wanneer hoe
waarom welke mijn onze jouw uw zijn haar hun ons alle alles elke ieder iedereen niemand niets
en of maar want dus toch ook nog al wel niet geen nooit altijd soms vaak graag dank bedankt
dankjewel dankuwel zoals omdat als indien mits tenzij hoewel zodra totdat voordat nadat sinds
tot voor na met zonder door bij aan op in uit over onder boven naast tussen tegen om per via
volgens namens inzake betreft betreffende re fw fwd aw antw onderwerp subject datum date
bijlage bijlagen attachment let op nb ps pps hoi hallo hey hi beste geachte lieve dear
goedemorgen goedemiddag goedenavond goedendag welkom groet groeten groetjes mvg regards thanks
thank please kind best sincerely cheers hello morning afternoon evening
ja nee oke ok okay prima top super mooi fijn helaas excuses sorry gefeliciteerd proficiat
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
januari februari maart juni juli september oktober november december
feb mrt apr jun jul aug sep sept okt nov dec january february march july october
q1 q2 q3 q4 kw week jaar maand dag vandaag morgen gisteren overmorgen straks later
factuur offerte prijsopgave order bestelling ticket melding klacht verslag notulen agenda
actie acties besluit besluiten planning rapport rapportage overzicht samenvatting conclusie
contract overeenkomst artikel bijlage hoofdstuk paragraaf pagina versie concept definitief
totaal subtotaal btw bedrag prijs korting termijn vervaldatum betaling betaald openstaand
klant klanten leverancier opdrachtgever opdrachtnemer partijen partij huurder verhuurder
werkgever werknemer medewerker medewerkers team afdeling directie bestuur management
naam adres postcode plaats woonplaats telefoon tel mobiel email e-mail mail website
iban bic bsn kvk btw-nummer rekening rekeningnummer geboortedatum geboren geb
status prioriteit urgent hoog laag normaal open gesloten opgelost nieuw
accountmanager manager directeur eigenaar adviseur consultant monteur installateur
projectleider teamleider office hr finance sales marketing support service
administratie boekhouding receptie planning inkoop verkoop logistiek
ziekmelding verzuim intake overdracht dossier personeelsdossier klantkaart
afspraak afspraken gesprek overleg vergadering meeting call update vraag vragen
nieuwe nieuw oude oud eerste tweede derde laatste volgende vorige andere
mevrouw meneer heer dhr mevr mw dr mr ir ing drs prof
zie graag svp s.v.p. vriendelijk hartelijk alvast verder tevens bovendien daarnaast
echter kortom inmiddels momenteel binnenkort uiteraard natuurlijk helaas gelukkig
kunt kun kan wilt wil zou zouden moet moeten mag mogen gaat gaan komt komen
ga kom bel stuur mail check zet plan maak neem geef laat vergeet
please note see dear sir madam team all everyone hereby
chamber commerce akkoord chat gebouw locatie categorie omschrijving toegewezen bug report feature request issue error warning info debug todo fixme note owner
ok true false null none undefined
`;

/**
 * Organisation words that also stop a person name (`Jansen Installatietechniek` is a firm,
 * `van Gemeente Utrecht` not part of a name).
 */
export const PUBLIC_BODY_WORDS = `
gemeente provincie ministerie rijksoverheid waterschap rechtbank gerechtshof politie brandweer
ziekenhuis universiteit hogeschool school college
`;

/** Places and directions: never a person, but allowed inside an organisation name (`Fysio Centrum Oost`). */
export const GEO_WORDS = `
noord zuid oost west centrum oosten westen noorden zuiden
nederland belgie duitsland frankrijk europa holland
amsterdam rotterdam utrecht haag eindhoven groningen tilburg almere breda nijmegen
apeldoorn haarlem arnhem enschede amersfoort zaandam zwolle leiden maastricht dordrecht
zoetermeer delft deventer leeuwarden alkmaar venlo helmond hilversum hengelo
amstelveen purmerend roosendaal schiedam lelystad spijkenisse vlaardingen almelo gouda zaanstad
ede assen emmen oss veenendaal zeist capelle nieuwegein heerlen sittard geleen kerkrade roermond
hoofddorp haarlemmermeer katwijk bergen-op-zoom hardenberg doetinchem harderwijk kampen meppel
heerenveen sneek drachten hoogeveen coevorden stadskanaal winschoten veendam middelburg vlissingen
terneuzen goes tiel culemborg gorinchem woerden bodegraven alphen waalwijk oosterhout dongen
uden veghel boxtel vught valkenswaard veldhoven geldrop etten-leur zundert weert venray
barneveld wageningen nijkerk ermelo putten zutphen winterswijk oldenzaal rijssen almere-stad
friesland drenthe overijssel gelderland flevoland zeeland brabant noord-brabant limburg
noord-holland zuid-holland
`;

/** Labels whose value is as often a company as a person: they support a name but do not prove it. */
export const PARTY_LABELS = `
klant klantnaam opdrachtgever leverancier debiteur crediteur werkgever koper verkoper relatie
bedrijf bedrijfsnaam organisatie company customer client vendor supplier
`;
