/* test_records.c - every record struct of the store follows the pattern
 * of db.h: x_init, x_done (NULL-safe, leaves the struct as x_init did),
 * x_list_free (NULL-safe). */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/entry.h"
#include "copse/search.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "harness.h"

/* Give r an owned string in field, free it with x_done, and compare
 * with a fresh x_init; then the NULL cases. */
#define CHECK_RECORD(x, field) do { \
	struct x r, fresh; \
	struct x *v = calloc(2, sizeof *v); \
	x##_init(&r); \
	x##_init(&fresh); \
	r.field = xstrdup("text"); \
	CHECK(r.field != NULL); \
	x##_done(&r); \
	CHECK(memcmp(&r, &fresh, sizeof r) == 0); \
	x##_done(&r);           /* twice: the struct is as x_init left it */ \
	x##_done(NULL); \
	x##_list_free(NULL, 0); \
	CHECK(v != NULL); \
	if (v) { \
		x##_init(&v[0]); \
		x##_init(&v[1]); \
		v[1].field = xstrdup("text"); \
	} \
	x##_list_free(v, 2);    /* frees v[1].field and v: the leak check sees it */ \
} while (0)

TEST(member_records)
{
	CHECK_RECORD(member, name);
	CHECK_RECORD(connection, note);
}

TEST(meeting_records)
{
	CHECK_RECORD(meeting, title);
	CHECK_RECORD(attendance, name);
	CHECK_RECORD(note, body);
	CHECK_RECORD(action, title);
}

TEST(entry_records)
{
	CHECK_RECORD(entry, title);
	CHECK_RECORD(revision, body);
	CHECK_RECORD(entry_use, outcome);
	CHECK_RECORD(search_hit, snippet);
}

TEST(topic_and_activity_records)
{
	CHECK_RECORD(topic, title);
	CHECK_RECORD(activity, summary);
}

TEST(member_done_frees_tags)
{
	struct member m;

	member_init(&m);
	CHECK_INT(strv_push(&m.expertise, "listening"), 0);
	member_done(&m);
	CHECK_INT(m.expertise.n, 0);
	CHECK(m.expertise.v == NULL);
}

int main(void)
{
	harness_init();
	RUN(member_records);
	RUN(meeting_records);
	RUN(entry_records);
	RUN(topic_and_activity_records);
	RUN(member_done_frees_tags);
	return harness_done();
}
