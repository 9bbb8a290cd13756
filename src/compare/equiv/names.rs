//! Names: spellings, translations, longer forms and capitalised common words, and whether
//! the other text tells a name.

use super::*;

/// Two acronyms of one name in each language's word order (ADN/DNA, OTAN/NATO, ONG/NGO).
pub fn acronym_anagram(a: &Fact, b: &Fact) -> bool {
    let letters = sorted_letters;
    // Six characters are at most 24 bytes: most names are longer, and are no acronym at once.
    let is_acronym = |f: &Fact| {
        f.text.len() <= 24 && f.text.chars().count() <= 6 && f.text.chars().filter(|c| c.is_uppercase()).count() >= 2
    };
    if !(is_acronym(a) || is_acronym(b)) {
        return false;
    }
    let mine = letters(a);
    mine.len() >= 2 && mine == letters(b)
}

/// The letters of a name's fold, sorted: two acronyms of one name in each language's word
/// order have the same.
pub fn sorted_letters(fact: &Fact) -> Vec<char> {
    let mut l: Vec<char> = fold(&fact.text).chars().filter(|c| c.is_alphabetic()).collect();
    l.sort_unstable();
    l
}

/// An acronym in parentheses right after the words it stands for ("New York Mercantile
/// Exchange (NYMEX)", "entry-into-service (EIS)", "Forces armées de la RDC (FARDC)"): it
/// restates the name before it, which carries the fact. The words are a name (two of the last
/// three capitalized) or give the acronym's letters as their initials.
pub fn acronym_after_its_name(doc_text: &str, fact: &Fact) -> bool {
    let acronym = fact.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let Some(before) = before.strip_suffix('(') else { return false };
    let closed = doc_text.get(fact.end..).is_some_and(|rest| rest.trim_start().starts_with(')'));
    let capitalized_words =
        before.split_whitespace().rev().take(3).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let letters: String = fold(&fact.text).chars().filter(|c| c.is_alphabetic()).collect();
    let words: Vec<&str> = before.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    let initials: String =
        words[words.len().saturating_sub(letters.chars().count())..].iter().filter_map(|w| w.chars().next()).collect();
    acronym && closed && (capitalized_words >= 2 || (letters.len() >= 2 && fold(&initials) == letters))
}

/// An acronym that its own article spells out in lower-case words ("a public health emergency
/// of international concern, or PHEIC", "l'impôt sur la fortune immobilière (IFI)", "GMO
/// (genetically modified organism)"): a term, not a name, which the other version may well
/// describe in its own words. The content words next to one of the acronym's mentions, each
/// written in lower case, give its letters as their initials.
pub fn acronym_of_common_words(doc_text: &str, fact: &Fact) -> bool {
    let letters: String = fold(&fact.text).chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !fact.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return false;
    }
    let spells = |words: &[&str]| {
        words.len() == letters.len()
            && words.iter().all(|w| w.starts_with(char::is_lowercase))
            && words.iter().filter_map(|w| fold(w).chars().next()).collect::<String>() == letters
    };
    fn content(text: &str) -> Vec<&str> {
        text.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            .collect()
    }
    doc_text.match_indices(fact.text.as_str()).any(|(at, _)| {
        let before = doc_text[..at].trim_end();
        let before = [", or", ", ou", "("].iter().find_map(|mark| before.strip_suffix(mark));
        let expanded_before = before.is_some_and(|b| {
            // The last words before the mark are enough (and a long text is not split whole).
            let from = b.char_indices().rev().nth(200).map_or(0, |(i, _)| i);
            let words = content(&b[from..]);
            spells(&words[words.len().saturating_sub(letters.len())..])
        });
        let after = doc_text[at + fact.text.len()..].trim_start();
        let expanded_after =
            after.strip_prefix('(').and_then(|a| a.split_once(')')).is_some_and(|(inside, _)| spells(&content(inside)));
        expanded_before || expanded_after
    })
}

/// A party and state tag of American politics ("R-Mo.", "D-Calif."): an affiliation, not a
/// name a translation keeps.
pub fn party_tag(fact: &Fact) -> bool {
    let mut parts = fact.text.splitn(2, '-');
    let (Some(party), Some(state)) = (parts.next(), parts.next()) else { return false };
    matches!(party, "R" | "D" | "I")
        && (2..=5).contains(&state.chars().count())
        && state.chars().next().is_some_and(char::is_uppercase)
}

/// Entities are the same when their cross-language keys are (case and accents aside).
pub fn entities_agree(a: &Fact, b: &Fact) -> bool {
    a.kind == FactKind::Entity
        && b.kind == FactKind::Entity
        && (same_folded(&a.value, &b.value) || acronym_anagram(a, b))
}

/// `fold(a) == fold(b)`, without building either fold when both are ASCII (most keys are).
pub(super) fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
}

/// A spelling variant of one name (Thévenot/Thevenot): the surfaces differ even ignoring case,
/// yet once accents and punctuation are set aside they are the same or nearly so. A translated
/// name (États-Unis/United States) shares the key but is no variant.
pub fn spelling_variant(a: &Fact, b: &Fact) -> bool {
    if a.text.to_lowercase() == b.text.to_lowercase() {
        return false;
    }
    let (fa, fb) = (letters(&a.text), letters(&b.text));
    fa == fb || strsim::jaro_winkler(&fa, &fb) >= 0.9
}

/// Two different keys that are probably one name spelled two ways (a transliteration, a typo):
/// close enough to call a variant rather than a different name.
pub fn similar_names(a: &Fact, b: &Fact) -> bool {
    if other_name_same_head(a, b) {
        return false;
    }
    let (fa, fb) = (letters(&a.text), letters(&b.text));
    let (short, long) = (fa.len().min(fb.len()), fa.len().max(fb.len()));
    let bar = if short >= 7 { 0.85 } else { 0.92 };
    // A longer form of a name ("Brévalis de Montfaucon" / "Brévalis") is no spelling of it.
    short >= 4
        && short * 5 >= long * 4
        && same_first_sound((&fa, &name_skeleton(&fa)), (&fb, &name_skeleton(&fb)))
        && strsim::jaro_winkler(&fa, &fb) >= bar
}

/// Two names of as many words that share some words and differ in another that is not spelled
/// alike ("Place Bellecour" / "Place Carnot", "Michael Smith" / "Michael Brown"): the shared
/// words make the whole strings look close, but the word that names the thing differs.
pub(super) fn other_name_same_head(a: &Fact, b: &Fact) -> bool {
    let (wa, wb) = (folded_words(&a.text), folded_words(&b.text));
    if wa.len() < 2 || wa.len() != wb.len() || !wa.iter().any(|w| wb.contains(w)) {
        return false;
    }
    let only_a: Vec<&String> = wa.iter().filter(|w| !wb.contains(w)).collect();
    let only_b: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    // A word the gazetteer or the lexicon knows may be translated ("Bureau Écossais" /
    // "Bureau Scotland"): then the names may still be one.
    let known = |w: &String| {
        [Lang::Fr, Lang::En].into_iter().any(|lang| {
            common_word(w, lang)
                || crate::facts::extract_text(&capitalized(w), lang, None, &[])
                    .iter()
                    .any(|f| f.kind == FactKind::Entity && !plain_key(f))
        })
    };
    !only_a.is_empty()
        && only_a.iter().all(|x| !only_b.iter().any(|y| strsim::jaro_winkler(x, y) >= NEAR_WORD))
        && !only_a.iter().chain(&only_b).any(|w| known(w))
}

/// A folded word with its first letter in capitals, as a name is written.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// An acronym and the name it shortens written out in the other language: its capitals are the
/// initials of the name's content words, each word read as itself or as one of its translations
/// by the lexicon, in any order ("MoD" / "Ministère de la Défense").
pub fn acronym_of_translation(acronym: &Fact, name: &Fact, name_lang: Lang) -> bool {
    let capitals: Vec<char> = acronym.text.chars().filter(|c| c.is_uppercase()).flat_map(char::to_lowercase).collect();
    let one_word = !acronym.text.contains(char::is_whitespace) && acronym.text.chars().count() <= 6;
    if !one_word || capitals.len() < 2 || !plain_key(acronym) {
        return false;
    }
    let words: Vec<String> = folded_words(&name.text)
        .into_iter()
        .filter(|w| w.len() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    if words.len() != capitals.len() {
        return false;
    }
    let initials: Vec<Vec<char>> = words
        .iter()
        .map(|w| {
            let mut first: Vec<char> = w.chars().next().into_iter().collect();
            first.extend(english_stems_of(w, name_lang).iter().filter_map(|t| t.chars().next()));
            first
        })
        .collect();
    // Each capital takes a word of its own (at most six: a search over the assignments).
    fn assign(capitals: &[char], initials: &[Vec<char>], used: &mut Vec<bool>) -> bool {
        let Some((&c, rest)) = capitals.split_first() else { return true };
        for i in 0..initials.len() {
            if !used[i] && initials[i].contains(&c) {
                used[i] = true;
                if assign(rest, initials, used) {
                    return true;
                }
                used[i] = false;
            }
        }
        false
    }
    assign(&capitals, &initials, &mut vec![false; words.len()])
}

/// One name written the French way and the English way: a transliteration (Mahomet/Muhammad,
/// Kadhafi/Gaddafi is beyond it), a demonym's ending (Biélorusses/Belarusians). Both are reduced
/// to a consonant skeleton (accents folded, vowels dropped after the first letter, the endings
/// of nationality and plural words cut, d/t, c/k/q, z/s, w/v merged, doubled letters once), and
/// the skeletons of four letters or more must be equal: "same name, other spelling".
pub fn other_spelling(a: &Fact, b: &Fact) -> bool {
    let (x, y) = (name_skeleton(&a.text), name_skeleton(&b.text));
    if x.chars().count() >= 4 && x == y {
        return true;
    }
    // Word by word (Golfe du Mexique / Gulf of Mexico, Mécène / Maecenas): every content word of
    // one name has a twin skeleton of three letters or more in the other.
    let words = |f: &Fact| -> Vec<String> {
        folded_words(&f.text)
            .iter()
            .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
            .map(|w| name_skeleton(w))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    // As many content words on each side: a longer name adds a name of its own.
    !wa.is_empty() && wa.len() == wb.len() && wa.iter().all(|w| w.chars().count() >= 3 && wb.contains(w))
}

/// Two names that are one name spelled or translated each language's way, word by word
/// (Édouard/Edward, Kammu/Emperor Kanmu, François-Joseph/Franz Josef Land): every content word
/// of the shorter name is in the longer or has a near twin there, and one word of five letters
/// or more is a near twin, not the same word. Two different names sharing a first name
/// ("Michael Smith"/"Michael Brown") have no near twin.
pub fn near_spelling(a: &Fact, b: &Fact) -> bool {
    let words = |f: &Fact| -> Vec<String> {
        folded_words(&f.text)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !FUNCTION_WORDS.contains(&w.as_str()))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    let twin = |w: &String| long.iter().any(|x| x != w && near_word(w, x));
    !short.is_empty()
        && short.iter().any(|w| w.chars().count() >= 5 && twin(w))
        && short.iter().all(|w| long.contains(w) || twin(w))
}

/// Two words close enough to be one word in two spellings.
pub(super) fn near_word(a: &str, b: &str) -> bool {
    if given_name_pair(a, b) {
        return true;
    }
    let (skeleton, theirs) = (name_skeleton(a), name_skeleton(b));
    same_first_sound((a, &skeleton), (b, &theirs)) && strsim::jaro_winkler(a, b) >= NEAR_WORD
        || skeleton.chars().count() >= 3 && skeleton == theirs
}

/// Whether two spellings begin with the same sound, read as the skeleton reads letters (a vowel,
/// or one consonant where languages swap letters: Wenceslas / Venceslav, Karl / Carl). Two
/// spellings of one name keep it (Guéant / Gueant, Tchaïkovski / Tchaikovsky); two names that
/// share most letters in another order (Apollon / Napoleon) do not, nor do two compounds of one
/// first part (see `other_second_part`). Each spelling comes folded, with its skeleton.
fn same_first_sound((a, skeleton_a): (&str, &str), (b, skeleton_b): (&str, &str)) -> bool {
    skeleton_a.chars().next() == skeleton_b.chars().next() && !other_second_part(a, b)
}

/// Whether two names share a first part and end in two different words of three letters or
/// more that have no letter in common (Matterhorn / Mattertal, Rosenberg / Rosenthal): two
/// compounds of one first element, not one name spelled twice, whose endings share letters
/// (Copenhague / Copenhagen).
fn other_second_part(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (ra, rb): (String, String) = (a.chars().skip(common).collect(), b.chars().skip(common).collect());
    common >= 3 && ra.chars().count() >= 3 && rb.chars().count() >= 3 && !ra.chars().any(|c| rb.contains(c))
}

/// The Jaro-Winkler similarity above which two words of two names are one word spelled twice.
pub(super) const NEAR_WORD: f64 = 0.82;

/// Endings cut from the last word of a name before its skeleton is taken, longest first.
pub(super) const NAME_ENDINGS: &[&str] =
    &["iennes", "ienne", "iens", "ien", "ians", "ian", "ennes", "enne", "ens", "ais", "ans", "es", "an", "s", "e"];

pub(super) fn name_skeleton(text: &str) -> String {
    let words = folded_words(text);
    let mut out = String::new();
    let last = words.len().saturating_sub(1);
    for (i, word) in words.iter().enumerate() {
        let mut w = word.as_str();
        if i == last {
            if let Some(cut) = NAME_ENDINGS.iter().find_map(|e| w.strip_suffix(e)).filter(|c| c.chars().count() >= 4) {
                w = cut;
            }
        }
        let mut prev = None;
        for (k, c) in w.chars().enumerate() {
            // A leading vowel is kept as a mark: Ouïghours / Uyghurs, Irak / Iraq.
            let c = if k == 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') { '_' } else { c };
            let c = match c {
                'd' => 't',
                'c' | 'q' => 'k',
                'z' => 's',
                'w' => 'v',
                'y' => 'i',
                other => other,
            };
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
            if (vowel && k > 0) || prev == Some(c) {
                prev = Some(c);
                continue;
            }
            prev = Some(c);
            out.push(c);
        }
    }
    out
}

/// Whether a name of several words has a proper word (not a common word of its language, three
/// letters or more) written in `other`: the name is told there, its common words translated
/// ("Saputo Stadium" / "Stade Saputo", "KLM Scotland" / "KLM Écosse").
pub fn proper_word_told(name: &Fact, lang: Lang, other: &TextView) -> bool {
    let words = folded_words(&name.text);
    words.len() >= 2
        && words.iter().any(|w| {
            w.chars().count() >= 3
                && !common_word(w, lang)
                && !FUNCTION_WORDS.contains(&w.as_str())
                && other.contains_words(std::slice::from_ref(&w.as_str()))
        })
}

/// One name is a longer form of the other ("Brévalis de Montfaucon" / "Brévalis", "Laura
/// Glading" / "Glading"): every word of four letters or more of the shorter is in the longer.
pub fn longer_form(a: &Fact, b: &Fact) -> bool {
    let (wa, wb) = (folded_words(&a.text), folded_words(&b.text));
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    let content: Vec<&String> = short.iter().filter(|w| w.chars().count() >= 4).collect();
    !content.is_empty() && content.iter().all(|w| long.contains(w))
}

/// When `name` is the longer form of `shorter` by a complement ("Weill Cornell Medical College
/// de André Manoukian" / "Weill Cornell Medical College"), whether the words it adds are told in
/// the other text too (the "Montfaucon" of "Brévalis de Montfaucon" said apart): the complement
/// names a place or an owner, a fact of its own. A name longer by other words ("Exxon Mobil",
/// a headline's "Rob Ford Botched") is told by its shorter form.
pub fn rest_of_name_told(name: &Fact, shorter: &Fact, lang: Lang, other: &TextView) -> bool {
    let (mine, theirs) = (folded_words(&name.text), folded_words(&shorter.text));
    let added: Vec<&str> = mine.iter().filter(|w| !theirs.contains(w)).map(String::as_str).collect();
    if !added.iter().any(|w| matches!(*w, "de" | "du" | "des" | "d" | "of")) {
        return true;
    }
    let proper: Vec<&str> = added.iter().copied().filter(|w| w.chars().count() >= 4 && !common_word(w, lang)).collect();
    proper.is_empty() || every_word_told(&proper, lang, other)
}

/// Folded letters and digits only: "François-Xavier" → "francoisxavier".
pub(super) fn letters(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A one-word "name" that is a common word of its language, capitalized as a title or an
/// institution ("Parlement", "Bureau", "Health"): it is translated, not kept, so its absence
/// from the other side says nothing. Gazetteer keys (countries, bodies) are compared as usual.
pub fn common_word_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    if words.len() != 1 || !plain_key(name) {
        return false;
    }
    common_word(&words[0], lang)
}

/// A name of several words that are all common words of its language, capitalized as a title
/// ("Best Actor", "Special Jury Prize", "Was Just"): a phrase translated, not a name kept, so
/// its absence from the other side says nothing. Gazetteer keys and people are left alone.
pub fn common_words_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    if words.len() < 2 || !plain_key(name) || name.entity_type == Some(crate::facts::EntityType::Person) {
        return false;
    }
    words.iter().all(|w| common_word(w, lang) || FUNCTION_WORDS.contains(&w.as_str()))
}

/// A "name" whose words are all common words by the spelling dictionary of its language
/// (`crate::common_words`), or by the lexicon, or function words: "Clinique", "Trauma Surgery",
/// "Court Suprême". A title or a heading capitalised, which a translation words its own way, so
/// that the other version not repeating it is no omission of a fact. Gazetteer keys and
/// organisations (named by a word such as "Ministry") are left alone. Weaker evidence than
/// [`common_words_name`]: it lowers a one-sided fact, it does not hide a fact from comparison.
pub fn dictionary_words_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    // A person's name is typed from its capitals alone ("Trauma Surgery" reads as one), but
    // given names are capitalised in the dictionaries, so a real one is never all common words.
    // An organisation word alone ("la Fondation de l'usine", "the Ministry") names no body.
    let organisation = name.entity_type == Some(crate::facts::EntityType::Org) && words.len() >= 2;
    if words.is_empty() || !plain_key(name) || organisation {
        return false;
    }
    words.iter().any(|w| w.len() >= 3)
        && words.iter().all(|w| {
            FUNCTION_WORDS.contains(&w.as_str()) || crate::common_words::is_common_word(w, lang) || common_word(w, lang)
        })
}

/// A name keyed by its own folded words: no gazetteer key (`country:FR`, `org:UN`), no code.
pub(in crate::compare) fn plain_key(name: &Fact) -> bool {
    !name.value.contains(':') && name.value == name.value.to_lowercase()
}

/// Short words of either language that the lexicon leaves out.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "is", "was", "be", "de", "du", "des", "la", "le",
    "les", "et", "en", "au", "aux", "un", "une",
];

/// A folded word that the lexicon knows as a common word of `lang`.
pub(super) fn common_word(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => Lexicon::builtin().translates(&stem(word, Lang::Fr)),
        // English stems that translate some French word: the common words of the lexicon.
        Lang::En => Lexicon::builtin().translates_to(&stem(word, Lang::En)),
    }
}

pub fn folded_words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether `name` (of a text in `lang`) is stated in `other`: written there (accents and case
/// aside, on word boundaries), or its key is, or the last word of a multi-word name ("Rob
/// Nicholson" → "M. Nicholson"), or a near twin of its longest word (Australie/Australia), or a
/// translation of one of its words (Sainte-Croix/Holy Cross).
pub fn name_written_in(name: &Fact, lang: Lang, other: &TextView) -> bool {
    let words = folded_words(&name.text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.is_empty() || other.contains_words(&words) {
        return true;
    }
    // A given name alone, written the other language's way ("Mary" / "Marie").
    if let [word] = words[..] {
        if GIVEN_NAMES
            .iter()
            .any(|&(fr, en)| (word == fr && other.contains_words(&[en])) || (word == en && other.contains_words(&[fr])))
        {
            return true;
        }
    }
    if name.entity_type == Some(crate::facts::EntityType::Place) && other.writes_key(&name.value) {
        return true;
    }
    let key = folded_words(name.value.rsplit(':').next().unwrap_or(&name.value));
    let key: Vec<&str> = key.iter().map(String::as_str).collect();
    if key.concat().chars().count() >= 3 && other.contains_words(&key) {
        return true;
    }
    // The surname of a multi-word name ("M. Nicholson", "Mme Le Pen").
    let last = &words[words.len() - 1..];
    let last_two = &words[words.len().saturating_sub(2)..];
    if words.len() >= 2 && last[0].chars().count() >= 4 && other.contains_words(last)
        || words.len() >= 3 && other.contains_words(last_two)
    {
        return true;
    }
    every_word_told(&words, lang, other)
}

/// Whether a name is told in `other` word by word: some content word of it (four letters or
/// more) is written there, spelled the other language's way or translated, and every content
/// word that is no common word of its language (a surname, a place) is told too. The common
/// words of a name get translated ("Supreme Constitutional Court" / "Haute cour
/// constitutionnelle"), its proper words do not: "University of Villepin" is not told by
/// "l'université de Lincoln".
pub(super) fn every_word_told(words: &[&str], lang: Lang, other: &TextView) -> bool {
    let content: Vec<&str> = words.iter().copied().filter(|w| w.chars().count() >= 4).collect();
    let content = if content.is_empty() { words.to_vec() } else { content };
    let adapted = |w: &&str| {
        let one = std::slice::from_ref(w);
        cognate_in(one, other) || translated_in(one, lang, other) || key_written_in(w, lang, other)
    };
    let told = |w: &&str| other.contains_words(std::slice::from_ref(w)) || adapted(w);
    // A name whose proper words are spelled the other language's way (Iberian/ibérique) was
    // translated, and so were its dictionary words ("Peninsula"); a name written the same in
    // both ("Clive Palmer") keeps every word, dictionary words included.
    let translated =
        content.len() >= 2 && content.iter().any(|w| !other.contains_words(std::slice::from_ref(w)) && adapted(w));
    let translatable = |w: &&&str| common_word(w, lang) || (translated && crate::common_words::is_common_word(w, lang));
    content.iter().any(told) && content.iter().filter(|w| !translatable(w)).all(told)
}

/// Whether a word of a name is a gazetteer entry (a country, its demonym) that the other text
/// writes in any of its forms ("Scottish" / "l'Écosse").
fn key_written_in(word: &str, lang: Lang, other: &TextView) -> bool {
    crate::facts::extract_text(&capitalized(word), lang, None, &[])
        .iter()
        .any(|f| f.kind == FactKind::Entity && !plain_key(f) && other.writes_key(&f.value))
}

/// A name spelled the other language's way (Australie/Australia, catholique/Catholic): its
/// longest word has a near twin in the other text. English proper adjectives keep their
/// capital, so an English twin must have one; the bar is high so that a different name is not
/// taken for a spelling.
pub(super) fn cognate_in(words: &[&str], other: &TextView) -> bool {
    let Some(longest) = words.iter().max_by_key(|w| w.chars().count()) else { return false };
    let len = longest.chars().count();
    if len < 4 {
        return false;
    }
    other.words().any(|(w, capitalized)| {
        let other_len = w.chars().count();
        let bar = if len >= 6 && other_len >= 6 { 0.90 } else { 0.92 };
        (other.lang == Lang::Fr || capitalized)
            && other_len >= 4
            && (strsim::jaro_winkler(longest, w) >= bar
                || (derived(longest, w) && (w.len() > longest.len() || !capitalized))
                || same_adjective_stem(longest, w))
    })
}

/// Endings of proper adjectives and their nouns, longest first: "ibérique"/"Iberian",
/// "arctique"/"Arctic", "anatolien"/"Anatolian", "hydrométéorologique"/"Hydrometeorological".
pub(super) const ADJECTIVE_ENDINGS: &[&str] =
    &["iennes", "ienne", "iens", "ical", "ians", "ique", "ques", "ien", "ian", "ics", "an", "ic", "al", "s"];

/// Two words that are one proper adjective in the two languages: what is left once their
/// adjective endings are cut is the same stem of four letters or more, from words of six.
pub(super) fn same_adjective_stem(a: &str, b: &str) -> bool {
    let stem = |w: &str| -> String {
        let mut w = w.to_string();
        for _ in 0..2 {
            if let Some(cut) = ADJECTIVE_ENDINGS.iter().find_map(|e| w.strip_suffix(e)).filter(|c| c.len() >= 4) {
                w = cut.to_string();
            }
        }
        w
    };
    let (x, y) = (stem(a), stem(b));
    a.len().min(b.len()) >= 6 && x.len() >= 4 && x == y
}

/// One word derived from the other by an ending (Arab/arabes, Thai/thaïlandais, nazi/nazis):
/// the shorter, of four letters or more, begins the longer.
pub(super) fn derived(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.chars().count() <= short.chars().count() + 7 && long.starts_with(short)
}

/// A name whose words were translated (Sainte-Croix/Holy Cross, Cour supérieure/Superior
/// Court): one of its content words and a word of the other text mean the same by the lexicon.
pub(super) fn translated_in(words: &[&str], lang: Lang, other: &TextView) -> bool {
    if lang == other.lang {
        return false;
    }
    words.iter().flat_map(|w| english_stems_of(w, lang)).any(|s| other.english_stems().contains(&s))
}

/// Given names that French and English write each their way (folded), written by hand from
/// common knowledge of both languages' usage for saints, rulers and everyday names.
const GIVEN_NAMES: &[(&str, &str)] = &[
    ("marie", "mary"),
    ("etienne", "stephen"),
    ("jacques", "james"),
    ("jean", "john"),
    ("guillaume", "william"),
    ("pierre", "peter"),
    ("henri", "henry"),
    ("georges", "george"),
    ("michel", "michael"),
    ("antoine", "anthony"),
    ("philippe", "philip"),
    ("frederic", "frederick"),
    ("edouard", "edward"),
    ("jeanne", "joan"),
    ("elisabeth", "elizabeth"),
    ("marguerite", "margaret"),
    ("geoffroy", "geoffrey"),
    ("mathieu", "matthew"),
    ("hugues", "hugh"),
    ("isabelle", "isabella"),
    ("andre", "andrew"),
    ("gauthier", "walter"),
    ("laurent", "lawrence"),
    ("gregoire", "gregory"),
    ("jules", "julius"),
    ("constantin", "constantine"),
    ("catherine", "katherine"),
    ("louis", "lewis"),
    ("thibaut", "theobald"),
];

/// Whether two folded words are one given name in its French and its English form.
fn given_name_pair(a: &str, b: &str) -> bool {
    GIVEN_NAMES.iter().any(|&(fr, en)| (a == fr && b == en) || (a == en && b == fr))
}

/// Two acronyms of one name in each language that differ by one letter in any order
/// ("VTbR" / "TVcR": a letter of a translated word): four letters or more each, as many.
pub fn acronym_near_anagram(a: &Fact, b: &Fact) -> bool {
    let short_acronym = |f: &Fact| {
        !f.text.contains(char::is_whitespace)
            && f.text.chars().filter(|c| c.is_uppercase()).count() >= 2
            && (4..=6).contains(&f.text.chars().count())
    };
    if !short_acronym(a) || !short_acronym(b) {
        return false;
    }
    let (x, y) = (sorted_letters(a), sorted_letters(b));
    let mut rest = y.clone();
    let shared = x
        .iter()
        .filter(|c| match rest.iter().position(|r| r == *c) {
            Some(i) => {
                rest.remove(i);
                true
            }
            None => false,
        })
        .count();
    x.len() == y.len() && shared + 1 >= x.len()
}

/// Each country's capital (`data/capitals.tsv`, from GeoNames), by the keys the facts stage gives
/// the capital: the gazetteer's (`city:new-delhi`) and a plain name's (`new delhi`).
static CAPITALS: LazyLock<std::collections::HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = std::collections::HashMap::new();
    for line in include_str!("../../../data/capitals.tsv").lines().filter(|l| !l.starts_with('#')) {
        let Some((code, capital)) = line.split_once('\t') else { continue };
        let plain = crate::facts::entities::name_key(capital);
        map.insert(format!("city:{}", plain.replace(' ', "-")), code);
        map.insert(plain, code);
    }
    map
});

/// The country (its ISO code, the key of its name) whose capital `name` is: news names a
/// government by its capital ("Moscow said"), a translation may name the country instead.
pub fn capital_of(name: &Fact) -> Option<&'static str> {
    (name.kind == FactKind::Entity).then(|| CAPITALS.get(name.value.as_str()).copied()).flatten()
}

/// The country of each region of the gazetteer that lies in one (`data/regions.tsv`).
static REGIONS: LazyLock<std::collections::HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../../data/regions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// Whether one of two names is a country's capital and the other that country (or its demonym,
/// which carries the country's key): one actor named two ways.
pub fn capital_and_country(a: &Fact, b: &Fact) -> bool {
    capital_of(a).is_some_and(|code| b.value == code) || capital_of(b).is_some_and(|code| a.value == code)
}

/// Whether one of two places lies in the other: a capital in its country, or a region in its
/// country ("Angleterre" / "Britain", "la Floride" / "the US"): the whole named for the part.
pub fn place_within(a: &Fact, b: &Fact) -> bool {
    let region_in = |x: &Fact, y: &Fact| REGIONS.get(x.value.as_str()).is_some_and(|code| y.value == *code);
    capital_and_country(a, b)
        || (a.kind == FactKind::Entity && b.kind == FactKind::Entity && (region_in(a, b) || region_in(b, a)))
}
