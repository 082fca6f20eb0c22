# dateline: build, install, test.
#   make                         release build (.build/release/dateline)
#   make install PREFIX=/usr/local [DESTDIR=/tmp/pkg]
#   make uninstall PREFIX=/usr/local
#   make man                     regenerate man/dateline.1 (scripts/man.sh)
#   make test                    the test suite (scripts/test.sh)
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all build install uninstall man test

all: build

build:
	swift build -c release --product dateline

install: build
	bash scripts/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)" --bin .build/release/dateline

uninstall:
	bash scripts/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)" --uninstall

man:
	bash scripts/man.sh

test:
	bash scripts/test.sh
