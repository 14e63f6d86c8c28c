# Umbral: the one script. `make serve` runs the app locally; `make test` is what CI runs.
# Both start with `make setup`, which installs whatever this Debian 12 machine still lacks and
# nothing else (a second run installs nothing). See README.md and shared design TOOLCHAIN.md.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Trunk finds wasm-opt (npm binaryen) and wasm-bindgen on PATH, so it downloads nothing.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= auto

TRUNK_VERSION := 0.21.14
# The XLSForm converter tests/xlsform.rs checks `umbral xlsform`'s workbooks with (PyPI).
PYXFORM_VERSION := 4.5.0
WASM_TARGET := wasm32-unknown-unknown
# The browser app's release build (and only it) uses this dated nightly for two things stable
# Rust lacks: rebuilding the standard library for size (-Zbuild-std) and aborting on a panic
# without formatting a message (-Cpanic=immediate-abort). That takes about 21 KB gzip off the
# first load (BENCHMARKS.md, "Size of the first load"). Tests, clippy and the command line use
# stable. `make build WASM_TOOLCHAIN=` builds the app with stable instead.
WASM_TOOLCHAIN ?= nightly-2026-05-20
WASM_ENV = $(if $(WASM_TOOLCHAIN),RUSTUP_TOOLCHAIN=$(WASM_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std$(,)panic_abort RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort')
, := ,
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Extra pages, each www/<page>/index.html with its own bin umbral-<page>, built into dist/<page>/
# after the main app (see build_all below and README.md).
PAGES := taller planner

# One header line per step.
step = printf '\n\033[1m==> %s\033[0m\n' "$(1)"

.PHONY: help setup serve test build size e2e bench fuzz

# The release build of every page: the main app into dist/ (Trunk cleans dist/ first; its
# pre_build hook compiles the packs into dist/packs/), then each page in PAGES into
# dist/<page>/ (its hooks do nothing), then the embedding files (loader, demo page, guide;
# www/embed-build.mjs) and Trunk's inline start-up scripts moved into files so every page runs
# under a strict CSP (www/csp-build.mjs), then the service worker for all of dist/.
define build_all
$(call step,trunk build --release --offline (main app))
$(WASM_ENV) trunk build --release --offline
for page in $(PAGES); do
  $(call step,trunk build --release --offline (page $$page))
  $(WASM_ENV) trunk build --release --offline --dist "dist/$$page" --public-url "/$$page/" "www/$$page/index.html"
done
$(call step,embedding files, CSP and minifying (www/embed-build.mjs, www/csp-build.mjs, www/minify-build.mjs))
node www/embed-build.mjs dist
node www/csp-build.mjs dist
node www/minify-build.mjs dist
$(call step,service worker for dist/ (www/sw-build.mjs))
node www/sw-build.mjs dist
endef

help:
	@echo "make serve   install what is missing, build the release app, serve it at http://127.0.0.1:8080"
	@echo "make test    install what is missing, then every check CI runs (fmt, clippy, docs, tests, size, end-to-end)"
	@echo "make setup   only install what is missing"
	@echo "make build   release build of the browser app into dist/ (and each page in PAGES into dist/<page>/)"
	@echo "make size    size budget of dist/ (after make build)"
	@echo "make e2e     end-to-end tests against dist/ (after make build)"
	@echo "make bench   benchmarks: engine and batch natively, the engine in Chromium, first load, re-scoring, the workspace, Lighthouse (not part of make test)"
	@echo "make fuzz    every fuzz target for FUZZ_SECONDS seconds each (default 600; nightly, cargo-fuzz)"

setup:
	@$(call step,setup: installing what is missing)
	installed=0
	started=$$SECONDS
	if ! rustup target list --installed | grep -qx '$(WASM_TARGET)'; then
	  echo "installing Rust target $(WASM_TARGET)"
	  rustup target add $(WASM_TARGET)
	  installed=$$((installed + 1))
	fi
	if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
	  echo "installing Debian chromium and chromium-driver (a few minutes)"
	  t=$$SECONDS
	  $(SUDO) apt-get update
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
	  echo "chromium: $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	if [ "$$(trunk --version 2>/dev/null || true)" != "trunk $(TRUNK_VERSION)" ]; then
	  echo "installing trunk $(TRUNK_VERSION) (compiles; about 6-10 minutes once per machine)"
	  t=$$SECONDS
	  cargo install --locked trunk --version $(TRUNK_VERSION)
	  echo "trunk: $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	if [ -n '$(WASM_TOOLCHAIN)' ] && ! rustup component list --toolchain '$(WASM_TOOLCHAIN)' --installed 2>/dev/null | grep -q '^rust-src'; then
	  echo "installing Rust $(WASM_TOOLCHAIN) with rust-src (the browser app's release build; a minute or two)"
	  t=$$SECONDS
	  rustup toolchain install '$(WASM_TOOLCHAIN)' --profile minimal --component rust-src
	  echo "$(WASM_TOOLCHAIN): $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	wbg='$(WASM_BINDGEN_VERSION)'
	if [ -z "$$wbg" ]; then echo "setup: no wasm-bindgen package in Cargo.lock" >&2; exit 1; fi
	if ! grep -qx "wasm_bindgen = \"$$wbg\"" Trunk.toml; then
	  echo "setup: Trunk.toml's [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($$wbg)" >&2
	  exit 1
	fi
	if [ "$$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $$wbg" ]; then
	  # Not --locked: wasm-bindgen-cli 0.2.130's own lock names a crate release crates.io lacks.
	  echo "installing wasm-bindgen-cli $$wbg (compiles; several minutes)"
	  t=$$SECONDS
	  cargo install wasm-bindgen-cli --version "$$wbg"
	  echo "wasm-bindgen-cli: $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	  echo "installing npm dev tools (npm ci)"
	  t=$$SECONDS
	  npm ci --no-audit --no-fund
	  touch node_modules/.package-lock.json
	  echo "npm ci: $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	# pyxform, the XLSForm converter ODK and KoboToolbox use: tests/xlsform.rs checks
	# `umbral xlsform`'s workbooks with it. Into the user's site-packages; Debian's own python3
	# refuses a plain `pip install --user` (PEP 668), so the second try says it may, which still
	# writes only to ~/.local.
	if ! python3 -c 'import sys, pyxform; sys.exit(pyxform.__version__ != "$(PYXFORM_VERSION)")' 2>/dev/null; then
	  echo "installing pyxform $(PYXFORM_VERSION) (pip3 --user)"
	  t=$$SECONDS
	  if ! command -v pip3 >/dev/null; then
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip
	  fi
	  pip3 install --user --quiet 'pyxform==$(PYXFORM_VERSION)' \
	    || pip3 install --user --quiet --break-system-packages 'pyxform==$(PYXFORM_VERSION)'
	  echo "pyxform: $$((SECONDS - t)) s"
	  installed=$$((installed + 1))
	fi
	# Trunk builds with `cargo --offline`: make sure every crate in Cargo.lock is here.
	cargo fetch --locked --quiet
	# And the crates of the standard library the nightly build rebuilds.
	if [ -n '$(WASM_TOOLCHAIN)' ]; then
	  RUSTUP_TOOLCHAIN='$(WASM_TOOLCHAIN)' cargo fetch --locked --quiet --target $(WASM_TARGET) -Zbuild-std=std,panic_abort
	fi
	if [ "$$installed" = 0 ]; then
	  echo "setup: nothing to install (rust target, $(or $(WASM_TOOLCHAIN),no nightly), chromium, trunk $(TRUNK_VERSION), wasm-bindgen $$wbg, npm tools, pyxform $(PYXFORM_VERSION) all present)"
	else
	  echo "setup: installed $$installed item(s) in $$((SECONDS - started)) s"
	fi

serve: setup
	@$(build_all)
	$(call step,serve: dist/ at http://127.0.0.1:8080 (Ctrl-C stops))
	node tests/e2e/server.mjs --port 8080 --root dist --gzip

build: setup
	@$(build_all)

size:
	@$(call step,size budget of the first load)
	node tests/size-budget.mjs

e2e:
	@$(call step,end-to-end tests (node --test tests/e2e/))
	node --test tests/e2e/

test: setup
	@$(call step,cargo fmt --check)
	cargo fmt --check
	$(call step,cargo clippy --all-targets (native))
	cargo clippy --all-targets -- -D warnings
	$(call step,cargo clippy --all-targets --target $(WASM_TARGET))
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	$(call step,cargo doc --no-deps (warnings are errors))
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
	$(call step,cargo test --all-targets (native))
	cargo test --all-targets
	$(call step,cargo test --doc (native))
	cargo test --doc
	$(call step,browser tests (cargo test --target $(WASM_TARGET) --test web --test engine_wasm --test handoff_wasm))
	CHROMEDRIVER=/usr/bin/chromedriver cargo test --target $(WASM_TARGET) --test web --test engine_wasm --test handoff_wasm
	$(build_all)
	$(call step,size budget of the first load)
	node tests/size-budget.mjs
	$(call step,end-to-end tests (node --test tests/e2e/))
	node --test tests/e2e/

# Fuzzing (not part of `make test`): every target under tests/fuzz in turn, one job each, for
# FUZZ_SECONDS seconds. Needs the nightly toolchain; installs cargo-fuzz once. Corpora and
# crashes stay in tests/fuzz/corpus and tests/fuzz/artifacts (ignored by git). See BENCHMARKS.md.
FUZZ_SECONDS ?= 600

fuzz:
	@$(call step,fuzz: every target for $(FUZZ_SECONDS) s each)
	if ! rustup toolchain list | grep -q '^nightly'; then
	  echo "fuzz: needs the nightly Rust toolchain (rustup toolchain install nightly)" >&2
	  exit 1
	fi
	if ! cargo fuzz --version >/dev/null 2>&1; then
	  echo "installing cargo-fuzz (compiles; about a minute)"
	  cargo install cargo-fuzz --locked
	fi
	python3 tests/fuzz/seed.py
	for target in $$(cargo +nightly fuzz list --fuzz-dir tests/fuzz); do
	  $(call step,fuzz $$target ($(FUZZ_SECONDS) s))
	  cargo +nightly fuzz run --fuzz-dir tests/fuzz "$$target" -- \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
	done

# Benchmarks print figures; record them in BENCHMARKS.md. Run on an idle machine.
bench: build
	@$(call step,engine benchmarks (divan, native))
	cargo bench --bench engine
	$(call step,batch throughput (one core, JSON Lines in and out))
	cargo bench --bench batch
	$(call step,the engine in Chromium (JS to wasm and back))
	node tests/bench/wasm.mjs
	$(call step,first load on Slow 4G and 3G with 4x CPU slowdown (Chromium, CDP))
	node tests/bench/load.mjs
	$(call step,re-scoring after an answer within one frame (Chromium))
	node tests/bench/rescore.mjs
	$(call step,the workspace: 500 enterprises x 3 visits opened from IndexedDB (Chromium))
	node tests/bench/workspace.mjs
	$(call step,embedding: a host page's programme pack checked in the worker (Chromium))
	node tests/bench/embed-pack.mjs
	$(call step,Lighthouse (mobile, simulated throttling))
	node tests/bench/lighthouse.mjs
	$(call step,planner: 10000 profiles chosen to summary shown (Chromium))
	node tests/bench/planner.mjs
