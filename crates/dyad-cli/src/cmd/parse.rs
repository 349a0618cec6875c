//! `dyad parse`, `dyad eval-parse` and `dyad train-parser`: the tokenizer, tagger and
//! parser of `dyad-parse` on files.

use crate::Context;
use anyhow::Context as _;
use dyad_model::{Component, Document};
use dyad_parse::conllu::{parse_conllu, write_conllu, ConlluSentence};
use dyad_parse::train::{train, TrainOptions};
use dyad_parse::{Decoding, Parser};
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseFormat {
    Conllu,
    Json,
}

#[derive(clap::Args)]
pub struct ParseArgs {
    /// UTF-8 text file to parse (`-` for standard input).
    file: PathBuf,
    /// `conllu`: CoNLL-U; `json`: one JSON object per sentence, with byte spans.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    format: ParseFormat,
    /// A model file written by `dyad train-parser` instead of the built-in one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Parse with beam search of this width (more accurate, slower; 8 is the
    /// accuracy mode) instead of greedily.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: Option<u16>,
}

fn load_parser(model: Option<&Path>, beam: Option<u16>) -> anyhow::Result<Parser> {
    let parser = match model {
        Some(path) => Parser::load(path)?,
        None => Parser::load_default()?,
    };
    Ok(parser.with_decoding(match beam {
        Some(width) => Decoding::Beam(usize::from(width)),
        None => Decoding::Greedy,
    }))
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

pub fn run_parse(args: ParseArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    let parser = load_parser(args.model.as_deref(), args.beam)?;
    let text = read_text(&args.file)?;
    let mut doc = Document::new(args.file.display().to_string(), text, None);
    doc.language = Some("en".to_string());
    parser.annotate(&mut doc);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ParseFormat::Conllu => out.write_all(write_conllu(&doc).as_bytes())?,
        ParseFormat::Json => {
            for (s, sentence) in doc.sentences.iter().enumerate() {
                let tokens: Vec<_> = doc
                    .sentence_tokens(s)
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        json!({
                            "id": i,
                            "form": doc.slice(t.span),
                            "span": t.span,
                            "lemma": t.lemma,
                            "upos": t.upos,
                            "xpos": t.xpos,
                            "head": t.head,
                            "deprel": t.deprel,
                        })
                    })
                    .collect();
                let line = json!({
                    "sentence": s,
                    "span": sentence.span,
                    "text": doc.slice(sentence.span),
                    "tokens": tokens,
                });
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct EvalParseArgs {
    /// Gold CoNLL-U file, or a directory whose `*.conllu` files are read in name order
    /// and concatenated.
    gold: PathBuf,
    /// A model file written by `dyad train-parser` instead of the built-in one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Parse with beam search of this width instead of greedily.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: Option<u16>,
}

fn read_gold(path: &Path) -> anyhow::Result<Vec<ConlluSentence>> {
    let files = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("listing {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
            .collect();
        files.sort();
        if files.is_empty() {
            anyhow::bail!("{}: no .conllu files", path.display());
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut sentences = Vec::new();
    for file in files {
        let text = read_text(&file)?;
        sentences.extend(parse_conllu(&text).with_context(|| file.display().to_string())?);
    }
    Ok(sentences)
}

pub fn run_eval_parse(args: EvalParseArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    let parser = load_parser(args.model.as_deref(), args.beam)?;
    let gold = read_gold(&args.gold)?;
    let report = dyad_parse::eval::evaluate(&parser, &gold);
    for (name, value) in report.lines() {
        println!("{name} {value:.2}");
    }
    println!("WORDS {}", report.words);
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct TrainParserArgs {
    /// UD English EWT directory (default: ../shared/treebanks/ud-english-ewt).
    #[arg(long)]
    treebank: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "crates/dyad-parse/model/en_ewt.dyadparse")]
    out: PathBuf,
    /// Maximum tagger epochs (the best on dev is kept).
    #[arg(long, default_value_t = 10)]
    tagger_epochs: usize,
    /// Maximum parser epochs (the best on dev is kept).
    #[arg(long, default_value_t = 20)]
    parser_epochs: usize,
    /// Maximum epochs of the beam model (the best on dev is kept).
    #[arg(long, default_value_t = 20)]
    beam_epochs: usize,
}

pub fn run_train_parser(args: TrainParserArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    let treebank = match args.treebank {
        Some(dir) => dir,
        None => dyad_model::fixtures::shared_dir()
            .map(|d| d.join("treebanks/ud-english-ewt"))
            .context("no --treebank given and ../shared is not present")?,
    };
    let mut options = TrainOptions::new(treebank);
    options.tagger_epochs = args.tagger_epochs;
    options.parser_epochs = args.parser_epochs;
    options.beam_epochs = args.beam_epochs;
    let started = std::time::Instant::now();
    let parser = train(&options, &mut |line: &str| {
        eprintln!("[{:>5.0}s] {line}", started.elapsed().as_secs_f64());
    })?;
    parser.save(&args.out)?;
    eprintln!("wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
