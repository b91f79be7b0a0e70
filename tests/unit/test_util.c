/* test_util.c - the clock: COPSE_NOW fixes "now", copse_now_set fixes
 * it harder (the demo's backdating) until copse_now_reset. */
#include <stdlib.h>
#include <time.h>

#include "copse/util.h"
#include "harness.h"

TEST(copse_now_set_wins_over_copse_now_until_reset)
{
	char iso[ISO_LEN];

	setenv("COPSE_NOW", "2025-06-15T12:00:00Z", 1);
	time_now_iso(iso);
	CHECK_STR(iso, "2025-06-15T12:00:00Z");
	copse_now_set(1700000000);             /* 2023-11-14T22:13:20Z */
	time_now_iso(iso);
	CHECK_STR(iso, "2023-11-14T22:13:20Z");
	CHECK_STR(getenv("COPSE_NOW"), "2025-06-15T12:00:00Z");
	copse_now_reset();
	time_now_iso(iso);
	CHECK_STR(iso, "2025-06-15T12:00:00Z");
}

TEST(without_either_now_is_the_real_clock)
{
	time_t before = time(NULL), now;

	unsetenv("COPSE_NOW");
	copse_now_set(0);
	CHECK(copse_now() == 0);
	copse_now_reset();
	now = copse_now();
	CHECK(now >= before && now <= time(NULL));
}

int main(void)
{
	harness_init();
	RUN(copse_now_set_wins_over_copse_now_until_reset);
	RUN(without_either_now_is_the_real_clock);
	return harness_done();
}
