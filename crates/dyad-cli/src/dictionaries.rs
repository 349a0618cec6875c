//! Which actor dictionaries a command loads: dyad's defaults, the user's own files and
//! the community's (Phoenix/PETRARCH, TABARI). Shared by every command that resolves
//! actors, so `--dict`, `--phoenix` and `--no-defaults` mean the same everywhere.

use anyhow::bail;
use dyad_actors::{Diagnostic, Dictionaries};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The dictionary options of a command.
#[derive(clap::Args)]
pub struct DictionarySources {
    /// Add a dictionary in dyad's format: a file or a folder of *.dyad files (repeatable).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Also load the Phoenix (PETRARCH-2) actor and agent dictionaries from this folder.
    #[arg(long, value_name = "DIR")]
    pub phoenix: Option<PathBuf>,
    /// Leave out dyad's default dictionaries.
    #[arg(long)]
    pub no_defaults: bool,
}

impl DictionarySources {
    /// Loads the chosen dictionaries. Warnings go to stderr; an error in the user's own
    /// files stops the command, since silently dropping their records would code
    /// their actors wrongly.
    pub fn load(&self) -> anyhow::Result<Arc<Dictionaries>> {
        if self.dicts.is_empty() && self.phoenix.is_none() {
            if self.no_defaults {
                bail!("--no-defaults needs --dict or --phoenix");
            }
            return Ok(Dictionaries::defaults());
        }
        let mut dicts = if self.no_defaults {
            Dictionaries::new()
        } else {
            Dictionaries::with_defaults()
        };
        let mut own = Vec::new();
        for path in &self.dicts {
            own.extend(load_path(&mut dicts, path, false)?);
        }
        for d in &own {
            eprintln!("{d}");
        }
        let own_errors = own.iter().filter(|d| d.is_error()).count();
        if own_errors > 0 {
            bail!("{own_errors} error(s) in the --dict files; records with errors are not loaded");
        }
        if let Some(dir) = &self.phoenix {
            // The community files carry a few malformed lines; they are skipped.
            let skipped = dicts
                .load_phoenix_dir(dir)?
                .iter()
                .filter(|d| d.is_error())
                .count();
            if skipped > 0 {
                eprintln!(
                    "note: {skipped} malformed line(s) in {} skipped (`dyad actors check` lists them)",
                    dir.display()
                );
            }
        }
        Ok(Arc::new(dicts))
    }
}

/// Loads one file or folder. With `imports`, the reader is chosen by extension:
/// `.dyad` is dyad's format, `.actors`/`.agents` TABARI, anything else Phoenix (an
/// agents file when its name says so).
pub fn load_path(
    dicts: &mut Dictionaries,
    path: &Path,
    imports: bool,
) -> anyhow::Result<Vec<Diagnostic>> {
    if path.is_dir() {
        return Ok(dicts.load_dir(path)?);
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Ok(match ext {
        "dyad" => dicts.load_file(path)?,
        _ if !imports => dicts.load_file(path)?,
        "actors" | "agents" => dicts.import_tabari_actors(path)?,
        _ if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains("agents")) =>
        {
            dicts.import_phoenix_agents(path)?
        }
        _ => dicts.import_phoenix_actors(path)?,
    })
}
