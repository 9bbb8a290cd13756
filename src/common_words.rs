//! The common words of each language: the words its spelling dictionary lists only in lower
//! case (SCOWL for English, Dicollecte's hunspell dictionary for French; see `data/README.md`
//! and `scripts/gen_common_words.py`). A capitalised "name" made only of them ("Clinique",
//! "Trauma Surgery") is a common word set as a title, which a translation renders in its own
//! words; a word the dictionary also lists capitalised ("Bell", "Paris") may be a name.
//!
//! The lists are embedded as sorted text, one folded word a line, and searched in place: no
//! table is built, so a run that never asks pays nothing.

use crate::lang::Lang;

const ENGLISH: &str = include_str!("../data/common-words-en.txt");
const FRENCH: &str = include_str!("../data/common-words-fr.txt");

/// Whether `folded` (a word folded by [`crate::text::fold`]) is a common word of `lang`.
pub fn is_common_word(folded: &str, lang: Lang) -> bool {
    sorted_lines_contain(if lang == Lang::En { ENGLISH } else { FRENCH }, folded)
}

/// Binary search over the lines of `text`, sorted by bytes, each ending with a newline.
fn sorted_lines_contain(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    // Invariant: every line starting before `lo` is less than `word`, every line starting at or
    // after `hi` is greater; `lo` is always a line start.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = match bytes[lo..mid].iter().rposition(|&b| b == b'\n') {
            Some(p) => lo + p + 1,
            None => lo,
        };
        let end = start + bytes[start..].iter().position(|&b| b == b'\n').unwrap_or(bytes.len() - start);
        match bytes[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_listed_word_and_nothing_between() {
        for list in [ENGLISH, FRENCH] {
            let words: Vec<&str> = list.lines().collect();
            assert!(words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "the list must be sorted by bytes");
            for (i, w) in words.iter().enumerate().step_by(97) {
                assert!(sorted_lines_contain(list, w), "{w}");
                let between = format!("{w}{}", "~");
                if words.get(i + 1).is_none_or(|next| between.as_str() < *next) {
                    assert!(!sorted_lines_contain(list, &between), "{between}");
                }
            }
        }
        assert!(!sorted_lines_contain("", "a"));
        assert!(sorted_lines_contain("a\nb\nc\n", "a") && sorted_lines_contain("a\nb\nc\n", "c"));
        assert!(!sorted_lines_contain("a\nc\n", "b") && !sorted_lines_contain("b\n", "a"));
    }

    #[test]
    fn common_words_and_names() {
        assert!(is_common_word("clinique", Lang::Fr));
        assert!(is_common_word("cliniques", Lang::Fr));
        assert!(is_common_word("surgery", Lang::En));
        assert!(is_common_word("county", Lang::En));
        // Listed capitalised too: may be a name.
        assert!(!is_common_word("paris", Lang::Fr));
        assert!(!is_common_word("bell", Lang::En));
        assert!(!is_common_word("washington", Lang::En));
        assert!(!is_common_word("portugal", Lang::Fr));
    }
}
