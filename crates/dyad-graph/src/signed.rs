//! An undirected signed graph with named nodes, and its CSV edge-list reader.

use crate::GraphError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The sign of a tie: cooperation (`+1`) or conflict (`-1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    Positive,
    Negative,
}

impl Sign {
    pub fn as_i8(self) -> i8 {
        match self {
            Sign::Positive => 1,
            Sign::Negative => -1,
        }
    }

    pub fn is_negative(self) -> bool {
        self == Sign::Negative
    }

    /// The product of two signs ("the enemy of my enemy is my friend").
    pub fn times(self, other: Sign) -> Sign {
        if self == other {
            Sign::Positive
        } else {
            Sign::Negative
        }
    }
}

/// One undirected edge between node indices `u` and `v` (`u != v`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedEdge {
    pub u: u32,
    pub v: u32,
    pub sign: Sign,
}

/// An undirected signed simple graph: no self-loops, at most one edge per pair.
#[derive(Clone, Debug, Default)]
pub struct SignedGraph {
    names: Vec<String>,
    index: HashMap<String, u32>,
    edges: Vec<SignedEdge>,
    pairs: HashMap<(u32, u32), usize>,
}

impl SignedGraph {
    pub fn new() -> SignedGraph {
        SignedGraph::default()
    }

    /// The index of the node called `name`, adding it if new.
    pub fn node(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn node_index(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// Adds the edge `u`–`v`. Refuses self-loops and a second edge between the same pair,
    /// returning the index of the existing edge in that case.
    pub fn add_edge(&mut self, u: u32, v: u32, sign: Sign) -> Result<usize, EdgeRejected> {
        if u == v {
            return Err(EdgeRejected::SelfLoop);
        }
        let key = (u.min(v), u.max(v));
        if let Some(&existing) = self.pairs.get(&key) {
            return Err(EdgeRejected::Duplicate(existing));
        }
        self.pairs.insert(key, self.edges.len());
        self.edges.push(SignedEdge { u, v, sign });
        Ok(self.edges.len() - 1)
    }

    pub fn node_count(&self) -> usize {
        self.names.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    pub fn negative_edge_count(&self) -> usize {
        self.edges.iter().filter(|e| e.sign.is_negative()).count()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn name(&self, node: u32) -> &str {
        &self.names[node as usize]
    }

    pub fn edges(&self) -> &[SignedEdge] {
        &self.edges
    }

    /// The sign of the edge between `u` and `v`, if any.
    pub fn sign_between(&self, u: u32, v: u32) -> Option<Sign> {
        self.pairs
            .get(&(u.min(v), u.max(v)))
            .map(|&e| self.edges[e].sign)
    }

    /// Per node, its `(neighbour, edge index)` pairs.
    pub fn adjacency(&self) -> Vec<Vec<(u32, usize)>> {
        let mut adj = vec![Vec::new(); self.names.len()];
        for (i, e) in self.edges.iter().enumerate() {
            adj[e.u as usize].push((e.v, i));
            adj[e.v as usize].push((e.u, i));
        }
        adj
    }

    /// Reads a `source,target,sign` CSV edge list with a header row (column order free,
    /// extra columns ignored). Signs are `1`, `+1`, `+`, `-1` or `-`. `input` names the
    /// file in errors.
    pub fn from_csv(text: &str, input: &str) -> Result<SignedGraph, GraphError> {
        let err = |line: usize, message: String| GraphError::EdgeList {
            input: input.to_string(),
            line,
            message,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let (_, header) = lines.next().ok_or_else(|| {
            err(
                1,
                "empty file: expected a `source,target,sign` header".into(),
            )
        })?;
        let columns: Vec<String> = split_csv(header)
            .iter()
            .map(|c| c.trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        let column = |name: &str| {
            columns.iter().position(|c| c == name).ok_or_else(|| {
                err(
                    1,
                    format!(
                        "header {header:?} has no `{name}` column (expected source,target,sign)"
                    ),
                )
            })
        };
        let (cs, ct, cg) = (column("source")?, column("target")?, column("sign")?);
        let mut graph = SignedGraph::new();
        for (i, line) in lines {
            let fields = split_csv(line);
            let field = |c: usize| {
                fields
                    .get(c)
                    .map(|f| f.trim())
                    .filter(|f| !f.is_empty())
                    .ok_or_else(|| err(i + 1, format!("missing field {} in {line:?}", c + 1)))
            };
            let (s, t, g) = (field(cs)?, field(ct)?, field(cg)?);
            let sign = match g {
                "1" | "+1" | "+" | "1.0" => Sign::Positive,
                "-1" | "-" | "-1.0" => Sign::Negative,
                other => return Err(err(i + 1, format!("sign {other:?} is not 1 or -1"))),
            };
            let (u, v) = (graph.node(s), graph.node(t));
            match graph.add_edge(u, v, sign) {
                Ok(_) => {}
                Err(EdgeRejected::SelfLoop) => {
                    return Err(err(i + 1, format!("self-loop on {s:?}")))
                }
                Err(EdgeRejected::Duplicate(_)) => {
                    return Err(err(i + 1, format!("second edge between {s:?} and {t:?}")))
                }
            }
        }
        Ok(graph)
    }
}

/// Why [`SignedGraph::add_edge`] refused an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeRejected {
    SelfLoop,
    /// The pair already has the edge with this index.
    Duplicate(usize),
}

/// Splits one CSV line, honouring double quotes (RFC 4180, no embedded newlines).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    fields.push(current);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_edge_list_with_any_column_order() {
        let g = SignedGraph::from_csv("sign,target,source\n-1,B,A\n1,C,\"B\"\n", "t.csv").unwrap();
        assert_eq!(g.node_count(), 3);
        assert_eq!(g.edge_count(), 2);
        let (a, b) = (g.node_index("A").unwrap(), g.node_index("B").unwrap());
        assert_eq!(g.sign_between(b, a), Some(Sign::Negative));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = SignedGraph::from_csv("source,target,sign\nA,B,1\nA,C,2\n", "x.csv").unwrap_err();
        assert_eq!(e.to_string(), "x.csv line 3: sign \"2\" is not 1 or -1");
        let e = SignedGraph::from_csv("source,target,sign\nA,B,1\nB,A,-1\n", "x.csv").unwrap_err();
        assert!(e.to_string().contains("line 3: second edge"), "{e}");
        let e = SignedGraph::from_csv("from,to,sign\n", "x.csv").unwrap_err();
        assert!(e.to_string().contains("no `source` column"), "{e}");
        assert!(SignedGraph::from_csv("source,target,sign\nA,A,1\n", "x").is_err());
    }
}
