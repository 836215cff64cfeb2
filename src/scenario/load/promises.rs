//! The named promises of a scenario: their declarations, the ids replies, nodes and endings name
//! in `promises`, `keeps` and `breaks`, and the pseudo-act that tells the analyser a reply moves
//! a promise.

use super::Checker;
use crate::cond::Cond;
use crate::rules::ActSet;
use crate::scenario::raw::{RawPromise, RawReply};
use crate::scenario::{Ending, FactDef, MAX_PROMISES, Node, Promise, PromiseMoves, PromiseSet, Target, suggest};

impl Checker<'_> {
    /// The scenario's promises, each checked: unique id, at most [`MAX_PROMISES`], a
    /// `deliverable` that reads facts only.
    pub(super) fn promises(&mut self, raw: &[RawPromise], facts: &[FactDef]) -> Vec<Promise> {
        if raw.len() > MAX_PROMISES {
            let at = self.map.find_key_after(0, "promises");
            self.error(at, format!("{} promises declared; at most {MAX_PROMISES} are supported", raw.len()));
        }
        raw.iter()
            .map(|p| {
                let at = self.declare("promise", &p.id);
                let deliverable = p.deliverable.as_ref().map(|c| {
                    let cond = self.cond(c, facts, at, &format!("promise `{}`", p.id));
                    let mut reads_state = false;
                    cond.for_each_leaf(&mut |l| reads_state |= !matches!(l, Cond::Fact { .. }));
                    if reads_state {
                        self.error(
                            at,
                            format!(
                                "promise `{}`: `deliverable` may only test facts (`Fact(...)`), not meters or what is known",
                                p.id
                            ),
                        );
                    }
                    cond
                });
                Promise { id: p.id.clone(), about: p.about, says: p.says.clone(), deliverable }
            })
            .collect()
    }

    /// What a reply makes, keeps and breaks.
    pub(super) fn reply_moves(&mut self, r: &RawReply, promises: &[Promise], anchor: Option<usize>) -> PromiseMoves {
        PromiseMoves {
            made: self.promise_set(&r.promises, promises, &r.id, "promises", anchor),
            kept: self.promise_set(&r.keeps, promises, &r.id, "keeps", anchor),
            broken: self.promise_set(&r.breaks, promises, &r.id, "breaks", anchor),
        }
    }

    /// Resolve promise ids named under `key` (`promises`, `keeps`, `breaks`) of `owner`.
    fn promise_set(
        &mut self,
        ids: &[String],
        promises: &[Promise],
        owner: &str,
        key: &str,
        anchor: Option<usize>,
    ) -> PromiseSet {
        let mut set = PromiseSet::default();
        for id in ids {
            match promises.iter().position(|p| p.id == *id) {
                Some(i) => set.insert(i),
                None => {
                    let names: Vec<&str> = promises.iter().map(|p| p.id.as_str()).collect();
                    let at = self.map.find_quoted_after(anchor.unwrap_or(0), id).or(anchor);
                    let hint = if names.is_empty() {
                        " (declare it in the scenario's `promises`)".to_string()
                    } else {
                        suggest(id, &names)
                    };
                    self.error(at, format!("`{owner}` {key} unknown promise `{id}`{hint}"));
                }
            }
        }
        set
    }

    /// What arriving at a node or ending keeps and breaks.
    pub(super) fn settles(
        &mut self,
        keeps: &[String],
        breaks: &[String],
        promises: &[Promise],
        owner: &str,
        anchor: Option<usize>,
    ) -> PromiseMoves {
        PromiseMoves {
            made: PromiseSet::default(),
            kept: self.promise_set(keeps, promises, owner, "keeps", anchor),
            broken: self.promise_set(breaks, promises, owner, "breaks", anchor),
        }
    }
}

/// Give [`ActSet::PROMISE_MOVE`] to every reply that makes, keeps or breaks a promise, itself
/// or through a node or ending it can lead to.
pub(super) fn mark_promise_moves(nodes: &mut [Node], endings: &[Ending]) {
    let settles = |t: Target, nodes: &[Node]| match t {
        Target::Node(i) => nodes.get(i).is_some_and(|n| !n.settles.is_empty()),
        Target::Ending(i) => endings.get(i).is_some_and(|e| !e.settles.is_empty()),
    };
    let marked: Vec<Vec<bool>> = nodes
        .iter()
        .map(|n| n.replies.iter().map(|r| !r.promises.is_empty() || r.targets().any(|t| settles(t, nodes))).collect())
        .collect();
    for (n, marks) in nodes.iter_mut().zip(marked) {
        for (r, marked) in n.replies.iter_mut().zip(marks) {
            if marked {
                r.acts.insert(ActSet::PROMISE_MOVE);
            }
        }
    }
}
