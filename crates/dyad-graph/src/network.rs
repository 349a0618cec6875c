//! Signed graphs per window from dyads, and what they reveal: double games, "enemy of
//! my enemy" tensions and ties that changed between windows.
//!
//! ## The signing rule
//! Both directions of a pair are combined first (A→B and B→A events are added
//! together: counts, Goldstein sums, evidence), because balance theory is about
//! undirected ties. Of the pair's counted events, those of quad classes 1–2 are
//! cooperation and 3–4 conflict. With `share = cooperation / (cooperation + conflict)`:
//! the tie is positive if `share >= positive_share`, else negative if
//! `1 - share >= negative_share`, else ambiguous and dropped (counted in
//! [`WindowGraph::ambiguous`]). Pairs with fewer than `min_events` events are dropped.
//! The weight (>= 0, kept apart from the sign) is the number of events or the absolute
//! Goldstein sum.

use crate::dyads::{DyadStats, Dyads, FastMap, Nodes, Window};
use crate::{Sign, SignedGraph};
use dyad_model::Date;
use serde::Serialize;

/// What a tie's weight measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WeightBy {
    Events,
    Goldstein,
}

/// Thresholds of the signing rule (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SignRule {
    pub positive_share: f64,
    pub negative_share: f64,
    pub min_events: u32,
    pub weight: WeightBy,
}

impl Default for SignRule {
    fn default() -> Self {
        SignRule {
            positive_share: 0.6,
            negative_share: 0.6,
            min_events: 1,
            weight: WeightBy::Events,
        }
    }
}

impl SignRule {
    /// The sign for these combined events, or `None` when too few or ambiguous.
    pub fn sign(&self, stats: &DyadStats) -> Option<Sign> {
        let (coop, conflict) = (stats.cooperation(), stats.conflict());
        let total = coop + conflict;
        if total == 0 || total < self.min_events {
            return None;
        }
        let share = f64::from(coop) / f64::from(total);
        if share >= self.positive_share {
            Some(Sign::Positive)
        } else if 1.0 - share >= self.negative_share {
            Some(Sign::Negative)
        } else {
            None
        }
    }

    pub fn weight_of(&self, stats: &DyadStats) -> f64 {
        match self.weight {
            WeightBy::Events => f64::from(stats.events()),
            WeightBy::Goldstein => stats.goldstein_sum().abs(),
        }
    }
}

/// An undirected signed tie in one window, between node ids `a < b` of [`Dyads::nodes`].
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    pub a: u32,
    pub b: u32,
    pub sign: Sign,
    pub weight: f64,
    /// Both directions combined.
    pub stats: DyadStats,
}

/// The signed graph of one window.
#[derive(Clone, Debug)]
pub struct WindowGraph {
    pub window: Window,
    pub start: Date,
    pub ties: Vec<Tie>,
    /// Pairs dropped as ambiguous or below `min_events`.
    pub ambiguous: usize,
}

impl WindowGraph {
    pub fn label(&self) -> String {
        self.window.label(self.start)
    }

    pub fn end(&self) -> Date {
        self.window.end(self.start)
    }

    /// The window as a [`SignedGraph`] with node names, for the balance analytics.
    pub fn signed_graph(&self, nodes: &Nodes) -> SignedGraph {
        let mut g = SignedGraph::new();
        for t in &self.ties {
            let (u, v) = (g.node(nodes.name(t.a)), g.node(nodes.name(t.b)));
            g.add_edge(u, v, t.sign)
                .expect("ties are unique pairs of distinct nodes");
        }
        g
    }

    fn tie_index(&self) -> FastMap<(u32, u32), usize> {
        self.ties
            .iter()
            .enumerate()
            .map(|(i, t)| ((t.a, t.b), i))
            .collect()
    }
}

/// One signed graph per window, in window order.
pub fn window_graphs(dyads: &Dyads, rule: &SignRule) -> Vec<WindowGraph> {
    let mut pairs: FastMap<(i32, u32, u32), DyadStats> = FastMap::default();
    for (key, stats) in dyads.iter() {
        let (a, b) = (key.source.min(key.target), key.source.max(key.target));
        pairs
            .entry((key.window_start, a, b))
            .or_default()
            .merge(stats);
    }
    let mut windows: FastMap<i32, WindowGraph> = FastMap::default();
    for ((start, a, b), mut stats) in pairs {
        stats.event_ids.sort_unstable();
        let graph = windows.entry(start).or_insert_with(|| WindowGraph {
            window: dyads.options.window,
            start: Date::from_days(i64::from(start)),
            ties: Vec::new(),
            ambiguous: 0,
        });
        match rule.sign(&stats) {
            Some(sign) => graph.ties.push(Tie {
                a,
                b,
                sign,
                weight: rule.weight_of(&stats),
                stats,
            }),
            None => graph.ambiguous += 1,
        }
    }
    let mut out: Vec<WindowGraph> = windows.into_values().collect();
    out.sort_by_key(|w| w.start);
    for w in &mut out {
        w.ties.sort_by(|x, y| {
            (dyads.nodes.name(x.a), dyads.nodes.name(x.b))
                .cmp(&(dyads.nodes.name(y.a), dyads.nodes.name(y.b)))
        });
    }
    out
}

/// Actor `actor` cooperates with both `partners` while they fight each other.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoubleGame {
    pub window: String,
    pub actor: String,
    pub partners: [String; 2],
    /// The weakest of the three ties' weights: how well the whole pattern is evidenced.
    pub score: f64,
    /// Events behind the two cooperative ties and the conflict, sorted.
    pub evidence: Vec<i64>,
}

/// Double games in one window, strongest evidence first.
pub fn double_games(graph: &WindowGraph, nodes: &Nodes) -> Vec<DoubleGame> {
    let index = graph.tie_index();
    let tie = |x: u32, y: u32| index.get(&(x.min(y), x.max(y))).map(|&i| &graph.ties[i]);
    let mut friends: FastMap<u32, Vec<u32>> = FastMap::default();
    for t in graph.ties.iter().filter(|t| t.sign == Sign::Positive) {
        friends.entry(t.a).or_default().push(t.b);
        friends.entry(t.b).or_default().push(t.a);
    }
    let mut found = Vec::new();
    for (&actor, partners) in &friends {
        for (i, &b) in partners.iter().enumerate() {
            for &c in &partners[i + 1..] {
                let Some(fight) = tie(b, c).filter(|t| t.sign == Sign::Negative) else {
                    continue;
                };
                let (ab, ac) = (
                    tie(actor, b).expect("friend"),
                    tie(actor, c).expect("friend"),
                );
                let mut evidence: Vec<i64> = [ab, ac, fight]
                    .iter()
                    .flat_map(|t| t.stats.event_ids.iter().copied())
                    .collect();
                evidence.sort_unstable();
                evidence.dedup();
                let mut pair = [nodes.name(b).to_string(), nodes.name(c).to_string()];
                pair.sort();
                found.push(DoubleGame {
                    window: graph.label(),
                    actor: nodes.name(actor).to_string(),
                    partners: pair,
                    score: ab.weight.min(ac.weight).min(fight.weight),
                    evidence,
                });
            }
        }
    }
    found.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| y.evidence.len().cmp(&x.evidence.len()))
            .then_with(|| (&x.actor, &x.partners).cmp(&(&y.actor, &y.partners)))
    });
    found
}

/// What an unbalanced or open triad points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pressure {
    /// Two enemies of a common enemy have no tie yet, or all three fight: the enemy of
    /// my enemy is my friend.
    LikelyAlliance,
    /// A friend of my enemy (or two friends of one actor fighting): a tie under strain.
    LikelyRift,
}

/// A triad under balance pressure: `pair` is the tie (existing or missing) expected to
/// change, `via` the third actor(s) creating the pressure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tension {
    pub window: String,
    /// `open` (the pair has no tie) or `closed` (an unbalanced triangle).
    pub kind: &'static str,
    pub pair: [String; 2],
    pub via: Vec<String>,
    pub pressure: Pressure,
    /// Number of third actors pointing the same way.
    pub support: usize,
    pub evidence: Vec<i64>,
}

/// "Enemy of my enemy" analysis of one window. Open triads: a pair without a tie that
/// shares an enemy (→ alliance) or where one's friend is the other's enemy (→ rift),
/// aggregated over all third actors, reported only when every path agrees. Closed
/// unbalanced triangles: `---` points at an alliance of the pair with the weakest
/// conflict; `++-` at a rift along the conflict.
pub fn tensions(graph: &WindowGraph, nodes: &Nodes) -> Vec<Tension> {
    let index = graph.tie_index();
    let tie = |x: u32, y: u32| index.get(&(x.min(y), x.max(y))).map(|&i| &graph.ties[i]);
    let mut neighbours: FastMap<u32, Vec<u32>> = FastMap::default();
    for t in &graph.ties {
        neighbours.entry(t.a).or_default().push(t.b);
        neighbours.entry(t.b).or_default().push(t.a);
    }
    // (pair) -> (alliance paths, rift paths, vias, evidence)
    type Paths = (usize, usize, Vec<u32>, Vec<i64>);
    let mut open: FastMap<(u32, u32), Paths> = FastMap::default();
    let mut closed = Vec::new();
    for (&via, around) in &neighbours {
        for (i, &x) in around.iter().enumerate() {
            for &y in &around[i + 1..] {
                let (tx, ty) = (tie(via, x).expect("tie"), tie(via, y).expect("tie"));
                let key = (x.min(y), x.max(y));
                match tie(x, y) {
                    None => {
                        if tx.sign == Sign::Positive && ty.sign == Sign::Positive {
                            continue;
                        }
                        let entry = open.entry(key).or_default();
                        if tx.sign.times(ty.sign) == Sign::Positive {
                            entry.0 += 1;
                        } else {
                            entry.1 += 1;
                        }
                        entry.2.push(via);
                        entry.3.extend(&tx.stats.event_ids);
                        entry.3.extend(&ty.stats.event_ids);
                    }
                    Some(txy) => {
                        // Each triangle once: from its smallest corner as `via`.
                        if via > x || via > y {
                            continue;
                        }
                        let signs = [tx.sign, ty.sign, txy.sign];
                        let negatives = signs.iter().filter(|s| s.is_negative()).count();
                        let mut evidence: Vec<i64> = [tx, ty, txy]
                            .iter()
                            .flat_map(|t| t.stats.event_ids.iter().copied())
                            .collect();
                        evidence.sort_unstable();
                        evidence.dedup();
                        let edges = [(via, x, tx), (via, y, ty), (x, y, txy)];
                        let (pressure, (p, q, _)) = match negatives {
                            3 => (
                                Pressure::LikelyAlliance,
                                *edges
                                    .iter()
                                    .min_by(|a, b| a.2.weight.total_cmp(&b.2.weight))
                                    .expect("three edges"),
                            ),
                            1 => (
                                Pressure::LikelyRift,
                                *edges.iter().find(|e| e.2.sign.is_negative()).expect("one"),
                            ),
                            _ => continue,
                        };
                        let third = [via, x, y]
                            .into_iter()
                            .find(|&n| n != p && n != q)
                            .expect("three corners");
                        let mut pair = [nodes.name(p).to_string(), nodes.name(q).to_string()];
                        pair.sort();
                        closed.push(Tension {
                            window: graph.label(),
                            kind: "closed",
                            pair,
                            via: vec![nodes.name(third).to_string()],
                            pressure,
                            support: 1,
                            evidence,
                        });
                    }
                }
            }
        }
    }
    let mut found: Vec<Tension> = open
        .into_iter()
        .filter_map(|((x, y), (alliance, rift, vias, mut evidence))| {
            let pressure = match (alliance, rift) {
                (a, 0) if a > 0 => Pressure::LikelyAlliance,
                (0, r) if r > 0 => Pressure::LikelyRift,
                _ => return None,
            };
            evidence.sort_unstable();
            evidence.dedup();
            let mut via: Vec<String> = vias.iter().map(|&v| nodes.name(v).to_string()).collect();
            via.sort();
            let mut pair = [nodes.name(x).to_string(), nodes.name(y).to_string()];
            pair.sort();
            Some(Tension {
                window: graph.label(),
                kind: "open",
                pair,
                support: via.len(),
                via,
                pressure,
                evidence,
            })
        })
        .collect();
    found.extend(closed);
    found.sort_by(|a, b| {
        b.support
            .cmp(&a.support)
            .then_with(|| b.evidence.len().cmp(&a.evidence.len()))
            .then_with(|| (&a.pair, &a.via).cmp(&(&b.pair, &b.via)))
    });
    found
}

/// How a tie changed from one window to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    NewAlliance,
    NewEnmity,
    /// Was negative, now positive.
    Reconciled,
    /// Was positive, now negative.
    Broke,
    /// Present before, absent now.
    Ended,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub from_window: String,
    pub to_window: String,
    pub pair: [String; 2],
    pub kind: ChangeKind,
    /// Events of the tie in the later window (in the earlier one for `ended`).
    pub evidence: Vec<i64>,
}

/// Ties that appeared, flipped sign or ended between each pair of consecutive windows.
pub fn changes(windows: &[WindowGraph], nodes: &Nodes) -> Vec<Change> {
    let mut out = Vec::new();
    for pair in windows.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let (ib, ia) = (before.tie_index(), after.tie_index());
        let names = |t: &Tie| {
            let mut p = [nodes.name(t.a).to_string(), nodes.name(t.b).to_string()];
            p.sort();
            p
        };
        let mut push = |t: &Tie, kind| {
            out.push(Change {
                from_window: before.label(),
                to_window: after.label(),
                pair: names(t),
                kind,
                evidence: t.stats.event_ids.clone(),
            })
        };
        for t in &after.ties {
            let kind = match (ib.get(&(t.a, t.b)).map(|&i| before.ties[i].sign), t.sign) {
                (None, Sign::Positive) => ChangeKind::NewAlliance,
                (None, Sign::Negative) => ChangeKind::NewEnmity,
                (Some(Sign::Negative), Sign::Positive) => ChangeKind::Reconciled,
                (Some(Sign::Positive), Sign::Negative) => ChangeKind::Broke,
                _ => continue,
            };
            push(t, kind);
        }
        for t in &before.ties {
            if !ia.contains_key(&(t.a, t.b)) {
                push(t, ChangeKind::Ended);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dyads::tests::{actor, event};
    use crate::dyads::{aggregate, DyadOptions, Level};
    use dyad_model::{DateRange, Event};

    fn dated(mut e: Event, day: &str) -> Event {
        e.date = Some(DateRange::day(Date::parse(day).unwrap()));
        e
    }

    /// RUS aids AFG and supplies TAL; AFG and TAL fight (twice); USA talks to AFG.
    fn scene() -> Vec<Event> {
        let rus = actor("RUSGOV", Some("RUS"), None);
        let afg = actor("AFGGOV", Some("AFG"), None);
        let tal = actor("TAL", Some("TAL"), None);
        let usa = actor("USAGOV", Some("USA"), None);
        vec![
            dated(event(rus.clone(), afg.clone(), 2, 7.4), "2016-02-01"),
            dated(event(rus.clone(), tal.clone(), 2, 7.4), "2016-02-02"),
            dated(event(tal.clone(), afg.clone(), 4, -10.0), "2016-02-03"),
            dated(event(afg.clone(), tal.clone(), 4, -10.0), "2016-02-04"),
            dated(event(usa.clone(), afg.clone(), 1, 3.0), "2016-02-05"),
            // March: the US turns on Russia's ally; Russia and Afghanistan fall out.
            dated(event(usa.clone(), tal.clone(), 4, -9.0), "2016-03-01"),
            dated(event(rus.clone(), afg.clone(), 3, -4.0), "2016-03-02"),
            dated(event(usa, afg, 1, 3.0), "2016-03-03"),
        ]
    }

    fn graphs(events: &[Event]) -> (Dyads, Vec<WindowGraph>) {
        let dyads = aggregate(
            events
                .iter()
                .enumerate()
                .map(|(i, e)| (i as i64 + 1, None, e)),
            DyadOptions {
                level: Level::Country,
                ..DyadOptions::default()
            },
        );
        let windows = window_graphs(&dyads, &SignRule::default());
        (dyads, windows)
    }

    #[test]
    fn both_directions_combine_into_one_signed_tie() {
        let (dyads, windows) = graphs(&scene());
        assert_eq!(windows.len(), 2);
        let feb = &windows[0];
        assert_eq!(feb.label(), "2016-02");
        let (afg, tal) = (
            dyads.nodes.get("AFG").unwrap(),
            dyads.nodes.get("TAL").unwrap(),
        );
        let t = feb
            .ties
            .iter()
            .find(|t| (t.a.min(t.b), t.a.max(t.b)) == (afg.min(tal), afg.max(tal)))
            .unwrap();
        assert_eq!((t.sign, t.weight), (Sign::Negative, 2.0));
        assert_eq!(t.stats.event_ids, vec![3, 4]);
    }

    #[test]
    fn sign_rule_thresholds_and_minimum() {
        let mut stats = DyadStats::default();
        stats.counts[0] = [1, 1, 1, 0];
        let rule = SignRule::default();
        assert_eq!(rule.sign(&stats), Some(Sign::Positive)); // 2/3 >= 0.6
        stats.counts[0] = [1, 0, 1, 0];
        assert_eq!(rule.sign(&stats), None); // 1/2: ambiguous
        let strict = SignRule {
            min_events: 3,
            ..rule
        };
        assert_eq!(strict.sign(&stats), None);
        stats.counts[0] = [0, 0, 2, 1];
        assert_eq!(strict.sign(&stats), Some(Sign::Negative));
    }

    #[test]
    fn double_game_found_with_evidence() {
        let (dyads, windows) = graphs(&scene());
        let games = double_games(&windows[0], &dyads.nodes);
        assert_eq!(games.len(), 1);
        assert_eq!(games[0].actor, "RUS");
        assert_eq!(games[0].partners, ["AFG".to_string(), "TAL".to_string()]);
        assert_eq!(games[0].evidence, vec![1, 2, 3, 4]);
        assert_eq!(games[0].score, 1.0);
    }

    #[test]
    fn tensions_open_and_closed() {
        let (dyads, windows) = graphs(&scene());
        let feb = tensions(&windows[0], &dyads.nodes);
        // Closed ++- (RUS with AFG and TAL): rift along AFG-TAL.
        let closed = feb.iter().find(|t| t.kind == "closed").unwrap();
        assert_eq!(closed.pressure, Pressure::LikelyRift);
        assert_eq!(closed.pair, ["AFG".to_string(), "TAL".to_string()]);
        // Open: USA is friends with AFG, whose enemy is TAL -> USA-TAL rift.
        let open = feb
            .iter()
            .find(|t| t.kind == "open" && t.pair == ["TAL".to_string(), "USA".to_string()])
            .unwrap();
        assert_eq!(open.pressure, Pressure::LikelyRift);
        assert_eq!(open.via, vec!["AFG".to_string()]);
    }

    #[test]
    fn changes_between_windows() {
        let (dyads, windows) = graphs(&scene());
        let all = changes(&windows, &dyads.nodes);
        let find = |a: &str, b: &str| {
            all.iter()
                .find(|c| c.pair == [a.to_string(), b.to_string()])
                .map(|c| c.kind)
        };
        assert_eq!(find("AFG", "RUS"), Some(ChangeKind::Broke));
        assert_eq!(find("TAL", "USA"), Some(ChangeKind::NewEnmity));
        assert_eq!(find("AFG", "TAL"), Some(ChangeKind::Ended));
        assert_eq!(find("AFG", "USA"), None);
    }
}
