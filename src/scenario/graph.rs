//! Graph checks over a scenario's nodes, ignoring conditions (every branch counts as possible).

use super::{Scenario, Target};

/// What the graph checks found.
#[derive(Debug, Default)]
pub(super) struct GraphReport {
    /// Nodes no path from the start reaches.
    pub unreachable_nodes: Vec<usize>,
    /// Endings nothing leads to.
    pub unreachable_endings: Vec<usize>,
    /// Reachable nodes from which no ending can be reached.
    pub stuck_nodes: Vec<usize>,
    /// One cycle among reachable nodes, if any.
    pub cycle: Option<Vec<usize>>,
}

fn targets(s: &Scenario, node: usize) -> impl Iterator<Item = Target> + '_ {
    s.nodes[node].replies.iter().flat_map(|r| r.branches.iter().map(|b| b.1).chain(std::iter::once(r.to)))
}

/// Run every graph check.
pub(super) fn inspect(s: &Scenario) -> GraphReport {
    let n = s.nodes.len();
    let mut reached = vec![false; n];
    let mut ending_reached = vec![false; s.endings.len()];
    let mut stack = vec![s.start];
    reached[s.start] = true;
    while let Some(i) = stack.pop() {
        for t in targets(s, i) {
            match t {
                Target::Node(j) if !reached[j] => {
                    reached[j] = true;
                    stack.push(j);
                }
                Target::Ending(e) => ending_reached[e] = true,
                Target::Node(_) => {}
            }
        }
    }
    let lowers_patience =
        s.nodes.iter().any(|n| n.replies.iter().any(|r| r.effect.patience < 0)) || s.customer.meters[1] == 0;
    if let Some(e) = s.on_patience_lost
        && lowers_patience
    {
        ending_reached[e] = true;
    }
    let cycle = find_cycle(s, &reached);
    if let Some((_, e)) = s.turn_limit
        && cycle.is_some()
    {
        ending_reached[e] = true;
    }

    // Nodes that can reach an ending: fixed point over the reverse relation.
    let mut can_end = vec![false; n];
    loop {
        let mut changed = false;
        for i in 0..n {
            if !can_end[i]
                && targets(s, i).any(|t| match t {
                    Target::Ending(_) => true,
                    Target::Node(j) => can_end[j],
                })
            {
                can_end[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    GraphReport {
        unreachable_nodes: (0..n).filter(|&i| !reached[i]).collect(),
        unreachable_endings: (0..s.endings.len()).filter(|&e| !ending_reached[e]).collect(),
        stuck_nodes: (0..n).filter(|&i| reached[i] && !can_end[i]).collect(),
        cycle,
    }
}

fn find_cycle(s: &Scenario, among: &[bool]) -> Option<Vec<usize>> {
    // Iterative three-colour DFS; returns the nodes of the first back edge's cycle.
    let n = s.nodes.len();
    let mut colour = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut path: Vec<usize> = Vec::new();
    for root in (0..n).filter(|&i| among[i]) {
        if colour[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(root, node_targets(s, root))];
        colour[root] = 1;
        path.push(root);
        while let Some((node, next)) = stack.last_mut() {
            if let Some(j) = next.pop() {
                match colour[j] {
                    0 => {
                        colour[j] = 1;
                        path.push(j);
                        let t = node_targets(s, j);
                        stack.push((j, t));
                    }
                    1 => {
                        let from = path.iter().position(|&p| p == j).unwrap_or(0);
                        return Some(path[from..].to_vec());
                    }
                    _ => {}
                }
            } else {
                colour[*node] = 2;
                path.pop();
                stack.pop();
            }
        }
    }
    None
}

fn node_targets(s: &Scenario, node: usize) -> Vec<usize> {
    let mut v: Vec<usize> = targets(s, node)
        .filter_map(|t| match t {
            Target::Node(j) => Some(j),
            Target::Ending(_) => None,
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v.reverse();
    v
}
