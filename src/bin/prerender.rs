//! Renders the widget to HTML with Yew's server renderer (used at build time).
//! Usage: prerender > fragment.html

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use full_stack::model::CONTENT;
    use full_stack::view::{App, AppProps};
    let props = AppProps::new(&CONTENT);
    let html = yew::LocalServerRenderer::<App>::with_props(props).render().await;
    print!("{html}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
