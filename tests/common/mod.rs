//! Helpers shared by the SSR tests.
#![allow(dead_code)]

use full_stack::model::chart::TierFilter;
use full_stack::model::route::ChartTarget;
use full_stack::model::CONTENT;
use full_stack::view::chart::detail::Detail;
use full_stack::view::{App, AppProps, ContentRef, Links};
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
struct PanelProps {
    target: ChartTarget,
    filter: TierFilter,
}

#[component]
fn Panel(p: &PanelProps) -> Html {
    html! {
        <ContextProvider<ContentRef> context={ContentRef(&CONTENT)}>
        <ContextProvider<Links> context={Links::default()}>
            <Detail target={p.target} filter={p.filter} id_suffix="t" on_close={Callback::noop()} on_select={Callback::noop()} on_show_all={Callback::noop()} progressive={false} />
        </ContextProvider<Links>>
        </ContextProvider<ContentRef>>
    }
}

/// The chart's detail panel for `target` under `filter`, alone (its data from the build).
pub async fn render_panel(target: ChartTarget, filter: TierFilter) -> String {
    yew::LocalServerRenderer::<Panel>::with_props(PanelProps { target, filter }).hydratable(false).render().await
}
