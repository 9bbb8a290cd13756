//! Reading the phrase tables of `data/`: rows, gazetteer forms, and the key of a plain phrase.
//!
//! Free of crate paths but `crate::text`, so that `build.rs` includes this file too: the build
//! keys the gazetteer with the very code the run time uses for every other phrase table.

/// The data rows of a TSV file: comment and blank lines skipped, fields split on tabs.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// Every way to write an entity, in the gazetteer's order: (key, type, form) from
/// `data/gazetteer.tsv` (forms '|'-separated), then the CLDR names of `data/countries.tsv`
/// (type "place"). An entity's first form listed wins nothing: every form is kept.
pub fn gazetteer_forms<'a>(gazetteer_tsv: &'a str, countries_tsv: &'a str) -> impl Iterator<Item = [&'a str; 3]> {
    let gazetteer = rows(gazetteer_tsv).flat_map(|row| match row[..] {
        [key, kind, forms] => Some(forms.split('|').map(move |form| [key, kind, form])),
        _ => None,
    });
    let countries = rows(countries_tsv).flat_map(|row| match row[..] {
        [code, fr, en] => Some(cldr_forms(fr).chain(cldr_forms(en)).map(move |form| [code, "place", form])),
        _ => None,
    });
    gazetteer.flatten().chain(countries.flatten())
}

/// Splits a CLDR name like "Myanmar (Birmanie)" into its two forms.
fn cldr_forms(name: &str) -> impl Iterator<Item = &str> {
    name.split(['(', ')']).map(str::trim).filter(|s| !s.is_empty())
}

/// Lower-cases and removes accents, cheaply for ASCII.
pub fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        crate::text::fold(word)
    }
}

/// Punctuation a plain phrase may hold: each mark is a token of its own, its text the key piece
/// ('’' and '‘' read as "'"); hyphens are no piece at all.
const PLAIN_PUNCTUATION: &[char] = &['.', '\'', '&', '(', ')', '/', ',', '$'];

/// The key of a phrase (its tokens' key pieces joined by one space) and how many pieces it has,
/// for a phrase of letters, white space, hyphens, [`PLAIN_PUNCTUATION`] and a final run of
/// digits after a letter or a space — exactly what the facts tokenizer would give; `None` for
/// any other phrase, which needs the tokenizer. Most data phrases are plain.
pub fn plain_phrase_key(phrase: &str) -> Option<(String, usize)> {
    if let Some(key) = ascii_phrase_key(phrase) {
        return Some(key);
    }
    let mut key = String::with_capacity(phrase.len());
    let mut count = 0;
    let mut prev: Option<char> = None;
    let mut chars = phrase.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let piece = if c.is_whitespace() || c == '-' {
            prev = Some(c);
            continue;
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            while let Some((i, d)) = chars.next_if(|(_, d)| d.is_alphabetic()) {
                end = i + d.len_utf8();
            }
            fold_word(&phrase[at..end])
        } else if c.is_ascii_digit() {
            // Digits elsewhere (after a dot, a hyphen, or followed by more) follow number rules.
            let last = phrase[at..].bytes().all(|b| b.is_ascii_digit());
            if !last || !prev.is_none_or(|p| p.is_whitespace() || p.is_alphabetic()) {
                return None;
            }
            chars.by_ref().for_each(drop);
            phrase[at..].to_string()
        } else if c == '’' || c == '‘' {
            "'".to_string()
        } else if PLAIN_PUNCTUATION.contains(&c) {
            c.to_string()
        } else {
            return None;
        };
        if count > 0 {
            key.push(' ');
        }
        key.push_str(&piece);
        count += 1;
        prev = Some(c);
    }
    Some((key, count))
}

/// [`plain_phrase_key`] of a phrase of ASCII letters, spaces and hyphens, byte by byte without a
/// String a word; `None` for any other phrase.
fn ascii_phrase_key(phrase: &str) -> Option<(String, usize)> {
    if !phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'-') {
        return None;
    }
    let mut key = String::with_capacity(phrase.len());
    let mut count = 0;
    let mut in_word = false;
    for b in phrase.bytes() {
        if b.is_ascii_alphabetic() {
            if !in_word {
                if count > 0 {
                    key.push(' ');
                }
                count += 1;
                in_word = true;
            }
            key.push(char::from(b.to_ascii_lowercase()));
        } else {
            in_word = false;
        }
    }
    Some((key, count))
}
