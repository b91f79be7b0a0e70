/* tag.c - the community's tags, counted and renamed everywhere: entry
 * tags and member expertise and interests (see tag.h). */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/tag.h"
#include "copse/util.h"
#include "store.h"

void tag_count_init(struct tag_count *t)
{
	memset(t, 0, sizeof *t);
}

void tag_count_done(struct tag_count *t)
{
	if (!t)
		return;
	free(t->tag);
	tag_count_init(t);
}

STORE_DONE_ELEM(tag_count)

void tag_count_list_free(struct tag_count *v, size_t n)
{
	store_list_free(v, n, sizeof *v, tag_count_done_elem);
}

static int tag_count_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct tag_count *t = elem;

	t->tag = store_col_str(st, 0);
	t->entries = sqlite3_column_int(st, 1);
	t->expertise = sqlite3_column_int(st, 2);
	t->interest = sqlite3_column_int(st, 3);
	return t->tag ? COPSE_OK : db_nomem(db);
}

int tag_list(struct db *db, struct tag_count **out, size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	/* a tag's spelling: the one most of its uses have (then the last in
	 * byte order: lower case before upper); counted per spelling, then
	 * per tag (one pass over each table, no query per tag) */
	status = db_prepare(db,
			    "WITH uses(tag, e, x, i) AS ("
			    "  SELECT tag, 1, 0, 0 FROM entry_tag"
			    "  UNION ALL SELECT tag, 0, kind = 'expertise', kind = 'interest'"
			    "  FROM member_tag),"
			    " spelled AS (SELECT tag, lower(tag) AS k, count(*) AS c, sum(e) AS se,"
			    "   sum(x) AS sx, sum(i) AS si FROM uses GROUP BY tag),"
			    " ranked AS (SELECT *, row_number() OVER (PARTITION BY k"
			    "   ORDER BY c DESC, tag DESC) AS rn FROM spelled)"
			    " SELECT max(CASE WHEN rn = 1 THEN tag END), sum(se), sum(sx), sum(si)"
			    " FROM ranked GROUP BY k ORDER BY 1 COLLATE FOLD", &st);
	if (status != COPSE_OK)
		return status;
	return store_collect(db, st, sizeof **out, tag_count_row, tag_count_done_elem, "tags",
			     (void **)out, n);
}

/* Run one statement of the rename with ?1 from, ?2 to, ?3 now; *changed
 * (may be NULL) gets the rows it changed. */
static int rename_step(struct db *db, const char *sql, const char *from, const char *to,
		       const char *now, int *changed)
{
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st);

	if (status != COPSE_OK)
		return status;
	/* a statement need not use every parameter */
	if (sqlite3_bind_parameter_count(st) >= 1)
		store_bind_text(st, 1, from);
	if (sqlite3_bind_parameter_count(st) >= 2)
		store_bind_text(st, 2, to);
	if (sqlite3_bind_parameter_count(st) >= 3)
		store_bind_text(st, 3, now);
	status = db_step_done(db, st, "tags");
	if (status == COPSE_OK && changed)
		*changed = sqlite3_changes(db->h);
	return status;
}

/* The rename, one set-based statement at a time: the entries and
 * members that have the tag are noted first (temp tables), then their
 * tags are changed, their versions moved and the entries' revisions
 * recorded. */
static const char *const rename_sql[] = {
	"CREATE TEMP TABLE IF NOT EXISTS tag_entry(id INTEGER PRIMARY KEY)",
	"CREATE TEMP TABLE IF NOT EXISTS tag_member(id INTEGER, kind TEXT,"
	"  PRIMARY KEY (id, kind))",
	"DELETE FROM temp.tag_entry",
	"DELETE FROM temp.tag_member",
	"INSERT INTO temp.tag_entry SELECT DISTINCT entry_id FROM entry_tag"
	"  WHERE tag = ?1 COLLATE NOCASE",
	"INSERT INTO temp.tag_member SELECT DISTINCT member_id, kind FROM member_tag"
	"  WHERE tag = ?1 COLLATE NOCASE",
	/* a merge: the entry or member may have the new tag already.  (Two
	 * statements: SQLite 3.40 turns "tag = ?1 COLLATE NOCASE OR tag =
	 * ?2 COLLATE NOCASE" into an IN that compares case.) */
	"DELETE FROM entry_tag WHERE entry_id IN (SELECT id FROM temp.tag_entry)"
	"  AND tag = ?1 COLLATE NOCASE",
	"DELETE FROM entry_tag WHERE entry_id IN (SELECT id FROM temp.tag_entry)"
	"  AND tag = ?2 COLLATE NOCASE",
	"INSERT INTO entry_tag(entry_id, tag) SELECT id, ?2 FROM temp.tag_entry",
	"DELETE FROM member_tag WHERE (member_id, kind) IN"
	"  (SELECT id, kind FROM temp.tag_member) AND tag = ?1 COLLATE NOCASE",
	"DELETE FROM member_tag WHERE (member_id, kind) IN"
	"  (SELECT id, kind FROM temp.tag_member) AND tag = ?2 COLLATE NOCASE",
	"INSERT INTO member_tag(member_id, kind, tag) SELECT id, kind, ?2 FROM temp.tag_member",
	"UPDATE entry SET version = version + 1, updated = ?3"
	"  WHERE id IN (SELECT id FROM temp.tag_entry)",
	"UPDATE member SET version = version + 1, updated = ?3"
	"  WHERE id IN (SELECT id FROM temp.tag_member)",
};

int tag_rename(struct db *db, const char *from, const char *to, int *entries, int *members)
{
	struct strv clean;
	char now[ISO_LEN];
	struct buf summary;
	int status, ne = 0, nm = 0;
	sqlite3_stmt *st;

	if (entries)
		*entries = 0;
	if (members)
		*members = 0;
	/* the new name as tags are saved: trimmed, no '#', no comma */
	strv_init(&clean);
	if (strv_push(&clean, to ? to : "") != 0)
		return db_nomem(db);
	if ((status = store_clean_tags(db, &clean, "new")) != COPSE_OK) {
		strv_done(&clean);
		return status;
	}
	if (clean.n == 0 || str_empty(from)) {
		strv_done(&clean);
		return db_fail(db, COPSE_INVALID, "tag rename: a tag must not be empty");
	}
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK) {
		strv_done(&clean);
		return status;
	}
	for (size_t i = 0; status == COPSE_OK && i < ARRAY_SIZE(rename_sql); i++)
		status = rename_step(db, rename_sql[i], from, clean.v[0], now,
				     i == 4 ? &ne : i == 5 ? &nm : NULL);
	if (status == COPSE_OK && ne + nm == 0)
		status = db_fail(db, COPSE_NOTFOUND, "tag '%.200s': no entry or member has it",
				 from);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT id FROM temp.tag_entry ORDER BY id", &st);
	if (status == COPSE_OK) {
		int64_t *ids = NULL;
		size_t n = 0;

		status = store_collect(db, st, sizeof *ids, store_row_id, NULL, "tags",
				       (void **)&ids, &n);
		for (size_t i = 0; status == COPSE_OK && i < n; i++)
			status = store_entry_revision(db, ids[i], now);
		free(ids);
	}
	if (status == COPSE_OK) {
		/* members count once, whichever of their lists had it */
		sqlite3_stmt *c;
		int64_t m = 0;

		status = db_prepare(db, "SELECT count(DISTINCT id) FROM temp.tag_member", &c);
		if (status == COPSE_OK)
			status = db_step_int(db, c, &m);
		nm = (int)m;
	}
	/* both tags whole: a cut one would be another tag (or half a
	 * character) in the log */
	buf_init(&summary);
	if (status == COPSE_OK && buf_printf(&summary, "%s -> %s", from, clean.v[0]) != 0)
		status = db_nomem(db);
	if (status == COPSE_OK)
		status = activity_log(db, "renamed", "tag", 0, summary.s);
	buf_done(&summary);
	status = db_write_end(db, status);
	strv_done(&clean);
	if (status == COPSE_OK) {
		if (entries)
			*entries = ne;
		if (members)
			*members = nm;
	}
	return status;
}
