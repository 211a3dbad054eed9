# slo: SLO and error-budget calculator.  `make`, `make check`, `make demo`.
VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
# where bash-completion, zsh and fish look for completions of their own
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -Wall -Wextra -Wpedantic -Wformat=2 -Wformat-security -Wswitch-enum \
	-Wfloat-equal -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
# CI builds with warnings as errors; a newer compiler at a user's must not
# stop the build over a new warning.
ifeq ($(CI),true)
WERROR = -Werror
endif
ALL_CFLAGS = -std=c11 $(WARNINGS) $(WERROR) $(CFLAGS)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
	-DSLO_VERSION='"$(VERSION)"' $(CPPFLAGS)
LIBS = -lcsv -ljson-c -lyaml -lz -lm -pthread
# The tests build everything again with sanitizers and warnings as errors.
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
CHECK_CFLAGS = -std=c11 $(WARNINGS) -Werror -O1 -g $(SAN)
# ... and once more without them, for the command-line tests under
# valgrind (which cannot run a sanitized binary).
VG_CFLAGS = -std=c11 $(WARNINGS) -Werror -O1 -g
# make fuzz: seconds each libFuzzer harness runs, and how many at a time.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1

LIB_SRC = $(sort $(wildcard src/util/*.c src/input/*.c src/eval/*.c src/report/*.c \
	src/config/*.c src/cli/*.c))
HDR = $(wildcard src/*.h src/*/*.h)
OBJ = $(LIB_SRC:src/%.c=build/rel/%.o)
SAN_OBJ = $(LIB_SRC:src/%.c=build/san/%.o)
VG_OBJ = $(LIB_SRC:src/%.c=build/vg/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)

.PHONY: all check unit cli real manlint demo install uninstall clean deps format fuzz

all: slo

.deps-ok: .ci/deps
	@./.ci/deps build
	@touch $@

.deps-check-ok: .ci/deps
	@./.ci/deps check
	@touch $@

slo: $(OBJ) build/rel/main.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

build/rel/%.o: src/%.c $(HDR) | .deps-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build/san/%.o: src/%.c $(HDR) | .deps-check-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

# main.c prints VERSION: a new version in this file rebuilds it
build/rel/main.o build/san/main.o: Makefile

build/san/slo: $(SAN_OBJ) build/san/main.o
	$(CC) $(CHECK_CFLAGS) -o $@ $^ $(LIBS)

build/vg/%.o: src/%.c $(HDR) | .deps-check-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(VG_CFLAGS) -c -o $@ $<

build/vg/slo: $(VG_OBJ) build/vg/main.o
	$(CC) $(VG_CFLAGS) -o $@ $^ $(LIBS)

build/san/tests/%: tests/unit/%.c $(SAN_OBJ) tests/unit/testing.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(CHECK_CFLAGS) $$(pkg-config --cflags cmocka) \
		-o $@ $< $(SAN_OBJ) $$(pkg-config --libs cmocka) $(LIBS)

# Everything a change must pass: the warning-free release build, unit
# tests and command-line tests under ASan+UBSan, the command-line tests
# again under valgrind (when it is installed), the real third-party
# samples in ../shared (skipped when absent), and the manual's lint.
# The three builds go side by side, one job a core (CHECK_JOBS).
CHECK_JOBS ?= -j$(shell nproc 2>/dev/null || echo 2)
check: .deps-check-ok
	@$(MAKE) --no-print-directory $(CHECK_JOBS) slo build/san/slo build/vg/slo $(UNIT_BIN)
	@SLO=build/san/slo VG_SLO=build/vg/slo sh tests/run-all $(UNIT_BIN)

# Fuzzes every parser for FUZZ_SECONDS each (fuzz/README); not part of
# check, which must stay short.  CI runs it after check.
fuzz:
	@FUZZ_JOBS=$(FUZZ_JOBS) sh fuzz/run $(FUZZ_SECONDS)

demo: slo
	@sh examples/demo

# tests/install/run checks both into a temporary DESTDIR (make check).
install: slo
	mkdir -p "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANPREFIX)/man1" "$(DESTDIR)$(BASHCOMPDIR)" \
		"$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	cp -f slo "$(DESTDIR)$(BINDIR)/slo"
	chmod 755 "$(DESTDIR)$(BINDIR)/slo"
	cp -f man/slo.1 "$(DESTDIR)$(MANPREFIX)/man1/slo.1"
	chmod 644 "$(DESTDIR)$(MANPREFIX)/man1/slo.1"
	cp -f src/completions/slo.bash "$(DESTDIR)$(BASHCOMPDIR)/slo"
	chmod 644 "$(DESTDIR)$(BASHCOMPDIR)/slo"
	cp -f src/completions/_slo "$(DESTDIR)$(ZSHCOMPDIR)/_slo"
	chmod 644 "$(DESTDIR)$(ZSHCOMPDIR)/_slo"
	cp -f src/completions/slo.fish "$(DESTDIR)$(FISHCOMPDIR)/slo.fish"
	chmod 644 "$(DESTDIR)$(FISHCOMPDIR)/slo.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/slo" "$(DESTDIR)$(MANPREFIX)/man1/slo.1" \
		"$(DESTDIR)$(BASHCOMPDIR)/slo" "$(DESTDIR)$(ZSHCOMPDIR)/_slo" \
		"$(DESTDIR)$(FISHCOMPDIR)/slo.fish"

format:
	clang-format -i src/*.c src/*/*.c src/*.h src/*/*.h tests/unit/*.c

clean:
	rm -rf build slo
