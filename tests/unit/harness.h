/* harness.h - a tiny unit-test harness.
 *
 *   TEST(name) { ... CHECK(cond); CHECK_STR(a, b); CHECK_INT(a, b); }
 *   int main(void) { RUN(name); ...; return harness_done(); }
 *
 * Prints "ok - file: name" or "not ok - file: name" with the failing
 * expression, then "N passed, N failed".  tests/run.sh adds the totals.
 */
#ifndef COPSE_HARNESS_H
#define COPSE_HARNESS_H

#include <locale.h>
#include <stdio.h>
#include <string.h>

static int h_pass, h_fail, h_cur_failed;
static const char *h_cur;

#define TEST(name) static void test_##name(void)

#define RUN(name) do { \
	h_cur = #name; h_cur_failed = 0; \
	test_##name(); \
	if (h_cur_failed) { h_fail++; printf("not ok - %s: %s\n", __FILE__, #name); } \
	else { h_pass++; printf("ok - %s: %s\n", __FILE__, #name); } \
	fflush(stdout); \
} while (0)

#define FAILF(...) do { \
	h_cur_failed = 1; \
	fprintf(stdout, "#   %s:%d: ", __FILE__, __LINE__); \
	fprintf(stdout, __VA_ARGS__); fputc('\n', stdout); \
} while (0)

#define CHECK(cond) do { if (!(cond)) FAILF("CHECK(%s)", #cond); } while (0)

#define CHECK_INT(a, b) do { \
	long long h_a = (long long)(a), h_b = (long long)(b); \
	if (h_a != h_b) FAILF("%s == %lld, expected %s == %lld", #a, h_a, #b, h_b); \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *h_a = (a), *h_b = (b); \
	if (!h_a || !h_b || strcmp(h_a, h_b) != 0) \
		FAILF("%s == \"%s\", expected \"%s\"", #a, h_a ? h_a : "(null)", h_b ? h_b : "(null)"); \
} while (0)

static inline int harness_done(void)
{
	printf("%d passed, %d failed\n", h_pass, h_fail);
	return h_fail ? 1 : 0;
}

static inline void harness_init(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

#endif
