//! Sharing a result: the text, the link (whose fragment carries the score), and which
//! page a shared result may link to.

/// The text "Share result" copies.
pub fn share_text(correct: u16, total: u16, link: &str) -> String {
    let mut t = format!(
        "I scored {correct} of {total} on the Full Stack quiz about China\u{2019}s industrial policy for AI (AI Policy Podcast, CSIS, with Kyle Chan)."
    );
    if !link.is_empty() {
        t.push(' ');
        t.push_str(link);
    }
    t
}

/// The page address for a shared result: `page` without its fragment, plus
/// `#quiz/result/<correct>-<total>`; "" (no link) when there is no page.
pub fn share_link(page: &str, correct: u16, total: u16) -> String {
    let base = page.split('#').next().unwrap_or("");
    if base.is_empty() {
        return String::new();
    }
    format!("{base}#quiz/result/{correct}-{total}")
}

/// The page a shared result links to, from a candidate address (the page's own, or
/// where the custom element says the widget is hosted): an absolute `http`, `https` or
/// `file` URL, cut at its fragment. `None` for anything else (another scheme, no host,
/// spaces or control characters, more than 2048 bytes). The result is only ever text.
pub fn share_page(candidate: &str) -> Option<&str> {
    let url = candidate.split('#').next().unwrap_or("");
    if url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    // Char searches only: a substring search ("://") costs the wasm 2 KB.
    let colon = url.find(':')?;
    let (scheme, rest) = (&url[..colon], url[colon + 1..].strip_prefix("//")?);
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let ok = if web {
        !rest.is_empty() && !rest.starts_with('/')
    } else {
        scheme.eq_ignore_ascii_case("file") && rest.contains('/')
    };
    ok.then_some(url)
}

/// `file` in the same folder as `page`, whose query and fragment are dropped:
/// `https://x.org/a/embed.html?view=quiz#quiz` gives `https://x.org/a/index.html`.
pub fn sibling(page: &str, file: &str) -> String {
    let page = page.split(['#', '?']).next().unwrap_or("");
    let path_from = page.find(':').filter(|i| page[i + 1..].starts_with("//")).map_or(0, |i| i + 3);
    match page[path_from..].rfind('/') {
        Some(i) => format!("{}{file}", &page[..path_from + i + 1]),
        None => format!("{page}/{file}"),
    }
}
