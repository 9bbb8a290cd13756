//! Cleaning: marks boilerplate sentences as noise (never deletes them, so offsets stay true).

use crate::lang::Lang;
use std::ops::Range;

/// For each sentence, whether it is boilerplate.
pub fn mark_noise(text: &str, sentences: &[Range<usize>], _lang: Lang) -> Vec<bool> {
    sentences.iter().map(|r| is_noise(&text[r.clone()])).collect()
}

fn is_noise(sentence: &str) -> bool {
    let s = sentence.trim();
    s.contains("data-script=") || s.eq_ignore_ascii_case("Publicité") || s.eq_ignore_ascii_case("Advertisement")
}
