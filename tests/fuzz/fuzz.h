/* fuzz.h - what the fuzz targets share.
 *
 * Each target defines LLVMFuzzerTestOneInput (libFuzzer's entry point):
 * `make fuzz` links it with clang -fsanitize=fuzzer and runs it; `make
 * check` links it with replay.c, a plain driver that feeds it every file
 * of its corpus (tests/fuzz/corpus/NAME), so the corpora are regression
 * tests without any fuzzing.  A target that finds a broken promise calls
 * fuzz_fail, which aborts: libFuzzer saves the input, the replay fails.
 */
#ifndef COPSE_FUZZ_H
#define COPSE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Called once before the first input, when defined. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Where fuzz_fail writes: stderr, or a copy of it kept by a target that
 * silences stderr (the command-line parser prints its usage errors). */
static int fuzz_err_fd __attribute__((unused)) = 2;

#define fuzz_fail(...) do { \
	dprintf(fuzz_err_fd, "fuzz: %s:%d: ", __FILE__, __LINE__); \
	dprintf(fuzz_err_fd, __VA_ARGS__); \
	dprintf(fuzz_err_fd, "\n"); \
	abort(); \
} while (0)

#endif
