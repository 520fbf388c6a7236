/**
 * First names common in the Netherlands and Flanders, grouped by the communities that carry them.
 * Space-separated so the module stays small; the loader folds them (lower case, no accents).
 * Names that are also ordinary Dutch or English words live in `AMBIGUOUS_FIRST_NAMES` as well:
 * they count as first names only with supporting context.
 */

const DUTCH = `
aad aafke aagje aaltje aart abe abel abraham ad adam adri adriaan adrianus adrie adrienne agnes agaath agatha
aik aimee alberdina albert alberta albertus aldert alex alexander alexandra alexis alfons alfred alida
alie aline alma aloys amber amelie amy an anita anja anke ankie anna annabel annabelle anne anneke annelies
annelieke annemarie annemiek annemieke annet annette annie anniek anouk anouschka ans ant anthonie anthony
antje anton antonia antonie antonius ard arend ari arie arianne arie arja arjan arjen arnold arno arnoud
aron art arthur arwen astrid auke aukje babette bart bartholomeus bas bastiaan bea beatrix beatrijs
bee ben benjamin benno bep berend berber bernadette bernard bernardus berry bert berta bertha bertus betsie
betty bianca bob boaz boris bouke boudewijn bram brenda brent britt britta brigitte bruno callum carla carlijn
carlo carmen caro carolien caroline casper catharina cato cecile cees celine charlotte chantal chris christa
christiaan christian christiane christine christophe cindy claartje claire clara claudia coba coen cor cora
corine corinne corina cornelia cornelis corrie corry daan daniel daniëlle danielle danny david debby debora
demi dennis desiree diana dick dieuwke dieuwertje diederik dirk dineke dingeman dini dion dirkje dolf dominique
dora doris dorien dorothea douwe driekus duco dunya dylan ed edith eduard edwin eefje eelco eelke eline elisa
elisabeth elise eliza ella elles ellen elly els elsa else elske elly emiel emma emmy emile erik erica erika
erna ernst esmee esther eva evelien evert evi ewout fabian fay fedde femke fenna fenne ferdinand fien fiene
fleur flip floor floris frank frans françoise frederik frederique freek frits frieda froukje gabriel
gabriëlle geert geertje geertruida gemma gerard gerarda gerardus gerben gerda gerdien gerhard gerlinde germ
gerrit gerrie gert gertjan gertrude gerwin gijs gijsbert gerry gilles gina gonnie greet greetje gregor
guido guus gwen hanna hannah hanneke hannie hans harm harmen harold harrie harry hein heleen helen helena
helma hendrik hendrika hendrikus henk henny henri henriette herman hester hidde hilde hilda hillegonda
hubert hubertus hugo huib ida ilse imke ina inge ingeborg ingrid irene iris isa isabel isabella isabelle
ivo jaap jacob jacoba jacobus jacqueline jan janneke jannie jans jantine jantje jasmijn jasper jayden
jelle jelmer jenny jeroen jesse jet jetske jetta jetty jill joep joeri johan johanna johannes john jolanda
jolien jon jonas joost joris jos josé josef josephine josien joyce judith julia julian juliana julie julius
jurgen jurre jurriaan justin karel karin karlijn kars katja kay kees kevin kiki kim klaas koen koert
kris kristel laura laurens lars lea leen leendert leon leonie lex lianne liesbeth lieke lies lieve lilian
linda lisa lisanne lieuwe lode lonneke loes lotte lotje lou louis louise luc lucas lucy luuk lydia maaike
maarten madelief madelon manon manou marc marcel marco marga margreet margriet maria mariska marieke marijke
marijn marina marion marit marja marjan marjolein mark marleen marloes marlies martijn martin martine
marjolijn mees meike melanie melissa menno merel michel michelle michiel mieke mila milan milou minke
mirjam mirthe monique myrthe naomi nathalie nick nicky niek niels nienke nina noa noah noor noortje nora
olaf olivia otto pascal patrick paul paula paulien pauline peter petra philip pien piet pieter pim
quinten quirijn rachel ralph ramon rebecca reinier remco remy renate rené rene richard rick rik rinus rob
robbert robert robin rodney roel roelof rogier roland romy ronald roos rosa ruben rudi rudolf rutger ruud
sabine sacha sam samantha sander sandra sanne sara sarah sascha saskia sebastiaan sem sietske silvia simon
simone sjaak sjoerd sofie sophie stan stefan stefanie stephan steven stijn suzanne sylvia tamara teun
theo thijs thomas thom tijn tim tineke tirza tom tomas ton tonny toon trudy tess tessa thea theodoor
ties tijmen timo tobias twan valerie vera victor vincent wendy wessel wibo wil wilco willeke willem
wilhelmina willemijn wim wilma wouter yara yvonne yvette zoë zoe sem luuk finn julia daan bram levi
mila sara evi noud siem gijs tygo thijn hugo jens jip lotte saar lynn liv fenna nova lieke yfke ivy
emma tessel roos joep olivier ole mats hidde tobias sven valentijn wout stijn vince dex hannes bodi
mick mike jorrit jochem jorn joran thirza nadine nadia kirsten kirsti rianne riet rietje ria rita
marianne marijse marianne trijntje truus wies wiesje willy wout yolanda yvo bernice dewi hanneke
ymke jildou ineke inez inga iza jeanette jeanine jeannette jenneke joke jolijn judy jule lidwien
lisette lonneke lucie mandy marlou marlotte mathijs matthijs mathilde maud max maxime meindert
melvin merijn mijke mirella mirte myrna nelleke nel nellie nico nicolaas nicole nienke odette
patty pepijn petronella pleun puck renske rens rianne rineke rob roderick ronnie rosalie roy
ryan sanneke selma senna silke sjors sterre susan suus sylvester teuntje thea tijs tjeerd tonnie
ursula vanessa vivian wendela werner wijnand wiebe willemien wouterus xander yannick yvo zeger
`;

const FRISIAN_REGIONAL = `
anke ate atse auke aukje baukje bauke binne bonne botte bouwe brecht dieuwertje dirkje doede douwe eabele
eelke eeltje eetje egbert evert fedde feike fokke folkert foppe freark frouke froukje gjalt gjalt gjalle
gerlof geeske haije harmke hessel hidde hilbrand hiske hylke hyltsje ids ime jaap jelle jelske jetske
jildert jildou jitse jitske jolt jouke jurjen klaske lammert lieuwe lolkje lutske marten minne nynke
oebele oege pier pieke pietje rienk rintje rinse rixt roelof romke runa sape sietse sietske sjoerd
sjouke sjuk sybren sytse sytske taeke tamme tetje thys tiete tjalling tjalle tjeerd tjerk tjitse tjitske
tjibbe trijntje ulbe wiebren wiebe wietske wilco wubbo wybe wytze ybe ymkje yde ynze yfke ype abbe
bote ede eltje gerbrand hendrika hinke hotse jan-willem janwillem klaasje lubbert meine menko okke
reinder riemer rikst sybe tonnis wessel wolter wijbrand harmen hendrikje albertje roelie geesje
`;

const TURKISH = `
ahmet ali alper arda ayse ayşe aylin aynur aysel aysun ayten baris barış berk berkay beyza burak burcu
busra büşra can cansu cem cemal cengiz deniz derya dilek ebru ece elif emine emir emre enes engin esra
fatih fatma ferhat feride gizem gul gül gulsen gülşen hakan halil hamza hande hasan hatice hulya hülya
huseyin hüseyin ibrahim ilker ipek irem ismail kaan kadir kemal kerem kübra levent mehmet melek melike
meltem merve mert metin murat mustafa necati nesrin nihat nur nuray nurcan oguz oğuz okan omer ömer onur
orhan osman ozan özgür ozgur ozlem özlem recep rukiye sabri selin selim semra serkan sevgi sibel sinan
songul songül suleyman süleyman sultan tarik tuba tugba tuğba tolga turgay ufuk ugur uğur umut volkan
yasemin yavuz yildiz yıldız yusuf zehra zeynep zuhal bülent bulent erkan erdem erol gokhan gökhan
hilal kenan koray mahmut muhammet nazli nazlı ozge özge seda serdar sevda sinem tuncay yunus yasin
`;

const ARABIC_MOROCCAN = `
abdel abdelaziz abdelkader abdellah abdelhak abdelilah abderrahim abdessamad abdou abdullah abdul
adil ahmed aicha aisha aïcha amal amin amina amine anas asma ayoub aziz badr bilal bouchra brahim chaima
dounia driss fadoua fadwa farid fatima fatiha fouad habiba hafsa hakim hamid hanane hassan hayat hicham
hind houda hanae ibrahim ikram ilham ilias ilyas imane iman imad ismail issam jamal jamila kamal karim
khadija khalid latifa layla leila lina loubna mariam marwa meryem mohamed mohammed mohammad mostafa
mounir mourad nabil nadia naima najat nasser nora nordin nourdin noura omar othman rachid rachida rafik
rania redouan reda rida said saïd saida salma samir samira sana sanae sara siham soufiane soufyan sofia
souad tarik taha wafa walid yassine yasmina yasmine youssef younes yousra zakaria zineb zaid zainab
anouar anwar abdelmajid bouchaib hafid hamza hatim houssam jawad khalil lahcen majid mehdi mimoun
mustapha nadir nawal otmane oussama rabia salah salim sami sofyan tariq wassim yahya zohra ouafae
naoufal najib mohcine mouad achraf ayman aya nour malak safae sanaa soumaya ilyass
`;

const SURINAMESE_HINDUSTANI_ANTILLEAN = `
anand anil anjali arjun arvind ashwin asha chandra chandrika deepak devi dinesh gita geeta harish
indira jagdish jai kavita kishan krishna lakshmi mahesh manoj meena mohan nalini narinder naresh
neha pooja prakash priya radj radjesh rajesh rajendra rakesh ramesh ravi rekha roshni sanjay santosh
sarita satish shanti shanta sheila shiva sita sunil sunita suresh usha vijay vikash vishal anita
ashok bhagwandin chitra dewkoemar dharam ganesh hemant jeetendra kamla kiran lalita malti nirmala
parbatie radha rajiv ravindra renuka roshan sandhya savitri shanti shiwani sharmila soenita vanita
wiedjai yogesh
jerrel jurgen quincy rowan clarence dwayne ruchella shurandy jurensley chayenne jerney gilbert
milton orlando ricardo rudsel shaquille sheryl tatiana wesley xiomara yolanda yuriana jaïr jairzinho
gerson glenn kenneth naomi nathalie raymond roël ruthmila sherida
`;

const INDONESIAN_CHINESE_ASIAN = `
agus andi ani ayu bambang budi citra dewi dian dwi eka endang fitri gita hadi hendra indah indra
intan joko kartika komang made nyoman putu putri rini rudi sari sinta siti sri suharto susanti
taufik tuti wahyu wati widya yanti yuli adi bayu dimas fajar gede ketut ratna wulan
bo chen cheng fang feng hao hong hui jia jian jie jing jun lan lei li lian lin ling mei min ming na
ning ping qiang qing rui shan shu tao ting wei wen xia xiao xin xu yan yang ying yong yu yue zhen zhi
anh binh dung hai hanh hieu hoa hung huong khanh lan linh long mai minh ngoc nguyen phuong quang
thanh thao thu thuy trang tuan tung van vinh
hiroshi kenji yuki akira takeshi sakura aiko haruto yuto yui
min-jun ji-woo seo-yeon ji-hoon
`;

const INDIAN = `
aarav aditi aditya akash akshay amit amita ananya anjali ankit ankita anushka arjun arun aruna ashish
bhavna deepa deepika divya gaurav harsh harshita ishaan jaya karan kavya kunal lakshmi manish meera
mohit nandini neeraj nikhil nisha pallavi pankaj payal prateek pratik preeti priyanka rahul raj
rajat ramya rashmi ravi rohan rohit sachin sahil sakshi sameer sandeep sanjana shreya shruti siddharth
sneha sonia srinivas sudha swati tanvi tarun varun vidya vikram vinay vinod yash yogita
`;

const EASTERN_EUROPEAN = `
adam adrian agata agnieszka aleksander aleksandra alicja andrzej anna barbara bartek bartosz beata
bogdan bozena dariusz dawid dominik dorota edyta elzbieta ewa ewelina filip grazyna grzegorz halina
hanna iwona izabela jacek jadwiga jakub jan janusz jarek jaroslaw jerzy joanna jolanta justyna kacper
kamil kamila karol karolina katarzyna kasia kinga krystyna krzysztof lech lukasz łukasz magda
magdalena maciej malgorzata małgorzata marcin marek mariusz marta marzena mateusz michal michał
miroslaw monika natalia pawel paweł piotr przemek przemyslaw radek radoslaw renata robert roman
sebastian slawomir stanislaw sylwia szymon tadeusz teresa tomasz urszula wiktor wiktoria witold
wojciech zbigniew zofia zuzanna
alexandru andrei bogdan cristina daniela elena florin gheorghe ioana ion ionut irina mihai mihaela
nicoleta oana radu raluca stefan vasile
dimitar georgi ivan ivana ivanka milena nikolai petar plamen stoyan svetlana todor vesela
aleksei anastasia andrei dmitri ekaterina irina natasha olga oleksandr oksana sergei svetlana tatiana
vladimir yulia yuri viktor viktoria
jana jiri lenka martina milan pavel petr tereza zuzana
gabor istvan laszlo zoltan eszter katalin zsofia
ana ante goran ivo josip luka marija marko mirela nikola stjepan tomislav zoran dragan milos
darko dejan dusan jelena snezana
`;

const GERMAN_SCANDINAVIAN_SOUTHERN = `
achim andreas birgit christoph dieter dirk elke frank friedrich gisela gunter günter hannelore heike
heinz helga helmut horst hubert ingo joachim jochen jörg jorg jürgen karl-heinz klaus kurt lutz
manfred matthias monika norbert petra rainer ralf reinhard sabine sigrid stefanie thorsten ulrich
ulrike uwe volker werner wolfgang
anders anders bjorn björn erik freya ingrid johan lars magnus mette nils olaf sigrid sven
alessandro andrea antonio carlos chiara diego elena fernando francesca francesco giovanni giulia
giuseppe isabel javier jose josé juan laura lorenzo lucia luis manuel marco maria mario marta miguel
pablo paolo pedro rafael roberto rosa sergio sofia valentina
joao joão rui tiago ines inês goncalo gonçalo
`;

const ENGLISH_INTERNATIONAL = `
aaron abigail adrian aidan alan alice alison amanda amelia andrew andy angela ann anne anthony ashley
barry ben benjamin beth brian bruce carl caroline catherine charles charlie chloe chris christopher
claire colin craig daniel darren dave david deborah dennis derek donald donna douglas duncan edward
eleanor elizabeth ellie emily emma eric ethan fiona frances gareth gary gavin george georgia gordon
grace graham hannah harriet harry heather helen henry ian isaac jack jackie jacob jake james jamie jane
janet jason jean jeff jennifer jeremy jessica jim joanne joe john jonathan joseph joshua julia julie
justin karen kate katherine katie keith kelly kenneth kevin kieran laura lauren lee leo liam lily lisa
louise lucy luke margaret maria mark martin mary matthew megan melissa michael michelle mike molly
natalie neil nicholas nicola nigel oliver olivia oscar owen patricia paul peter philip rachel rebecca
richard robert roger ruby russell ryan samuel sandra sarah scott sean shane sharon simon sophie
stephen steve steven stuart susan thomas timothy tom tony tracy victoria william zoe
abby ava bella brandon brooke caleb cameron chelsea cody connor dakota dylan emily evan gabriel
hailey hunter isabella jordan kayla kyle logan madison mason mia morgan nathan noah paige riley
sydney taylor tyler zachary
kwame kofi ama abena yaw akua chidi chinedu emeka ngozi oluwaseun adebayo tunde amara abdi
hodan mohamud faisal hussein ayaan liban samira fadumo yonas tesfaye selam semhar dawit
`;

/** First names that are also ordinary words (or months, verbs): they need context to count. */
export const AMBIGUOUS_FIRST_NAMES = `
an bas ben bo bob cor dean dick dirk ed eva floor gerd grace hoop iris ivy jan job joy june
kay kim lang lee les lief lieve lin ling long lou mark may max mei mees merel mike mila mina min
ming na nel noor nova olive pier pim puck rob roos rosa roy ruby sam saar sem sterre summer
tim toon van wil will win wout yu hong kan hang tao mai thu ho hoa ping lan
wei can sultan hoa gul nur song chance hope faith rose lily daisy april august
`;

export const FIRST_NAMES_PACKED = [
  DUTCH,
  FRISIAN_REGIONAL,
  TURKISH,
  ARABIC_MOROCCAN,
  SURINAMESE_HINDUSTANI_ANTILLEAN,
  INDONESIAN_CHINESE_ASIAN,
  INDIAN,
  EASTERN_EUROPEAN,
  GERMAN_SCANDINAVIAN_SOUTHERN,
  ENGLISH_INTERNATIONAL,
].join(" ");
