//! A colour for each theme, in the dataset's order of themes: CSS variables (`--theme-N` in
//! style.css), so that light and dark schemes each have theirs. Dark enough to read against
//! the pale land and sea (light enough against the dark ones); colour never carries meaning
//! alone (the legend and panels name themes).

const COLOURS: [&str; 17] = [
    "var(--theme-0)",
    "var(--theme-1)",
    "var(--theme-2)",
    "var(--theme-3)",
    "var(--theme-4)",
    "var(--theme-5)",
    "var(--theme-6)",
    "var(--theme-7)",
    "var(--theme-8)",
    "var(--theme-9)",
    "var(--theme-10)",
    "var(--theme-11)",
    "var(--theme-12)",
    "var(--theme-13)",
    "var(--theme-14)",
    "var(--theme-15)",
    "var(--theme-16)",
];

/// The colour of the theme at `index` in the dataset's list; repeats after 17 themes.
pub fn theme_colour(index: usize) -> &'static str {
    COLOURS[index % COLOURS.len()]
}
