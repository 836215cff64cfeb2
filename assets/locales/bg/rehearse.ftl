# rehearse: интерфейсът на български (превод от английския изходен файл).
# Идентификаторите са стабилни: нов текст получава нов идентификатор. Променливите са { $name }; броят избира формата за множествено число.

## Списъци

# „2, 5 и 7“: $items е всичко преди последния елемент.
list-and = { $items } и { $last }
# Between items of a list ("2, 5"), between promises, between two sentences.
list-separator = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## Бележки към правилата в разбора (на какво се основава оценката)

note-unbreakable = в този разговор нищо не можеше да го наруши
note-disabled = не се отнася за този сценарий
note-not-applicable = в този разговор не се стигна до него
note-kept-at = спазено на ход { $turn }. { $what }
note-kept-throughout = спазено през целия разговор. { $what }
note-broken-times = { $count ->
    [one] нарушено { $count } път, на ход { $turns }. { $what }
   *[other] нарушено { $count } пъти, на ходове { $turns }. { $what }
}
note-broken-at = нарушено на ход { $turn }. { $what }
note-never-happened = така и не се случи. { $what }

## Проверката на правило с прости думи ($act е описание като „повтаря проблема с прости думи“)

check-eventually = Очаква се по време на разговора: { $act }.
check-never = Да се избягва: { $act }.
check-first-turn = Очаква се в първата реплика: { $act }.
check-within = { $turns ->
    [one] Очаква се в рамките на { $turns } реплика: { $act }.
   *[other] Очаква се в рамките на { $turns } реплики: { $act }.
}
check-within-seconds = { $seconds ->
    [one] Очаква се всеки път до { $seconds } секунда: { $act }.
   *[other] Очаква се всеки път до { $seconds } секунди: { $act }.
}
check-at-least = { $times ->
    [one] Очаква се поне { $times } път: { $act }.
   *[other] Очаква се поне { $times } пъти: { $act }.
}
check-before = Първо { $first }; едва след това { $then }.
check-before-each = Всеки път първо { $first }; едва след това { $then }.
check-keep-promises = Всяко дадено обещание е по силите на сервиза и се изпълнява.
check-keep-promises-list = Всяко дадено обещание е по силите на сервиза и се изпълнява (възможните обещания в сценария: { $promises }).
check-any = Достатъчно е едно от следните. { $checks }
check-any-or = Или:
check-not = Не бива да е изпълнено следното. { $check }

## Разборът в терминала

meters-line = настроение { $mood }  търпение { $patience }  доверие { $trust }
# Колона, широка 8 знака в терминала: „спазено “, „НАРУШЕНО“, „не важи “.
verdict-kept = спазено{" "}
verdict-broken = НАРУШЕНО
verdict-na = не важи{" "}
outcome-retained = задържан
outcome-referred = пренасочен
outcome-escalated = до управителя
outcome-lost = изгубен
debrief-heading = === Разбор: { $title } ===
debrief-total = Общо
debrief-no-rule-applied = (няма приложимо правило)
debrief-outcome-label = Резултат
debrief-outcome = { $outcome } (удовлетвореност на клиента { $satisfaction }%)
debrief-not-finished = незавършен
debrief-rules = Правила:
debrief-turn-reply = ход { $turn }: „{ $reply }“
debrief-tip = съвет: { $tip }
debrief-transcript = Запис на разговора:
# След ограничен общ брой точки: „ограничено до 60: клиентът си тръгна (83,2 без ограничението)“.
debrief-capped = ограничено до { $cap }: { $reason } ({ $uncapped } без ограничението)
transcript-you = Вие

## Играта в терминала

play-customer = Клиент: { $name }. { $situation }
play-goal = Цел: { $goal }
play-turn = ход { $turn }
play-notes = Бележки:
# A customer\'s line in the terminal player.
play-customer-line = { $name }: „{ $line }“
# Подканата, преди обучаемият да въведе номера на реплика.
play-your-reply = Вашата реплика (1-{ $count }, q за изход)
play-stopped = спряно на ход { $turn } преди края на разговора; нищо не е оценено
play-too-late = Твърде късно: обаждащият се затвори.
play-type-a-number = Въведете число от 1 до { $count }.
play-assessment-refused = оценяването не започна: { $why }
play-practice-refused = упражнението не започна: { $why }
play-pin-for = ПИН за { $name }:{" "}
play-pin-on-roster = { $name } е в списъка на обучаемите. ПИН:{" "}
play-not-saved = сесията не беше запазена: { $why }
play-no-scenarios = в { $dir } няма сценарии, които могат да се играят
menu-heading = Репетиция: упражнете труден разговор
menu-pick = Сценарий (1-{ $count })
menu-name = Вашето име
menu-welcome = Добре дошли, { $name }.
difficulty-easy = Лесно
difficulty-medium = Средно
difficulty-hard = Трудно

## По време на разговор

notice-caller-gave-up = Телефонът спря да звъни: обаждащият се затвори.
notice-file-changed = Файлът на сценария се промени: показва се новата версия.
notice-file-changed-unfit = Файлът на сценария се промени, но ход { $turn } вече не съответства на новата версия ({ $why }); продължавате с версията, с която започнахте.

## Инструктаж

briefing-mode-guided = Повторение с показан най-добър път: на всеки ход най-добрата реплика е отбелязана.
briefing-mode-practice = Упражнение: след всяка реплика виждате кои правила е спазила и кои е нарушила.
briefing-mode-assessment = Оценяване: без подсказки. Тази сесия се брои за месечното класиране.
briefing-customer = Клиентът: { $name }
briefing-goal = Добър резултат
briefing-time-matters = Тук времето е важно: клиентът губи търпение, докато се колебаете, а може и да звънне телефон.
briefing-skills = Упражнявате: { $skills }
briefing-start = Започнете разговора (Enter)
briefing-back = Назад (Esc)

## Избор на сценарий

picker-loading-sessions = Зареждане на сесиите ви…
picker-history-unreadable = Предишните ви сесии не могат да бъдат прочетени: { $why }
picker-hello = Здравейте, { $name }. Изберете разговор, който да репетирате.
picker-leaderboard = Класиране (L)
picker-sign-out = Изход
picker-modes = Упражнение: обратна връзка след всяка реплика.  Оценяване: без подсказки; брои се за месечното класиране.
picker-modes-guest = Упражнение: обратна връзка след всяка реплика. Оценяването е само за обучаеми от списъка, влезли със своя ПИН: помолете обучителя си да ви добави.
picker-assigned = Оценявания за този месец: изпълнени { $done } от { $count }. Брои се само първото ви оценяване по всеки сценарий.
picker-loading-scenarios = Зареждане на сценариите…
picker-no-scenarios = В { $dir } все още няма сценарии.
picker-broken = Не може да се играе: файлът съдържа грешки.
picker-difficulty = Ниво на трудност: { $difficulty }
picker-skills = Умения: { $skills }
picker-best-practice = Вашият рекорд: { $total }/100 (упражнение)
picker-best-assessment = Вашият рекорд: { $total }/100 (оценяване)
picker-best-none = Вашият рекорд: няма, още не сте играли
picker-card-assessed = Възложен за този месец: оценен, брои се { $total }/100.
picker-card-not-assessed = Възложен за този месец: все още не е оценен.
picker-stale = Файлът съдържа грешки: играе се последната изправна версия.
picker-practice = Упражнение
picker-assessment = Оценяване

## Вход

sign-in-title = Репетиция
sign-in-tagline = Упражнете труден разговор, преди да ви се наложи наистина.
sign-in-who = Кой ще се упражнява?
sign-in-nobody-yet = Тук още никой не се е упражнявал.
sign-in-unreadable = Списъкът на обучаемите не може да бъде прочетен: { $why }
sign-in-type-name = Или въведете ново име и натиснете Enter:
sign-in-button = Вход с това име

## ПИН

pin-hello = Здравейте, { $name }.
pin-explain = Въведете ПИН кода си и натиснете Enter. Оценяванията се броят за месечното класиране, затова никой друг не бива да ги прави вместо вас.
pin-sign-in = Вход
pin-back = Назад
pin-wrong = { $left ->
    [0] Грешен ПИН.
    [one] Грешен ПИН (остава още { $left } опит до пауза).
   *[other] Грешен ПИН (остават още { $left } опита до пауза).
}
pin-paused-seconds = Твърде много грешни опити: входът е спрян за още { $amount } с.
pin-paused-minutes = Твърде много грешни опити: входът е спрян за още { $amount } мин.
pin-paused-hours = Твърде много грешни опити: входът е спрян за още { $amount } ч.
pin-not-on-roster = { $name } не е в списъка на обучаемите; помолете обучителя си да ви добави.
pin-digits-only = ПИН кодът съдържа само цифри (0–9).
pin-length = { $max ->
    [one] ПИН кодът е от { $min } до { $max } цифра.
   *[other] ПИН кодът е от { $min } до { $max } цифри.
}
pin-cannot-check = ПИН кодът не може да бъде проверен: { $why }

## Разговор

meter-mood = Настроение
meter-patience = Търпение
meter-trust = Доверие
conversation-turn = Ход { $turn }
conversation-mode-guided = Режим: показан най-добър път
conversation-mode-practice = Режим: упражнение
conversation-mode-assessment = Режим: оценяване
conversation-last-change = Последна реплика: настроение { $mood }, търпение { $patience }, доверие { $trust }
conversation-says = { $name } казва:
# В режим „упражнение“ отбелязва ред, показан на английски, защото преводът липсва или е остарял.
conversation-untranslated = [без превод]
conversation-phone = ТЕЛЕФОНЪТ ЗВЪНИ: позвъняване { $ring } от { $rings } (вдигнете до третото)
conversation-draining = Клиентът ви чака: търпението му се изчерпва.
conversation-over = Разговорът приключи: { $summary }
conversation-see-debrief = Към разбора (Enter)
conversation-skip = Пропуснете (Space)
conversation-your-reply = Вашата реплика (1–9 или Tab и Enter):
conversation-best = [най-добра]
conversation-notes = Бележки
conversation-nothing-learned = Още нищо не сте научили: слушайте и питайте.
conversation-last-reply = Последната ви реплика
conversation-nothing-settled = Все още няма оценено правило.
conversation-kept = СПАЗЕНО: { $rule }
conversation-broke = НАРУШЕНО: { $rule }
conversation-tip = Съвет: { $tip }
debrief-guided-not-saved = Повторенията с показан най-добър път не се запазват.

## Запазване

saved-as = Запазено като сесия № { $seq } в { $db }.
saved-to-recovery = Записът в базата данни не успя ({ $why }). Сесията е записана във файла { $file } и нищо не е изгубено; обучител може да я зареди с `rehearse records import { $file }`.
not-saved = Не е запазено: { $why }
saving = Запазване…

## Екран с разбора

debrief-nothing = Няма завършен разговор за показване.
debrief-back = Обратно към сценариите
debrief-back-esc = Обратно към сценариите (Esc)
debrief-title = Разбор: { $title }
debrief-total-score = Общо { $total }/100
debrief-total-capped = Общо { $capped }.
outcome-unfinished = незавършен
debrief-outcome-line = Резултат: { $outcome }.  Удовлетвореност на клиента: { $satisfaction }.  { $summary }
debrief-retry = Опитайте отново (R)
debrief-replay-best = Повторете с показан най-добър път (B)
debrief-category = { $title }: { $score }/100
debrief-category-na = { $title }: неприложимо
debrief-rule-by-rule = Правило по правило
debrief-rule-kept = СПАЗЕНО  { $rule } ({ $family }, { $practice })
debrief-rule-broken = НАРУШЕНО  { $rule } ({ $family }, { $practice })
debrief-rule-na = НЕ ВАЖИ  { $rule } ({ $family }, { $practice })
debrief-evidence = ход { $turn }: „{ $reply }“
debrief-transcript-heading = Запис на разговора
debrief-customer-said = { $name }: „{ $line }“
debrief-you-said = Ход { $turn }, вие: „{ $reply }“
debrief-you-said-timed = Ход { $turn }, вие ({ $seconds } с): „{ $reply }“
debrief-mark-kept = спазено: { $rule }
debrief-mark-broke = нарушено: { $rule }
debrief-finding-best = Търсене на най-добрия път…

## Класиране

board-heading = Класиране за { $month }
board-loading = Зареждане на класирането…
board-your-sessions = Вашите сесии, { $name }
board-new = нов
board-change = { $change } спрямо миналия месец
board-row = { $sessions ->
    [one] { $sessions } сесия
   *[other] { $sessions } сесии
}, { $covered }/{ $scenarios } { $scenarios ->
    [one] сценарий
   *[other] сценария
}, { $change }, задържани клиенти { $retained }%
board-formula = Само сесии за оценяване. Оценка: средното от общия брой точки от първото ви оценяване по { $scenarios ->
    [one] { $scenarios } сценарий
   *[other] всеки от { $scenarios }-те сценария
} за този месец; за класиране { $sessions ->
    [one] е нужна поне { $sessions } сесия
   *[other] са нужни поне { $sessions } сесии
}. Цел за задържани клиенти: { $target }%.
board-nobody = Този месец все още никой не е класиран.
board-you-unranked = { $more ->
    [one] Вие: { $row } — за да бъдете класирани, ви трябва още { $more } сесия за оценяване.
   *[other] Вие: { $row } — за да бъдете класирани, ви трябват още { $more } сесии за оценяване.
}
board-no-sessions = Все още няма сесии.
board-more = { $count ->
    [one] … и още { $count } по-стара сесия.
   *[other] … и още { $count } по-стари сесии.
}
# Режимът на сесия в списък от сесии.
mode-practice = упражнение
mode-assessment = оценяване

## Месечното класиране (таблица в терминала и HTML отчет, за ръководителите)

board-title = Класиране за най-добър служител, { $month } ({ $sessions ->
    [one] { $sessions } сесия
   *[other] { $sessions } сесии
} за оценяване, { $scenarios ->
    [one] { $scenarios } сценарий
   *[other] { $scenarios } сценария
}; за класиране: поне { $minimum ->
    [one] { $minimum } сесия
   *[other] { $minimum } сесии
})
board-scenarios-assigned = Сценарии (възложени): { $names }
board-scenarios-assessed = Сценарии (оценявани): { $names }
board-nobody-qualified = (този месец никой не се класира)
board-not-ranked = { $minimum ->
    [one] Некласирани (по-малко от { $minimum } сесия):
   *[other] Некласирани (по-малко от { $minimum } сесии):
}
table-rank = място
table-trainee = обучаем
table-score = оценка
table-sessions = сесии
table-scenarios = сценарии
table-change = промяна
table-retained = задържани
table-retained-target = задържани ({ $target }%)
table-retained-ok = { $retained }% в целта
table-retained-below = { $retained }% под целта
html-title = Класиране за най-добър служител, { $month }
html-intro = { $sessions ->
    [one] { $sessions } сесия
   *[other] { $sessions } сесии
} за оценяване по { $scenarios ->
    [one] { $scenarios } сценарий
   *[other] { $scenarios } сценария
}. Оценка: първото оценяване на всеки обучаем по всеки сценарий (повторенията не се броят), осреднено по сценариите за месеца (възложените, а ако няма такива — всички оценявани сценарии; неигран сценарий се брои за 0); за класиране { $minimum ->
    [one] е нужна поне { $minimum } сесия
   *[other] са нужни поне { $minimum } сесии
}; при равенство по-напред е този, чиято най-слаба категория е по-силна, а след това — този с по-малко сесии. Задържани: делът на сесиите, в които клиентът е останал, спрямо целта от { $target }%.
html-categories = Средни стойности по категории
html-categories-aria = Средни стойности по категории за всеки обучаем
html-trend = Тенденция по месеци
html-trend-aria = Тенденция на оценката по месеци
# Индикатор под портрета на клиента: „Настроение 45/100 (средно)“.
meter-caption = { $name } { $value }/100 ({ $word })
meter-very-low = много ниско
meter-low = ниско
meter-middling = средно
meter-good = добро
meter-high = високо
meter-no-change = без промяна

## Анализ на баланса (`rehearse analyze`, за обучителите)
# Етикети в отчета за един сценарий; след всеки на същия ред следва стойността му.
analyze-label-scenario = сценарий
analyze-label-best = най-добър
analyze-label-worst = най-лош
analyze-label-best-path = най-добър път
# Под „най-добър път“: скритите факти, при които е намерен.
analyze-label-with = при
analyze-label-paths = пътища
analyze-label-random = случаен
# Резултатите на един програмиран съветник („стратегия  Винаги извинение: 1000 игри: …“).
analyze-label-policy = стратегия
analyze-label-lost = най-добър при загуба
analyze-label-longest = най-добра = най-дълга
analyze-label-correlation = общо ~ удовлетвореност
analyze-label-balance = баланс
analyze-by-outcome = по стойности на фактите:
analyze-outcome-scores = най-добър { $best }  най-лош { $worst }  пътища { $paths }
# Резултати от много симулирани игри: средна стойност и процентили.
analyze-stats = { $runs ->
    [one] { $runs } игра
   *[other] { $runs } игри
}: средно { $mean }, p10 { $p10 }, p50 { $p50 }, p90 { $p90 }
analyze-policy-scores = { $policy }: { $stats }
analyze-capped = { $total } (цел: най-много { $max })
analyze-capped-none = недостижимо
analyze-longest = { $longest } от { $decisions ->
    [one] { $decisions } точка
   *[other] { $decisions } точки
} на избор по най-добрия път ({ $share } %, цел: най-много { $max } %)
analyze-correlation = { $value } (Spearman при случайните игри, цел: поне { $min })
analyze-not-available = н.д.
analyze-families = може ли всяка категория да се провали самостоятелно (тя ≤ { $low }, другите ≥ { $high }):
analyze-family-yes = да
analyze-family-no = НЕ
analyze-balance-ok = наред
# Заглавия на колоните в таблицата за всички сценарии.
analyze-column-scenario = сценарий
analyze-column-best = най-добър
analyze-column-random = случаен
analyze-column-lost = загуба
analyze-column-longest = най-дълга
analyze-column-correlation = корел.
analyze-column-fails-alone = провал поотделно
# Неизпълнена цел за баланса (`analyze --check`).
analyze-problem-best = най-добрият общ резултат е { $best }, а не 100
analyze-problem-random = случаен обучаем получава средно { $mean } (цел: най-много { $max })
analyze-problem-policy = стратегията „{ $policy }“ получава средно { $mean } (цел: най-много { $max })
analyze-problem-capped = разговор, завършил със загубен клиент или ескалация до управителя, събира общо { $total } (цел: най-много { $max })
analyze-problem-longest = най-добрата реплика е най-дългият вариант в { $longest } от { $decisions ->
    [one] { $decisions } точка
   *[other] { $decisions } точки
} на избор по най-добрия път ({ $share } %, цел: най-много { $max } %)
analyze-problem-correlation = общият резултат и удовлетвореността подреждат случайните игри сходно само с корелация { $value } (цел: поне { $min })
analyze-problem-no-variation = удовлетвореността или общият резултат не се променят при случайните игри
analyze-problem-family = „{ $family }“ не може да се провали самостоятелно: няма път с резултат ≤ { $low } в тази категория и ≥ { $high } във всяка друга (най-близкият: --choices { $choices })

## Анализи за обучителите (`rehearse report rules`)
rules-report-heading = Отчет по правилата за { $month }
rules-report-no-sessions = (през този месец няма сесии)
# Заглавие на сценарий: името му, идентификаторът му в квадратни скоби и броят на сесиите.
rules-report-scenario = { $title } [{ $id }] ({ $sessions ->
    [one] { $sessions } сесия
   *[other] { $sessions } сесии
})
rules-report-column-rule = правило
rules-report-column-broken = нарушено
rules-report-column-applied = приложимо
rules-report-column-rate = дял
# Къде сесиите за първи път са нарушили правило: точки от разговора по идентификатор, всяка с броя си сесии.
rules-report-first-slips = къде за първи път е нарушено правило: { $spots }
# Достигнатите завършеци: идентификатор на завършека [резултат] (сесии).
rules-report-endings = завършеци: { $endings }
rules-report-not-replayed = ({ $count ->
    [one] { $count } сесия не можа да бъде възпроизведена, за да се определи мястото ѝ в графа на разговора
   *[other] { $count } сесии не можаха да бъдат възпроизведени, за да се определи мястото им в графа на разговора
})

## Списъкът на обучаемите и възложените за месеца сценарии (`rehearse trainees`, `rehearse assign`, за обучителите)
trainees-needs-key = промените в списъка на обучаемите изискват ключа за записите на обучителя: { $why }
# Подкана преди въвеждане на ПИН (в терминала не се показва).
trainees-pin-prompt = ПИН за { $name } (4–12 цифри):{" "}
trainees-new-pin-prompt = нов ПИН за { $name } (4–12 цифри):{" "}
trainees-pin-again = въведете същия ПИН още веднъж:{" "}
trainees-pins-differ = двата ПИН кода се различават; нищо не е променено
trainees-added = добавен обучаем: { $name } (идентификатор { $id })
trainees-removed = премахнат обучаем: { $name } (идентификатор { $id }); записите на обучаемия се запазват
trainees-pin-set = зададен е нов ПИН за { $name } (идентификатор { $id })
trainees-renamed = { $old } (идентификатор { $id }) вече се показва като { $name }
trainees-empty = списъкът на обучаемите е празен: добавете обучаеми с `rehearse trainees add NAME`
# Ред от `rehearse trainees list`: идентификатор, име, кога е добавен, състояние.
trainees-added-on = добавен на { $date }
trainees-status-removed = премахнат на { $date }
trainees-status-paused = входът е спрян до { $date } (грешни ПИН кодове)
trainees-status-active = активен
assign-needs-key = възлагането на сценарии изисква ключа за записите на обучителя: { $why }
assign-none = за { $month } няма възложени сценарии: класирането отчита всички сценарии, по които е имало оценяване
assign-shown = { $month }: { $ids }
assign-by-id = възлагайте сценариите по идентификатор (`{ $id }`), а не по път до файла
assign-cleared = { $month }: възложените сценарии са премахнати; класирането отчита всички сценарии, по които е имало оценяване
assign-set = { $month }: възложени — { $ids }; класирането осреднява резултатите само по възложените сценарии
