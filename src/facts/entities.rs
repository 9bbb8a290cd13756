//! Named entities: gazetteer entries first, then runs of capitalized words.
//!
//! A name outside the gazetteer gets a key that folds accents, case and hyphen style, so that
//! "Thévenot"/"Thevenot", "IPAC"/"Ipac" and "François-Xavier"/"Francois Xavier" meet; the text
//! as written stays in the fact, so a spelling difference can still be reported. A capital says
//! nothing at the start of a sentence, a quotation or a headline: there a word is a name only if
//! the gazetteer knows it or the document writes it with a capital elsewhere.

use super::gazetteer;
use super::tokens::Token;
use super::{EntityType, Fact, FactKind};
use crate::lang::Lang;
use rustc_hash::FxHashSet as HashSet;

/// The words of `data/name_stopwords.txt` (`NAME_STOPWORDS`: capitalized function words and
/// titles that do not start a name) and its `TITLES`, laid out by `build.rs` as sets read in place.
mod stopwords {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/name_stopwords.rs"));
}

/// Particles inside a name: "Charles de Gaulle", "Bank of England", "Ursula von der Leyen".
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "da", "del", "of", "bin", "ben", "al", "el", "y",
];

/// Words that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "ministere",
    "party",
    "parti",
    "bank",
    "banque",
    "company",
    "group",
    "groupe",
    "inc",
    "ltd",
    "sa",
    "university",
    "universite",
    "agency",
    "agence",
    "association",
    "council",
    "conseil",
    "court",
    "cour",
    "commission",
    "committee",
    "comite",
    "office",
    "institute",
    "institut",
    "foundation",
    "fondation",
    "corporation",
    "corp",
    "federation",
    "union",
    "alliance",
    "front",
    "league",
    "ligue",
    "club",
    "assembly",
    "assemblee",
    "parliament",
    "parlement",
    "department",
    "departement",
    "police",
    "army",
    "armee",
    "fund",
    "fonds",
];

/// What the whole document says about words: which are written in lower case somewhere, and which
/// with a capital where a capital means a name.
struct DocWords<'t> {
    lower: HashSet<&'t str>,
    capital_inside: HashSet<&'t str>,
}

fn doc_words<'t>(tokens: &'t [Token], initial: &[bool]) -> DocWords<'t> {
    let mut words = DocWords { lower: HashSet::default(), capital_inside: HashSet::default() };
    for (t, &init) in tokens.iter().zip(initial) {
        if !t.is_word() {
            continue;
        }
        if t.is_capitalized() {
            if !init {
                words.capital_inside.insert(&t.folded);
            }
        } else {
            words.lower.insert(&t.folded);
        }
    }
    words
}

/// Which tokens stand where a capital says nothing: sentence and quote starts, and every word of
/// a sentence written in headline case ("Hackers Target MEP Ahead Of Vote").
fn capital_uninformative(tokens: &[Token]) -> Vec<bool> {
    let mut initial: Vec<bool> = tokens.iter().map(|t| t.initial).collect();
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len()).find(|&k| tokens[k].initial && tokens[k].is_word()).unwrap_or(tokens.len());
        let long: Vec<&Token> =
            tokens[start..end].iter().filter(|t| t.is_word() && t.text.chars().count() >= 4).collect();
        let capitals = long.iter().filter(|t| t.is_capitalized()).count();
        // Headline case leaves only short function words in lower case: a verb or a noun in
        // lower case ("received") makes it a sentence rich in names.
        let lower_content =
            long.iter().any(|t| !t.is_capitalized() && t.is_word() && !HEADLINE_LOWER.contains(&t.folded.as_ref()));
        if long.len() >= 3 && capitals * 10 >= long.len() * 8 && !lower_content {
            initial[start..end].iter_mut().for_each(|x| *x = true);
        }
        start = end;
    }
    initial
}

/// Words of four letters or more that headline case may leave in lower case.
const HEADLINE_LOWER: &[&str] = &[
    "from", "with", "into", "onto", "over", "upon", "amid", "than", "that", "this", "after", "about", "under", "pour",
    "dans", "avec", "sans", "sous", "vers", "chez", "entre", "contre", "apres", "avant", "depuis", "pendant", "selon",
    "leur", "leurs", "dont", "pas",
];

/// The key of a name outside the gazetteer: folded, hyphens and apostrophes made plain spaces
/// and quotes, white space collapsed.
pub fn name_key(text: &str) -> String {
    let folded = crate::text::fold(text).replace(['-', '‑'], " ").replace(['’', '‘'], "'");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_acronym(tok: &Token) -> bool {
    let mut letters = tok.text.chars().filter(|c| c.is_alphabetic());
    tok.text.chars().count() >= 2 && letters.all(char::is_uppercase)
}

/// Extracts the entities of a token list, skipping claimed tokens.
pub fn extract(text: &str, tokens: &[Token], claimed: &mut [bool], _lang: Lang, out: &mut Vec<Fact>) {
    let initial = capital_uninformative(tokens);
    let words = doc_words(tokens, &initial);
    let mut i = 0;
    while i < tokens.len() {
        if claimed[i] || !tokens[i].is_word() {
            i += 1;
            continue;
        }
        let found = gazetteer::lookup(tokens, i).or_else(|| gazetteer::lookup_after_contraction(tokens, i));
        if let Some((end, entry)) = found.filter(|(end, _)| claimed[i..*end].iter().all(|c| !c)) {
            if let Some(title_end) = title_after_place(tokens, end, claimed) {
                // "Vietnam News", "Bangkok Post": the place names a newspaper, not where it is.
                let (s, e) = (tokens[i].start, tokens[title_end - 1].end);
                push(text, tokens, claimed, i, title_end, name_key(&text[s..e]), EntityType::Org, out);
                i = title_end;
                continue;
            }
            push(text, tokens, claimed, i, end, entry.key.to_string(), entry.entity_type, out);
            i = end;
            continue;
        }
        match name_at(tokens, i, claimed, &initial, &words) {
            Some((start, end)) => {
                let s = tokens[start].start;
                let e = tokens[end - 1].end;
                let key = name_key(&text[s..e]);
                let kind = name_type(tokens, start, end);
                push(text, tokens, claimed, start, end, key, kind, out);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The common words that title a newspaper after a place ("Vietnam News", "Jakarta Post", "The
/// Korea Times"): with them the place is part of a publication's name.
const NEWSPAPER_TITLES: &[&str] =
    &["news", "times", "post", "herald", "tribune", "journal", "gazette", "telegraph", "chronicle", "observer"];

/// The end of a newspaper's name that goes on after the place ending at `end`, if one does.
fn title_after_place(tokens: &[Token], end: usize, claimed: &[bool]) -> Option<usize> {
    let tok = tokens.get(end)?;
    let free = !claimed.get(end).copied().unwrap_or(true);
    (free && tok.is_word() && tok.is_capitalized() && NEWSPAPER_TITLES.contains(&tok.folded.as_ref()))
        .then_some(end + 1)
}

/// A name starting at `tokens[i]`: its token range (which may start after `i` when the first
/// word is a sentence-initial common word).
fn name_at(tokens: &[Token], i: usize, claimed: &[bool], initial: &[bool], words: &DocWords) -> Option<(usize, usize)> {
    let tok = &tokens[i];
    if !tok.is_capitalized()
        || stopwords::NAME_STOPWORDS.contains(tok.folded.as_ref())
        || after_lowercase_prefix(tokens, i)
    {
        return None;
    }
    let end = name_end(tokens, i, claimed);
    if initial[i] {
        let known_name =
            words.capital_inside.contains(tok.folded.as_ref()) && !words.lower.contains(tok.folded.as_ref());
        let plain_acronym = is_acronym(tok) && tok.text.chars().count() <= 6 && !initial_all_caps(tokens, i);
        if !(known_name || plain_acronym) {
            if end - i >= 2
                && tokens[end - 1].is_capitalized()
                && !words.lower.contains(tok.folded.as_ref())
                && !initial_in_headline(initial, tokens, i)
            {
                return Some((i, end));
            }
            return None;
        }
    }
    Some((i, end))
}

/// Lower-case prefixes that make a common word of a name ("anti-Semitism", "pro-Kremlin").
const PREFIXES: &[&str] = &["anti", "pro", "ex", "non", "neo", "pan", "post", "pre", "semi", "pseudo", "ultra"];

/// A capitalized word glued by a hyphen to a lower-case prefix ("anti-Semitism", "pro-Kremlin",
/// "ex-Premier"): a common word built on a name, not a name of its own. The "sur" of
/// "Montfaucon-sur-Ardre" is no such prefix.
fn after_lowercase_prefix(tokens: &[Token], i: usize) -> bool {
    i >= 2
        && tokens[i].glued()
        && tokens[i - 1].is_punct("-‑")
        && tokens[i - 1].glued()
        && !tokens[i - 2].is_capitalized()
        && PREFIXES.contains(&tokens[i - 2].folded.as_ref())
}

/// Whether the sentence of `tokens[i]` is written all in capitals (then acronyms mean nothing).
fn initial_all_caps(tokens: &[Token], i: usize) -> bool {
    tokens[i..].iter().take(6).filter(|t| t.is_word() && t.text.len() > 3).all(is_acronym)
        && tokens[i..].iter().take(6).filter(|t| t.is_word() && t.text.len() > 3).count() >= 2
}

fn initial_in_headline(initial: &[bool], tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some() && initial.get(i + 1).copied().unwrap_or(false) && !tokens[i + 1].initial
}

/// Where the capitalized run starting at `tokens[i]` ends: "Jean-Pierre Raffarin",
/// "Charles de Gaulle", "APT31", "Covid-19".
fn name_end(tokens: &[Token], i: usize, claimed: &[bool]) -> usize {
    let free = |k: usize| k < tokens.len() && !claimed[k];
    let mut end = i + 1;
    loop {
        // glued digits or a glued hyphen and digits: "APT31", "Covid-19"
        if free(end) && tokens[end].glued() && tokens[end].num().is_some() {
            end += 1;
            continue;
        }
        if free(end + 1)
            && tokens[end].is_punct("-‑")
            && tokens[end].glued()
            && tokens[end + 1].glued()
            && (tokens[end + 1].is_capitalized() || tokens[end + 1].num().is_some())
        {
            end += 2;
            continue;
        }
        // a known entity right after ends the name: "SThe European Parliament" is two names
        let known_next = free(end) && gazetteer::lookup(tokens, end).is_some_and(|(e, _)| e > end + 1);
        if free(end)
            && !known_next
            && !tokens[end].initial
            && tokens[end].is_capitalized()
            && !stopwords::TITLES.contains(tokens[end].folded.as_ref())
        {
            end += 1;
            continue;
        }
        // a middle initial: "Charles W. Clark"
        let initial = tokens[end - 1].is_word()
            && tokens[end - 1].text.chars().count() == 1
            && tokens[end - 1].is_capitalized()
            && end > i + 1;
        if initial
            && free(end + 1)
            && tokens[end].is_punct(".")
            && tokens[end].glued()
            && tokens[end + 1].is_capitalized()
            && !tokens[end + 1].initial
        {
            end += 2;
            continue;
        }
        let particle = free(end) && PARTICLES.contains(&tokens[end].folded.as_ref()) && !tokens[end].is_capitalized();
        if particle && free(end + 1) && tokens[end + 1].is_capitalized() && !tokens[end + 1].initial {
            end += 2;
            continue;
        }
        return end;
    }
}

fn name_type(tokens: &[Token], start: usize, end: usize) -> EntityType {
    let words: Vec<&Token> = tokens[start..end].iter().filter(|t| t.is_word()).collect();
    if words.iter().any(|t| ORG_WORDS.contains(&t.folded.as_ref())) {
        return EntityType::Org;
    }
    let titled = start.checked_sub(1).is_some_and(|p| {
        let prev = if tokens[p].is_punct(".") && p > 0 { &tokens[p - 1] } else { &tokens[p] };
        stopwords::TITLES.contains(prev.folded.as_ref())
    });
    if titled {
        return EntityType::Person;
    }
    if words.len() == 1 && is_acronym(words[0]) {
        return EntityType::Org;
    }
    if (2..=4).contains(&words.len()) && words.iter().all(|t| t.is_capitalized() && !is_acronym(t)) {
        return EntityType::Person;
    }
    EntityType::Other
}

#[allow(clippy::too_many_arguments)]
fn push(
    text: &str,
    tokens: &[Token],
    claimed: &mut [bool],
    start: usize,
    end: usize,
    key: String,
    kind: EntityType,
    out: &mut Vec<Fact>,
) {
    claimed[start..end].iter_mut().for_each(|c| *c = true);
    let (s, e) = (tokens[start].start, tokens[end - 1].end);
    out.push(Fact {
        kind: FactKind::Entity,
        start: s,
        end: e,
        text: text[s..e].to_string(),
        value: key,
        unit: None,
        entity_type: Some(kind),
    });
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The sets `build.rs` wrote hold the words of `data/name_stopwords.txt`.
    #[test]
    fn build_time_sets_hold_the_stopwords() {
        use super::super::phrase_data::name_stopwords;
        let listed: Vec<(&str, bool)> = name_stopwords(include_str!("../../data/name_stopwords.txt")).collect();
        assert!(listed
            .iter()
            .all(|(w, title)| stopwords::NAME_STOPWORDS.contains(w) && (!title || stopwords::TITLES.contains(w))));
        let words: std::collections::HashSet<&str> = listed.iter().map(|(w, _)| *w).collect();
        let titles: std::collections::HashSet<&str> = listed.iter().filter(|(_, t)| *t).map(|(w, _)| *w).collect();
        assert_eq!((words.len(), titles.len()), (stopwords::NAME_STOPWORDS.keys.len(), stopwords::TITLES.keys.len()));
    }

    fn entities(text: &str, lang: Lang) -> Vec<(String, String)> {
        let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices(". ").map(|(k, _)| k + 2)).collect();
        let tokens = tokenize(text, lang, &starts);
        let mut claimed = vec![false; tokens.len()];
        let mut out = Vec::new();
        extract(text, &tokens, &mut claimed, lang, &mut out);
        out.into_iter().map(|f| (f.text, f.value)).collect()
    }

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        entities(text, lang).into_iter().map(|e| e.1).collect()
    }

    #[test]
    fn gazetteer_keys_match_across_languages() {
        assert_eq!(
            keys("Il est aux États-Unis et au Royaume-Uni.", Lang::Fr),
            keys("He is in the United States and the United Kingdom.", Lang::En)
        );
        assert_eq!(keys("Le Parlement européen a voté.", Lang::Fr), keys("The European Parliament voted.", Lang::En));
    }

    #[test]
    fn a_middle_initial_stays_in_the_name() {
        // one sentence: the period after the initial ends none
        let text = "Le 4 août, Charles W. Clark est mort.";
        let tokens = tokenize(text, Lang::Fr, &[0]);
        let mut out = Vec::new();
        extract(text, &tokens, &mut vec![false; tokens.len()], Lang::Fr, &mut out);
        assert_eq!(out.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(), ["charles w. clark"]);
    }

    #[test]
    fn a_sentence_rich_in_names_is_no_headline() {
        let names = keys("In 1928 Wright received the Draper Medal from the Royal Astronomical Society.", Lang::En);
        assert!(names.contains(&"royal astronomical society".to_string()), "{names:?}");
        assert!(keys("Hackers Target Voting Machines Ahead Of Vote", Lang::En).is_empty());
    }

    #[test]
    fn unknown_names_fold_accents_case_and_hyphens() {
        assert_eq!(keys("selon Paul Thévenot, ici", Lang::Fr), keys("said Paul Thevenot, here", Lang::En));
        assert_eq!(keys("le groupe IPAC a dit", Lang::Fr), keys("the Ipac group said", Lang::En));
        assert_eq!(keys("avec François-Xavier Dupont", Lang::Fr), keys("with Francois Xavier Dupont", Lang::En));
    }

    #[test]
    fn keeps_digits_of_names() {
        assert_eq!(keys("le groupe APT31 et le Covid-19", Lang::Fr), ["apt31", "covid 19"]);
    }

    #[test]
    fn sentence_initial_capitals_are_not_names() {
        assert!(keys("Hier il pleuvait. Demain aussi.", Lang::Fr).is_empty());
        assert!(keys("Il a dit « Bonjour » à tous.", Lang::Fr).is_empty());
        assert_eq!(keys("Macron parle. Selon Macron, oui.", Lang::Fr), ["macron", "macron"]);
    }

    #[test]
    fn common_words_are_not_names() {
        assert!(keys("the fight against anti-Semitism goes on", Lang::En).is_empty());
        assert_eq!(keys("Yet America strives to collate data.", Lang::En), ["US"]);
        assert!(keys("Critics such as Sen. McCaskill", Lang::En).iter().all(|k| k != "sen"));
        // initialisms of common nouns
        assert!(keys("Les ATM et le PIB ont baissé, dit le PDG.", Lang::Fr).is_empty());
        assert!(keys("The GDP fell and ATM use rose.", Lang::En).is_empty());
    }

    #[test]
    fn a_place_before_a_newspaper_title_names_the_newspaper() {
        let found = entities("The Kenya Times said so, in Kenya.", Lang::En);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("Kenya Times", "kenya times"));
        assert_eq!(found[1].0, "Kenya");
    }

    #[test]
    fn person_after_a_title() {
        let tokens = tokenize("selon M. Cadic", Lang::Fr, &[0]);
        let mut claimed = vec![false; tokens.len()];
        let mut out = Vec::new();
        extract("selon M. Cadic", &tokens, &mut claimed, Lang::Fr, &mut out);
        assert_eq!(out[0].entity_type, Some(EntityType::Person));
    }
}
