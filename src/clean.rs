//! Cleaning: marks boilerplate sentences as noise (never deletes them, so offsets stay true).
//!
//! Scraped news carries lines that are not the story: bylines, author bios, "Lire aussi : …",
//! "Publicité", share buttons, reading times, copyright footers, widget markup, section labels.
//! They are recognised line by line (most boilerplate is a line of its own) with the phrase lists
//! of `data/noise.txt`, and sentence by sentence for residue that hides inside a paragraph
//! (markup, a bio with an e-mail address, a line of punctuation). The rules ask for the shape of a
//! boilerplate line — short, no final period — so that a real sentence that merely starts like one
//! ("Published figures show…") stays content.

use crate::lang::Lang;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The phrase lists of `data/noise.txt`, lower-cased, laid out by `build.rs` as tables read in
/// place: `EXACT` and `LABEL` sets, `LINK`, `META` and `SHORT` lists, and the most characters of
/// an [exact] or [label] phrase (`LONGEST_LISTED`: a longer line cannot be one) and of a [link]
/// phrase (`LONGEST_LINK`: a longer line is lower-cased only that far).
mod phrases {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/noise_tables.rs"));
}

/// Markup left in the text: an attribute (`data-script= »`, `href="`) or a tag.
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[A-Za-z][\w-]*=\s*["'«»]|</?[A-Za-z][A-Za-z0-9]*[\s>/]|\s>$"#).expect("static regex")
});

/// A whole tag (`<img src="x.png">`, `</p>`) or an attribute with its value (`href="…"`): what
/// [`MARKUP`] found, to its end.
static MARKUP_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"</?[A-Za-z][^<>]*>|[A-Za-z][\w-]*=\s*("[^"]*"|'[^']*'|«[^»]*»|\S+)"#).expect("static regex")
});

/// A sentence holding markup is still content when what is left once the markup is taken out
/// is a sentence of its own: this many words and a final stop ("Il a dit <img src=…> à Paris.",
/// an `&lt;img&gt;` decoded into running text). Widget residue leaves a label or nothing.
const WORDS_AROUND_MARKUP: usize = 5;

/// Longer than any phrase of the [exact] list: such a sentence is not lower-cased to be looked up.
const MAX_EXACT_BYTES: usize = 60;
/// A line holding at most this many words counts as short.
const SHORT_LINE_WORDS: usize = 12;
/// "Lire aussi : \<a whole headline\>" may be long, but not a paragraph.
const LINK_LINE_WORDS: usize = 30;

/// Why a sentence is noise; the reason matters for its neighbours (a name before a bio).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Noise {
    Content,
    Boilerplate,
    Bio,
}

/// For each sentence, whether it is boilerplate.
pub fn mark_noise(text: &str, sentences: &[Range<usize>], _lang: Lang) -> Vec<bool> {
    // Sentences come in order, so the current line is found once, not once per sentence (a
    // long single-line text would make that quadratic).
    let mut line: Range<usize> = 0..0;
    let mut line_noise = false;
    let mut kinds: Vec<Noise> = sentences
        .iter()
        .map(|range| {
            let sentence = &text[range.clone()];
            let kind = sentence_noise(sentence);
            if kind != Noise::Content {
                return kind;
            }
            if line.is_empty() || range.start >= line.end || range.end > line.end {
                line = line_around(text, range.clone());
                line_noise = is_noise_line(&text[line.clone()]);
            }
            if line_noise {
                Noise::Boilerplate
            } else {
                Noise::Content
            }
        })
        .collect();
    // The author's name on its own line next to the bio ("Eleanor Vance" then "Eleanor - 28 years…").
    for k in 0..kinds.len() {
        let next_is_bio = kinds.get(k + 1) == Some(&Noise::Bio);
        if kinds[k] == Noise::Content && next_is_bio && is_bare_name(&text[sentences[k].clone()]) {
            kinds[k] = Noise::Boilerplate;
        }
    }
    // A headline or a widget line printed twice (the page's title, then the article's): the
    // second copy is not the story.
    let repeats = repeated_lines(text);
    if !repeats.is_empty() {
        let mut at = 0;
        for (k, range) in sentences.iter().enumerate() {
            while at < repeats.len() && repeats[at].end < range.end {
                at += 1;
            }
            if repeats.get(at).is_some_and(|line| line.start <= range.start && range.end <= line.end) {
                kinds[k] = Noise::Boilerplate;
            }
        }
    }
    // A text cut off in mid-sentence (a page stored or pasted in part) ends with a fragment.
    if let Some(last) = sentences.len().checked_sub(1).filter(|&k| k > 0) {
        if kinds[last] == Noise::Content
            && is_cut_fragment(&text[sentences[last].clone()], &text[sentences[last].end..])
        {
            kinds[last] = Noise::Boilerplate;
        }
    }
    kinds.into_iter().map(|k| k != Noise::Content).collect()
}

/// The lines that repeat an earlier line of the text word for word: short (2 to
/// `SHORT_LINE_WORDS` words) and without a final stop, as headlines, datelines and widget
/// labels are. Dialogue repeats itself ("— Oui.") but ends like a sentence.
fn repeated_lines(text: &str) -> Vec<Range<usize>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.len();
        start = range.end;
        let trimmed = line.trim();
        let words = crate::text::count_words(trimmed, SHORT_LINE_WORDS + 1);
        if !(2..=SHORT_LINE_WORDS).contains(&words) || ends_like_sentence(trimmed) {
            continue;
        }
        if !seen.insert(trimmed) {
            out.push(range);
        }
    }
    out
}

/// The last sentence of a text that stops in mid-sentence: at least `CUT_FRAGMENT_WORDS` words
/// (a label, a short headline or a list item at the end is left to the other rules), no list
/// marker before it, no final stop, a last
/// word in lower case (a list or a headline ends on a name: "… de Jafar Panahi"), and nothing
/// but white space after it.
fn is_cut_fragment(sentence: &str, after: &str) -> bool {
    // A list's last item ("c. The third list item", "• 10. Get some rest") ends without a stop.
    let list_item = sentence
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(['•', '-', '–', '*', '(']) || w.ends_with(['.', ')']) && w.chars().count() <= 3);
    after.trim().is_empty()
        && !list_item
        && !ends_like_sentence(sentence)
        && !sentence.trim_end().ends_with([':', ';'])
        && crate::text::count_words(sentence, CUT_FRAGMENT_WORDS) == CUT_FRAGMENT_WORDS
        && sentence.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// See [`is_cut_fragment`].
const CUT_FRAGMENT_WORDS: usize = 8;

/// The whole line(s) around a sentence.
fn line_around(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..range.start]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &bytes[range.end..]).map_or(text.len(), |p| range.end + p);
    start..end
}

/// Lower-cased, without surrounding white space and punctuation: "Publicité :" → "publicité".
fn normalise(s: &str) -> String {
    bare(s).to_lowercase()
}

/// Without surrounding white space and punctuation, case kept.
fn bare(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '!' | '|' | '-' | '–' | '—' | '>' | '<'))
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().trim_end_matches(['"', '”', '»', ')', ' ', '\u{a0}']).ends_with(['.', '!', '?', '…'])
}

/// Rules over one sentence, wherever it stands.
fn sentence_noise(sentence: &str) -> Noise {
    let s = sentence.trim();
    if !s.chars().any(char::is_alphabetic) {
        return Noise::Boilerplate;
    }
    if is_bio(s) {
        return Noise::Bio;
    }
    if is_footer(s) {
        return Noise::Boilerplate;
    }
    let has_markup_char = memchr::memchr3(b'=', b'<', b'>', s.as_bytes()).is_some();
    let exact = s.len() <= MAX_EXACT_BYTES && phrases::EXACT.contains(&normalise(s));
    if (has_markup_char && MARKUP.is_match(s) && !sentence_around_markup(s)) || exact {
        return Noise::Boilerplate;
    }
    Noise::Content
}

/// Whether a sentence with markup in it reads as a sentence once the markup is taken out.
fn sentence_around_markup(s: &str) -> bool {
    let rest = MARKUP_PIECE.replace_all(s, " ");
    if rest.contains(['<', '>', '=']) || !ends_like_sentence(&rest) {
        return false;
    }
    let words = rest.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    words >= WORDS_AROUND_MARKUP
}

/// The lower-cased head of `s`: its first `chars` characters.
fn lower_head(s: &str, chars: usize) -> String {
    let end = s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i);
    s[..end].to_lowercase()
}

/// A footer sentence, wherever it stands: "Copyright 2024 The Associated Press.", "© AFP",
/// "This material may not be published, broadcast…" (the phrases of [footer]).
fn is_footer(s: &str) -> bool {
    if !s.starts_with(['©', 'C', 'c', 'T', 't']) {
        return false;
    }
    let head = lower_head(s, FOOTER_HEAD_CHARS);
    let short = crate::text::count_words(s, SHORT_LINE_WORDS + 1) <= SHORT_LINE_WORDS;
    let copyright = head.starts_with('©')
        || head.strip_prefix("copyright").is_some_and(|rest| {
            rest.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '©') && rest.starts_with(' ')
        });
    (short && copyright) || phrases::FOOTER.iter().any(|p| starts_with_phrase(&head, p))
}

/// How much of a sentence is lower-cased to look for a footer or caption phrase.
const FOOTER_HEAD_CHARS: usize = 64;
/// A photo caption may run longer than a link line.
const CAPTION_LINE_WORDS: usize = 60;
/// At most this many words after a final "©" make a credit ("… © Pierre René-Worms").
const CREDIT_WORDS: usize = 6;

/// A photo caption or credit line: it starts with a [caption] phrase ("Photo : …",
/// "PHOTO BENOIT TESSIER, REUTERS …"), or ends with a credit ("… © Jane Roe", "… (Photo:
/// Jane Roe/La Presse canadienne)").
fn is_caption(line: &str) -> bool {
    let head = lower_head(line, FOOTER_HEAD_CHARS);
    if phrases::CAPTION.iter().any(|p| starts_with_phrase(&head, p)) {
        return true;
    }
    let tail = line.trim_end();
    if let Some(at) = tail.rfind('©') {
        let credit = &tail[at + '©'.len_utf8()..];
        let words = credit.split_whitespace().count();
        return (1..=CREDIT_WORDS).contains(&words) && !ends_like_sentence(credit) && at > 0;
    }
    if tail.ends_with(')') {
        if let Some(at) = tail.rfind('(') {
            let inside = lower_head(&tail[at + 1..], 8);
            return at > 0 && (inside.starts_with("photo") || inside.starts_with("crédit"));
        }
    }
    false
}

/// A credit or byline naming a news agency: a short line of capitalised words without a final
/// stop ("Jerome Pugmire Associated Press", "Catherine Morrison, La Presse Canadienne", "LG, avec
/// AFP", "THE CANADIAN PRESS/Adrian Wyld", "(ATS)").
fn is_agency_credit(line: &str) -> bool {
    const JOINERS: [&str; 8] = ["et", "and", "avec", "with", "de", "du", "of", "the"];
    const CREDIT_LINE_WORDS: usize = 10;
    if ends_like_sentence(line) || crate::text::count_words(line, CREDIT_LINE_WORDS + 1) > CREDIT_LINE_WORDS {
        return false;
    }
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let words = split(line);
    let capitalised = |w: &String| w.starts_with(char::is_uppercase) || JOINERS.contains(&w.to_lowercase().as_str());
    if words.is_empty() || !words.iter().all(capitalised) {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    phrases::AGENCY.iter().any(|agency| {
        let agency = split(agency);
        lower.windows(agency.len()).any(|w| w == agency.as_slice())
    })
}

/// Rules over a whole line: boilerplate is usually a line of its own.
fn is_noise_line(line: &str) -> bool {
    let line = line.trim();
    // Every rule is about short lines: a paragraph is dismissed before any lower-casing.
    let words = crate::text::count_words(line, CAPTION_LINE_WORDS + 1);
    if words > CAPTION_LINE_WORDS {
        return false;
    }
    if is_caption(line) {
        return true;
    }
    if words > LINK_LINE_WORDS {
        return false;
    }
    let short = words <= SHORT_LINE_WORDS;
    let bare = bare(line);
    let listed = bare.chars().nth(phrases::LONGEST_LISTED).is_none();
    // Most lines are sentences of a paragraph: of those, only the head can match (a link
    // phrase), so only the head is lower-cased.
    let norm = if short || listed {
        bare.to_lowercase()
    } else {
        let head = bare.char_indices().nth(phrases::LONGEST_LINK + 1).map_or(bare.len(), |(i, _)| i);
        bare[..head].to_lowercase()
    };
    if listed && (phrases::EXACT.contains(&norm) || phrases::LABEL.contains(&norm)) {
        return true;
    }
    if phrases::LINK.iter().any(|p| starts_with_phrase(&norm, p)) {
        return true;
    }
    if !short {
        return false;
    }
    if phrases::SHORT.iter().any(|p| norm.contains(p))
        || is_byline(line)
        || is_agency_credit(line)
        || phrases::COUNTRY.contains(&norm)
    {
        return true;
    }
    !ends_like_sentence(line) && phrases::META.iter().any(|p| starts_with_phrase(&norm, p))
}

/// `text` starts with `phrase` as whole words ("published" but not "publishedx").
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase).is_some_and(|rest| {
        rest.is_empty()
            || phrase.ends_with(|c: char| !c.is_alphanumeric())
            || rest.starts_with(|c: char| !c.is_alphanumeric())
    })
}

/// "Par Jean Dupont, AFP", "By Sarah Jones and Tom Wu, Reuters", "Propos recueillis par Anne Roy".
fn is_byline(line: &str) -> bool {
    let rest = ["Par ", "By ", "BY ", "PAR ", "Propos recueillis par ", "Avec ", "With "]
        .iter()
        .find_map(|p| line.strip_prefix(p));
    let Some(rest) = rest else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || (ends_like_sentence(line) && !rest.trim_end().ends_with("P.")) {
        return false;
    }
    const JOINERS: [&str; 12] = ["et", "and", "de", "du", "des", "la", "le", "avec", "with", "in", "à", "en"];
    let named =
        words.iter().filter(|w| w.starts_with(char::is_uppercase) || JOINERS.contains(&w.trim_matches(','))).count();
    words[0].starts_with(char::is_uppercase) && named == words.len()
}

/// An author's bio: a contact address with first-person talk, or a career summary.
fn is_bio(s: &str) -> bool {
    // `s.contains('@') || s.contains("xperience") || s.contains("xpérience")`, in one pass.
    let bytes = s.as_bytes();
    let may_be = memchr::memchr2_iter(b'@', b'x', bytes).any(|at| {
        let rest = &bytes[at + 1..];
        bytes[at] == b'@' || rest.starts_with(b"perience") || rest.starts_with("périence".as_bytes())
    });
    if !may_be {
        return false;
    }
    let lower = s.to_lowercase();
    let has_contact = s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.contains('@') && w.contains('.')
    });
    let first_person =
        [" i ", " i'm ", " my ", " me:", " me ", " je ", " j'", " mon ", " ma "].iter().any(|p| lower.contains(p));
    let career = ["years experience", "years of experience", "ans d'expérience", "ans d’expérience"]
        .iter()
        .any(|p| lower.contains(p));
    (has_contact && first_person) || career
}

/// "Eleanor Vance": one to four capitalised words, nothing else.
fn is_bare_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables `build.rs` wrote hold the lists of `data/noise.txt`, in its order.
    #[test]
    fn build_time_tables_hold_the_noise_lists() {
        let listed = newsalign_tables::noise_list::phrases(include_str!("../data/noise.txt")).unwrap();
        let of = |section: &'static str| listed.iter().filter(move |(s, _)| *s == section).map(|(_, p)| p.as_str());
        assert!(of("exact").chain(of("label")).all(|p| phrases::EXACT.contains(p) || phrases::LABEL.contains(p)));
        assert!(phrases::LINK.iter().eq(of("link")));
        assert!(phrases::META.iter().eq(of("meta")));
        assert!(phrases::SHORT.iter().eq(of("short")));
        assert!(phrases::CAPTION.iter().eq(of("caption")));
        assert!(phrases::FOOTER.iter().eq(of("footer")));
        assert!(phrases::AGENCY.iter().eq(of("agency")));
        assert!(phrases::COUNTRY.contains("burkina faso") && phrases::COUNTRY.contains("côte d’ivoire"));
        let longest = of("exact").chain(of("label")).map(|p| p.chars().count()).max();
        assert_eq!(longest, Some(phrases::LONGEST_LISTED));
        assert_eq!(of("link").map(|p| p.chars().count()).max(), Some(phrases::LONGEST_LINK));
    }

    fn noise_of(text: &str) -> Vec<(String, bool)> {
        let spans = crate::segment::split(text, Lang::Fr);
        let noise = mark_noise(text, &spans, Lang::Fr);
        spans.into_iter().zip(noise).map(|(r, n)| (crate::text::one_line(&text[r]), n)).collect()
    }

    fn noisy(text: &str) -> Vec<String> {
        noise_of(text).into_iter().filter(|(_, n)| *n).map(|(s, _)| s).collect()
    }

    /// A tag decoded into running text (`&lt;img …&gt;`) does not make a real sentence noise;
    /// markup with a label or nothing around it still is.
    #[test]
    fn a_sentence_around_a_tag_stays_content() {
        let text =
            "Le ministre a annoncé 300 millions d'euros lundi <img src=\"x.png\" onerror=\"alert(1)\"> à Paris.\n\n\
                    <div class=\"share\">Partager</div>\n\n\
                    data-script= »widget« loaded\n\n\
                    La pluie est tombée sur Lyon.";
        assert_eq!(noisy(text), ["Partager", "data-script= »widget« loaded"]);
    }

    #[test]
    fn marks_french_boilerplate() {
        let text = "Actualités\n\nLa digue de Valmont a cédé\n\nPar Jeanne Morel, AFP\n\nPublicité\n\n\
                    La digue a cédé lundi soir. Trois maisons ont été inondées.\n\n\
                    Lire aussi : Les crues de 1910, un siècle après\n\nPartager sur Facebook\n\n\
                    Temps de lecture : 3 min\n\n© AFP 2024\n\nBouton retour en haut de la page";
        assert_eq!(
            noisy(text),
            [
                "Actualités",
                "Par Jeanne Morel, AFP",
                "Publicité",
                "Lire aussi : Les crues de 1910, un siècle après",
                "Partager sur Facebook",
                "Temps de lecture : 3 min",
                "© AFP 2024",
                "Bouton retour en haut de la page"
            ]
        );
    }

    #[test]
    fn marks_english_boilerplate_and_widget_residue() {
        let text = "Published\nReading time: 2 min\nShare this article\n\n\
                    » data-script= »https://static.example.com/widget/index.js» >\n\n\
                    Advertisement\n\nRead more: Dam repairs to start in spring\n\nSign up for our newsletter";
        let all = noise_of(text);
        assert!(all.iter().all(|(_, n)| *n), "{all:?}");
    }

    #[test]
    fn marks_a_bio_and_the_name_above_it() {
        let text = "Mara Quill\n\nMara - 31 years I have 6 years experience in journalism, and you can write to me: mara@example.org";
        assert!(noise_of(text).iter().all(|(_, n)| *n));
    }

    #[test]
    fn never_marks_headlines_or_real_sentences() {
        let text = "Crue historique : la Loire déborde à Valmont\n\n\
                    Published figures show the river rose by 2.4 metres.\n\n\
                    Par ailleurs, la préfecture a ouvert un gymnase.\n\n\
                    By Monday evening, 300 people had left their homes.\n\n\
                    Share prices of the insurer fell 4% on Tuesday.\n\n\
                    « Acte de guerre »\n\nOther towns on alert\n\nLe maire a partagé une vidéo.\n\nFrance";
        let flagged = noisy(text);
        assert_eq!(flagged, ["France"], "only the lone section label is noise");
    }

    #[test]
    fn marks_captions_credits_and_footers() {
        let text = "La digue de Valmont a cédé\n\nPar Jeanne Morel\n\n\
                    PHOTO MARC DUVAL, REUTERS Le maire devant la digue\n\n\
                    La digue a cédé lundi soir. (Photo: Anne Roy/La Presse canadienne)\n\n\
                    Trois maisons ont été inondées à Valmont.\n\n\
                    Les pompiers sont restés sur place toute la nuit. © Paul Martin\n\n\
                    Anne Roy, La Presse Canadienne\n\nLG, avec AFP\n\n(ATS)\n\n\
                    Copyright 2024 The Associated Press. This material may not be published, broadcast or redistributed.";
        assert_eq!(
            noisy(text),
            [
                "Par Jeanne Morel",
                "PHOTO MARC DUVAL, REUTERS Le maire devant la digue",
                "La digue a cédé lundi soir. (Photo: Anne Roy/La Presse canadienne)",
                "Les pompiers sont restés sur place toute la nuit.",
                "© Paul Martin",
                "Anne Roy, La Presse Canadienne",
                "LG, avec AFP",
                "(ATS)",
                "Copyright 2024 The Associated Press.",
                "This material may not be published, broadcast or redistributed."
            ]
        );
    }

    #[test]
    fn a_repeated_headline_and_a_cut_last_sentence_are_noise() {
        let text = "La digue de Valmont a cédé\n\nLa digue de Valmont a cédé\n\n\
                    La digue a cédé lundi soir.\n\nLe préfet a ouvert un gymnase pour les familles qui";
        assert_eq!(noisy(text), ["La digue de Valmont a cédé", "Le préfet a ouvert un gymnase pour les familles qui"]);
        // A list that ends on a name, and a dialogue line said twice, are the text.
        let text = "Les prix :\n\n- Palme d'or : « Un simple accident », de Jafar Panahi";
        assert!(noisy(text).is_empty(), "{:?}", noisy(text));
        assert!(noisy("— Oui.\n\nIl se tut.\n\n— Oui.").is_empty());
        // The last item of a list ends without a stop.
        assert!(noisy("Ce qu'il faut faire :\n\n1. Prendre rendez-vous avec son médecin traitant assez tôt").is_empty());
        // A lone line naming a country is a section label.
        assert_eq!(noisy("Burkina Faso\n\nLe président sortant a été réélu."), ["Burkina Faso"]);
    }

    #[test]
    fn lines_without_letters_are_noise() {
        assert_eq!(noisy("3\n\nIntroduction"), ["3"]);
        let garbage = noise_of("Fin. .). .).");
        assert_eq!(garbage[0], ("Fin.".to_string(), false));
        assert!(garbage[1..].iter().all(|(_, n)| *n), "{garbage:?}");
    }
}
