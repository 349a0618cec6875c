//! Language identification: which script the letters are in, then the letters and
//! function words that tell the languages sharing a script apart.
//!
//! - Arabic script: Pashto has letters of its own (ټ ډ ړ ښ ګ ڼ ځ څ ږ ۍ ې), Urdu too
//!   (ٹ ڈ ڑ ں ے ھ); Persian writes پ چ ژ گ and the Persian forms ی ک where Arabic writes
//!   ي ك, and Arabic alone uses ة and ى. Frequent function words back the letters up.
//!   Dari is written like Persian and is reported as `fa`.
//! - Cyrillic: Ukrainian і ї є ґ against Russian ы э ъ ё (Belarusian ў, Serbian ђ ћ џ
//!   љ њ ј, Macedonian ѓ ќ ѕ).
//! - Latin script: counts of each language's most frequent function words.
//! - Scripts used by one main language (Greek, Hebrew, Thai, Hangul...) decide it.
//!
//! Only the first 4 KiB of a text is looked at, and in Latin script only its first 60
//! function words: more does not change the answer and would slow reading down.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// How much of a text is examined.
const SAMPLE_BYTES: usize = 4 * 1024;
/// How much decides the script when it is Latin.
const SCRIPT_SAMPLE_BYTES: usize = 512;
/// Fewer letters than this is too little to say anything.
const MIN_LETTERS: usize = 3;

/// The ISO 639-1 code of the language `text` is written in, or `None` when it has too
/// few letters or no language is recognisable.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let sample = &text[..floor_char_boundary(text, SAMPLE_BYTES)];
    // The script is clear from the start; Latin needs no letter counts beyond it.
    let head = &sample[..floor_char_boundary(sample, SCRIPT_SAMPLE_BYTES)];
    let head_counts = ScriptCounts::of(head);
    if head_counts
        .dominant()
        .is_some_and(|(script, letters)| script == Script::Latin && letters >= MIN_LETTERS)
    {
        return latin_language(sample);
    }
    let counts = ScriptCounts::of(sample);
    let (script, letters) = counts.dominant()?;
    if letters < MIN_LETTERS {
        return None;
    }
    match script {
        Script::Latin => latin_language(sample),
        Script::Arabic => Some(arabic_script_language(&counts, sample)),
        Script::Cyrillic => Some(cyrillic_language(&counts, sample)),
        Script::Greek => Some("el"),
        Script::Hebrew => Some("he"),
        Script::Devanagari => Some("hi"),
        Script::Bengali => Some("bn"),
        Script::Thai => Some("th"),
        Script::Georgian => Some("ka"),
        Script::Armenian => Some("hy"),
        Script::Ethiopic => Some("am"),
        Script::Hangul => Some("ko"),
        Script::Han if counts.kana > 0 => Some("ja"),
        Script::Kana => Some("ja"),
        Script::Han => Some("zh"),
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Cyrillic,
    Greek,
    Hebrew,
    Devanagari,
    Bengali,
    Thai,
    Georgian,
    Armenian,
    Ethiopic,
    Hangul,
    Kana,
    Han,
}

/// Letters per script, plus the distinguishing letters counted on the way.
#[derive(Default)]
struct ScriptCounts {
    per_script: [usize; 14],
    kana: usize,
    pashto: usize,
    urdu: usize,
    persian: usize,
    arabic: usize,
    ukrainian: usize,
    russian: usize,
    belarusian: usize,
    serbian: usize,
    macedonian: usize,
}

const SCRIPTS: [Script; 14] = [
    Script::Latin,
    Script::Arabic,
    Script::Cyrillic,
    Script::Greek,
    Script::Hebrew,
    Script::Devanagari,
    Script::Bengali,
    Script::Thai,
    Script::Georgian,
    Script::Armenian,
    Script::Ethiopic,
    Script::Hangul,
    Script::Kana,
    Script::Han,
];

impl ScriptCounts {
    fn of(sample: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in sample.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    counts.per_script[0] += 1;
                }
                continue;
            }
            if let Some(script) = script_of(c) {
                counts.per_script[script as usize] += 1;
                if script == Script::Kana {
                    counts.kana += 1;
                }
            }
            match c {
                'ټ' | 'ډ' | 'ړ' | 'ښ' | 'ګ' | 'ڼ' | 'ځ' | 'څ' | 'ږ' | 'ۍ' | 'ې' => {
                    counts.pashto += 1
                }
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => counts.urdu += 1,
                'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => counts.persian += 1,
                'ي' | 'ة' | 'ى' | 'ك' => counts.arabic += 1,
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => counts.ukrainian += 1,
                'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => counts.russian += 1,
                'ў' | 'Ў' => counts.belarusian += 1,
                'ђ' | 'ћ' | 'џ' | 'љ' | 'њ' | 'ј' | 'Ђ' | 'Ћ' | 'Џ' | 'Љ' | 'Њ' | 'Ј' => {
                    counts.serbian += 1
                }
                'ѓ' | 'ќ' | 'ѕ' | 'Ѓ' | 'Ќ' | 'Ѕ' => counts.macedonian += 1,
                _ => {}
            }
        }
        counts
    }

    fn dominant(&self) -> Option<(Script, usize)> {
        let (index, &letters) = self.per_script.iter().enumerate().max_by_key(|(_, &n)| n)?;
        (letters > 0).then_some((SCRIPTS[index], letters))
    }

    fn letters(&self, script: Script) -> usize {
        self.per_script[script as usize]
    }
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let script = match c as u32 {
        0x00C0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0530..=0x058F => Script::Armenian,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F => Script::Devanagari,
        0x0980..=0x09FF => Script::Bengali,
        0x0E00..=0x0E7F => Script::Thai,
        0x10A0..=0x10FF => Script::Georgian,
        0x1200..=0x137F => Script::Ethiopic,
        0x1100..=0x11FF | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
        _ => return None,
    };
    Some(script)
}

fn arabic_script_language(counts: &ScriptCounts, sample: &str) -> &'static str {
    let letters = counts.letters(Script::Arabic);
    // Half a percent of the letters: a borrowed name never reaches that.
    let marked = |n: usize| n >= 2 && n * 200 >= letters;
    if marked(counts.pashto) {
        return "ps";
    }
    if marked(counts.urdu) {
        return "ur";
    }
    let (mut persian_words, mut arabic_words, mut pashto_words) = (0, 0, 0);
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        match word {
            "د" | "په" | "ته" | "سره" | "دي" | "وو" => pashto_words += 1,
            "است" | "را" | "می" | "این" | "که" | "های" | "شد" | "برای" | "آن" | "بود" | "کرد" => {
                persian_words += 1
            }
            "في" | "على" | "إلى" | "التي" | "الذي" | "أن" | "عن" | "مع" | "هذا" | "كان" | "قال" => {
                arabic_words += 1
            }
            _ => {}
        }
    }
    // A short Pashto sentence may lack Pashto letters but not its function words.
    if pashto_words >= 2 && pashto_words > persian_words + arabic_words {
        return "ps";
    }
    if counts.persian + 3 * persian_words > counts.arabic + 3 * arabic_words {
        "fa"
    } else {
        "ar"
    }
}

fn cyrillic_language(counts: &ScriptCounts, sample: &str) -> &'static str {
    if counts.serbian > 0 && counts.serbian >= counts.russian {
        "sr"
    } else if counts.macedonian > 0 {
        "mk"
    } else if counts.belarusian > 0 {
        "be"
    } else {
        // Function words decide sentences that lack the distinguishing letters.
        let (mut ukrainian_words, mut russian_words) = (0, 0);
        for word in sample.split(|c: char| !c.is_alphabetic()) {
            match word.to_lowercase().as_str() {
                "що" | "та" | "це" | "як" | "від" | "він" | "його" | "але" | "також" | "який"
                | "яка" | "про" | "після" | "року" | "буде" | "був" | "були" | "вже" | "коли" => {
                    ukrainian_words += 1
                }
                "что" | "это" | "как" | "от" | "он" | "его" | "но" | "также" | "который"
                | "которая" | "о" | "после" | "года" | "будет" | "был" | "были" | "уже"
                | "когда" => russian_words += 1,
                _ => {}
            }
        }
        if counts.ukrainian + 2 * ukrainian_words > counts.russian + 2 * russian_words {
            "uk"
        } else {
            "ru"
        }
    }
}

/// Latin-script languages told apart by function words; each word may belong to
/// several languages. Words that are also common English words ("men" in Swedish,
/// "her" in Turkish, "to" in Polish) are left out of the other lists.
const LATIN_STOPWORDS: [(&str, &str); 11] = [
    (
        "en",
        "the of and to in is that for was on with said by from it as at his have has are were be this which an not but they their would who about after more also will been had its one all there when what can out up new into than over could we you he she our my your them or if no so do did says just how should because while before against during",
    ),
    (
        "fr",
        "le la les des du et est une un dans que qui pour pas sur au aux avec par ce il elle ont été sont mais cette ses leur",
    ),
    (
        "es",
        "el la los las del y en que por con una para es se su al lo como más pero sus fue ha han este está también sobre",
    ),
    (
        "de",
        "der die das und den dem des ist nicht ein eine einer mit von zu auf für sich auch es im dass wird wurde sie bei nach aus",
    ),
    (
        "it",
        "il di che della del e per non un una sono con gli nel alla le si è ha dei anche più da degli questo",
    ),
    (
        "pt",
        "o os da do das dos e em que não uma um para com por se na ao mais foi como é seu sua pelo pela",
    ),
    (
        "nl",
        "de het een en van in is dat op te zijn niet met voor die er aan ook door werd bij naar wordt hij maar",
    ),
    (
        "pl",
        "w się na nie z że jest przez jak dla od jego oraz ale był być które który tym",
    ),
    (
        "tr",
        "ve bir bu da de için ile olarak olan çok daha gibi ama kadar sonra ise değil",
    ),
    (
        "sv",
        "och att det som en är på för med av till den inte har var om ett de jag vid från sig också",
    ),
    (
        "id",
        "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena oleh ada atau mereka",
    ),
];

/// Stopword hits after which the Latin-script answer cannot change much.
const ENOUGH_STOPWORDS: usize = 60;
/// No stopword is longer than this many bytes.
const MAX_STOPWORD_BYTES: usize = 8;

/// A multiplicative hash: the keys are a few hundred short words, and this lookup runs
/// for every word of every document, where SipHash would dominate reading time.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordTable = HashMap<&'static [u8], u16, BuildHasherDefault<WordHasher>>;

/// Word -> bit set of the languages (indexes into [`LATIN_STOPWORDS`]) using it.
fn latin_stopword_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::default();
        for (index, (_, words)) in LATIN_STOPWORDS.iter().enumerate() {
            for word in words.split(' ') {
                debug_assert!(word.len() <= MAX_STOPWORD_BYTES, "{word}");
                *table.entry(word.as_bytes()).or_insert(0u16) |= 1 << index;
            }
        }
        table
    })
}

fn latin_language(sample: &str) -> Option<&'static str> {
    let table = latin_stopword_table();
    // A word several languages share counts for each of them by a share.
    let mut scores = [0f32; LATIN_STOPWORDS.len()];
    let mut hits = 0;
    let mut lower = [0u8; MAX_STOPWORD_BYTES];
    let mut lower_string = String::new();
    for word in ascii_split_words(sample) {
        if word.len() > MAX_STOPWORD_BYTES {
            continue;
        }
        let key: &[u8] = if word.is_ascii() {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            lower
        } else {
            // Curly quotes and other non-ASCII punctuation stick to words here.
            lower_string.clear();
            let letters = word.trim_matches(|c: char| !c.is_alphabetic());
            lower_string.extend(letters.chars().flat_map(char::to_lowercase));
            lower_string.as_bytes()
        };
        if let Some(&languages) = table.get(key) {
            let share = 1.0 / languages.count_ones() as f32;
            for (index, score) in scores.iter_mut().enumerate() {
                if languages & (1 << index) != 0 {
                    *score += share;
                }
            }
            hits += 1;
            if hits == ENOUGH_STOPWORDS {
                break;
            }
        }
    }
    // On a tie the language listed first (English) wins.
    let mut best = 0;
    for (index, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = index;
        }
    }
    (scores[best] > 0.0).then_some(LATIN_STOPWORDS[best].0)
}

/// Words as runs of ASCII letters and non-ASCII characters: splitting bytes at ASCII
/// separators is much faster than classifying every char, and enough for stopwords.
fn ascii_split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_ascii() && !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_written_for_this_test() {
        let cases = [
            ("en", "Officials in Kabul said on Tuesday that the talks with the delegation had been postponed."),
            ("fr", "Les responsables ont déclaré mardi que les pourparlers avec la délégation étaient reportés."),
            ("es", "Los funcionarios dijeron el martes que las conversaciones con la delegación se habían aplazado."),
            ("de", "Die Beamten sagten am Dienstag, dass die Gespräche mit der Delegation verschoben wurden."),
            ("it", "I funzionari hanno detto martedì che i colloqui con la delegazione sono stati rinviati."),
            ("pt", "Os funcionários disseram na terça-feira que as conversas com a delegação foram adiadas."),
            ("nl", "De ambtenaren zeiden dinsdag dat de gesprekken met de delegatie zijn uitgesteld."),
            ("ar", "قال مسؤولون في كابول يوم الثلاثاء إن المحادثات مع الوفد قد تأجلت إلى موعد لاحق."),
            ("fa", "مقام‌های کابل روز سه‌شنبه گفتند که گفتگوها با هیئت به تعویق افتاده است."),
            ("ps", "په کابل کې چارواکو د سه شنبې په ورځ وویل چې له پلاوي سره خبرې وځنډول شوې."),
            ("ur", "کابل میں حکام نے منگل کے روز کہا کہ وفد کے ساتھ بات چیت ملتوی کر دی گئی ہے۔"),
            ("ru", "Чиновники в Кабуле заявили во вторник, что переговоры с делегацией были отложены."),
            ("uk", "Посадовці в Кабулі заявили у вівторок, що переговори з делегацією було відкладено."),
            ("el", "Οι αξιωματούχοι δήλωσαν την Τρίτη ότι οι συνομιλίες αναβλήθηκαν."),
            ("he", "הפקידים אמרו ביום שלישי כי השיחות נדחו."),
            ("zh", "官员们星期二说，会谈已经推迟。"),
            ("ja", "当局者は火曜日に、会談が延期されたと述べた。"),
        ];
        for (expected, sentence) in cases {
            assert_eq!(detect_language(sentence), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn too_little_to_say() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12,000 — 2016"), None);
        assert_eq!(detect_language("xq"), None);
    }

    #[test]
    fn sample_is_cut_on_a_char_boundary() {
        let text = "ж".repeat(SAMPLE_BYTES);
        assert_eq!(detect_language(&text), Some("ru"));
    }
}
