//! Renders the widget to HTML with Yew's server renderer, at build time
//! (`scripts/dist.mjs` puts the output into the pages, and the wasm hydrates it).
//!
//! Usage:
//!   prerender app        the widget with the default config, hydratable; the views that
//!                        need the on-demand data are rendered from it and emitted as
//!                        "islands" the live page keeps until its data arrives
//!   prerender evidence   every cell's evidence as a static document (for <noscript>
//!                        and sources.html)

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use std::rc::Rc;

    use full_stack::model::content::build_data;
    use full_stack::model::CONTENT;
    use full_stack::view::chart::evidence::{AllEvidence, AllEvidenceProps};
    use full_stack::view::{App, AppProps, ContentRef, IslandHtml};

    let what = std::env::args().nth(1).unwrap_or_default();
    let html = match what.as_str() {
        // The props the client hydrates with when the page has no settings: the default
        // config (`hydrating` only changes what the client does after the first render).
        "app" => {
            let islands = IslandHtml {
                points: island::render(island::Which::Points).await.into(),
                quiz: island::render(island::Which::Quiz).await.into(),
                timeline: island::render(island::Which::Timeline).await.into(),
            };
            let _ = build_data();
            let props = AppProps { hydrating: true, islands: Some(Rc::new(islands)), ..AppProps::new(&CONTENT) };
            yew::LocalServerRenderer::<App>::with_props(props).render().await
        }
        "evidence" => {
            let props = AllEvidenceProps { content: ContentRef(&CONTENT), links: Default::default() };
            yew::LocalServerRenderer::<AllEvidence>::with_props(props).hydratable(false).render().await
        }
        other => {
            eprintln!("prerender: unknown argument {other:?}; use `app` or `evidence`");
            std::process::exit(2);
        }
    };
    print!("{html}");
}

/// The live content of each data view, rendered from the build's data as the live page
/// first renders it (the edition round of the quiz at question 1, no event highlighted).
#[cfg(not(target_arch = "wasm32"))]
mod island {
    use full_stack::model::content::build_data;
    use full_stack::model::{QuizLength, CONTENT};
    use full_stack::platform::data::DataState;
    use full_stack::view::points::Points;
    use full_stack::view::quiz::runner::QuizRunner;
    use full_stack::view::timeline::Events;
    use full_stack::view::{ContentRef, DataCtx, DataRef, Islands, Links, Nav};
    use yew::prelude::*;

    #[derive(Clone, Copy, PartialEq)]
    pub enum Which {
        Points,
        Quiz,
        Timeline,
    }

    #[derive(Properties, PartialEq)]
    pub struct IslandProps {
        pub which: Which,
    }

    #[component]
    fn Island(props: &IslandProps) -> Html {
        let data = DataRef(build_data());
        let ctx = DataCtx { state: DataState::Ready(data.0), islands: Islands::Live };
        let body = match props.which {
            Which::Points => html! { <Points {data} /> },
            Which::Quiz => html! { <QuizRunner key="quiz" {data} length={QuizLength::Quick} /> },
            Which::Timeline => html! { <Events {data} focus={None} /> },
        };
        html! {
            <ContextProvider<ContentRef> context={ContentRef(&CONTENT)}>
            <ContextProvider<Nav> context={Nav(Callback::noop())}>
            <ContextProvider<DataCtx> context={ctx}>
            <ContextProvider<Links> context={Links::default()}>
                { body }
            </ContextProvider<Links>>
            </ContextProvider<DataCtx>>
            </ContextProvider<Nav>>
            </ContextProvider<ContentRef>>
        }
    }

    pub async fn render(which: Which) -> String {
        yew::LocalServerRenderer::<Island>::with_props(IslandProps { which }).hydratable(false).render().await
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
