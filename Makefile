# Gongkai: `make run` builds the sample portal into public/, `make test` runs every test.
SWIFT ?= swift
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config=pkg-config
TEST_PACKAGES := nginx=nginx-light python3=python3 chromium=chromium weasyprint=weasyprint pdfinfo=poppler-utils \
	fonts-noto-cjk fonts-arphic-ukai

.PHONY: deps test-deps build run test test-swift test-e2e test-pdf pdf pdf-preview clean

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps
	$(SWIFT) build --product gongkai

run: build
	$$($(SWIFT) build --show-bin-path)/gongkai build --content Content --templates Templates --output public
	@echo "The portal is in $(CURDIR)/public/ (open public/index.html, or serve the folder with any web server)."

test: test-deps test-swift test-e2e test-pdf

test-swift: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-e2e: build
	Tests/e2e/nginx-crawl.sh "$$($(SWIFT) build --show-bin-path)/gongkai"

test-pdf: build
	Tests/e2e/pdf-check.sh "$$($(SWIFT) build --show-bin-path)/gongkai"

# The portal with a PDF of every report (Chromium), into public/.
pdf: build
	@scripts/ensure-packages.sh chromium=chromium fonts-noto-cjk fonts-arphic-ukai
	$$($(SWIFT) build --show-bin-path)/gongkai pdf --output public

# PNGs of the first pages of each report's PDF, for a person to look at.
pdf-preview: pdf
	@scripts/ensure-packages.sh pdftoppm=poppler-utils
	rm -rf pdf-preview && mkdir -p pdf-preview
	for pdf in public/*/*/report.pdf; do \
	  name=$$(echo "$$pdf" | cut -d/ -f2,3 | tr / -); \
	  pdftoppm -png -r 60 -f 1 -l 3 "$$pdf" "pdf-preview/$$name"; \
	done
	@ls pdf-preview

clean:
	rm -rf .build public pdf-preview
