//! Which facts of a version agree with a fact, found without comparing the fact with each.
//!
//! [`agrees`](super::agrees) is a test on two facts. Asking it of every fact of one version
//! against every fact of the other is quadratic: 200 KB of text dense with figures and dates
//! took minutes in the fact table. The index files each fact under the keys an agreeing fact
//! must share with it (a number's magnitude, a year, a name's fold or letters), hands back the
//! facts filed under the keys of the fact asked about, and the same test decides among them: the
//! answer is the one a full scan gives, only dates are still scanned (their wildcards make keys
//! weak), once per distinct date.

use super::equiv::{self, Class};
use crate::facts::{Fact, FactKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Facts in a fixed order, each with a tag (the sentence that holds it, or anything the caller
/// needs back), indexed for [`FactIndex::first_agreeing`].
pub(super) struct FactIndex<'a, T> {
    entries: Vec<(T, &'a Fact)>,
    /// Numbers with a value, by absolute value.
    magnitudes: Vec<(f64, u32)>,
    /// Numbers by their value as written in the fact (for values that are no figure).
    number_values: HashMap<&'a str, Vec<u32>>,
    /// Numbers that read as a year, by the year.
    years: HashMap<String, Vec<u32>>,
    /// Dates (and years written as numbers), by the first four bytes of their value.
    date_heads: HashMap<&'a str, Vec<u32>>,
    /// The dates: all, or when the caller keeps every fact, the first of each distinct kind,
    /// text and value (`agrees` reads nothing else). Then the same by what `equiv::dates_agree`
    /// needs shared: a known part of the date at its place ("2024" first, "05" second), the time
    /// of day; and the forms it compares otherwise: week forms, values without a digit.
    dates: Vec<u32>,
    date_parts: HashMap<(usize, &'a str), Vec<u32>>,
    date_times: HashMap<&'a str, Vec<u32>>,
    weeks: Vec<u32>,
    undated: Vec<u32>,
    /// Names by their folded key, and by the sorted letters of their text.
    names: HashMap<String, Vec<u32>>,
    letters: HashMap<Vec<char>, Vec<u32>>,
}

/// Scale words a figure may have lost on one side ("3 milliards" read as 3): see
/// `equiv::scale_word_missed`.
const SCALES: [f64; 9] = [1.0, 1e3, 1e6, 1e9, 1e12, 1e-3, 1e-6, 1e-9, 1e-12];

impl<'a, T: Copy> FactIndex<'a, T> {
    /// The index of `entries`. With `keep_all`, [`FactIndex::first_agreeing`] is never asked to
    /// pass facts over, and dates the same as an earlier one are left out.
    pub(super) fn new(entries: impl IntoIterator<Item = (T, &'a Fact)>, keep_all: bool) -> Self {
        let mut index = FactIndex {
            entries: entries.into_iter().collect(),
            magnitudes: Vec::new(),
            number_values: HashMap::default(),
            years: HashMap::default(),
            date_heads: HashMap::default(),
            dates: Vec::new(),
            date_parts: HashMap::default(),
            date_times: HashMap::default(),
            weeks: Vec::new(),
            undated: Vec::new(),
            names: HashMap::default(),
            letters: HashMap::default(),
        };
        let mut seen_dates: HashSet<(FactKind, &str, &str)> = HashSet::default();
        for (pos, &(_, fact)) in index.entries.iter().enumerate() {
            let pos = pos as u32;
            match equiv::class_of_fact(fact) {
                Class::Number => {
                    match equiv::numeric(fact) {
                        Some(v) => index.magnitudes.push((v.abs(), pos)),
                        None => index.number_values.entry(&fact.value).or_default().push(pos),
                    }
                    if let Some(year) = equiv::year_of_number(fact) {
                        index.years.entry(year).or_default().push(pos);
                    }
                }
                Class::Date => {
                    if let Some(head) = fact.value.get(..4) {
                        index.date_heads.entry(head).or_default().push(pos);
                    }
                    if let Some(year) = equiv::year_of_number(fact) {
                        index.years.entry(year).or_default().push(pos);
                    }
                    if !keep_all || seen_dates.insert((fact.kind, &fact.text, &fact.value)) {
                        index.dates.push(pos);
                        let (date, time) = fact.value.split_once('T').unwrap_or((&fact.value, ""));
                        if date.contains('W') {
                            index.weeks.push(pos);
                        }
                        for (place, part) in date.split('-').enumerate().filter(|(_, p)| !p.contains('X')) {
                            index.date_parts.entry((place, part)).or_default().push(pos);
                        }
                        if !time.is_empty() {
                            index.date_times.entry(time).or_default().push(pos);
                        }
                        if !fact.value.bytes().any(|b| b.is_ascii_digit()) {
                            index.undated.push(pos);
                        }
                    }
                }
                Class::Entity => {
                    if fact.kind == FactKind::Entity {
                        index.names.entry(crate::text::fold(&fact.value)).or_default().push(pos);
                        index.letters.entry(equiv::sorted_letters(fact)).or_default().push(pos);
                    }
                }
            }
        }
        index.magnitudes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        index
    }

    /// The first fact, in the order given, that `keep` accepts and that agrees with `fact`.
    pub(super) fn first_agreeing(&self, fact: &Fact, keep: impl Fn(T, &Fact) -> bool) -> Option<(T, &'a Fact)> {
        let mut candidates = self.candidates(fact);
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|pos| self.entries[pos as usize])
            .find(|&(tag, other)| keep(tag, other) && super::agrees(fact, other))
    }

    /// Every fact that may agree with `fact` (and others): what `agrees` looks at, by class.
    fn candidates(&self, fact: &Fact) -> Vec<u32> {
        let mut out = Vec::new();
        let mut add = |list: Option<&Vec<u32>>| out.extend(list.into_iter().flatten().copied());
        match equiv::class_of_fact(fact) {
            Class::Number => {
                match equiv::numeric(fact) {
                    Some(v) => {
                        for x in SCALES.map(|k| v.abs() * k) {
                            // Wider than `equiv::same_number`'s tolerance: `agrees` decides.
                            let slack = 1e-6 * (x + 1.0);
                            let from = self.magnitudes.partition_point(|&(m, _)| m < x - slack);
                            let to = self.magnitudes.partition_point(|&(m, _)| m <= x + slack);
                            add(Some(&self.magnitudes[from..to].iter().map(|&(_, pos)| pos).collect()));
                        }
                    }
                    None => add(self.number_values.get(fact.value.as_str())),
                }
                if let Some(year) = equiv::year_of_number(fact) {
                    add(self.date_heads.get(year.as_str()));
                }
            }
            Class::Date => {
                let (date, time) = fact.value.split_once('T').unwrap_or((&fact.value, ""));
                let undated = !fact.value.bytes().any(|b| b.is_ascii_digit());
                if date.contains('W') || undated {
                    // A week form is compared with days by their weekday; a date without a
                    // digit may be a relative day any resolved day agrees with.
                    add(Some(&self.dates));
                } else {
                    for (place, part) in date.split('-').enumerate().filter(|(_, p)| !p.contains('X')) {
                        add(self.date_parts.get(&(place, part)));
                    }
                    if !time.is_empty() {
                        add(self.date_times.get(time));
                    }
                    if date.split('-').count() == 3 {
                        add(Some(&self.weeks));
                    }
                    add(Some(&self.undated));
                }
                if let Some(head) = fact.value.get(..4) {
                    add(self.years.get(head));
                }
            }
            Class::Entity => {
                if fact.kind == FactKind::Entity {
                    add(self.names.get(&crate::text::fold(&fact.value)));
                    add(self.letters.get(&equiv::sorted_letters(fact)));
                }
            }
        }
        out
    }
}
