# rehearse: interfața în română (tradusă din engleză, fișierul sursă).
# Id-urile sunt stabile: un text nou primește un id nou. Variabilele sunt { $nume }; numerele aleg forma de plural (one, few, other).

## Liste

# „2, 5 și 7”: $items este tot ce se află înainte de ultimul element.
list-and = { $items } și { $last }
# Between items of a list ("2, 5"), between promises, between two sentences.
list-separator = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## Notele regulilor în analiza conversației (pe ce se sprijină verdictul)

note-unbreakable = Nimic din această conversație nu o putea încălca.
note-disabled = Nu se aplică acestui scenariu.
note-not-applicable = Situația nu a apărut în această conversație.
note-kept-at = Respectată la replica { $turn }. { $what }
note-kept-throughout = Respectată pe tot parcursul. { $what }
note-broken-times = { $count ->
    [one] Încălcată o dată, la replica { $turns }.
    [few] Încălcată de { $count } ori, la replicile { $turns }.
   *[other] Încălcată de { $count } de ori, la replicile { $turns }.
} { $what }
note-broken-at = Încălcată la replica { $turn }. { $what }
note-never-happened = Nu s-a întâmplat deloc. { $what }

## Ce verifică o regulă, în cuvinte simple ($act este o descriere precum „repetă problema cu cuvinte simple”)

check-eventually = De făcut la un moment dat: { $act }.
check-never = De evitat: { $act }.
check-first-turn = De făcut în prima replică: { $act }.
check-within = { $turns ->
    [one] De făcut în cel mult o replică: { $act }.
    [few] De făcut în cel mult { $turns } replici: { $act }.
   *[other] De făcut în cel mult { $turns } de replici: { $act }.
}
check-within-seconds = De făcut de fiecare dată, în cel mult { $seconds } s: { $act }.
check-at-least = { $times ->
    [one] De făcut cel puțin o dată: { $act }.
    [few] De făcut de cel puțin { $times } ori: { $act }.
   *[other] De făcut de cel puțin { $times } de ori: { $act }.
}
check-before = Întâi { $first }; abia apoi { $then }.
check-before-each = De fiecare dată, întâi { $first }; abia apoi { $then }.
check-keep-promises = Orice promisiune făcută e una pe care service-ul o poate respecta și chiar o respectă.
check-keep-promises-list = Orice promisiune făcută e una pe care service-ul o poate respecta și chiar o respectă ({ $promises }).
check-any = E suficientă una dintre următoarele. { $checks }
check-any-or = — sau —
check-not = Contrariul acestei cerințe: „{ $check }”

## Analiza conversației în terminal

meters-line = dispoziție { $mood }  răbdare { $patience }  încredere { $trust }
verdict-kept = respectată
verdict-broken = ÎNCĂLCATĂ{" "}
verdict-na = n.a.{"      "}
outcome-retained = client păstrat
outcome-referred = client îndrumat în altă parte
outcome-escalated = client ajuns la șef
outcome-lost = client pierdut
debrief-heading = === Analiza conversației: { $title } ===
debrief-total = Total
debrief-no-rule-applied = (nu s-a aplicat nicio regulă)
debrief-outcome-label = Rezultat
debrief-outcome = { $outcome } (satisfacția clientului: { $satisfaction }%)
debrief-not-finished = conversație neterminată
debrief-rules = Reguli:
debrief-turn-reply = replica { $turn }: „{ $reply }”
debrief-tip = sfat: { $tip }
debrief-transcript = Transcriere:
# După un total plafonat: „plafonat la 60: clientul a plecat (83,2 înainte de plafonare)”.
debrief-capped = plafonat la { $cap }: { $reason } ({ $uncapped } înainte de plafonare)
transcript-you = Dumneavoastră

## Jocul în terminal

play-customer = Clientul: { $name }. { $situation }
play-goal = Obiectiv: { $goal }
play-turn = replica { $turn }
play-notes = Notițe:
# A customer\'s line in the terminal player.
play-customer-line = { $name }: „{ $line }”
# Invitația de dinainte ca cursantul să tasteze numărul răspunsului.
play-your-reply = Răspunsul dumneavoastră (1-{ $count }, q pentru ieșire)
play-stopped = conversația s-a oprit la replica { $turn }, înainte de final; nu s-a acordat niciun punctaj
play-too-late = Prea târziu: cel care suna a închis.
play-type-a-number = Introduceți un număr de la 1 la { $count }.
play-assessment-refused = evaluarea nu a pornit: { $why }
play-practice-refused = sesiunea de exersare nu a pornit: { $why }
play-pin-for = PIN pentru { $name }:{" "}
play-pin-on-roster = { $name } este pe lista cursanților. PIN:{" "}
play-not-saved = sesiunea nu a fost salvată: { $why }
play-no-scenarios = nu există niciun scenariu care să poată fi jucat în { $dir }
menu-heading = rehearse: exersați o conversație dificilă
menu-pick = Scenariu (1-{ $count })
menu-name = Numele dumneavoastră
menu-welcome = Bine ați venit, { $name }.
difficulty-easy = Ușor
difficulty-medium = Mediu
difficulty-hard = Dificil

## În timpul conversației

notice-caller-gave-up = Telefonul s-a oprit din sunat: cel care suna a renunțat.
notice-file-changed = Fișierul scenariului s-a modificat: se afișează noua versiune.
notice-file-changed-unfit = Fișierul scenariului s-a modificat, dar replica { $turn } nu se mai potrivește cu el ({ $why }); rămâne versiunea cu care ați început.

## Prezentarea scenariului

briefing-mode-guided = Reluare cu parcursul optim afișat: la fiecare replică este marcat cel mai bun răspuns.
briefing-mode-practice = Exersare: după fiecare răspuns vedeți ce reguli a respectat sau a încălcat.
briefing-mode-assessment = Evaluare: fără indicii. Această sesiune contează pentru clasamentul lunar.
briefing-customer = Clientul: { $name }
briefing-goal = Un rezultat bun
briefing-time-matters = Aici timpul contează: clientul își pierde răbdarea cât timp ezitați, iar telefonul poate suna.
briefing-skills = Exersați: { $skills }
briefing-start = Începeți conversația (Enter)
briefing-back = Înapoi (Esc)

## Alegerea scenariului

picker-loading-sessions = Se încarcă sesiunile dumneavoastră…
picker-history-unreadable = Sesiunile dumneavoastră anterioare nu pot fi citite: { $why }
picker-hello = Bună ziua, { $name }! Alegeți o conversație pe care s-o exersați.
picker-leaderboard = Clasament (L)
picker-sign-out = Deconectare
picker-modes = Exersare: după fiecare răspuns vedeți cum v-ați descurcat.  Evaluare: fără indicii; contează pentru clasamentul lunar.
picker-modes-guest = Exersare: după fiecare răspuns vedeți cum v-ați descurcat. Evaluările sunt doar pentru cursanții de pe listă, conectați cu PIN-ul lor: cereți-i formatorului să vă adauge.
picker-assigned = Evaluările lunii: ați făcut { $done } din { $count }. La fiecare scenariu contează doar prima dumneavoastră evaluare.
picker-loading-scenarios = Se încarcă scenariile…
picker-no-scenarios = Deocamdată nu există scenarii în { $dir }.
picker-broken = Nu poate fi jucat: fișierul are erori.
picker-difficulty = Dificultate: { $difficulty }
picker-skills = Competențe: { $skills }
picker-best-practice = Cel mai bun rezultat: { $total }/100 (exersare)
picker-best-assessment = Cel mai bun rezultat: { $total }/100 (evaluare)
picker-best-none = Cel mai bun rezultat: încă nu l-ați jucat
picker-card-assessed = Atribuit luna aceasta: evaluat, contează { $total }/100.
picker-card-not-assessed = Atribuit luna aceasta: încă neevaluat.
picker-stale = Fișierul are erori: se folosește ultima versiune bună.
picker-practice = Exersare
picker-assessment = Evaluare

## Conectare

sign-in-title = Rehearse
sign-in-tagline = Exersați o conversație dificilă înainte s-o purtați cu adevărat.
sign-in-who = Cine exersează?
sign-in-nobody-yet = Nimeni nu a exersat încă aici.
sign-in-unreadable = Lista cursanților nu poate fi citită: { $why }
sign-in-type-name = Sau scrieți un nume nou și apăsați Enter:
sign-in-button = Conectare cu acest nume

## PIN

pin-hello = Bună ziua, { $name }!
pin-explain = Introduceți PIN-ul și apăsați Enter. Evaluările contează pentru clasamentul lunar, așa că pe ale dumneavoastră le puteți susține doar dumneavoastră.
pin-sign-in = Conectare
pin-back = Înapoi
pin-wrong = { $left ->
    [0] PIN greșit.
    [one] PIN greșit (mai aveți o încercare până la blocarea temporară).
    [few] PIN greșit (mai aveți { $left } încercări până la blocarea temporară).
   *[other] PIN greșit (mai aveți { $left } de încercări până la blocarea temporară).
}
pin-paused-seconds = Prea multe PIN-uri greșite: conectarea este blocată încă { $amount } s.
pin-paused-minutes = Prea multe PIN-uri greșite: conectarea este blocată încă { $amount } min.
pin-paused-hours = Prea multe PIN-uri greșite: conectarea este blocată încă { $amount } h.
pin-not-on-roster = { $name } nu este pe lista cursanților; cereți-i formatorului să vă adauge.
pin-digits-only = PIN-ul conține doar cifre (0–9).
pin-length = { $max ->
    [one] PIN-ul are între { $min } și { $max } cifră.
    [few] PIN-ul are între { $min } și { $max } cifre.
   *[other] PIN-ul are între { $min } și { $max } de cifre.
}
pin-cannot-check = PIN-ul nu poate fi verificat: { $why }

## Conversația

meter-mood = Dispoziție
meter-patience = Răbdare
meter-trust = Încredere
conversation-turn = Replica { $turn }
conversation-mode-guided = Mod: cu parcursul optim afișat
conversation-mode-practice = Mod: exersare
conversation-mode-assessment = Mod: evaluare
conversation-last-change = Ultimul răspuns: dispoziție { $mood }, răbdare { $patience }, încredere { $trust }
conversation-says = { $name } spune:
# Marchează, în modul exersare, o replică afișată în engleză pentru că traducerea ei lipsește sau e depășită.
conversation-untranslated = [netradus]
conversation-phone = SUNĂ TELEFONUL: sunetul { $ring } din { $rings } (răspundeți până la al treilea sunet)
conversation-draining = Clientul vă așteaptă și își pierde răbdarea.
conversation-over = Conversația s-a încheiat: { $summary }
conversation-see-debrief = Vedeți analiza (Enter)
conversation-skip = Omiteți (Space)
conversation-your-reply = Răspunsul dumneavoastră (1–9 sau Tab și Enter):
conversation-best = [cel mai bun]
conversation-notes = Notițe
conversation-nothing-learned = Încă nu ați aflat nimic: ascultați și întrebați.
conversation-last-reply = Ultimul dumneavoastră răspuns
conversation-nothing-settled = Încă nu s-a stabilit verdictul pentru nicio regulă.
conversation-kept = RESPECTATĂ: { $rule }
conversation-broke = ÎNCĂLCATĂ: { $rule }
conversation-tip = Sfat: { $tip }
debrief-guided-not-saved = Reluările cu parcursul optim afișat nu se salvează.

## Salvarea

saved-as = Salvată ca sesiunea nr. { $seq } în { $db }.
saved-to-recovery = Sesiunea nu a putut fi salvată în baza de date ({ $why }). A fost scrisă în { $file } și nu s-a pierdut nimic; un formator o poate încărca cu `rehearse records import { $file }`.
not-saved = Nesalvată: { $why }
saving = Se salvează…

## Ecranul de analiză

debrief-nothing = Nu există nicio conversație încheiată de afișat.
debrief-back = Înapoi la scenarii
debrief-back-esc = Înapoi la scenarii (Esc)
debrief-title = Analiza conversației: { $title }
debrief-total-score = Total { $total }/100
debrief-total-capped = Total { $capped }.
outcome-unfinished = conversație neterminată
debrief-outcome-line = Rezultat: { $outcome }.  Satisfacția clientului: { $satisfaction }.  { $summary }
debrief-retry = Încercați din nou (R)
debrief-replay-best = Reluare cu parcursul optim afișat (B)
debrief-category = { $title }: { $score }/100
debrief-category-na = { $title }: nu se aplică
debrief-rule-by-rule = Regulă cu regulă
debrief-rule-kept = RESPECTATĂ  { $rule } ({ $family }, { $practice })
debrief-rule-broken = ÎNCĂLCATĂ  { $rule } ({ $family }, { $practice })
debrief-rule-na = N.A.  { $rule } ({ $family }, { $practice })
debrief-evidence = replica { $turn }: „{ $reply }”
debrief-transcript-heading = Transcriere
debrief-customer-said = { $name }: „{ $line }”
debrief-you-said = Replica { $turn }, dumneavoastră: „{ $reply }”
debrief-you-said-timed = Replica { $turn }, dumneavoastră ({ $seconds } s): „{ $reply }”
debrief-mark-kept = respectată: { $rule }
debrief-mark-broke = încălcată: { $rule }
debrief-finding-best = Se caută parcursul optim…

## Clasament

board-heading = Clasament, { $month }
board-loading = Se încarcă clasamentul…
board-your-sessions = Sesiunile dumneavoastră, { $name }
board-new = nou
board-change = { $change } față de luna trecută
board-row = { $sessions ->
    [one] { $sessions } sesiune
    [few] { $sessions } sesiuni
   *[other] { $sessions } de sesiuni
}, scenarii acoperite: { $covered }/{ $scenarios }, { $change }, clienți păstrați: { $retained }%
board-formula = Doar sesiunile de evaluare. Punctaj: media totalurilor obținute la prima evaluare pe fiecare scenariu al lunii ({ $scenarios ->
        [one] { $scenarios } scenariu
        [few] { $scenarios } scenarii
       *[other] { $scenarios } de scenarii
    }); pentru a intra în clasament aveți nevoie de cel puțin { $sessions ->
        [one] { $sessions } sesiune
        [few] { $sessions } sesiuni
       *[other] { $sessions } de sesiuni
    }. Ținta pentru clienți păstrați: { $target }%.
board-nobody = Luna aceasta nu este încă nimeni în clasament.
board-you-unranked = { $more ->
    [one] Dumneavoastră: { $row } — mai este necesară o sesiune de evaluare ca să intrați în clasament.
    [few] Dumneavoastră: { $row } — mai sunt necesare { $more } sesiuni de evaluare ca să intrați în clasament.
   *[other] Dumneavoastră: { $row } — mai sunt necesare { $more } de sesiuni de evaluare ca să intrați în clasament.
}
board-no-sessions = Încă nu există nicio sesiune.
board-more = { $count ->
    [one] … și încă { $count } sesiune mai veche.
    [few] … și încă { $count } sesiuni mai vechi.
   *[other] … și încă { $count } de sesiuni mai vechi.
}
# Modul unei sesiuni, într-o listă de sesiuni.
mode-practice = exersare
mode-assessment = evaluare

## Clasamentul lunar (tabel în terminal și raport HTML, pentru manageri)

board-title = Clasamentul „Cel mai bun angajat”, { $month } ({ $sessions ->
        [one] { $sessions } sesiune de evaluare
        [few] { $sessions } sesiuni de evaluare
       *[other] { $sessions } de sesiuni de evaluare
    }, { $scenarios ->
        [one] { $scenarios } scenariu
        [few] { $scenarios } scenarii
       *[other] { $scenarios } de scenarii
    }; pentru calificare, cel puțin { $minimum ->
        [one] { $minimum } sesiune
        [few] { $minimum } sesiuni
       *[other] { $minimum } de sesiuni
    })
board-scenarios-assigned = Scenarii (atribuite): { $names }
board-scenarios-assessed = Scenarii (evaluate): { $names }
board-nobody-qualified = (nimeni nu s-a calificat luna aceasta)
board-not-ranked = { $minimum ->
    [one] Neclasați (mai puțin de { $minimum } sesiune):
    [few] Neclasați (mai puțin de { $minimum } sesiuni):
   *[other] Neclasați (mai puțin de { $minimum } de sesiuni):
}
table-rank = loc
table-trainee = cursant
table-score = punctaj
table-sessions = sesiuni
table-scenarios = scenarii
table-change = evoluție
table-retained = clienți păstrați
table-retained-target = clienți păstrați (țintă { $target }%)
table-retained-ok = { $retained }% în regulă
table-retained-below = { $retained }% sub țintă
html-title = Clasamentul „Cel mai bun angajat”, { $month }
html-intro = { $sessions ->
        [one] { $sessions } sesiune de evaluare
        [few] { $sessions } sesiuni de evaluare
       *[other] { $sessions } de sesiuni de evaluare
    } la { $scenarios ->
        [one] { $scenarios } scenariu
        [few] { $scenarios } scenarii
       *[other] { $scenarios } de scenarii
    }. Punctaj: prima evaluare a fiecărui cursant la fiecare scenariu (reluările nu contează), în medie pe scenariile lunii (cele atribuite sau, dacă nu există, toate scenariile evaluate; un scenariu nejucat contează cu 0); pentru calificare e nevoie de cel puțin { $minimum ->
        [one] { $minimum } sesiune
        [few] { $minimum } sesiuni
       *[other] { $minimum } de sesiuni
    }; la egalitate trece în față cel a cărui cea mai slabă categorie are punctajul mai mare, apoi cel cu mai puține sesiuni. Clienți păstrați: proporția sesiunilor în care clientul a rămas, comparată cu ținta de { $target }%.
html-categories = Mediile pe categorii
html-categories-aria = Mediile pe categorii ale fiecărui cursant
html-trend = Evoluția lunară
html-trend-aria = Evoluția lunară a punctajului
# Un indicator sub portretul clientului: „Dispoziție 45/100 (medie)”.
meter-caption = { $name } { $value }/100 ({ $word })
meter-very-low = foarte scăzută
meter-low = scăzută
meter-middling = medie
meter-good = bună
meter-high = ridicată
meter-no-change = neschimbată

## Analiza echilibrului (`rehearse analyze`, pentru formatori)
# Etichetele raportului despre un scenariu; fiecare e urmată de valoarea ei, pe același rând.
analyze-label-scenario = scenariu
analyze-label-best = maxim
analyze-label-worst = minim
analyze-label-best-path = parcurs optim
# Sub „parcurs optim”: datele ascunse cu care a fost găsit.
analyze-label-with = cu
analyze-label-paths = parcursuri
analyze-label-random = aleator
# Punctajele unui consilier simulat („strategie  Mereu scuze: …”).
analyze-label-policy = strategie
analyze-label-lost = maxim pierdut/la șef
analyze-label-longest = optim = cel mai lung
analyze-label-correlation = total ~ satisfacție
analyze-label-balance = echilibru
analyze-by-outcome = după datele ascunse:
analyze-outcome-scores = maxim { $best }  minim { $worst }  parcursuri { $paths }
# Punctajele multor jocuri simulate: media și percentilele.
analyze-stats = medie { $mean }, p10 { $p10 }, p50 { $p50 }, p90 { $p90 } (simulări: { $runs })
analyze-policy-scores = { $policy }: { $stats }
analyze-capped = { $total } (cel mult { $max })
analyze-capped-none = imposibil de atins
analyze-longest = { $share } % din punctele de decizie ale parcursului optim ({ $longest } din { $decisions }; cel mult { $max } %)
analyze-correlation = { $value } (Spearman pe simulările aleatoare, cel puțin { $min })
analyze-not-available = n.a.
analyze-families = fiecare categorie picată singură (categoria respectivă ≤ { $low }, celelalte ≥ { $high }):
analyze-family-yes = da
analyze-family-no = NU
analyze-balance-ok = în regulă
# Titlurile coloanelor din tabelul cu toate scenariile.
analyze-column-scenario = scenariu
analyze-column-best = maxim
analyze-column-random = aleator
analyze-column-lost = pierdut
analyze-column-longest = cel mai lung
analyze-column-correlation = corel.
analyze-column-fails-alone = pică singură
# O țintă de echilibru neatinsă (`analyze --check`).
analyze-problem-best = cel mai bun total este { $best }, nu 100
analyze-problem-random = un cursant care alege la întâmplare are media { $mean } (se dorește cel mult { $max })
analyze-problem-policy = strategia „{ $policy }” are media { $mean } (se dorește cel mult { $max })
analyze-problem-capped = o conversație încheiată cu clientul pierdut sau ajuns la șef are totalul { $total } (se dorește cel mult { $max })
analyze-problem-longest = cel mai bun răspuns este cea mai lungă variantă în { $share } % din punctele de decizie ale parcursului optim ({ $longest } din { $decisions }; se dorește cel mult { $max } %)
analyze-problem-correlation = corelația de rang dintre total și satisfacție pe simulările aleatoare este doar { $value } (se dorește cel puțin { $min })
analyze-problem-no-variation = satisfacția sau totalul nu variază în simulările aleatoare
analyze-problem-family = categoria „{ $family }” nu poate pica singură: niciun parcurs nu obține ≤ { $low } la ea și ≥ { $high } la toate celelalte categorii (cel mai apropiat: --choices { $choices })

## Statisticile pentru formatori (`rehearse report rules`)
rules-report-heading = Raport pe reguli, { $month }
rules-report-no-sessions = (nicio sesiune în această lună)
# Titlul unui scenariu: numele lui, id-ul între paranteze drepte, numărul de sesiuni.
rules-report-scenario = { $title } [{ $id }] ({ $sessions ->
    [one] { $sessions } sesiune
    [few] { $sessions } sesiuni
   *[other] { $sessions } de sesiuni
})
rules-report-column-rule = regulă
rules-report-column-broken = încălcată
rules-report-column-applied = aplicată
rules-report-column-rate = rată
# Unde au încălcat sesiunile prima regulă: punctele conversației, după id, fiecare cu numărul ei de sesiuni.
rules-report-first-slips = prima regulă încălcată la: { $spots }
# Finalurile atinse: id-ul finalului [rezultat] (sesiuni).
rules-report-endings = finaluri: { $endings }
rules-report-not-replayed = ({ $count ->
    [one] { $count } sesiune nu a putut fi reluată pentru a fi plasată în graful scenariului
    [few] { $count } sesiuni nu au putut fi reluate pentru a fi plasate în graful scenariului
   *[other] { $count } de sesiuni nu au putut fi reluate pentru a fi plasate în graful scenariului
})

## Lista cursanților și atribuirea lunii (`rehearse trainees`, `rehearse assign`, pentru formatori)
trainees-needs-key = modificarea listei cursanților necesită cheia formatorului pentru înregistrări: { $why }
# Cerut înainte de citirea unui PIN (ascuns, în terminal).
trainees-pin-prompt = PIN pentru { $name } (4–12 cifre):{" "}
trainees-new-pin-prompt = PIN nou pentru { $name } (4–12 cifre):{" "}
trainees-pin-again = introduceți din nou același PIN:{" "}
trainees-pins-differ = cele două PIN-uri diferă; nu s-a modificat nimic
trainees-added = s-a adăugat { $name } (id { $id })
trainees-removed = s-a scos { $name } (id { $id }) de pe listă; înregistrările sale se păstrează
trainees-pin-set = s-a stabilit un PIN nou pentru { $name } (id { $id })
trainees-renamed = { $old } (id { $id }) apare acum cu numele { $name }
trainees-empty = lista cursanților este goală: adăugați cursanți cu `rehearse trainees add NAME`
# Un rând din `rehearse trainees list`: id, nume, data adăugării, stare.
trainees-added-on = adăugat la { $date }
trainees-status-removed = scos de pe listă la { $date }
trainees-status-paused = blocat temporar până la { $date } (PIN-uri greșite)
trainees-status-active = activ
assign-needs-key = atribuirea scenariilor necesită cheia formatorului pentru înregistrări: { $why }
assign-none = niciun scenariu atribuit pentru { $month }: clasamentul ia în calcul toate scenariile evaluate
assign-shown = { $month }: { $ids }
assign-by-id = atribuiți scenariile după id (`{ $id }`), nu după calea fișierului
assign-cleared = { $month }: atribuirea a fost anulată; clasamentul ia în calcul toate scenariile evaluate
assign-set = { $month }: scenariile atribuite sunt { $ids }; clasamentul face media pe acestea
