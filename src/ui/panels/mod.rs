//! What sits around and over the map: summary, data problems, legend, attribution.

mod attribution;
mod legend;
mod problems;
mod summary;

pub use attribution::Attribution;
pub use legend::Legend;
pub use problems::DataProblems;
pub use summary::SummaryLine;
