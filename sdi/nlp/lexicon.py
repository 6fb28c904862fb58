"""Hand-written Norwegian word knowledge that Norsk Ordbank's inflection tables cannot give.

The spacy-lookups-data tables list every inflected form but carry no frequencies, and where two lemmas
share a form one of them was dropped (`saken` → only `sake`). The lists here stand in for frequency:
closed-class words and the commonest verbs of spoken Norwegian are fixed outright, and `PREFERRED`
breaks ties between readings. Changing anything here changes the digest that names the lemma cache.
"""

from __future__ import annotations

import hashlib


def words(spec: str) -> tuple[str, ...]:
    """Whitespace-separated words, in order; keeps long word lists readable."""
    return tuple(spec.split())


def _pairs(spec: str) -> dict[str, str]:
    """`"lemma: form form …; …"` → {form: lemma}; keeps the tables below readable."""
    table: dict[str, str] = {}
    for group in spec.split(";"):
        if not group.strip():
            continue
        lemma, _, forms = group.partition(":")
        for form in forms.split():
            table[form] = lemma.strip()
    return table


# Closed-class words and very frequent forms whose table readings collide with rare words
# (`vi` → `vie`, `seg` → `sige`, `går` → `gåre`, `var` → adjective `var`). Lemmas follow the
# Norwegian UD treebank: object pronouns to the subject form, possessives to the masculine.
OVERRIDES: dict[str, str] = _pairs(
    """
    jeg: jeg meg; du: du deg; han: han ham; hun: hun henne; den: den; det: det; vi: vi oss;
    dere: dere; de: de dem; seg: seg; man: man; en: en ei et ett; min: min mi mitt mine;
    din: din di ditt dine; sin: sin sitt sine; vår: vår vårt våre; hans: hans; hennes: hennes;
    deres: deres; dens: dens; dets: dets; denne: denne; dette: dette; disse: disse;
    all: all alt alle; annen: annen annet andre; egen: egen eget egne; hver: hver hvert;
    noen: noen noe; ingen: ingen intet; slik: slik slikt slike; sånn: sånn sånt sånne; samme: samme;
    hvilken: hvilken hvilket hvilke; hva: hva; hvem: hvem; hvor: hvor; hvordan: hvordan;
    hvorfor: hvorfor; når: når; som: som; at: at; og: og; eller: eller; men: men; for: for;
    om: om; i: i; på: på; til: til; med: med; av: av; fra: fra; hos: hos; ved: ved; mot: mot;
    etter: etter; før: før; over: over; under: under; mellom: mellom; gjennom: gjennom;
    uten: uten; rundt: rundt; blant: blant; siden: siden; fordi: fordi; hvis: hvis; enn: enn;
    da: da; så: så; nå: nå; her: her; der: der; jo: jo; vel: vel; nok: nok; bare: bare;
    også: også òg; ikke: ikke; kanskje: kanskje; aldri: aldri; alltid: alltid; litt: litt;
    mye: mye mer mest; mange: mange flere flest; lite: lite; liten: liten lille små mindre minst;
    god: god godt gode bedre best beste; stor: stor stort store større størst største;
    ja: ja; nei: nei; altså: altså; liksom: liksom; egentlig: egentlig; faktisk: faktisk;
    fortsatt: fortsatt; videre: videre;
    være: være er var vært; ha: ha har hadde hatt; bli: bli blir ble blei blitt;
    få: få får fikk fått; gå: gå går gikk gått; si: si sier sa sagt; gjøre: gjøre gjør gjorde gjort;
    kunne: kunne kan kunnet; skulle: skulle skal; ville: ville vil; måtte: måtte må;
    burde: burde bør; tro: tro tror trodde trodd; vite: vite vet visste visst;
    se: se ser sett; komme: komme kommer kom kommet; ta: ta tar tok tatt; gi: gi gir ga gav gitt;
    stå: stå står sto stod stått; ligge: ligge ligger lå ligget; synes: synes syns syntes;
    tenke: tenke tenker tenkte tenkt; føle: føle føler følte følt; snakke: snakke snakker;
    skrive: skrive skriver skrev skrevet; lese: lese leser leste lest; mene: mene mener mente ment;
    finne: finne finner fant funnet; trenge: trenge trenger trengte trengt; holde: holde holder holdt;
    lage: lage lager laget laga; vise: vise viser viste vist; spørre: spørre spør spurte spurt;
    bruke: bruke bruker brukte brukt; jobbe: jobbe jobber; prøve: prøve prøver prøvde prøvd;
    handle: handle handler; hjelpe: hjelpe hjelper hjalp hjulpet; følge: følge følger fulgte fulgt;
    fortelle: fortelle forteller fortalte fortalt; kjenne: kjenne kjenner kjente kjent;
    skje: skje skjer skjedde skjedd; sitte: sitte sitter; legge: legge legger lagt;
    drive: drive driver drev drevet; virke: virke virker; bety: bety betyr betydde;
    oppleve: oppleve opplever opplevde opplevd; ønske: ønsker ønsket; lære: lærte lært;
    lærer: lærer; leder: leder
    """
)

# Spoken, dialect and Nynorsk forms → Bokmål lemma. Checked before the Bokmål table, because
# several of them are rare Bokmål words too (`kjem` → `kjemme`, `heime` → adverb `heime`).
DIALECT: dict[str, str] = _pairs(
    """
    ikke: ikkje ikkj itj ittj; jeg: eg æ je jæ mæ; du: dæ; hun: ho hu; vi: me; dere: dokker dokk dykk
    dåkker; de: dei dæm døm; seg: sæ; deres: deira; hennes: hennar; en: ein eit eitt; hva: ka kva hæ;
    hvem: kven kem kæm; hvor: kor; hvordan: korleis koss kossen åssen; hvorfor: kvifor korfor åffer;
    bare: berre bære bærre; hjemme: heime; hjem: heim; også: åsså; noen: noko nokon nokre nåkka nån;
    mye: mykje mykkje møkje meir; selv: sjølv sjøl; da: då; nå: no; til: te; fra: frå; uten: utan;
    sammen: saman; mens: medan; hvis: viss; helt: heilt; egentlig: eigentleg; all: adle;
    komme: kjem kjæm; være: vere vore; få: fekk; gå: gjekk; gjøre: gjere gjer; si: seie sei;
    vite: veit; tenke: tenkje tenkjer; skulle: ska sku; synes: synst tykkjer tykte; tro: trur trudde;
    liksom: lissom; ja: jau jaa; nei: næi; skole: skule skulen skular skulane; unge: ungane unga;
    gutt: gutane; jente: jentane jentun; barn: borna
    """
)

# Nynorsk and dialect lemmas that suffix rules reach (`skulen` → `skule`) → the Bokmål lemma.
NYNORSK_LEMMAS: dict[str, str] = {
    "skule": "skole",
    "heim": "hjem",
    "veke": "uke",
    "spørsmål": "spørsmål",
    "kyrkje": "kirke",
    "mjølk": "melk",
    "dotter": "datter",
    "tenkje": "tenke",
}

# Lemmas that win when a form has several readings, most wanted first: frequent words of speech
# about children, families, schools and services (a frequency list in miniature).
PREFERRED: tuple[str, ...] = words(
    """
    være ha bli få gå si gjøre kunne skulle ville måtte tro vite se komme ta gi stå ligge synes tenke
    føle snakke skrive lese mene finne trenge holde lage vise spørre bruke jobbe prøve handle hjelpe
    følge fortelle kjenne skje sitte legge drive virke bety oppleve sende ringe møte begynne huske
    svare passe lære ønske sak samarbeid samarbeide lærer leder forelder mor far barn unge jente gutt
    skole barnehage tjeneste bekymring møte dag tid år uke gang måte del folk hjem familie klasse
    kommune ansatt rektor helsesykepleier barnevern stafettlogg logg plan tiltak
    vedtak melding samtale rutine behov ansvar kontakt oppfølging tilbud informasjon problem spørsmål
    god stor liten lang ny gammel viktig vanskelig lett trygg fast flink ung
    """
)


def lexicon_digest() -> str:
    """A short fingerprint of these lists, so the lemma cache is rebuilt when they change."""
    lists = (sorted(OVERRIDES.items()), sorted(DIALECT.items()), PREFERRED, sorted(NYNORSK_LEMMAS.items()))
    text = repr(lists)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
