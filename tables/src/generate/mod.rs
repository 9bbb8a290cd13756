//! Lays out the data tables of `data/` as Rust source, once, at build time: the library's build
//! script calls [`write_all`], and the program includes what it writes from `$OUT_DIR`.
//!
//! A `newsalign` process aligns one article pair of a few dozen sentences, so what it would spend
//! preparing its data tables weighs as much as the work. The build does that work once:
//!
//! - The French-English lexicon: alignment compares Snowball stems, so every lexicon word must be
//!   folded and stemmed (about half of a short `align` run when done at start-up), then hashed
//!   into a map (a tenth more): `lexicon_table.rs` for `src/bilingual/mod.rs`. A user's
//!   `--lexicon FILE` is still stemmed at run time with the same fold, the same stemmers and the
//!   same TSV rules ([`crate::lexicon_tsv`]).
//! - The stems of the lexicon's words and of their likely inflections, and of the words of the
//!   data files that name things (places, months, currencies...), per stemmer, so that stemming
//!   an article's words is mostly a look-up: `stem_table.rs`.
//! - The gazetteer: ~1,500 forms keyed as the facts tokenizer would key them and hashed (an
//!   eighth of a short run): `gazetteer_table.rs` for `src/facts/gazetteer.rs`.
//! - The holiday forms, keyed likewise, and the month and weekday names: `holidays.rs` and
//!   `calendar.rs` for `src/facts/dates/` (`holidays.rs`, `calendar.rs`).
//! - The currency and unit forms (~600), keyed likewise, and the number words:
//!   `number_tables.rs` for `src/facts/numbers/tables.rs`, which makes a form's value from its row when
//!   it meets it.
//! - The splitter's word lists (abbreviations, sentence starters, verbs of saying):
//!   `segment_tables.rs` for `src/segment/lexicon.rs`.
//! - The boilerplate phrases of `data/noise.txt`: `noise_tables.rs` for `src/clean.rs`; the word
//!   sets of `data/number_names.txt` and `data/name_stopwords.txt`, the figures of
//!   `data/implied_numbers.tsv` (for `src/compare/equiv.rs`), the align stopwords.
//!
//! All are laid out as [`crate::map`] tables, read in place. The readers of the data files are
//! this crate's, shared with the program: the build and the run time cannot disagree.

mod source;

use crate::fold::fold;
use crate::{lexicon_tsv, noise_list, phrase_data, stopwords, word_lists};
use rust_stemmers::{Algorithm, Stemmer};
use source::{
    array_source, list_source, longer_prefixes, map_source, phrases_source, rows_source, set_source, Interner,
};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

const LEXICON: &str = "data/lexicon-fr-en.tsv";
/// The FreeDict-derived lexicon (GPL-2.0-or-later), appended to the hand-written one when the
/// crate's `freedict` feature is on (see data/README.md): a table of its own, which only
/// alignment reads.
pub const FREEDICT_LEXICON: &str = "data/lexicon-freedict-fr-en.tsv";
const GAZETTEER: &str = "data/gazetteer.tsv";
const COUNTRIES: &str = "data/countries.tsv";
const CURRENCIES: &str = "data/currencies.tsv";
const UNITS: &str = "data/units.tsv";
const NUMBER_WORDS: &str = "data/number_words.tsv";
const HOLIDAYS: &str = "data/holidays.tsv";
const IMPLIED: &str = "data/implied_numbers.tsv";
const ABBREVIATIONS: &str = "data/abbreviations.txt";
const STARTERS: &str = "data/sentence_starters.txt";
const ATTRIBUTION: &str = "data/attribution_verbs.txt";
const CALENDAR: &str = "data/calendar.tsv";
const NOISE: &str = "data/noise.txt";
const NUMBER_NAMES: &str = "data/number_names.txt";
const NAME_STOPWORDS: &str = "data/name_stopwords.txt";
/// Where the align stopwords are listed (as Rust constants of this crate).
const STOPWORDS: &str = "tables/src/stopwords.rs";

/// Writes every table of the data files under `root` (the newsalign crate's directory, holding
/// `data/`) into `out_dir`, one Rust source file each. Panics on a data file it cannot read or
/// that breaks its format, naming the file: this runs in a build script. Without `freedict`, the
/// table of [`FREEDICT_LEXICON`] is empty.
pub fn write_all(root: &Path, out_dir: &Path, freedict: bool) {
    let read =
        |path: &str| std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let write_out = |name: &str, contents: &str| {
        let dest = out_dir.join(name);
        std::fs::write(&dest, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
    };
    write_out("lexicon_table.rs", &lexicon_table(LEXICON, &read(LEXICON), ""));
    // Empty without the feature, so that the program's code is the same either way.
    let freedict = if freedict { read(FREEDICT_LEXICON) } else { String::new() };
    write_out("freedict_table.rs", &lexicon_table(FREEDICT_LEXICON, &freedict, &read(LEXICON)));
    let named = NAMED_WORDS.map(read);
    // The stems of the hand-written lexicon's words only: with the FreeDict words and their
    // inflections the table would pass the 65,535 keys of a static map, and an article's words
    // are mostly the common ones the hand-written lexicon holds.
    write_out("stem_table.rs", &stem_table(&read(LEXICON), &named));
    write_out("gazetteer_table.rs", &gazetteer_table(&read(GAZETTEER), &read(COUNTRIES)));
    let currencies = phrases_source("CURRENCIES", CURRENCIES, &read(CURRENCIES), 2, &[]);
    let units = phrases_source("UNITS", UNITS, &read(UNITS), 2, &['=']);
    write_out("calendar.rs", &calendar_tables(&read(CALENDAR)));
    let (fr, en) = (stopwords::FR_STOPWORDS.iter().copied(), stopwords::EN_STOPWORDS.iter().copied());
    let sets = [set_source("FR", STOPWORDS, fr), set_source("EN", STOPWORDS, en)];
    write_out("align_stopwords.rs", &sets.concat());
    write_out("implied_numbers.rs", &implied_tables(&read(IMPLIED)));
    write_out("holidays.rs", &phrases_source("HOLIDAYS", HOLIDAYS, &read(HOLIDAYS), 2, &['^']));
    let number_words = read(NUMBER_WORDS);
    let flagged = [
        date_words(&read(CALENDAR), &number_words, &read(HOLIDAYS)),
        number_starts(&number_words, &read(CURRENCIES), &read(UNITS)),
        gazetteer_first_pieces(&read(GAZETTEER), &read(COUNTRIES)),
    ];
    write_out("fact_words.rs", &fact_words_source(&flagged));
    let word_rows = |lang: &'static str| {
        move |row: &[&str]| (row.len() == 4 && (row[0] == "fr") == (lang == "fr")).then(|| row[1].to_string())
    };
    let french = rows_source(NUMBER_WORDS, &number_words, word_rows("fr"));
    let english = rows_source(NUMBER_WORDS, &number_words, word_rows("en"));
    let number_words = format!(
        "/// Number words, French then English.\npub static NUMBER_WORDS: [StaticRows; 2] = [{french}, {english}];\n"
    );
    write_out("number_tables.rs", &format!("{currencies}{units}{number_words}"));
    let word_lists = [ABBREVIATIONS, STARTERS, ATTRIBUTION, CALENDAR].map(read);
    write_out("segment_tables.rs", &segment_tables(&word_lists));
    write_out("noise_tables.rs", &noise_tables(&read(NOISE), &read(COUNTRIES)));
    let number_names = read(NUMBER_NAMES);
    write_out("number_names.rs", &set_source("NUMBER_NAMES", NUMBER_NAMES, phrase_data::word_lines(&number_names)));
    let stopwords = read(NAME_STOPWORDS);
    let words = phrase_data::name_stopwords(&stopwords).map(|(word, _)| word);
    let titles = phrase_data::name_stopwords(&stopwords).filter(|(_, title)| *title).map(|(word, _)| word);
    let sets = [set_source("NAME_STOPWORDS", NAME_STOPWORDS, words), set_source("TITLES", NAME_STOPWORDS, titles)];
    write_out("name_stopwords.rs", &sets.concat());
}

/// Rust source of the stemmed lexicon: `FRENCH` and `ENGLISH` stems, and for French stem `i`
/// the English stems `TARGETS[TARGET_ENDS[i - 1]..TARGET_ENDS[i]]`, in first-seen order.
/// Pairs that `known` (a lexicon read before this one) already holds are left out, so that a
/// lexicon read after another adds only what the first lacks.
fn lexicon_table(path: &str, tsv: &str, known: &str) -> String {
    let pairs = lexicon_tsv::word_pairs(tsv).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (fr_stemmer, en_stemmer) = (Stemmer::create(Algorithm::French), Stemmer::create(Algorithm::English));
    let stemmed =
        |(fr, en): (&str, &str)| (fr_stemmer.stem(&fold(fr)).into_owned(), en_stemmer.stem(&fold(en)).into_owned());
    let known: std::collections::HashSet<(String, String)> =
        lexicon_tsv::word_pairs(known).unwrap_or_else(|e| panic!("{LEXICON}: {e}")).into_iter().map(stemmed).collect();
    let mut entries: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (fr, en) in pairs.into_iter().map(stemmed) {
        if known.contains(&(fr.clone(), en.clone())) {
            continue;
        }
        let at = *index.entry(fr.clone()).or_insert_with(|| {
            entries.push((fr, Vec::new()));
            entries.len() - 1
        });
        if !entries[at].1.contains(&en) {
            entries[at].1.push(en);
        }
    }
    let mut english = Interner::default();
    let mut targets = Vec::new();
    let mut target_ends = Vec::new();
    for (_, ens) in &entries {
        targets.extend(ens.iter().map(|en| english.index(en)));
        target_ends.push(targets.len());
    }
    let french: Vec<&str> = entries.iter().map(|(fr, _)| fr.as_str()).collect();
    let mut out = format!("// Generated by build.rs from {path}.\n");
    writeln!(out, "/// French stems.\npub static FRENCH: StaticMap = {};", map_source(&french)).unwrap();
    writeln!(out, "/// English stems, each once.\npub static ENGLISH: StaticMap = {};", map_source(&english.strings))
        .unwrap();
    writeln!(out, "static TARGETS: {};", array_source(&targets)).unwrap();
    writeln!(out, "static TARGET_ENDS: {};", array_source(&target_ends)).unwrap();
    out
}

/// The data files whose words articles use as written, names above all (places, countries,
/// months, holidays, currencies, units, titles, number words): stemmed at build time too, by
/// both stemmers, since either side stems a name (the stemmer took most of the time alignment
/// spent on names).
const NAMED_WORDS: [&str; 8] =
    [GAZETTEER, COUNTRIES, CALENDAR, HOLIDAYS, CURRENCIES, UNITS, NUMBER_WORDS, NAME_STOPWORDS];

/// The folded words of data files (alphanumeric runs that begin with a letter, as the align
/// tokenizer reads them; `#` comment lines left out).
fn data_words(files: &[String]) -> Vec<String> {
    let lines = files.iter().flat_map(|data| data.lines().filter(|line| !line.starts_with('#')));
    let words = lines.flat_map(|line| {
        let folded = fold(line);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.chars().nth(1).is_some())
            .map(str::to_string)
            .collect();
        words
    });
    words.collect()
}

/// Rust source of the stems of the words the build knows, so that stemming them at run time is a
/// look-up: per stemmer (French, English) the folded `WORDS` and their `STEMS`, in the same order.
/// The French stemmer gets the lexicon's French words; the English one its English words and its
/// French words too, which alignment also stems in English (names and words spelled alike); both
/// get the words of the `named` data files.
fn stem_table(tsv: &str, named: &[String]) -> String {
    let pairs = lexicon_tsv::word_pairs(tsv).unwrap_or_else(|e| panic!("{LEXICON}: {e}"));
    let french: Vec<String> = pairs.iter().flat_map(|(fr, _)| with_inflections(fold(fr), FRENCH_ENDINGS)).collect();
    let english: Vec<String> = pairs.iter().flat_map(|(_, en)| with_inflections(fold(en), ENGLISH_ENDINGS)).collect();
    let named = data_words(named);
    let tables = [
        (Algorithm::French, french.iter().chain(&named).map(String::as_str).collect::<Vec<_>>()),
        (Algorithm::English, english.iter().chain(&french).chain(&named).map(String::as_str).collect()),
    ];
    let (mut words, mut stems) = (Vec::new(), Vec::new());
    for (algorithm, known) in tables {
        let stemmer = Stemmer::create(algorithm);
        let mut distinct = Interner::default();
        known.into_iter().for_each(|w| _ = distinct.index(w));
        let stemmed: Vec<String> = distinct.strings.iter().map(|w| stemmer.stem(w).into_owned()).collect();
        words.push(map_source(&distinct.strings));
        stems.push(list_source(&stemmed.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    let mut out = format!("// Generated by build.rs from {LEXICON}.\n");
    writeln!(
        out,
        "/// Words, per stemmer (French, English).\npub static WORDS: [StaticMap; 2] = [{}];",
        words.join(",")
    )
    .unwrap();
    writeln!(out, "/// The stem of each word.\npub static STEMS: [StrList; 2] = [{}];", stems.join(",")).unwrap();
    out
}

/// Inflections guessed for a lexicon word, as (ending it has, ending that replaces it): articles
/// use plurals, feminines and conjugated verbs far more often than the lexicon's base forms. A
/// guess that is no word costs table room only: its stem is still the stemmer's.
const FRENCH_ENDINGS: &[(&str, &str)] = &[
    ("", "s"),
    ("", "e"),
    ("", "es"),
    ("al", "aux"),
    ("el", "elle"),
    ("el", "elles"),
    ("ien", "ienne"),
    ("ien", "iennes"),
    ("er", "e"),
    ("er", "es"),
    ("er", "ent"),
    ("er", "ait"),
    ("er", "aient"),
    ("er", "ant"),
    ("er", "ee"),
    ("er", "ees"),
    ("er", "ons"),
    ("er", "ez"),
    ("er", "era"),
    ("ir", "it"),
    ("ir", "issent"),
];
const ENGLISH_ENDINGS: &[(&str, &str)] = &[
    ("", "s"),
    ("", "es"),
    ("", "ed"),
    ("", "ing"),
    ("", "ly"),
    ("e", "ed"),
    ("e", "ing"),
    ("y", "ies"),
    ("y", "ied"),
];

/// A word and the inflections `endings` guess for it.
fn with_inflections(word: String, endings: &[(&str, &str)]) -> Vec<String> {
    let guesses = endings.iter().filter_map(|(from, to)| word.strip_suffix(from).map(|base| format!("{base}{to}")));
    let guesses: Vec<String> = guesses.collect();
    std::iter::once(word).chain(guesses).collect()
}

/// Rust source of the gazetteer: `PHRASES` (form keys), for phrase `i` the entries
/// `ENTRIES[ENTRY_ENDS[i - 1]..ENTRY_ENDS[i]]` as (key, type, form) indices into `STRINGS`, in
/// the data's order; the `FIRST_PIECES` of the keys and the `MAX_TOKENS` of a phrase.
fn gazetteer_table(gazetteer: &str, countries: &str) -> String {
    let mut phrases: Vec<(String, Vec<[usize; 3]>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut strings = Interner::default();
    let mut max_tokens = 0;
    for [key, kind, form] in phrase_data::gazetteer_forms(gazetteer, countries) {
        let (phrase, count) = phrase_data::plain_phrase_key(form)
            .unwrap_or_else(|| panic!("{form:?}: not a plain phrase; extend phrase_data::plain_phrase_key"));
        if count == 0 {
            continue;
        }
        max_tokens = max_tokens.max(count);
        let at = *index.entry(phrase.clone()).or_insert_with(|| {
            phrases.push((phrase, Vec::new()));
            phrases.len() - 1
        });
        phrases[at].1.push([key, kind, form].map(|s| strings.index(s)));
    }
    let keys: Vec<&str> = phrases.iter().map(|(k, _)| k.as_str()).collect();
    let mut first_pieces = Interner::default();
    keys.iter().for_each(|key| _ = first_pieces.index(key.split(' ').next().unwrap_or_default()));
    let entries: Vec<&[usize; 3]> = phrases.iter().flat_map(|(_, e)| e).collect();
    let ends: Vec<usize> = phrases.iter().scan(0, |end, (_, e)| Some(*end + e.len()).inspect(|e| *end = *e)).collect();
    let mut out = format!("// Generated by build.rs from {GAZETTEER} and {COUNTRIES}.\n");
    writeln!(out, "/// Keys of every form.\npub static PHRASES: StaticMap = {};", map_source(&keys)).unwrap();
    writeln!(out, "/// First key pieces.\npub static FIRST_PIECES: StaticMap = {};", map_source(&first_pieces.strings))
        .unwrap();
    let prefixes = longer_prefixes(&keys);
    writeln!(
        out,
        "/// Key prefixes of two pieces or more.\npub static PREFIXES: StaticMap = {};",
        map_source(&prefixes.strings)
    )
    .unwrap();
    writeln!(out, "/// Most key pieces of a phrase.\npub const MAX_TOKENS: usize = {max_tokens};").unwrap();
    writeln!(
        out,
        "/// Entity keys, types and forms.\npub static STRINGS: StrList = {};",
        list_source(&strings.strings)
    )
    .unwrap();
    writeln!(out, "static ENTRY_ENDS: {};", array_source(&ends)).unwrap();
    write!(out, "static ENTRIES: [[u32; 3]; {}] = [", entries.len()).unwrap();
    for [a, b, c] in entries {
        write!(out, "[{a},{b},{c}],").unwrap();
    }
    out.push_str("];\n");
    out
}

/// Rust source of the splitter's word lists: abbreviations (`TITLES`, `CAPITALISED`, `OTHERS`
/// with their `OTHER_SECTIONS`), the words after a clock time (`AFTER_TIME`), and per language the
/// sentence starters and the verbs of saying.
fn segment_tables([abbreviations, starters, attribution, calendar]: &[String; 4]) -> String {
    let abbrevs = word_lists::abbreviations(abbreviations).unwrap_or_else(|e| panic!("{e}"));
    let set = |words: &mut dyn Iterator<Item = &str>| {
        let mut distinct = Interner::default();
        words.for_each(|w| _ = distinct.index(w));
        map_source(&distinct.strings)
    };
    let others: Vec<&str> = abbrevs.others.iter().map(|(w, _)| w.as_str()).collect();
    let sections: Vec<String> = abbrevs.others.iter().map(|(_, s)| format!("{s:?}")).collect();
    let mut out = format!("// Generated by build.rs from {ABBREVIATIONS}, {STARTERS}, {ATTRIBUTION} and {CALENDAR}.\n");
    writeln!(out, "pub static TITLES: StaticMap = {};", set(&mut abbrevs.titles.iter().copied())).unwrap();
    writeln!(out, "pub static CAPITALISED: StaticMap = {};", set(&mut abbrevs.capitalised.iter().copied())).unwrap();
    writeln!(out, "pub static OTHERS: StaticMap = {};", map_source(&others)).unwrap();
    writeln!(out, "pub static OTHER_SECTIONS: [&str; {}] = [{}];", sections.len(), sections.join(",")).unwrap();
    writeln!(out, "pub static AFTER_TIME: StaticMap = {};", set(&mut word_lists::after_time(calendar))).unwrap();
    for (name, data, path) in [("STARTERS", starters, STARTERS), ("ATTRIBUTION", attribution, ATTRIBUTION)] {
        let sections = word_lists::sections(data);
        for lang in ["fr", "en"] {
            let mut words = sections.iter().filter(|(s, _)| *s == lang).flat_map(|(_, w)| w.iter().copied());
            writeln!(out, "pub static {name}_{}: StaticMap = {};", lang.to_uppercase(), set(&mut words)).unwrap();
        }
        if let Some((other, _)) = sections.iter().find(|(s, _)| !matches!(*s, "fr" | "en")) {
            panic!("{path}: word list section [{other}]: not a language");
        }
    }
    out
}

/// Rust source of the boilerplate lists of `data/noise.txt` (see `src/clean.rs`), and the
/// country names of `data/countries.tsv`, lower-cased: a lone line naming a country is a
/// section label (`COUNTRY`).
fn noise_tables(data: &str, countries: &str) -> String {
    let phrases = noise_list::phrases(data).unwrap_or_else(|e| panic!("{e}"));
    let of = |section: &'static str| phrases.iter().filter(move |(s, _)| *s == section).map(|(_, p)| p.as_str());
    let distinct = |section: &'static str| {
        let mut set = Interner::default();
        of(section).for_each(|p| _ = set.index(p));
        set.strings
    };
    let chars = |p: &&str| p.chars().count();
    let longest_listed = of("exact").chain(of("label")).map(|p| chars(&p)).max().unwrap_or(0);
    let longest_link = of("link").map(|p| chars(&p)).max().unwrap_or(0);
    let mut out = format!("// Generated by build.rs from {NOISE}.\n");
    writeln!(out, "pub static EXACT: StaticMap = {};", map_source(&distinct("exact"))).unwrap();
    writeln!(out, "pub static LABEL: StaticMap = {};", map_source(&distinct("label"))).unwrap();
    for (name, section) in [
        ("LINK", "link"),
        ("META", "meta"),
        ("SHORT", "short"),
        ("CAPTION", "caption"),
        ("FOOTER", "footer"),
        ("AGENCY", "agency"),
    ] {
        writeln!(out, "pub static {name}: StrList = {};", list_source(&of(section).collect::<Vec<_>>())).unwrap();
    }
    let lowered: Vec<String> = countries
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|line| line.split('\t').skip(1).map(|name| name.trim().to_lowercase()))
        .collect();
    let mut names = Interner::default();
    lowered.iter().for_each(|name| _ = names.index(name));
    writeln!(out, "pub static COUNTRY: StaticMap = {};", map_source(&names.strings)).unwrap();
    writeln!(out, "pub const LONGEST_LISTED: usize = {longest_listed};").unwrap();
    writeln!(out, "pub const LONGEST_LINK: usize = {longest_link};").unwrap();
    out
}

/// Rust source of the calendar names (see `phrase_data::calendar_names`): `NAMES[lang][kind]`
/// with, for each name, its `NUMBERS` and `ABBREVIATED` flag.
fn calendar_tables(tsv: &str) -> String {
    let names = phrase_data::calendar_names(tsv);
    // One `[[x; 2]; 2]` array of what `item` writes for each list of names.
    let nested = |item: &dyn Fn(&[phrase_data::CalendarName]) -> String| {
        let langs: Vec<String> =
            names.iter().map(|kinds| format!("[{},{}]", item(&kinds[0]), item(&kinds[1]))).collect();
        format!("[{}]", langs.join(","))
    };
    let keys = nested(&|list| map_source(&list.iter().map(|(name, _, _)| name.as_str()).collect::<Vec<_>>()));
    let slice = |values: Vec<String>| format!("&[{}]", values.join(","));
    let numbers = nested(&|list| slice(list.iter().map(|(_, n, _)| n.to_string()).collect()));
    let flags = nested(&|list| slice(list.iter().map(|(_, _, abbreviated)| abbreviated.to_string()).collect()));
    let mut out = format!("// Generated by build.rs from {CALENDAR}.\n");
    writeln!(out, "pub static NAMES: [[StaticMap; 2]; 2] = {keys};").unwrap();
    writeln!(out, "pub static NUMBERS: [[&[u32]; 2]; 2] = {numbers};").unwrap();
    writeln!(out, "pub static ABBREVIATED: [[&[bool]; 2]; 2] = {flags};").unwrap();
    out
}

/// Rust source of `FACT_WORDS`, the words the fact extractors start with or lean on, and the
/// `FLAGS` of each: bit `k` set when the word is in `flagged[k]` (see `facts::tokens`). One
/// look-up a word answers every extractor.
fn fact_words_source(flagged: &[Vec<String>]) -> String {
    let mut words = Interner::default();
    let mut flags: Vec<usize> = Vec::new();
    for (bit, list) in flagged.iter().enumerate() {
        for word in list {
            let at = words.index(word);
            if at == flags.len() {
                flags.push(0);
            }
            flags[at] |= 1 << bit;
        }
    }
    let mut out = format!("// Generated by build.rs from {CALENDAR}, {NUMBER_WORDS}, {HOLIDAYS}, {CURRENCIES}, {UNITS}, {GAZETTEER}, {COUNTRIES}.\n");
    writeln!(out, "pub static FACT_WORDS: StaticMap = {};", map_source(&words.strings)).unwrap();
    let flags: Vec<String> = flags.iter().map(usize::to_string).collect();
    writeln!(out, "pub static FLAGS: [u8; {}] = [{}];", flags.len(), flags.join(",")).unwrap();
    out
}

/// The words a date leans on within its first tokens (see `dates::may_start_date`): the month
/// and weekday names of both languages, the number words of both and their plurals, the first
/// word of every holiday form, the time units and the words that name a day by themselves.
fn date_words(calendar: &str, number_words: &str, holidays: &str) -> Vec<String> {
    let calendar = phrase_data::calendar_names(calendar).into_iter().flatten().flatten().map(|(name, _, _)| name);
    let holidays = first_pieces(holidays, &['^']);
    let fixed = phrase_data::TIME_UNIT_WORDS.iter().chain(phrase_data::DAY_WORDS).map(|w| w.to_string());
    calendar.chain(number_word_forms(number_words)).chain(holidays).chain(fixed).collect()
}

/// The words a number fact may start with (see `numbers::may_start_number`): the number words
/// of both languages and their plurals, the first word of every currency and unit form, and the
/// words that open a number ("minus", "un").
fn number_starts(number_words: &str, currencies: &str, units: &str) -> Vec<String> {
    let forms = first_pieces(currencies, &[]).chain(first_pieces(units, &['=']));
    let openers = phrase_data::NUMBER_OPENERS.iter().map(|w| w.to_string());
    number_word_forms(number_words).chain(forms).chain(openers).collect()
}

/// The first key piece of every gazetteer form (see `gazetteer::lookup`).
fn gazetteer_first_pieces(gazetteer: &str, countries: &str) -> Vec<String> {
    let forms = phrase_data::gazetteer_forms(gazetteer, countries);
    let keys = forms.filter_map(|[_, _, form]| phrase_data::plain_phrase_key(form).map(|(key, _)| key));
    keys.filter_map(|key| key.split(' ').next().filter(|piece| !piece.is_empty()).map(str::to_string)).collect()
}

/// The number words of `data/number_words.tsv` (both languages), each also with the plural "s"
/// that the number patterns strip ("millions", "tiers").
fn number_word_forms(number_words: &str) -> impl Iterator<Item = String> + '_ {
    phrase_data::rows(number_words).filter(|row| row.len() == 4).flat_map(|row| {
        let word = row[1].to_string();
        [format!("{word}s"), word]
    })
}

/// The first key piece of every form of a two-field phrase table (forms in the last field, `|`
/// between them, `markers` leading a form as flags).
fn first_pieces<'a>(tsv: &'a str, markers: &'a [char]) -> impl Iterator<Item = String> + 'a {
    phrase_data::listed_forms(tsv, 2).filter_map(move |(_, form)| {
        let (key, _) = phrase_data::plain_phrase_key(form.trim_start_matches(markers))?;
        key.split(' ').next().map(str::to_string)
    })
}

/// Rust source of the words of `data/implied_numbers.tsv` (`lang, word, figure`): per language
/// (French, English) the `WORDS` and each word's `FIGURES`, in the file's order.
fn implied_tables(tsv: &str) -> String {
    let mut words: [Interner; 2] = Default::default();
    let mut figures: [Vec<Vec<String>>; 2] = Default::default();
    for row in phrase_data::rows(tsv) {
        let [lang, word, figure] = row[..] else { continue };
        let lang = usize::from(lang == "en");
        let figure: f64 = figure.parse().unwrap_or_else(|e| panic!("{IMPLIED}: bad figure {figure:?}: {e}"));
        let at = words[lang].index(word);
        if at == figures[lang].len() {
            figures[lang].push(Vec::new());
        }
        figures[lang][at].push(format!("{figure:?}"));
    }
    let lists =
        |figures: &[Vec<String>]| figures.iter().map(|f| format!("&[{}]", f.join(","))).collect::<Vec<_>>().join(",");
    let mut out = format!("// Generated by build.rs from {IMPLIED}.\n");
    let maps = [map_source(&words[0].strings), map_source(&words[1].strings)];
    writeln!(out, "pub static WORDS: [StaticMap; 2] = [{}];", maps.join(",")).unwrap();
    writeln!(out, "pub static FIGURES: [&[&[f64]]; 2] = [&[{}], &[{}]];", lists(&figures[0]), lists(&figures[1]))
        .unwrap();
    out
}
