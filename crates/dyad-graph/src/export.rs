//! Writers for graph tools: GEXF 1.3 (dynamic, for Gephi's timeline) and GraphML.

use crate::dyads::Nodes;
use crate::network::WindowGraph;
use std::collections::BTreeMap;
use std::io::{self, Write};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// All windows as one dynamic GEXF 1.3 graph: each node and edge carries one spell per
/// window it appears in (start and end dates inclusive), and each edge's `sign`,
/// `weight` and `events` are dynamic attributes valid over those spells.
pub fn write_gexf(windows: &[WindowGraph], nodes: &Nodes, out: &mut impl Write) -> io::Result<()> {
    let mut node_spells: BTreeMap<u32, Vec<(String, String)>> = BTreeMap::new();
    // (a, b) -> per window: (start, end, sign, weight, events)
    type EdgeSpell = (String, String, i8, f64, u32);
    let mut edge_spells: BTreeMap<(u32, u32), Vec<EdgeSpell>> = BTreeMap::new();
    for w in windows {
        let (start, end) = (w.start.to_string(), w.end().to_string());
        let mut present = std::collections::BTreeSet::new();
        for t in &w.ties {
            present.insert(t.a);
            present.insert(t.b);
            edge_spells.entry((t.a, t.b)).or_default().push((
                start.clone(),
                end.clone(),
                t.sign.as_i8(),
                t.weight,
                t.stats.events(),
            ));
        }
        for n in present {
            node_spells
                .entry(n)
                .or_default()
                .push((start.clone(), end.clone()));
        }
    }
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(
        out,
        "  <meta><creator>dyad</creator><description>Signed tie per window: sign +1 cooperation, -1 conflict</description></meta>"
    )?;
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">"#
    )?;
    writeln!(out, r#"    <attributes class="edge" mode="dynamic">"#)?;
    writeln!(
        out,
        r#"      <attribute id="sign" title="sign" type="integer"/>"#
    )?;
    writeln!(
        out,
        r#"      <attribute id="weight" title="weight" type="double"/>"#
    )?;
    writeln!(
        out,
        r#"      <attribute id="events" title="events" type="integer"/>"#
    )?;
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for (n, spells) in &node_spells {
        writeln!(
            out,
            r#"      <node id="n{n}" label="{}">"#,
            escape(nodes.name(*n))
        )?;
        writeln!(out, "        <spells>")?;
        for (s, e) in spells {
            writeln!(out, r#"          <spell start="{s}" end="{e}"/>"#)?;
        }
        writeln!(out, "        </spells>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, ((a, b), spells)) in edge_spells.iter().enumerate() {
        writeln!(out, r#"      <edge id="e{i}" source="n{a}" target="n{b}">"#)?;
        writeln!(out, "        <attvalues>")?;
        for (s, e, sign, weight, events) in spells {
            for (key, value) in [
                ("sign", sign.to_string()),
                ("weight", weight.to_string()),
                ("events", events.to_string()),
            ] {
                writeln!(
                    out,
                    r#"          <attvalue for="{key}" value="{value}" start="{s}" end="{e}"/>"#
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "        <spells>")?;
        for (s, e, ..) in spells {
            writeln!(out, r#"          <spell start="{s}" end="{e}"/>"#)?;
        }
        writeln!(out, "        </spells>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// One GraphML `<graph>` per window (id = window label, with `start`/`end` data), edges
/// carrying `sign`, `weight` and `events`.
pub fn write_graphml(
    windows: &[WindowGraph],
    nodes: &Nodes,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, kind) in [
        ("label", "node", "string"),
        ("start", "graph", "string"),
        ("end", "graph", "string"),
        ("sign", "edge", "int"),
        ("weight", "edge", "double"),
        ("events", "edge", "int"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{target}" attr.name="{id}" attr.type="{kind}"/>"#
        )?;
    }
    for w in windows {
        writeln!(
            out,
            r#"  <graph id="{}" edgedefault="undirected">"#,
            escape(&w.label())
        )?;
        writeln!(out, r#"    <data key="start">{}</data>"#, w.start)?;
        writeln!(out, r#"    <data key="end">{}</data>"#, w.end())?;
        let present: std::collections::BTreeSet<u32> =
            w.ties.iter().flat_map(|t| [t.a, t.b]).collect();
        for n in present {
            writeln!(
                out,
                r#"    <node id="n{n}"><data key="label">{}</data></node>"#,
                escape(nodes.name(n))
            )?;
        }
        for t in &w.ties {
            writeln!(
                out,
                r#"    <edge source="n{}" target="n{}"><data key="sign">{}</data><data key="weight">{}</data><data key="events">{}</data></edge>"#,
                t.a,
                t.b,
                t.sign.as_i8(),
                t.weight,
                t.stats.events()
            )?;
        }
        writeln!(out, "  </graph>")?;
    }
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dyads::{DyadStats, Window};
    use crate::network::Tie;
    use crate::Sign;
    use dyad_model::Date;

    fn sample() -> (Nodes, Vec<WindowGraph>) {
        let mut nodes = Nodes::default();
        let (a, b) = (nodes.intern("R&D <Corp>"), nodes.intern("AFG"));
        let mut stats = DyadStats::default();
        stats.counts[0] = [0, 0, 2, 0];
        let window = |start: &str, sign| WindowGraph {
            window: Window::Month,
            start: Date::parse(start).unwrap(),
            ties: vec![Tie {
                a,
                b,
                sign,
                weight: 2.0,
                stats: stats.clone(),
            }],
            ambiguous: 0,
        };
        (
            nodes,
            vec![
                window("2016-02-01", Sign::Negative),
                window("2016-03-01", Sign::Positive),
            ],
        )
    }

    #[test]
    fn gexf_has_spells_and_dynamic_sign() {
        let (nodes, windows) = sample();
        let mut buf = Vec::new();
        write_gexf(&windows, &nodes, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains(r#"label="R&amp;D &lt;Corp&gt;""#));
        assert!(text.contains(r#"<spell start="2016-02-01" end="2016-02-29"/>"#));
        assert!(text
            .contains(r#"<attvalue for="sign" value="-1" start="2016-02-01" end="2016-02-29"/>"#));
        assert!(text
            .contains(r#"<attvalue for="sign" value="1" start="2016-03-01" end="2016-03-31"/>"#));
        assert_eq!(text.matches("<edge ").count(), 1);
    }

    #[test]
    fn graphml_has_one_graph_per_window() {
        let (nodes, windows) = sample();
        let mut buf = Vec::new();
        write_graphml(&windows, &nodes, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.matches("<graph ").count(), 2);
        assert!(text.contains(r#"<graph id="2016-03" edgedefault="undirected">"#));
        assert!(text.contains(r#"<data key="sign">-1</data>"#));
    }
}
