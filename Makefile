# Lastmile: `make demo` and `make test` work on a fresh Debian 12 machine (they install what is missing).
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libgdal-dev gdal-bin libcairo2-dev libpango1.0-dev libsqlite3-dev sqlite3 fonts-dejavu-core poppler-utils libpng-dev zlib1g-dev libssl-dev libjs-leaflet
# What the tests need besides: a real browser for the atlas (headless Chromium).
TEST_APT_PACKAGES := chromium
RELEASE_BIN := .build/release/lastmile
DEBUG_BIN := .build/debug/lastmile

.PHONY: deps test-deps apt-install build release demo test notebooks demo-data clean fuzz example format

## deps: install the Debian packages Lastmile needs (as root), or say the exact command.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

## test-deps: the packages the tests need besides (headless Chromium for the atlas).
test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"

apt-install:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages. Run:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product lastmile

## demo: build and run the embedded demo study; the report lands under reports/.
demo: release
	$(RELEASE_BIN) demo

## test: the walkthroughs in notebooks-md/, then unit and integration tests (Swift Testing).
test: deps test-deps
	$(MAKE) --no-print-directory notebooks
	$(SWIFT) test

notebooks: build
	@bash .ci/run-notebooks $(DEBUG_BIN) notebooks-md/*.md

## example: refresh the committed example reports in reports/example/ (the demo, and maine-2022/; dates pinned).
example: release
	rm -rf .scratch/example && mkdir -p .scratch/example reports/example/maps
	SOURCE_DATE_EPOCH=1795824000 $(RELEASE_BIN) demo --out .scratch/example --store .scratch/example/runs.sqlite -q
	cp .scratch/example/*/*/report.pdf reports/example/report.pdf
	cp .scratch/example/*/*/maps/unserved.png .scratch/example/*/*/maps/phases.png reports/example/maps/
	mkdir -p reports/example/maine-2022/maps
	SOURCE_DATE_EPOCH=1795824000 $(RELEASE_BIN) run datasets/maine-2022/study.toml --out .scratch/example/maine \
	  --store .scratch/example/maine/runs.sqlite -q
	cp .scratch/example/maine/*/*/report.pdf reports/example/maine-2022/report.pdf
	cp .scratch/example/maine/*/*/maps/unserved.png .scratch/example/maine/*/*/maps/need-groups.png \
	  reports/example/maine-2022/maps/
	rm -rf .scratch/example

## demo-data: regenerate datasets/demo/ (deterministic; see datasets/demo/README.md).
demo-data:
	python3 datasets/demo/generate.py datasets/demo

## fuzz: libFuzzer targets for the BDC reader, the ACS reader and the study-file parser, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: deps
	bash Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-fuzz reports/*/

## format: rewrite the Swift sources as .swift-format says (CI fails on any difference: .ci/check-format).
format:
	swift format format --in-place --recursive --parallel Package.swift Sources Tests Fuzz
