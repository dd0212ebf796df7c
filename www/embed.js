// Boots the iframe embed (embed.html). An external module rather than an inline
// script, so the page also runs under a strict Content-Security-Policy.
import init from './widget.js';

init({ module_or_path: new URL('./widget_bg.wasm', import.meta.url) });
