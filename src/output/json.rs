//! Pretty-printed JSON, laid out exactly as `serde_json::to_string_pretty` lays it out (two
//! spaces a level), with each line break and its indentation written at once: serde_json writes
//! the indentation two spaces at a time, and that was a third of writing an `align` report.

use serde::Serialize;
use std::io;

/// `value` as pretty-printed JSON with a final newline.
pub fn pretty(value: &impl Serialize) -> String {
    let mut out = Vec::with_capacity(16 * 1024);
    pretty_to(&mut out, value).expect("plain values serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`pretty`] written to `out` as it is made, never held whole (a report of a long article is
/// as long as the article).
pub fn pretty_to(mut out: impl io::Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// A comma, a newline and indentation for 31 levels: every break is a slice of it.
const BREAK: &[u8] = b",\n                                                              ";

/// serde_json's `PrettyFormatter` with an indentation of two spaces, one write per line break.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma when `comma`) and the indentation of the current depth.
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        let start = usize::from(!comma);
        let end = 2 + 2 * self.depth;
        if end <= BREAK.len() {
            return writer.write_all(&BREAK[start..end]);
        }
        writer.write_all(&BREAK[start..2])?;
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(mark)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer, false)?;
        }
        writer.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.line_break(writer, !first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.line_break(writer, !first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The same text as serde_json's own pretty printer, deep nesting and empty containers included.
    #[test]
    fn lays_out_as_serde_json_does() {
        let mut deep = json!({"leaf": [1, {"a": null}], "empty": [], "none": {}});
        for level in 0..40 {
            deep = json!({"level": level, "next": deep, "list": [[], {"k": "é\"\n"}, 1.5, true]});
        }
        for value in [json!(null), json!([]), json!({}), json!([[], {}]), deep] {
            let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
            assert_eq!(pretty(&value), expected);
        }
    }
}
