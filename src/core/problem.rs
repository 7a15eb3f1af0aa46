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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.collection, self.record)?;
        if !self.field.is_empty() {
            write!(f, ", field {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}
