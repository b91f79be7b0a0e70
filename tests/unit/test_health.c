/* test_health.c - the Health panel's numbers come from SQL COUNT queries
 * and agree with what the lists of records say: on the demo community,
 * and at the edges (retired entries, an action due today, a done one). */
#include <stdlib.h>
#include <string.h>

#include "copse/db.h"
#include "copse/demo.h"
#include "copse/entry.h"
#include "copse/health.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "fixture.h"
#include "harness.h"

#define NOW "2025-06-15T12:00:00Z"

static const char *const statuses[] = { MEMBER_STATUSES };
static const char *const kinds[] = { ENTRY_KINDS };

/* The same numbers counted from the loaded lists. */
static int count_lists(struct db *db, struct health_counts *c)
{
	struct member *m = NULL;
	struct meeting *mt = NULL;
	struct entry *e = NULL;
	struct topic *t = NULL;
	struct action *act = NULL;
	struct meeting_filter mf = { .upcoming = 1 };
	struct action_filter af = { .open_only = 1 };
	size_t n = 0;

	memset(c, 0, sizeof *c);
	if (member_list(db, NULL, &m, &n) != COPSE_OK)
		return -1;
	c->members = (int)n;
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ARRAY_SIZE(statuses); s++)
			c->by_status[s] += strcmp(m[i].status, statuses[s]) == 0;
	member_list_free(m, n);
	if (meeting_list(db, &mf, &mt, &n) != COPSE_OK)
		return -1;
	c->upcoming = (int)n;
	meeting_list_free(mt, n);
	mf.upcoming = -1;
	if (meeting_list(db, &mf, &mt, &n) != COPSE_OK)
		return -1;
	c->past = (int)n;
	for (size_t i = 0; i < n; i++)
		c->held += strcmp(mt[i].status, "held") == 0;
	meeting_list_free(mt, n);
	if (entry_list(db, NULL, &e, &n) != COPSE_OK)
		return -1;
	c->entries = (int)n;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			c->by_kind[k] += strcmp(e[i].kind, kinds[k]) == 0;
	entry_list_free(e, n);
	if (topic_list(db, NULL, &t, &n) != COPSE_OK)
		return -1;
	c->topics = (int)n;
	for (size_t i = 0; i < n; i++) {
		c->open_topics += strcmp(t[i].status, "open") == 0;
		c->unvoted += t[i].votes == 0;
	}
	topic_list_free(t, n);
	if (action_list(db, &af, &act, &n) != COPSE_OK)
		return -1;
	c->open_actions = (int)n;
	for (size_t i = 0; i < n; i++)
		c->overdue += act[i].due && strncmp(act[i].due, NOW, 10) < 0;
	action_list_free(act, n);
	return 0;
}

static void check_same(const struct health_counts *got, const struct health_counts *want)
{
	CHECK_INT(got->members, want->members);
	for (size_t s = 0; s < ARRAY_SIZE(statuses); s++)
		CHECK_INT(got->by_status[s], want->by_status[s]);
	CHECK_INT(got->upcoming, want->upcoming);
	CHECK_INT(got->past, want->past);
	CHECK_INT(got->held, want->held);
	CHECK_INT(got->entries, want->entries);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		CHECK_INT(got->by_kind[k], want->by_kind[k]);
	CHECK_INT(got->topics, want->topics);
	CHECK_INT(got->open_topics, want->open_topics);
	CHECK_INT(got->unvoted, want->unvoted);
	CHECK_INT(got->open_actions, want->open_actions);
	CHECK_INT(got->overdue, want->overdue);
}

TEST(empty_database_counts_nothing)
{
	struct db *db = fixture_db("tester");
	struct health_counts c, zero;

	memset(&zero, 0, sizeof zero);
	CHECK_INT(health_count(db, &c), COPSE_OK);
	CHECK(memcmp(&c, &zero, sizeof c) == 0);
	db_close(db);
}

TEST(demo_counts_agree_with_the_lists)
{
	struct db *db = fixture_db("tester");
	struct health_counts got, want;

	CHECK_INT(demo_populate(db), COPSE_OK);
	CHECK_INT(health_count(db, &got), COPSE_OK);
	CHECK_INT(count_lists(db, &want), 0);
	check_same(&got, &want);
	/* The demo has something in every line the panel shows. */
	CHECK(got.members > 0 && got.upcoming > 0 && got.held > 0 && got.entries > 0);
	CHECK(got.open_topics > 0 && got.overdue > 0);
	db_close(db);
}

TEST(edges_archived_due_today_done)
{
	struct db *db = fixture_db("tester");
	struct health_counts got, want;
	struct member m;
	struct entry e;
	struct action a;
	int64_t done_id = 0;
	static const char *const dues[] = { "2025-06-14", "2025-06-15", "2025-06-16", NULL };

	member_init(&m);
	m.name = xstrdup("Ana");
	CHECK_INT(member_add(db, &m), COPSE_OK);
	for (int i = 0; i < 4; i++) {
		action_init(&a);
		a.title = xstrdup("Call");
		a.owner_id = m.id;
		a.due = xstrdup(i < 3 ? dues[i] : "2025-01-01");
		CHECK_INT(action_add(db, &a), COPSE_OK);
		done_id = a.id;
		action_done(&a);
	}
	CHECK_INT(action_set_done(db, done_id, 1), COPSE_OK);   /* overdue, but done */
	entry_init(&e);
	e.title = xstrdup("Old");
	e.kind = xstrdup("tool");
	e.status = xstrdup("retired");
	CHECK_INT(entry_add(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(health_count(db, &got), COPSE_OK);
	CHECK_INT(count_lists(db, &want), 0);
	check_same(&got, &want);
	CHECK_INT(got.open_actions, 3);
	CHECK_INT(got.overdue, 1);                 /* 2025-06-14 only */
	CHECK_INT(got.entries, 0);
	CHECK_INT(got.by_status[0], 1);            /* prospect */
	member_done(&m);
	db_close(db);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", NOW, 1);
	setenv("TZ", "UTC", 1);
	RUN(empty_database_counts_nothing);
	RUN(demo_counts_agree_with_the_lists);
	RUN(edges_archived_due_today_done);
	return harness_done();
}
