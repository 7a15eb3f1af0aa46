//! Which field of a JSON record a parse error is in, from the position serde_json reports.
//!
//! serde_json says where it stopped (line and column) and why, but not in which field; this
//! walks the record's text up to that position, keeping the path of keys and indices it is
//! inside, so that a problem can say `location.lat` rather than only "expected f64".

enum Frame {
    Object(Option<String>),
    Array(usize),
}

/// The byte offset of a 1-based line and column (columns count bytes, as serde_json's do).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// The path (`location.lat`, `members[2].place`) of the innermost value that contains the
/// 1-based `line` and `column` of `text`; empty at the record's top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A string in an object with no key yet is the key.
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = text.get(start..i.min(text.len())).map(String::from);
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
            Frame::Object(None) => {}
        }
    }
    path
}

/// The field a serde message names itself ("missing field `lat`", "unknown field `sine`").
pub fn named_field(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_path<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, e.line(), e.column())
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Location {
        lat: f64,
        lon: f64,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Place {
        id: String,
        location: Location,
        names: Vec<String>,
    }

    #[test]
    fn finds_the_field_serde_stopped_in() {
        let text = r#"{"id": "a", "location": {"lat": "north", "lon": 1}, "names": []}"#;
        assert_eq!(error_path::<Place>(text), "location.lat");
        let text =
            "{\"id\": \"a\",\n \"location\": {\"lat\": 1, \"lon\": 2},\n \"names\": [\"x\", 5]}";
        assert_eq!(error_path::<Place>(text), "names[1]");
        let text = r#"{"id": 7}"#;
        assert_eq!(error_path::<Place>(text), "id");
    }

    #[test]
    fn strings_with_quotes_and_braces_do_not_confuse_it() {
        let text = r#"{"id": "a \"{[,\" b", "location": {"lat": 1, "lon": "x"}, "names": []}"#;
        assert_eq!(error_path::<Place>(text), "location.lon");
    }

    #[test]
    fn reads_the_field_a_message_names() {
        assert_eq!(named_field("missing field `lat`"), Some("lat"));
        assert_eq!(
            named_field("unknown field `sine`, expected one of `since`"),
            Some("sine")
        );
        assert_eq!(named_field("invalid type: string"), None);
    }
}
