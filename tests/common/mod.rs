//! Helpers shared by the SSR tests.
#![allow(dead_code)]

use full_stack::view::{App, AppProps};

/// The widget rendered by Yew's server renderer (not hydratable: no component markers).
pub async fn render_props(props: AppProps) -> String {
    yew::LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

/// Text with the markup stripped and entities decoded: what a reader reads.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}
