/* topic.c - issues in the domain: topics, one vote per login, links to
 * meetings and entries. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "store.h"

static const char *const topic_statuses[] = { TOPIC_STATUSES, NULL };

void topic_done(struct topic *t)
{
	if (!t)
		return;
	free(t->title);
	free(t->body);
	free(t->status);
	free(t->author);
	free(t->created);
	free(t->updated);
	memset(t, 0, sizeof *t);
}

void topic_list_free(struct topic *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		topic_done(&v[i]);
	free(v);
}

static int step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, what);
}

static int set_str(char **field, const char *s)
{
	char *dup = xstrdup(s);

	if (s && !dup)
		return -1;
	free(*field);
	*field = dup;
	return 0;
}

/* ---- reading ---- */

/* ?1 is always db_login() for "voted". */
#define TOPIC_COLS "t.id, t.title, t.body, t.status, t.author, t.created, t.updated," \
	" t.version," \
	" (SELECT count(*) FROM topic_vote v WHERE v.topic_id = t.id) AS votes," \
	" EXISTS (SELECT 1 FROM topic_vote v WHERE v.topic_id = t.id AND v.login = ?1)," \
	" (SELECT count(*) FROM topic_meeting x WHERE x.topic_id = t.id)," \
	" (SELECT count(*) FROM topic_entry x WHERE x.topic_id = t.id)"

static int topic_from_row(struct db *db, sqlite3_stmt *st, struct topic *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->title = col_str(st, 1);
	t->body = col_str(st, 2);
	t->status = col_str(st, 3);
	t->author = col_str(st, 4);
	t->created = col_str(st, 5);
	t->updated = col_str(st, 6);
	t->version = sqlite3_column_int(st, 7);
	t->votes = sqlite3_column_int(st, 8);
	t->voted = sqlite3_column_int(st, 9);
	t->n_meetings = sqlite3_column_int(st, 10);
	t->n_entries = sqlite3_column_int(st, 11);
	if (!t->title || !t->body || !t->status || !t->author || !t->created || !t->updated)
		return db_fail(db, COPSE_NOMEM, "out of memory");
	return COPSE_OK;
}

int topic_get(struct db *db, int64_t id, struct topic *out)
{
	sqlite3_stmt *st;
	int status, rc;

	memset(out, 0, sizeof *out);
	if ((status = db_prepare(db, "SELECT " TOPIC_COLS " FROM topic t WHERE t.id = ?2",
				 &st)) != COPSE_OK)
		return status;
	db_bind_text(st, 1, db_login(db));
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status = topic_from_row(db, st, out);
	else if (rc == SQLITE_DONE)
		status = db_fail(db, COPSE_NOTFOUND, "topic %lld: no such topic", (long long)id);
	else
		status = db_sqlite_fail(db, rc, "topic");
	sqlite3_finalize(st);
	if (status != COPSE_OK)
		topic_done(out);
	return status;
}

int topic_list(struct db *db, const struct topic_filter *f,
	       struct topic **out, size_t *n)
{
	static const struct topic_filter none;
	sqlite3_stmt *st;
	struct topic *v = NULL;
	size_t len = 0, cap = 0;
	int status, rc;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &none;
	status = db_prepare(db, "SELECT " TOPIC_COLS " FROM topic t"
			    " WHERE (?2 IS NULL OR t.status = ?2)"
			    " AND (?3 IS NULL OR instr(lower(t.title), lower(?3)) > 0)"
			    " ORDER BY votes DESC, t.created DESC, t.id DESC", &st);
	if (status != COPSE_OK)
		return status;
	db_bind_text(st, 1, db_login(db));
	db_bind_text(st, 2, f->status);
	db_bind_text(st, 3, f->query);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct topic *nv = realloc(v, ncap * sizeof *nv);

			if (!nv) {
				status = db_fail(db, COPSE_NOMEM, "out of memory");
				break;
			}
			v = nv;
			cap = ncap;
		}
		status = topic_from_row(db, st, &v[len]);
		len++;
		if (status != COPSE_OK)
			break;
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "topics");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		topic_list_free(v, len);
		return status;
	}
	*out = v;
	*n = len;
	return COPSE_OK;
}

/* ---- writing ---- */

static int topic_validate(struct db *db, const struct topic *t)
{
	if (str_empty(t->title))
		return db_fail(db, COPSE_INVALID, "topic: title must not be empty");
	if (t->status && !db_one_of(t->status, topic_statuses))
		return db_fail(db, COPSE_INVALID, "status '%s': must be one of %s",
			       t->status, db_list_str(topic_statuses));
	return COPSE_OK;
}

int topic_add(struct db *db, struct topic *t)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = topic_validate(db, t)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if (set_str(&t->status, t->status ? t->status : "open") != 0 ||
	    set_str(&t->author, !str_empty(t->author) ? t->author : db_login(db)) != 0 ||
	    set_str(&t->body, t->body ? t->body : "") != 0 ||
	    set_str(&t->created, now) != 0 || set_str(&t->updated, now) != 0)
		return db_fail(db, COPSE_NOMEM, "out of memory");
	str_trim(t->title);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "INSERT INTO topic(title, body, status, author, created,"
			    " updated, version) VALUES (?, ?, ?, ?, ?, ?, 1)", &st);
	if (status == COPSE_OK) {
		db_bind_text(st, 1, t->title);
		db_bind_text(st, 2, t->body);
		db_bind_text(st, 3, t->status);
		db_bind_text(st, 4, t->author);
		db_bind_text(st, 5, now);
		db_bind_text(st, 6, now);
		status = step_done(db, st, "topic");
	}
	if (status == COPSE_OK) {
		t->id = sqlite3_last_insert_rowid(db->h);
		status = activity_log(db, "added", "topic", t->id, t->title);
	}
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		t->version = 1;
		t->votes = t->voted = t->n_meetings = t->n_entries = 0;
	} else {
		t->id = 0;
	}
	return status;
}

/* Title of topic id into *title (caller frees); NOTFOUND if none. */
static int topic_title(struct db *db, int64_t id, char **title)
{
	sqlite3_stmt *st;
	int status, rc;

	*title = NULL;
	if ((status = db_prepare(db, "SELECT title FROM topic WHERE id = ?", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status = (*title = col_str(st, 0)) ? COPSE_OK
			: db_fail(db, COPSE_NOMEM, "out of memory");
	else if (rc == SQLITE_DONE)
		status = db_fail(db, COPSE_NOTFOUND, "topic %lld: no such topic", (long long)id);
	else
		status = db_sqlite_fail(db, rc, "topic");
	sqlite3_finalize(st);
	return status;
}

int topic_update(struct db *db, struct topic *t)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = topic_validate(db, t)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if (set_str(&t->status, t->status ? t->status : "open") != 0 ||
	    set_str(&t->body, t->body ? t->body : "") != 0)
		return db_fail(db, COPSE_NOMEM, "out of memory");
	str_trim(t->title);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "UPDATE topic SET title = ?, body = ?, status = ?, updated = ?,"
			    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		db_bind_text(st, 1, t->title);
		db_bind_text(st, 2, t->body);
		db_bind_text(st, 3, t->status);
		db_bind_text(st, 4, now);
		sqlite3_bind_int64(st, 5, t->id);
		sqlite3_bind_int(st, 6, t->version);
		status = step_done(db, st, "topic");
	}
	if (status == COPSE_OK && sqlite3_changes(db->h) == 0) {
		int64_t v = 0;

		status = db_prepare(db, "SELECT version FROM topic WHERE id = ?", &st);
		if (status == COPSE_OK) {
			sqlite3_bind_int64(st, 1, t->id);
			status = db_step_int(db, st, &v);
		}
		if (status == COPSE_OK)
			status = v == 0
				? db_fail(db, COPSE_NOTFOUND, "topic %lld: no such topic",
					  (long long)t->id)
				: db_fail(db, COPSE_CONFLICT,
					  "topic %lld: changed by someone else (now version %lld)",
					  (long long)t->id, (long long)v);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "topic", t->id, t->title);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		t->version++;
		if (set_str(&t->updated, now) != 0)
			return db_fail(db, COPSE_NOMEM, "out of memory");
	}
	return status;
}

int topic_delete(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *title = NULL;
	int status;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = topic_title(db, id, &title);
	if (status == COPSE_OK)
		status = db_prepare(db, "DELETE FROM topic WHERE id = ?", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, id);
		status = step_done(db, st, "topic");
	}
	if (status == COPSE_OK)
		status = activity_log(db, "deleted", "topic", id, title);
	free(title);
	return db_write_end(db, status);
}

int topic_vote(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	char *title = NULL;
	int status;

	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = topic_title(db, id, &title);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO topic_vote(topic_id, login, at)"
				    " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, db_login(db));
		db_bind_text(st, 3, now);
		status = step_done(db, st, "topic vote");
		if (status == COPSE_OK && sqlite3_changes(db->h) == 0)
			status = db_fail(db, COPSE_CONFLICT, "topic %lld: you have already voted",
					 (long long)id);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "voted", "topic", id, title);
	free(title);
	return db_write_end(db, status);
}

int topic_unvote(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *title = NULL;
	int status;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = topic_title(db, id, &title);
	if (status == COPSE_OK)
		status = db_prepare(db, "DELETE FROM topic_vote WHERE topic_id = ? AND login = ?",
				    &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, db_login(db));
		status = step_done(db, st, "topic vote");
		if (status == COPSE_OK && sqlite3_changes(db->h) == 0)
			status = db_fail(db, COPSE_NOTFOUND, "topic %lld: you have not voted",
					 (long long)id);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "unvoted", "topic", id, title);
	free(title);
	return db_write_end(db, status);
}

/* Link topic to a row of `table` (meeting|entry) through link_table. */
static int topic_link(struct db *db, int64_t topic_id, const char *what, int64_t other_id)
{
	sqlite3_stmt *st;
	char *title = NULL;
	int64_t n = 0;
	int status, is_meeting = strcmp(what, "meeting") == 0;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = topic_title(db, topic_id, &title);
	if (status == COPSE_OK)
		status = db_prepare(db, is_meeting ? "SELECT count(*) FROM meeting WHERE id = ?"
				    : "SELECT count(*) FROM entry WHERE id = ?", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, other_id);
		status = db_step_int(db, st, &n);
	}
	if (status == COPSE_OK && n == 0)
		status = db_fail(db, COPSE_NOTFOUND, "%s %lld: no such %s", what,
				 (long long)other_id, what);
	if (status == COPSE_OK)
		status = db_prepare(db, is_meeting
				    ? "INSERT OR IGNORE INTO topic_meeting(topic_id, meeting_id) VALUES (?, ?)"
				    : "INSERT OR IGNORE INTO topic_entry(topic_id, entry_id) VALUES (?, ?)",
				    &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, topic_id);
		sqlite3_bind_int64(st, 2, other_id);
		status = step_done(db, st, "topic link");
	}
	if (status == COPSE_OK && sqlite3_changes(db->h) > 0)
		status = activity_log(db, "linked", "topic", topic_id, title);
	free(title);
	return db_write_end(db, status);
}

int topic_link_meeting(struct db *db, int64_t topic_id, int64_t meeting_id)
{
	return topic_link(db, topic_id, "meeting", meeting_id);
}

int topic_link_entry(struct db *db, int64_t topic_id, int64_t entry_id)
{
	return topic_link(db, topic_id, "entry", entry_id);
}

static int collect_ids(struct db *db, const char *sql, int64_t topic_id,
		       int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	int64_t *v = NULL;
	size_t len = 0, cap = 0;
	int status, rc;

	*ids = NULL;
	*n = 0;
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, topic_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			int64_t *nv = realloc(v, ncap * sizeof *nv);

			if (!nv) {
				status = db_fail(db, COPSE_NOMEM, "out of memory");
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[len++] = sqlite3_column_int64(st, 0);
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, "topic links");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		free(v);
		return status;
	}
	*ids = v;
	*n = len;
	return COPSE_OK;
}

int topic_links(struct db *db, int64_t topic_id, int64_t **meeting_ids,
		size_t *nm, int64_t **entry_ids, size_t *ne)
{
	char *title = NULL;
	int status;

	*meeting_ids = *entry_ids = NULL;
	*nm = *ne = 0;
	if ((status = topic_title(db, topic_id, &title)) != COPSE_OK)
		return status;
	free(title);
	status = collect_ids(db, "SELECT x.meeting_id FROM topic_meeting x"
			     " JOIN meeting m ON m.id = x.meeting_id"
			     " WHERE x.topic_id = ? ORDER BY m.starts DESC, m.id DESC",
			     topic_id, meeting_ids, nm);
	if (status == COPSE_OK)
		status = collect_ids(db, "SELECT x.entry_id FROM topic_entry x"
				     " JOIN entry e ON e.id = x.entry_id"
				     " WHERE x.topic_id = ? ORDER BY e.title COLLATE NOCASE, e.id",
				     topic_id, entry_ids, ne);
	if (status != COPSE_OK) {
		free(*meeting_ids);
		*meeting_ids = NULL;
		*nm = 0;
	}
	return status;
}
