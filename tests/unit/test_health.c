/* test_health.c - the Health panel's numbers come from SQL COUNT queries
 * and agree with what the lists of records say: on the demo community,
 * and at the edges (retired entries, an action due today, a done one). */
#include <stdlib.h>
#include <string.h>

#include "copse/assessment.h"
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

/* ---- participation levels ----
 * A community built along a timeline (copse_now_set moves "now"), then
 * looked at on NOW with the default window of 180 days (from
 * 2024-12-17T12:00:00Z) and a year (from 2024-06-15T12:00:00Z). */

static void at(const char *iso)
{
	time_t t;

	if (time_parse(iso, &t) == 0)
		copse_now_set(t);
}

static int64_t person(struct db *db, const char *name, const char *handle,
		      const char *status, const char *role)
{
	struct member m;
	int64_t id;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = xstrdup(handle);
	m.status = xstrdup(status);
	m.role = xstrdup(role);
	if (member_add(db, &m) != COPSE_OK)
		FAILF("member_add %s: %s", name, db_error(db));
	id = m.id;
	member_done(&m);
	return id;
}

static int64_t held_meeting(struct db *db, const char *starts)
{
	struct meeting m;
	int64_t id;

	meeting_init(&m);
	m.title = xstrdup("Circle");
	m.starts = xstrdup(starts);
	m.status = xstrdup("held");
	if (meeting_add(db, &m) != COPSE_OK)
		FAILF("meeting_add: %s", db_error(db));
	id = m.id;
	meeting_done(&m);
	return id;
}

static void set_status(struct db *db, int64_t id, const char *status)
{
	struct member m;

	if (member_get(db, id, &m) != COPSE_OK)
		FAILF("member_get: %s", db_error(db));
	free(m.status);
	m.status = xstrdup(status);
	if (member_update(db, &m) != COPSE_OK)
		FAILF("member_update: %s", db_error(db));
	member_done(&m);
}

struct people {
	int64_t cora, ana, ben, dee, eve, fay, gus, hal, ivy, jo;
	int64_t old_meeting, m[3];
};

/* One member for each rule (see each line), all added on 2024-09-01. */
static void build_people(struct db *db, struct people *p)
{
	struct note n;
	struct entry e;

	at("2024-09-01T10:00:00Z");
	db_set_login(db, "cora");
	p->cora = person(db, "Cora", "cora", "active", "coordinator");  /* core by role */
	p->ana = person(db, "Ana", "ana", "active", "member");     /* 2 of 3: core */
	p->ben = person(db, "Ben", NULL, "active", "member");      /* 1 of 3: active */
	p->dee = person(db, "Dee", "dee", "active", "member");     /* a note: active */
	p->eve = person(db, "Eve", "eve", "active", "member");     /* reads: peripheral */
	p->fay = person(db, "Fay", NULL, "active", "member");      /* attended 8 months ago */
	p->gus = person(db, "Gus", "gus", "invited", "member");    /* nothing: inactive */
	p->hal = person(db, "Hal", NULL, "prospect", "member");    /* nothing, no handle */
	p->ivy = person(db, "Ivy", "ivy", "active", "member");     /* alumni: no level */
	p->jo = person(db, "Jo", "jo", "active", "core");          /* core, but alumni */
	p->old_meeting = held_meeting(db, "2024-10-01T18:00:00Z");
	p->m[0] = held_meeting(db, "2025-02-01T18:00:00Z");
	p->m[1] = held_meeting(db, "2025-03-01T18:00:00Z");
	p->m[2] = held_meeting(db, "2025-04-01T18:00:00Z");
	attend_set(db, p->old_meeting, p->fay, "attended");
	attend_set(db, p->old_meeting, p->ivy, "attended");
	attend_set(db, p->m[0], p->ana, "attended");
	attend_set(db, p->m[2], p->ana, "attended");
	attend_set(db, p->m[1], p->ana, "absent");
	attend_set(db, p->m[1], p->ben, "attended");
	attend_set(db, p->m[0], p->ivy, "attended");
	at("2025-03-01T18:30:00Z");
	db_set_login(db, "dee");
	note_init(&n);
	n.meeting_id = p->m[1];
	n.body = xstrdup("We agreed to rotate facilitation.");
	if (note_add(db, &n) != COPSE_OK)
		FAILF("note_add: %s", db_error(db));
	note_done(&n);
	db_set_login(db, "cora");
	entry_init(&e);
	e.title = xstrdup("Rotating facilitation");
	if (entry_add(db, &e) != COPSE_OK)
		FAILF("entry_add: %s", db_error(db));
	at("2025-06-01T08:00:00Z");
	db_set_login(db, "eve");
	entry_mark_read(db, e.id);
	entry_mark_read(db, e.id);                 /* the same entry, read twice */
	entry_done(&e);
	db_set_login(db, "cora");
	at("2025-05-01T09:00:00Z");
	set_status(db, p->ivy, "alumni");
	set_status(db, p->jo, "alumni");
	copse_now_reset();
}

/* The level and explanation of member id, on `when` (NULL: now). */
static void check_level(struct db *db, int64_t id, const char *when, const char *want)
{
	struct health_level_filter f = { when, id, LEVEL_NONE, 0, 0 };
	struct health_level *v = NULL;
	size_t n = 0;
	char why[256], atbuf[ISO_LEN];

	if (health_levels(db, &f, &v, &n) != COPSE_OK) {
		FAILF("health_levels: %s", db_error(db));
		return;
	}
	if (!want) {
		if (n != 0)
			FAILF("member %lld has a level (%s), expected none", (long long)id,
			      health_level_name(v[0].level));
	} else if (n != 1) {
		FAILF("member %lld: %zu rows, expected one", (long long)id, n);
	} else {
		time_now_iso(atbuf);
		health_explain(&v[0], health_window(db), when ? when : atbuf, why, sizeof why);
		if (strcmp(why, want) != 0)
			FAILF("member %lld: \"%s\", expected \"%s\"", (long long)id, why, want);
	}
	health_level_list_free(v, n);
}

TEST(each_level_rule_with_its_explanation)
{
	struct db *db = fixture_db("cora");
	struct people p;

	build_people(db, &p);
	check_level(db, p.cora, NULL, "core: coordinator");
	check_level(db, p.ana, NULL, "core: attended 2 of 3 meetings in the last 180 days");
	check_level(db, p.ben, NULL, "active: attended 1 of 3 meetings in the last 180 days");
	check_level(db, p.dee, NULL, "active: 1 note in the last 180 days");
	check_level(db, p.eve, NULL, "peripheral: read 1 entry this month");
	check_level(db, p.fay, NULL, "peripheral: last attended 256 days ago");
	check_level(db, p.gus, NULL, "inactive: nothing in the last 365 days");
	check_level(db, p.hal, NULL, "inactive: nothing in the last 365 days"
		    " (no login handle: only attendance counts)");
	check_level(db, p.ivy, NULL, NULL);        /* alumni have no level ... */
	check_level(db, p.jo, NULL, NULL);         /* ... not even the core role */
	db_close(db);
}

TEST(the_mix_counts_what_the_levels_say)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct health_level *v = NULL;
	size_t n = 0;
	int mix[LEVEL_COUNT], counted[LEVEL_COUNT] = { 0 };

	build_people(db, &p);
	CHECK_INT(health_mix(db, NULL, mix), COPSE_OK);
	CHECK_INT(health_levels(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 8);
	for (size_t i = 0; i < n; i++)
		counted[v[i].level]++;
	for (int i = 0; i < LEVEL_COUNT; i++)
		CHECK_INT(mix[i], counted[i]);
	CHECK_INT(mix[LEVEL_CORE], 2);
	CHECK_INT(mix[LEVEL_ACTIVE], 2);
	CHECK_INT(mix[LEVEL_PERIPHERAL], 2);
	CHECK_INT(mix[LEVEL_INACTIVE], 2);
	/* ordered by level, then name */
	CHECK_STR(v[0].name, "Ana");
	CHECK_STR(v[1].name, "Cora");
	CHECK_STR(v[7].name, "Hal");
	health_level_list_free(v, n);
	db_close(db);
}

TEST(levels_at_an_earlier_date)
{
	struct db *db = fixture_db("cora");
	struct people p;

	build_people(db, &p);
	/* on 2024-11-01 one meeting had been held in the window: Fay and Ivy
	 * attended it (Ivy was not alumni yet); Ana had not begun */
	check_level(db, p.fay, "2024-11-01T00:00:00Z",
		    "core: attended 1 of 1 meeting in the last 180 days");
	check_level(db, p.ivy, "2024-11-01T00:00:00Z",
		    "core: attended 1 of 1 meeting in the last 180 days");
	check_level(db, p.jo, "2024-11-01T00:00:00Z", "core: in the core group");
	check_level(db, p.ana, "2024-11-01T00:00:00Z", "inactive: nothing in the last 365 days");
	/* before they were added, nobody has a level */
	check_level(db, p.ana, "2024-08-01T00:00:00Z", NULL);
	db_close(db);
}

TEST(the_window_is_a_setting)
{
	struct db *db = fixture_db("cora");
	struct people p;

	build_people(db, &p);
	CHECK_INT(health_window(db), HEALTH_WINDOW_DEFAULT);
	CHECK_INT(health_set_window(db, 3), COPSE_INVALID);
	CHECK_STR(db_error(db), "participation window 3: must be 7 to 3650 days");
	CHECK_INT(health_set_window(db, 90), COPSE_OK);
	CHECK_INT(health_window(db), 90);
	/* 90 days back from NOW, only the April meeting was held: Ana
	 * attended it, Ben did not, Dee's note is older */
	check_level(db, p.ana, NULL, "core: attended 1 of 1 meeting in the last 90 days");
	check_level(db, p.ben, NULL, "peripheral: last attended 105 days ago");
	check_level(db, p.dee, NULL, "peripheral: last wrote a note 105 days ago");
	db_close(db);
}

TEST(reading_the_health_writes_nothing)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct health_report r;
	int64_t changes;

	build_people(db, &p);
	changes = count(db, "SELECT total_changes()");
	CHECK_INT(health_report(db, NULL, &r), COPSE_OK);
	health_report_done(&r);
	CHECK_INT(count(db, "SELECT total_changes()"), changes);
	CHECK_INT(count(db, "SELECT count(*) FROM participation"), 0);
	db_close(db);
}

/* ---- the funnel, from the member status log ---- */

TEST(funnel_from_the_status_log)
{
	struct db *db = fixture_db("cora");
	struct health_report r;
	int64_t kim, lou, max;

	at("2024-09-01T10:00:00Z");
	kim = person(db, "Kim", "kim", "prospect", "member");
	max = person(db, "Max", "max", "active", "member");
	at("2025-01-01T10:00:00Z");
	set_status(db, kim, "invited");
	at("2025-02-01T10:00:00Z");
	set_status(db, kim, "active");
	at("2025-03-01T10:00:00Z");
	lou = person(db, "Lou", NULL, "prospect", "member");
	at("2025-05-01T10:00:00Z");
	set_status(db, max, "alumni");
	copse_now_reset();
	(void)lou;

	CHECK_INT(health_report(db, NULL, &r), COPSE_OK);
	/* reached, ever: everyone was a prospect (Max joined as active);
	 * Kim and Max reached invited and active, Max left */
	CHECK_INT(r.reached[0], 3);
	CHECK_INT(r.reached[1], 2);
	CHECK_INT(r.reached[2], 2);
	CHECK_INT(r.reached[3], 1);
	/* in the last 180 days: Lou came, Kim was invited and joined, Max left */
	CHECK_INT(r.reached_window[0], 1);
	CHECK_INT(r.reached_window[1], 1);
	CHECK_INT(r.reached_window[2], 1);
	CHECK_INT(r.reached_window[3], 1);
	/* and where they are now */
	CHECK_INT(r.at_stage[0], 1);
	CHECK_INT(r.at_stage[1], 0);
	CHECK_INT(r.at_stage[2], 1);
	CHECK_INT(r.at_stage[3], 1);
	health_report_done(&r);
	/* the same on 2025-01-15: Kim invited, Max active, Lou not yet there */
	CHECK_INT(health_report(db, "2025-01-15T00:00:00Z", &r), COPSE_OK);
	CHECK_INT(r.reached[0], 2);
	CHECK_INT(r.reached[1], 2);
	CHECK_INT(r.reached[2], 1);
	CHECK_INT(r.reached[3], 0);
	CHECK_INT(r.at_stage[1], 1);
	CHECK_INT(r.at_stage[2], 1);
	health_report_done(&r);
	db_close(db);
}

/* ---- the report's other parts ---- */

TEST(report_meetings_actions_topics_trends)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct health_report r;
	struct topic t;
	struct meeting next;

	build_people(db, &p);
	at("2025-04-20T10:00:00Z");
	topic_init(&t);
	t.title = xstrdup("Waiting since April");
	CHECK_INT(topic_add(db, &t), COPSE_OK);
	topic_done(&t);
	topic_init(&t);
	t.title = xstrdup("Linked, so not waiting");
	CHECK_INT(topic_add(db, &t), COPSE_OK);
	CHECK_INT(topic_link_meeting(db, t.id, p.m[2]), COPSE_OK);
	topic_done(&t);
	at("2025-06-01T10:00:00Z");
	topic_init(&t);
	t.title = xstrdup("Too new to wait");
	CHECK_INT(topic_add(db, &t), COPSE_OK);
	topic_done(&t);
	meeting_init(&next);
	next.title = xstrdup("Next circle");
	next.starts = xstrdup("2025-07-01T18:00:00Z");
	CHECK_INT(meeting_add(db, &next), COPSE_OK);
	copse_now_reset();

	CHECK_INT(health_report(db, NULL, &r), COPSE_OK);
	CHECK_INT(r.held_window, 3);
	CHECK_INT(r.gap_days, 29);                  /* Feb 1 to Apr 1: 59 days, 2 gaps */
	CHECK_INT(r.last_days, 74);
	CHECK_INT(r.next_id, next.id);
	CHECK_STR(r.next_title, "Next circle");
	CHECK_INT(r.nwaiting_total, 1);
	CHECK_STR(r.waiting[0].title, "Waiting since April");
	CHECK_INT(r.waiting[0].days, 56);
	/* the last meetings held, oldest first: Oct 1 (Fay, Ivy), Feb 1
	 * (Ana, Ivy), Mar 1 (Ben), Apr 1 (Ana) */
	CHECK_INT(r.nmeet, 4);
	CHECK_INT(r.attend[0], 2);
	CHECK_INT(r.attend[2], 1);
	CHECK_STR(r.meet_day[3], "2025-04-01");
	CHECK_STR(r.month[HEALTH_SPARK - 1], "2025-06");
	CHECK_STR(r.month[0], "2024-07");
	CHECK_INT(r.entries_month[HEALTH_SPARK - 4], 1);   /* March: one entry */
	CHECK_INT(r.active_month[HEALTH_SPARK - 4], 3);    /* March: Ben, Dee, Cora */
	health_report_done(&r);
	meeting_done(&next);
	db_close(db);
}

/* ---- assessments ---- */

TEST(assessment_scores_out_of_range_are_refused)
{
	struct db *db = fixture_db("cora");
	struct assessment a;
	static const int bad[][3] = { { 0, 3, 3 }, { 3, 6, 3 }, { 3, 3, -1 } };
	static const char *const msg[] = {
		"domain score 0: must be 1 to 5", "community score 6: must be 1 to 5",
		"practice score -1: must be 1 to 5",
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		assessment_init(&a);
		a.domain = bad[i][0];
		a.community = bad[i][1];
		a.practice = bad[i][2];
		CHECK_INT(assessment_add(db, &a), COPSE_INVALID);
		CHECK_STR(db_error(db), msg[i]);
		assessment_done(&a);
	}
	assessment_init(&a);
	a.domain = a.community = a.practice = 3;
	CHECK(assessment_add_story(&a, "immediate", "It helped.") == 0);
	CHECK(assessment_add_story(&a, "eventual", "It will help.") == 0);
	CHECK_INT(assessment_add(db, &a), COPSE_INVALID);
	CHECK_STR(db_error(db), "story cycle 'eventual': must be one of"
		  " immediate|potential|applied|realized|reframing");
	assessment_done(&a);
	assessment_init(&a);
	a.domain = a.community = a.practice = 3;
	CHECK(assessment_add_story(&a, "applied", "  ") == 0);
	CHECK_INT(assessment_add(db, &a), COPSE_INVALID);
	CHECK_STR(db_error(db), "applied story: has no text");
	assessment_done(&a);
	CHECK_INT(count(db, "SELECT count(*) FROM assessment"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), 0);
	db_close(db);
}

TEST(assessment_keeps_metrics_levels_and_compares)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct assessment a, got;
	struct health_report r;

	build_people(db, &p);
	at("2025-05-15T12:00:00Z");
	assessment_init(&a);
	a.domain = 2;
	a.community = 3;
	a.practice = 4;
	a.summary = xstrdup("A slow spring");
	CHECK(assessment_add_story(&a, "applied", "Ana used the rotation.") == 0);
	CHECK(assessment_add_story(&a, "reframing", "We see conflict as data.") == 0);
	CHECK_INT(assessment_add(db, &a), COPSE_OK);
	CHECK_STR(a.day, "2025-05-15");
	CHECK_STR(a.author, "cora");
	copse_now_reset();
	/* every member with a level got one row that day, explained */
	CHECK_INT(count(db, "SELECT count(*) FROM participation WHERE day = '2025-05-15'"), 8);
	CHECK_INT(count(db, "SELECT count(*) FROM participation WHERE member_id = 2"
		   " AND level = 'core' AND reason LIKE 'core: attended 2 of 3%'"), 1);
	CHECK_INT(assessment_get(db, a.id, &got), COPSE_OK);
	CHECK_INT(got.domain, 2);
	CHECK_INT(got.nvs, 2);
	CHECK_STR(got.vs[1].cycle, "reframing");
	CHECK_STR(got.summary, "A slow spring");
	CHECK(got.m.valid);
	CHECK_INT(got.m.members, 8);
	CHECK_INT(got.m.core, 2);
	CHECK_INT(got.m.held, 3);
	CHECK_INT(got.m.window, 180);
	assessment_done(&got);

	/* a second one: the report compares it with the first */
	assessment_done(&a);
	assessment_init(&a);
	a.domain = 3;
	a.community = 3;
	a.practice = 5;
	CHECK_INT(assessment_add(db, &a), COPSE_OK);
	CHECK_INT(health_report(db, NULL, &r), COPSE_OK);
	CHECK_INT(r.last.id, a.id);
	CHECK_INT(r.last.practice, 5);
	CHECK_STR(r.previous.summary, "A slow spring");
	CHECK_INT(r.moved_total, 0);               /* nothing moved since just now */
	health_report_done(&r);
	/* the report of an earlier day knows only what was recorded by then */
	CHECK_INT(health_report(db, "2025-05-20T00:00:00Z", &r), COPSE_OK);
	CHECK_INT(r.last.domain, 2);
	CHECK_INT(r.previous.id, 0);
	CHECK_STR(r.since, "2025-05-15");
	health_report_done(&r);
	assessment_done(&a);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE object = 'assessment'"), 2);
	db_close(db);
}

TEST(level_moves_since_the_last_assessment)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct assessment a;
	struct health_report r;

	build_people(db, &p);
	/* assessed on 2024-11-01: Fay and Ivy were core then */
	at("2024-11-01T00:00:00Z");
	assessment_init(&a);
	a.domain = a.community = a.practice = 3;
	CHECK_INT(assessment_add(db, &a), COPSE_OK);
	assessment_done(&a);
	copse_now_reset();
	CHECK_INT(health_report(db, NULL, &r), COPSE_OK);
	CHECK_STR(r.since, "2024-11-01");
	/* Ana inactive -> core, Ben and Dee inactive -> active, Eve
	 * inactive -> peripheral, Fay core -> peripheral, Ivy and Jo
	 * core -> no level (alumni) */
	CHECK_INT(r.moved_total, 7);
	CHECK_STR(r.moves[0].name, "Ana");
	CHECK_INT(r.moves[0].from, LEVEL_INACTIVE);
	CHECK_INT(r.moves[0].to, LEVEL_CORE);
	CHECK_STR(r.moves[3].name, "Fay");
	CHECK_INT(r.moves[3].from, LEVEL_CORE);
	CHECK_INT(r.moves[3].to, LEVEL_PERIPHERAL);
	CHECK_STR(r.moves[4].name, "Eve");
	CHECK_INT(r.moves[6].to, LEVEL_NONE);
	health_report_done(&r);
	db_close(db);
}

/* The Members list shows an active member's level, the others' status
 * (never a past role), counted for the rows read; its filter finds it. */
TEST(the_members_list_shows_the_level)
{
	struct db *db = fixture_db("cora");
	struct people p;
	struct page_req r = { NULL, 1, 0, 20 };
	struct member *m = NULL;
	size_t n = 0;
	int64_t c = 0;

	build_people(db, &p);
	CHECK_INT(member_page(db, NULL, &r, &m, &n), COPSE_OK);
	CHECK_INT(n, 10);
	for (size_t i = 0; i < n; i++) {
		if (m[i].id == p.fay)
			CHECK_INT(m[i].level, LEVEL_PERIPHERAL);
		if (m[i].id == p.jo)                  /* core role, but alumni */
			CHECK_INT(m[i].level, LEVEL_NONE);
		if (m[i].id == p.gus)
			CHECK_INT(m[i].level, LEVEL_INACTIVE);
	}
	member_list_free(m, n);
	/* "peripheral" finds Eve and Fay, "alumni" Ivy and Jo */
	CHECK_INT(member_count(db, "peripheral", NULL, &c), COPSE_OK);
	CHECK_INT(c, 2);
	CHECK_INT(member_count(db, "alumni", NULL, &c), COPSE_OK);
	CHECK_INT(c, 2);
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
	RUN(each_level_rule_with_its_explanation);
	RUN(the_mix_counts_what_the_levels_say);
	RUN(levels_at_an_earlier_date);
	RUN(the_window_is_a_setting);
	RUN(reading_the_health_writes_nothing);
	RUN(funnel_from_the_status_log);
	RUN(report_meetings_actions_topics_trends);
	RUN(assessment_scores_out_of_range_are_refused);
	RUN(assessment_keeps_metrics_levels_and_compares);
	RUN(level_moves_since_the_last_assessment);
	RUN(the_members_list_shows_the_level);
	return harness_done();
}
