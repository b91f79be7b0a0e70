/* test_entry.c - the repertoire: entries, revisions, links, uses, search. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/entry.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/search.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

static int64_t add_entry(struct db *db, const char *title, const char *kind,
			 const char *tags, const char *body)
{
	struct entry e;
	int64_t id;

	entry_init(&e);
	e.title = xstrdup(title);
	e.kind = kind ? xstrdup(kind) : NULL;
	e.body = xstrdup(body);
	if (tags)
		strv_split(&e.tags, tags, ',');
	if (entry_add(db, &e) != COPSE_OK)
		FAILF("entry_add(%s): %s", title, db_error(db));
	id = e.id;
	entry_done(&e);
	return id;
}

TEST(add_sets_defaults_and_records_revision_1)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct revision *rv;
	size_t n;
	int64_t id = add_entry(db, "  Listening first ", NULL, "listening, ,empathy,listening",
			       "Say back what you heard.");

	CHECK(id > 0);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_STR(e.title, "Listening first");
	CHECK_STR(e.kind, "lesson");
	CHECK_STR(e.status, "published");
	CHECK_STR(e.author, "ann");
	CHECK_INT(e.version, 1);
	CHECK_STR(e.created, "2025-03-01T09:00:00Z");
	CHECK_INT(e.tags.n, 2);
	CHECK(strv_contains(&e.tags, "listening") && strv_contains(&e.tags, "empathy"));
	entry_done(&e);
	CHECK_INT(entry_history(db, id, &rv, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(rv[0].version, 1);
		CHECK_STR(rv[0].body, "Say back what you heard.");
		CHECK_STR(rv[0].tags, "empathy,listening");
		CHECK_STR(rv[0].author, "ann");
	}
	revision_list_free(rv, n);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'added'"
			" AND object = 'entry'"), 1);
	db_close(db);
}

TEST(add_rejects_bad_input)
{
	struct db *db = fixture_db("ann");
	struct entry e;

	entry_init(&e);
	e.title = xstrdup("   ");
	CHECK_INT(entry_add(db, &e), COPSE_INVALID);
	CHECK_STR(db_error(db), "entry: title must not be empty");
	free(e.title);
	e.title = xstrdup("Fine");
	e.kind = xstrdup("poem");
	CHECK_INT(entry_add(db, &e), COPSE_INVALID);
	CHECK_STR(db_error(db), "kind 'poem': must be one of lesson|story|tool|method|case|faq");
	entry_done(&e);
	CHECK_INT(count(db, "SELECT count(*) FROM entry"), 0);
	CHECK_INT(entry_get(db, 99, &e), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 99: no such entry");
	db_close(db);
}

TEST(update_keeps_every_revision_newest_first)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct revision *rv;
	size_t n;
	int64_t id = add_entry(db, "Draft title", "story", "a", "one");

	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	free(e.body);
	e.body = xstrdup("two");
	setenv("COPSE_NOW", "2025-03-02T10:00:00Z", 1);
	db_set_login(db, "bob");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	CHECK_INT(e.version, 2);
	free(e.title);
	e.title = xstrdup("Final title");
	strv_done(&e.tags);
	strv_split(&e.tags, "b,c", ',');
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	CHECK_INT(e.version, 3);
	entry_done(&e);
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);

	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_STR(e.title, "Final title");
	CHECK_STR(e.author, "ann");             /* the author stays */
	CHECK_STR(e.updated, "2025-03-02T10:00:00Z");
	CHECK_INT(e.tags.n, 2);
	entry_done(&e);
	CHECK_INT(entry_history(db, id, &rv, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(rv[0].version, 3);
		CHECK_STR(rv[0].title, "Final title");
		CHECK_STR(rv[0].tags, "b,c");
		CHECK_STR(rv[0].author, "bob");
		CHECK_INT(rv[1].version, 2);
		CHECK_STR(rv[1].body, "two");
		CHECK_STR(rv[1].title, "Draft title");
		CHECK_INT(rv[2].version, 1);
		CHECK_STR(rv[2].body, "one");
		CHECK_STR(rv[2].author, "ann");
		CHECK_STR(rv[2].at, "2025-03-01T09:00:00Z");
	}
	revision_list_free(rv, n);
	CHECK_INT(entry_history(db, 77, &rv, &n), COPSE_NOTFOUND);
	db_close(db);
}

TEST(stale_update_is_a_conflict_and_writes_nothing)
{
	struct db *db = fixture_db("ann");
	struct entry mine, theirs;
	int64_t id = add_entry(db, "Shared", NULL, "x", "original");

	CHECK_INT(entry_get(db, id, &mine), COPSE_OK);
	CHECK_INT(entry_get(db, id, &theirs), COPSE_OK);
	free(theirs.body);
	theirs.body = xstrdup("their change");
	CHECK_INT(entry_update(db, &theirs), COPSE_OK);
	free(mine.body);
	mine.body = xstrdup("my change");
	strv_done(&mine.tags);
	strv_split(&mine.tags, "mine", ',');
	CHECK_INT(entry_update(db, &mine), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "entry 1: changed by someone else (now version 2)");
	CHECK_INT(mine.version, 1);
	entry_done(&mine);
	entry_done(&theirs);
	CHECK_INT(entry_get(db, id, &mine), COPSE_OK);
	CHECK_STR(mine.body, "their change");
	CHECK_INT(mine.tags.n, 1);
	CHECK_STR(mine.tags.n ? mine.tags.v[0] : "", "x");
	entry_done(&mine);
	CHECK_INT(count(db, "SELECT count(*) FROM revision"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'edited'"), 1);

	entry_init(&mine);
	mine.id = 42;
	mine.version = 1;
	mine.title = xstrdup("Ghost");
	CHECK_INT(entry_update(db, &mine), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 42: no such entry");
	entry_done(&mine);
	db_close(db);
}

TEST(find_title_is_case_insensitive)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	int64_t id = add_entry(db, "Nonviolent Communication", "method", NULL, "");

	CHECK_INT(entry_find_title(db, "nonviolent COMMUNICATION", &e), COPSE_OK);
	CHECK_INT(e.id, id);
	entry_done(&e);
	CHECK_INT(entry_find_title(db, "Nonviolent", &e), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 'Nonviolent': no such entry");

	/* A retired entry of the same title gives way to the live one,
	 * though it is older: [[links]] lead to what is current. */
	int64_t old = add_entry(db, "Listening", NULL, NULL, "");
	CHECK_INT(entry_get(db, old, &e), COPSE_OK);
	free(e.status);
	e.status = xstrdup("retired");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	int64_t live = add_entry(db, "listening", NULL, NULL, "");
	CHECK_INT(entry_find_title(db, "LISTENING", &e), COPSE_OK);
	CHECK_INT(e.id, live);
	entry_done(&e);
	db_close(db);
}

TEST(list_filters_and_orders_by_title)
{
	struct db *db = fixture_db("ann");
	struct entry *v, e;
	size_t n;
	struct entry_filter f = { 0 };

	add_entry(db, "banana", "tool", "fruit", "");
	add_entry(db, "Apple", "lesson", "fruit,red", "");
	add_entry(db, "cherry", "tool", "red", "");
	int64_t old = add_entry(db, "Old stuff", "tool", "red", "");

	CHECK_INT(entry_get(db, old, &e), COPSE_OK);
	free(e.status);
	e.status = xstrdup("retired");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);

	/* Title order is not id order: each entry still gets its own tags. */
	CHECK_INT(entry_list(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].title, "Apple");
		CHECK_STR(v[1].title, "banana");
		CHECK_STR(v[2].title, "cherry");
		CHECK_STR(v[0].tags.n == 2 ? v[0].tags.v[1] : "", "red");
		CHECK_STR(v[1].tags.n == 1 ? v[1].tags.v[0] : "", "fruit");
		CHECK_STR(v[2].tags.n == 1 ? v[2].tags.v[0] : "", "red");
	}
	entry_list_free(v, n);
	f.tag = "red";
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	entry_list_free(v, n);
	f.status = "all";
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	entry_list_free(v, n);
	f.tag = NULL;
	f.kind = "tool";
	f.query = "ERR";
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].title, "cherry");
	entry_list_free(v, n);
	db_close(db);
}

TEST(backlinks_follow_wiki_links_case_insensitively)
{
	struct db *db = fixture_db("ann");
	struct entry *v, e;
	size_t n;
	int64_t a = add_entry(db, "Alpha", NULL, NULL, "See [[beta]] and [[Gamma]].");
	int64_t b = add_entry(db, "Beta", NULL, NULL, "Back to [[ALPHA]]. `[[Gamma]]` is code.");

	CHECK_INT(entry_backlinks(db, "BETA", &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(v[0].id, a);
	entry_list_free(v, n);
	CHECK_INT(entry_backlinks(db, "gamma", &v, &n), COPSE_OK);
	CHECK_INT(n, 1);       /* the code span in Beta is not a link */
	entry_list_free(v, n);
	CHECK_INT(entry_backlinks(db, "alpha", &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(v[0].id, b);
	entry_list_free(v, n);

	/* Editing the body replaces the links. */
	CHECK_INT(entry_get(db, a, &e), COPSE_OK);
	free(e.body);
	e.body = xstrdup("No more links.");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(entry_backlinks(db, "beta", &v, &n), COPSE_OK);
	CHECK_INT(n, 0);
	entry_list_free(v, n);
	db_close(db);
}

TEST(uses_and_reads)
{
	struct db *db = fixture_db("ann");
	struct entry_use *u;
	struct entry e;
	size_t n;
	int64_t uid = 0, id = add_entry(db, "Pause before replying", NULL, NULL, "");

	CHECK_INT(entry_use_add(db, id, "calmed a family dinner", &uid), COPSE_OK);
	CHECK(uid > 0);
	setenv("COPSE_NOW", "2025-03-05T09:00:00Z", 1);
	db_set_login(db, "bob");
	CHECK_INT(entry_use_add(db, id, NULL, NULL), COPSE_OK);
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	CHECK_INT(entry_use_list(db, id, &u, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(u[0].login, "bob");
		CHECK_STR(u[0].outcome, "");
		CHECK_STR(u[1].login, "ann");
		CHECK_STR(u[1].outcome, "calmed a family dinner");
	}
	entry_use_list_free(u, n);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_INT(e.uses, 2);
	entry_done(&e);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'used'"), 2);
	CHECK_INT(entry_use_add(db, 999, "x", &uid), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 999: no such entry");

	CHECK_INT(entry_mark_read(db, id), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_read WHERE login = 'bob'"), 1);
	CHECK_INT(entry_mark_read(db, 999), COPSE_NOTFOUND);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_read"), 1);
	db_close(db);
}

TEST(delete_removes_entry_and_its_search_rows)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct search_hit *h;
	size_t n;
	int64_t id = add_entry(db, "Temporary", NULL, "tmp", "zebra crossing");

	CHECK_INT(entry_delete(db, id), COPSE_OK);
	CHECK_INT(entry_get(db, id, &e), COPSE_NOTFOUND);
	CHECK_INT(count(db, "SELECT count(*) FROM revision"), 0);
	CHECK_INT(search_run(db, "zebra", NULL, &h, &n), COPSE_OK);
	CHECK_INT(n, 0);
	search_hit_list_free(h, n);
	CHECK_INT(entry_delete(db, id), COPSE_NOTFOUND);
	db_close(db);
}

/* Entry tags follow the same rules as member tags: '#' dropped, one
 * spelling kept whatever the case, and no comma (revisions keep tags
 * comma-separated). */
TEST(tags_are_cleaned_like_member_tags)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	int64_t id = add_entry(db, "Tagged", NULL, "#listening, Listening, empathy", "b");

	entry_init(&e);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_INT(e.tags.n, 2);
	if (e.tags.n == 2) {
		CHECK_STR(e.tags.v[0], "empathy");
		CHECK_STR(e.tags.v[1], "listening");
	}
	strv_done(&e.tags);
	strv_push(&e.tags, "a,b");
	CHECK_INT(entry_update(db, &e), COPSE_INVALID);
	CHECK_STR(db_error(db), "entry tag 'a,b': must not contain a comma");
	entry_done(&e);
	db_close(db);
}

TEST(rename_rewrites_links_unless_the_title_is_still_taken)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct revision *rv;
	size_t n;
	int64_t tea = add_entry(db, "Tea first", NULL, NULL, "Me: [[tea first]]."),
		other = add_entry(db, "Other", NULL, "x", "Go to [[Tea First]] now."),
		twin = add_entry(db, "Twin", NULL, NULL, "");

	/* the entry's own link and the other's, each a new revision */
	CHECK_INT(entry_get(db, tea, &e), COPSE_OK);
	free(e.title);
	e.title = xstrdup("Tea always");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	CHECK_STR(e.body, "Me: [[Tea always]].");
	entry_done(&e);
	CHECK_INT(entry_get(db, other, &e), COPSE_OK);
	CHECK_STR(e.body, "Go to [[Tea always]] now.");
	CHECK_INT(e.version, 2);
	CHECK_STR(e.tags.n ? e.tags.v[0] : "", "x");
	entry_done(&e);
	CHECK_INT(entry_history(db, other, &rv, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2)
		CHECK_STR(rv[0].tags, "x");
	revision_list_free(rv, n);
	/* only the case changes: links still lead there, none rewritten */
	CHECK_INT(entry_get(db, tea, &e), COPSE_OK);
	free(e.title);
	e.title = xstrdup("TEA ALWAYS");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(entry_get(db, other, &e), COPSE_OK);
	CHECK_INT(e.version, 2);
	entry_done(&e);
	/* while another entry has the old title, links stay with it */
	CHECK_INT(entry_get(db, twin, &e), COPSE_OK);
	free(e.title);
	e.title = xstrdup("Tea always");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	free(e.title);
	e.title = xstrdup("Twin again");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(entry_get(db, other, &e), COPSE_OK);
	CHECK_STR(e.body, "Go to [[Tea always]] now.");
	entry_done(&e);
	/* a conflict on the renamed entry rewrites nothing */
	CHECK_INT(entry_get(db, tea, &e), COPSE_OK);
	e.version--;
	free(e.title);
	e.title = xstrdup("Gone");
	CHECK_INT(entry_update(db, &e), COPSE_CONFLICT);
	CHECK_STR(e.body, "Me: [[Tea always]].");
	entry_done(&e);
	CHECK_INT(entry_get(db, other, &e), COPSE_OK);
	CHECK_STR(e.body, "Go to [[Tea always]] now.");
	entry_done(&e);
	db_close(db);
}

TEST(restore_is_a_new_revision)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct revision r;
	int64_t id = add_entry(db, "First", "tool", "a,b", "one");
	int v = 0;

	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	free(e.body);
	e.body = xstrdup("two");
	free(e.status);
	e.status = xstrdup("retired");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(entry_restore(db, id, 1, &v), COPSE_OK);
	CHECK_INT(v, 3);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_STR(e.body, "one");
	CHECK_STR(e.status, "retired");      /* the status is not a revision's */
	CHECK_INT(e.tags.n, 2);
	entry_done(&e);
	CHECK_INT(entry_revision(db, id, 3, &r), COPSE_OK);
	CHECK_STR(r.body, "one");
	revision_done(&r);
	CHECK_INT(entry_restore(db, id, 7, NULL), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 1: no revision 7");
	CHECK_INT(entry_restore(db, 99, 1, NULL), COPSE_NOTFOUND);
	db_close(db);
}

TEST(list_sorts_filters_orphans_and_wanted)
{
	struct db *db = fixture_db("ann");
	struct entry_filter f = { 0 };
	struct entry_wanted *w;
	struct entry *v;
	size_t n;
	int64_t a = add_entry(db, "Alpha", NULL, "red", "[[Beta]] and [[Nowhere]]"),
		b = add_entry(db, "Beta", NULL, "blue", ""),
		c = add_entry(db, "Gamma", NULL, "Green", "");

	(void)b;
	CHECK_INT(entry_use_add(db, c, NULL, NULL), COPSE_OK);
	f.sort = ENTRY_SORT_USED;
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK_INT(v[0].id, c);
	entry_list_free(v, n);
	f.sort = ENTRY_SORT_TITLE;
	f.query = "#gre";                    /* tags only */
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	entry_list_free(v, n);
	f.query = "@ann";                    /* the author's handle */
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	entry_list_free(v, n);
	f.query = "BLU";                     /* title, tag or author */
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	entry_list_free(v, n);
	f.query = NULL;
	f.orphans = 1;
	CHECK_INT(entry_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(v[0].id, c);
	entry_list_free(v, n);
	CHECK_INT(entry_wanted(db, &w, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(w[0].title, "Nowhere");
		CHECK_INT(w[0].from_ids[0], a);
	}
	entry_wanted_list_free(w, n);
	db_close(db);
}


/* Markdown parses seen by md_parse_hook, and those made while the
 * database below held its write lock. */
static struct db *hook_db;
static int parses, parses_locked;

static void count_parse(void)
{
	parses++;
	parses_locked += hook_db && hook_db->tx_depth > 0;
}

/* Between the harvest's read and its write lock, someone edits the
 * note it is harvesting (once). */
static int64_t edit_note_id;

static void edit_note_meanwhile(void)
{
	struct note n;
	int64_t id = edit_note_id;

	edit_note_id = 0;
	if (!id || note_get(hook_db, id, &n) != COPSE_OK)
		return;
	free(n.body);
	n.body = xstrdup("we try a [[pause]], then answer");
	if (note_update(hook_db, &n) != COPSE_OK)
		printf("# note_update: %s\n", db_error(hook_db));
	note_done(&n);
}

/* Harvest records the new entry's [[links]] as an add does, and reads
 * them before the write lock is taken: no Markdown is parsed under it. */
TEST(harvest_reads_links_before_the_write_lock)
{
	struct db *db = fixture_db("ann");
	struct meeting m;
	struct entry *v = NULL, e;
	size_t n = 0;
	int64_t id = 0, note = 0;

	add_entry(db, "Pause", "tool", NULL, "Count to ten.");
	meeting_init(&m);
	m.title = xstrdup("Circle");
	m.starts = xstrdup("2025-02-01T18:00:00Z");
	CHECK_INT(meeting_add(db, &m), COPSE_OK);
	CHECK_INT(note_add_line(db, m.id, "d: we try a [[pause]] before answering", &note, NULL),
		  COPSE_OK);
	CHECK_INT(note_add_line(db, m.id, "? who brings [[Listening first]]", NULL, NULL), COPSE_OK);

	hook_db = db;
	parses = parses_locked = 0;
	md_parse_hook = count_parse;
	CHECK_INT(entry_harvest(db, m.id, NULL, 0, NULL, &id), COPSE_OK);
	md_parse_hook = NULL;
	CHECK(parses > 0);
	CHECK_INT(parses_locked, 0);

	CHECK_INT(entry_backlinks(db, "Pause", &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(v[0].id, id);
	entry_list_free(v, n);
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	CHECK_STR(e.title, "we try a [[pause]] before answering");
	CHECK_STR(e.status, "draft");
	CHECK_INT(e.source_note_id, note);
	entry_done(&e);
	CHECK_INT(count(db, "SELECT count(*) FROM entry_source"), 1);

	/* named notes: both, the second's link recorded too */
	{
		int64_t both[2] = { note, note + 1 }, id2 = 0;

		md_parse_hook = count_parse;
		parses_locked = 0;
		CHECK_INT(entry_harvest(db, m.id, both, 2, "Both", &id2), COPSE_OK);
		md_parse_hook = NULL;
		CHECK_INT(parses_locked, 0);
		CHECK_INT(entry_backlinks(db, "listening first", &v, &n), COPSE_OK);
		CHECK_INT(n, 1);
		if (n == 1)
			CHECK_INT(v[0].id, id2);
		entry_list_free(v, n);
	}
	/* a note edited between the read and the lock: read again, so the
	 * draft has the note as it now is */
	{
		int64_t one[1] = { note }, id3 = 0;

		edit_note_id = note;
		md_parse_hook = edit_note_meanwhile;
		CHECK_INT(entry_harvest(db, m.id, one, 1, "Edited meanwhile", &id3), COPSE_OK);
		md_parse_hook = NULL;
		CHECK_INT(edit_note_id, 0);       /* the edit did happen */
		CHECK_INT(entry_get(db, id3, &e), COPSE_OK);
		CHECK_STR(e.body, "- Decision: we try a [[pause]], then answer\n");
		entry_done(&e);
	}
	meeting_done(&m);
	hook_db = NULL;
	db_close(db);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	RUN(add_sets_defaults_and_records_revision_1);
	RUN(add_rejects_bad_input);
	RUN(tags_are_cleaned_like_member_tags);
	RUN(update_keeps_every_revision_newest_first);
	RUN(stale_update_is_a_conflict_and_writes_nothing);
	RUN(find_title_is_case_insensitive);
	RUN(list_filters_and_orders_by_title);
	RUN(backlinks_follow_wiki_links_case_insensitively);
	RUN(uses_and_reads);
	RUN(delete_removes_entry_and_its_search_rows);
	RUN(rename_rewrites_links_unless_the_title_is_still_taken);
	RUN(restore_is_a_new_revision);
	RUN(list_sorts_filters_orphans_and_wanted);
	RUN(harvest_reads_links_before_the_write_lock);
	return harness_done();
}
