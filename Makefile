# The project's interface. `make serve` and `make test` work on a fresh machine:
# both run `make setup` first, which installs what is missing (see scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium

.PHONY: setup check serve dist test test-native test-wasm test-e2e test-xbrowser bench size budget coverage palette contract clean wasm-parts

setup:
	@scripts/setup.sh

## Build in debug mode and serve at http://127.0.0.1:8080 with live rebuild, from a
## folder of its own (target/serve): dist/, what `make dist` built for upload, is never
## touched. SERVE_PORT=8081 serves on another port.
SERVE_DIR := target/serve
SERVE_PORT ?= 8080
serve: setup
	@echo "Serving a development build of the widget at http://127.0.0.1:$(SERVE_PORT)/ from $(SERVE_DIR) (Ctrl-C to stop; dist/ is left alone)"
	trunk serve --dist $(SERVE_DIR) --port $(SERVE_PORT)

## Release build into dist/, then the embed files (scripts/dist.mjs): embed.html,
## full-stack.js, full-stack.html, demo/. Set FULL_STACK_BASE_URL to where dist/ will
## be hosted (e.g. https://example.org/full-stack/) for link-card images and oembed.json.
## Fails if anything in dist/ is still a development build (Trunk's live reload, a debug wasm).
dist: setup
	trunk build --release
	node scripts/dist.mjs

## The style gate, first in `make test`: formatting, clippy with warnings denied for the
## native and the wasm32 target (every target: lib, bins, tests), and rustdoc with
## warnings denied (broken intra-doc links, stray HTML in doc comments).
check: setup
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --lib --bins
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --lib --target wasm32-unknown-unknown

## Every test: the style gate, then native (model, reducers, content validation, SSR),
## in-browser (wasm-bindgen-test in headless Chromium), end-to-end (Playwright on dist/),
## then the core reader flows in Firefox ESR and WebKit on the same dist/.
test: setup check test-native test-wasm dist test-e2e test-xbrowser

## The coverage report of the episode: writes content/COVERAGE.md from the build (the
## build fails on an uncited stretch over 40 lines without a reason in content/coverage.toml).
coverage:
	cargo run --locked --quiet --bin export -- --coverage content/COVERAGE.md

## The colours: writes www/palette.css from their one definition, src/model/palette.rs
## (tests/palette.rs fails while the two differ).
palette:
	cargo run --locked --quiet --bin export -- --palette www/palette.css

## The embed contract (src/model/embed.rs) into the JavaScript that uses it: the block
## between `// <contract>` and `// </contract>` in www/boot.js, www/intents.js,
## www/templates/element.js and full-stack.html, and scripts/contract.mjs.
contract:
	cargo run --locked --quiet --bin export -- --contract

test-native:
	cargo test --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web

# The files by name: `node --test <directory>` fails on Node 21 and later.
E2E_CHROMIUM := $(filter-out e2e/xbrowser.test.mjs,$(wildcard e2e/*.test.mjs))

test-e2e:
	node --test --test-concurrency=1 $(E2E_CHROMIUM)

## Firefox (puppeteer-core over WebDriver BiDi) and WebKit (WebKitWebDriver under xvfb-run).
test-xbrowser:
	node --test --test-concurrency=1 e2e/xbrowser.test.mjs

## The benchmark: builds the real and synthetic 3x- and 10x-content dists, prints sizes,
## loads the pages in headless Chromium (bench/run.mjs) and runs Lighthouse; puts the figures
## into bench/results.md between its markers (bench/splice.mjs), keeping the hand-written
## rest. The breakdown of the wasm's bytes is `make wasm-parts`.
BENCH_RUNS ?= 15
bench: setup
	@[ -d bench/node_modules ] && cmp -s bench/package-lock.json bench/node_modules/.setup-lock || \
	  { npm ci --prefix bench --no-audit --no-fund --loglevel=error && cp bench/package-lock.json bench/node_modules/.setup-lock; }
	FULL_STACK_CONTENT_SCALE=10 trunk build --release --dist target/bench/dist-10x
	FULL_STACK_CONTENT_SCALE=10 node scripts/dist.mjs target/bench/dist-10x
	FULL_STACK_CONTENT_SCALE=3 trunk build --release --dist target/bench/dist-3x
	FULL_STACK_CONTENT_SCALE=3 node scripts/dist.mjs target/bench/dist-3x
	trunk build --release
	node scripts/dist.mjs
	node scripts/size.mjs | tee target/bench/size.txt
	@echo '== 3x content sizes'; node scripts/size.mjs target/bench/dist-3x | tail -n 5
	@echo '== 10x content sizes'; node scripts/size.mjs target/bench/dist-10x | tail -n 5
	BENCH_COMMAND="make bench" node bench/run.mjs --dist dist --dist3 target/bench/dist-3x --dist10 target/bench/dist-10x --runs $(BENCH_RUNS) --out target/bench/run.md
	rm -f target/bench/lighthouse.md
	node bench/lighthouse.mjs --dist dist --runs 3 --out target/bench/lighthouse.md
	node bench/splice.mjs bench/results.md target/bench/run.md target/bench/lighthouse.md

## Where the bytes of widget_bg.wasm go (twiggy; `cargo install twiggy --locked` once): the
## release wasm after wasm-bindgen, optimised like Trunk does (wasm-opt -Oz) but keeping
## its function names, grouped by bench/wasm-parts.mjs; and the brotli size of its code
## and data sections (bench/wasm-sections.mjs).
wasm-parts: setup
	cargo build --locked --release --target wasm32-unknown-unknown --bin widget
	mkdir -p target/wasm-parts
	wasm-bindgen --target web --out-dir target/wasm-parts target/wasm32-unknown-unknown/release/widget.wasm
	wasm-opt -Oz -g target/wasm-parts/widget_bg.wasm -o target/wasm-parts/named.wasm
	node bench/wasm-parts.mjs target/wasm-parts/named.wasm --top 25
	node bench/wasm-sections.mjs dist/widget_bg.wasm

clean:
	rm -rf dist target/e2e target/serve

## Resets bench/budget.json to the current build plus 1% (e2e/budget.mjs), after a
## change that shrinks the build (e2e/size.test.mjs then asks for it) or that grows it on purpose.
budget: dist
	node e2e/budget.mjs --write

## Raw, gzip and brotli size of every file in dist/ and of each page with what it loads.
size: dist
	node scripts/size.mjs
