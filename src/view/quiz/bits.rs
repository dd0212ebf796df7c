//! Small pieces the quiz views share. Each is one function, not inlined, so the many
//! places that use them cost one call each in the wasm binary.

use yew::prelude::*;

/// A button: the main action (`primary`) or a quieter one.
#[inline(never)]
pub fn button(label: impl Into<Html>, primary: bool, onclick: Callback<MouseEvent>) -> Html {
    let class = if primary { "fs-button" } else { "fs-button fs-quiet" };
    html! { <button type="button" {class} {onclick}>{ label.into() }</button> }
}

/// "✓ Right answer" / "✗ Your answer: wrong": an icon and words, never colour alone.
#[inline(never)]
pub fn mark(right: bool, text: &'static str) -> Html {
    html! {
        <span class={if right { "fs-mark fs-mark-right" } else { "fs-mark fs-mark-wrong" }}>
            <span aria-hidden="true">{ if right { "\u{2713} " } else { "\u{2717} " } }</span>{ text }
        </span>
    }
}
