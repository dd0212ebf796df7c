use yew::prelude::*;

use crate::model::embed::{PANEL_ID_PREFIX, TAB_ID_PREFIX};
use crate::model::View;
use crate::platform::dom;

pub fn tab_id(view: View) -> String {
    format!("{TAB_ID_PREFIX}{}", view.id())
}

pub fn panel_id(view: View) -> String {
    format!("{PANEL_ID_PREFIX}{}", view.id())
}

/// The view that arrow keys, Home and End move to from `current`.
pub fn next_tab(current: View, key: &str) -> Option<View> {
    let all = View::ALL;
    let i = all.iter().position(|v| *v == current)?;
    match key {
        "ArrowRight" | "ArrowDown" => Some(all[(i + 1) % all.len()]),
        "ArrowLeft" | "ArrowUp" => Some(all[(i + all.len() - 1) % all.len()]),
        "Home" => Some(all[0]),
        "End" => Some(all[all.len() - 1]),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub current: View,
    pub on_select: Callback<View>,
}

/// An ARIA tablist with a roving tabindex: arrow keys, Home and End move and select.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let refs = use_memo((), |_| View::ALL.map(|_| NodeRef::default()));
    let on_key = {
        let on_select = props.on_select.clone();
        let current = props.current;
        let refs = refs.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = next_tab(current, &e.key()) {
                e.prevent_default();
                on_select.emit(next);
                if let Some(i) = View::ALL.iter().position(|v| *v == next) {
                    dom::focus(&refs[i]);
                }
            }
        })
    };
    html! {
        <div class="fs-tabs" role="tablist" aria-label="Explainer views" onkeydown={on_key}>
            { for View::ALL.iter().enumerate().map(|(i, &view)| {
                let selected = view == props.current;
                let onclick = props.on_select.reform(move |_: MouseEvent| view);
                html! {
                    <button
                        ref={refs[i].clone()}
                        type="button"
                        role="tab"
                        class="fs-tab"
                        id={tab_id(view)}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={panel_id(view)}
                        tabindex={if selected { "0" } else { "-1" }}
                        {onclick}
                    >
                        { view.label() }
                    </button>
                }
            }) }
        </div>
    }
}
