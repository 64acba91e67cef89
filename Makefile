# Dossier — build, run and test. `make run` opens the app on the demo
# campaign; `make test` runs vet and every test. Both install the Debian
# packages they need when missing (apt-get, which asks for root).

GO      ?= go
export PATH := $(PATH):/usr/local/go/bin
export GOFLAGS ?= -buildvcs=false
DEMO    ?= demo.dossier

# What building the Fyne GUI needs on Debian 12 (measured for Fyne v2.7.1).
GUI_DEPS  = gcc libc6-dev libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# What the tests need: poppler-utils (pdftotext, pdffonts) to read the PDFs back;
# util-linux (setpriv: read-only campaigns as an unprivileged user) and mount (a
# small tmpfs for the full-disk test, as root).
TEST_DEPS = poppler-utils util-linux mount

.PHONY: all run build test vet unit-test gui-build fuzz fuzz-short bench deps gui-deps test-deps package clean

all: build

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "安装所需的系统软件包（需要 root 权限）：$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

gui-deps:
	$(call apt_install,$(GUI_DEPS))

test-deps:
	$(call apt_install,$(TEST_DEPS))

deps: gui-deps test-deps

bin/dossierctl: FORCE
	CGO_ENABLED=0 $(GO) build -o bin/dossierctl ./cmd/dossierctl

bin/dossier: gui-deps FORCE
	CGO_ENABLED=1 $(GO) build -o bin/dossier ./cmd/dossier

FORCE:

build: bin/dossierctl bin/dossier

# The demo campaign is created once; delete demo.dossier to start over.
run: build
	@[ -f $(DEMO) ] || ./bin/dossierctl demo --db $(DEMO)
	./bin/dossier $(DEMO)

vet:
	CGO_ENABLED=0 $(GO) vet ./...
	@test -z "$$(gofmt -l cmd dossier export ui assets)" || { echo "gofmt needed:"; gofmt -l cmd dossier export ui assets; exit 1; }

unit-test: test-deps
	CGO_ENABLED=0 $(GO) test -count=1 ./...

# The GUI's main package needs cgo; building it proves it still compiles.
gui-build: gui-deps
	CGO_ENABLED=1 $(GO) build -o /dev/null ./cmd/dossier

# Each parser of outside input is fuzzed briefly on every test run
# (FUZZTIME each); run `make fuzz FUZZTIME=10m` by hand for a long run.
FUZZTIME ?= 30s
FUZZ_TARGETS = ./export/xlsx:FuzzParseNumber ./export/xlsx:FuzzReadSubmission ./export/xlsx:FuzzWorkbookPart \
	./dossier:FuzzParseTenths ./export/photo:FuzzNormalize ./export/typeset:FuzzBreak
fuzz:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$fn ($$pkg, $(FUZZTIME))"; \
		CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME) FUZZ_TARGETS="./export/xlsx:FuzzParseNumber ./export/xlsx:FuzzReadSubmission"

test: vet unit-test gui-build fuzz-short

bench:
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . -benchmem ./...

# A Linux package (dist/dossier-linux-$(PKG_ARCH).tar.xz: the binary, the icon and a
# .desktop entry, with a Makefile that installs them) from the root FyneApp.toml.
# The fyne tool reads FyneApp.toml from its source folder (which must hold Go
# code) and bumps the build number there, so it works on a copy in dist/pkg and
# packages the binary built above.
FYNE_TOOL ?= fyne.io/tools/cmd/fyne@v1.7.4
PKG_ARCH  ?= $(shell $(GO) env GOARCH)
package: bin/dossier
	rm -rf dist/pkg && mkdir -p dist/pkg/assets
	cp FyneApp.toml dist/pkg/ && cp assets/icon.png dist/pkg/assets/
	printf 'package main\n\nfunc main() {}\n' > dist/pkg/main.go
	cd dist/pkg && GOFLAGS=-mod=mod $(GO) run $(FYNE_TOOL) package --os linux --exe ../../bin/dossier --release
	mv dist/pkg/*.tar.xz dist/dossier-linux-$(PKG_ARCH).tar.xz && rm -rf dist/pkg
	@echo "已生成 dist/dossier-linux-$(PKG_ARCH).tar.xz（解压后在其中运行 sudo make install 安装）"

clean:
	rm -rf bin dist
