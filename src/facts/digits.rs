//! Numbers written with digits, lexed from the text: both languages' grouping and decimal
//! marks ("3 000", "3,000", "1,5", "4.800"), exponents, Indian grouping ("1,00,000"). The
//! tokenizer ([`super::tokens`]) lexes them whole, below the number patterns of
//! [`super::numbers`] that read its tokens.

use crate::lang::Lang;

/// A number written with digits, as lexed by [`scan_digits`].
#[derive(Clone, Debug, PartialEq)]
pub struct NumLit {
    pub value: f64,
    /// Digits before the decimal separator, grouping left out.
    pub int_digits: usize,
    /// Written with thousands separators ("3 000", "3,000").
    pub grouped: bool,
    /// Has a decimal part.
    pub decimal: bool,
    /// Starts with a 0 that is not alone ("04"): a date or code part, not a count.
    pub leading_zero: bool,
}

pub(super) fn digit_run(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |n| from + n)
}

pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Lexes a digit number at `pos`: its end and value, or `None` if no number starts there.
/// French groups with spaces or dots and writes decimals with a comma; English groups with
/// spaces or commas and writes decimals with a dot. "192.168.1.2" stays four numbers.
pub fn scan_digits(text: &str, pos: usize, lang: Lang) -> Option<(usize, NumLit)> {
    let bytes = text.as_bytes();
    let decimal_sep = if lang == Lang::Fr { b',' } else { b'.' };
    // A number starts with a digit, a minus sign ('-', or '−' whose first byte is 0xE2) or the
    // decimal separator: the tokenizer asks at every word, which needs no more than this.
    if !matches!(bytes[pos], b'0'..=b'9' | b'-' | 0xE2) && bytes[pos] != decimal_sep {
        return None;
    }
    let prev = text[..pos].chars().next_back();
    let boundary_before = prev.is_none_or(|p| p.is_whitespace() || p == '(');
    let mut i = pos;
    let negative = if bytes[pos] == b'-' || text[pos..].starts_with('−') {
        i += if bytes[pos] == b'-' { 1 } else { '−'.len_utf8() };
        if !boundary_before || !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        true
    } else {
        false
    };
    if bytes[i] == decimal_sep && boundary_before && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let end = digit_run(bytes, i + 1);
        let value: f64 = format!("0.{}", &text[i + 1..end]).parse().ok()?;
        let lit = NumLit { value, int_digits: 0, grouped: false, decimal: true, leading_zero: false };
        return Some((end, lit));
    }
    if !bytes[i].is_ascii_digit() {
        return None;
    }
    let run_end = digit_run(bytes, i);
    let first_len = run_end - i;
    let mut int = text[i..run_end].to_string();
    let mut end = run_end;
    let mut sep: Option<char> = None;
    if let Some((european_end, value)) = european_in_english(text, i, run_end).filter(|_| lang == Lang::En) {
        let value = if negative { -value } else { value };
        let lit = NumLit { value, int_digits: 0, grouped: true, decimal: true, leading_zero: false };
        return Some((european_end, lit));
    }
    if let Some(lakh_end) = indian_groups(bytes, run_end).filter(|_| lang == Lang::En && first_len <= 2) {
        int.extend(text[run_end..lakh_end].chars().filter(char::is_ascii_digit));
        end = lakh_end;
        sep = Some(',');
    }
    (end, sep) = thousands_groups(text, end, first_len, lang, sep, &mut int);
    let mut frac = "";
    if let Some(&c) = bytes.get(end) {
        let is_decimal = c == decimal_sep || (lang == Lang::Fr && c == b'.' && sep != Some('.'));
        if is_decimal && sep != Some(c as char) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            let frac_end = digit_run(bytes, end + 1);
            let dotted_code =
                bytes.get(frac_end) == Some(&c) && bytes.get(frac_end + 1).is_some_and(u8::is_ascii_digit);
            let inside_code = prev == Some(c as char) && text[..pos - 1].ends_with(|p: char| p.is_ascii_digit());
            if !dotted_code && !inside_code {
                frac = &text[end + 1..frac_end];
                end = frac_end;
            }
        }
    }
    let mut value: f64 = if frac.is_empty() { int.parse().ok()? } else { format!("{int}.{frac}").parse().ok()? };
    if negative {
        value = -value;
    }
    let (end, power) = match exponent(text, end, value) {
        Some((e, v)) => {
            value = v;
            (e, true)
        }
        None => (end, false),
    };
    let lit = NumLit {
        value,
        int_digits: int.len(),
        grouped: sep.is_some(),
        decimal: !frac.is_empty() || power,
        leading_zero: int.len() > 1 && int.starts_with('0'),
    };
    Some((end, lit))
}

/// The groups of three digits after a first run of `first_len` digits ending at `end`, set apart
/// by one separator that `lang` groups with ("3 000 000", "3,000", "4.800"): appends their digits
/// to `int` and returns the end and the separator (`sep` if one was read before).
fn thousands_groups(
    text: &str,
    mut end: usize,
    first_len: usize,
    lang: Lang,
    mut sep: Option<char>,
    int: &mut String,
) -> (usize, Option<char>) {
    let bytes = text.as_bytes();
    while let Some(c) = text[end..].chars().next() {
        let allowed = match c {
            c if is_group_space(c) => first_len <= 3,
            ',' => lang == Lang::En && first_len <= 3,
            '.' => lang == Lang::Fr && first_len <= 3,
            _ => false,
        };
        if !allowed || sep.is_some_and(|s| s != c) {
            break;
        }
        let g = end + c.len_utf8();
        let three = bytes.len() >= g + 3 && bytes[g..g + 3].iter().all(u8::is_ascii_digit);
        if !three || bytes.get(g + 3).is_some_and(u8::is_ascii_digit) {
            break;
        }
        // "15.05.99" and "1.234.56" are not numbers grouped by dots.
        if c == '.' && bytes.get(g + 3) == Some(&b'.') && !bytes.get(g + 4..g + 7).is_some_and(all_digits) {
            break;
        }
        int.push_str(&text[g..g + 3]);
        end = g + 3;
        sep = Some(c);
    }
    (end, sep)
}

/// Scientific and power notation glued to a number: "1.3e6", "12,32e+14", "1.3x10^6", "2.5^-1".
/// Returns the end and the new value. A power keeps the sign of its base ("-2500^-1" is -0.0004);
/// an exponent's signs cancel in pairs ("^--23" is ^23).
pub(super) fn exponent(text: &str, at: usize, base: f64) -> Option<(usize, f64)> {
    let bytes = text.as_bytes();
    let signed_digits = |from: usize| -> Option<(usize, i32)> {
        let mut k = from;
        let mut minus = false;
        while let Some(&b) = bytes.get(k).filter(|b| matches!(b, b'+' | b'-')) {
            minus ^= b == b'-';
            k += 1;
        }
        let end = digit_run(bytes, k);
        let exp: i32 = text.get(k..end).filter(|d| !d.is_empty() && d.len() <= 3)?.parse().ok()?;
        let glued_on = text[end..].chars().next().is_some_and(|c| c.is_alphanumeric());
        (!glued_on).then_some((end, if minus { -exp } else { exp }))
    };
    let rest = &text[at..];
    if rest.starts_with(['e', 'E']) {
        let (end, exp) = signed_digits(at + 1)?;
        return Some((end, base * 10f64.powi(exp)));
    }
    if rest.starts_with('^') {
        let (end, exp) = signed_digits(at + 1)?;
        return Some((end, base.signum() * base.abs().powi(exp)));
    }
    let times = ["x10^", "X10^", "×10^", "*10^"].iter().find(|p| rest.starts_with(*p))?;
    let (end, exp) = signed_digits(at + times.len())?;
    Some((end, base * 10f64.powi(exp)))
}

/// "1.111,11" or "1,2" in an English text: dots that group thousands (or none) and a comma before one
/// or two decimals, which no English writing means otherwise. Returns the end and the value.
pub(super) fn european_in_english(text: &str, start: usize, run_end: usize) -> Option<(usize, f64)> {
    let bytes = text.as_bytes();
    if run_end - start > 3 {
        return None;
    }
    let mut k = run_end;
    while bytes.get(k) == Some(&b'.') && digit_run(bytes, k + 1) == k + 4 {
        k += 4;
    }
    if bytes.get(k) != Some(&b',') {
        return None;
    }
    let decimals_end = digit_run(bytes, k + 1);
    if !(k + 2..=k + 3).contains(&decimals_end) {
        return None;
    }
    // "1,2" with no thousands before: a decimal comma too ("between 1,2 and 1,4 billion"),
    // unless the figures go on as a list ("1,2,3").
    let listed_after =
        matches!(bytes.get(decimals_end), Some(b',')) && digit_run(bytes, decimals_end + 1) > decimals_end + 1;
    let listed_before = start >= 2 && bytes[start - 1] == b',' && bytes[start - 2].is_ascii_digit();
    if k == run_end && (listed_after || listed_before) {
        return None;
    }
    let plain: String =
        text[start..decimals_end].chars().filter(|c| *c != '.').map(|c| if c == ',' { '.' } else { c }).collect();
    Some((decimals_end, plain.parse().ok()?))
}

/// Indian grouping after the first group: ",34,567" in "12,34,567" (pairs, then a last group of
/// three). Returns the end of the last group.
pub(super) fn indian_groups(bytes: &[u8], from: usize) -> Option<usize> {
    let group = |at: usize, n: usize| {
        bytes.get(at) == Some(&b',')
            && bytes.get(at + 1..at + 1 + n).is_some_and(all_digits)
            && !bytes.get(at + 1 + n).is_some_and(u8::is_ascii_digit)
    };
    let mut k = from;
    let mut pairs = 0;
    while group(k, 2) {
        k += 3;
        pairs += 1;
    }
    (pairs > 0 && group(k, 3)).then_some(k + 4)
}

pub(super) fn all_digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::super::numbers::tests::{facts, values};
    use crate::facts::FactKind;
    use crate::lang::Lang;

    #[test]
    fn digits_in_both_conventions() {
        assert_eq!(
            values("3,5 et 3 000 et 3\u{a0}000 et 3\u{202f}000 et 4,800", Lang::Fr),
            ["3.5", "3000", "3000", "3000", "4.8"]
        );
        assert_eq!(values("3.5 and 3,000 and 1,234,567.5 and 4.800", Lang::En), ["3.5", "3000", "1234567.5", "4.8"]);
        assert_eq!(values("192.168.1.2", Lang::En), ["192", "168", "1", "2"]);
        assert_eq!(values("2.345,5 and 1.000.000,25", Lang::En), ["2345.5", "1000000.25"]);
        assert_eq!(values("1.458.000,00 tonnes", Lang::Fr), ["1458000"]);
        // a French decimal comma in English text, but not a list of figures
        assert_eq!(values("between 1,2 and 1,45 billion", Lang::En), ["1.2", "1450000000"]);
        assert_eq!(values("pages 3,4,5", Lang::En), ["3", "4", "5"]);
    }

    #[test]
    fn powers_of_ten_and_exponents() {
        assert_eq!(values("1.3e6 and 2.5^-1 and 6.23x10^-4", Lang::En), ["1300000", "0.4", "0.000623"]);
        assert_eq!(values("12,5e3 et -2^3", Lang::Fr), ["12500", "-8"]);
        assert_eq!(facts("le 2e jour", Lang::Fr), [(FactKind::Ordinal, "2".to_string(), None)]);
    }

    #[test]
    fn tokenized_and_indian_writing() {
        assert_eq!(values("sixty - four", Lang::En), ["64"]);
        assert_eq!(values("three - fifths", Lang::En), ["0.6"]);
        assert_eq!(values("5,00,000 and 2,35,10,000", Lang::En), ["500000", "23510000"]);
        assert_eq!(values("half a dozen", Lang::En), ["6"]);
        assert_eq!(values("one hundred and three dozen", Lang::En), ["136"]);
        assert_eq!(values("one - fifth", Lang::En), ["0.2"]);
        assert_eq!(values("4 dz", Lang::En), ["48"]);
        let ords = facts("le quatre-vingtième", Lang::Fr);
        assert_eq!(ords, [(FactKind::Ordinal, "80".to_string(), None)]);
    }
}
