#!/usr/bin/env bash
# Installs what the build and the tests need, only where it is missing, at pinned
# versions, and only from package registries (crates.io, Debian, npm). Safe to run
# again: on a warm machine it checks and exits in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || missing+=(brotli)
# The poster's font (make dist renders dist/poster.png with it; src/bin/export.rs).
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
# The other engines of the cross-browser tests (e2e/xbrowser.test.mjs): Firefox ESR (153
# comes from bookworm-security; bookworm itself has 140) and WebKitGTK's WebDriver, which
# starts MiniBrowser and needs an X server (xvfb-run).
firefox_major() { firefox-esr --version 2>/dev/null | awk '{ v = $NF; sub(/\..*/, "", v); print v + 0 }'; }
(( $(firefox_major || echo 0) >= 150 )) || missing+=(firefox-esr) # absent, or bookworm's older ESR
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
if ((${#missing[@]})); then
  say "installing ${missing[*]} from Debian"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile pins a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm tools (playwright-core, puppeteer-core, axe-core, binaryen's wasm-opt, lightningcss), exactly as locked.
# puppeteer-core never downloads a browser (plain puppeteer would).
if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi

# Trunk builds with `cargo --offline`: fetch every crate in Cargo.lock first.
cargo fetch --locked --quiet

# Firefox must run and be a current ESR (a broken install fails here, not in the tests).
FIREFOX_VERSION=$(firefox-esr --version 2>/dev/null | awk '{print $NF}')
if (( $(firefox_major || echo 0) < 150 )); then
  say "firefox-esr does not run or is older than 150 (got '${FIREFOX_VERSION}'); it comes from bookworm-security"
  exit 1
fi

say "ok (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version | head -n1), $(chromium --version 2>/dev/null | head -n1), Firefox $FIREFOX_VERSION, WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null))"
