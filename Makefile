# The project's interface. `make serve` and `make test` work on a fresh machine:
# both run `make setup` first, which installs what is missing (see scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium

.PHONY: setup serve dist test test-native test-wasm test-e2e bench size budget clean wasm-parts

setup:
	@scripts/setup.sh

## Build in debug mode and serve at http://127.0.0.1:8080 with live rebuild.
serve: setup
	@echo "Serving the widget at http://127.0.0.1:8080/ (Ctrl-C to stop)"
	trunk serve

## Release build into dist/, then the embed files (scripts/dist.mjs): embed.html,
## full-stack.js, full-stack.html, demo/. Set FULL_STACK_BASE_URL to where dist/ will
## be hosted (e.g. https://example.org/full-stack/) for link-card images.
dist: setup
	trunk build --release
	node scripts/dist.mjs

## Every test: native (model, reducers, content validation, SSR), in-browser
## (wasm-bindgen-test in headless Chromium) and end-to-end (Playwright on dist/).
test: setup test-native test-wasm dist test-e2e

test-native:
	cargo test --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web

# The files by name: `node --test <directory>` fails on Node 21 and later.
test-e2e:
	node --test --test-concurrency=1 e2e/*.test.mjs

## The benchmark: builds the real and synthetic 3x- and 10x-content dists, prints sizes,
## loads the pages in headless Chromium (bench/run.mjs) and runs Lighthouse; writes
## bench/results.md. The breakdown of the wasm's bytes is `make wasm-parts`.
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
	BENCH_COMMAND="make bench" node bench/run.mjs --dist dist --dist3 target/bench/dist-3x --dist10 target/bench/dist-10x --runs $(BENCH_RUNS) --out bench/results.md
	node bench/lighthouse.mjs --dist dist --runs 3 --out bench/results.md

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
	rm -rf dist target/e2e

## Resets bench/budget.json to the current build plus 1% (e2e/budget.mjs), after a
## change that shrinks the build (e2e/size.test.mjs then asks for it) or that grows it on purpose.
budget: dist
	node e2e/budget.mjs --write

## Raw, gzip and brotli size of every file in dist/ and of each page with what it loads.
size: dist
	node scripts/size.mjs
