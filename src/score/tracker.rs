//! The [`Tracker`]: every rule's check state after some turns, advanced one reply at a time,
//! plus what the analyser needs from it (a memo key and bounds on what can still happen).

use super::rubric::{Op, Rubric, Verdict};
use crate::cond::Env;
use crate::rules::ActSet;
use crate::scenario::PromiseMoves;

/// One op's state. What each field holds depends on the op:
///
/// | op | `a` | `b` | `c` | `d` |
/// | --- | --- | --- | --- | --- |
/// | rule window (one per rule) | turn it opened, 0 = not yet | | | |
/// | `Eventually` | 1 once seen | turn seen | | |
/// | `Never` | times seen (breaches) | first turn seen | 1 once offered (tempted) | |
/// | `FirstTurn`, `Within`, `WithinSeconds` | 0 open, 1 failed, 2 passed | turn decided | | |
/// | `AtLeast` | times seen | turn the count was reached | | |
/// | `Before` | turn of first `first` | turn of first `then` | | |
/// | `BeforeEach` | [`ARMED`] and [`SEEN_THEN`] bits | breaches | first breach turn | last `then` turn |
/// | `KeepPromises` | promises made | promises kept | promises broken (breaches) | first broken turn |
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(super) struct Slot {
    pub(super) a: u16,
    pub(super) b: u16,
    pub(super) c: u16,
    pub(super) d: u16,
}

/// `BeforeEach`: a `first` came since the last `then`.
pub(super) const ARMED: u16 = 1;
/// `BeforeEach`: some `then` came.
pub(super) const SEEN_THEN: u16 = 2;

/// What one reply did, as the rules see it: its acts, the acts the trainee could have chosen
/// instead, what it and the place it led to did to the named promises, and how long the
/// trainee took (game only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplyEvents {
    /// The reply's speech acts.
    pub acts: ActSet,
    /// Every act of the replies offered at that turn (the chosen one's included). A `Never`
    /// rule is kept only by a trainee who was offered the act and did not take it.
    pub offered: ActSet,
    /// Promises made, kept or broken by the reply or on arriving where it led.
    pub promises: PromiseMoves,
    /// Milliseconds of game time taken to reply; `None` when untimed.
    pub millis: Option<u32>,
}

impl ReplyEvents {
    /// Reply `reply` of node `node`: its acts and its own promise moves, offered alone.
    pub fn of(s: &crate::scenario::Scenario, node: usize, reply: usize) -> ReplyEvents {
        let r = &s.nodes[node].replies[reply];
        ReplyEvents { acts: r.acts, offered: r.acts, promises: r.promises, millis: None }
    }

    /// …offered beside replies performing `offered` acts.
    pub fn among(mut self, offered: ActSet) -> ReplyEvents {
        self.offered = ActSet(offered.0 | self.acts.0);
        self
    }

    /// …leading to a node or ending that keeps or breaks promises on arrival.
    pub fn arriving(mut self, settles: PromiseMoves) -> ReplyEvents {
        self.promises = self.promises.with(settles);
        self
    }

    /// …taking `millis` milliseconds of game time (`None`: untimed).
    pub fn taking(mut self, millis: Option<u32>) -> ReplyEvents {
        self.millis = millis;
        self
    }
}

/// The state of every rule's check after some turns of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracker {
    /// One allocation: per rule the turn its window opened (`a`, 0 = not yet), then one slot
    /// per op (cloned on every step of the analyser's search).
    pub(super) cells: Vec<Slot>,
    pub(super) rules: usize,
    pub(super) last_turn: u16,
}

impl Tracker {
    /// A tracker before the first turn.
    pub fn new(rubric: &Rubric) -> Self {
        let rules = rubric.rules.len();
        Tracker { cells: vec![Slot::default(); rules + rubric.ops.len()], rules, last_turn: 0 }
    }

    /// Back to before the first turn, keeping the memory.
    pub fn reset(&mut self) {
        self.cells.fill(Slot::default());
        self.last_turn = 0;
    }

    /// Advance every rule by one reply. `env` is the state before the reply.
    pub fn observe(&mut self, rubric: &Rubric, turn: u16, env: &Env<'_>, events: &ReplyEvents) {
        let ReplyEvents { acts, offered, promises, millis } = *events;
        self.last_turn = turn;
        for (i, r) in rubric.rules.iter().enumerate() {
            if !r.enabled {
                continue;
            }
            if self.cells[i].a == 0 {
                if r.applies.as_ref().is_some_and(|c| !c.holds(env)) {
                    continue;
                }
                self.cells[i].a = turn;
            }
            let k = turn - self.cells[i].a + 1;
            for o in r.ops.clone() {
                let s = &mut self.cells[self.rules + o as usize];
                let decided = |a: u16| Slot { a, b: turn, ..Slot::default() };
                match rubric.ops[o as usize] {
                    Op::Eventually(a) => {
                        if s.a == 0 && acts.contains(a) {
                            *s = decided(1);
                        }
                    }
                    Op::Never(a) => {
                        if offered.contains(a) {
                            s.c = 1;
                        }
                        if acts.contains(a) {
                            if s.a == 0 {
                                s.b = turn;
                            }
                            s.a = s.a.saturating_add(1);
                        }
                    }
                    Op::FirstTurn(a) => {
                        if k == 1 {
                            *s = decided(if acts.contains(a) { 2 } else { 1 });
                        }
                    }
                    Op::Within { turns, act } => {
                        if s.a == 0 {
                            if acts.contains(act) {
                                *s = decided(2);
                            } else if k >= turns {
                                *s = decided(1);
                            }
                        }
                    }
                    Op::WithinSeconds { millis: limit, act } => {
                        if let (true, Some(m)) = (acts.contains(act), millis) {
                            if m > limit && s.a != 1 {
                                *s = decided(1);
                            } else if m <= limit && s.a == 0 {
                                *s = decided(2);
                            }
                        }
                    }
                    Op::BeforeEach { first, then } => {
                        if acts.contains(first) {
                            s.a |= ARMED;
                        }
                        if acts.contains(then) {
                            if s.a & ARMED == 0 {
                                if s.b == 0 {
                                    s.c = turn;
                                }
                                s.b = s.b.saturating_add(1);
                            }
                            s.a = (s.a & !ARMED) | SEEN_THEN;
                            s.d = turn;
                        }
                    }
                    Op::KeepPromises => {
                        let before_bad = s.c;
                        for p in promises.made.iter() {
                            let bit = 1u16 << p;
                            if s.a & bit == 0 || s.b & bit != 0 {
                                s.a |= bit;
                                s.b &= !bit;
                                if !rubric.deliverable(p, env) {
                                    s.c |= bit;
                                }
                            }
                        }
                        s.b |= promises.kept.0 & s.a & !s.c;
                        s.c |= promises.broken.0 & s.a & !s.b;
                        if before_bad == 0 && s.c != 0 {
                            s.d = turn;
                        }
                    }
                    Op::AtLeast { times, act } => {
                        if acts.contains(act) && s.a < times {
                            s.a += 1;
                            if s.a == times {
                                s.b = turn;
                            }
                        }
                    }
                    Op::Before { first, then } => {
                        if s.a == 0 && acts.contains(first) {
                            s.a = turn;
                        }
                        if s.b == 0 && acts.contains(then) {
                            s.b = turn;
                        }
                    }
                    Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                }
            }
        }
    }

    /// How many times op `o` was broken (0 for ops that are not broken by repetition).
    pub(super) fn breaches_of(&self, rubric: &Rubric, o: u32) -> u16 {
        let s = self.cells[self.rules + o as usize];
        match rubric.ops[o as usize] {
            Op::Never(_) => s.a,
            Op::BeforeEach { .. } => s.b,
            Op::KeepPromises => s.c.count_ones() as u16,
            _ => 0,
        }
    }

    /// Can op `o` be broken (again) when any act of `future` can still occur?
    fn can_break_again(&self, rubric: &Rubric, o: u32, future: ActSet) -> bool {
        match rubric.ops[o as usize] {
            Op::Never(a) => future.contains(a),
            Op::BeforeEach { then, .. } => future.contains(then),
            Op::KeepPromises => future.contains(ActSet::PROMISE_MOVE),
            _ => false,
        }
    }

    /// Can the check rooted at op `o` still fail, from this state, given the acts that can occur?
    pub(super) fn can_fail(&self, rubric: &Rubric, o: u32, future: ActSet) -> bool {
        self.possible(rubric, o, future) & F != 0
    }

    /// Rule `i`'s verdict if it can no longer change, whatever acts come next; None while open
    /// (or when the rule is disabled or its window has not opened).
    pub fn decided(&self, rubric: &Rubric, i: usize) -> Option<Verdict> {
        let r = &rubric.rules[i];
        if !r.enabled || self.cells[i].a == 0 {
            return None;
        }
        match self.possible(rubric, r.root, ActSet::ALL) {
            P => Some(Verdict::Pass),
            F => Some(Verdict::Fail),
            _ => None,
        }
    }

    /// True when rule `i`'s window has opened.
    pub fn started(&self, i: usize) -> bool {
        self.cells[i].a != 0
    }

    /// One pass over the rules for the analyser: append the memo key to `out` and return
    /// bounds `(upper, lower)` on the total of any continuation, in percent.
    ///
    /// For each rule it works out which verdicts are still possible, given `future` (every act
    /// that can still occur) and `dormant(i)` (rule `i` can never start). A rule left with one
    /// possible verdict is *settled*: it enters the key only as a bit in a set plus the weights
    /// the settled rules keep and apply, so histories that differ only in which settled rules
    /// passed merge whenever their sums agree. Two trackers with equal keys score every
    /// continuation identically.
    pub fn summarize(
        &self,
        rubric: &Rubric,
        future: ActSet,
        dormant: impl Fn(usize) -> bool,
        out: &mut Vec<u16>,
    ) -> (f64, f64) {
        let mask_at = out.len();
        let words = rubric.rules.len().div_ceil(16);
        out.extend(std::iter::repeat_n(0, words + 2));
        let (mut kept, mut applied) = (0u32, 0u32);
        let (mut can_pass, mut only_fail, mut can_fail, mut only_pass) = (0u32, 0u32, 0u32, 0u32);
        let repeat_cap = rubric.repeat_cap();
        for (i, r) in rubric.rules.iter().enumerate() {
            let start = self.cells[i].a;
            let set = if !r.enabled || (start == 0 && dormant(i)) {
                N
            } else if start == 0 {
                N | self.possible(rubric, r.root, future)
            } else {
                self.possible(rubric, r.root, future)
            };
            // An inverted rule (analysis only) counts a pass as a fail and the other way round.
            let set = if r.inverted { (set & N) | ((set & P) << 1) | ((set & F) >> 1) } else { set };
            // A failing rule weighs once per breach up to the cap: now, and at most later.
            let (fail_now, fail_most, more) = if r.inverted {
                (r.weight, r.weight, false)
            } else {
                let breaches = rubric.breaches(self, i).clamp(1, repeat_cap);
                let more = breaches < repeat_cap && r.counting.iter().any(|&o| self.can_break_again(rubric, o, future));
                let most = if more { repeat_cap } else { breaches };
                (r.weight * u32::from(breaches), r.weight * u32::from(most), more)
            };
            if set & P != 0 {
                can_pass += r.weight;
            }
            if set & F != 0 {
                can_fail += fail_most;
            }
            match set {
                P => {
                    only_pass += r.weight;
                    kept += r.weight;
                    applied += r.weight;
                }
                F if !more => {
                    only_fail += fail_now;
                    applied += fail_now;
                }
                N => {}
                _ => {
                    if set == F {
                        only_fail += fail_now;
                    }
                    // A window that opened mid-conversation: only the turns since it opened
                    // matter (1 = this turn), and none past its length.
                    let window = rubric.windowed[i];
                    out.push(if window > 0 && start > 0 {
                        (self.last_turn - start + 1).min(window + 1)
                    } else {
                        u16::from(start > 0)
                    });
                    for o in r.ops.clone() {
                        let s = self.cells[self.rules + o as usize];
                        match rubric.ops[o as usize] {
                            Op::Eventually(_)
                            | Op::FirstTurn(_)
                            | Op::Within { .. }
                            | Op::WithinSeconds { .. }
                            | Op::AtLeast { .. } => out.push(s.a),
                            Op::Never(_) => out.extend([s.a.min(repeat_cap), s.c]),
                            Op::Before { .. } => out.push(
                                u16::from(s.a > 0)
                                    | (u16::from(s.b > 0) << 1)
                                    | (u16::from(s.a > 0 && s.b > 0 && s.a <= s.b) << 2),
                            ),
                            Op::BeforeEach { .. } => out.extend([s.a, s.b.min(repeat_cap)]),
                            // Only what the future can tell apart: which promises are still open,
                            // which were broken (making one again changes nothing), and whether
                            // any was made. A kept promise behaves as one never made.
                            Op::KeepPromises => out.extend([s.a & !s.b & !s.c, s.c, u16::from(s.a != 0)]),
                            Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                        }
                    }
                    continue;
                }
            }
            out[mask_at + i / 16] |= 1 << (i % 16);
        }
        out[mask_at + words] = kept.min(u32::from(u16::MAX)) as u16;
        out[mask_at + words + 1] = applied.min(u32::from(u16::MAX)) as u16;
        let pct = |p: u32, f: u32| if p + f == 0 { 0.0 } else { f64::from(p) * 100.0 / f64::from(p + f) };
        (pct(can_pass, only_fail), pct(only_pass, can_fail))
    }
}

/// Verdicts a check can still end with: bit 0 pass, bit 1 fail, bit 2 not applicable.
const P: u8 = 1;
const F: u8 = 2;
const N: u8 = 4;

impl Tracker {
    /// The verdicts op `o` can still reach (over-approximated: combinators assume their
    /// children independent).
    fn possible(&self, rubric: &Rubric, o: u32, future: ActSet) -> u8 {
        let s = self.cells[self.rules + o as usize];
        let may = |a: u8| future.contains(a);
        match &rubric.ops[o as usize] {
            Op::Eventually(a) => {
                if s.a == 1 {
                    P
                } else {
                    F | if may(*a) { P } else { 0 }
                }
            }
            Op::Never(a) => {
                if s.a >= 1 {
                    F
                } else if s.c != 0 {
                    P | if may(*a) { F } else { 0 }
                } else {
                    N | if may(*a) { P | F } else { 0 }
                }
            }
            Op::BeforeEach { first, then } => {
                if s.a & SEEN_THEN == 0 {
                    if may(*then) { N | F | if s.a & ARMED != 0 || may(*first) { P } else { 0 } } else { N }
                } else if s.b > 0 {
                    F
                } else {
                    P | if may(*then) { F } else { 0 }
                }
            }
            Op::KeepPromises => {
                let may_move = may(ActSet::PROMISE_MOVE);
                if s.a == 0 {
                    N | if may_move { P | F } else { 0 }
                } else if s.c != 0 {
                    F
                } else {
                    P | if may_move { F } else { 0 }
                }
            }
            Op::FirstTurn(a) | Op::Within { act: a, .. } => match s.a {
                2 => P,
                1 => F,
                _ => F | if may(*a) { P } else { 0 },
            },
            Op::WithinSeconds { act, .. } => {
                let later = if may(*act) { P | F } else { 0 };
                match s.a {
                    1 => F,
                    2 => P | later,
                    _ => N | later,
                }
            }
            Op::AtLeast { times, act } => {
                if s.a >= *times {
                    P
                } else {
                    F | if may(*act) { P } else { 0 }
                }
            }
            Op::Before { first, then } => {
                if s.b != 0 {
                    if s.a != 0 && s.a <= s.b { P } else { F }
                } else if may(*then) {
                    N | if s.a != 0 || may(*first) { P } else { 0 } | if s.a == 0 { F } else { 0 }
                } else {
                    N
                }
            }
            Op::Not(c) => {
                let v = self.possible(rubric, *c, future);
                (v & N) | ((v & P) << 1) | ((v & F) >> 1)
            }
            Op::All(cs) | Op::Any(cs) => {
                // (some child can pass, all can pass-or-n/a, some can fail, all can fail-or-n/a, all can be n/a)
                let (mut some_p, mut all_pn, mut some_f, mut all_fn, mut all_n) = (false, true, false, true, true);
                for c in cs {
                    let x = self.possible(rubric, *c, future);
                    some_p |= x & P != 0;
                    all_pn &= x & (P | N) != 0;
                    some_f |= x & F != 0;
                    all_fn &= x & (F | N) != 0;
                    all_n &= x & N != 0;
                }
                let (pass, fail) = if matches!(rubric.ops[o as usize], Op::All(_)) {
                    (all_pn && some_p, some_f)
                } else {
                    (some_p, some_f && all_fn)
                };
                (u8::from(pass) * P) | (u8::from(fail) * F) | (u8::from(all_n) * N)
            }
        }
    }
}
