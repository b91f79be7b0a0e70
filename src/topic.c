/* topic.c - issues in the domain: topics, one vote per login, links to
 * meetings and entries. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "store.h"

static const char *const topic_statuses[] = { TOPIC_STATUSES, NULL };

/* ---- memory ---- */

void topic_init(struct topic *t)
{
	memset(t, 0, sizeof *t);
}

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
	topic_init(t);
}

STORE_DONE_ELEM(topic)

void topic_list_free(struct topic *v, size_t n)
{
	store_list_free(v, n, sizeof *v, topic_done_elem);
}

/* ---- reading ---- */

/* ?1 is always db_login() for "voted". */
#define TOPIC_COLS "t.id, t.title, t.body, t.status, t.author, t.created, t.updated," \
	" t.version," \
	" (SELECT count(*) FROM topic_vote v WHERE v.topic_id = t.id) AS votes," \
	" EXISTS (SELECT 1 FROM topic_vote v WHERE v.topic_id = t.id AND v.login = ?1)," \
	" (SELECT count(*) FROM topic_meeting x WHERE x.topic_id = t.id)," \
	" (SELECT count(*) FROM topic_entry x WHERE x.topic_id = t.id)"

static int topic_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct topic *t = elem;

	t->id = sqlite3_column_int64(st, 0);
	t->title = store_col_str(st, 1);
	t->body = store_col_str(st, 2);
	t->status = store_col_str(st, 3);
	t->author = store_col_str(st, 4);
	t->created = store_col_str(st, 5);
	t->updated = store_col_str(st, 6);
	t->version = sqlite3_column_int(st, 7);
	t->votes = sqlite3_column_int(st, 8);
	t->voted = sqlite3_column_int(st, 9);
	t->n_meetings = sqlite3_column_int(st, 10);
	t->n_entries = sqlite3_column_int(st, 11);
	if (!t->title || !t->body || !t->status || !t->author || !t->created || !t->updated)
		return db_nomem(db);
	return COPSE_OK;
}

int topic_get(struct db *db, int64_t id, struct topic *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status;

	topic_init(out);
	if ((status = db_prepare(db, "SELECT " TOPIC_COLS " FROM topic t WHERE t.id = ?2",
				 &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, db_login(db));
	sqlite3_bind_int64(st, 2, id);
	snprintf(missing, sizeof missing, "topic %lld: no such topic", (long long)id);
	if ((status = store_get_row(db, st, topic_row, out, "topic", missing)) != COPSE_OK)
		topic_done(out);
	return status;
}

int topic_list(struct db *db, const struct topic_filter *f,
	       struct topic **out, size_t *n)
{
	static const struct topic_filter none;
	sqlite3_stmt *st;
	int status;

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
	store_bind_text(st, 1, db_login(db));
	store_bind_text(st, 2, f->status);
	store_bind_text(st, 3, f->query);
	return store_collect(db, st, sizeof **out, topic_row, topic_done_elem, "topics",
			     (void **)out, n);
}

/* ---- the Topics panel, by the screenful ---- */

/* As topic_list orders them (the most votes first, then the newest),
 * without bodies; ?6 is the login (voted).  The filter is a piece of the
 * title, case and accents ignored. */
static const struct store_list topic_pages = {
	"t.id, t.title, '', t.status, t.author, t.created, t.updated, t.version,"
	" (SELECT count(*) FROM topic_vote v WHERE v.topic_id = t.id),"
	" EXISTS (SELECT 1 FROM topic_vote v WHERE v.topic_id = t.id AND v.login = ?6),"
	" (SELECT count(*) FROM topic_meeting x WHERE x.topic_id = t.id),"
	" (SELECT count(*) FROM topic_entry x WHERE x.topic_id = t.id)",
	"topic t",
	"?1 IS NULL OR instr(copse_fold(t.title), copse_fold(?1)) > 0",
	"(SELECT count(*) FROM topic_vote v WHERE v.topic_id = t.id), t.created, t.id",
	"?4, ?2, ?3",
	1,
};

int topic_page(struct db *db, const char *query, const struct page_req *r,
	       struct topic **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = store_page_prepare(db, &topic_pages, query, r, &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 6, db_login(db));
	return store_collect(db, st, sizeof **out, topic_row, topic_done_elem, "topics",
			     (void **)out, n);
}

int topic_count(struct db *db, const char *query, const struct page_key *before, int64_t *n)
{
	sqlite3_stmt *st;
	int status;

	*n = 0;
	if ((status = store_count_prepare(db, &topic_pages, query, before, &st)) != COPSE_OK)
		return status;
	return db_step_int(db, st, n);
}

int topic_key(const struct topic *t, struct page_key *k)
{
	return page_key_set(k, t->votes, t->created, t->id);
}

/* ---- writing ---- */

/* Validate t and fill in its defaults. */
static int topic_prepare(struct db *db, struct topic *t)
{
	int status;

	if (str_empty(t->title))
		return db_fail(db, COPSE_INVALID, "topic: title must not be empty");
	if (t->status &&
	    (status = store_check_one_of(db, "status", t->status, topic_statuses)) != COPSE_OK)
		return status;
	if (store_set_str(&t->status, t->status ? t->status : "open") != 0 ||
	    store_set_str(&t->body, t->body ? t->body : "") != 0)
		return db_nomem(db);
	if ((status = store_check_md(db, "topic", t->body)) != COPSE_OK)
		return status;
	str_trim(t->title);
	return COPSE_OK;
}

int topic_add(struct db *db, struct topic *t)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = topic_prepare(db, t)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if (store_set_str(&t->author, !str_empty(t->author) ? t->author : db_login(db)) != 0 ||
	    store_set_str(&t->created, now) != 0 || store_set_str(&t->updated, now) != 0)
		return db_nomem(db);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "INSERT INTO topic(title, body, status, author, created,"
			    " updated, version) VALUES (?, ?, ?, ?, ?, ?, 1)", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, t->title);
		store_bind_text(st, 2, t->body);
		store_bind_text(st, 3, t->status);
		store_bind_text(st, 4, t->author);
		store_bind_text(st, 5, now);
		store_bind_text(st, 6, now);
		status = db_step_done(db, st, "topic");
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

/* Title of topic id into *title (caller frees; may be NULL); NOTFOUND if
 * there is no such topic. */
static int topic_title(struct db *db, int64_t id, char **title)
{
	return store_lookup(db, "SELECT title FROM topic WHERE id = ?", id, "topic", title);
}

int topic_update(struct db *db, struct topic *t)
{
	sqlite3_stmt *st;
	char now[ISO_LEN];
	int status;

	if ((status = topic_prepare(db, t)) != COPSE_OK)
		return status;
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = db_prepare(db, "UPDATE topic SET title = ?, body = ?, status = ?, updated = ?,"
			    " version = version + 1 WHERE id = ? AND version = ?", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, t->title);
		store_bind_text(st, 2, t->body);
		store_bind_text(st, 3, t->status);
		store_bind_text(st, 4, now);
		sqlite3_bind_int64(st, 5, t->id);
		sqlite3_bind_int(st, 6, t->version);
		status = store_step_update(db, st, "topic", "topic", t->id);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "edited", "topic", t->id, t->title);
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		t->version++;
		if (store_set_str(&t->updated, now) != 0)
			return db_nomem(db);
	}
	return status;
}

int topic_delete(struct db *db, int64_t id)
{
	return store_trash_move(db, "topic", id);
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
		store_bind_text(st, 2, db_login(db));
		store_bind_text(st, 3, now);
		status = db_step_done(db, st, "topic vote");
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
		store_bind_text(st, 2, db_login(db));
		status = db_step_done(db, st, "topic vote");
		if (status == COPSE_OK && sqlite3_changes(db->h) == 0)
			status = db_fail(db, COPSE_NOTFOUND, "topic %lld: you have not voted",
					 (long long)id);
	}
	if (status == COPSE_OK)
		status = activity_log(db, "unvoted", "topic", id, title);
	free(title);
	return db_write_end(db, status);
}

/* Link the topic to meeting or entry other_id (what: "meeting"|"entry");
 * linking twice changes nothing and logs nothing. */
static int topic_link(struct db *db, int64_t topic_id, const char *what, int64_t other_id)
{
	sqlite3_stmt *st;
	char *title = NULL;
	int status, is_meeting = strcmp(what, "meeting") == 0;

	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = topic_title(db, topic_id, &title);
	if (status == COPSE_OK)
		status = store_lookup(db, is_meeting ? "SELECT 1 FROM meeting WHERE id = ?"
				      : "SELECT 1 FROM entry WHERE id = ?", other_id, what, NULL);
	if (status == COPSE_OK)
		status = db_prepare(db, is_meeting
				    ? "INSERT OR IGNORE INTO topic_meeting(topic_id, meeting_id) VALUES (?, ?)"
				    : "INSERT OR IGNORE INTO topic_entry(topic_id, entry_id) VALUES (?, ?)",
				    &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, topic_id);
		sqlite3_bind_int64(st, 2, other_id);
		status = db_step_done(db, st, "topic link");
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
	int status;

	*ids = NULL;
	*n = 0;
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, topic_id);
	return store_collect(db, st, sizeof **ids, store_row_id, NULL, "topic links",
			     (void **)ids, n);
}

int topic_links(struct db *db, int64_t topic_id, int64_t **meeting_ids,
		size_t *nm, int64_t **entry_ids, size_t *ne)
{
	int status;

	*meeting_ids = *entry_ids = NULL;
	*nm = *ne = 0;
	if ((status = topic_title(db, topic_id, NULL)) != COPSE_OK)
		return status;
	status = collect_ids(db, "SELECT x.meeting_id FROM topic_meeting x"
			     " JOIN meeting m ON m.id = x.meeting_id"
			     " WHERE x.topic_id = ? ORDER BY m.starts DESC, m.id DESC",
			     topic_id, meeting_ids, nm);
	if (status == COPSE_OK)
		status = collect_ids(db, "SELECT x.entry_id FROM topic_entry x"
				     " JOIN entry e ON e.id = x.entry_id"
				     " WHERE x.topic_id = ? ORDER BY e.title COLLATE FOLD, e.id",
				     topic_id, entry_ids, ne);
	if (status != COPSE_OK) {
		free(*meeting_ids);
		*meeting_ids = NULL;
		*nm = 0;
	}
	return status;
}
