# rehearse: the interface in English (the source every other language translates).
# Ids are stable: a new text gets a new id. Variables are { $name }; counts select plural forms.

## Lists

# "2, 5 and 7": $items is everything before the last.
list-and = { $items } and { $last }
# Between items of a list ("2, 5"), between promises, between two sentences.
list-separator = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## Rule notes in the debrief (what a verdict rests on)

note-unbreakable = nothing in this conversation could break it
note-disabled = does not apply to this scenario
note-not-applicable = did not come up in this conversation
note-kept-at = kept at turn { $turn }. { $what }
note-kept-throughout = kept throughout. { $what }
note-broken-times = broken { $count } times, at turns { $turns }. { $what }
note-broken-at = broken at turn { $turn }. { $what }
note-never-happened = never happened. { $what }

## A rule's check in plain words ($act is a description such as "repeats the problem back")

check-eventually = Wanted at some point: { $act }.
check-never = To avoid: { $act }.
check-first-turn = Wanted in the first reply: { $act }.
check-within = Wanted within { $turns } replies: { $act }.
check-within-seconds = Wanted within { $seconds } seconds, each time: { $act }.
check-at-least = Wanted at least { $times } times: { $act }.
check-before = First { $first }; only then { $then }.
check-before-each = Each time, first { $first }; only then { $then }.
check-keep-promises = Every promise made is one the shop can keep, and is kept.
check-keep-promises-list = Every promise made is one the shop can keep, and is kept ({ $promises }).
check-any = One of these: { $checks }
check-any-or = Or:
check-not = Not this: { $check }

## The terminal debrief

meters-line = mood { $mood }  patience { $patience }  trust { $trust }
verdict-kept = kept
verdict-broken = BROKEN
verdict-na = n/a
outcome-retained = retained
outcome-referred = referred
outcome-escalated = escalated
outcome-lost = lost
debrief-heading = === Debrief: { $title } ===
debrief-total = Total
debrief-no-rule-applied = (no rule applied)
debrief-outcome-label = Outcome
debrief-outcome = { $outcome } (customer satisfaction { $satisfaction }%)
debrief-not-finished = not finished
debrief-rules = Rules:
debrief-turn-reply = turn { $turn }: "{ $reply }"
debrief-tip = tip: { $tip }
debrief-transcript = Transcript:
# After a capped total: "capped at 60: the customer left (83.2 before the cap)".
debrief-capped = capped at { $cap }: { $reason } ({ $uncapped } before the cap)
transcript-you = You

## The terminal player

play-customer = Customer: { $name }. { $situation }
play-goal = Goal: { $goal }
play-turn = turn { $turn }
play-notes = Notes:
# A customer\'s line in the terminal player.
play-customer-line = { $name }: "{ $line }"
# The prompt before the trainee types a reply number.
play-your-reply = Your reply (1-{ $count }, q to quit)
play-stopped = stopped at turn { $turn } before the conversation ended; nothing was scored
play-too-late = Too late: the caller gave up.
play-type-a-number = Please type a number from 1 to { $count }.
play-assessment-refused = the assessment was not started: { $why }
play-practice-refused = the practice session was not started: { $why }
play-pin-for = PIN for { $name }:{" "}
play-pin-on-roster = { $name } is on the roster. PIN:{" "}
play-not-saved = the session was not saved: { $why }
play-no-scenarios = no playable scenarios in { $dir }
menu-heading = rehearse: practise a difficult conversation
menu-pick = Scenario (1-{ $count })
menu-name = Your name
menu-welcome = Welcome, { $name }.
difficulty-easy = Easy
difficulty-medium = Medium
difficulty-hard = Hard

## In a conversation

notice-caller-gave-up = The phone stopped ringing: the caller gave up.
notice-file-changed = The scenario file changed: showing the new version.
notice-file-changed-unfit = The scenario file changed, but turn { $turn } no longer fits it ({ $why }); keeping the version you started.

## Briefing

briefing-mode-guided = Replay with the best path shown: the best reply is marked at each turn.
briefing-mode-practice = Practice: after each reply you see which rules it kept or broke.
briefing-mode-assessment = Assessment: no hints. This session counts for the monthly ranking.
briefing-customer = The customer: { $name }
briefing-goal = A good outcome
briefing-time-matters = Time matters here: the customer grows impatient while you hesitate, and a phone may ring.
briefing-skills = You practise: { $skills }
briefing-start = Start the conversation (Enter)
briefing-back = Back (Esc)

## Scenario picker

picker-loading-sessions = Loading your sessions…
picker-history-unreadable = Your past sessions cannot be read: { $why }
picker-hello = Hello, { $name }. Choose a conversation to rehearse.
picker-leaderboard = Leaderboard (L)
picker-sign-out = Sign out
picker-modes = Practice: feedback after every reply.  Assessment: no hints; counts for the monthly ranking.
picker-modes-guest = Practice: feedback after every reply. Assessments are for trainees on the roster, signed in with their PIN: ask your trainer to add you.
picker-assigned = This month's assessments: { $done } of { $count } done. Only your first assessment of each counts.
picker-loading-scenarios = Loading the scenarios…
picker-no-scenarios = There are no scenarios in { $dir } yet.
picker-broken = Cannot be played: the file has errors.
picker-difficulty = Difficulty: { $difficulty }
picker-skills = Skills: { $skills }
picker-best-practice = Your best: { $total }/100 (practice)
picker-best-assessment = Your best: { $total }/100 (assessment)
picker-best-none = Your best: not played yet
picker-card-assessed = Assigned this month: assessed, { $total }/100 counts.
picker-card-not-assessed = Assigned this month: not assessed yet.
picker-stale = The file has errors: playing the last good version.
picker-practice = Practice
picker-assessment = Assessment

## Sign-in

sign-in-title = Rehearse
sign-in-tagline = Practise a difficult conversation before you have it for real.
sign-in-who = Who is practising?
sign-in-nobody-yet = No one has practised here yet.
sign-in-unreadable = The list of trainees cannot be read: { $why }
sign-in-type-name = Or type a new name and press Enter:
sign-in-button = Sign in with this name

## PIN

pin-hello = Hello, { $name }.
pin-explain = Type your PIN and press Enter. Assessments count for the monthly ranking, so only you may take yours.
pin-sign-in = Sign in
pin-back = Back
pin-wrong = { $left ->
    [0] Wrong PIN.
   *[other] Wrong PIN ({ $left } more before a pause).
}
pin-paused-seconds = Too many wrong PINs: signing in is paused for { $amount } s more.
pin-paused-minutes = Too many wrong PINs: signing in is paused for { $amount } min more.
pin-paused-hours = Too many wrong PINs: signing in is paused for { $amount } h more.
pin-not-on-roster = { $name } is not on the roster; ask your trainer to add you.
pin-digits-only = A PIN is digits only (0–9).
pin-length = A PIN has { $min } to { $max } digits.
pin-cannot-check = The PIN cannot be checked: { $why }

## Conversation

meter-mood = Mood
meter-patience = Patience
meter-trust = Trust
conversation-turn = Turn { $turn }
conversation-mode-guided = Mode: best path shown
conversation-mode-practice = Mode: practice
conversation-mode-assessment = Mode: assessment
conversation-last-change = Last reply: mood { $mood }, patience { $patience }, trust { $trust }
conversation-says = { $name } says:
# Marks, in practice mode, a line shown in English because its translation is missing or stale.
conversation-untranslated = [not translated]
conversation-phone = PHONE RINGING: ring { $ring } of { $rings } (answer by the third ring)
conversation-draining = The customer is waiting for you: patience is draining.
conversation-over = The conversation is over: { $summary }
conversation-see-debrief = See your debrief (Enter)
conversation-skip = Skip (Space)
conversation-your-reply = Your reply (1–9, or Tab and Enter):
conversation-best = [best]
conversation-notes = Notes
conversation-nothing-learned = Nothing learned yet: listen and ask.
conversation-last-reply = Your last reply
conversation-nothing-settled = No rule settled yet.
conversation-kept = KEPT: { $rule }
conversation-broke = BROKE: { $rule }
conversation-tip = Tip: { $tip }
debrief-guided-not-saved = Replays with the best path shown are not saved.

## Saving

saved-as = Saved as session #{ $seq } in { $db }.
saved-to-recovery = Could not save to the database ({ $why }). The session was written to { $file } and nothing is lost; a trainer can load it with `rehearse records import { $file }`.
not-saved = Not saved: { $why }
saving = Saving…

## Debrief screen

debrief-nothing = No finished conversation to show.
debrief-back = Back to the scenarios
debrief-back-esc = Back to the scenarios (Esc)
debrief-title = Debrief: { $title }
debrief-total-score = Total { $total }/100
debrief-total-capped = Total { $capped }.
outcome-unfinished = unfinished
debrief-outcome-line = Outcome: { $outcome }.  Customer satisfaction: { $satisfaction }.  { $summary }
debrief-retry = Retry (R)
debrief-replay-best = Replay with the best path shown (B)
debrief-category = { $title }: { $score }/100
debrief-category-na = { $title }: not applicable
debrief-rule-by-rule = Rule by rule
debrief-rule-kept = KEPT  { $rule } ({ $family }, { $practice })
debrief-rule-broken = BROKEN  { $rule } ({ $family }, { $practice })
debrief-rule-na = N/A  { $rule } ({ $family }, { $practice })
debrief-evidence = turn { $turn }: “{ $reply }”
debrief-transcript-heading = Transcript
debrief-customer-said = { $name }: “{ $line }”
debrief-you-said = Turn { $turn }, you: “{ $reply }”
debrief-you-said-timed = Turn { $turn }, you ({ $seconds } s): “{ $reply }”
debrief-mark-kept = kept { $rule }
debrief-mark-broke = broke { $rule }
debrief-finding-best = Finding the best path…

## Leaderboard

board-heading = Leaderboard, { $month }
board-loading = Loading the leaderboard…
board-your-sessions = Your sessions, { $name }
board-new = new
board-change = { $change } vs last month
board-row = { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
}, { $covered }/{ $scenarios } scenarios, { $change }, retained { $retained }%
board-formula = Assessment sessions only. Score: your first assessment's total on each of this month's { $scenarios } scenario(s), averaged; at least { $sessions } sessions to be ranked. Retained target: { $target }%.
board-nobody = Nobody is ranked yet this month.
board-you-unranked = You: { $row } — { $more } more assessment session(s) to be ranked.
board-no-sessions = No sessions yet.
board-more = … and { $count } earlier session(s).
# A session's mode in a list of sessions.
mode-practice = practice
mode-assessment = assessment

## The monthly ranking (terminal table and HTML report, for managers)

board-title = Best employee ranking, { $month } ({ $sessions } assessment sessions, { $scenarios } scenarios; at least { $minimum } sessions to qualify)
board-scenarios-assigned = Scenarios (assigned): { $names }
board-scenarios-assessed = Scenarios (assessed): { $names }
board-nobody-qualified = (nobody qualified this month)
board-not-ranked = Not ranked (fewer than { $minimum } sessions):
table-rank = rank
table-trainee = trainee
table-score = score
table-sessions = sessions
table-scenarios = scenarios
table-change = change
table-retained = retained
table-retained-target = retained ({ $target }%)
table-retained-ok = { $retained }% ok
table-retained-below = { $retained }% below
html-title = Best employee ranking, { $month }
html-intro = { $sessions } assessment sessions on { $scenarios } scenario(s). Score: each trainee's first assessment of each scenario (replays do not count), averaged over the month's scenarios (those assigned, else every scenario assessed; a scenario not played counts 0); at least { $minimum } sessions to qualify; ties go to the stronger weakest category, then to fewer sessions. Retained: share of sessions where the customer stayed, against the { $target }% target.
html-categories = Category averages
html-categories-aria = Category averages per trainee
html-trend = Monthly trend
html-trend-aria = Monthly score trend
# A meter under the customer's portrait: "Mood 45/100 (middling)".
meter-caption = { $name } { $value }/100 ({ $word })
meter-very-low = very low
meter-low = low
meter-middling = middling
meter-good = good
meter-high = high
meter-no-change = no change

## Balance analysis (`rehearse analyze`, for trainers)
# Labels of the one-scenario report; each is followed by its value on the same line.
analyze-label-scenario = scenario
analyze-label-best = best
analyze-label-worst = worst
analyze-label-best-path = best path
# Under "best path": the hidden facts it was found with.
analyze-label-with = with
analyze-label-paths = paths
analyze-label-random = random
# One scripted advisor's scores ("policy  Always apologise: 1000 runs: …").
analyze-label-policy = policy
analyze-label-lost = lost/escalated best
analyze-label-longest = best reply longest
analyze-label-correlation = total ~ satisfaction
analyze-label-balance = balance
analyze-by-outcome = by fact outcome:
analyze-outcome-scores = best { $best }  worst { $worst }  paths { $paths }
# Scores of many simulated plays: mean and percentiles.
analyze-stats = { $runs } runs: mean { $mean }, p10 { $p10 }, p50 { $p50 }, p90 { $p90 }
analyze-policy-scores = { $policy }: { $stats }
analyze-capped = { $total } (at most { $max })
analyze-capped-none = none reachable
analyze-longest = { $longest } of { $decisions } best-path decision points ({ $share } %, at most { $max } %)
analyze-correlation = { $value } (Spearman over random plays, at least { $min })
analyze-not-available = n/a
analyze-families = each family failing on its own (that family ≤ { $low }, the others ≥ { $high }):
analyze-family-yes = yes
analyze-family-no = NO
analyze-balance-ok = ok
# Column headings of the table over every scenario.
analyze-column-scenario = scenario
analyze-column-best = best
analyze-column-random = random
analyze-column-lost = lost
analyze-column-longest = longest
analyze-column-correlation = corr
analyze-column-fails-alone = fails alone
# A balance target missed (`analyze --check`).
analyze-problem-best = the best total is { $best }, not 100
analyze-problem-random = a random trainee averages { $mean } (at most { $max } wanted)
analyze-problem-policy = the policy “{ $policy }” averages { $mean } (at most { $max } wanted)
analyze-problem-capped = a conversation that ends lost or escalated totals { $total } (at most { $max } wanted)
analyze-problem-longest = the best reply is the longest option at { $longest } of { $decisions } best-path decision points ({ $share } %, at most { $max } % wanted)
analyze-problem-correlation = total and satisfaction rank alike at only { $value } over random plays (at least { $min } wanted)
analyze-problem-no-variation = satisfaction or the total does not vary over random plays
analyze-problem-family = “{ $family }” cannot fail on its own: no path scores ≤ { $low } on it and ≥ { $high } on every other family (closest: --choices { $choices })

## Trainer analytics (`rehearse report rules`)
rules-report-heading = Rules report, { $month }
rules-report-no-sessions = (no sessions this month)
# A scenario's heading: its title, its id in brackets, the number of sessions.
rules-report-scenario = { $title } [{ $id }] ({ $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
})
rules-report-column-rule = rule
rules-report-column-broken = broken
rules-report-column-applied = applied
rules-report-column-rate = rate
# Where sessions first broke a rule: points of the conversation by id, each with its number of sessions.
rules-report-first-slips = first broken rule at: { $spots }
# The endings reached: ending id [outcome] (sessions).
rules-report-endings = endings: { $endings }
rules-report-not-replayed = ({ $count ->
    [one] { $count } session
   *[other] { $count } sessions
} could not be replayed to place them in the graph)

## The roster and the month's assignment (`rehearse trainees`, `rehearse assign`, for trainers)
trainees-needs-key = changing the roster needs the trainer's record key: { $why }
# Asked before reading a PIN (hidden at a terminal).
trainees-pin-prompt = PIN for { $name } (4–12 digits):{" "}
trainees-new-pin-prompt = new PIN for { $name } (4–12 digits):{" "}
trainees-pin-again = the same PIN again:{" "}
trainees-pins-differ = the two PINs differ; nothing was changed
trainees-added = added { $name } (id { $id })
trainees-removed = removed { $name } (id { $id }); their records stay
trainees-pin-set = new PIN set for { $name } (id { $id })
trainees-renamed = { $old } (id { $id }) is now shown as { $name }
trainees-empty = the roster is empty: add trainees with `rehearse trainees add NAME`
# A row of `rehearse trainees list`: id, name, when added, status.
trainees-added-on = added { $date }
trainees-status-removed = removed { $date }
trainees-status-paused = paused until { $date } (wrong PINs)
trainees-status-active = active
assign-needs-key = assigning scenarios needs the trainer's record key: { $why }
assign-none = no scenarios assigned for { $month }: the ranking counts every scenario assessed
assign-shown = { $month }: { $ids }
assign-by-id = assign scenarios by id (`{ $id }`), not by path
assign-cleared = { $month }: assignment cleared; the ranking counts every scenario assessed
assign-set = { $month }: { $ids } assigned; the ranking averages over them
