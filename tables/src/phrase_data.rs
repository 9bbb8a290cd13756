//! Reading the phrase tables of `data/`: rows, gazetteer forms, and the key of a plain phrase.
//!
//! The build keys the gazetteer with the very code the run time uses for every other phrase table.

/// The data rows of a TSV file: comment and blank lines skipped, fields split on tabs.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// The forms of a table whose rows have `fields` fields, the last one listing forms separated by
/// '|' (currencies, units): (row line, form) in the data's order; rows of another width are
/// skipped. A form's leading markers ('=', '^') are flags of the form, kept here.
pub fn listed_forms(tsv: &str, fields: usize) -> impl Iterator<Item = (&str, &str)> {
    let lines = tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    lines.filter(move |line| line.split('\t').count() == fields).flat_map(|line| {
        let forms = line.rsplit('\t').next().unwrap_or_default();
        forms.split('|').map(move |form| (line, form))
    })
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

/// The words of a word list: one a line, blank and `#` comment lines skipped.
pub fn word_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words of `data/name_stopwords.txt`, each with whether it is a title (written `title WORD`).
pub fn name_stopwords(data: &str) -> impl Iterator<Item = (&str, bool)> {
    word_lines(data).map(|line| match line.strip_prefix("title ") {
        Some(title) => (title, true),
        None => (line, false),
    })
}

/// Words of a span of time after a count ("two weeks", "trois jours").
pub const TIME_UNIT_WORDS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "year",
    "years",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "annee",
    "annees",
];

/// Words that name a day by themselves ("hier", "tomorrow"), or begin one ("aujourd'hui").
pub const DAY_WORDS: &[&str] =
    &["today", "yesterday", "tomorrow", "hier", "demain", "aujourd", "desormais", "dorenavant"];

/// Words that open a number without being number words: signs, "half", and the articles that
/// say one ("a year", "un an").
pub const NUMBER_OPENERS: &[&str] = &["minus", "negative", "half", "a", "an", "moins", "un", "une"];

/// A month or weekday name: folded, its number, and whether it is an abbreviation.
pub type CalendarName = (String, u32, bool);

/// The month and weekday names of `data/calendar.tsv` (`lang, kind, number, wide, abbreviated`),
/// folded, French then English, months then weekdays: each name once, with what the last row
/// naming it says (a wide name after its abbreviation: "mars" is no abbreviation), and a few
/// common English spellings CLDR does not give.
pub fn calendar_names(tsv: &str) -> [[Vec<CalendarName>; 2]; 2] {
    let mut out: [[Vec<CalendarName>; 2]; 2] = Default::default();
    let set = |list: &mut Vec<CalendarName>, name: String, n: u32, abbreviated: bool, replace: bool| match list
        .iter_mut()
        .find(|(known, _, _)| *known == name)
    {
        Some(entry) if replace => *entry = (name, n, abbreviated),
        Some(_) => {}
        None => list.push((name, n, abbreviated)),
    };
    for row in rows(tsv) {
        let [lang, kind, number, wide, abbr] = row[..] else { continue };
        let list = &mut out[usize::from(lang != "fr")][usize::from(kind != "month")];
        let n: u32 = number.parse().expect("calendar.tsv: bad number");
        set(list, crate::fold::fold(abbr), n, true, true);
        set(list, crate::fold::fold(wide), n, false, true);
    }
    for (abbr, n) in [("sept", 9), ("sep", 9), ("tues", 2), ("thur", 4), ("thurs", 4), ("weds", 3)] {
        let is_month = n > 7 || abbr.starts_with("se");
        set(&mut out[1][usize::from(!is_month)], abbr.to_string(), n, true, false);
    }
    out
}

/// Lower-cases and removes accents, cheaply for ASCII.
pub fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        crate::fold::fold(word)
    }
}

/// The key of a phrase (its tokens' key pieces joined by one space) and how many pieces it has,
/// for a phrase of letters, white space, punctuation and at most one run of digits between
/// letters and spaces (or before a hyphen: "G 20", "MI5", "1er-Mai", "8-Mai") — exactly what the facts tokenizer would give;
/// `None` for any other phrase (digits elsewhere follow number rules), which needs the tokenizer.
pub fn plain_phrase_key(phrase: &str) -> Option<(String, usize)> {
    if let Some(key) = ascii_phrase_key(phrase) {
        return Some(key);
    }
    let mut key = String::with_capacity(phrase.len());
    let mut count = 0;
    let mut prev: Option<char> = None;
    let mut seen_digits = false;
    let mut chars = phrase.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let piece = if c.is_whitespace() || c == '-' || c == '‑' {
            // Hyphens are tokens that no key has a piece for.
            prev = Some(c);
            continue;
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            let in_word = |d: &char| d.is_alphabetic() || unicode_normalization::char::is_combining_mark(*d);
            while let Some((i, d)) = chars.next_if(|(_, d)| in_word(d)) {
                end = i + d.len_utf8();
            }
            fold_word(&phrase[at..end])
        } else if c.is_ascii_digit() {
            // One run of digits, alone between letters and spaces, is a number token of its own;
            // more digits, or a mark before or after it, follow number rules (groups, decimals,
            // exponents, signs).
            let end = phrase[at..].find(|d: char| !d.is_ascii_digit()).map_or(phrase.len(), |n| at + n);
            let next = phrase[end..].chars().next();
            let alone = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_alphabetic());
            let hyphen_next = next == Some('-');
            if seen_digits
                || !alone(prev)
                || !(alone(next) || hyphen_next)
                || phrase[end..].contains(|d: char| d.is_ascii_digit())
            {
                return None;
            }
            seen_digits = true;
            while chars.next_if(|(i, _)| *i < end).is_some() {}
            phrase[at..end].to_string()
        } else if c == '’' || c == '‘' {
            "'".to_string()
        } else {
            // Any other mark is a token of its own ('.', '-' and '−' start a number only before
            // a digit, which a plain phrase has only after a letter or a space).
            c.to_string()
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
