/* test_meeting.c - meetings, attendance, notes, quick lines and actions. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

static int64_t add_member(struct db *db, const char *name, const char *handle)
{
	struct member m;
	int64_t id = 0;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = xstrdup(handle);
	if (member_add(db, &m) == COPSE_OK)
		id = m.id;
	else
		printf("# member_add: %s\n", db_error(db));
	member_done(&m);
	return id;
}

static int64_t add_meeting(struct db *db, const char *title, const char *starts,
			   const char *status)
{
	struct meeting m = { 0 };
	int64_t id = 0;

	m.title = xstrdup(title);
	m.starts = xstrdup(starts);
	m.status = xstrdup(status);
	if (meeting_add(db, &m) == COPSE_OK)
		id = m.id;
	else
		printf("# meeting_add: %s\n", db_error(db));
	meeting_done(&m);
	return id;
}

TEST(meeting_round_trip)
{
	struct db *db = fixture_db("coord");
	struct meeting m = { 0 }, g;

	setenv("COPSE_NOW", "2024-04-01T08:00:00Z", 1);
	m.title = xstrdup("Zoë's 山田 circle: 'quotes'; DROP TABLE meeting;--");
	m.starts = xstrdup("2024-04-10T18:00:00Z");
	m.ends = xstrdup("2024-04-10T19:30:00Z");
	m.location = xstrdup("Library, room 2");
	m.agenda = xstrdup("1. Welcome\n2. **Stories**\n");
	CHECK_INT(meeting_add(db, &m), COPSE_OK);
	CHECK(m.id > 0);
	CHECK_INT(m.version, 1);
	CHECK_STR(m.status, "planned");
	CHECK_INT(meeting_get(db, m.id, &g), COPSE_OK);
	CHECK_STR(g.title, "Zoë's 山田 circle: 'quotes'; DROP TABLE meeting;--");
	CHECK_STR(g.starts, "2024-04-10T18:00:00Z");
	CHECK_STR(g.ends, "2024-04-10T19:30:00Z");
	CHECK_STR(g.location, "Library, room 2");
	CHECK_STR(g.agenda, "1. Welcome\n2. **Stories**\n");
	CHECK_STR(g.status, "planned");
	CHECK_STR(g.created, "2024-04-01T08:00:00Z");
	CHECK_INT(g.n_notes, 0);
	meeting_done(&g);
	meeting_done(&m);
	meeting_done(NULL);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(meeting_validation)
{
	struct db *db = fixture_db("coord");
	struct meeting m = { 0 };

	m.title = xstrdup(" ");
	m.starts = xstrdup("2024-04-10T18:00:00Z");
	CHECK_INT(meeting_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "meeting title: must not be empty");
	meeting_done(&m);

	m.title = xstrdup("T");
	CHECK_INT(meeting_add(db, &m), COPSE_INVALID);
	CHECK(strstr(db_error(db), "meeting start: must be given") != NULL);
	meeting_done(&m);

	m.title = xstrdup("T");
	m.starts = xstrdup("2024-13-01 10:00");
	CHECK_INT(meeting_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "start '2024-13-01 10:00': not a valid time (YYYY-MM-DD HH:MM)");
	meeting_done(&m);

	m.title = xstrdup("T");
	m.starts = xstrdup("2024-04-10T18:00:00Z");
	m.status = xstrdup("maybe");
	CHECK_INT(meeting_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "status 'maybe': must be one of planned|held|cancelled");
	meeting_done(&m);

	m.title = xstrdup("T");
	m.starts = xstrdup("2024-04-10T18:00:00Z");
	m.ends = xstrdup("2024-04-10T17:00:00Z");
	CHECK_INT(meeting_add(db, &m), COPSE_INVALID);
	CHECK(strstr(db_error(db), "before its start") != NULL);
	meeting_done(&m);

	CHECK_INT(count(db, "SELECT count(*) FROM meeting"), 0);
	CHECK_INT(meeting_get(db, 12, &m), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 12: no such meeting");
	db_close(db);
}

TEST(meeting_list_newest_first_and_filters)
{
	struct db *db = fixture_db("coord");
	struct meeting *v = NULL;
	struct meeting_filter f = { 0 };
	size_t n = 0;

	setenv("COPSE_NOW", "2024-05-01T12:00:00Z", 1);
	add_meeting(db, "March circle", "2024-03-01T18:00:00Z", "held");
	add_meeting(db, "June circle", "2024-06-01T18:00:00Z", NULL);
	add_meeting(db, "April circle", "2024-04-01T18:00:00Z", "held");
	CHECK_INT(meeting_list(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].title, "June circle");
		CHECK_STR(v[1].title, "April circle");
		CHECK_STR(v[2].title, "March circle");
	}
	meeting_list_free(v, n);
	f.upcoming = 1;
	CHECK_INT(meeting_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	meeting_list_free(v, n);
	f.upcoming = -1;
	CHECK_INT(meeting_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	meeting_list_free(v, n);
	f.upcoming = 0;
	f.query = "APRIL";
	CHECK_INT(meeting_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].title, "April circle");
	meeting_list_free(v, n);
	meeting_list_free(NULL, 0);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(meeting_next_follows_copse_now)
{
	struct db *db = fixture_db("coord");
	struct meeting m;

	add_meeting(db, "Past", "2024-03-01T18:00:00Z", "held");
	add_meeting(db, "Cancelled", "2024-05-02T18:00:00Z", "cancelled");
	add_meeting(db, "Later", "2024-07-01T18:00:00Z", NULL);
	add_meeting(db, "Soon", "2024-05-10T18:00:00Z", NULL);

	setenv("COPSE_NOW", "2024-05-01T12:00:00Z", 1);
	CHECK_INT(meeting_next(db, &m), COPSE_OK);
	CHECK_STR(m.title, "Soon");
	meeting_done(&m);
	setenv("COPSE_NOW", "2024-05-10T18:00:00Z", 1);   /* at the start: still next */
	CHECK_INT(meeting_next(db, &m), COPSE_OK);
	CHECK_STR(m.title, "Soon");
	meeting_done(&m);
	/* going on (no end: three hours): still the one to go to */
	setenv("COPSE_NOW", "2024-05-10T20:59:00Z", 1);
	CHECK_INT(meeting_next(db, &m), COPSE_OK);
	CHECK_STR(m.title, "Soon");
	meeting_done(&m);
	setenv("COPSE_NOW", "2024-05-10T21:00:00Z", 1);
	CHECK_INT(meeting_next(db, &m), COPSE_OK);
	CHECK_STR(m.title, "Later");
	meeting_done(&m);
	setenv("COPSE_NOW", "2024-05-11T00:00:00Z", 1);
	CHECK_INT(meeting_next(db, &m), COPSE_OK);
	CHECK_STR(m.title, "Later");
	meeting_done(&m);
	setenv("COPSE_NOW", "2025-01-01T00:00:00Z", 1);
	CHECK_INT(meeting_next(db, &m), COPSE_NOTFOUND);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(meeting_update_conflict_and_delete)
{
	struct db *db = fixture_db("coord");
	struct meeting a, b;
	int64_t id = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	int64_t zoe = add_member(db, "Zoë", "zoe");
	struct note n = { 0 };

	CHECK_INT(meeting_get(db, id, &a), COPSE_OK);
	CHECK_INT(meeting_get(db, id, &b), COPSE_OK);
	free(a.status);
	a.status = xstrdup("held");
	CHECK_INT(meeting_update(db, &a), COPSE_OK);
	CHECK_INT(a.version, 2);
	free(b.title);
	b.title = xstrdup("Stale");
	CHECK_INT(meeting_update(db, &b), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "meeting 1: changed by someone else (now version 2)");
	meeting_done(&b);
	CHECK_INT(meeting_get(db, id, &b), COPSE_OK);
	CHECK_STR(b.title, "Circle");
	CHECK_STR(b.status, "held");
	meeting_done(&b);

	n.meeting_id = id;
	n.body = "a note";
	CHECK_INT(note_add(db, &n), COPSE_OK);
	free(n.author); free(n.created); free(n.updated); free(n.kind);
	CHECK_INT(attend_set(db, id, zoe, "attended"), COPSE_OK);
	CHECK_INT(db_exec(db, "INSERT INTO action(title, meeting_id, author, created)"
			  " VALUES ('x', 1, 'coord', '2024-01-01T00:00:00Z')"), COPSE_OK);
	CHECK_INT(meeting_delete(db, id), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM meeting"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM attendance"), 0);
	/* its actions go to the trash with it (trash tests: they come back) */
	CHECK_INT(count(db, "SELECT count(*) FROM action"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM trash WHERE kind = 'meeting'"), 1);
	CHECK_INT(meeting_delete(db, id), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 1: no such meeting");
	a.id = 5;
	CHECK_INT(meeting_update(db, &a), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 5: no such meeting");
	meeting_done(&a);
	db_close(db);
}

/* Agendas keep revisions like entries: the side a merge dropped can
 * still be found.  A refused (stale) save records nothing. */
TEST(agenda_revisions_are_kept)
{
	struct db *db = fixture_db("ann");
	struct meeting a, b;
	struct meeting_revision *r = NULL;
	size_t n = 0;
	int64_t id;

	setenv("COPSE_NOW", "2024-03-01T10:00:00Z", 1);
	id = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	CHECK_INT(meeting_get(db, id, &a), COPSE_OK);
	CHECK_INT(meeting_get(db, id, &b), COPSE_OK);
	free(a.agenda);
	a.agenda = xstrdup("1. Ann's plan\n");
	setenv("COPSE_NOW", "2024-03-01T10:05:00Z", 1);
	CHECK_INT(meeting_update(db, &a), COPSE_OK);
	free(b.agenda);
	b.agenda = xstrdup("1. Bob's plan\n");
	db_set_login(db, "bob");
	CHECK_INT(meeting_update(db, &b), COPSE_CONFLICT);
	b.version = a.version;     /* Bob merged and kept only his side */
	CHECK_INT(meeting_update(db, &b), COPSE_OK);
	CHECK_INT(meeting_history(db, id, &r, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(r[0].version, 3);
		CHECK_STR(r[0].agenda, "1. Bob's plan\n");
		CHECK_STR(r[0].author, "bob");
		CHECK_INT(r[1].version, 2);
		CHECK_STR(r[1].agenda, "1. Ann's plan\n");   /* still findable */
		CHECK_STR(r[1].author, "ann");
		CHECK_STR(r[1].at, "2024-03-01T10:05:00Z");
		CHECK_INT(r[2].version, 1);
		CHECK_STR(r[2].agenda, "");
		CHECK_STR(r[2].title, "Circle");
	}
	meeting_revision_list_free(r, n);
	CHECK_INT(meeting_history(db, 99, &r, &n), COPSE_NOTFOUND);
	meeting_done(&a);
	meeting_done(&b);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(attendance)
{
	struct db *db = fixture_db("coord");
	struct attendance *v = NULL;
	struct meeting m;
	size_t n = 0;
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	int64_t zoe = add_member(db, "zoë", "zoe");
	int64_t bob = add_member(db, "Bob", NULL);

	CHECK_INT(attend_set(db, mid, zoe, "invited"), COPSE_OK);
	CHECK_INT(attend_set(db, mid, bob, "attended"), COPSE_OK);
	CHECK_INT(attend_set(db, mid, zoe, "attended"), COPSE_OK);   /* replaces */
	CHECK_INT(attend_set(db, mid, zoe, "present"), COPSE_INVALID);
	CHECK_STR(db_error(db),
		  "attendance 'present': must be one of invited|accepted|declined|attended|absent");
	CHECK_INT(attend_set(db, 44, zoe, "attended"), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 44: no such meeting");
	CHECK_INT(attend_set(db, mid, 55, "attended"), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 55: no such member");

	CHECK_INT(attend_list(db, mid, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(v[0].name, "Bob");
		CHECK(v[0].handle == NULL);
		CHECK_STR(v[1].name, "zoë");
		CHECK_STR(v[1].handle, "zoe");
		CHECK_STR(v[1].status, "attended");
	}
	attendance_list_free(v, n);
	attendance_list_free(NULL, 0);
	CHECK_INT(meeting_get(db, mid, &m), COPSE_OK);
	CHECK_INT(m.n_attended, 2);
	meeting_done(&m);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'attended'"
			" AND object = 'meeting'"), 2);
	db_close(db);
}

TEST(notes_crud_and_conflict)
{
	struct db *db = fixture_db("coord");
	struct note n = { 0 }, a, b, *v = NULL;
	size_t len = 0;
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);

	n.meeting_id = mid;
	n.kind = "decision";
	n.body = "We meet monthly — 毎月";
	CHECK_INT(note_add(db, &n), COPSE_OK);
	CHECK_STR(n.author, "coord");     /* defaults to the login */
	CHECK_INT(n.version, 1);
	free(n.author); free(n.created); free(n.updated);

	memset(&n, 0, sizeof n);
	n.meeting_id = mid;
	n.body = "x";
	n.kind = "rant";
	CHECK_INT(note_add(db, &n), COPSE_INVALID);
	CHECK_STR(db_error(db), "note kind 'rant': must be one of note|decision|question");
	n.kind = NULL;
	n.body = "  ";
	CHECK_INT(note_add(db, &n), COPSE_INVALID);
	n.body = "x";
	n.meeting_id = 12;
	CHECK_INT(note_add(db, &n), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 12: no such meeting");
	free(n.kind);

	CHECK_INT(note_list(db, mid, &v, &len), COPSE_OK);
	CHECK_INT(len, 1);
	if (len == 1) {
		CHECK_STR(v[0].kind, "decision");
		CHECK_STR(v[0].body, "We meet monthly — 毎月");
	}
	int64_t nid = len ? v[0].id : 0;
	note_list_free(v, len);

	CHECK_INT(note_get(db, nid, &a), COPSE_OK);
	CHECK_INT(note_get(db, nid, &b), COPSE_OK);
	free(a.body);
	a.body = xstrdup("We meet every month");
	CHECK_INT(note_update(db, &a), COPSE_OK);
	CHECK_INT(a.version, 2);
	free(b.body);
	b.body = xstrdup("stale");
	CHECK_INT(note_update(db, &b), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "note 1: changed by someone else (now version 2)");
	note_done(&b);
	CHECK_INT(note_get(db, nid, &b), COPSE_OK);
	CHECK_STR(b.body, "We meet every month");
	note_done(&b);
	note_done(&a);
	note_done(NULL);

	CHECK_INT(note_delete(db, nid), COPSE_OK);
	CHECK_INT(note_delete(db, nid), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "note 1: no such note");
	CHECK_INT(note_get(db, nid, &a), COPSE_NOTFOUND);
	CHECK_INT(note_list(db, 99, &v, &len), COPSE_NOTFOUND);
	note_list_free(NULL, 0);
	db_close(db);
}

TEST(quick_lines_of_every_kind)
{
	struct db *db = fixture_db("coord");
	struct note *v = NULL;
	struct action ac;
	size_t n = 0;
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	int64_t zoe = add_member(db, "Zoë Martin", "zoe");
	int64_t nid = -1, aid = -1;

	CHECK_INT(note_add_line(db, mid, "d: we meet monthly", &nid, &aid), COPSE_OK);
	CHECK(nid > 0);
	CHECK_INT(aid, 0);
	CHECK_INT(note_add_line(db, mid, "? who brings tea", NULL, NULL), COPSE_OK);
	CHECK_INT(note_add_line(db, mid, "Q: what about August", NULL, NULL), COPSE_OK);
	CHECK_INT(note_add_line(db, mid, "  just a note: with colon  ", NULL, NULL), COPSE_OK);
	CHECK_INT(note_add_line(db, mid, "a: @zoe send the slides due 2024-03-08", &nid, &aid),
		  COPSE_OK);
	CHECK(nid > 0 && aid > 0);
	CHECK_INT(note_add_line(db, mid, "a: @zoe: ask the library by Friday", NULL, NULL),
		  COPSE_OK);

	CHECK_INT(note_list(db, mid, &v, &n), COPSE_OK);
	CHECK_INT(n, 6);
	if (n == 6) {
		CHECK_STR(v[0].kind, "decision");
		CHECK_STR(v[0].body, "we meet monthly");
		CHECK_STR(v[1].kind, "question");
		CHECK_STR(v[1].body, "who brings tea");
		CHECK_STR(v[2].kind, "question");
		CHECK_STR(v[2].body, "what about August");
		CHECK_STR(v[3].kind, "note");
		CHECK_STR(v[3].body, "just a note: with colon");
		CHECK_STR(v[4].kind, "note");
		CHECK_STR(v[4].body, "@zoe: send the slides (due 2024-03-08)");
		CHECK_STR(v[5].body, "@zoe: ask the library by Friday");
	}
	note_list_free(v, n);

	CHECK_INT(action_get(db, aid, &ac), COPSE_OK);
	CHECK_STR(ac.title, "send the slides");
	CHECK_INT(ac.owner_id, zoe);
	CHECK_STR(ac.owner_name, "Zoë Martin");
	CHECK_STR(ac.owner_handle, "zoe");
	CHECK_STR(ac.due, "2024-03-08");
	CHECK(ac.done == NULL);
	CHECK_INT(ac.meeting_id, mid);
	CHECK_STR(ac.author, "coord");
	action_done(&ac);
	CHECK_INT(count(db, "SELECT count(*) FROM action WHERE title = 'ask the library by Friday'"
			" AND due IS NULL"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM action a JOIN note n ON n.id = a.note_id"), 2);
	db_close(db);
}

TEST(quick_line_errors_write_nothing)
{
	struct db *db = fixture_db("coord");
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	int64_t nid = -1, aid = -1;
	int64_t before;

	add_member(db, "Zoë", "zoe");
	before = count(db, "SELECT count(*) FROM activity");
	CHECK_INT(note_add_line(db, mid, "a: @nobody do it", &nid, &aid), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member nobody: no such member");
	CHECK_INT(nid, 0);
	CHECK_INT(aid, 0);
	CHECK_INT(note_add_line(db, mid, "a: do it", NULL, NULL), COPSE_INVALID);
	CHECK(strstr(db_error(db), "a: @handle") != NULL);
	CHECK_INT(note_add_line(db, mid, "a: @zoe", NULL, NULL), COPSE_INVALID);
	CHECK_INT(note_add_line(db, mid, "a: @zoe tidy up due 2024-02-30", NULL, NULL),
		  COPSE_INVALID);
	CHECK_STR(db_error(db), "due date '2024-02-30': not a valid date (YYYY-MM-DD)");
	/* never silently kept in the title */
	CHECK_INT(note_add_line(db, mid, "a: @zoe tidy up due next week", NULL, NULL),
		  COPSE_INVALID);
	CHECK_STR(db_error(db), "due 'next week': not a date (use YYYY-MM-DD, today, tomorrow"
		  " or a weekday)");
	CHECK_INT(note_add_line(db, mid, "d:   ", NULL, NULL), COPSE_INVALID);
	CHECK_INT(note_add_line(db, mid, "", NULL, NULL), COPSE_INVALID);
	CHECK_INT(note_add_line(db, 12, "hello", NULL, NULL), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 12: no such meeting");
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM action"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), before);
	db_close(db);
}

TEST(actions_add_validate_and_order)
{
	struct db *db = fixture_db("coord");
	struct action a, *v = NULL;
	struct action_filter f = { 0 };
	size_t n = 0;
	int64_t zoe = add_member(db, "Zoë", "zoe");
	int64_t bob = add_member(db, "Bob", "bob");
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);
	const struct { const char *title, *due; int64_t owner; } rows[] = {
		{ "undated", NULL, 0 },
		{ "late", "2024-06-01", 0 },
		{ "early", "2024-04-01", 0 },
		{ "done first", "2024-01-01", 0 },
		{ "done second", NULL, 0 },
	};
	int64_t ids[5] = { 0 };

	for (size_t i = 0; i < 5; i++) {
		memset(&a, 0, sizeof a);
		a.title = xstrdup(rows[i].title);
		a.due = xstrdup(rows[i].due);
		a.owner_id = i % 2 ? bob : zoe;
		a.meeting_id = i == 0 ? mid : 0;
		CHECK_INT(action_add(db, &a), COPSE_OK);
		ids[i] = a.id;
		action_done(&a);
	}
	setenv("COPSE_NOW", "2024-02-01T10:00:00Z", 1);
	CHECK_INT(action_set_done(db, ids[3], 1), COPSE_OK);
	setenv("COPSE_NOW", "2024-02-02T10:00:00Z", 1);
	CHECK_INT(action_set_done(db, ids[4], 1), COPSE_OK);
	setenv("COPSE_NOW", "2024-02-03T10:00:00Z", 1);
	CHECK_INT(action_set_done(db, ids[3], 1), COPSE_OK);  /* keeps first time */

	CHECK_INT(action_list(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_STR(v[0].title, "early");
		CHECK_STR(v[1].title, "late");
		CHECK_STR(v[2].title, "undated");
		CHECK_STR(v[3].title, "done second");   /* done: latest first */
		CHECK_STR(v[4].title, "done first");
		CHECK_STR(v[4].done, "2024-02-01T10:00:00Z");
	}
	action_list_free(v, n);

	f.open_only = 1;
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	action_list_free(v, n);
	f.owner_handle = "bob";
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);   /* "late"; bob's "done first" is done */
	if (n == 1)
		CHECK_STR(v[0].title, "late");
	action_list_free(v, n);
	f.owner_handle = NULL;
	f.open_only = 0;
	f.owner_id = zoe;
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	action_list_free(v, n);
	f.owner_id = 0;
	f.meeting_id = mid;
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	action_list_free(v, n);

	CHECK_INT(action_set_done(db, ids[3], 0), COPSE_OK);   /* reopen */
	CHECK_INT(action_get(db, ids[3], &a), COPSE_OK);
	CHECK(a.done == NULL);
	action_done(&a);
	CHECK_INT(action_set_done(db, 99, 1), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "action 99: no such action");
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE object = 'action'"
			" AND verb = 'reopened'"), 1);

	/* validation */
	memset(&a, 0, sizeof a);
	a.title = xstrdup("x");
	a.due = xstrdup("soon");
	CHECK_INT(action_add(db, &a), COPSE_INVALID);
	CHECK_STR(db_error(db), "due date 'soon': not a valid date (YYYY-MM-DD)");
	free(a.due);
	a.due = NULL;
	a.owner_id = 77;
	CHECK_INT(action_add(db, &a), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 77: no such member");
	a.owner_id = 0;
	a.owner_handle = xstrdup("zed");
	CHECK_INT(action_add(db, &a), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member zed: no such member");
	free(a.owner_handle);
	a.owner_handle = xstrdup("zoe");     /* owner by handle */
	CHECK_INT(action_add(db, &a), COPSE_OK);
	CHECK_INT(a.owner_id, zoe);
	action_done(&a);
	memset(&a, 0, sizeof a);
	a.title = xstrdup("");
	CHECK_INT(action_add(db, &a), COPSE_INVALID);
	CHECK_STR(db_error(db), "action title: must not be empty");
	action_done(&a);
	a.title = xstrdup("x");
	a.meeting_id = 31;
	CHECK_INT(action_add(db, &a), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 31: no such meeting");
	action_done(&a);
	action_done(NULL);
	action_list_free(NULL, 0);
	CHECK_INT(count(db, "SELECT count(*) FROM action"), 6);
	unsetenv("COPSE_NOW");
	db_close(db);
}

/* The floor's input line opens by itself while a meeting is on: from 30
 * minutes before its start to its end, else three hours after the
 * start, unless it was marked held (or cancelled). */
TEST(meeting_is_on_from_half_an_hour_before)
{
	struct meeting m;
	time_t start;

	meeting_init(&m);
	m.starts = xstrdup("2025-03-06T18:00:00Z");
	m.status = xstrdup("planned");
	time_parse(m.starts, &start);
	CHECK(!meeting_is_on(&m, start - 31 * 60));
	CHECK(meeting_is_on(&m, start - 30 * 60));
	CHECK(meeting_is_on(&m, start + 3 * 3600 - 1));
	CHECK(!meeting_is_on(&m, start + 3 * 3600));
	m.ends = xstrdup("2025-03-06T19:30:00Z");
	CHECK(meeting_is_on(&m, start + 89 * 60));
	CHECK(!meeting_is_on(&m, start + 90 * 60));
	free(m.status);
	m.status = xstrdup("held");
	CHECK(!meeting_is_on(&m, start));
	free(m.status);
	m.status = xstrdup("cancelled");
	CHECK(!meeting_is_on(&m, start));
	meeting_done(&m);
}

/* Open actions carried over to a meeting: those of earlier meetings
 * still open when it started; one done during it stays listed (done),
 * one done before it does not, nor one of a later meeting. */
TEST(actions_carried_over_to_a_meeting)
{
	struct db *db = fixture_db("coord");
	int64_t zoe = add_member(db, "Zoë", "zoe");
	int64_t m1 = add_meeting(db, "First", "2025-01-09T18:00:00Z", "held");
	int64_t m2 = add_meeting(db, "Second", "2025-02-06T18:00:00Z", "held");
	int64_t m3 = add_meeting(db, "Third", "2025-03-06T18:00:00Z", "planned");
	int64_t open_id = 0, during = 0, before = 0, later = 0;
	struct action_filter f;
	struct action *v = NULL;
	size_t n = 0;

	setenv("COPSE_NOW", "2025-01-09T18:30:00Z", 1);
	note_add_line(db, m1, "a: @zoe book the room", NULL, &open_id);
	note_add_line(db, m1, "a: @zoe bring tea", NULL, &during);
	note_add_line(db, m1, "a: @zoe write it up", NULL, &before);
	setenv("COPSE_NOW", "2025-02-06T18:30:00Z", 1);
	action_set_done(db, before, 1);
	note_add_line(db, m2, "a: @zoe ask Kwame", NULL, NULL);
	setenv("COPSE_NOW", "2025-03-06T18:30:00Z", 1);
	note_add_line(db, m3, "a: @zoe tidy up", NULL, &later);
	action_set_done(db, during, 1);
	memset(&f, 0, sizeof f);
	f.carried_to = m3;
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].title, "book the room");
		CHECK_INT(v[0].owner_id, zoe);
		CHECK(v[0].note_id > 0);
		CHECK_STR(v[1].title, "ask Kwame");
		CHECK_STR(v[2].title, "bring tea");
		CHECK(v[2].done != NULL);
	}
	action_list_free(v, n);
	f.carried_to = m1;
	CHECK_INT(action_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 0);
	action_list_free(v, n);
	(void)later;
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(activity_rows_written_by_verbs)
{
	struct db *db = fixture_db("coord");
	struct activity *a = NULL;
	size_t n = 0;
	int64_t mid = add_meeting(db, "Circle", "2024-03-01T18:00:00Z", NULL);

	add_member(db, "Zoë", "zoe");
	CHECK_INT(note_add_line(db, mid, "a: @zoe bring chairs", NULL, NULL), COPSE_OK);
	CHECK_INT(activity_list(db, NULL, 0, &a, &n), COPSE_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(a[0].object, "action");
		CHECK_STR(a[0].summary, "bring chairs");
		CHECK_STR(a[1].object, "note");
		CHECK_STR(a[3].object, "meeting");
		CHECK_STR(a[3].verb, "added");
		CHECK_INT(a[3].object_id, mid);
		CHECK_STR(a[3].summary, "Circle");
	}
	activity_list_free(a, n);
	CHECK_INT(meeting_delete(db, mid), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'deleted'"
			" AND object = 'meeting' AND summary = 'Circle'"), 1);
	db_close(db);
}

TEST(local_start_time_is_stored_as_utc)
{
	struct db *db = fixture_db("coord");
	struct meeting m;
	int64_t id;

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	id = add_meeting(db, "Local", "2024-07-01 18:30", NULL);
	CHECK_INT(meeting_get(db, id, &m), COPSE_OK);
	CHECK_STR(m.starts, "2024-07-01T16:30:00Z");
	meeting_done(&m);
	/* A bare date, blanks around it, is local midnight. */
	id = add_meeting(db, "Whole day", " 2024-07-02 ", NULL);
	CHECK_INT(meeting_get(db, id, &m), COPSE_OK);
	CHECK_STR(m.starts, "2024-07-01T22:00:00Z");
	meeting_done(&m);
	setenv("TZ", "UTC", 1);
	tzset();
	db_close(db);
}

/* SPEC §4: many people write into the same meeting at once, each line its
 * own row, nothing lost.  16 processes, each its own connection. */
TEST(concurrent_writers_lose_no_lines)
{
	enum { WRITERS = 16, LINES = 25 };
	char dir[256], path[300], err[512] = "";
	const char *base = getenv("COPSE_TEST_TMP");
	struct db *db = NULL;
	int64_t mid;
	pid_t pids[WRITERS];
	char cmd[300];

	snprintf(dir, sizeof dir, "%s/test_meeting.XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(dir)) {
		FAILF("mkdtemp failed");
		return;
	}
	snprintf(path, sizeof path, "%s/live.db", dir);
	CHECK_INT(db_open(path, DB_CREATE, &db, err, sizeof err), COPSE_OK);
	if (!db)
		return;
	add_member(db, "Zoë", "zoe");
	mid = add_meeting(db, "Live", "2024-03-01T18:00:00Z", NULL);
	db_close(db);
	fflush(stdout);
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			struct db *c = NULL;
			int bad = 0;

			if (db_open(path, 0, &c, err, sizeof err) != COPSE_OK)
				_exit(2);
			for (int i = 0; i < LINES; i++) {
				char line[64];

				if (i % 5 == 4)
					snprintf(line, sizeof line, "a: @zoe task %d-%d", w, i);
				else
					snprintf(line, sizeof line, "%swriter %d line %d",
						 i % 3 ? "" : "d: ", w, i);
				if (note_add_line(c, mid, line, NULL, NULL) != COPSE_OK) {
					fprintf(stderr, "# writer %d: %s\n", w, db_error(c));
					bad = 1;
				}
			}
			db_close(c);
			_exit(bad);
		}
	}
	for (int w = 0; w < WRITERS; w++) {
		int st = 0;

		if (pids[w] < 0 || waitpid(pids[w], &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			FAILF("writer %d failed", w);
	}
	CHECK_INT(db_open(path, 0, &db, err, sizeof err), COPSE_OK);
	if (db) {
		CHECK_INT(count(db, "SELECT count(*) FROM note"), WRITERS * LINES);
		CHECK_INT(count(db, "SELECT count(*) FROM action"), WRITERS * LINES / 5);
		CHECK_INT(count(db, "SELECT count(DISTINCT body) FROM note"), WRITERS * LINES);
		db_close(db);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

int main(void)
{
	harness_init();
	unsetenv("COPSE_NOW");
	RUN(meeting_round_trip);
	RUN(meeting_validation);
	RUN(meeting_list_newest_first_and_filters);
	RUN(meeting_next_follows_copse_now);
	RUN(meeting_update_conflict_and_delete);
	RUN(agenda_revisions_are_kept);
	RUN(attendance);
	RUN(notes_crud_and_conflict);
	RUN(quick_lines_of_every_kind);
	RUN(quick_line_errors_write_nothing);
	RUN(actions_add_validate_and_order);
	RUN(meeting_is_on_from_half_an_hour_before);
	RUN(actions_carried_over_to_a_meeting);
	RUN(activity_rows_written_by_verbs);
	RUN(local_start_time_is_stored_as_utc);
	RUN(concurrent_writers_lose_no_lines);
	return harness_done();
}
