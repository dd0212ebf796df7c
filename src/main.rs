//! The wasm entry point built by Trunk. On a standalone page it mounts into
//! `#full-stack`; elsewhere it waits to be mounted by the custom element.

fn main() {
    #[cfg(target_arch = "wasm32")]
    full_stack::host::start();
}
