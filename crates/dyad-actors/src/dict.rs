//! The loaded dictionaries: records of every kind, their ids and the alias index.

use crate::entry::{Entry, Kind};
use crate::fold::FxMap;
use crate::format::{self, Diagnostic};
use crate::import::{self, Source};
use crate::index::{is_caps_alias, is_title_case, Form, Hit, Index, Scratch};
use std::collections::hash_map::Entry as Slot;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Why a dictionary could not be read at all (problems inside a file are
/// [`Diagnostic`]s instead).
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: no dictionary files found (expected *.dyad)")]
    EmptyDir { path: PathBuf },
}

/// dyad's default dictionaries, compiled into the binary.
pub const DEFAULT_FILES: [(&str, &str); 11] = [
    (
        "dict/countries.dyad",
        include_str!("../dict/countries.dyad"),
    ),
    (
        "dict/organisations.dyad",
        include_str!("../dict/organisations.dyad"),
    ),
    ("dict/groups.dyad", include_str!("../dict/groups.dyad")),
    (
        "dict/people-americas-europe.dyad",
        include_str!("../dict/people-americas-europe.dyad"),
    ),
    (
        "dict/people-russia-eurasia.dyad",
        include_str!("../dict/people-russia-eurasia.dyad"),
    ),
    (
        "dict/people-middle-east.dyad",
        include_str!("../dict/people-middle-east.dyad"),
    ),
    (
        "dict/people-asia.dyad",
        include_str!("../dict/people-asia.dyad"),
    ),
    (
        "dict/people-africa.dyad",
        include_str!("../dict/people-africa.dyad"),
    ),
    (
        "dict/people-international.dyad",
        include_str!("../dict/people-international.dyad"),
    ),
    (
        "dict/people-armed-groups.dyad",
        include_str!("../dict/people-armed-groups.dyad"),
    ),
    ("dict/agents.dyad", include_str!("../dict/agents.dyad")),
];

/// The Phoenix files `load_phoenix_dir` reads, and how.
pub const PHOENIX_FILES: [(&str, bool); 4] = [
    ("Phoenix.Countries.actors.txt", false),
    ("Phoenix.International.actors.txt", false),
    ("Phoenix.MilNonState.actors.txt", false),
    ("Phoenix.agents.txt", true),
];

/// Everything loaded: dyad's own files, user files and imported files.
#[derive(Clone, Debug)]
pub struct Dictionaries {
    entries: Vec<Entry>,
    ids: FxMap<(Kind, String), u32>,
    index: Index,
    /// CAMEO or ISO3 country code → ISO3.
    countries: HashMap<String, String>,
    /// Codes of our own groups and organisations → the record.
    own_codes: FxMap<String, u32>,
    /// Codes of imported groups and organisations → how many records use them.
    imported_codes: FxMap<String, u32>,
}

impl Default for Dictionaries {
    fn default() -> Self {
        Dictionaries::new()
    }
}

static DEFAULTS: OnceLock<(Arc<Dictionaries>, Vec<Diagnostic>)> = OnceLock::new();

fn defaults_once() -> &'static (Arc<Dictionaries>, Vec<Diagnostic>) {
    DEFAULTS.get_or_init(|| {
        let mut dicts = Dictionaries::new();
        let mut diags = Vec::new();
        for (name, text) in DEFAULT_FILES {
            diags.extend(dicts.load_str(name, text));
        }
        (Arc::new(dicts), diags)
    })
}

impl Dictionaries {
    /// No dictionaries at all (to load only user or imported files).
    pub fn new() -> Dictionaries {
        Dictionaries {
            entries: Vec::new(),
            ids: FxMap::default(),
            index: Index::new(),
            countries: HashMap::new(),
            own_codes: FxMap::default(),
            imported_codes: FxMap::default(),
        }
    }

    /// dyad's default dictionaries, parsed once per process and shared.
    pub fn defaults() -> Arc<Dictionaries> {
        defaults_once().0.clone()
    }

    /// What loading the default dictionaries reported (empty when they are clean).
    pub fn default_diagnostics() -> &'static [Diagnostic] {
        &defaults_once().1
    }

    /// A copy of the defaults to add user or imported files to.
    pub fn with_defaults() -> Dictionaries {
        (*defaults_once().0).clone()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, kind: Kind, id: &str) -> Option<&Entry> {
        self.ids
            .get(&(kind, id.to_string()))
            .map(|&i| &self.entries[i as usize])
    }

    pub(crate) fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// ISO3 of a CAMEO or ISO3 country code known to the loaded dictionaries.
    pub fn country_iso3(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(String::as_str)
    }

    /// The country, group or organisation a role or reference names: an ISO3/CAMEO
    /// country code or a group/organisation id.
    pub fn find_actor(&self, id: &str) -> Option<&Entry> {
        if let Some(iso) = self.countries.get(id) {
            if let Some(e) = self.get(Kind::Country, iso) {
                return Some(e);
            }
            if let Some(e) = self
                .entries
                .iter()
                .find(|e| e.kind == Kind::Country && e.iso3.as_deref() == Some(iso.as_str()))
            {
                return Some(e);
            }
        }
        self.get(Kind::Group, id)
            .or_else(|| self.get(Kind::Org, id))
    }

    /// Loads a file in dyad's format from text; `file` names it in diagnostics.
    /// Records with errors are left out and reported.
    pub fn load_str(&mut self, file: &str, text: &str) -> Vec<Diagnostic> {
        let file: Arc<str> = Arc::from(file);
        let (entries, mut diags) = format::parse(&file, text);
        self.add(entries, false, &mut diags);
        diags
    }

    /// Loads a file in dyad's format.
    pub fn load_file(&mut self, path: &Path) -> Result<Vec<Diagnostic>, DictError> {
        let text = read(path)?;
        Ok(self.load_str(&path.display().to_string(), &text))
    }

    /// Loads every `*.dyad` file of a directory, in name order.
    pub fn load_dir(&mut self, dir: &Path) -> Result<Vec<Diagnostic>, DictError> {
        let io = |source| DictError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "dyad"))
            .collect();
        if files.is_empty() {
            return Err(DictError::EmptyDir {
                path: dir.to_path_buf(),
            });
        }
        files.sort();
        let mut diags = Vec::new();
        for f in files {
            diags.extend(self.load_file(&f)?);
        }
        Ok(diags)
    }

    /// Imports a PETRARCH/Phoenix actor file (`Phoenix.Countries.actors.txt`...).
    pub fn import_phoenix_actors(&mut self, path: &Path) -> Result<Vec<Diagnostic>, DictError> {
        self.import(path, Source::Phoenix)
    }

    /// Imports a PETRARCH/Phoenix agent file (`Phoenix.agents.txt`).
    pub fn import_phoenix_agents(&mut self, path: &Path) -> Result<Vec<Diagnostic>, DictError> {
        self.import(path, Source::Phoenix)
    }

    /// Imports a TABARI `.actors` file (or a TABARI agents file: `[~GOV]` codes become
    /// agents either way).
    pub fn import_tabari_actors(&mut self, path: &Path) -> Result<Vec<Diagnostic>, DictError> {
        self.import(path, Source::Tabari)
    }

    /// Imports the Phoenix actor and agent files found in `dir` (see [`PHOENIX_FILES`]).
    pub fn load_phoenix_dir(&mut self, dir: &Path) -> Result<Vec<Diagnostic>, DictError> {
        let mut diags = Vec::new();
        let mut found = false;
        for (name, agents) in PHOENIX_FILES {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            found = true;
            diags.extend(if agents {
                self.import_phoenix_agents(&path)?
            } else {
                self.import_phoenix_actors(&path)?
            });
        }
        if !found {
            return Err(DictError::EmptyDir {
                path: dir.to_path_buf(),
            });
        }
        Ok(diags)
    }

    /// Imports PETRARCH/TABARI-format text; `file` names it in diagnostics.
    pub fn import_str(&mut self, file: &str, text: &str, tabari: bool) -> Vec<Diagnostic> {
        let file: Arc<str> = Arc::from(file);
        let source = if tabari {
            Source::Tabari
        } else {
            Source::Phoenix
        };
        let (entries, mut diags) = import::parse(&file, text, source);
        self.add(entries, true, &mut diags);
        diags
    }

    fn import(&mut self, path: &Path, source: Source) -> Result<Vec<Diagnostic>, DictError> {
        // Community files carry stray Latin-1 bytes; read them leniently.
        let bytes = std::fs::read(path).map_err(|source| DictError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(self.import_str(&path.display().to_string(), &text, source == Source::Tabari))
    }

    fn add(&mut self, entries: Vec<Entry>, imported: bool, diags: &mut Vec<Diagnostic>) {
        // Large imports: size the tables once instead of growing them step by step.
        let aliases: usize = entries.iter().map(|e| e.aliases.len() + 1).sum();
        self.entries.reserve(entries.len());
        self.ids.reserve(entries.len());
        self.index.reserve(aliases);
        let mut scratch = Scratch::default();
        for mut entry in entries {
            let n = self.entries.len() as u32;
            match self.ids.entry((entry.kind, entry.id.clone())) {
                Slot::Vacant(slot) => {
                    slot.insert(n);
                }
                Slot::Occupied(_) if imported => {
                    // Imported files repeat phrases; keep both under distinct ids.
                    entry.id = format!("{}.{}", entry.id, entry.origin.line);
                    self.ids.insert((entry.kind, entry.id.clone()), n);
                }
                Slot::Occupied(first) => {
                    let first = &self.entries[*first.get() as usize];
                    diags.push(Diagnostic::error(
                        &entry.origin.file,
                        entry.origin.line,
                        format!(
                            "duplicate id `@{} {}`: already defined at {}",
                            entry.kind, entry.id, first.origin
                        ),
                    ));
                    continue;
                }
            }
            if entry.kind == Kind::Country {
                let iso = entry.iso3.clone().unwrap_or_else(|| entry.id.clone());
                let cameo = entry.code.clone().unwrap_or_else(|| entry.id.clone());
                self.countries.entry(iso.clone()).or_insert(iso.clone());
                self.countries.entry(cameo).or_insert(iso);
            }
            if imported {
                if matches!(entry.kind, Kind::Group | Kind::Org) {
                    for code in &entry.codes {
                        *self.imported_codes.entry(code.code.clone()).or_default() += 1;
                    }
                }
            } else if let (Kind::Group | Kind::Org, Some(code)) = (entry.kind, &entry.code) {
                self.own_codes.entry(code.clone()).or_insert(n);
            }
            self.register(n, &entry, imported, &mut scratch);
            self.entries.push(entry);
        }
    }

    fn register(&mut self, n: u32, entry: &Entry, imported: bool, scratch: &mut Scratch) {
        let kind_rank = match entry.kind {
            Kind::Person => 0,
            Kind::Group => 1,
            Kind::Org => 2,
            Kind::Country => 3,
            Kind::Agent => 4,
        };
        let rank = kind_rank + if imported { 8 } else { 0 };
        // Generic roles are written in lower or title case alike ("Prime Minister").
        let agent = entry.kind == Kind::Agent;
        let hit = |alias: &str, form: Form| {
            // "the AU" is the acronym `AU`, not the word "au".
            let bare = alias
                .strip_prefix("the ")
                .or_else(|| alias.strip_prefix("The "))
                .unwrap_or(alias);
            Hit {
                entry: n,
                form,
                caps_only: if imported {
                    // Imported phrases are all upper-case; only short single words
                    // (`UN`, `US`) are treated as acronyms.
                    !alias.contains(' ') && alias.chars().filter(|c| c.is_alphabetic()).count() <= 3
                } else {
                    is_caps_alias(bare)
                },
                capitals: !imported && !agent && is_title_case(bare),
                rank,
            }
        };
        let index = &mut self.index;
        if !imported {
            index.insert(&entry.name, hit(&entry.name, Form::Name), scratch);
        }
        for a in &entry.aliases {
            index.insert(a, hit(a, Form::Alias), scratch);
        }
        for a in &entry.stems {
            index.insert_stem(a, hit(a, Form::Alias), scratch);
        }
        for a in &entry.adjectives {
            index.insert(a, hit(a, Form::Adjective), scratch);
        }
        for a in &entry.demonyms {
            index.insert(a, hit(a, Form::Demonym), scratch);
        }
        for seat in &entry.seats {
            let sector = entry
                .seat_sectors
                .iter()
                .position(|(s, _)| s == seat)
                .map(|i| i as u16);
            index.insert(seat, hit(seat, Form::Seat(sector)), scratch);
        }
    }

    /// The group id of an imported group or organisation code, where the code says
    /// which one it is: the id of our own record with that code (`AFGINSTAL` →
    /// `taliban`), else the lower-case code when it names a specific group
    /// (country or `IMG`, sector, group: nine letters or more) and only one imported
    /// record uses it (codes shared by many records, such as `GRCREB`, are categories).
    pub(crate) fn imported_group(&self, code: &str) -> Option<String> {
        if let Some(&own) = self.own_codes.get(code) {
            return Some(self.entries[own as usize].id.clone());
        }
        let specific = code.len() >= 9 && code.bytes().all(|b| b.is_ascii_uppercase());
        (specific && self.imported_codes.get(code) == Some(&1)).then(|| code.to_ascii_lowercase())
    }

    /// Warnings for references to records that are not loaded: role actors, group
    /// parents, organisation members and home countries.
    pub fn check_references(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for e in &self.entries {
            let file = &e.origin.file;
            for r in &e.roles {
                if self.find_actor(&r.actor).is_none() {
                    diags.push(Diagnostic::warning(
                        file,
                        r.line,
                        format!(
                            "@person {}: role actor `{}` is not a loaded country, group or organisation",
                            e.id, r.actor
                        ),
                    ));
                }
            }
            if let Some(p) = &e.parent {
                if self.get(Kind::Group, p).is_none() && self.get(Kind::Org, p).is_none() {
                    diags.push(Diagnostic::warning(
                        file,
                        e.origin.line,
                        format!("@{} {}: parent `{p}` is not a loaded group", e.kind, e.id),
                    ));
                }
            }
            for c in e.country.iter().chain(&e.members) {
                if !self.countries.contains_key(c) {
                    diags.push(Diagnostic::warning(
                        file,
                        e.origin.line,
                        format!(
                            "@{} {}: country `{c}` is not a loaded country",
                            e.kind, e.id
                        ),
                    ));
                }
            }
        }
        diags
    }
}

fn read(path: &Path) -> Result<String, DictError> {
    let bytes = std::fs::read(path).map_err(|source| DictError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| DictError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}
