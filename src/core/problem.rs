//! A problem found in the data: which record, which field, what is wrong.

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
    pub message: String,
}

impl Problem {
    pub fn new(
        collection: impl Into<String>,
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            collection: collection.into(),
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl Problem {
    /// The rule a problem breaks, without the values that differ from record to record:
    /// `partnerships, places[]: unknown place` for every unknown place of every partnership.
    pub fn rule(&self) -> String {
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
        // Values are quoted or lead the message ("255.4 is not a latitude").
        let message = self.message.split('"').next().unwrap_or_default().trim();
        let message = message
            .split_once(' ')
            .filter(|(first, _)| first.parse::<f64>().is_ok())
            .map_or(message, |(_, rest)| rest);
        let field = if field.is_empty() {
            String::new()
        } else {
            format!(", {field}")
        };
        format!("{}{field}: {message}", self.collection)
    }
}

/// How many problems break each rule, the most often broken first (ties by rule).
pub fn tally(problems: &[Problem]) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in problems {
        *counts.entry(p.rule()).or_default() += 1;
    }
    let mut rules: Vec<(String, usize)> = counts.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rules
}

/// Every problem as a line of plain text: the full list the notice offers as a download.
pub fn as_text(problems: &[Problem]) -> String {
    let mut text = String::new();
    for p in problems {
        text.push_str(&p.to_string());
        text.push('\n');
    }
    text
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.collection, self.record)?;
        if !self.field.is_empty() {
            write!(f, ", field {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_of_one_rule_are_counted_together() {
        let problems = [
            Problem::new("partnerships", "a", "places[0]", "unknown place \"x\""),
            Problem::new("partnerships", "b", "places[1]", "unknown place \"y\""),
            Problem::new(
                "places",
                "c",
                "location.lat",
                "255.4 is not a latitude (-90 to 90)",
            ),
        ];
        assert_eq!(
            tally(&problems),
            vec![
                ("partnerships, places[]: unknown place".to_string(), 2),
                (
                    "places, location.lat: is not a latitude (-90 to 90)".to_string(),
                    1
                ),
            ]
        );
        assert_eq!(as_text(&problems).lines().count(), 3);
    }
}
