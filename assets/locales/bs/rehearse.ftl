# rehearse: korisnički interfejs na bosanskom (ijekavica, latinica), preveden s engleskog izvornika.
# Identifikatori su stalni: novi tekst dobija novi identifikator. Varijable su { $name }; brojevi biraju množinski oblik (one, few, other).

## Liste

# „2, 5 i 7“: $items je sve prije posljednjeg člana.
list-and = { $items } i { $last }
# Between items of a list ("2, 5"), between promises, between two sentences.
list-separator = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## Bilješke o pravilima u analizi (na čemu se zasniva ocjena)

note-unbreakable = u ovom razgovoru ništa ga nije moglo prekršiti
note-disabled = ne važi za ovaj scenarij
note-not-applicable = u ovom razgovoru nije bilo prilike za to
note-kept-at = ispoštovano u { $turn }. koraku. { $what }
note-kept-throughout = ispoštovano tokom cijelog razgovora. { $what }
note-broken-times = { $count ->
    [one] prekršeno { $count } put, u koracima { $turns }. { $what }
    [few] prekršeno { $count } puta, u koracima { $turns }. { $what }
   *[other] prekršeno { $count } puta, u koracima { $turns }. { $what }
}
note-broken-at = prekršeno u { $turn }. koraku. { $what }
note-never-happened = nijednom se nije desilo. { $what }

## Provjera pravila jednostavnim riječima ($act je opis, npr. „ponavlja problem jednostavnim riječima“)

check-eventually = Očekuje se u nekom trenutku: { $act }.
check-never = Treba izbjegavati: { $act }.
check-first-turn = Očekuje se već u prvom odgovoru: { $act }.
check-within = Očekuje se u roku od { $turns } odgovora: { $act }.
check-within-seconds = Očekuje se svaki put u roku od { $seconds } s: { $act }.
check-at-least = { $times ->
    [one] Očekuje se najmanje { $times } put: { $act }.
    [few] Očekuje se najmanje { $times } puta: { $act }.
   *[other] Očekuje se najmanje { $times } puta: { $act }.
}
check-before = Prvo { $first }; tek onda { $then }.
check-before-each = Svaki put prvo { $first }; tek onda { $then }.
check-keep-promises = Svako dato obećanje servis može ispuniti i zaista ga ispunjava.
check-keep-promises-list = Svako dato obećanje servis može ispuniti i zaista ga ispunjava ({ $promises }).
check-any = Dovoljno je jedno od ovoga. { $checks }
check-any-or = Ili ovo.
check-not = Ne ovo: { $check }

## Analiza u terminalu

meters-line = raspoloženje { $mood }  strpljenje { $patience }  povjerenje { $trust }
verdict-kept = ispoštovano
verdict-broken = PREKRŠENO{"  "}
verdict-na = n/p{"        "}
outcome-retained = klijent zadržan
outcome-referred = klijent upućen dalje
outcome-escalated = slučaj proslijeđen šefu
outcome-lost = klijent izgubljen
debrief-heading = === Analiza: { $title } ===
debrief-total = Ukupno
debrief-no-rule-applied = (nijedno pravilo nije primijenjeno)
debrief-outcome-label = Ishod
debrief-outcome = { $outcome } (zadovoljstvo klijenta { $satisfaction }%)
debrief-not-finished = nije završeno
debrief-rules = Pravila:
debrief-turn-reply = korak { $turn }: „{ $reply }“
debrief-tip = savjet: { $tip }
debrief-transcript = Zapis razgovora:
# Nakon ograničenog ukupnog rezultata: „ograničeno na 60: klijent odlazi (83,2 prije ograničenja)“.
debrief-capped = ograničeno na { $cap }: { $reason } ({ $uncapped } prije ograničenja)
transcript-you = Vi

## Igra u terminalu

play-customer = Klijent: { $name }. { $situation }
play-goal = Cilj: { $goal }
play-turn = korak { $turn }
play-notes = Bilješke:
# A customer\'s line in the terminal player.
play-customer-line = { $name }: „{ $line }“
# Upit prije nego što polaznik upiše broj odgovora.
play-your-reply = Vaš odgovor (1-{ $count }, q za izlaz)
play-stopped = prekinuto u { $turn }. koraku, prije kraja razgovora; ništa nije bodovano
play-too-late = Prekasno: pozivalac je odustao.
play-type-a-number = Upišite broj od 1 do { $count }.
play-assessment-refused = ocjenjivanje nije pokrenuto: { $why }
play-practice-refused = vježba nije pokrenuta: { $why }
play-pin-for = PIN za { $name }:{" "}
play-pin-on-roster = { $name } je na spisku polaznika. PIN:{" "}
play-not-saved = sesija nije sačuvana: { $why }
play-no-scenarios = u { $dir } nema scenarija koji se mogu igrati
menu-heading = rehearse: uvježbajte težak razgovor
menu-pick = Scenarij (1-{ $count })
menu-name = Vaše ime
menu-welcome = Dobro došli, { $name }.
difficulty-easy = Lako
difficulty-medium = Srednje
difficulty-hard = Teško

## Tokom razgovora

notice-caller-gave-up = Telefon je prestao zvoniti: pozivalac je odustao.
notice-file-changed = Datoteka scenarija je izmijenjena: prikazuje se nova verzija.
notice-file-changed-unfit = Datoteka scenarija je izmijenjena, ali { $turn }. korak više ne odgovara novoj verziji ({ $why }); ostaje verzija s kojom ste počeli.

## Uvod u razgovor

briefing-mode-guided = Ponavljanje uz prikaz najboljeg puta: u svakom koraku označen je najbolji odgovor.
briefing-mode-practice = Vježba: nakon svakog odgovora vidite koja ste pravila ispoštovali, a koja prekršili.
briefing-mode-assessment = Ocjenjivanje: bez pomoći. Ova sesija se računa za mjesečnu rang-listu.
briefing-customer = Klijent: { $name }
briefing-goal = Dobar ishod
briefing-time-matters = Ovdje je važno vrijeme: dok oklijevate, klijent postaje nestrpljiv, a može zazvoniti i telefon.
briefing-skills = Vježbate: { $skills }
briefing-start = Započnite razgovor (Enter)
briefing-back = Nazad (Esc)

## Izbor scenarija

picker-loading-sessions = Učitavanje Vaših sesija…
picker-history-unreadable = Vaše ranije sesije nije moguće pročitati: { $why }
picker-hello = Dobar dan, { $name }. Izaberite razgovor koji želite uvježbati.
picker-leaderboard = Rang-lista (L)
picker-sign-out = Odjava
picker-modes = Vježba: povratna informacija nakon svakog odgovora.  Ocjenjivanje: bez pomoći; računa se za mjesečnu rang-listu.
picker-modes-guest = Vježba: povratna informacija nakon svakog odgovora. Ocjenjivanje je samo za polaznike sa spiska koji su prijavljeni svojim PIN-om: zamolite svog trenera da Vas doda.
picker-assigned = Ocjenjivanja za ovaj mjesec: urađeno { $done } od { $count }. Za svaki scenarij računa se samo Vaše prvo ocjenjivanje.
picker-loading-scenarios = Učitavanje scenarija…
picker-no-scenarios = U { $dir } još nema scenarija.
picker-broken = Ne može se igrati: datoteka ima greške.
picker-difficulty = Težina: { $difficulty }
picker-skills = Vještine: { $skills }
picker-best-practice = Vaš najbolji rezultat: { $total }/100 (vježba)
picker-best-assessment = Vaš najbolji rezultat: { $total }/100 (ocjenjivanje)
picker-best-none = Vaš najbolji rezultat: još niste igrali
picker-card-assessed = Zadatak za ovaj mjesec: ocijenjeno, računa se { $total }/100.
picker-card-not-assessed = Zadatak za ovaj mjesec: još nije ocijenjeno.
picker-stale = Datoteka ima greške: igra se posljednja ispravna verzija.
picker-practice = Vježba
picker-assessment = Ocjenjivanje

## Prijava

sign-in-title = Rehearse
sign-in-tagline = Uvježbajte težak razgovor prije nego što ga zaista vodite.
sign-in-who = Ko vježba?
sign-in-nobody-yet = Ovdje još niko nije vježbao.
sign-in-unreadable = Spisak polaznika nije moguće pročitati: { $why }
sign-in-type-name = Ili upišite novo ime i pritisnite Enter:
sign-in-button = Prijavite se s ovim imenom

## PIN

pin-hello = Dobar dan, { $name }.
pin-explain = Upišite svoj PIN i pritisnite Enter. Ocjenjivanja se računaju za mjesečnu rang-listu, pa Vaša ocjenjivanja možete raditi samo Vi.
pin-sign-in = Prijava
pin-back = Nazad
pin-wrong = { $left ->
    [0] Pogrešan PIN.
    [one] Pogrešan PIN (još { $left } pokušaj prije pauze).
    [few] Pogrešan PIN (još { $left } pokušaja prije pauze).
   *[other] Pogrešan PIN (još { $left } pokušaja prije pauze).
}
pin-paused-seconds = Previše pogrešnih PIN-ova: prijava je onemogućena još { $amount } s.
pin-paused-minutes = Previše pogrešnih PIN-ova: prijava je onemogućena još { $amount } min.
pin-paused-hours = Previše pogrešnih PIN-ova: prijava je onemogućena još { $amount } h.
pin-not-on-roster = { $name } nije na spisku polaznika; zamolite svog trenera da Vas doda.
pin-digits-only = PIN se sastoji samo od cifara (0–9).
pin-length = { $max ->
    [one] PIN ima od { $min } do { $max } cifru.
    [few] PIN ima od { $min } do { $max } cifre.
   *[other] PIN ima od { $min } do { $max } cifara.
}
pin-cannot-check = PIN nije moguće provjeriti: { $why }

## Razgovor

meter-mood = Raspoloženje
meter-patience = Strpljenje
meter-trust = Povjerenje
conversation-turn = Korak { $turn }
conversation-mode-guided = Režim: prikaz najboljeg puta
conversation-mode-practice = Režim: vježba
conversation-mode-assessment = Režim: ocjenjivanje
conversation-last-change = Posljednji odgovor: raspoloženje { $mood }, strpljenje { $patience }, povjerenje { $trust }
conversation-says = { $name } kaže:
# U režimu vježbe označava red prikazan na engleskom jer prijevod nedostaje ili je zastario.
conversation-untranslated = [nije prevedeno]
conversation-phone = ZVONI TELEFON: { $ring }. zvono od { $rings } (javite se najkasnije na treće zvono)
conversation-draining = Klijent čeka na Vas: strpljenje mu opada.
conversation-over = Razgovor je završen: { $summary }
conversation-see-debrief = Pogledajte analizu (Enter)
conversation-skip = Preskočite (Space)
conversation-your-reply = Vaš odgovor (1–9, ili Tab i Enter):
conversation-best = [najbolji]
conversation-notes = Bilješke
conversation-nothing-learned = Još ništa niste saznali: slušajte i pitajte.
conversation-last-reply = Vaš posljednji odgovor
conversation-nothing-settled = Još nijedno pravilo nije ni ispoštovano ni prekršeno.
conversation-kept = ISPOŠTOVANO: { $rule }
conversation-broke = PREKRŠENO: { $rule }
conversation-tip = Savjet: { $tip }
debrief-guided-not-saved = Ponavljanja uz prikaz najboljeg puta se ne čuvaju.

## Čuvanje

saved-as = Sačuvano kao sesija br. { $seq } u { $db }.
saved-to-recovery = Sesiju nije bilo moguće sačuvati u bazu podataka ({ $why }). Zapisana je u { $file } i ništa nije izgubljeno; trener je može učitati naredbom `rehearse records import { $file }`.
not-saved = Nije sačuvano: { $why }
saving = Čuvanje…

## Ekran analize

debrief-nothing = Nema završenog razgovora za prikaz.
debrief-back = Nazad na scenarije
debrief-back-esc = Nazad na scenarije (Esc)
debrief-title = Analiza: { $title }
debrief-total-score = Ukupno { $total }/100
debrief-total-capped = Ukupno { $capped }.
outcome-unfinished = nedovršeno
debrief-outcome-line = Ishod: { $outcome }.  Zadovoljstvo klijenta: { $satisfaction }.  { $summary }
debrief-retry = Pokušajte ponovo (R)
debrief-replay-best = Ponovite uz prikaz najboljeg puta (B)
debrief-category = { $title }: { $score }/100
debrief-category-na = { $title }: nije primjenjivo
debrief-rule-by-rule = Pravilo po pravilo
debrief-rule-kept = ISPOŠTOVANO  { $rule } ({ $family }, { $practice })
debrief-rule-broken = PREKRŠENO  { $rule } ({ $family }, { $practice })
debrief-rule-na = N/P  { $rule } ({ $family }, { $practice })
debrief-evidence = korak { $turn }: „{ $reply }“
debrief-transcript-heading = Zapis razgovora
debrief-customer-said = { $name }: „{ $line }“
debrief-you-said = Korak { $turn }, Vi: „{ $reply }“
debrief-you-said-timed = Korak { $turn }, Vi ({ $seconds } s): „{ $reply }“
debrief-mark-kept = ispoštovano pravilo „{ $rule }“
debrief-mark-broke = prekršeno pravilo „{ $rule }“
debrief-finding-best = Traži se najbolji put…

## Rang-lista

board-heading = Rang-lista, { $month }
board-loading = Učitavanje rang-liste…
board-your-sessions = Vaše sesije, { $name }
board-new = novo
board-change = { $change } u odnosu na prošli mjesec
board-row = { $sessions ->
    [one] { $sessions } sesija
    [few] { $sessions } sesije
   *[other] { $sessions } sesija
}, { $covered }/{ $scenarios } scenarija, { $change }, zadržano { $retained }% klijenata
board-formula = Samo sesije ocjenjivanja. Rezultat: prosjek ukupnih rezultata Vašeg prvog ocjenjivanja za svaki od { $scenarios } scenarija ovog mjeseca; za ulazak na rang-listu potrebno je najmanje { $sessions } { $sessions ->
        [one] sesija
        [few] sesije
       *[other] sesija
    }. Cilj zadržavanja klijenata: { $target }%.
board-nobody = Ovog mjeseca još niko nije na rang-listi.
board-you-unranked = Vi: { $row } — { $more ->
    [one] za ulazak na rang-listu treba Vam još { $more } sesija ocjenjivanja.
    [few] za ulazak na rang-listu trebaju Vam još { $more } sesije ocjenjivanja.
   *[other] za ulazak na rang-listu treba Vam još { $more } sesija ocjenjivanja.
}
board-no-sessions = Još nema sesija.
board-more = { $count ->
    [one] … i još { $count } ranija sesija.
    [few] … i još { $count } ranije sesije.
   *[other] … i još { $count } ranijih sesija.
}
# Režim sesije u spisku sesija.
mode-practice = vježba
mode-assessment = ocjenjivanje

## Mjesečna rang-lista (tabela u terminalu i HTML izvještaj, za šefove)

board-title = Rang-lista najboljih zaposlenika, { $month } ({ $sessions } { $sessions ->
        [one] sesija
        [few] sesije
       *[other] sesija
    } ocjenjivanja, { $scenarios } { $scenarios ->
        [one] scenarij
       *[other] scenarija
    }; za ulazak na rang-listu potrebno je najmanje { $minimum } { $minimum ->
        [one] sesija
        [few] sesije
       *[other] sesija
    })
board-scenarios-assigned = Scenariji (zadani): { $names }
board-scenarios-assessed = Scenariji (ocijenjeni): { $names }
board-nobody-qualified = (ovog mjeseca niko nije ispunio uslov)
board-not-ranked = { $minimum ->
    [one] Nisu na rang-listi (manje od { $minimum } sesije):
    [few] Nisu na rang-listi (manje od { $minimum } sesije):
   *[other] Nisu na rang-listi (manje od { $minimum } sesija):
}
table-rank = rang
table-trainee = polaznik
table-score = bodovi
table-sessions = sesije
table-scenarios = scenariji
table-change = razlika
table-retained = zadržano
table-retained-target = zadržano ({ $target }%)
table-retained-ok = { $retained }% u redu
table-retained-below = { $retained }% ispod cilja
html-title = Rang-lista najboljih zaposlenika, { $month }
html-intro = { $sessions } { $sessions ->
        [one] sesija
        [few] sesije
       *[other] sesija
    } ocjenjivanja za { $scenarios } { $scenarios ->
        [one] scenarij
       *[other] scenarija
    }. Rezultat: prvo ocjenjivanje svakog polaznika na svakom scenariju (ponavljanja se ne računaju), u prosjeku za scenarije tog mjeseca (zadane scenarije, a ako ih nema, sve ocijenjene; scenarij koji nije odigran računa se kao 0); za ulazak na rang-listu potrebno je najmanje { $minimum } { $minimum ->
        [one] sesija
        [few] sesije
       *[other] sesija
    }; kod istog rezultata prednost ima polaznik čija je najslabija kategorija jača, zatim onaj s manje sesija. Zadržano: udio sesija u kojima je klijent ostao, u odnosu na cilj od { $target }%.
html-categories = Prosjeci po kategorijama
html-categories-aria = Prosjeci po kategorijama za svakog polaznika
html-trend = Mjesečni trend
html-trend-aria = Trend rezultata po mjesecima
# Mjerač ispod portreta klijenta: „Raspoloženje 45/100 (osrednje)“.
meter-caption = { $name } { $value }/100 ({ $word })
meter-very-low = vrlo nisko
meter-low = nisko
meter-middling = osrednje
meter-good = dobro
meter-high = visoko
meter-no-change = bez promjene

## Analiza ravnoteže (`rehearse analyze`, za trenere)
# Oznake u izvještaju o jednom scenariju; iza svake je u istom redu njena vrijednost.
analyze-label-scenario = scenarij
analyze-label-best = najbolji
analyze-label-worst = najgori
analyze-label-best-path = najbolji put
# Ispod „najbolji put“: skrivene činjenice uz koje je taj put pronađen.
analyze-label-with = uz činjenice
analyze-label-paths = putevi
analyze-label-random = nasumično
# Rezultati jednog simuliranog savjetnika („strategija  Uvijek se izvinjava: 1000 igranja: …“).
analyze-label-policy = strategija
analyze-label-lost = najbolji loš ishod
analyze-label-longest = najbolji = najduži
analyze-label-correlation = ukupno ~ zadovoljstvo
analyze-label-balance = ravnoteža
analyze-by-outcome = po vrijednostima činjenica:
analyze-outcome-scores = najbolji { $best }  najgori { $worst }  putevi { $paths }
# Rezultati mnogo simuliranih igranja: prosjek i percentili.
analyze-stats = { $runs ->
    [one] { $runs } igranje
   *[other] { $runs } igranja
}: prosjek { $mean }, p10 { $p10 }, p50 { $p50 }, p90 { $p90 }
analyze-policy-scores = { $policy }: { $stats }
analyze-capped = { $total } (najviše { $max })
analyze-capped-none = nijedan nije dostižan
analyze-longest = { $longest } od { $decisions } koraka s izborom na najboljem putu ({ $share } %, najviše { $max } %)
analyze-correlation = { $value } (Spearman na nasumičnim igranjima, najmanje { $min })
analyze-not-available = n/p
analyze-families = može li svaka kategorija pasti sama (ta kategorija ≤ { $low }, ostale ≥ { $high }):
analyze-family-yes = da
analyze-family-no = NE
analyze-balance-ok = u redu
# Zaglavlja kolona tabele sa svim scenarijima.
analyze-column-scenario = scenarij
analyze-column-best = najbolji
analyze-column-random = nasumično
analyze-column-lost = loš ishod
analyze-column-longest = najduži
analyze-column-correlation = korel.
analyze-column-fails-alone = pada sama
# Nedostignut cilj ravnoteže (`analyze --check`).
analyze-problem-best = najbolji ukupni rezultat je { $best }, a ne 100
analyze-problem-random = polaznik koji bira nasumično ima prosjek { $mean } (cilj: najviše { $max })
analyze-problem-policy = strategija „{ $policy }“ ima prosjek { $mean } (cilj: najviše { $max })
analyze-problem-capped = razgovor u kojem klijent ode ili zatraži šefa ima ukupno { $total } (cilj: najviše { $max })
analyze-problem-longest = najbolji odgovor je ujedno i najduži ponuđeni u { $longest } od { $decisions } koraka s izborom na najboljem putu ({ $share } %, cilj: najviše { $max } %)
analyze-problem-correlation = korelacija ranga između ukupnog rezultata i zadovoljstva na nasumičnim igranjima je samo { $value } (cilj: najmanje { $min })
analyze-problem-no-variation = zadovoljstvo ili ukupni rezultat isti je u svim nasumičnim igranjima
analyze-problem-family = kategorija „{ $family }“ ne može pasti sama: nema puta s ≤ { $low } u njoj i ≥ { $high } u svakoj drugoj kategoriji (najbliži: --choices { $choices })

## Analitika za trenere (`rehearse report rules`)
rules-report-heading = Izvještaj o pravilima, { $month }
rules-report-no-sessions = (ovog mjeseca nema sesija)
# Naslov scenarija: naziv, njegov ID u uglastim zagradama, broj sesija.
rules-report-scenario = { $title } [{ $id }] ({ $sessions ->
    [one] { $sessions } sesija
    [few] { $sessions } sesije
   *[other] { $sessions } sesija
})
rules-report-column-rule = pravilo
rules-report-column-broken = prekršeno
rules-report-column-applied = primijenjeno
rules-report-column-rate = udio
# Gdje su sesije prvi put prekršile neko pravilo: mjesta u razgovoru po ID-u, svako s brojem sesija.
rules-report-first-slips = mjesta prvog kršenja pravila: { $spots }
# Dostignuti završeci: ID završetka [ishod] (sesije).
rules-report-endings = završeci: { $endings }
rules-report-not-replayed = ({ $count ->
    [one] { $count } sesiju
    [few] { $count } sesije
   *[other] { $count } sesija
} nije bilo moguće ponovo odigrati i smjestiti u graf)

## Spisak polaznika i zadatak za mjesec (`rehearse trainees`, `rehearse assign`, za trenere)
trainees-needs-key = za izmjene spiska polaznika potreban je trenerov ključ za zapise: { $why }
# Upit prije unosa PIN-a (u terminalu se ne prikazuje).
trainees-pin-prompt = PIN za { $name } (4–12 cifara):{" "}
trainees-new-pin-prompt = novi PIN za { $name } (4–12 cifara):{" "}
trainees-pin-again = ponovite isti PIN:{" "}
trainees-pins-differ = uneseni PIN-ovi se razlikuju; ništa nije izmijenjeno
trainees-added = { $name } je sada na spisku polaznika (ID { $id })
trainees-removed = { $name } (ID { $id }) više nije na spisku polaznika; dosadašnji zapisi ostaju sačuvani
trainees-pin-set = postavljen je novi PIN za { $name } (ID { $id })
trainees-renamed = { $old } (ID { $id }) sada se prikazuje pod imenom { $name }
trainees-empty = spisak polaznika je prazan: dodajte polaznike naredbom `rehearse trainees add NAME`
# Red u ispisu `rehearse trainees list`: ID, ime, kada je dodan, status.
trainees-added-on = na spisku od { $date }
trainees-status-removed = uklonjen sa spiska { $date }
trainees-status-paused = prijava onemogućena do { $date } (pogrešni PIN-ovi)
trainees-status-active = aktivan
assign-needs-key = za zadavanje scenarija potreban je trenerov ključ za zapise: { $why }
assign-none = za { $month } nema zadanih scenarija: rang-lista obuhvata sve ocijenjene scenarije
assign-shown = { $month }: { $ids }
assign-by-id = scenarije zadajte po ID-u (`{ $id }`), a ne po putanji
assign-cleared = { $month }: zadani scenariji su uklonjeni; rang-lista obuhvata sve ocijenjene scenarije
assign-set = { $month }: zadano { $ids }; rang-lista računa prosjek samo za te scenarije
