//! The accent and case fold every word table is keyed by: the build lays the tables out with it,
//! the program looks words up with it.

/// Removes accents, lower-cases and spells out the ligatures œ and æ, which French texts often
/// write as two letters: "Thévenot" → "thevenot", "ÉTATS" → "etats", "Œufs" → "oeufs".
pub fn fold(text: &str) -> String {
    // ASCII has no accents nor ligatures: lower-casing is the whole fold, without the Unicode
    // decomposition that made folding a sixth of an `align` run on long texts.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    fold_latin(text).unwrap_or_else(|| fold_chars(text).collect())
}

/// [`fold`] of a text made of ASCII, Latin-1 accented letters, œ/æ and common typographic
/// punctuation, by a table instead of the Unicode decomposition (French news is almost all such
/// text); `None` when some other character needs the full path.
fn fold_latin(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '\u{a0}' | '\u{202f}' | '’' | '‘' | '«' | '»' | '“' | '”' | '—' | '–' | '…' | '€' | '°' => {
                out.push(c)
            }
            _ => out.push(latin1_base(c)?),
        }
    }
    Some(out)
}

/// The lower-case ASCII base letter of a Latin-1 (or Ÿ) letter with an accent or cedilla.
fn latin1_base(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        _ => return None,
    })
}

/// The characters of [`fold`]`(text)`, one at a time, for callers that hash or compare them
/// without building the string (dedup sketches every word of a corpus).
pub fn fold_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).flat_map(|c| {
        let (first, second) = match c {
            'œ' => ('o', Some('e')),
            'æ' => ('a', Some('e')),
            c => (c, None),
        };
        std::iter::once(first).chain(second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Thévenot"), "thevenot");
        assert_eq!(fold("ÉTATS-UNIS"), "etats-unis");
        assert_eq!(fold("Œuf, sœur, cæcum"), "oeuf, soeur, caecum");
        assert_eq!(fold("Ouïghours"), "ouighours");
    }

    /// The table of [`fold_latin`] agrees with the Unicode decomposition on every character it
    /// knows, alone and next to others.
    #[test]
    fn latin_table_agrees_with_the_decomposition() {
        let mut known = 0;
        for c in (0..0x3000).filter_map(char::from_u32) {
            let text = format!("A{c}b{c}");
            if let Some(fast) = fold_latin(&text) {
                assert_eq!(fast, fold_chars(&text).collect::<String>(), "{c:?}");
                known += 1;
            }
        }
        assert!(known > 128 + 60, "{known}");
        assert_eq!(fold_latin("Kraków"), Some("krakow".to_string()));
        assert_eq!(fold_latin("Łódź"), None);
    }
}
