use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

/// Small notices about bad configuration. Plain text only.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="fs-notice" role="status">
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ n }</li> }) }
            </ul>
            <button type="button" class="fs-button fs-quiet" onclick={on_click}>{ "Dismiss" }</button>
        </div>
    }
}
