//! English word forms whose Snowball stem differs from the stem of the form the lexicon lists,
//! so that a French word meets every form of its translation.
//!
//! The lexicon is keyed stem to stem: "blessés → injured" gives the key `injur`, the stem of
//! "injured"; but Snowball stems "injuries" to `injuri` (a final `y` becomes `i`), and it leaves
//! irregular forms alone ("men" is not `man`, "stolen" is not `steal`). An English word gets the
//! keys of those other forms besides its own stem.

use crate::bilingual::stem_cow;
use crate::lang::Lang;
use std::borrow::Cow;

/// Irregular English plurals (`-ves`, Greek and Latin ones among them) and past forms, with the form a lexicon lists, sorted by form
/// (looked up by binary search). Only content words:
/// the light verbs (say, go, come, make, take, give, see, know, think, find...) are left out,
/// because nearly every sentence of a story or a novel holds one, so that their match pairs
/// sentences that share nothing else (on the novels it took the place of position-only pairs
/// in gaps). Written by the newsalign authors from English grammar.
const IRREGULAR: &[(&str, &str)] = &[
    ("analyses", "analysis"),
    ("arisen", "arise"),
    ("arose", "arise"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("bled", "bleed"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("built", "build"),
    ("calves", "calf"),
    ("caught", "catch"),
    ("children", "child"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("crises", "crisis"),
    ("criteria", "criterion"),
    ("diagnoses", "diagnosis"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("dug", "dig"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("feet", "foot"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("geese", "goose"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("halves", "half"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hung", "hang"),
    ("hypotheses", "hypothesis"),
    ("knives", "knife"),
    ("lent", "lend"),
    ("lives", "life"),
    ("loaves", "loaf"),
    ("lost", "lose"),
    ("men", "man"),
    ("mice", "mouse"),
    ("overtaken", "overtake"),
    ("overtook", "overtake"),
    ("phenomena", "phenomenon"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("sang", "sing"),
    ("sank", "sink"),
    ("shaken", "shake"),
    ("shelves", "shelf"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("slept", "sleep"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("struck", "strike"),
    ("sung", "sing"),
    ("sunk", "sink"),
    ("swam", "swim"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taught", "teach"),
    ("teeth", "tooth"),
    ("theses", "thesis"),
    ("thieves", "thief"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("undertaken", "undertake"),
    ("undertook", "undertake"),
    ("wept", "weep"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("wives", "wife"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("wolves", "wolf"),
    ("women", "woman"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Pushes to `out` the keys an English word has besides its own `stem`: the stem of the form
/// the lexicon lists when the word is an irregular form ("stolen" also meets `steal`), and,
/// when Snowball ended the stem with the `i` of a final `y` after a consonant ("injuri" of
/// "injuries", "injury"), the stem without it (`injur`, of "injured", "injure"). Stems of
/// fewer than six letters keep their `i`: "parti" (party) must not meet "part".
pub fn variants<'a>(folded: &str, stem: &'a str, out: &mut Vec<Cow<'a, str>>) {
    if let Ok(at) = IRREGULAR.binary_search_by(|(form, _)| (*form).cmp(folded)) {
        out.push(stem_cow(IRREGULAR[at].1, Lang::En));
    }
    let bytes = stem.as_bytes();
    if let [.., before, b'i'] = bytes {
        if bytes.len() >= 6 && before.is_ascii_alphabetic() && !b"aeiouy".contains(before) {
            out.push(Cow::Borrowed(&stem[..stem.len() - 1]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(word: &str) -> Vec<String> {
        let stem = stem_cow(word, Lang::En);
        let mut out = Vec::new();
        variants(word, &stem, &mut out);
        out.into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn the_irregular_forms_are_sorted_for_the_binary_search() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_stem_ending_with_the_i_of_a_final_y_also_meets_the_stem_without_it() {
        assert_eq!(stem_cow("injured", Lang::En), "injur");
        assert_eq!(keys("injuries"), ["injur"]);
        assert_eq!(keys("injury"), ["injur"]);
        // Short stems keep their i, and so do words that end otherwise.
        assert!(keys("party").is_empty());
        assert!(keys("injured").is_empty());
        assert!(keys("government").is_empty());
    }

    #[test]
    fn an_irregular_form_also_meets_the_form_the_lexicon_lists() {
        assert_eq!(keys("women"), [stem_cow("woman", Lang::En).into_owned()]);
        assert_eq!(keys("stolen"), [stem_cow("steal", Lang::En).into_owned()]);
        assert_eq!(keys("thieves"), [stem_cow("thief", Lang::En).into_owned()]);
        assert_eq!(keys("crises"), [stem_cow("crisis", Lang::En).into_owned()]);
        // Light verbs are left out: they are in every story.
        assert!(keys("said").is_empty());
        assert!(keys("went").is_empty());
    }
}
