/* test_demo.c - the demo community a new user sees first.
 *
 * On ":memory:" with COPSE_NOW fixed: demo_populate fills an empty
 * database with members at every stage, half a year of meetings, a linked
 * repertoire and topics with votes; every [[wiki link]] resolves; a second
 * run is refused; a failure half-way leaves nothing behind.
 */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/db.h"
#include "copse/demo.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

#define NOW "2025-06-15T12:00:00Z"
#define TODAY "2025-06-15"

/* A populated database shared by the read-only tests. */
static struct db *demo_db(void)
{
	static struct db *db;
	static int tried;

	if (!tried) {
		tried = 1;
		db = fixture_db("tester");
		if (db && demo_populate(db) != COPSE_OK) {
			printf("# demo_populate: %s\n", db_error(db));
			db_close(db);
			db = NULL;
		}
	}
	return db;
}

TEST(populates_and_restores_login_and_clock)
{
	struct db *db = fixture_db("tester");
	char *name = NULL;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(db_is_empty(db));
	CHECK_INT(demo_populate(db), COPSE_OK);
	CHECK(!db_is_empty(db));
	CHECK_INT(db_meta_get(db, "name", &name), COPSE_OK);
	CHECK_STR(name, "Daily Nonviolent Living");
	/* It wrote as many people, but the caller is still the caller ... */
	CHECK_STR(db_login(db), "tester");
	/* ... and "now" is the test's now again, COPSE_NOW untouched. */
	CHECK_STR(getenv("COPSE_NOW"), NOW);
	{
		char iso[ISO_LEN];

		time_now_iso(iso);
		CHECK_STR(iso, NOW);
	}
	free(name);
	db_close(db);
}

TEST(members_at_every_stage)
{
	struct db *db = demo_db();
	struct member *v = NULL;
	size_t n = 0;
	int prospect = 0, invited = 0, active = 0, alumni = 0, coordinator = 0;
	int non_ascii = 0, with_tags = 0, with_dev_notes = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(member_list(db, NULL, &v, &n), COPSE_OK);
	CHECK(n >= 12);
	for (size_t i = 0; i < n; i++) {
		const char *s = v[i].status;

		prospect += strcmp(s, "prospect") == 0;
		invited += strcmp(s, "invited") == 0;
		active += strcmp(s, "active") == 0;
		alumni += strcmp(s, "alumni") == 0;
		coordinator += strcmp(v[i].role, "coordinator") == 0;
		for (const char *p = v[i].name; *p; p++)
			if ((unsigned char)*p >= 0x80) {
				non_ascii++;
				break;
			}
		with_tags += v[i].expertise.n + v[i].interest.n > 0;
		with_dev_notes += strstr(v[i].bio, "## Development notes") != NULL;
	}
	CHECK(prospect >= 2);
	CHECK(invited >= 1);
	CHECK(active >= 6);
	CHECK(alumni >= 2);
	CHECK_INT(coordinator, 1);
	CHECK(non_ascii >= 3);
	CHECK_INT(with_tags, (int)n);
	CHECK(with_dev_notes >= 8);
	member_list_free(v, n);

	/* Names with wide characters survive the round trip. */
	{
		struct member m;

		member_init(&m);
		CHECK_INT(member_find(db, "hanako", &m), COPSE_OK);
		CHECK_STR(m.name, "山田 花子 (Hanako Yamada)");
		member_done(&m);
	}
}

/* Two active members who share a tag and have no connection: what Home's
 * "suggested introductions" is made of.  The demo must offer some. */
TEST(connections_leave_introductions_to_suggest)
{
	struct db *db = demo_db();
	struct member *v = NULL;
	struct connection *c = NULL;
	size_t n = 0, nc = 0;
	int pairs = 0, by_coordinator = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(member_connections(db, 0, &c, &nc), COPSE_OK);
	CHECK(nc >= 4);
	for (size_t i = 0; i < nc; i++)
		by_coordinator += strcmp(c[i].by, "maren") == 0;
	CHECK_INT(by_coordinator, (int)nc);
	CHECK_INT(member_list(db, &(struct member_filter){ .status = "active" }, &v, &n),
		  COPSE_OK);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			int shared = 0, linked = 0;
			struct strv *a[2] = { &v[i].expertise, &v[i].interest };
			struct strv *b[2] = { &v[j].expertise, &v[j].interest };

			for (int x = 0; x < 2; x++)
				for (size_t k = 0; k < a[x]->n; k++)
					shared |= strv_contains(b[0], a[x]->v[k]) ||
						  strv_contains(b[1], a[x]->v[k]);
			for (size_t k = 0; k < nc; k++)
				linked |= (c[k].a == v[i].id && c[k].b == v[j].id) ||
					  (c[k].a == v[j].id && c[k].b == v[i].id);
			pairs += shared && !linked;
		}
	printf("# %d suggested introductions among %zu active members\n", pairs, n);
	CHECK(pairs >= 3);
	member_list_free(v, n);
	connection_list_free(c, nc);
}

TEST(half_a_year_of_meetings)
{
	struct db *db = demo_db();
	struct meeting *v = NULL, next;
	size_t n = 0;
	int held = 0, cancelled = 0, planned = 0, upcoming = 0;
	time_t now = copse_now(), first = now;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(meeting_list(db, NULL, &v, &n), COPSE_OK);
	CHECK(n >= 12);
	for (size_t i = 0; i < n; i++) {
		time_t t = 0;

		CHECK_INT(time_parse(v[i].starts, &t), 0);
		if (t < first)
			first = t;
		held += strcmp(v[i].status, "held") == 0;
		cancelled += strcmp(v[i].status, "cancelled") == 0;
		planned += strcmp(v[i].status, "planned") == 0;
		upcoming += t > now;
		/* Past meetings were held (or cancelled); the future is planned. */
		if (t < now)
			CHECK(strcmp(v[i].status, "planned") != 0);
		else
			CHECK_STR(v[i].status, "planned");
		CHECK(strstr(v[i].agenda, "## Agenda") != NULL);
	}
	CHECK(held >= 10);
	CHECK_INT(cancelled, 1);
	CHECK(planned >= 1 && planned <= 2);
	CHECK_INT(upcoming, planned);
	/* About half a year back from COPSE_NOW. */
	CHECK((now - first) / 86400 >= 150 && (now - first) / 86400 <= 200);
	CHECK_INT(meeting_next(db, &next), COPSE_OK);
	CHECK_STR(next.title, "Apologies that land");
	meeting_done(&next);
	meeting_list_free(v, n);
}

TEST(attendance_and_minutes)
{
	struct db *db = demo_db();
	struct meeting *v = NULL;
	size_t n = 0;
	int kinds[3] = { 0 }, past_marked = 0, future_replies = 0;
	struct strv authors;

	CHECK(db != NULL);
	if (!db)
		return;
	strv_init(&authors);
	CHECK_INT(meeting_list(db, NULL, &v, &n), COPSE_OK);
	for (size_t i = 0; i < n; i++) {
		struct attendance *a = NULL;
		struct note *nv = NULL;
		size_t na = 0, nn = 0;

		CHECK_INT(attend_list(db, v[i].id, &a, &na), COPSE_OK);
		for (size_t k = 0; k < na; k++) {
			int past = strcmp(v[i].status, "held") == 0;
			int mark = strcmp(a[k].status, "attended") == 0 ||
				   strcmp(a[k].status, "absent") == 0;

			CHECK(past == mark);
			past_marked += past;
			future_replies += !past;
		}
		if (strcmp(v[i].status, "held") == 0)
			CHECK(v[i].n_attended >= 5);
		CHECK_INT(note_list(db, v[i].id, &nv, &nn), COPSE_OK);
		if (strcmp(v[i].status, "held") == 0)
			CHECK(nn >= 3);
		for (size_t k = 0; k < nn; k++) {
			kinds[0] += strcmp(nv[k].kind, "note") == 0;
			kinds[1] += strcmp(nv[k].kind, "decision") == 0;
			kinds[2] += strcmp(nv[k].kind, "question") == 0;
			if (!strv_contains(&authors, nv[k].author))
				strv_push(&authors, nv[k].author);
		}
		attendance_list_free(a, na);
		note_list_free(nv, nn);
	}
	CHECK(past_marked >= 80);
	CHECK(future_replies >= 10);
	CHECK(kinds[0] >= 10 && kinds[1] >= 10 && kinds[2] >= 5);
	CHECK(authors.n >= 5);
	CHECK(!strv_contains(&authors, "tester"));
	strv_done(&authors);
	meeting_list_free(v, n);
}

TEST(action_items_done_open_overdue_and_carried)
{
	struct db *db = demo_db();
	struct action *v = NULL;
	struct meeting *past = NULL;
	size_t n = 0, np = 0;
	int done = 0, open = 0, overdue = 0, carried = 0, owners = 0;
	int64_t last_held = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	/* The most recent held meeting: open actions from before it are the
	 * ones the next meeting carries over. */
	CHECK_INT(meeting_list(db, &(struct meeting_filter){ .upcoming = -1 }, &past, &np),
		  COPSE_OK);
	for (size_t i = 0; i < np && !last_held; i++)
		if (strcmp(past[i].status, "held") == 0)
			last_held = past[i].id;
	CHECK(last_held > 0);
	CHECK_INT(action_list(db, NULL, &v, &n), COPSE_OK);
	CHECK(n >= 15);
	for (size_t i = 0; i < n; i++) {
		owners += v[i].owner_id > 0;
		if (v[i].done) {
			done++;
			continue;
		}
		open++;
		if (v[i].due && strcmp(v[i].due, TODAY) < 0)
			overdue++;
		if (v[i].meeting_id && v[i].meeting_id != last_held)
			carried++;
	}
	CHECK_INT(owners, (int)n);
	CHECK(done >= 8);
	CHECK(open >= 4);
	CHECK(overdue >= 2 && overdue <= 4);
	CHECK(carried >= 3);
	action_list_free(v, n);
	meeting_list_free(past, np);
}

TEST(repertoire_of_every_kind_in_real_markdown)
{
	static const char *const kinds[] = { ENTRY_KINDS };
	struct db *db = demo_db();
	struct entry *v = NULL;
	size_t n = 0;
	int per_kind[ARRAY_SIZE(kinds)] = { 0 };
	int fenced = 0, quoted = 0, numbered = 0, nested = 0, strong = 0, urls = 0;
	int wide = 0, emoji = 0, harvested = 0, revised = 0, drafts = 0;
	struct strv authors;

	CHECK(db != NULL);
	if (!db)
		return;
	strv_init(&authors);
	CHECK_INT(entry_list(db, NULL, &v, &n), COPSE_OK);
	CHECK(n >= 15);
	for (size_t i = 0; i < n; i++) {
		const char *b = v[i].body;
		struct revision *r = NULL;
		size_t nr = 0;

		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			per_kind[k] += strcmp(v[i].kind, kinds[k]) == 0;
		CHECK(strncmp(b, "# ", 2) == 0);
		CHECK(strstr(b, "\n## ") != NULL);
		CHECK(strlen(b) >= 800);
		CHECK(v[i].tags.n >= 2);
		fenced += strstr(b, "\n```") != NULL;
		quoted += strstr(b, "\n> ") != NULL;
		numbered += strstr(b, "\n1. ") != NULL;
		nested += strstr(b, "\n  - ") != NULL || strstr(b, "\n   - ") != NULL;
		strong += strstr(b, "**") != NULL;
		urls += strstr(b, "](http") != NULL;
		wide += strstr(b, "聴") != NULL;
		for (const char *p = b; *p; p++)
			if ((unsigned char)*p >= 0xF0) {
				emoji++;
				break;
			}
		harvested += v[i].source_meeting_id > 0 && v[i].source_note_id > 0;
		drafts += strcmp(v[i].status, "draft") == 0;
		if (!strv_contains(&authors, v[i].author))
			strv_push(&authors, v[i].author);
		CHECK_INT(entry_history(db, v[i].id, &r, &nr), COPSE_OK);
		CHECK_INT(nr, v[i].version);
		revised += nr >= 2;
		revision_list_free(r, nr);
	}
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		if (per_kind[k] < 2)
			printf("# only %d entries of kind %s\n", per_kind[k], kinds[k]);
		CHECK(per_kind[k] >= 2);
	}
	CHECK(fenced >= 2);
	CHECK(quoted >= 5);
	CHECK(numbered >= 8);
	CHECK(nested >= 3);
	CHECK(strong >= 10);
	CHECK(urls >= 1);
	CHECK(wide >= 1);
	CHECK(emoji >= 1);
	CHECK_INT(harvested, 1);
	CHECK(revised >= 3);
	CHECK_INT(drafts, 1);
	CHECK(authors.n >= 5);
	strv_done(&authors);
	entry_list_free(v, n);
}

/* Every [[Title]] in every entry and topic body names an existing entry. */
static int check_links(struct db *db, const char *body, const char *where, int *total)
{
	const char *p = body;
	int bad = 0;

	while ((p = strstr(p, "[[")) != NULL) {
		const char *end = strstr(p + 2, "]]");
		char *title;
		struct entry e;

		if (!end) {
			printf("# %s: unclosed [[\n", where);
			return bad + 1;
		}
		title = xstrndup(p + 2, (size_t)(end - p - 2));
		entry_init(&e);
		if (entry_find_title(db, title, &e) != COPSE_OK) {
			printf("# %s: [[%s]] does not resolve\n", where, title);
			bad++;
		}
		entry_done(&e);
		free(title);
		(*total)++;
		p = end + 2;
	}
	return bad;
}

TEST(every_wiki_link_resolves)
{
	struct db *db = demo_db();
	struct entry *v = NULL;
	struct topic *t = NULL;
	size_t n = 0, nt = 0;
	int total = 0, bad = 0, orphans = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(entry_list(db, NULL, &v, &n), COPSE_OK);
	for (size_t i = 0; i < n; i++) {
		struct entry *back = NULL;
		size_t nb = 0;

		bad += check_links(db, v[i].body, v[i].title, &total);
		/* The repertoire is a web: every entry is linked from another. */
		CHECK_INT(entry_backlinks(db, v[i].title, &back, &nb), COPSE_OK);
		if (nb == 0) {
			printf("# no entry links to %s\n", v[i].title);
			orphans++;
		}
		entry_list_free(back, nb);
	}
	CHECK_INT(topic_list(db, NULL, &t, &nt), COPSE_OK);
	for (size_t i = 0; i < nt; i++)
		bad += check_links(db, t[i].body, t[i].title, &total);
	printf("# %d wiki links\n", total);
	CHECK(total >= 40);
	CHECK_INT(bad, 0);
	CHECK_INT(orphans, 0);
	entry_list_free(v, n);
	topic_list_free(t, nt);
}

TEST(reports_of_use_from_several_people)
{
	struct db *db = demo_db();
	struct entry e;
	struct entry_use *u = NULL;
	size_t nu = 0;
	int64_t total, logins;

	CHECK(db != NULL);
	if (!db)
		return;
	total = count(db, "SELECT count(*) FROM entry_use");
	logins = count(db, "SELECT count(DISTINCT login) FROM entry_use");
	CHECK(total >= 5);
	CHECK(logins >= 4);
	entry_init(&e);
	CHECK_INT(entry_find_title(db, "self-empathy in three breaths", &e), COPSE_OK);
	CHECK(e.uses >= 3);
	CHECK_INT(entry_use_list(db, e.id, &u, &nu), COPSE_OK);
	CHECK_INT(nu, e.uses);
	entry_use_list_free(u, nu);
	entry_done(&e);
}

TEST(topics_with_votes_and_links)
{
	static const char *const statuses[] = { TOPIC_STATUSES };
	struct db *db = demo_db();
	struct topic *v = NULL;
	size_t n = 0;
	int per_status[ARRAY_SIZE(statuses)] = { 0 };
	int votes = 0, linked = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(topic_list(db, NULL, &v, &n), COPSE_OK);
	CHECK(n >= 4);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(statuses); k++)
			per_status[k] += strcmp(v[i].status, statuses[k]) == 0;
		votes += v[i].votes;
		CHECK(v[i].votes >= 2);
		linked += v[i].n_meetings > 0 && v[i].n_entries > 0;
		CHECK(strlen(v[i].body) >= 100);
	}
	for (size_t k = 0; k < ARRAY_SIZE(statuses); k++)
		CHECK(per_status[k] >= 1);
	CHECK(votes >= 15);
	CHECK(linked >= 3);
	/* Most votes first: the apology topic leads. */
	CHECK(n > 0 && v[0].votes >= 6);
	/* The caller ("tester") has voted for nothing. */
	for (size_t i = 0; i < n; i++)
		CHECK_INT(v[i].voted, 0);
	CHECK_INT(count(db, "SELECT count(DISTINCT login) FROM topic_vote") >= 6, 1);
	topic_list_free(v, n);
}

/* Times tell half a year of history, none of it in the future. */
TEST(history_is_spread_over_half_a_year)
{
	struct db *db = demo_db();
	struct activity *v = NULL;
	size_t n = 0;
	time_t now = copse_now(), oldest = now;
	int future = 0;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(activity_list(db, NULL, 0, &v, &n), COPSE_OK);
	CHECK(n >= 150);
	for (size_t i = 0; i < n; i++) {
		time_t t = 0;

		CHECK_INT(time_parse(v[i].at, &t), 0);
		future += t > now;
		if (t < oldest)
			oldest = t;
	}
	CHECK_INT(future, 0);
	CHECK((now - oldest) / 86400 >= 180);
	CHECK_INT(count(db, "SELECT count(DISTINCT login) FROM activity") >= 8, 1);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE at >= '" TODAY "'"), 0);
	activity_list_free(v, n);
}

TEST(refused_on_a_database_that_is_not_empty)
{
	struct db *db = fixture_db("tester");
	struct member m;
	int64_t before;

	CHECK(db != NULL);
	if (!db)
		return;
	member_init(&m);
	m.name = xstrdup("Ada");
	CHECK_INT(member_add(db, &m), COPSE_OK);
	member_done(&m);
	before = count(db, "SELECT count(*) FROM activity");
	CHECK_INT(demo_populate(db), COPSE_INVALID);
	CHECK(strstr(db_error(db), "database is not empty") != NULL);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), before);
	CHECK_STR(db_login(db), "tester");

	/* A second run on the demo itself is refused too, changing nothing. */
	db_close(db);
	db = fixture_db("tester");
	CHECK_INT(demo_populate(db), COPSE_OK);
	before = count(db, "SELECT count(*) FROM activity");
	CHECK_INT(demo_populate(db), COPSE_INVALID);
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), before);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 13);
	/* The refusal left no transaction open: an ordinary write works. */
	CHECK_INT(db_meta_set(db, "name", "Renamed"), COPSE_OK);
	db_close(db);
}

/* One transaction: a verb failing late (here the last entry is refused by
 * a trigger) leaves nothing at all behind, not even the name. */
TEST(a_failure_half_way_leaves_nothing)
{
	struct db *db = fixture_db("tester");
	char *name = NULL;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(sqlite3_exec(db->h,
		"CREATE TEMP TRIGGER no_apologies BEFORE INSERT ON main.entry"
		" WHEN new.title = 'Consequences Instead of Punishment'"
		" BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
		NULL, NULL, NULL), SQLITE_OK);
	CHECK(demo_populate(db) != COPSE_OK);
	printf("# %s\n", db_error(db));
	CHECK(strstr(db_error(db), "demo community not created") != NULL);
	CHECK(db_is_empty(db));
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM connection"), 0);
	CHECK_INT(db_meta_get(db, "name", &name), COPSE_NOTFOUND);
	free(name);
	CHECK_STR(db_login(db), "tester");
	CHECK_STR(getenv("COPSE_NOW"), NOW);

	/* Once the obstacle is gone, the same database takes the demo. */
	CHECK_INT(sqlite3_exec(db->h, "DROP TRIGGER temp.no_apologies", NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK_INT(demo_populate(db), COPSE_OK);
	CHECK(count(db, "SELECT count(*) FROM entry") >= 15);
	db_close(db);
}

/* Without COPSE_NOW the demo is dated from the real clock, and the
 * variable stays unset afterwards. */
TEST(without_copse_now_the_clock_is_left_alone)
{
	struct db *db;
	struct meeting next;

	unsetenv("COPSE_NOW");
	db = fixture_db("tester");
	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(demo_populate(db), COPSE_OK);
	CHECK(getenv("COPSE_NOW") == NULL);
	CHECK_INT(meeting_next(db, &next), COPSE_OK);
	meeting_done(&next);
	db_close(db);
	setenv("COPSE_NOW", NOW, 1);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", NOW, 1);
	setenv("TZ", "UTC", 1);
	RUN(populates_and_restores_login_and_clock);
	RUN(members_at_every_stage);
	RUN(connections_leave_introductions_to_suggest);
	RUN(half_a_year_of_meetings);
	RUN(attendance_and_minutes);
	RUN(action_items_done_open_overdue_and_carried);
	RUN(repertoire_of_every_kind_in_real_markdown);
	RUN(every_wiki_link_resolves);
	RUN(reports_of_use_from_several_people);
	RUN(topics_with_votes_and_links);
	RUN(history_is_spread_over_half_a_year);
	RUN(refused_on_a_database_that_is_not_empty);
	RUN(a_failure_half_way_leaves_nothing);
	RUN(without_copse_now_the_clock_is_left_alone);
	db_close(demo_db());
	return harness_done();
}
