use yew::prelude::*;

use super::bits::button;
use crate::model::quiz::{share_link, share_text};
use crate::platform::{clipboard, dom, page};

#[derive(Clone, Copy, PartialEq)]
enum Shared {
    Not,
    Copied,
    /// The clipboard was unavailable: the text is shown to copy by hand.
    ByHand,
}

#[derive(Properties, PartialEq)]
pub struct ShareResultProps {
    pub score: u16,
    pub total: u16,
}

/// "Share result": copies a short text and a link whose fragment carries the score. When
/// the clipboard is unavailable (an insecure page, a sandboxed iframe, a refusal), the
/// text appears in a selected, read-only field to copy by hand.
#[component]
pub fn ShareResult(props: &ShareResultProps) -> Html {
    let shared = use_state(|| Shared::Not);
    let field = use_node_ref();
    let text = share_text(props.score, props.total, &share_link(&page::share_page(), props.score, props.total));
    let onclick = {
        let shared = shared.clone();
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let shared = shared.clone();
            clipboard::copy(&text, move |ok| shared.set(if ok { Shared::Copied } else { Shared::ByHand }));
        })
    };
    {
        // Select the text for the reader when it has to be copied by hand.
        let field = field.clone();
        use_effect_with(*shared, move |s| {
            if *s == Shared::ByHand {
                dom::select_text(&field);
            }
        });
    }
    html! {
        <div class="fs-share">
            { button("Share result", false, onclick) }
            <p class="fs-share-status" role="status">
                { match *shared {
                    Shared::Not => "",
                    Shared::Copied => "Copied to your clipboard: paste it anywhere.",
                    Shared::ByHand => "Your browser didn\u{2019}t let us copy. Select the text below and copy it.",
                } }
            </p>
            if *shared != Shared::Not {
                <label class="fs-share-field">
                    <span class="fs-visually-hidden">{ "Your result, to share" }</span>
                    <textarea ref={field} readonly=true rows="4" value={text} />
                </label>
            }
        </div>
    }
}
