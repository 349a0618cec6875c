//! Reproducible training of the shipped model from UD English EWT.
//!
//! Training data is the official train split: every sentence of `sources-*.conllu`
//! whose document is listed in `files.train` (and whose id is in neither the dev nor
//! the test file). The dev file picks the number of epochs; the test file is never
//! read here. The parser is trained on tags predicted by taggers that did not see the
//! sentence (jackknifing), so it learns to cope with tagging errors. The few
//! non-projective training trees are made projective by lifting arcs rather than
//! skipped. The parser has two weight tables trained on the same trees: the greedy
//! model (local updates with the dynamic oracle) and the beam model (beam search
//! with max-violation updates). Everything is deterministic for a given seed.

use crate::arc_eager::{self, ArcEager, GoldTree, ParserWord, Rng};
use crate::conllu::{parse_conllu, ConlluError, ConlluSentence};
use crate::lemma::Lemmatizer;
use crate::model::{Decoding, ParseError, Parser};
use crate::perceptron::{Trainer, Weights};
use crate::tagger::{self, word_info, FirstPassTags, Lookahead, TaggedSentence, Tagger};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Conllu { path: String, source: ConlluError },
    #[error("treebank {path}: {message}")]
    Treebank { path: String, message: String },
    #[error(transparent)]
    Model(#[from] ParseError),
}

/// Training settings; [`TrainOptions::new`] gives the ones of the shipped model.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub treebank: PathBuf,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Epochs of global training for the beam model (the best on dev is kept).
    pub beam_epochs: usize,
    pub jackknife_folds: usize,
    pub seed: u64,
}

impl TrainOptions {
    pub fn new(treebank: PathBuf) -> TrainOptions {
        TrainOptions {
            treebank,
            tagger_epochs: 10,
            parser_epochs: 20,
            beam_epochs: 20,
            jackknife_folds: 4,
            seed: 20_241_115,
        }
    }
}

/// Parser features whose averaged weights all stay below this (at most a net update
/// or two in the whole training: mostly rare words in rare contexts) are left out of
/// the model: they are three quarters of all features, and without them the model is
/// half the size it has with a limit of 1 and lookups miss the cache less often, for
/// the same dev LAS (82.22 against 82.25). (The tagger keeps all of its own: it is
/// small, and they are worth 0.1 points of tagging accuracy on dev.)
const PARSER_MIN_ROW_WEIGHT: f32 = 2.0;

/// The beam model keeps the features one of whose averaged weights reaches this.
const BEAM_MIN_ROW_WEIGHT: f32 = 2.0;

/// Beam width of global training: decoding with a wider beam than training did
/// best on dev (see model/README.md).
const BEAM_TRAIN_WIDTH: usize = 4;

/// The tagger's second pass looks again at words whose first-pass margin is below
/// this (in weight units): a tenth of all words on dev, for nearly all the gain of
/// looking at every word (see model/README.md).
const RETAG_MARGIN: f32 = 20.0;

/// The second pass learns from the words whose (jackknifed) first-pass margin is
/// below this: the words it will see, and some more. Training on all words or on
/// exactly those below [`RETAG_MARGIN`] did a little worse on dev.
const LOOKAHEAD_TRAIN_MARGIN: f32 = 2.0 * RETAG_MARGIN;

fn read(path: &Path) -> Result<String, TrainError> {
    std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, TrainError> {
    parse_conllu(&read(path)?).map_err(|source| TrainError::Conllu {
        path: path.display().to_string(),
        source,
    })
}

/// "email/enronsent00_01.xml.conllu" -> "email-enronsent00_01".
fn document_id(file_entry: &str) -> String {
    file_entry
        .trim()
        .trim_end_matches(".conllu")
        .trim_end_matches(".xml")
        .replacen('/', "-", 1)
}

/// The official train split of EWT and its dev file.
pub fn load_ewt(dir: &Path) -> Result<(Vec<ConlluSentence>, Vec<ConlluSentence>), TrainError> {
    let treebank_error = |message: String| TrainError::Treebank {
        path: dir.display().to_string(),
        message,
    };
    let train_docs: HashSet<String> = read(&dir.join("files.train"))?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(document_id)
        .collect();
    let dev = read_conllu(&dir.join("en_ewt-ud-dev.conllu"))?;
    let held_out: HashSet<String> = dev
        .iter()
        .chain(read_conllu(&dir.join("en_ewt-ud-test.conllu"))?.iter())
        .filter_map(|s| s.sent_id.clone())
        .collect();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| TrainError::Io {
            path: dir.display().to_string(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("sources-") && n.ends_with(".conllu"))
        })
        .collect();
    sources.sort();
    if sources.is_empty() {
        return Err(treebank_error("no sources-*.conllu files".to_string()));
    }
    let mut train = Vec::new();
    let mut seen_docs = HashSet::new();
    for path in &sources {
        let mut current_doc = None;
        for sentence in read_conllu(path)? {
            if let Some(id) = &sentence.newdoc_id {
                current_doc = Some(id.clone());
            }
            let in_train = current_doc.as_ref().is_some_and(|d| train_docs.contains(d));
            let held = sentence
                .sent_id
                .as_ref()
                .is_some_and(|id| held_out.contains(id));
            if in_train && !held {
                seen_docs.insert(current_doc.clone().unwrap_or_default());
                train.push(sentence);
            }
        }
    }
    if seen_docs.len() != train_docs.len() {
        return Err(treebank_error(format!(
            "files.train lists {} documents but {} were found in sources-*.conllu",
            train_docs.len(),
            seen_docs.len()
        )));
    }
    Ok((train, dev))
}

fn joint_tag(w: &crate::conllu::ConlluWord) -> String {
    format!("{}\t{}", w.upos, w.xpos)
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

struct Vocabulary {
    tags: Vec<String>,
    tag_index: HashMap<String, u16>,
    labels: Vec<String>,
    label_index: HashMap<String, usize>,
}

impl Vocabulary {
    fn build(train: &[ConlluSentence]) -> Vocabulary {
        let mut tags: Vec<String> = train
            .iter()
            .flat_map(|s| s.words.iter().map(joint_tag))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        tags.sort();
        let mut labels: Vec<String> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        labels.sort();
        Vocabulary {
            tag_index: tags
                .iter()
                .enumerate()
                .map(|(i, t)| (t.clone(), i as u16))
                .collect(),
            label_index: labels
                .iter()
                .enumerate()
                .map(|(i, l)| (l.clone(), i))
                .collect(),
            tags,
            labels,
        }
    }

    fn tagged(&self, sentences: &[ConlluSentence]) -> Vec<TaggedSentence> {
        sentences
            .iter()
            .map(|s| TaggedSentence {
                words: s.words.iter().map(|w| word_info(&w.form)).collect(),
                // Tags unseen in training (dev only) count as errors: map to tag 0.
                tags: s
                    .words
                    .iter()
                    .map(|w| self.tag_index.get(&joint_tag(w)).copied().unwrap_or(0))
                    .collect(),
            })
            .collect()
    }
}

fn shuffled(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Joint tag and UPOS accuracy (per cent) of a tagger.
fn tagging_accuracy(tagger: &Tagger, sentences: &[TaggedSentence]) -> (f64, f64) {
    let upos = |t: u16| tagger.tags[usize::from(t)].split('\t').next();
    let (mut joint, mut universal, mut total) = (0usize, 0usize, 0usize);
    for s in sentences {
        let predicted = tagger.tag(&s.words);
        for (&a, &b) in predicted.iter().zip(&s.tags) {
            joint += usize::from(a == b);
            universal += usize::from(upos(a) == upos(b));
        }
        total += s.tags.len();
    }
    let total = total.max(1) as f64;
    (
        100.0 * joint as f64 / total,
        100.0 * universal as f64 / total,
    )
}

/// Trains a tagger's first pass for a fixed number of epochs, or (with `dev`) keeps
/// the epoch with the best dev accuracy. Returns the tagger and its number of epochs.
fn train_tagger(
    vocabulary: &Vocabulary,
    train: &[TaggedSentence],
    dev: Option<&[TaggedSentence]>,
    epochs: usize,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> (Tagger, usize) {
    let dictionary = tagger::build_dictionary(train);
    let lexicon = tagger::build_lexicon(train);
    let mut trainer = Trainer::default();
    let mut best: Option<(f64, usize, Tagger)> = None;
    for epoch in 1..=epochs {
        let order = shuffled(train.len(), rng);
        tagger::train_epoch(
            &mut trainer,
            vocabulary.tags.len(),
            &dictionary,
            &lexicon,
            train,
            &order,
        );
        if let Some(dev) = dev {
            let candidate = Tagger {
                weights: trainer.averaged(0.0),
                tags: vocabulary.tags.clone(),
                dictionary: dictionary.clone(),
                lexicon: lexicon.clone(),
                lookahead: None,
            };
            let (accuracy, upos) = tagging_accuracy(&candidate, dev);
            log(&format!(
                "tagger epoch {epoch}: dev joint tag accuracy {accuracy:.2}, UPOS {upos:.2}"
            ));
            if best.as_ref().is_none_or(|b| accuracy > b.0) {
                best = Some((accuracy, epoch, candidate));
            }
        }
    }
    match best {
        Some((_, epoch, tagger)) => (tagger, epoch),
        None => (
            Tagger {
                weights: trainer.averaged(0.0),
                tags: vocabulary.tags.clone(),
                dictionary,
                lexicon,
                lookahead: None,
            },
            epochs,
        ),
    }
}

/// Trains the second pass of `tagger` (whose first pass is trained) on `train`,
/// whose first-pass tags come from taggers that did not see the sentence. With
/// `dev`, keeps the epoch with the best dev accuracy. Returns the number of epochs.
fn train_lookahead(
    tagger: &mut Tagger,
    train: &[TaggedSentence],
    first_pass: &[FirstPassTags],
    dev: Option<&[TaggedSentence]>,
    epochs: usize,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> usize {
    let mut trainer = Trainer::default();
    let mut best: Option<(f64, usize, Weights)> = None;
    for epoch in 1..=epochs {
        let order = shuffled(train.len(), rng);
        tagger::train_lookahead_epoch(
            &mut trainer,
            tagger.tags.len(),
            &tagger.dictionary,
            &tagger.lexicon,
            train,
            first_pass,
            LOOKAHEAD_TRAIN_MARGIN,
            &order,
        );
        if let Some(dev) = dev {
            tagger.lookahead = Some(Lookahead::new(
                trainer.averaged(0.0),
                RETAG_MARGIN,
                &tagger.tags,
            ));
            let (accuracy, upos) = tagging_accuracy(tagger, dev);
            log(&format!(
                "tagger second pass epoch {epoch}: dev joint tag accuracy {accuracy:.2}, UPOS {upos:.2}"
            ));
            let weights = tagger.lookahead.take().expect("just set").weights;
            if best.as_ref().is_none_or(|b| accuracy > b.0) {
                best = Some((accuracy, epoch, weights));
            }
        }
    }
    let (weights, epochs) = match best {
        Some((_, epoch, weights)) => (weights, epoch),
        None => (trainer.averaged(0.0), epochs),
    };
    tagger.lookahead = Some(Lookahead::new(weights, RETAG_MARGIN, &tagger.tags));
    epochs
}

/// The sentences of `sentences` outside fold `fold` of `folds`.
fn outside_fold(sentences: &[TaggedSentence], fold: usize, folds: usize) -> Vec<TaggedSentence> {
    sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| i % folds != fold)
        .map(|(_, s)| TaggedSentence {
            words: s.words.clone(),
            tags: s.tags.clone(),
        })
        .collect()
}

/// Trains the tagger (both passes, epochs chosen on dev) and tags every training
/// sentence with taggers that did not see it (jackknifing, `folds` folds), for the
/// parser to learn from.
fn train_tagger_and_jackknife(
    vocabulary: &Vocabulary,
    train: &[TaggedSentence],
    dev: &[TaggedSentence],
    options: &TrainOptions,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> (Tagger, Vec<Vec<u16>>) {
    let folds = options.jackknife_folds.max(2);
    let (mut tagger, first_epochs) = train_tagger(
        vocabulary,
        train,
        Some(dev),
        options.tagger_epochs,
        rng,
        log,
    );
    log(&format!("tagger: best dev epoch {first_epochs}"));
    let mut fold_taggers = Vec::with_capacity(folds);
    let mut first_pass: Vec<Option<FirstPassTags>> = (0..train.len()).map(|_| None).collect();
    for fold in 0..folds {
        let rest = outside_fold(train, fold, folds);
        let (fold_tagger, _) = train_tagger(vocabulary, &rest, None, first_epochs, rng, log);
        for (i, s) in train.iter().enumerate() {
            if i % folds == fold {
                first_pass[i] = Some(fold_tagger.first_pass_tags(&s.words));
            }
        }
        fold_taggers.push(fold_tagger);
        log(&format!(
            "first pass: jackknife fold {} of {folds} tagged",
            fold + 1
        ));
    }
    let first_pass: Vec<FirstPassTags> = first_pass
        .into_iter()
        .map(|t| t.expect("every sentence is in a fold"))
        .collect();
    let second_epochs = train_lookahead(
        &mut tagger,
        train,
        &first_pass,
        Some(dev),
        options.tagger_epochs,
        rng,
        log,
    );
    log(&format!(
        "tagger second pass: best dev epoch {second_epochs}"
    ));
    let mut predicted = vec![Vec::new(); train.len()];
    for (fold, fold_tagger) in fold_taggers.iter_mut().enumerate() {
        let rest = outside_fold(train, fold, folds);
        let rest_first_pass: Vec<FirstPassTags> = first_pass
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, t)| FirstPassTags {
                tags: t.tags.clone(),
                margins: t.margins.clone(),
            })
            .collect();
        train_lookahead(
            fold_tagger,
            &rest,
            &rest_first_pass,
            None,
            second_epochs,
            rng,
            log,
        );
        for (i, s) in train.iter().enumerate() {
            if i % folds == fold {
                predicted[i] = fold_tagger.tag_for_parser_training(&s.words);
            }
        }
        log(&format!("jackknife fold {} of {folds} tagged", fold + 1));
    }
    (tagger, predicted)
}

/// Runs `run` for epochs 1..=`epochs`, each returning its dev LAS and weights, and
/// keeps the (LAS, epoch, weights) of the best one (the earliest on a tie); `None`
/// for no epochs.
fn best_epoch(
    epochs: usize,
    mut run: impl FnMut(usize) -> (f64, Weights),
) -> Option<(f64, usize, Weights)> {
    let mut best: Option<(f64, usize, Weights)> = None;
    for epoch in 1..=epochs {
        let (las, weights) = run(epoch);
        if best.as_ref().is_none_or(|b| las > b.0) {
            best = Some((las, epoch, weights));
        }
    }
    best
}

fn gold_tree(
    vocabulary: &Vocabulary,
    sentence: &ConlluSentence,
    tagged: &TaggedSentence,
    tags: &[u16],
) -> GoldTree {
    let mut heads = vec![usize::MAX];
    let mut labels = vec![usize::MAX];
    for w in &sentence.words {
        heads.push(w.head as usize);
        labels.push(vocabulary.label_index.get(&w.deprel).copied().unwrap_or(0));
    }
    GoldTree {
        words: tagged
            .words
            .iter()
            .zip(tags)
            .map(|(&info, &t)| ParserWord {
                info,
                tag: u64::from(t) + 1,
            })
            .collect(),
        heads,
        labels,
    }
}

/// Dev attachment scores (UAS, LAS on universal relations) of a way to parse.
fn attachment(
    labels: &[String],
    trees: &[GoldTree],
    parse: impl Fn(&[ParserWord]) -> (Vec<usize>, Vec<usize>),
) -> (f64, f64) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for tree in trees {
        let (heads, predicted) = parse(&tree.words);
        for i in 1..tree.heads.len() {
            total += 1;
            if heads[i] == tree.heads[i] {
                uas += 1;
                if universal(&labels[predicted[i]]) == universal(&labels[tree.labels[i]]) {
                    las += 1;
                }
            }
        }
    }
    let total = total.max(1) as f64;
    (100.0 * uas as f64 / total, 100.0 * las as f64 / total)
}

/// Trains the tagger, lemmatiser and parser; `log` receives progress lines.
pub fn train(options: &TrainOptions, log: &mut dyn FnMut(&str)) -> Result<Parser, TrainError> {
    let (train, dev) = load_ewt(&options.treebank)?;
    log(&format!(
        "train split: {} sentences, {} words; dev: {} sentences",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        dev.len()
    ));
    let vocabulary = Vocabulary::build(&train);
    log(&format!(
        "{} joint tags, {} dependency labels",
        vocabulary.tags.len(),
        vocabulary.labels.len()
    ));
    let mut rng = Rng::new(options.seed);

    // Lemmatiser: the most frequent lemma of each (lowercased form, XPOS).
    let mut lemma_counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut lemmatizer = Lemmatizer::default();
    for w in train.iter().flat_map(|s| &s.words) {
        *lemma_counts
            .entry(Lemmatizer::key(&w.form.to_lowercase(), &w.xpos))
            .or_default()
            .entry(w.lemma.clone())
            .or_default() += 1;
        lemmatizer.known.insert(w.lemma.to_lowercase());
    }
    for (key, counts) in lemma_counts {
        if let Some((lemma, _)) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            lemmatizer.table.insert(key, lemma);
        }
    }

    // Tagger, with the number of epochs chosen on dev, and jackknifed tags for the
    // parser's training data.
    let train_tagged = vocabulary.tagged(&train);
    let dev_tagged = vocabulary.tagged(&dev);
    let (tagger, predicted) = train_tagger_and_jackknife(
        &vocabulary,
        &train_tagged,
        &dev_tagged,
        options,
        &mut rng,
        log,
    );

    let mut lifted = 0;
    let trees: Vec<GoldTree> = train
        .iter()
        .zip(&train_tagged)
        .zip(&predicted)
        .map(|((s, t), p)| gold_tree(&vocabulary, s, t, p))
        .filter_map(|mut tree| {
            if arc_eager::is_projective(&tree.heads) {
                return Some(tree);
            }
            lifted += 1;
            arc_eager::projectivize(&mut tree.heads).then_some(tree)
        })
        .collect();
    log(&format!(
        "parser: {} training sentences of {} ({lifted} made projective)",
        trees.len(),
        train.len()
    ));
    let dev_trees: Vec<GoldTree> = dev
        .iter()
        .zip(&dev_tagged)
        .map(|(s, t)| gold_tree(&vocabulary, s, t, &tagger.tag_for_parser_training(&t.words)))
        .collect();

    let root_label = *vocabulary
        .label_index
        .get("root")
        .ok_or_else(|| TrainError::Treebank {
            path: options.treebank.display().to_string(),
            message: "no `root` relation in the train split".to_string(),
        })?;
    let fallback_label = vocabulary
        .label_index
        .get("parataxis")
        .or_else(|| vocabulary.label_index.get("dep"))
        .copied()
        .unwrap_or(root_label);
    let labels = &vocabulary.labels;
    let mut parser = ArcEager {
        greedy: Weights::untrained(),
        beam: Weights::untrained(),
        labels: labels.clone(),
        root_label,
        fallback_label,
    };

    // The greedy model: local training with the dynamic oracle.
    let mut trainer = Trainer::default();
    let best = best_epoch(options.parser_epochs, |epoch| {
        let order = shuffled(trees.len(), &mut rng);
        arc_eager::train_epoch(
            &mut trainer,
            labels.len(),
            root_label,
            &trees,
            &order,
            epoch > 1,
            &mut rng,
        );
        parser.greedy = trainer.averaged(PARSER_MIN_ROW_WEIGHT);
        let (uas, las) = attachment(labels, &dev_trees, |w| parser.parse(w));
        log(&format!(
            "parser epoch {epoch}: dev UAS {uas:.2} LAS {las:.2} ({} features)",
            parser.greedy.feature_count()
        ));
        (
            las,
            std::mem::replace(&mut parser.greedy, Weights::untrained()),
        )
    });
    drop(trainer);
    let at_least_one = |what: &str| TrainError::Treebank {
        path: options.treebank.display().to_string(),
        message: format!("{what} must be at least 1"),
    };
    let (las, epoch, greedy) = best.ok_or_else(|| at_least_one("parser_epochs"))?;
    parser.greedy = greedy;
    let gold_tag_trees: Vec<GoldTree> = dev
        .iter()
        .zip(&dev_tagged)
        .map(|(s, t)| gold_tree(&vocabulary, s, t, &t.tags))
        .collect();
    let (gold_uas, gold_las) = attachment(labels, &gold_tag_trees, |w| parser.parse(w));
    log(&format!(
        "parser: best dev LAS {las:.2} at epoch {epoch} (with gold tags: UAS {gold_uas:.2} LAS {gold_las:.2})"
    ));

    // The beam model: global training on the same trees, chosen on dev with the
    // beam width of the accuracy mode.
    let width = Decoding::ACCURATE_WIDTH;
    let mut trainer = Trainer::default();
    let best = best_epoch(options.beam_epochs, |epoch| {
        let order = shuffled(trees.len(), &mut rng);
        let updated = arc_eager::train_epoch_beam(
            &mut trainer,
            labels.len(),
            root_label,
            &trees,
            &order,
            BEAM_TRAIN_WIDTH,
        );
        parser.beam = trainer.averaged(BEAM_MIN_ROW_WEIGHT);
        let (uas, las) = attachment(labels, &dev_trees, |w| parser.parse_beam(w, width));
        log(&format!(
            "beam epoch {epoch}: {updated} sentences updated; dev beam {width} UAS {uas:.2} LAS {las:.2} ({} features)",
            parser.beam.feature_count()
        ));
        (
            las,
            std::mem::replace(&mut parser.beam, Weights::untrained()),
        )
    });
    let (las, epoch, beam) = best.ok_or_else(|| at_least_one("beam_epochs"))?;
    parser.beam = beam;
    let (gold_uas, gold_las) = attachment(labels, &gold_tag_trees, |w| parser.parse_beam(w, width));
    log(&format!(
        "beam: best dev LAS {las:.2} at epoch {epoch} (with gold tags: UAS {gold_uas:.2} LAS {gold_las:.2})"
    ));
    Ok(Parser::new(tagger, lemmatizer, parser)?)
}
