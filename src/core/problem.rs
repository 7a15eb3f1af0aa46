//! A problem found in the data: which record, which field, which rule it breaks.
//!
//! A problem names its rule by a message key (`problem.unknown_place`) with the values the
//! message shows as placeholders, so that the page tells it in the reader's language through
//! the language packs. The data tool and the tests read it in English, from the English pack
//! itself (one text per message, wherever it is shown).

use std::fmt;

/// One thing wrong with one record. The record is left out (or the field dropped) and the
/// problem is listed, so that everything valid is still shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The collection the record belongs to: `places`, `partnerships`, … or `dataset`.
    pub collection: String,
    /// The record's id, or `#N` (its position, from 1) where it has no usable id.
    pub record: String,
    /// The field, as a path inside the record (`location.lat`, `places[1]`).
    pub field: String,
    /// The rule broken: its message's key in the language packs.
    pub rule: &'static str,
    /// What the message names (`{value}`, `{since}`), as found in the record.
    pub values: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(
        collection: impl Into<String>,
        record: impl Into<String>,
        field: impl Into<String>,
        rule: &'static str,
        values: &[(&'static str, &dyn fmt::Display)],
    ) -> Self {
        Problem {
            collection: collection.into(),
            record: record.into(),
            field: field.into(),
            rule,
            values: values.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    /// The message as `template` (the rule's text in some language) words it.
    pub fn message_with(&self, template: &str) -> String {
        super::i18n::fill_owned(template, &self.values)
    }

    /// The rule without the values that differ from record to record, as `template` words it:
    /// `partnerships, places[]: unknown place "…"` for every unknown place of every
    /// partnership.
    pub fn rule_with(&self, template: &str) -> String {
        let mut field = String::with_capacity(self.field.len());
        let mut in_index = false;
        for c in self.field.chars() {
            match c {
                '[' => {
                    in_index = true;
                    field.push_str("[]");
                }
                ']' => in_index = false,
                _ if !in_index => field.push(c),
                _ => {}
            }
        }
        let elided: Vec<(&str, &str)> = self.values.iter().map(|(k, _)| (*k, "…")).collect();
        let message = super::i18n::fill(template, &elided);
        match field.is_empty() {
            true => format!("{}: {message}", self.collection),
            false => format!("{}, {field}: {message}", self.collection),
        }
    }

    /// The problem as one line, its message worded by `template`.
    pub fn line_with(&self, template: &str) -> String {
        let mut line = format!("{} \"{}\"", self.collection, self.record);
        if !self.field.is_empty() {
            line.push_str(&format!(", field {}", self.field));
        }
        line.push_str(": ");
        line.push_str(&self.message_with(template));
        line
    }
}

/// How many problems break each rule, the most often broken first (ties by rule), each rule
/// worded by `template` (a rule's key to its text).
pub fn tally(problems: &[Problem], template: &dyn Fn(&str) -> String) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in problems {
        *counts.entry(p.rule_with(&template(p.rule))).or_default() += 1;
    }
    let mut rules: Vec<(String, usize)> = counts.into_iter().collect();
    crate::core::sorting::sort_with(&mut rules, &|a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    rules
}

/// Every problem as a line of plain text: the full list the notice offers as a download.
pub fn as_text(problems: &[Problem], template: &dyn Fn(&str) -> String) -> String {
    let mut text = String::new();
    for p in problems {
        text.push_str(&p.line_with(&template(p.rule)));
        text.push('\n');
    }
    text
}

/// English, from the English pack: for the data tool's output, the staff page and the tests.
pub fn english(key: &str) -> String {
    use std::sync::OnceLock;
    static PACK: OnceLock<super::i18n::Pack> = OnceLock::new();
    let pack = PACK.get_or_init(|| {
        super::i18n::Pack::parse(include_str!("../../public/i18n/en.json")).unwrap_or_default()
    });
    pack.get(key).unwrap_or(key).to_string()
}

impl Problem {
    /// The message in English.
    pub fn message(&self) -> String {
        self.message_with(&english(self.rule))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line_with(&english(self.rule)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_of_one_rule_are_counted_together() {
        let problems = [
            Problem::new(
                "partnerships",
                "a",
                "places[0]",
                "problem.unknown_place",
                &[("value", &"x")],
            ),
            Problem::new(
                "partnerships",
                "b",
                "places[1]",
                "problem.unknown_place",
                &[("value", &"y")],
            ),
            Problem::new(
                "places",
                "c",
                "location.lat",
                "problem.not_latitude",
                &[("value", &255.4)],
            ),
        ];
        assert_eq!(
            tally(&problems, &english),
            vec![
                ("partnerships, places[]: unknown place \"…\"".to_string(), 2),
                (
                    "places, location.lat: … is not a latitude (-90 to 90)".to_string(),
                    1
                ),
            ]
        );
        assert_eq!(
            problems[2].to_string(),
            "places \"c\", field location.lat: 255.4 is not a latitude (-90 to 90)"
        );
        assert_eq!(as_text(&problems, &english).lines().count(), 3);
    }
}
