//! Speed of dictionary loading (release build): `cargo bench -p dyad-actors --bench load`.
//!
//! Loads dyad's own dictionaries, then those plus the Phoenix files from ../shared
//! (when present), several times each, and reports the best and the median of the
//! thread's on-CPU time (Linux `/proc/thread-self/schedstat`; wall time is reported
//! too, but on a shared machine it mostly measures the other work). A third line loads
//! the people dictionaries twice over (under other ids) to show how the load scales as
//! they grow.

use dyad_actors::{Dictionaries, DEFAULT_FILES};
use dyad_model::fixtures::shared_dir;
use std::path::Path;
use std::time::Instant;

const RUNS: usize = 15;

/// Nanoseconds this thread has run on a CPU, where the kernel tells.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn load_ours(dicts: &mut Dictionaries) {
    for (name, text) in DEFAULT_FILES {
        dicts.load_str(name, text);
    }
}

/// The people files again with every id renamed: half as many people once more.
fn load_more_people(dicts: &mut Dictionaries) {
    for (name, text) in DEFAULT_FILES {
        if name.contains("people-") {
            let renamed = text.replace("@person ", "@person extra.");
            dicts.load_str(&format!("{name} (copy)"), &renamed);
        }
    }
}

/// Runs `load` RUNS times; prints best and median CPU and wall time and returns the
/// number of records loaded.
fn measure(label: &str, load: impl Fn() -> Dictionaries) {
    let mut cpu = Vec::new();
    let mut wall = Vec::new();
    let mut records = 0;
    for _ in 0..RUNS {
        let c = cpu_ns();
        let t = Instant::now();
        let dicts = load();
        wall.push(t.elapsed().as_secs_f64() * 1e3);
        if let (Some(a), Some(b)) = (cpu_ns(), c) {
            cpu.push((a - b) as f64 / 1e6);
        }
        records = dicts.entries().len();
        drop(dicts);
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).map_or("n/a".to_string(), |m| {
            format!("best {:.1} ms, median {m:.1} ms", v[0])
        })
    };
    println!(
        "{label}: {records} records; CPU {}; wall {}",
        stats(&mut cpu),
        stats(&mut wall)
    );
}

fn main() {
    measure("load ours", || {
        let mut d = Dictionaries::new();
        load_ours(&mut d);
        d
    });
    measure("load ours + people x2", || {
        let mut d = Dictionaries::new();
        load_ours(&mut d);
        load_more_people(&mut d);
        d
    });
    let phoenix = shared_dir()
        .map(|s| s.join("anchors/petrarch2"))
        .filter(|d| d.is_dir());
    let Some(dir) = phoenix else {
        println!("load ours + Phoenix: SKIPPED (../shared/anchors/petrarch2 absent)");
        return;
    };
    let load_all = |dir: &Path| {
        let mut d = Dictionaries::new();
        load_ours(&mut d);
        d.load_phoenix_dir(dir).expect("Phoenix dictionaries");
        d
    };
    measure("load ours + Phoenix", || load_all(&dir));
    measure("load Phoenix alone", || {
        let mut d = Dictionaries::new();
        d.load_phoenix_dir(&dir).expect("Phoenix dictionaries");
        d
    });
}
