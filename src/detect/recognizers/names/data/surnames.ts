/**
 * Surnames common in the Netherlands (the most frequent Dutch ones first) and in its main
 * communities. Stored without tussenvoegsel (`de Vries` -> `vries`), folded by the loader.
 */

const DUTCH = `
jong jansen vries berg bakker janssen visser smit meijer meyer boer mulder groot bos vos peters hendriks
leeuwen dekker brouwer wit dijk smits graaf linden kok jacobs haan vermeulen heuvel veen broek bruijn
bruin schouten beek willems dam verbeek kuipers hoekstra maas verhoeven koster prins leeuw huisman
peeters wal hermans postma kuijpers meer bosch vliet dijkstra kramer sanders jonker schipper vink
wijk timmermans martens boom koning berghuis dekkers zwart post vos wouters hoek groen scholten
lange kuiper brink veenstra gerritsen haan bosman maas koopman wouters ven goossens molenaar vos
bos hofman evers claassen blom stam hoogendoorn keizer veldhuis heijden wijngaarden bergh roos
laan bouwman brink jongh kroon smeets groot hoeven schmidt hermans dijkman bergsma huizinga
nijhuis wolters kool beekman sluis lammers kramer jonge haas hout driessen baas lambregts geerts
hoogland wijnen meulen bruins kok vos dijkhuis nieuwenhuis bakker heemskerk schaap hooft bouma
wijnands boersma steenbergen akker velden bijl koning verhoef verkerk teunissen haverkamp
mol jager heijnen kempen pol sluijs tol bol graaf hendrikx vd pauw hulst groenewegen
verschuren geurts arts ruiter valk vos hartog korte gijsbers koenen beekhuis rutten wagenaar
bosch reijnders engelen maes michiels claes wauters goossens janssens peeters jacobs mertens
willems dubois lambert martin dupont leroy simon laurent
meijers mol kleijn klein vink ploeg snijders snijder smid schilder boer kuiper koster visser
bakker brouwer schipper molenaar timmerman wagenaar mulder ruiter jager herder schaper
veld velde berg hoven hof hoff wal weg dijk beek bosch broek horst kamp laar loo meer veen
heide kamp wetering oever zande akker marel eng enk brink es
leeuw vink kraai haas wolf vos valk zwaan uil mus kievit spreeuw das hert vis
groen wit zwart rood blauw bruin grijs
ham oostra bosma hiemstra dijkstra wierda zijlstra sijbesma haarsma wubbena nijboer tammeling
oldenkamp rijkeboer haverkort bleeker kartosen veenstra hoekstra postma bouma boersma kingma
bergsma terpstra jellema hofstra attema feenstra dijkema sikkema tuinstra wiersma tolsma
kooistra kuipers visser vellinga wijma wiersma zwart hoitinga elzinga jaarsma andringa
sinnema heeringa hoogeveen hiddema holwerda hettema ykema pruim rozema riemersma faber
schaafsma westra bakker sipma spoelstra stienstra talsma woudstra ypma zuidema tjoelker
meulenbelt ottens ebbers evers lubbers nijenhuis wesselink nijland bosscher scholten kamphuis
brinkman jansma huisman oosterhof stegeman hilbrink voortman wessels heerink lammerink
broekhuis broekman hendriksen lubbers hulshof kwakman braam geerdink ter
kerkhof rietveld rijnders elzinga oosterveld veldman bloemen bloem booij boon borst bosch
bremer brinkman broekhuizen brugman buijs buitenhuis bulthuis burger cornelissen damen dammers
derks dirks dirksen dobbe doornbos drost duijn eijk eekhout ende engels erkens esch everts
faassen franken franssen frijters gerrits geurts gielen gijsen goedhart goossens graaff greve
haak haanstra hamers hartman heemstra hendrix hermsen hessels heuvelman hoeks hoefnagels hogenboom
holtkamp hoogendijk hoogenboom hoving huijbers huijsmans jacobse jaspers jongeling jongsma kaag
kamps karsten keijzer kerkhoven klaassen klomp knol koch koekkoek kolk kooij kooiman koopmans
kort kosters kraaij kremer kuijpers kwint laarhoven langen leenders lemmens lensink leusink
linde looman luijten luiten maassen marks martens meerman meeuwis mertens meulman minnaard
moerman mooij mulders munsters nauta nederveen nieuwland nijman nooij noordhuis oomen oosten
oostendorp oosterbaan otten overbeek pieters plas pluijm poel poot pouwels quist raaijmakers
rademaker reinders remmers reuvers rietveld rijken rijkers roelofs roest rombouts roosendaal
rot ruijter sanders schaap schenk schepers schoenmakers scholte schreurs schuurman sijtsma
slagter sloot slot smeenk smulders snel spaans spijker steen stevens stoffels stok stolk stoop
straathof stroeve swinkels tak teeuwen terlouw thijssen tiemens toonen tromp tuinman uijl
veenendaal veerman verbruggen verburg vergeer verhagen verheij verheul verhoef verkuijlen
vermeer vermeij verweij verwey vlaar vlug vonk voskuilen vrieling waal wagemaker walraven
weijers wensink westerhof westerveld wever wiegers wijers wijnberg winkel witteveen wolff
wolterink wortel wouda zandbergen zeeman zijl zoet zwiers zuidhof zwanenburg
verbeek verbruggen verhoeven vermeulen verschoor versteeg verstegen vervoort visscher
drenth brand brands van graafland hollander kruijt kruit lindeman mostert oudshoorn
rijn stam ton veldkamp voogd vrij wolters zomer winter lente herfst
`;

const TURKISH = `
yilmaz yılmaz kaya demir sahin şahin celik çelik yildiz yıldız yildirim yıldırım ozturk öztürk aydin aydın
ozdemir özdemir arslan dogan doğan kilic kılıç aslan cetin çetin kara koc koç kurt ozkan özkan simsek şimşek
polat korkmaz karaca erdogan erdoğan akar aktas aktaş tekin gunes güneş bulut bozkurt kaplan avci avcı
toprak keskin tas taş ergin acar guler güler unal ünal altun altin coskun coşkun kocak koçak tun
sari sarı karatas karataş demirci gul gül akbulut ucar uçar turan durmaz kahraman uysal ekinci
`;

const MOROCCAN_ARABIC = `
amrani bouali el-amrani elamrani benali bouzid haddou ouali benaissa boukhari mohammadi idrissi
alaoui tahiri bennani chaoui el-idrissi azzouzi bakkali ziani yahyaoui ouahabi mahjoubi
achahbar aboutaleb akhannouch bouchikhi bousaid chakir elkaddouri hajji hamdaoui kaddouri
marzouki mimouni ouarrak saidi touzani zaoui zahidi ahmadi hassani rahmani hamdi nasser
abdi ali hussein ahmed mohamed hassan omar yusuf khan said farah
`;

const SURINAMESE_HINDUSTANI_ANTILLEAN = `
ramdin sardjoe tjong ramsaran ramlal ramdas sewnath jagesar bhagwandin sital soekhoe ramautar
mahabier kalloe ramjiawan sewdien autar bissessar jagroep ramkisoen baldew mangal persaud
ramcharan chotkan biharie ramsahai sitaldin soerdjbalie doerga kartosen kromodimedjo
sarmo pawirodikromo atmodikoro karijopawiro soekarman kartodikromo
martina martis maduro isenia jansen rosaria statia daal pietersz leito boelbaai
`;

const POLISH_EAST_EUROPEAN = `
nowak kowalski kowalska wisniewski wiśniewski wojcik wójcik kowalczyk kaminski kamiński lewandowski
zielinski zieliński szymanski szymański wozniak woźniak dabrowski dąbrowski kozlowski jankowski
mazur kwiatkowski krawczyk kaczmarek piotrowski grabowski zajac zając pawlowski michalski krol król
wieczorek jablonski wróbel wrobel nowakowski majewski olszewski stepien stępień jaworski malinowski
popescu ionescu popa pop radu dumitru stan stoica gheorghe
ivanov petrov georgiev dimitrov horvath nagy novak kovac kovač horvat jovanovic petrovic
`;

const ASIAN = `
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo zheng liang
tan lim lee ng wong chan cheung chang lau tang yeung ho chiu lam
nguyen tran le pham hoang phan vu dang bui do ngo duong ly
sharma patel singh kumar gupta shah mehta verma reddy rao iyer nair joshi desai chopra kapoor
malhotra agarwal bhatt jain pillai menon das banerjee chatterjee mukherjee bose sinha mishra
pandey tiwari yadav
santoso wijaya halim gunawan kusuma hartono setiawan susanto tanoto suharto
kim park choi jung kang cho yoon jang lim han
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi
`;

const GERMAN_ENGLISH_OTHER = `
muller müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein
wolf schroder schröder neumann schwarz zimmermann braun kruger krüger hofmann hartmann lange schmitt
werner krause lehmann schmid schulze maier kohler köhler herrmann konig könig walter huber
smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson
wright walker white edwards hughes green hall lewis harris clarke patel jackson wood turner
martin cooper hill ward morris moore clark baker harrison morgan king allen young scott
mitchell anderson campbell murphy kelly obrien o'brien ryan walsh mccarthy
garcia rodriguez martinez lopez gonzalez perez sanchez ramirez torres flores rossi russo
ferrari esposito bianchi romano colombo ricci silva santos ferreira pereira oliveira costa
rodrigues almeida
`;

export const SURNAMES_PACKED = [
  DUTCH,
  TURKISH,
  MOROCCAN_ARABIC,
  SURINAMESE_HINDUSTANI_ANTILLEAN,
  POLISH_EAST_EUROPEAN,
  ASIAN,
  GERMAN_ENGLISH_OTHER,
].join(" ");

/**
 * Surnames that are ordinary words (trades, colours, animals, places): in lower case
 * (`de bakker op de hoek`) they never count; capitalised they need a first name, an initial or
 * a title to count.
 */
export const COMMON_WORD_SURNAMES = `
bakker visser smit smid boer mulder kok koster schipper molenaar timmerman wagenaar ruiter jager
herder schaper kuiper schilder snijder brouwer dekker koning prins keizer groot klein lange korte
jong jonge oude wit zwart groen rood blauw bruin grijs vos wolf haas valk zwaan uil mus das hert vis
leeuw kraai berg dijk beek bosch bos broek horst kamp hoek laan meer veen heide veld hof wal weg
brink post stam roos bloem boom zomer winter lente herfst snel vlug baas plas pol rijn
kramer koopman hartog huisman bouwman kroon steen storm vink stok slot sloot tol zeeman
van lee park kim long young king green brown white hall wood hill ward
`;
