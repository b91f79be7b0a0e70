/* test_page.c - long lists read by the screenful (page.h): each read
 * continues exactly where the last stopped, forwards and backwards, in
 * the order the whole list has (titles and names ignoring case and
 * accents, as COLLATE FOLD); counts and positions come from the store;
 * the filter is the store's; the sort keys follow every write. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/exchange.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/trash.h"
#include "fixture.h"
#include "harness.h"

static int64_t add_entry(struct db *db, const char *title, const char *status)
{
	struct entry e;
	int64_t id;

	entry_init(&e);
	e.title = xstrdup(title);
	e.body = xstrdup("body");
	e.status = status ? xstrdup(status) : NULL;
	if (entry_add(db, &e) != COPSE_OK)
		FAILF("entry_add(%s): %s", title, db_error(db));
	id = e.id;
	entry_done(&e);
	return id;
}

/* The ids of the whole list, read n at a time forwards (dir 1) or
 * backwards (dir -1, then put in the list's order), each read starting
 * from the key of the last row read.  Returns how many. */
static size_t read_all(struct db *db, const struct entry_filter *f, int dir, size_t n,
		       int64_t *ids, size_t max)
{
	struct page_key key;
	size_t got = 0;

	page_key_init(&key);
	for (;;) {
		struct page_req r = { got ? &key : NULL, dir, 0, n };
		struct entry *e = NULL;
		size_t k = 0;

		if (entry_page(db, f, &r, &e, &k) != COPSE_OK) {
			FAILF("entry_page: %s", db_error(db));
			break;
		}
		for (size_t i = 0; i < k && got < max; i++)
			ids[got++] = e[i].id;
		if (k)
			entry_key(f, &e[k - 1], &key);
		entry_list_free(e, k);
		if (k < n)
			break;
	}
	page_key_done(&key);
	if (dir < 0)
		for (size_t i = 0; i < got / 2; i++) {
			int64_t t = ids[i];
			ids[i] = ids[got - 1 - i];
			ids[got - 1 - i] = t;
		}
	return got;
}

static const char *const titles[] = {
	"zeta", "Émile", "emile", "Apple", "apple", "Łukasz", "lukas", "山田",
	"Beta", "beta", "Zoë", "Zora", "Œuvre", "Oeuvre", "a", "A b",
};

TEST(entry_pages_run_in_the_fold_order_both_ways)
{
	struct db *db = fixture_db("ann");
	struct entry *all = NULL;
	size_t nall = 0, nt = ARRAY_SIZE(titles);
	int64_t fwd[64], back[64], n;

	for (size_t i = 0; i < nt; i++)
		add_entry(db, titles[i], NULL);
	add_entry(db, "Old news", "retired");
	/* the order of the whole list, as entry_list (COLLATE FOLD) gives it */
	CHECK_INT(entry_list(db, NULL, &all, &nall), COPSE_OK);
	CHECK_INT(nall, nt);
	for (size_t step = 1; step <= 4; step++) {
		CHECK_INT(read_all(db, NULL, 1, step, fwd, 64), nall);
		CHECK_INT(read_all(db, NULL, -1, step, back, 64), nall);
		for (size_t i = 0; i < nall; i++) {
			if (fwd[i] != all[i].id)
				FAILF("step %zu: forwards, row %zu is %lld, not %s", step, i,
				      (long long)fwd[i], all[i].title);
			if (back[i] != all[i].id)
				FAILF("step %zu: backwards, row %zu is %lld, not %s", step, i,
				      (long long)back[i], all[i].title);
		}
	}
	CHECK_INT(entry_count(db, NULL, NULL, &n), COPSE_OK);
	CHECK_INT(n, nall);
	/* a row's position is the count before its key; incl starts at it */
	for (size_t i = 0; i < nall; i++) {
		struct page_key k;
		struct page_req r = { &k, 1, 1, 1 };
		struct entry *e = NULL;
		size_t ne = 0;

		page_key_init(&k);
		entry_key(NULL, &all[i], &k);
		CHECK_INT(entry_count(db, NULL, &k, &n), COPSE_OK);
		CHECK_INT(n, i);
		CHECK_INT(entry_page(db, NULL, &r, &e, &ne), COPSE_OK);
		CHECK(ne == 1 && e[0].id == all[i].id);
		/* a list row has no body */
		CHECK(ne == 1 && strcmp(e[0].body, "") == 0);
		entry_list_free(e, ne);
		page_key_done(&k);
	}
	entry_list_free(all, nall);
	db_close(db);
}

TEST(entry_filter_is_the_stores_and_ignores_case_and_accents)
{
	struct db *db = fixture_db("ann");
	struct entry_filter f = { .query = "EMILE" };
	struct entry e;
	int64_t ids[16], n, tagged;

	for (size_t i = 0; i < ARRAY_SIZE(titles); i++)
		add_entry(db, titles[i], NULL);
	CHECK_INT(read_all(db, &f, 1, 1, ids, 16), 2);
	CHECK_INT(entry_count(db, &f, NULL, &n), COPSE_OK);
	CHECK_INT(n, 2);
	/* "œ" folds as "o": a piece of a folded title is found as folded */
	f.query = "œuvre";
	CHECK_INT(entry_count(db, &f, NULL, &n), COPSE_OK);
	CHECK_INT(n, 1);
	/* as entry_list: a tag ("#" only tags) or the author ("@") */
	entry_init(&e);
	e.title = xstrdup("Unfinished");
	e.body = xstrdup("");
	strv_push(&e.tags, "listening");
	db_set_login(db, "bob");
	CHECK_INT(entry_add(db, &e), COPSE_OK);
	tagged = e.id;
	entry_done(&e);
	f.query = "#listen";
	CHECK_INT(read_all(db, &f, 1, 5, ids, 16), 1);
	CHECK_INT(ids[0], tagged);
	f.query = "@bob";
	CHECK_INT(entry_count(db, &f, NULL, &n), COPSE_OK);
	CHECK_INT(n, 1);
	f.query = "nothing like it";
	CHECK_INT(entry_count(db, &f, NULL, &n), COPSE_OK);
	CHECK_INT(n, 0);
	db_close(db);
}

/* Every order of entry_list, by the screenful, is entry_list's. */
TEST(entry_pages_in_every_order)
{
	struct db *db = fixture_db("ann");
	char now[32];

	for (size_t i = 0; i < ARRAY_SIZE(titles); i++) {
		int64_t id;

		snprintf(now, sizeof now, "2025-03-0%zuT09:00:00Z", 1 + i % 3);
		setenv("COPSE_NOW", now, 1);
		id = add_entry(db, titles[i], NULL);
		for (size_t u = 0; u < i % 4; u++)
			entry_use_add(db, id, NULL, NULL);
	}
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	for (int sort = ENTRY_SORT_TITLE; sort <= ENTRY_SORT_USED; sort++) {
		struct entry_filter f = { .sort = sort };
		struct entry *all = NULL;
		size_t nall = 0;
		int64_t fwd[32], back[32];

		CHECK_INT(entry_list(db, &f, &all, &nall), COPSE_OK);
		CHECK_INT(read_all(db, &f, 1, 3, fwd, 32), nall);
		CHECK_INT(read_all(db, &f, -1, 2, back, 32), nall);
		for (size_t i = 0; i < nall; i++)
			if (fwd[i] != all[i].id || back[i] != all[i].id)
				FAILF("sort %d: row %zu is %lld / %lld, not %s", sort, i,
				      (long long)fwd[i], (long long)back[i], all[i].title);
		entry_list_free(all, nall);
	}
	db_close(db);
}

TEST(the_sort_key_follows_every_write)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct buf json;
	int64_t id = add_entry(db, "Zulu", NULL), ids[8];

	add_entry(db, "mike", NULL);
	/* a new title sorts where it belongs */
	entry_init(&e);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	free(e.title);
	e.title = xstrdup("Álpha");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(read_all(db, NULL, 1, 5, ids, 8), 2);
	CHECK_INT(ids[0], id);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE title_key = 'alpha'"), 1);
	/* back from the trash, with its key */
	CHECK_INT(entry_delete(db, id), COPSE_OK);
	CHECK_INT(trash_restore(db, "entry", id), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE title_key = 'alpha'"), 1);
	/* an import makes the keys again (they are not exported) */
	buf_init(&json);
	CHECK_INT(exchange_export_json(db, &json), COPSE_OK);
	CHECK(json.s && !strstr(json.s, "title_key") && !strstr(json.s, "name_key"));
	{
		struct db *db2 = fixture_db("ann");

		CHECK_INT(exchange_import_json(db2, json.s, json.len), COPSE_OK);
		CHECK_INT(count(db2, "SELECT count(*) FROM entry WHERE title_key IS NULL"
				" OR title_key <> lower(title)"), 1);   /* Álpha */
		CHECK_INT(count(db2, "SELECT count(*) FROM entry WHERE title_key = 'alpha'"), 1);
		db_close(db2);
	}
	buf_done(&json);
	db_close(db);
}

TEST(recent_entries_are_the_last_changed)
{
	struct db *db = fixture_db("ann");
	struct entry *e = NULL;
	size_t n = 0;
	char now[32];

	for (int i = 0; i < 8; i++) {
		snprintf(now, sizeof now, "2025-03-0%dT09:00:00Z", 1 + i % 4);
		setenv("COPSE_NOW", now, 1);
		add_entry(db, i == 7 ? "Old" : i == 6 ? "Gone" : "Entry", i == 6 ? "retired" : NULL);
	}
	unsetenv("COPSE_NOW");
	CHECK_INT(entry_recent(db, 5, &e, &n), COPSE_OK);
	CHECK_INT(n, 5);
	/* newest first, the later id first on the same time, retired left out */
	if (n == 5) {
		CHECK_STR(e[0].updated, "2025-03-04T09:00:00Z");
		CHECK_STR(e[0].title, "Old");
		CHECK_INT(e[1].id, 4);
		CHECK_STR(e[2].updated, "2025-03-03T09:00:00Z");
		CHECK_INT(e[2].id, 3);
		CHECK_INT(e[3].id, 6);
	}
	entry_list_free(e, n);
	db_close(db);
}

static int64_t add_member(struct db *db, const char *name, const char *handle,
			  const char *role)
{
	struct member m;
	int64_t id;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = handle ? xstrdup(handle) : NULL;
	m.role = role ? xstrdup(role) : NULL;
	if (member_add(db, &m) != COPSE_OK)
		FAILF("member_add(%s): %s", name, db_error(db));
	id = m.id;
	member_done(&m);
	return id;
}

TEST(member_pages_and_filter)
{
	struct db *db = fixture_db("ann");
	struct member *all = NULL, *m = NULL;
	struct page_key k;
	size_t nall = 0, n = 0;
	int64_t c, maren;

	add_member(db, "Zoë 山田", "zoe", NULL);
	add_member(db, "zora", NULL, NULL);
	add_member(db, "Łukasz Nowak", "lukasz", NULL);
	maren = add_member(db, "Maren Holt", "maren", "coordinator");
	add_member(db, "amara", "amara", NULL);
	add_member(db, "Amara", "amara2", NULL);
	CHECK_INT(member_list(db, NULL, &all, &nall), COPSE_OK);
	page_key_init(&k);
	/* two by two, forwards, as member_list orders */
	for (size_t i = 0; i < nall; i += 2) {
		struct page_req r = { i ? &k : NULL, 1, 0, 2 };

		CHECK_INT(member_page(db, NULL, &r, &m, &n), COPSE_OK);
		for (size_t j = 0; j < n; j++)
			if (m[j].id != all[i + j].id)
				FAILF("row %zu: %s, expected %s", i + j, m[j].name, all[i + j].name);
		if (n)
			member_key(&m[n - 1], &k);
		member_list_free(m, n);
	}
	CHECK_INT(member_count(db, NULL, NULL, &c), COPSE_OK);
	CHECK_INT(c, nall);
	/* the filter: the name ignoring accents, the handle, the role shown */
	CHECK_INT(member_count(db, "lukasz", NULL, &c), COPSE_OK);
	CHECK_INT(c, 1);
	CHECK_INT(member_count(db, "zoe", NULL, &c), COPSE_OK);
	CHECK_INT(c, 1);
	CHECK_INT(member_count(db, "coordinator", NULL, &c), COPSE_OK);
	CHECK_INT(c, 1);
	{
		struct page_req r = { NULL, 1, 0, 5 };

		CHECK_INT(member_page(db, "COORD", &r, &m, &n), COPSE_OK);
		CHECK(n == 1 && m[0].id == maren);
		member_list_free(m, n);
	}
	/* backwards from the end: the last one first */
	{
		struct page_req r = { NULL, -1, 0, 1 };

		CHECK_INT(member_page(db, NULL, &r, &m, &n), COPSE_OK);
		CHECK(n == 1 && m[0].id == all[nall - 1].id);
		member_list_free(m, n);
	}
	page_key_done(&k);
	member_list_free(all, nall);
	db_close(db);
}

static int64_t add_meeting(struct db *db, const char *title, const char *starts,
			   const char *status)
{
	struct meeting m;
	int64_t id;

	memset(&m, 0, sizeof m);
	m.title = xstrdup(title);
	m.starts = xstrdup(starts);
	m.status = xstrdup(status);
	if (meeting_add(db, &m) != COPSE_OK)
		FAILF("meeting_add(%s): %s", title, db_error(db));
	id = m.id;
	meeting_done(&m);
	return id;
}

/* The titles of a part, all at once, joined by commas. */
static void part_titles(struct db *db, enum meeting_part part, const char *q, char *out,
			size_t size)
{
	struct page_req r = { NULL, 1, 0, 100 };
	struct meeting *m = NULL;
	size_t n = 0;

	out[0] = '\0';
	if (meeting_page(db, part, q, &r, &m, &n) != COPSE_OK)
		FAILF("meeting_page: %s", db_error(db));
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? "," : "", m[i].title);
	meeting_list_free(m, n);
}

TEST(meeting_parts_on_now_upcoming_past)
{
	struct db *db = fixture_db("ann");
	char got[256];
	int64_t n;

	add_meeting(db, "Last year", "2024-03-01T18:00:00Z", "held");
	add_meeting(db, "Last month", "2025-02-01T18:00:00Z", "held");
	add_meeting(db, "Skipped", "2025-02-15T18:00:00Z", "cancelled");
	add_meeting(db, "Now", "2025-03-01T11:00:00Z", "planned");
	add_meeting(db, "Over today", "2025-03-01T08:00:00Z", "planned");
	add_meeting(db, "Soon", "2025-03-01T12:20:00Z", "planned");
	add_meeting(db, "Later", "2025-04-01T18:00:00Z", "planned");
	setenv("COPSE_NOW", "2025-03-01T12:00:00Z", 1);
	part_titles(db, MEETING_ON_NOW_PART, NULL, got, sizeof got);
	CHECK_STR(got, "Now");
	part_titles(db, MEETING_UPCOMING, NULL, got, sizeof got);
	CHECK_STR(got, "Soon,Later");
	part_titles(db, MEETING_PAST, NULL, got, sizeof got);
	CHECK_STR(got, "Over today,Skipped,Last month,Last year");
	/* the filter: title, date, an unusual status */
	part_titles(db, MEETING_PAST, "2025-02", got, sizeof got);
	CHECK_STR(got, "Skipped,Last month");
	part_titles(db, MEETING_PAST, "cancel", got, sizeof got);
	CHECK_STR(got, "Skipped");
	part_titles(db, MEETING_PAST, "held", got, sizeof got);
	CHECK_STR(got, "");
	CHECK_INT(meeting_count(db, MEETING_PAST, NULL, NULL, &n), COPSE_OK);
	CHECK_INT(n, 4);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(actions_counted_and_limited)
{
	struct db *db = fixture_db("ann");
	struct action_filter f;
	struct action *a = NULL;
	size_t n = 0;
	int64_t c, mid = add_meeting(db, "M", "2025-02-01T18:00:00Z", "held");

	for (int i = 0; i < 6; i++) {
		struct action act;
		int64_t id;
		char due[16];

		action_init(&act);
		act.title = xstrdup("do it");
		act.meeting_id = mid;
		snprintf(due, sizeof due, "2025-02-2%d", i);
		act.due = i < 5 ? xstrdup(due) : NULL;
		if (action_add(db, &act) != COPSE_OK)
			FAILF("action_add: %s", db_error(db));
		id = act.id;
		action_done(&act);
		if (i == 0)
			action_set_done(db, id, 1);
	}
	memset(&f, 0, sizeof f);
	f.open_only = 1;
	CHECK_INT(action_count(db, &f, &c), COPSE_OK);
	CHECK_INT(c, 5);
	f.due_before = "2025-02-23";
	CHECK_INT(action_count(db, &f, &c), COPSE_OK);
	CHECK_INT(c, 2);
	f.due_before = NULL;
	f.limit = 3;
	CHECK_INT(action_list(db, &f, &a, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK_STR(a[0].due, "2025-02-21");
	action_list_free(a, n);
	db_close(db);
}

TEST(topic_pages_by_votes_then_newest)
{
	struct db *db = fixture_db("ann");
	struct topic *all = NULL;
	size_t nall = 0;
	const char *who[] = { "ann", "bob", "cy" };
	char now[32];
	int64_t n;

	for (int i = 0; i < 7; i++) {
		struct topic t;

		memset(&t, 0, sizeof t);
		t.title = xstrdup(i == 3 ? "Café talk" : "Topic");
		snprintf(now, sizeof now, "2025-03-0%dT09:00:00Z", 1 + i % 2);
		setenv("COPSE_NOW", now, 1);
		if (topic_add(db, &t) != COPSE_OK)
			FAILF("topic_add: %s", db_error(db));
		for (int v = 0; v < i % 3; v++) {
			db_set_login(db, who[v]);
			topic_vote(db, t.id);
		}
		db_set_login(db, "ann");
		topic_done(&t);
	}
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	CHECK_INT(topic_list(db, NULL, &all, &nall), COPSE_OK);
	for (size_t step = 1; step <= 3; step++) {
		struct page_key k;
		size_t got = 0;

		page_key_init(&k);
		for (;;) {
			struct page_req r = { got ? &k : NULL, 1, 0, step };
			struct topic *t = NULL;
			size_t nt = 0;

			CHECK_INT(topic_page(db, NULL, &r, &t, &nt), COPSE_OK);
			for (size_t i = 0; i < nt; i++, got++)
				if (got >= nall || t[i].id != all[got].id)
					FAILF("step %zu: row %zu is topic %lld", step, got,
					      (long long)t[i].id);
			if (nt)
				topic_key(&t[nt - 1], &k);
			topic_list_free(t, nt);
			if (nt < step)
				break;
		}
		CHECK_INT(got, nall);
		page_key_done(&k);
	}
	CHECK_INT(topic_count(db, "cafe", NULL, &n), COPSE_OK);
	CHECK_INT(n, 1);
	topic_list_free(all, nall);
	db_close(db);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	RUN(entry_pages_run_in_the_fold_order_both_ways);
	RUN(entry_filter_is_the_stores_and_ignores_case_and_accents);
	RUN(entry_pages_in_every_order);
	RUN(the_sort_key_follows_every_write);
	RUN(recent_entries_are_the_last_changed);
	RUN(member_pages_and_filter);
	RUN(meeting_parts_on_now_upcoming_past);
	RUN(actions_counted_and_limited);
	RUN(topic_pages_by_votes_then_newest);
	return harness_done();
}
