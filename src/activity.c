/* activity.c - the activity log, visits and presence. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/util.h"
#include "store.h"

/* ---- memory ---- */

void activity_init(struct activity *a)
{
	memset(a, 0, sizeof *a);
}

void activity_done(struct activity *a)
{
	if (!a)
		return;
	free(a->at);
	free(a->login);
	free(a->verb);
	free(a->object);
	free(a->summary);
	activity_init(a);
}

STORE_DONE_ELEM(activity)

void activity_list_free(struct activity *v, size_t n)
{
	store_list_free(v, n, sizeof *v, activity_done_elem);
}

/* Trash rows older than TRASH_DAYS go for good with any later write
 * (trash.h); reading never writes, so listing only hides them. */
static int purge_trash(struct db *db)
{
	sqlite3_stmt *st;
	char cutoff[ISO_LEN];
	int status;

	store_trash_cutoff(cutoff);
	if ((status = db_prepare(db, "DELETE FROM trash WHERE at < ?", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, cutoff);
	return db_step_done(db, st, "trash");
}

int activity_log(struct db *db, const char *verb, const char *object,
		 int64_t object_id, const char *summary)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = purge_trash(db)) != COPSE_OK)
		return status;
	time_now_iso(now);
	status = db_prepare(db, "INSERT INTO activity(at, login, verb, object, object_id, summary)"
			    " VALUES (?, ?, ?, ?, ?, ?)", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, now);
	store_bind_text(st, 2, db_login(db));
	store_bind_text(st, 3, verb);
	store_bind_text(st, 4, object);
	store_bind_id(st, 5, object_id);
	store_bind_text(st, 6, summary ? summary : "");
	return db_step_done(db, st, "activity log");
}

static int activity_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct activity *a = elem;

	a->id = sqlite3_column_int64(st, 0);
	a->at = store_col_str(st, 1);
	a->login = store_col_str(st, 2);
	a->verb = store_col_str(st, 3);
	a->object = store_col_str(st, 4);
	a->object_id = sqlite3_column_int64(st, 5);
	a->summary = store_col_str(st, 6);
	if (!a->at || !a->login || !a->verb || !a->object || !a->summary)
		return db_nomem(db);
	return COPSE_OK;
}

int activity_list(struct db *db, const char *since_iso, int limit,
		  struct activity **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	/* with a time, a range of the index activity_at: reading from the
	 * newest down stops at it even when nothing is that new */
	status = db_prepare(db, since_iso
			    ? "SELECT id, at, login, verb, object, object_id, summary"
			      " FROM activity WHERE at > ?1 ORDER BY at DESC, id DESC LIMIT ?2"
			    : "SELECT id, at, login, verb, object, object_id, summary"
			      " FROM activity ORDER BY at DESC, id DESC LIMIT ?2", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, since_iso);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	return store_collect(db, st, sizeof **out, activity_row, activity_done_elem, "activity log",
			     (void **)out, n);
}

int activity_of(struct db *db, const char *object, int64_t object_id, const char *since_iso,
		int limit, struct activity **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT id, at, login, verb, object, object_id, summary"
			    " FROM activity WHERE object = ?1 AND object_id = ?2"
			    " AND (?3 IS NULL OR at >= ?3)"
			    " ORDER BY at DESC, id DESC LIMIT ?4", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, object);
	store_bind_id(st, 2, object_id);
	store_bind_text(st, 3, since_iso);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : -1);
	return store_collect(db, st, sizeof **out, activity_row, activity_done_elem, "activity log",
			     (void **)out, n);
}

int64_t activity_stamp(struct db *db)
{
	sqlite3_stmt *st;
	int64_t id;

	if (db_prepare(db, "SELECT coalesce(max(id), 0) FROM activity", &st) != COPSE_OK)
		return -1;
	if (db_step_int(db, st, &id) != COPSE_OK)
		return -1;
	return id;
}

int activity_changes(struct db *db, int64_t *stamp, unsigned *what)
{
	static const struct {
		const char *object;
		unsigned bit;
	} bits[] = {
		{ "member", CHANGE_MEMBERS }, { "connection", CHANGE_MEMBERS },
		{ "meeting", CHANGE_MEETINGS }, { "note", CHANGE_NOTES },
		{ "action", CHANGE_ACTIONS }, { "entry", CHANGE_ENTRIES },
		/* a tag renamed: on entries and members alike */
		{ "tag", CHANGE_ENTRIES | CHANGE_MEMBERS }, { "topic", CHANGE_TOPICS },
	};
	sqlite3_stmt *st;
	int status, rc;

	*what = 0;
	status = db_prepare(db, "SELECT object, max(id) FROM activity WHERE id > ?"
			    " GROUP BY object", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, *stamp);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *object = (const char *)sqlite3_column_text(st, 0);
		int64_t id = sqlite3_column_int64(st, 1);
		unsigned bit = CHANGE_OTHER;

		for (size_t i = 0; object && i < ARRAY_SIZE(bits); i++)
			if (strcmp(object, bits[i].object) == 0)
				bit = bits[i].bit;
		*what |= bit;
		if (id > *stamp)
			*stamp = id;
	}
	status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "activity log");
	sqlite3_finalize(st);
	return status;
}

int visit_last(struct db *db, char **last)
{
	sqlite3_stmt *st;
	int status, rc;

	*last = NULL;
	if ((status = db_prepare(db, "SELECT last FROM visit WHERE login = ?", &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, db_login(db));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*last = store_col_strn(st, 0);
	status = rc == SQLITE_ROW || rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "visit");
	sqlite3_finalize(st);
	return status;
}

int visit_touch(struct db *db, char **previous)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status, rc;

	if (previous)
		*previous = NULL;
	time_now_iso(now);
	if ((status = db_write_begin_brief(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "SELECT last FROM visit WHERE login = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, db_login(db));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && previous)
			*previous = store_col_strn(st, 0);
		else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			status = db_sqlite_fail(db, rc, "visit");
		sqlite3_finalize(st);
	}
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO visit(login, last, previous) VALUES (?1, ?2, NULL)"
				    " ON CONFLICT(login) DO UPDATE SET previous = last, last = ?2", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, db_login(db));
		store_bind_text(st, 2, now);
		status = db_step_done(db, st, "visit");
	}
	status = db_write_end(db, status);
	if (status != COPSE_OK && previous) {
		free(*previous);
		*previous = NULL;
	}
	return status;
}

/* ---- presence ---- */

void presence_init(struct presence *p)
{
	memset(p, 0, sizeof *p);
}

void presence_done(struct presence *p)
{
	if (!p)
		return;
	free(p->login);
	free(p->place);
	free(p->editing);
	free(p->since);
	presence_init(p);
}

STORE_DONE_ELEM(presence)

void presence_list_free(struct presence *v, size_t n)
{
	store_list_free(v, n, sizeof *v, presence_done_elem);
}

static void hostname_of(char *host, size_t n)
{
	if (gethostname(host, n) != 0)
		snprintf(host, n, "localhost");
	host[n - 1] = '\0';
}

/* Upsert this session's row.  set: write place and editing too (else a
 * beat keeps them). */
static int presence_write(struct db *db, int set, const char *place, const char *editing)
{
	sqlite3_stmt *st;
	char now[ISO_LEN], host[256];
	int status;

	time_iso(time(NULL), now);   /* presence is real time, not COPSE_NOW */
	hostname_of(host, sizeof host);
	if ((status = db_write_begin_brief(db)) != COPSE_OK)
		return status;
	/* In an UPDATE every expression sees the old row: "editing IS
	 * excluded.editing" compares the old editing with the new one. */
	status = db_prepare(db, "INSERT INTO presence(login, pid, host, seen, place, editing, since)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 IS NOT NULL THEN ?4 END)"
			    " ON CONFLICT(login, pid, host) DO UPDATE SET seen = excluded.seen,"
			    " place = CASE WHEN ?7 THEN excluded.place ELSE place END,"
			    " since = CASE WHEN NOT ?7 OR editing IS excluded.editing THEN since"
			    "   ELSE excluded.since END,"
			    " editing = CASE WHEN ?7 THEN excluded.editing ELSE editing END", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, db_login(db));
		sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
		store_bind_text(st, 3, host);
		store_bind_text(st, 4, now);
		store_bind_text(st, 5, str_empty(place) ? NULL : place);
		store_bind_text(st, 6, str_empty(editing) ? NULL : editing);
		sqlite3_bind_int(st, 7, set);
		status = db_step_done(db, st, "presence");
	}
	/* Forget sessions not seen for ten minutes (crashed, killed). */
	if (status == COPSE_OK)
		status = db_exec(db, "DELETE FROM presence WHERE seen < "
				 "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-10 minutes')");
	return db_write_end(db, status);
}

int presence_beat(struct db *db)
{
	return presence_write(db, 0, NULL, NULL);
}

int presence_set(struct db *db, const char *place, const char *editing)
{
	return presence_write(db, 1, place, editing);
}

int presence_leave(struct db *db)
{
	sqlite3_stmt *st;
	char host[256];
	int status;

	hostname_of(host, sizeof host);
	if ((status = db_write_begin_brief(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "DELETE FROM presence WHERE login = ? AND pid = ? AND host = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, db_login(db));
		sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
		store_bind_text(st, 3, host);
		status = db_step_done(db, st, "presence");
	}
	return db_write_end(db, status);
}

/* Whether process pid runs on this host: kill(pid, 0) succeeds, or
 * fails only because it belongs to another user; and it is not a zombie
 * (killed, its parent not yet told), where /proc says so. */
static int pid_alive(int64_t pid)
{
	char path[64], stat[256];
	const char *paren;
	FILE *fp;
	size_t n;

	if (pid <= 0 || pid != (int64_t)(pid_t)pid)
		return 0;
	if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
		return 0;
	snprintf(path, sizeof path, "/proc/%lld/stat", (long long)pid);
	if (!(fp = fopen(path, "r")))
		return 1;
	n = fread(stat, 1, sizeof stat - 1, fp);
	fclose(fp);
	stat[n] = '\0';
	/* "PID (comm) S ...": the state follows the last ')' */
	paren = strrchr(stat, ')');
	return !(paren && paren[1] == ' ' && paren[2] == 'Z');
}

int presence_sessions(struct db *db, struct presence **out, size_t *n)
{
	struct presence *v = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	char host[256], expire[32];
	int status, rc;

	*out = NULL;
	*n = 0;
	hostname_of(host, sizeof host);
	snprintf(expire, sizeof expire, "-%d seconds", PRESENCE_EXPIRE);
	status = db_prepare(db, "SELECT login, pid, host, place, editing, since FROM presence"
			    " WHERE seen >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)"
			    " ORDER BY login, seen", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, expire);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(st, 1);
		const char *h = (const char *)sqlite3_column_text(st, 2);
		int here = h && strcmp(h, host) == 0;
		struct presence *p;

		/* on this host a process that has ended is gone at once */
		if (here && !pid_alive(pid))
			continue;
		if (len == cap) {
			size_t nc = cap ? cap * 2 : 8;
			struct presence *nv = realloc(v, nc * sizeof *nv);

			if (!nv) {
				status = db_nomem(db);
				break;
			}
			v = nv;
			cap = nc;
		}
		p = &v[len++];
		presence_init(p);
		p->login = store_col_str(st, 0);
		p->place = store_col_strn(st, 3);
		p->editing = store_col_strn(st, 4);
		p->since = store_col_strn(st, 5);
		p->mine = here && pid == (int64_t)getpid() &&
			  p->login && strcmp(p->login, db_login(db)) == 0;
		if (!p->login) {
			status = db_nomem(db);
			break;
		}
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "presence");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		presence_list_free(v, len);
		return status;
	}
	*out = v;
	*n = len;
	return COPSE_OK;
}

int presence_list(struct db *db, struct strv *logins)
{
	struct presence *v;
	size_t n;
	int status = presence_sessions(db, &v, &n);

	if (status != COPSE_OK)
		return status;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].login, db_login(db)) == 0 || strv_contains(logins, v[i].login))
			continue;
		if (strv_push(logins, v[i].login) != 0) {
			status = db_nomem(db);
			break;
		}
	}
	presence_list_free(v, n);
	return status;
}
