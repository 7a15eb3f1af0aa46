//! What a build merged, skipped and why, with counts: printed by `build-dataset`.

use std::collections::BTreeMap;
use std::fmt;

/// How many examples of each kind the printed report shows.
const EXAMPLES: usize = 5;

/// Everything the build decided that a person may want to check, by reason.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    /// Rows, places and links left out, by reason.
    pub skipped: BTreeMap<String, Vec<String>>,
    /// Statements taken for one place or one link, by rule.
    pub merged: BTreeMap<String, Vec<String>>,
    /// Faults of the extract that were handled, by kind.
    pub faults: BTreeMap<String, Vec<String>>,
    /// The resulting counts, in the order they were added.
    pub counts: Vec<(String, usize)>,
}

impl Report {
    pub fn skip(&mut self, reason: &str, what: impl Into<String>) {
        self.skipped
            .entry(reason.into())
            .or_default()
            .push(what.into());
    }
    pub fn merge(&mut self, rule: &str, what: impl Into<String>) {
        self.merged
            .entry(rule.into())
            .or_default()
            .push(what.into());
    }
    pub fn fault(&mut self, kind: &str, what: impl Into<String>) {
        self.faults
            .entry(kind.into())
            .or_default()
            .push(what.into());
    }
    pub fn count(&mut self, what: &str, n: usize) {
        self.counts.push((what.into(), n));
    }
    /// Takes over another report's faults (from a pass whose other findings do not count).
    pub fn absorb_faults(&mut self, other: &mut Report) {
        for (kind, items) in std::mem::take(&mut other.faults) {
            self.faults.entry(kind).or_default().extend(items);
        }
    }
    /// The number of items recorded under a reason in any section.
    pub fn number(&self, reason: &str) -> usize {
        [&self.skipped, &self.merged, &self.faults]
            .iter()
            .filter_map(|m| m.get(reason))
            .map(Vec::len)
            .sum()
    }
    /// A count by name.
    pub fn counted(&self, what: &str) -> Option<usize> {
        self.counts.iter().find(|(w, _)| w == what).map(|(_, n)| *n)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (title, section) in [
            ("merged", &self.merged),
            ("faults handled", &self.faults),
            ("skipped", &self.skipped),
        ] {
            writeln!(f, "{title}:")?;
            for (reason, items) in section {
                writeln!(f, "  {:>6}  {reason}", items.len())?;
                for item in items.iter().take(EXAMPLES) {
                    writeln!(f, "            e.g. {item}")?;
                }
            }
        }
        writeln!(f, "result:")?;
        for (what, n) in &self.counts {
            writeln!(f, "  {n:>6}  {what}")?;
        }
        Ok(())
    }
}
