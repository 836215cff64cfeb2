//! The session engine: plays one scenario for one trainee with one seed.
//!
//! Invariant: the conversation is a pure function of (scenario, seed, choices). All randomness
//! comes from one ChaCha8 stream seeded with the session's seed and is drawn in a fixed order
//! (facts in declaration order, then one line variant per node visited), with integer sampling
//! done here rather than by a library whose algorithm could change. Same seed and same choices
//! give the identical [`Transcript`] on any machine.
//!
//! [`step`] is the whole transition function; the session, the analyser and the tests all use
//! it, so there is one definition of what a reply does.

use std::sync::Arc;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::cond::Env;
use crate::scenario::{Ending, FactDef, FactKind, Line, METER_MAX, Reply, Scenario, Target};

/// Where a conversation stands, without its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// The node the customer is speaking at, or the ending reached.
    pub at: Target,
    /// Mood, patience, trust.
    pub meters: [i32; 3],
    /// Bit set of facts the trainee has learned.
    pub known: u64,
    /// Replies given so far.
    pub turn: u16,
}

/// The customer's meters, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meters {
    /// 0 furious … 100 delighted.
    pub mood: i32,
    /// 0 walks out … 100 all the time in the world.
    pub patience: i32,
    /// 0 disbelief … 100 full trust.
    pub trust: i32,
}

impl From<[i32; 3]> for Meters {
    fn from(m: [i32; 3]) -> Self {
        Meters { mood: m[0], patience: m[1], trust: m[2] }
    }
}

/// The opening position of a scenario.
pub fn opening(s: &Scenario) -> Position {
    Position { at: Target::Node(s.start), meters: s.customer.meters, known: s.nodes[s.start].reveals, turn: 0 }
}

/// The condition environment at a position.
pub fn env<'a>(facts: &'a [i64], pos: &Position) -> Env<'a> {
    Env { facts, known: pos.known, meters: pos.meters }
}

/// Indices of the replies offered at a position (none once the conversation has ended).
pub fn offered<'a>(s: &'a Scenario, facts: &'a [i64], pos: &Position) -> impl Iterator<Item = usize> + 'a {
    let replies: &[Reply] = match pos.at {
        Target::Node(n) => &s.nodes[n].replies,
        Target::Ending(_) => &[],
    };
    let env = env(facts, pos);
    replies.iter().enumerate().filter(move |(_, r)| r.when.as_ref().is_none_or(|c| c.holds(&env))).map(|(i, _)| i)
}

/// Every act some reply offered at a position performs (the chosen one's included): what the
/// trainee could have said there.
pub fn offered_acts(s: &Scenario, facts: &[i64], pos: &Position) -> crate::rules::ActSet {
    let Target::Node(n) = pos.at else { return crate::rules::ActSet::default() };
    crate::rules::ActSet::union(offered(s, facts, pos).map(|r| s.nodes[n].replies[r].acts))
}

/// Apply reply `reply` of the current node. The reply's effect lands first; branches see the
/// new meters; then running out of patience, and then the turn limit, may end the conversation.
pub fn step(s: &Scenario, facts: &[i64], pos: &Position, reply: usize) -> Position {
    let Target::Node(n) = pos.at else { return *pos };
    let r = &s.nodes[n].replies[reply];
    let mut next = *pos;
    let e = r.effect;
    for (m, d) in next.meters.iter_mut().zip([e.mood, e.patience, e.trust]) {
        *m = (*m + d).clamp(0, METER_MAX);
    }
    next.turn += 1;
    let env = env(facts, &next);
    let mut target = r.branches.iter().find(|(c, _)| c.holds(&env)).map_or(r.to, |b| b.1);
    if let (Some(e), true) = (s.on_patience_lost, next.meters[1] <= 0) {
        target = Target::Ending(e);
    } else if let Some((limit, e)) = s.turn_limit
        && next.turn >= limit
        && matches!(target, Target::Node(_))
    {
        target = Target::Ending(e);
    }
    if let Target::Node(j) = target {
        next.known |= s.nodes[j].reveals;
    }
    next.at = target;
    next
}

/// The position after the trainee hesitated `millis` before replying: the scenario's pressure
/// drains patience, never below 1 (hesitation alone does not end a conversation).
pub fn hesitate(s: &Scenario, pos: &Position, millis: u32) -> Position {
    let mut next = *pos;
    next.meters[1] -= drain(s, pos.meters[1], millis);
    next
}

fn drain(s: &Scenario, patience: i32, millis: u32) -> i32 {
    let Some(p) = s.pressure else { return 0 };
    let steps = millis.saturating_sub(p.grace_ms) / p.every_ms.max(1);
    let lost = i64::from(steps) * i64::from(p.drain);
    lost.min(i64::from(patience - 1)).max(0) as i32
}

/// The operating system's random source could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot draw a session seed from the operating system's random source: {0}")]
pub struct SeedError(String);

/// A seed straight from the operating system's random source: nobody, the trainee included,
/// can know or choose it (assessment sessions).
pub fn os_seed() -> Result<u64, SeedError> {
    use rand::TryRng;
    rand::rngs::SysRng.try_next_u64().map_err(|e| SeedError(e.to_string()))
}

/// A uniform integer in `0..n` (n > 0) by rejection sampling, stable across library versions.
pub fn below(rng: &mut impl Rng, n: u64) -> u64 {
    debug_assert!(n > 0);
    let zone = u64::MAX - (u64::MAX % n.max(1));
    loop {
        let x = rng.next_u64();
        if x < zone {
            return x % n.max(1);
        }
    }
}

/// Draw every hidden fact, in declaration order.
pub fn draw_facts(s: &Scenario, rng: &mut impl Rng) -> Vec<i64> {
    s.facts.iter().map(|f| draw_fact(f, rng)).collect()
}

fn draw_fact(f: &FactDef, rng: &mut impl Rng) -> i64 {
    match &f.kind {
        FactKind::Choice(cs) => {
            let total: u64 = cs.iter().map(|c| u64::from(c.weight)).sum();
            let mut pick = below(rng, total.max(1));
            for (i, c) in cs.iter().enumerate() {
                if pick < u64::from(c.weight) {
                    return i as i64;
                }
                pick -= u64::from(c.weight);
            }
            0
        }
        FactKind::Range { min, max, step, .. } => {
            // Drawn from every whole number, then rounded down to the step: a step changes the
            // value, never how much randomness is used, so a seed draws the same outcome
            // (every threshold on the step's grid keeps its side) and the same line variants.
            let step = step.get();
            let span = max.abs_diff(*min).saturating_add(1);
            min.saturating_add_unsigned(below(rng, span) / step * step)
        }
    }
}

/// One reply in a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// Node index the customer spoke at.
    pub node: u32,
    /// Index of the line variant the customer said.
    pub line: u16,
    /// Index of the reply within the node.
    pub reply: u16,
    /// The 1-based option number the trainee picked among those offered.
    pub option: u16,
    /// Meters before the reply.
    pub before: [i32; 3],
    /// Meters after the reply.
    pub after: [i32; 3],
    /// Facts known before the reply.
    pub known_before: u64,
    /// Milliseconds of game time the trainee took to reply; None when played untimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub millis: Option<u32>,
}

/// Everything that happened in a session: enough to replay, score and display it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// Scenario id.
    pub scenario: String,
    /// Seed.
    pub seed: u64,
    /// Who played.
    pub trainee: String,
    /// Fact values drawn.
    pub facts: Vec<i64>,
    /// The replies, in order.
    pub turns: Vec<Turn>,
    /// Ending index and the closing line variant, once finished.
    pub ending: Option<(u32, u16)>,
}

/// Why a choice was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceError {
    /// The conversation has already ended.
    #[error("the conversation has already ended")]
    Finished,
    /// A timed reply came after the ringing phone's caller gave up.
    #[error("too late: the caller gave up after {deadline_ms} ms")]
    TooLate {
        /// When the caller gave up.
        deadline_ms: u32,
    },
    /// The option number is not among those offered.
    #[error("option {chosen} is not offered; choose 1 to {available}")]
    OutOfRange {
        /// The 1-based option chosen.
        chosen: usize,
        /// How many options were offered.
        available: usize,
    },
}

/// A conversation in progress.
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    pos: Position,
    line: u16,
    offered: Vec<usize>,
    rng: ChaCha8Rng,
    transcript: Transcript,
}

impl Session {
    /// Start a session: draw the facts and the opening line.
    pub fn new(scenario: Arc<Scenario>, seed: u64, trainee: impl Into<String>) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let facts = draw_facts(&scenario, &mut rng);
        let pos = opening(&scenario);
        let transcript = Transcript {
            scenario: scenario.id.clone(),
            seed,
            trainee: trainee.into(),
            facts,
            turns: Vec::new(),
            ending: None,
        };
        let mut session = Session { scenario, pos, line: 0, offered: Vec::new(), rng, transcript };
        session.arrive();
        session
    }

    /// Start a session and replay 1-based option numbers; fails at the first refused choice,
    /// naming its turn.
    pub fn replay(
        scenario: Arc<Scenario>,
        seed: u64,
        trainee: impl Into<String>,
        options: &[usize],
    ) -> Result<Self, (usize, ChoiceError)> {
        let mut s = Session::new(scenario, seed, trainee);
        for (i, &o) in options.iter().enumerate() {
            s.choose(o).map_err(|e| (i + 1, e))?;
        }
        Ok(s)
    }

    /// Like [`Session::replay`], with the game time each reply took (None for untimed replies).
    pub fn replay_timed(
        scenario: Arc<Scenario>,
        seed: u64,
        trainee: impl Into<String>,
        turns: &[(usize, Option<u32>)],
    ) -> Result<Self, (usize, ChoiceError)> {
        let mut s = Session::new(scenario, seed, trainee);
        for (i, &(o, ms)) in turns.iter().enumerate() {
            let r = match ms {
                // A turn timed at the deadline is the ringing phone giving up (`time_out`).
                Some(ms) if s.deadline_ms().is_some_and(|d| ms >= d) && s.unanswered_option() == Some(o) => {
                    if s.time_out() { Ok(()) } else { s.choose_timed(o, ms) }
                }
                Some(ms) => s.choose_timed(o, ms),
                None => s.choose(o),
            };
            r.map_err(|e| (i + 1, e))?;
        }
        Ok(s)
    }

    fn arrive(&mut self) {
        let s = &*self.scenario;
        let lines: &[Line] = match self.pos.at {
            Target::Node(n) => &s.nodes[n].says,
            Target::Ending(e) => &s.endings[e].says,
        };
        let env = env(&self.transcript.facts, &self.pos);
        let holds = |l: &&Line| l.when.as_ref().is_none_or(|c| c.holds(&env));
        // Draw only when there is a real choice: the random stream, and so every seed, stays fixed.
        let eligible = lines.iter().filter(holds).count();
        let pick = if eligible > 1 { below(&mut self.rng, eligible as u64) as usize } else { 0 };
        self.line = lines.iter().enumerate().filter(|(_, l)| holds(l)).nth(pick).map_or(0, |(i, _)| i as u16);
        self.offered.clear();
        self.offered.extend(offered(s, &self.transcript.facts, &self.pos));
        if let Target::Ending(e) = self.pos.at {
            self.transcript.ending = Some((e as u32, self.line));
        }
    }

    /// Choose the `option`-th (1-based) of the offered replies, untimed.
    pub fn choose(&mut self, option: usize) -> Result<(), ChoiceError> {
        self.take(option, None)
    }

    /// Choose the `option`-th (1-based) reply `millis` of game time after the line appeared:
    /// the scenario's pressure drains patience first. Refused once a ringing phone's caller
    /// has given up (call [`Session::time_out`] then).
    pub fn choose_timed(&mut self, option: usize, millis: u32) -> Result<(), ChoiceError> {
        if let Some(deadline_ms) = self.deadline_ms()
            && millis >= deadline_ms
            && !self.is_finished()
        {
            return Err(ChoiceError::TooLate { deadline_ms });
        }
        self.take(option, Some(millis))
    }

    /// The ringing phone's caller gives up: the node's `unanswered` reply is taken, timed at the
    /// deadline. Returns false (and does nothing) when no phone rings here.
    pub fn time_out(&mut self) -> bool {
        let (Some(deadline), Some(ring)) = (self.deadline_ms(), self.ring()) else { return false };
        let Some(i) = self.offered.iter().position(|&r| r == ring.unanswered) else { return false };
        self.take(i + 1, Some(deadline)).is_ok()
    }

    /// The option number the ringing phone's `unanswered` reply has here, if a phone rings.
    fn unanswered_option(&self) -> Option<usize> {
        let ring = self.ring()?;
        self.offered.iter().position(|&r| r == ring.unanswered).map(|i| i + 1)
    }

    fn take(&mut self, option: usize, millis: Option<u32>) -> Result<(), ChoiceError> {
        let Target::Node(n) = self.pos.at else { return Err(ChoiceError::Finished) };
        let Some(&reply) = option.checked_sub(1).and_then(|i| self.offered.get(i)) else {
            return Err(ChoiceError::OutOfRange { chosen: option, available: self.offered.len() });
        };
        let here = millis.map_or(self.pos, |ms| hesitate(&self.scenario, &self.pos, ms));
        let next = step(&self.scenario, &self.transcript.facts, &here, reply);
        self.transcript.turns.push(Turn {
            node: n as u32,
            line: self.line,
            reply: reply as u16,
            option: option as u16,
            before: here.meters,
            after: next.meters,
            known_before: here.known,
            millis,
        });
        self.pos = next;
        self.arrive();
        Ok(())
    }

    /// The phone ringing at the current node, if any.
    pub fn ring(&self) -> Option<&crate::scenario::Ring> {
        match self.pos.at {
            Target::Node(n) => self.scenario.nodes[n].ring.as_ref(),
            Target::Ending(_) => None,
        }
    }

    /// Game-time milliseconds after the line appeared when the ringing phone's caller gives up.
    pub fn deadline_ms(&self) -> Option<u32> {
        self.ring().map(|r| r.deadline_ms())
    }

    /// The meters as they stand `millis` after the line appeared, with the hesitation drain.
    pub fn meters_at(&self, millis: u32) -> Meters {
        hesitate(&self.scenario, &self.pos, millis).meters.into()
    }

    /// True when the scenario drains patience while the trainee hesitates.
    pub fn under_pressure(&self) -> bool {
        self.scenario.pressure.is_some()
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The current position.
    pub fn position(&self) -> &Position {
        &self.pos
    }

    /// The customer's current line (an ending's closing line once finished).
    pub fn line(&self) -> &Line {
        let s = &self.scenario;
        let lines = match self.pos.at {
            Target::Node(n) => &s.nodes[n].says,
            Target::Ending(e) => &s.endings[e].says,
        };
        &lines[usize::from(self.line).min(lines.len().saturating_sub(1))]
    }

    /// The customer's current words, with fact placeholders filled in.
    pub fn customer_says(&self) -> String {
        self.scenario.fill(&self.line().text, &self.transcript.facts)
    }

    /// The replies offered now, in option order (option 1 first).
    pub fn options(&self) -> impl Iterator<Item = &Reply> {
        let replies: &[Reply] = match self.pos.at {
            Target::Node(n) => &self.scenario.nodes[n].replies,
            Target::Ending(_) => &[],
        };
        self.offered.iter().map(move |&i| &replies[i])
    }

    /// The offered replies' texts as the trainee reads them, `{fact}` placeholders filled.
    pub fn option_texts(&self) -> impl Iterator<Item = String> + '_ {
        self.options().map(|r| self.scenario.fill(&r.text, &self.transcript.facts))
    }

    /// How many replies are offered now.
    pub fn option_count(&self) -> usize {
        self.offered.len()
    }

    /// The customer's meters.
    pub fn meters(&self) -> Meters {
        self.pos.meters.into()
    }

    /// The facts learned so far, with their values.
    pub fn learned(&self) -> impl Iterator<Item = (&FactDef, i64)> {
        self.scenario
            .facts
            .iter()
            .zip(&self.transcript.facts)
            .enumerate()
            .filter(|(i, _)| self.pos.known & (1u64 << i) != 0)
            .map(|(_, (f, v))| (f, *v))
    }

    /// The ending reached, once finished.
    pub fn ending(&self) -> Option<&Ending> {
        match self.pos.at {
            Target::Ending(e) => self.scenario.endings.get(e),
            Target::Node(_) => None,
        }
    }

    /// True once an ending is reached.
    pub fn is_finished(&self) -> bool {
        matches!(self.pos.at, Target::Ending(_))
    }

    /// Replies given so far.
    pub fn turn(&self) -> u16 {
        self.pos.turn
    }

    /// The record of the conversation so far.
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }
}
