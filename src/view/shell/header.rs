use yew::prelude::*;

use crate::model::Theme;
use crate::platform::dom;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub theme: Theme,
    pub on_theme: Callback<Theme>,
}

/// Names the explainer and its sources, and offers the theme switch.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_change = {
        let on_theme = props.on_theme.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = Theme::parse(&dom::control_value(&e)) {
                on_theme.emit(t);
            }
        })
    };
    html! {
        <header class="fs-header">
            <div class="fs-title">
                <h2 class="fs-h">{ "Full Stack: China\u{2019}s industrial policy for AI, layer by layer" }</h2>
                <p class="fs-sources">
                    { "A reconstruction after RAND\u{2019}s " }
                    <a href="https://www.rand.org/pubs/perspectives/PEA4012-1.html" target="_blank" rel="noopener noreferrer">
                        <cite>{ "Full Stack: China\u{2019}s Evolving Industrial Policy for AI" }</cite>
                    </a>
                    { " (Kyle Chan et al., June 26, 2025), with facts from the AI Policy Podcast (CSIS) episode in which Gregory C. Allen interviews Kyle Chan. Not RAND\u{2019}s own figure." }
                </p>
            </div>
            <label class="fs-theme">
                { "Theme " }
                <select onchange={on_change}>
                    { for [Theme::Auto, Theme::Light, Theme::Dark].into_iter().map(|t| html! {
                        <option value={t.id()} selected={t == props.theme}>{ theme_label(t) }</option>
                    }) }
                </select>
            </label>
        </header>
    }
}

fn theme_label(t: Theme) -> &'static str {
    match t {
        Theme::Auto => "Auto",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
    }
}
