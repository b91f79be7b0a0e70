/* test_trash.c - deleting is undoable: every delete verb moves its row,
 * with what hangs on it, to the trash; restore and undo put everything
 * back exactly; the trash is kept 30 days; ids are never reused. */
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
#include "store.h"

static int64_t add_member(struct db *db, const char *name, const char *handle)
{
	struct member m;
	int64_t id = 0;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = xstrdup(handle);
	strv_push(&m.expertise, "tea");
	if (member_add(db, &m) == COPSE_OK)
		id = m.id;
	else
		FAILF("member_add %s: %s", name, db_error(db));
	member_done(&m);
	return id;
}

static int64_t add_meeting(struct db *db, const char *title)
{
	struct meeting m;
	int64_t id = 0;

	meeting_init(&m);
	m.title = xstrdup(title);
	m.starts = xstrdup("2024-04-10T18:00:00Z");
	m.agenda = xstrdup("1. Welcome\n");
	if (meeting_add(db, &m) == COPSE_OK)
		id = m.id;
	else
		FAILF("meeting_add %s: %s", title, db_error(db));
	meeting_done(&m);
	return id;
}

static int64_t add_line(struct db *db, int64_t meeting, const char *line)
{
	int64_t id = 0;

	if (note_add_line(db, meeting, line, &id, NULL) != COPSE_OK)
		FAILF("note_add_line %s: %s", line, db_error(db));
	return id;
}

static int64_t add_entry(struct db *db, const char *title, int64_t meeting, int64_t note)
{
	struct entry e;
	int64_t id = 0;

	entry_init(&e);
	e.title = xstrdup(title);
	e.body = xstrdup("Brew slowly, then [[Listen]].");
	e.source_meeting_id = meeting;
	e.source_note_id = note;
	strv_push(&e.tags, "tea");
	if (entry_add(db, &e) == COPSE_OK)
		id = e.id;
	else
		FAILF("entry_add %s: %s", title, db_error(db));
	entry_done(&e);
	return id;
}

/* The whole community as export --json writes it, without the activity
 * log and the trash's counter (which record the delete and the
 * restore).  Caller frees. */
static char *snapshot(struct db *db)
{
	struct buf b;

	buf_init(&b);
	/* the trash's own counter moves on with each delete */
	if (db_exec(db, "DELETE FROM activity; DELETE FROM sqlite_sequence"
		    " WHERE name = 'trash'") != COPSE_OK ||
	    exchange_export_json(db, &b) != COPSE_OK) {
		FAILF("snapshot: %s", db_error(db));
		buf_done(&b);
		return xstrdup("");
	}
	return buf_steal(&b);
}

static int same_text(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	for (size_t i = 0; a[i] || b[i]; i++)
		if (a[i] != b[i]) {
			printf("# differ at %zu:\n# want: %.160s\n# got:  %.160s\n", i,
			       a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
			break;
		}
	return 0;
}

/* A community with a meeting that has everything hanging on it. */
static void fill(struct db *db, int64_t *meeting, int64_t *note)
{
	struct topic t;
	int64_t zoe = add_member(db, "Zoë", "zoe");

	add_member(db, "Bob", "bob");
	*meeting = add_meeting(db, "Listening circle");
	add_meeting(db, "Other circle");
	*note = add_line(db, *meeting, "d: we meet monthly");
	add_line(db, *meeting, "a: @zoe book the room due 2024-05-20");
	add_line(db, *meeting, "? who brings tea");
	CHECK_INT(attend_set(db, *meeting, zoe, "attended"), COPSE_OK);
	add_entry(db, "Tea first", *meeting, *note);
	topic_init(&t);
	t.title = xstrdup("Rhythm");
	CHECK_INT(topic_add(db, &t), COPSE_OK);
	CHECK_INT(topic_link_meeting(db, t.id, *meeting), COPSE_OK);
	CHECK_INT(topic_vote(db, t.id), COPSE_OK);
	topic_done(&t);
}

TEST(meeting_goes_with_what_hangs_on_it_and_comes_back_whole)
{
	struct db *db = fixture_db("coord");
	struct trash_item *v = NULL;
	struct trash_item what;
	char *before, *after;
	int64_t meeting = 0, note = 0;
	size_t n = 0;

	setenv("COPSE_NOW", "2024-05-01T12:00:00Z", 1);
	fill(db, &meeting, &note);
	before = snapshot(db);
	CHECK_INT(trash_describe(db, "meeting", meeting, &what), COPSE_OK);
	CHECK_STR(what.kind, "meeting");
	CHECK_STR(what.title, "Listening circle");
	CHECK_STR(what.what, "3 notes, 1 action and attendance");
	trash_item_done(&what);

	CHECK_INT(meeting_delete(db, meeting), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM meeting"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM action"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM attendance"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM topic_meeting"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM meeting_revision WHERE meeting_id = 1"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM entry WHERE source_meeting_id IS NULL"
			" AND source_note_id IS NULL"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'monthly'"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'deleted'"
			" AND object = 'meeting' AND summary = 'Listening circle'"), 1);

	CHECK_INT(trash_list(db, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(v[0].kind, "meeting");
		CHECK_INT(v[0].object_id, meeting);
		CHECK_STR(v[0].title, "Listening circle");
		CHECK_STR(v[0].what, "3 notes, 1 action and attendance");
		CHECK_STR(v[0].login, "coord");
		CHECK_STR(v[0].at, "2024-05-01T12:00:00Z");
		CHECK_STR(v[0].expires, "2024-05-31T12:00:00Z");
	}
	trash_item_list_free(v, n);

	CHECK_INT(trash_restore(db, "meeting", meeting), COPSE_OK);
	after = snapshot(db);
	CHECK(same_text(before, after));
	CHECK_INT(count(db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'monthly'"), 1);
	CHECK_INT(trash_restore(db, "meeting", meeting), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "meeting 1: is not deleted");
	CHECK_INT(trash_restore(db, "meeting", 99), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "meeting 99: not in the trash");
	CHECK_INT(trash_restore(db, "planet", 1), COPSE_INVALID);
	CHECK_STR(db_error(db), "kind 'planet': must be one of"
		  " member|meeting|note|action|entry|topic");
	free(before);
	free(after);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(every_kind_comes_back_whole)
{
	static const char *const kinds[] = { "note", "action", "entry", "topic", "member" };
	struct db *db = fixture_db("coord");
	int64_t meeting = 0, note = 0;
	char *before, *after;

	setenv("COPSE_NOW", "2024-05-01T12:00:00Z", 1);
	fill(db, &meeting, &note);
	add_member(db, "Cy", "cy");       /* no history: may be deleted */
	before = snapshot(db);
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		int64_t id = strcmp(kinds[i], "member") == 0 ? 3 : 1;
		int (*del)(struct db *, int64_t) =
			i == 0 ? note_delete : i == 1 ? action_delete : i == 2 ? entry_delete :
			i == 3 ? topic_delete : member_delete;

		if (del(db, id) != COPSE_OK)
			FAILF("%s_delete: %s", kinds[i], db_error(db));
		if (trash_restore(db, kinds[i], id) != COPSE_OK)
			FAILF("trash_restore %s: %s", kinds[i], db_error(db));
		after = snapshot(db);
		if (!same_text(before, after))
			FAILF("%s did not come back whole", kinds[i]);
		free(after);
	}
	/* the restored entry is found by search again */
	CHECK_INT(count(db, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'brew'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'tags:tea'"), 1);
	free(before);
	unsetenv("COPSE_NOW");
	db_close(db);
}

/* A note's line made an action: deleting the line takes it along. */
TEST(note_takes_its_action_and_needs_its_meeting)
{
	struct db *db = fixture_db("coord");
	int64_t meeting = 0, note = 0, action_note;
	struct trash_item what;

	fill(db, &meeting, &note);
	action_note = 2;
	CHECK_INT(trash_describe(db, "note", action_note, &what), COPSE_OK);
	CHECK_STR(what.title, "@zoe: book the room (due 2024-05-20)");
	CHECK_STR(what.what, "1 action");
	trash_item_done(&what);
	CHECK_INT(trash_describe(db, "topic", 99, &what), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "topic 99: no such topic");
	CHECK_INT(note_delete(db, action_note), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM action"), 0);
	CHECK_INT(meeting_delete(db, meeting), COPSE_OK);
	CHECK_INT(trash_restore(db, "note", action_note), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "note 2: its meeting 1 is in the trash: restore that first");
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 2);
	CHECK_INT(trash_restore(db, "meeting", meeting), COPSE_OK);
	CHECK_INT(trash_restore(db, "note", action_note), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM action WHERE note_id = 2 AND owner_id = 1"), 1);
	CHECK_INT(trash_restore(db, "note", action_note), COPSE_CONFLICT);
	db_close(db);
}

/* SQLite gives max(id) + 1 without AUTOINCREMENT: deleting the newest
 * row and adding another must not hand out its id again. */
TEST(ids_are_never_reused)
{
	struct db *db = fixture_db("coord");
	int64_t a = add_meeting(db, "First"), b = add_meeting(db, "Second"), c;
	int64_t n1 = add_line(db, a, "one"), n2 = add_line(db, a, "two");

	CHECK_INT(meeting_delete(db, b), COPSE_OK);
	c = add_meeting(db, "Third");
	CHECK(c > b);
	CHECK_INT(note_delete(db, n2), COPSE_OK);
	CHECK(add_line(db, a, "three") > n2);
	(void)n1;
	CHECK_INT(trash_restore(db, "meeting", b), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM meeting WHERE title = 'Second' AND id = 2"), 1);
	/* purged from the trash for good: still not reused */
	CHECK_INT(meeting_delete(db, c), COPSE_OK);
	CHECK_INT(db_exec(db, "DELETE FROM trash"), COPSE_OK);
	CHECK(add_meeting(db, "Fourth") > c);
	db_close(db);
}

/* u: this session's deletes come back newest first; nothing from before
 * the session or by someone else. */
TEST(undo_walks_back_this_sessions_deletes)
{
	struct db *db = fixture_db("coord");
	struct trash_item t;
	int64_t a = add_meeting(db, "A"), b = add_meeting(db, "B");
	int64_t n = add_line(db, a, "a line");

	CHECK_INT(trash_undo_last(db, &t), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "nothing to undo");
	CHECK_INT(note_delete(db, n), COPSE_OK);
	CHECK_INT(meeting_delete(db, b), COPSE_OK);
	db_set_login(db, "someone");
	CHECK_INT(meeting_delete(db, a), COPSE_OK);
	db_set_login(db, "coord");

	CHECK_INT(trash_undo_last(db, &t), COPSE_OK);
	CHECK_STR(t.kind, "meeting");
	CHECK_INT(t.object_id, b);
	CHECK_STR(t.title, "B");
	trash_item_done(&t);
	CHECK_INT(trash_undo_last(db, NULL), COPSE_CONFLICT);   /* the note's meeting */
	CHECK_STR(db_error(db), "note 1: its meeting 1 is in the trash: restore that first");
	CHECK_INT(trash_restore(db, "meeting", a), COPSE_OK);
	CHECK_INT(trash_undo_last(db, &t), COPSE_OK);
	CHECK_STR(t.kind, "note");
	trash_item_done(&t);
	CHECK_INT(trash_undo_last(db, &t), COPSE_NOTFOUND);
	CHECK_INT(count(db, "SELECT count(*) FROM note"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM meeting"), 2);
	db_close(db);
}

/* Kept 30 days: then left out of the list, and gone with the next write. */
TEST(expired_trash_is_purged_on_a_later_write)
{
	struct db *db = fixture_db("coord");
	struct trash_item *v = NULL;
	size_t n = 0;
	int64_t a;

	setenv("COPSE_NOW", "2024-05-01T12:00:00Z", 1);
	a = add_meeting(db, "A");
	CHECK_INT(meeting_delete(db, a), COPSE_OK);
	setenv("COPSE_NOW", "2024-05-31T12:00:00Z", 1);
	CHECK_INT(trash_list(db, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);                     /* 30 days: still there */
	trash_item_list_free(v, n);
	setenv("COPSE_NOW", "2024-05-31T12:00:01Z", 1);
	CHECK_INT(trash_list(db, &v, &n), COPSE_OK);
	CHECK_INT(n, 0);
	trash_item_list_free(v, n);
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 1);   /* reading never writes */
	CHECK_INT(trash_restore(db, "meeting", a), COPSE_NOTFOUND);
	add_meeting(db, "B");
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 0);
	unsetenv("COPSE_NOW");
	db_close(db);
}

/* What cannot come back as it was says why and changes nothing. */
TEST(restore_refused_when_the_handle_is_taken)
{
	struct db *db = fixture_db("coord");
	int64_t cy = add_member(db, "Cy", "cy");

	CHECK_INT(member_delete(db, cy), COPSE_OK);
	add_member(db, "Cy Two", "cy");
	CHECK_INT(trash_restore(db, "member", cy), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "member 1: cannot be restored: its handle 'cy' is Cy Two's"
		  " (member 2) now; give one of them another (copse member edit 2 --handle H)");
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 1);
	CHECK_INT(trash_restore(db, "member", 2), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "member 2: is not deleted");
	db_close(db);
}

/* The rows that go with an item keep their ids in the trash: side
 * tables must not hand those ids to new rows meanwhile, or the item
 * could never come back ("UNIQUE constraint failed: entry_use.id"). */
TEST(side_rows_keep_their_ids_free_while_in_the_trash)
{
	struct db *db = fixture_db("coord");
	int64_t a = add_entry(db, "Tea first", 0, 0), b = add_entry(db, "Tea later", 0, 0);
	int64_t use = 0, cy, dee;

	CHECK_INT(entry_use_add(db, b, "worked", &use), COPSE_OK);
	CHECK_INT(entry_delete(db, b), COPSE_OK);
	CHECK_INT(entry_use_add(db, a, "fine", NULL), COPSE_OK);
	CHECK(count(db, "SELECT max(id) FROM entry_use") > use);
	CHECK_INT(trash_restore(db, "entry", b), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use WHERE entry_id = 2 AND outcome = 'worked'"), 1);
	CHECK_INT(count(db, "SELECT uses FROM entry WHERE id = 2"), 1);

	/* a member's status log and development notes (a connection is
	 * history: such a member is made alumni, not deleted) */
	cy = add_member(db, "Cy", "cy");
	dee = add_member(db, "Dee", "dee");
	CHECK_INT(member_note_add(db, dee, "met at the fair", NULL), COPSE_OK);
	CHECK_INT(member_delete(db, dee), COPSE_OK);
	add_member(db, "Eve", "eve");
	CHECK_INT(member_note_add(db, cy, "a note", NULL), COPSE_OK);
	CHECK_INT(trash_restore(db, "member", dee), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM devnote WHERE member_id = 2"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log WHERE member_id = 2"), 1);
	db_close(db);
}

/* Trash taken before side rows kept their ids (an older copse): a side
 * row whose id has been given out since comes back with a new one. */
TEST(a_side_row_whose_id_is_taken_comes_back_with_a_new_one)
{
	struct db *db = fixture_db("coord");
	int64_t a = add_entry(db, "Tea first", 0, 0), b = add_entry(db, "Tea later", 0, 0);

	CHECK_INT(entry_use_add(db, b, "worked", NULL), COPSE_OK);
	CHECK_INT(entry_use_add(db, b, "again", NULL), COPSE_OK);
	CHECK_INT(entry_delete(db, b), COPSE_OK);
	/* as an older copse did: the new report takes the first trashed id */
	CHECK_INT(db_exec(db, "INSERT INTO entry_use(id, entry_id, login, outcome, at)"
			  " VALUES (1, 1, 'sam', 'fine', '2024-01-01T00:00:00Z')"), COPSE_OK);
	(void)a;
	CHECK_INT(trash_restore(db, "entry", b), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use WHERE id = 1 AND login = 'sam'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use WHERE id = 2 AND outcome = 'again'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_use WHERE id > 2 AND outcome = 'worked'"), 1);
	CHECK_INT(count(db, "SELECT uses FROM entry WHERE id = 2"), 2);
	db_close(db);
}

/* A row that cannot come back says so in copse's words, not SQLite's. */
TEST(an_unrestorable_row_says_why_in_one_line)
{
	struct db *db = fixture_db("coord");
	int64_t b = add_entry(db, "Tea later", 0, 0);

	CHECK_INT(entry_use_add(db, b, "worked", NULL), COPSE_OK);
	CHECK_INT(entry_delete(db, b), COPSE_OK);
	CHECK_INT(db_exec(db, "UPDATE trash SET data = json_set(data,"
			  " '$.rows.entry_use[0].login', json('null'))"), COPSE_OK);
	CHECK_INT(trash_restore(db, "entry", b), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "entry 1: cannot be restored: its use reports do not fit"
		  " the database as it is now");
	CHECK_INT(count(db, "SELECT count(*) FROM entry"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 1);
	db_close(db);
}

int main(void)
{
	harness_init();
	RUN(meeting_goes_with_what_hangs_on_it_and_comes_back_whole);
	RUN(every_kind_comes_back_whole);
	RUN(note_takes_its_action_and_needs_its_meeting);
	RUN(ids_are_never_reused);
	RUN(undo_walks_back_this_sessions_deletes);
	RUN(expired_trash_is_purged_on_a_later_write);
	RUN(restore_refused_when_the_handle_is_taken);
	RUN(side_rows_keep_their_ids_free_while_in_the_trash);
	RUN(a_side_row_whose_id_is_taken_comes_back_with_a_new_one);
	RUN(an_unrestorable_row_says_why_in_one_line);
	return harness_done();
}
