//! Locating the read-only `../shared` fixtures beside the repository, for tests and
//! measurements. Not used by the pipeline itself.
//!
//! Tests that need them call [`shared_dir_or_skip`], which prints a visible notice
//! when the folder is absent (on a user's machine) so a skipped check never looks
//! like a passed one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `$DYAD_SHARED` if set, else the `shared` folder beside the workspace root.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DYAD_SHARED") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // crates/dyad-model -> workspace root -> its parent.
    let candidate = manifest.parent()?.parent()?.parent()?.join("shared");
    candidate.is_dir().then_some(candidate)
}

/// The path `rel` inside `../shared`, or `None` after printing a skip notice for
/// `test` straight to stderr (bypassing the test harness's capture, so it shows).
pub fn shared_dir_or_skip(test: &str, rel: &str) -> Option<PathBuf> {
    match shared_dir().map(|d| d.join(rel)).filter(|p| p.exists()) {
        Some(path) => Some(path),
        None => {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: ../shared/{rel} is not present (only on the developers' machines and CI)"
            );
            None
        }
    }
}
