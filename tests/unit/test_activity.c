/* test_activity.c - the activity stamp the app reloads on, presence
 * between two logins, visits. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/db.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/util.h"
#include "harness.h"
#include "store.h"

static char dir[256], path[300];

static struct db *open_file(const char *login)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(path, DB_CREATE, &db, err, sizeof err) != COPSE_OK) {
		printf("# %s\n", err);
		exit(1);
	}
	db_set_login(db, login);
	return db;
}

static int64_t add_entry(struct db *db, const char *title)
{
	struct entry e;
	int64_t id;

	entry_init(&e);
	e.title = xstrdup(title);
	e.body = xstrdup("Body.");
	if (entry_add(db, &e) != COPSE_OK)
		printf("# entry_add: %s\n", db_error(db));
	id = e.id;
	entry_done(&e);
	return id;
}

/* The app reloads its views when the stamp moves: presence beats, visits
 * and reads must not move it (they commit every few seconds per session),
 * and every change to community data must. */
TEST(stamp_moves_on_changes_only)
{
	struct db *db = open_file("maren");
	int64_t s0, s1, id;
	char *prev = NULL;

	s0 = activity_stamp(db);
	CHECK(s0 >= 0);
	id = add_entry(db, "Listening first");
	s1 = activity_stamp(db);
	CHECK(s1 > s0);

	CHECK_INT(presence_beat(db), COPSE_OK);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	free(prev);
	CHECK_INT(entry_mark_read(db, id), COPSE_OK);
	CHECK_INT(activity_stamp(db), s1);

	CHECK_INT(entry_delete(db, id), COPSE_OK);
	CHECK(activity_stamp(db) > s1);
	db_close(db);
}

/* A change by another connection shows as a new data version and a new
 * stamp; a presence beat by it shows as a new data version only. */
TEST(other_session_changes_are_told_apart)
{
	struct db *a = open_file("maren"), *b = open_file("zoe");
	int64_t v, s;

	v = db_data_version(a);
	s = activity_stamp(a);
	CHECK_INT(presence_beat(b), COPSE_OK);
	CHECK(db_data_version(a) != v);
	CHECK_INT(activity_stamp(a), s);

	v = db_data_version(a);
	add_entry(b, "Repair after rupture");
	CHECK(db_data_version(a) != v);
	CHECK(activity_stamp(a) > s);
	db_close(b);
	db_close(a);
}

/* While another process holds the write lock, presence, visits and
 * reads give up after a moment (the app would otherwise stall for the
 * 8 s busy timeout at every beat) and work again once it is released. */
TEST(background_writes_do_not_wait_for_the_lock)
{
	struct db *a = open_file("maren"), *b = open_file("zoe");
	int64_t id = add_entry(a, "Waiting well");
	char *prev = NULL;
	time_t t0;

	CHECK_INT(db_begin(b), COPSE_OK);
	t0 = time(NULL);
	CHECK_INT(presence_beat(a), COPSE_BUSY);
	CHECK_INT(visit_touch(a, &prev), COPSE_BUSY);
	CHECK(prev == NULL);
	CHECK_INT(entry_mark_read(a, id), COPSE_BUSY);
	CHECK(time(NULL) - t0 <= 2);
	db_rollback(b);
	CHECK_INT(presence_beat(a), COPSE_OK);
	CHECK_INT(visit_touch(a, &prev), COPSE_OK);
	free(prev);
	CHECK_INT(entry_mark_read(a, id), COPSE_OK);
	db_close(b);
	db_close(a);
}

/* "Also here": each session sees the other login, never its own. */
TEST(presence_lists_other_logins)
{
	struct db *a = open_file("maren"), *b = open_file("zoe");
	struct strv seen;

	CHECK_INT(presence_beat(a), COPSE_OK);
	CHECK_INT(presence_beat(b), COPSE_OK);
	strv_init(&seen);
	CHECK_INT(presence_list(a, &seen), COPSE_OK);
	CHECK_INT(seen.n, 1);
	CHECK(seen.n == 1 && strcmp(seen.v[0], "zoe") == 0);
	strv_done(&seen);

	CHECK_INT(presence_leave(b), COPSE_OK);
	CHECK_INT(presence_list(a, &seen), COPSE_OK);
	CHECK_INT(seen.n, 0);
	strv_done(&seen);
	db_close(b);
	db_close(a);
}

/* Where a session is and what it edits: the others see both, with the
 * time the editing began, kept across beats and while it stays the
 * same record. */
TEST(presence_says_where_and_what_is_edited)
{
	struct db *a = open_file("maren"), *b = open_file("zoe");
	struct presence *v = NULL;
	size_t n = 0;
	char *since;

	CHECK_INT(presence_set(b, "meeting 3", "note 7"), COPSE_OK);
	CHECK_INT(presence_set(a, "meeting 3", NULL), COPSE_OK);
	CHECK_INT(presence_sessions(a, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(v[0].login, "maren");
		CHECK(v[0].mine);
		CHECK_STR(v[0].place, "meeting 3");
		CHECK(v[0].editing == NULL && v[0].since == NULL);
		CHECK_STR(v[1].login, "zoe");
		CHECK(!v[1].mine);
		CHECK_STR(v[1].editing, "note 7");
		CHECK(v[1].since != NULL);
	}
	since = n == 2 ? xstrdup(v[1].since) : NULL;
	presence_list_free(v, n);
	/* a beat and the same record again keep the start; the place moves */
	CHECK_INT(db_exec(b, "UPDATE presence SET since = '2001-01-01T10:02:00Z'"
			  " WHERE login = 'zoe'"), COPSE_OK);
	CHECK_INT(presence_beat(b), COPSE_OK);
	CHECK_INT(presence_set(b, "meeting 4", "note 7"), COPSE_OK);
	CHECK_INT(presence_sessions(a, &v, &n), COPSE_OK);
	if (n == 2) {
		CHECK_STR(v[1].place, "meeting 4");
		CHECK_STR(v[1].since, "2001-01-01T10:02:00Z");
	}
	presence_list_free(v, n);
	/* done editing: nothing edited, no start */
	CHECK_INT(presence_set(b, "meeting 4", NULL), COPSE_OK);
	CHECK_INT(presence_sessions(a, &v, &n), COPSE_OK);
	if (n == 2)
		CHECK(v[1].editing == NULL && v[1].since == NULL);
	presence_list_free(v, n);
	free(since);
	presence_leave(a);
	presence_leave(b);
	db_close(b);
	db_close(a);
}

/* A session that stopped beating drops out after PRESENCE_EXPIRE
 * seconds; on this host one whose process ended (kill -9) drops out at
 * once, also while it is a zombie its parent has not reaped; one on
 * another host stays while it beats. */
TEST(vanished_sessions_drop_out)
{
	struct db *a = open_file("maren");
	struct strv seen;
	char host[256], sql[512];
	pid_t dead = fork(), zombie;

	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	/* killed, and its parent not told yet: a zombie is gone too */
	zombie = fork();
	if (zombie == 0)
		_exit(0);
	usleep(100 * 1000);
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	/* killed here a moment ago: its process is gone */
	snprintf(sql, sizeof sql, "INSERT INTO presence(login, pid, host, seen) VALUES"
		 " ('killed', %ld, '%s', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'))",
		 (long)dead, host);
	CHECK_INT(db_exec(a, sql), COPSE_OK);
	snprintf(sql, sizeof sql, "INSERT INTO presence(login, pid, host, seen) VALUES"
		 " ('zombie', %ld, '%s', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'))",
		 (long)zombie, host);
	CHECK_INT(db_exec(a, sql), COPSE_OK);
	/* silent for longer than the expiry, its process still running (ours) */
	snprintf(sql, sizeof sql, "INSERT INTO presence(login, pid, host, seen) VALUES"
		 " ('silent', %ld, '%s', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-%d seconds'))",
		 (long)getpid(), host, PRESENCE_EXPIRE + 2);
	CHECK_INT(db_exec(a, sql), COPSE_OK);
	/* on another host, beating: no pid check possible, it stays */
	CHECK_INT(db_exec(a, "INSERT INTO presence(login, pid, host, seen) VALUES"
			  " ('remote', 1, 'copse-test-other-host',"
			  " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"), COPSE_OK);
	strv_init(&seen);
	CHECK_INT(presence_list(a, &seen), COPSE_OK);
	CHECK_INT(seen.n, 1);
	CHECK(seen.n == 1 && strcmp(seen.v[0], "remote") == 0);
	strv_done(&seen);
	waitpid(zombie, NULL, 0);
	CHECK_INT(db_exec(a, "DELETE FROM presence"), COPSE_OK);
	db_close(a);
}

/* What's new since my last visit starts from the visit before this one. */
TEST(visit_returns_the_previous_visit)
{
	struct db *db = open_file("hanako");
	char *prev = (char *)"x";

	setenv("COPSE_NOW", "2026-01-10T09:00:00Z", 1);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	CHECK(prev == NULL);
	setenv("COPSE_NOW", "2026-01-12T09:00:00Z", 1);
	CHECK_INT(visit_touch(db, &prev), COPSE_OK);
	CHECK_STR(prev, "2026-01-10T09:00:00Z");
	free(prev);
	unsetenv("COPSE_NOW");
	db_close(db);
}

int main(void)
{
	const char *base = getenv("COPSE_TEST_TMP");
	char cmd[320];
	int rc;

	harness_init();
	snprintf(dir, sizeof dir, "%s/test_activity.XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/copse.db", dir);
	RUN(stamp_moves_on_changes_only);
	RUN(other_session_changes_are_told_apart);
	RUN(background_writes_do_not_wait_for_the_lock);
	RUN(presence_lists_other_logins);
	RUN(presence_says_where_and_what_is_edited);
	RUN(vanished_sessions_drop_out);
	RUN(visit_returns_the_previous_visit);
	rc = harness_done();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return rc;
}
