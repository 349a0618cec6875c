//! Signed networks from events: directed dyads per time window, signed graphs per
//! window, and their analytics — triad census, triangle and walk balance, the exact
//! frustration index with an optimal bipartition (and a fast heuristic with a proven
//! gap for large graphs), double games, "enemy of my enemy" tensions and change
//! between windows — plus GEXF and GraphML writers.
//!
//! It reads events through an iterator of `(event id, document date, &Event)`; it does
//! not store, fetch or code them (the CLI streams them from the store).

mod balance;
mod dyads;
mod eigen;
mod export;
mod frustration;
mod network;
mod signed;

pub use balance::{
    balance_report, for_each_triangle, triad_census, walk_balance, BalanceReport, TriadCensus,
    WALK_BALANCE_MAX_NODES,
};
pub use dyads::{
    aggregate, ClaimFilter, DyadKey, DyadOptions, DyadStats, Dyads, Level, Nodes, Skipped, Window,
};
pub use export::{write_gexf, write_graphml};
pub use frustration::{frustration, Frustration, FrustrationOptions};
pub use network::{
    changes, double_games, tensions, window_graphs, Change, ChangeKind, DoubleGame, Pressure,
    SignRule, Tension, Tie, WeightBy, WindowGraph,
};
pub use signed::{EdgeRejected, Sign, SignedEdge, SignedGraph};

/// Errors reading graph input.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("{input} line {line}: {message}")]
    EdgeList {
        input: String,
        line: usize,
        message: String,
    },
}
