//! Renders the widget to HTML with Yew's server renderer, at build time
//! (`scripts/dist.mjs` puts the output into the pages, and the wasm hydrates it).
//!
//! Usage:
//!   prerender app        the widget with the default config, hydratable; the views that
//!                        need the on-demand data are rendered from it and emitted as
//!                        "islands" the live page keeps until its data arrives
//!   prerender evidence   every cell's evidence as a static document (for `<noscript>`
//!                        and sources.html)
//!   prerender transcript the transcript page's body (transcript.html), from the build's
//!                        episode.json: not hydratable, no wasm

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use std::rc::Rc;

    use full_stack::model::CONTENT;
    use full_stack::view::chart::evidence::{AllEvidence, AllEvidenceProps};
    use full_stack::view::{App, AppProps, ContentRef, IslandHtml};

    let what = std::env::args().nth(1).unwrap_or_default();
    let html = match what.as_str() {
        // The props the client hydrates with when the page has no settings: the default
        // config (`hydrating` only changes what the client does after the first render).
        "app" => {
            // The quiz's first question is in the page (a link to the quiz paints it at
            // once); the key points and the timeline, long and below a tab, are not: they
            // render when their data arrives, and the page stays small.
            let islands = IslandHtml {
                points: island::placeholder("Loading the key points\u{2026}").into(),
                quiz: island::quiz().await.into(),
                timeline: island::placeholder("Loading the timeline\u{2026}").into(),
            };
            let props = AppProps { hydrating: true, islands: Some(Rc::new(islands)), ..AppProps::new(&CONTENT) };
            markers::nameless(&yew::LocalServerRenderer::<App>::with_props(props).render().await)
        }
        "evidence" => {
            let props = AllEvidenceProps { content: ContentRef(&CONTENT), links: Default::default() };
            yew::LocalServerRenderer::<AllEvidence>::with_props(props).hydratable(false).render().await
        }
        "transcript" => full_stack::pages::transcript::render(full_stack::model::content::episode()).await,
        other => {
            eprintln!("prerender: unknown argument {other:?}; use `app`, `evidence` or `transcript`");
            std::process::exit(2);
        }
    };
    print!("{html}");
}

/// What the data views show before their data arrives: the quiz's first question,
/// rendered from the build's data as the live page first renders it (the edition round at
/// question 1), and a status line for the others.
#[cfg(not(target_arch = "wasm32"))]
mod island {
    use full_stack::model::content::build_data;
    use full_stack::model::{QuizLength, CONTENT};
    use full_stack::platform::data::DataState;
    use full_stack::view::quiz::runner::QuizRunner;
    use full_stack::view::{ContentRef, DataCtx, DataRef, Islands, Links, Nav};
    use yew::prelude::*;

    #[component]
    fn Quiz() -> Html {
        let data = DataRef(build_data());
        let ctx = DataCtx { state: DataState::Ready(data.0), islands: Islands::Live };
        html! {
            <ContextProvider<ContentRef> context={ContentRef(&CONTENT)}>
            <ContextProvider<Nav> context={Nav(Callback::noop())}>
            <ContextProvider<DataCtx> context={ctx}>
            <ContextProvider<Links> context={Links::default()}>
                <QuizRunner key="quiz" {data} length={QuizLength::Quick} />
            </ContextProvider<Links>>
            </ContextProvider<DataCtx>>
            </ContextProvider<Nav>>
            </ContextProvider<ContentRef>>
        }
    }

    pub async fn quiz() -> String {
        yew::LocalServerRenderer::<Quiz>::new().hydratable(false).render().await
    }

    /// A status line standing in for a view until its data arrives.
    pub fn placeholder(text: &str) -> String {
        format!("<p class=\"fs-loading\" role=\"status\">{text}</p>")
    }
}

/// Yew's hydration markers round each component's server nodes. This binary runs in the dev
/// profile, where Yew writes the component's type name into them
/// (`<!--<[full_stack::view::chart::cell::CellButton]>-->`); a release build writes `<!--<[]>-->`,
/// and hydration reads only the brackets. The names were a tenth of the page's markup.
#[cfg(not(target_arch = "wasm32"))]
mod markers {
    /// What every marker (and Yew's raw bounds, left as they are) starts with.
    const START: &str = "<!--<";
    const OPEN: [&str; 2] = ["<!--<[", "<!--</["];
    const END: &str = "]>-->";

    /// `html` with every component marker's type name removed.
    pub fn nameless(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(i) = rest.find(START) {
            let (before, from) = rest.split_at(i);
            out.push_str(before);
            let marker = OPEN.iter().find(|open| from.starts_with(**open)).zip(from.find(END));
            let Some((open, end)) = marker else {
                out.push_str(START);
                rest = &from[START.len()..];
                continue;
            };
            out.push_str(open);
            out.push_str(END);
            rest = &from[end + END.len()..];
        }
        out.push_str(rest);
        out
    }

    #[cfg(test)]
    mod tests {
        use super::nameless;

        #[test]
        fn names_go_and_everything_else_stays() {
            let html = "<!--<[a::App]>--><p>x &lt;!--&lt;[ y</p><!--<#>--><b></b><!--</#>-->\
                        <!--<[yew::ContextProvider<a::Ctx>]>--><!--</[yew::ContextProvider<a::Ctx>]>--><!--</[a::App]>-->";
            assert_eq!(
                nameless(html),
                "<!--<[]>--><p>x &lt;!--&lt;[ y</p><!--<#>--><b></b><!--</#>--><!--<[]>--><!--</[]>--><!--</[]>-->"
            );
            assert_eq!(nameless("no markers <!--< here"), "no markers <!--< here");
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
