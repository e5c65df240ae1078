# Gongkai: `make run` builds the sample portal into public/, `make test` runs every test.
SWIFT ?= swift
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config=pkg-config
TEST_PACKAGES := nginx=nginx-light python3=python3 python3-venv chromium=chromium chromedriver=chromium-driver java=openjdk-17-jre-headless \
	weasyprint=weasyprint pdfinfo=poppler-utils fonts-noto-cjk fonts-arphic-ukai

BENCH_PACKAGES := hugo=hugo cmark-gfm=cmark-gfm time=time

.PHONY: deps test-deps build run test test-scripts test-swift test-e2e test-pdf pdf pdf-preview bench clean

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@Tests/e2e/ensure-browser-tools.sh

build: deps
	$(SWIFT) build --product gongkai

run: build
	$$($(SWIFT) build --show-bin-path)/gongkai build --content Content --templates Templates --output public
	@echo "The portal is in $(CURDIR)/public/ (open public/index.html, or serve the folder with any web server)."

test: test-deps test-scripts test-swift test-e2e test-pdf

test-scripts:
	Tests/e2e/ensure-packages-test.sh

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

# Build speed and memory side by side with Hugo and the cmark-gfm floor, on a small and a large generated corpus;
# rebuilds over the build cache; a scale corpus five times the large one; site search beside Pagefind.
bench: deps
	@scripts/ensure-packages.sh $(BENCH_PACKAGES) chromium=chromium chromedriver=chromium-driver python3-venv fonts-noto-cjk
	@Tests/e2e/ensure-browser-tools.sh
	@.build/browser-tools/venv/bin/pip install --quiet --disable-pip-version-check pagefind-bin-extended==1.5.2
	$(SWIFT) build -c release --product gongkai
	python3 Benchmarks/generate_corpus.py 10 3 30 bench-corpus/small
	python3 Benchmarks/generate_corpus.py 100 5 40 bench-corpus/large
	python3 Benchmarks/generate_corpus.py 500 5 40 bench-corpus/scale
	.build/browser-tools/venv/bin/python Benchmarks/run_bench.py "$$($(SWIFT) build -c release --show-bin-path)/gongkai" bench-corpus bench-results/latest.json

clean:
	rm -rf .build .gongkai-cache public pdf-preview bench-corpus bench-results
