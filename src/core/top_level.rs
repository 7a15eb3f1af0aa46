//! A dataset file's top level, read in slices: its fields, and the elements of each list among
//! them, each still unparsed text.
//!
//! serde_json reads a value only whole: the top level as a map of raw values went over the
//! entire file in one stretch (four megabytes, a long task on a phone), and each collection's
//! list over its part again. Here only the punctuation between the fields and between a list's
//! elements is read by hand; every key, element and other value is read by serde_json, which
//! checks it, so that a file is refused exactly where serde_json would refuse it.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::pause::{after_record, Pause};

/// One field of the top level.
#[derive(Debug, Clone)]
pub(crate) struct TopValue<'a> {
    /// The value as written.
    pub text: &'a str,
    /// Where the value is a list, its elements as written.
    pub items: Option<Vec<&'a RawValue>>,
}

/// The top level's fields by name (where a name comes twice, the last counts, as with serde).
pub(crate) type TopLevel<'a> = BTreeMap<&'a str, TopValue<'a>>;

/// Reads `text` as a JSON object, pausing every few elements of its lists. `None` where it is
/// not one: no JSON, or JSON of another kind, or a name with an escape (as a map of borrowed
/// names from serde_json).
pub(crate) async fn read_in_slices<'a>(
    text: &'a str,
    pause: &mut impl Pause,
) -> Option<TopLevel<'a>> {
    let mut at = Cursor { text, at: 0 };
    let mut fields = TopLevel::new();
    at.expect(b'{')?;
    if at.peek()? == b'}' {
        at.at += 1;
    } else {
        loop {
            let name: &'a str = at.value()?;
            at.expect(b':')?;
            let value = match at.peek()? {
                b'[' => at.list(pause).await?,
                _ => TopValue {
                    text: at.value::<&RawValue>()?.get(),
                    items: None,
                },
            };
            fields.insert(name, value);
            match at.next_byte()? {
                b',' => {}
                b'}' => break,
                _ => return None,
            }
        }
    }
    at.skip_whitespace();
    (at.at == text.len()).then_some(fields)
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn skip_whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.at), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.text.as_bytes().get(self.at).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next_byte()? == byte).then_some(())
    }

    /// The one JSON value that starts here, read and checked by serde_json.
    fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
        self.skip_whitespace();
        let rest = self.text.get(self.at..)?;
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<T>();
        let value = values.next()?.ok()?;
        self.at += values.byte_offset();
        Some(value)
    }

    /// The list that starts here, element by element.
    async fn list(&mut self, pause: &mut impl Pause) -> Option<TopValue<'a>> {
        let start = self.at;
        self.at += 1;
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
        } else {
            loop {
                items.push(self.value::<&RawValue>()?);
                after_record(pause, items.len() - 1).await;
                match self.next_byte()? {
                    b',' => {}
                    b']' => break,
                    _ => return None,
                }
            }
        }
        Some(TopValue {
            text: self.text.get(start..self.at)?,
            items: Some(items),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pause::{at_once, Counting};

    /// Each field's text and its elements' texts, where it is a list.
    type Plain<'a> = BTreeMap<&'a str, (&'a str, Option<Vec<&'a str>>)>;

    fn plain(top: TopLevel<'_>) -> Plain<'_> {
        top.into_iter()
            .map(|(name, v)| {
                let items = v.items.map(|i| i.into_iter().map(RawValue::get).collect());
                (name, (v.text, items))
            })
            .collect()
    }

    fn read(text: &str) -> Option<Plain<'_>> {
        at_once(read_in_slices(text, &mut Counting(0))).map(plain)
    }

    /// What serde_json makes of `text` as a map of raw values (as the top level was read before),
    /// each list split into its elements.
    fn as_serde_reads(text: &str) -> Option<Plain<'_>> {
        let fields: BTreeMap<&str, &RawValue> = serde_json::from_str(text).ok()?;
        Some(
            fields
                .into_iter()
                .map(|(name, raw)| {
                    let items = serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok();
                    let items = items.map(|i| i.into_iter().map(RawValue::get).collect());
                    (name, (raw.get(), items))
                })
                .collect(),
        )
    }

    #[test]
    fn it_reads_what_serde_reads_and_refuses_what_serde_refuses() {
        let shipped = std::fs::read_to_string("data/partnerships.json").unwrap();
        let cases = [
            shipped.as_str(),
            r#"{}"#,
            " { } \n",
            r#"{"a": [], "b": [ ], "c": [1, "x", {"d": [2]}, null], "e": 1.5e3, "f": "\"]"}"#,
            r#"{"a": [1,2], "a": 3}"#,
            r#"{"places": [{"id": "x"} {"id": "y"}]}"#,
            r#"{"places": [{"id": "x"},]}"#,
            r#"{"places": [1 2]}"#,
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            r#"{"a": 1} x"#,
            r#"{"a": 1}}"#,
            r#"{"a\n": 1}"#,
            r#"{"a": [1, 2"#,
            r#"{"a": 01}"#,
            r#"{"a": tru}"#,
            r#"{"a": truex}"#,
            r#"{"a": [1]x}"#,
            r#"[1, 2]"#,
            r#""text""#,
            "",
            "{",
            r#"{"a": "\u00e9", "b": [["\]"]]}"#,
        ];
        for text in cases {
            assert_eq!(read(text), as_serde_reads(text), "{text:.80}");
        }
        let top = read(&shipped).unwrap();
        assert!(top["places"].1.as_ref().unwrap().len() > 9_000);
        assert!(top["schema_version"].1.is_none());
    }

    #[test]
    fn it_pauses_between_the_elements_of_a_list() {
        let text = format!("{{\"places\": [{}]}}", vec!["{}"; 100].join(","));
        let mut pauses = Counting(0);
        let top = at_once(read_in_slices(&text, &mut pauses)).unwrap();
        assert_eq!(top["places"].items.as_ref().unwrap().len(), 100);
        assert!(pauses.0 >= 3, "{} pause points", pauses.0);
    }
}
