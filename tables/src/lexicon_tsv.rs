//! Reading a lexicon TSV (`french<TAB>english,english...` a line, `#` comments) into word pairs.
//!
//! The build stems the embedded lexicon once, and a user's `--lexicon FILE` is read at run time
//! by the very same rules.

/// The single-word (French, English) pairs of a TSV text, in file order. Multi-word entries are
/// skipped: alignment compares words. A line without a tab is an error naming its number.
pub fn word_pairs(tsv: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut pairs = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(fr), Some(en)) = (fields.next(), fields.next()) else {
            return Err(format!("line {}: expected 'french<TAB>english', found {line:?}", n + 1));
        };
        let fr = fr.trim();
        for en in en.split(',').map(str::trim) {
            if !fr.is_empty() && !en.is_empty() && !fr.contains(' ') && !en.contains(' ') {
                pairs.push((fr, en));
            }
        }
    }
    Ok(pairs)
}
