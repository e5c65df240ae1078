# Gongkai: `make run` builds the sample portal into public/, `make test` runs every test.
SWIFT ?= swift
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config=pkg-config
TEST_PACKAGES := nginx=nginx-light python3=python3

.PHONY: deps test-deps build run test test-swift test-e2e clean

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps
	$(SWIFT) build --product gongkai

run: build
	$$($(SWIFT) build --show-bin-path)/gongkai build --content Content --templates Templates --output public
	@echo "The portal is in $(CURDIR)/public/ (open public/index.html, or serve the folder with any web server)."

test: test-deps test-swift test-e2e

test-swift: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-e2e: build
	Tests/e2e/nginx-crawl.sh "$$($(SWIFT) build --show-bin-path)/gongkai"

clean:
	rm -rf .build public
