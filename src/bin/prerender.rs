//! Renders the widget to HTML with Yew's server renderer, at build time
//! (`scripts/dist.mjs` puts the output into the pages, and the wasm hydrates it).
//!
//! Usage:
//!   prerender app        the widget with the default config, hydratable
//!   prerender evidence   every cell's evidence as a static document (for <noscript>
//!                        and sources.html)

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use full_stack::model::CONTENT;
    use full_stack::view::evidence::{AllEvidence, AllEvidenceProps};
    use full_stack::view::{App, AppProps, ContentRef};

    let what = std::env::args().nth(1).unwrap_or_default();
    let html = match what.as_str() {
        // The props the client hydrates with when the page has no settings: the default
        // config (`hydrating` only changes what the client does after the first render).
        "app" => {
            yew::LocalServerRenderer::<App>::with_props(AppProps { hydrating: true, ..AppProps::new(&CONTENT) })
                .render()
                .await
        }
        "evidence" => {
            yew::LocalServerRenderer::<AllEvidence>::with_props(AllEvidenceProps { content: ContentRef(&CONTENT) })
                .hydratable(false)
                .render()
                .await
        }
        other => {
            eprintln!("prerender: unknown argument {other:?}; use `app` or `evidence`");
            std::process::exit(2);
        }
    };
    print!("{html}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
