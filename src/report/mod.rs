//! The report stage: renders what the earlier stages found, for people and for machines.

pub mod align;
pub mod check;
pub mod compared;
pub mod dedup;
pub mod facts;
pub mod html;
pub mod markdown;
pub mod side_by_side;
pub mod split;

/// Writes `text` to `out` with each character that `replace` names written as its replacement
/// (an entity, an escape): the runs between those characters go out whole, without a copy.
pub(crate) fn write_replacing(
    out: &mut impl std::fmt::Write,
    text: &str,
    replace: impl Fn(char) -> Option<&'static str>,
) {
    let mut from = 0;
    for (at, ch) in text.char_indices() {
        let Some(replacement) = replace(ch) else { continue };
        let _ = out.write_str(&text[from..at]);
        let _ = out.write_str(replacement);
        from = at + ch.len_utf8();
    }
    let _ = out.write_str(&text[from..]);
}
