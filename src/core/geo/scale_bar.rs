//! The scale bar's length: a round distance (1, 2 or 5 times a power of ten kilometres) that
//! fits a given width at the current scale.

/// The longest round distance, in km, whose bar is at most `max_px` wide at `px_per_km`, and
/// that width; `None` for a scale that is not a positive number.
pub fn scale_bar(px_per_km: f64, max_px: f64) -> Option<(f64, f64)> {
    if !(px_per_km.is_finite() && px_per_km > 0.0 && max_px > 0.0) {
        return None;
    }
    let most = max_px / px_per_km;
    let power = 10f64.powf(most.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|step| step * power)
        .find(|&km| km <= most)?;
    Some((km, km * px_per_km))
}

#[cfg(test)]
mod tests {
    use super::scale_bar;

    #[test]
    fn picks_the_longest_round_distance_that_fits() {
        assert_eq!(
            scale_bar(0.25, 120.0),
            Some((200.0, 50.0)),
            "480 km fit: 200 km"
        );
        assert_eq!(scale_bar(1.0, 120.0), Some((100.0, 100.0)));
        assert_eq!(scale_bar(0.5, 120.0), Some((200.0, 100.0)));
        let (km, px) = scale_bar(30.0, 120.0).unwrap();
        assert_eq!(km, 2.0);
        assert!((px - 60.0).abs() < 1e-9);
        assert_eq!(scale_bar(0.0, 120.0), None);
        assert_eq!(scale_bar(f64::NAN, 120.0), None);
    }
}
