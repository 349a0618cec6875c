//! Regression against the signed-network reference values in ../shared/anchors/signed
//! (skipped, visibly, when ../shared is absent).

use dyad_graph::{frustration, triad_census, walk_balance, FrustrationOptions, SignedGraph};
use dyad_model::fixtures::shared_dir_or_skip;
use std::path::Path;
use std::time::Duration;

fn load(path: &Path) -> SignedGraph {
    let text = std::fs::read_to_string(path).unwrap();
    SignedGraph::from_csv(&text, &path.display().to_string()).unwrap()
}

fn csv_rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn highland_tribes_index_partition_and_balance_scores() {
    let Some(path) = shared_dir_or_skip("highland_tribes", "anchors/signed/highland_tribes.csv")
    else {
        return;
    };
    let g = load(&path);
    let f = frustration(&g, &FrustrationOptions::default());
    assert!(f.exact);
    assert_eq!(f.index, 7);
    let mut minority: Vec<&str> = (0..g.node_count() as u32)
        .filter(|&v| {
            f.partition[v as usize] != f.partition[g.node_index("Asaro").unwrap() as usize]
        })
        .map(|v| g.name(v))
        .collect();
    minority.sort_unstable();
    assert_eq!(minority, ["Gama", "Gavev", "Kotun", "Nagad"]);
    let census = triad_census(&g);
    assert_eq!(
        (census.ppp, census.ppn, census.pnn, census.nnn),
        (19, 2, 40, 7)
    );
    assert!((census.balance_ratio().unwrap() - 0.8676471).abs() < 1e-6);
    assert!((walk_balance(&g).unwrap() - 0.3575761).abs() < 1e-6);
}

#[test]
fn correlates_of_war_windows_match_reference_values() {
    let Some(dir) = shared_dir_or_skip("correlates_of_war", "anchors/signed/cow_doreian_mrvar")
    else {
        return;
    };
    let reference = dir.parent().unwrap().join("reference_values.csv");
    let mut checked = 0;
    for row in csv_rows(&reference) {
        let file = &row["file"];
        let path = if file.starts_with("cow_") {
            dir.join(file)
        } else {
            dir.parent().unwrap().join(file)
        };
        let g = load(&path);
        let num = |k: &str| row[k].parse::<f64>().unwrap();
        assert_eq!(g.node_count() as f64, num("nodes"), "{file}");
        assert_eq!(g.edge_count() as f64, num("edges"), "{file}");
        let f = frustration(&g, &FrustrationOptions::default());
        assert!(f.exact, "{file}");
        assert_eq!(f.index as f64, num("frustration_index_L"), "{file}");
        let c = triad_census(&g);
        let counts = [c.ppp, c.ppn, c.pnn, c.nnn].map(|x| x as f64);
        assert_eq!(
            counts,
            [
                num("tri_ppp"),
                num("tri_ppn"),
                num("tri_pnn"),
                num("tri_nnn")
            ],
            "{file}"
        );
        assert!((c.balance_ratio().unwrap() - num("triangle_balance_ratio")).abs() < 1e-6);
        assert!((walk_balance(&g).unwrap() - num("walk_balance_K_beta1")).abs() < 1e-6);
        checked += 1;
    }
    assert_eq!(checked, 52);
}

#[test]
fn synthetic_random_instances_solve_exactly() {
    let Some(dir) = shared_dir_or_skip("synthetic_random", "anchors/signed/synthetic") else {
        return;
    };
    for row in csv_rows(&dir.join("reference.csv")) {
        let g = load(&dir.join(&row["file"]));
        let want: usize = row["frustration_index_L"].parse().unwrap();
        let options = FrustrationOptions {
            time_limit: Some(Duration::from_secs(120)),
            ..FrustrationOptions::default()
        };
        let started = std::time::Instant::now();
        let f = frustration(&g, &options);
        eprintln!(
            "{}: L={} lower={} exact={} nodes={} in {:.2?}",
            row["file"],
            f.index,
            f.lower_bound,
            f.exact,
            f.branch_nodes,
            started.elapsed()
        );
        assert!(f.lower_bound <= want && want <= f.index, "{}", row["file"]);
        assert!(f.exact, "{} not proved within the limit", row["file"]);
        assert_eq!(f.index, want, "{}", row["file"]);
    }
}
