# copse - plain make + pkg-config.
#
#   make            build ./copse
#   make run        open copse on a demo community (build/demo.db)
#   make check      build and run every test (unit, md golden, cli, ui)
#   make check SANITIZE=1   the same under ASan+UBSan (objects in build-san/)
#   make fuzz       run each libFuzzer target FUZZ_SECONDS (default 60) seconds
#                   (clang; objects in build-fuzz/; see tests/fuzz/fuzz.h)
#   make bench      print performance numbers (BENCH_SIZES="demo 50k 100k";
#                   generated communities are cached in build/bench)
#   make install PREFIX=/usr/local DESTDIR=

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man/man1
PKGS      = ncursesw sqlite3 libcmark
PKG_CONFIG ?= pkg-config

CC       ?= cc
CFLAGS   ?= -O2 -g
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DCOPSE_VERSION='"$(VERSION)"'
XCFLAGS   = -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=%,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm

ifeq ($(SANITIZE),1)
BUILD     = build-san
SANFLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
BIN       = $(BUILD)/copse
else ifeq ($(FUZZ),1)
BUILD     = build-fuzz
CC        = clang
SANFLAGS  = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined
BIN       = $(BUILD)/copse
else
BUILD     = build
SANFLAGS  =
BIN       = copse
endif

# -MMD -MP: the compiler lists the headers each object and test includes
# (build/*.d), so a header change rebuilds exactly what includes it.  The
# flags live here, so objects also depend on the Makefile.
ALL_CFLAGS = $(XCFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(SANFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

SRCS      = $(wildcard src/*.c)
LIB_SRCS  = $(filter-out src/main.c,$(SRCS))
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(BUILD)/%.o)
LIB       = $(BUILD)/libcopse.a
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRCS = $(wildcard tests/tools/*.c)
TOOL_BINS = $(TOOL_SRCS:tests/tools/%.c=$(BUILD)/tests/%)
# The bench programs: bench (store and renderer, in-process), gen (a
# large community), benchpty (runs a program on a pty and watches its
# screen), minimal (the ncurses baseline).  make check builds them and
# tries each once at a tiny size (tests/cli/bench.sh); make bench runs
# tests/bench/run.sh.
BENCH_BINS = $(addprefix $(BUILD)/tests/,bench gen benchpty minimal)
# Fuzz targets tests/fuzz/fuzz_NAME.c, each with a seed corpus in
# tests/fuzz/corpus/NAME and a dictionary tests/fuzz/NAME.dict.
FUZZ_TARGETS = md import cli
FUZZ_SECONDS ?= 60
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz-replay-%)
FUZZERS      = $(FUZZ_TARGETS:%=$(BUILD)/fuzz-%)

.PHONY: all deps run check check-unit check-md check-cli check-ui check-fuzz fuzz fuzz-run \
	bench install uninstall clean

all: $(BIN)

# Missing -dev packages: install them when root or sudo may, else say how.
deps:
	@sh scripts/deps.sh build

$(BIN): $(BUILD)/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(LIB) $(PKG_LIBS) $(LDLIBS)

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(BUILD)/%.o: src/%.c Makefile | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/tools/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) $(LDLIBS)

# A fuzz target with the plain driver: make check replays its corpus.
$(BUILD)/tests/fuzz-replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< tests/fuzz/replay.c $(LIB) $(ALL_LDFLAGS) \
		$(PKG_LIBS) $(LDLIBS)

# A fuzz target with libFuzzer (FUZZ=1 builds only).
$(BUILD)/fuzz-%: tests/fuzz/fuzz_%.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -fsanitize=fuzzer -o $@ $< $(LIB) $(ALL_LDFLAGS) \
		$(PKG_LIBS) $(LDLIBS)

# The build directory is made after the dependency check, so a fresh
# machine gets its -dev packages before the first compile.
$(BUILD):
	@sh scripts/deps.sh build
	@mkdir -p $@
$(BUILD)/tests: | $(BUILD)
	@mkdir -p $@

DEMO_DB = $(BUILD)/demo.db
run: $(BIN)
	@test -f $(DEMO_DB) || ./$(BIN) --db $(DEMO_DB) init --demo >/dev/null
	./$(BIN) --db $(DEMO_DB)

# Every test; each suite prints "N passed, N failed" and fails the build on
# any failure.  LC_ALL is a UTF-8 locale so widths are deterministic.
TEST_ENV = LC_ALL=C.UTF-8 TZ=UTC COPSE_BIN=$(abspath $(BIN)) COPSE_BUILD=$(abspath $(BUILD)) \
	   ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

check: $(BIN) $(UNIT_BINS) $(TOOL_BINS) $(BENCH_BINS) $(FUZZ_REPLAY)
	@sh scripts/deps.sh test
	@$(TEST_ENV) sh tests/run.sh all

check-unit: $(UNIT_BINS)
	@$(TEST_ENV) sh tests/run.sh unit
check-md: $(TOOL_BINS)
	@$(TEST_ENV) sh tests/run.sh md
check-cli: $(BIN) $(BUILD)/tests/keys-mdoc $(BENCH_BINS)
	@$(TEST_ENV) sh tests/run.sh cli
check-ui: $(BIN)
	@$(TEST_ENV) sh tests/run.sh ui
check-fuzz: $(FUZZ_REPLAY)
	@$(TEST_ENV) sh tests/run.sh fuzz

# Fuzzing: clang with libFuzzer (scripts/deps.sh installs them), each
# target for FUZZ_SECONDS.  New inputs go to build-fuzz/corpus-NAME; an
# input that breaks a promise is saved as build-fuzz/crash-NAME-* (add it
# to tests/fuzz/corpus/NAME once fixed: make check then replays it).
fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-run

FUZZ_ENV = ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	   UBSAN_OPTIONS=print_stacktrace=1 LC_ALL=C.UTF-8 TZ=UTC
fuzz-run: $(FUZZERS)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/corpus-$$t || exit 1; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		case $$t in cli) quiet=-close_fd_mask=2 ;; *) quiet= ;; esac; \
		$(FUZZ_ENV) $(BUILD)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 $$quiet \
			-max_len=16384 -print_final_stats=1 \
			-dict=tests/fuzz/$$t.dict -artifact_prefix=$(BUILD)/crash-$$t- \
			$(BUILD)/corpus-$$t tests/fuzz/corpus/$$t 2>&1 | \
			grep -E '^(stat::number_of_executed_units|stat::peak_rss|==[0-9]+==|SUMMARY|Test unit written|fuzz:|    #[0-9])' ; \
		test -z "$$(ls $(BUILD)/crash-$$t-* 2>/dev/null)" || \
			{ echo "fuzz: $$t found a failure:" $(BUILD)/crash-$$t-*; exit 1; }; \
	done

bench: $(BIN) $(BENCH_BINS)
	@$(TEST_ENV) sh tests/bench/run.sh

$(BUILD)/tests/bench $(BUILD)/tests/gen: $(BUILD)/tests/%: tests/bench/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/benchpty: tests/bench/benchpty.c | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) -lutil

$(BUILD)/tests/minimal: tests/bench/minimal.c | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(PKG_LIBS) $(LDLIBS)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/copse
	install -m 644 man/copse.1 $(DESTDIR)$(MANDIR)/copse.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/copse $(DESTDIR)$(MANDIR)/copse.1

clean:
	rm -rf build build-san build-fuzz copse

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)
