//! Pure helpers for the timeline view.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A content date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in plain words: "2017",
/// "July 2017", "March 6, 2025". Anything else is shown as written.
pub fn human_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month = |m: &str| m.parse::<usize>().ok().filter(|m| (1..=12).contains(m)).map(|m| MONTHS[m - 1]);
    let day = |d: &str| d.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    match parts.as_slice() {
        [y] if y.len() == 4 => (*y).to_string(),
        [y, m] => match month(m) {
            Some(m) => format!("{m} {y}"),
            None => date.to_string(),
        },
        [y, m, d] => match (month(m), day(d)) {
            (Some(m), Some(d)) => format!("{m} {d}, {y}"),
            _ => date.to_string(),
        },
        _ => date.to_string(),
    }
}

/// The year of a content date, for grouping.
pub fn year(date: &str) -> &str {
    date.split('-').next().unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::build_data;

    #[test]
    fn dates_read_as_plain_words() {
        assert_eq!(human_date("2017"), "2017");
        assert_eq!(human_date("2017-07"), "July 2017");
        assert_eq!(human_date("2025-03-06"), "March 6, 2025");
        assert_eq!(human_date("2025-13"), "2025-13");
        assert_eq!(human_date("soon"), "soon");
        assert_eq!(year("2025-03-06"), "2025");
    }

    #[test]
    fn every_content_date_is_understood() {
        for e in build_data().events.iter() {
            let h = human_date(&e.date);
            assert!(!h.contains('-'), "{}: {} -> {}", e.id, e.date, h);
        }
    }
}
