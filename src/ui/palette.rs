//! A colour for each theme, in the dataset's order of themes. Dark enough to read against the
//! pale land and sea; colour never carries meaning alone (the legend and panels name themes).

const COLOURS: [&str; 17] = [
    "#0b6e99", "#d1495b", "#2a9d5c", "#8e44ad", "#e07b00", "#1f3a93", "#c2185b", "#5d7a1f",
    "#00838f", "#a0522d", "#6a1b9a", "#b8860b", "#00695c", "#ad1457", "#37474f", "#7b5e00",
    "#3949ab",
];

/// The colour of the theme at `index` in the dataset's list; repeats after 17 themes.
pub fn theme_colour(index: usize) -> &'static str {
    COLOURS[index % COLOURS.len()]
}
