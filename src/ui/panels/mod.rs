//! What sits around and over the map: search, filters, details, summary, data problems,
//! legend, scale bar, attribution.

mod attribution;
mod details;
mod dialog;
mod export;
mod filters;
mod legend;
mod list;
mod problems;
mod scale_bar;
mod search;
mod share;
mod summary;

pub use attribution::Attribution;
pub use details::DetailsPanel;
pub use export::ExportButton;
pub use filters::FilterPanel;
pub use legend::Legend;
pub use list::{ListView, ViewSwitch};
pub use problems::DataProblems;
pub use scale_bar::ScaleBar;
pub use search::SearchBox;
pub use share::ShareButton;
pub use summary::SummaryLine;
