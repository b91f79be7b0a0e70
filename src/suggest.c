/* suggest.c - suggested introductions: pairs found and ranked in SQL
 * over the member tags, each with its reason; dismissing one.  See
 * suggest.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/suggest.h"
#include "copse/util.h"
#include "store.h"

#define STR_(x) #x
#define STR(x) STR_(x)

void suggestion_init(struct suggestion *s)
{
	memset(s, 0, sizeof *s);
}

void suggestion_done(struct suggestion *s)
{
	if (!s)
		return;
	free(s->a_name);
	free(s->b_name);
	free(s->reason);
	suggestion_init(s);
}

STORE_DONE_ELEM(suggestion)

void suggestion_list_free(struct suggestion *v, size_t n)
{
	store_list_free(v, n, sizeof *v, suggestion_done_elem);
}

int64_t suggest_pair_id(int64_t a, int64_t b)
{
	if (a > b) {
		int64_t t = a;
		a = b;
		b = t;
	}
	if (a <= 0 || b > 0xffffffffLL)
		return 0;
	return (a << 32) | b;
}

void suggest_pair_split(int64_t id, int64_t *a, int64_t *b)
{
	*a = id >> 32;
	*b = id & 0xffffffffLL;
}

/* Pairs (a, b, score) still open: not connected, not dismissed, neither
 * an alumnus.  p is a subquery of rows (a, b, w) with a < b. */
#define OPEN_PAIRS(p) \
	"SELECT g.a, g.b, ma.name, mb.name, g.s FROM (SELECT a, b, sum(w) AS s FROM " p \
	" GROUP BY a, b) g JOIN member ma ON ma.id = g.a JOIN member mb ON mb.id = g.b" \
	" WHERE ma.status <> 'alumni' AND mb.status <> 'alumni'" \
	" AND NOT EXISTS (SELECT 1 FROM connection k WHERE k.a = g.a AND k.b = g.b)" \
	" AND NOT EXISTS (SELECT 1 FROM connection k WHERE k.a = g.b AND k.b = g.a)" \
	" AND NOT EXISTS (SELECT 1 FROM suggestion_dismissed d WHERE d.a = g.a AND d.b = g.b)" \
	" ORDER BY g.s DESC, ma.name COLLATE FOLD, mb.name COLLATE FOLD, g.a, g.b" \
	" LIMIT :limit"

/* The whole community: tags of current members, the rarest first until
 * the budget of candidate pairs is spent. */
static const char community_sql[] =
	"WITH t AS MATERIALIZED (SELECT x.member_id AS id, x.kind, x.tag FROM member_tag x"
	"  JOIN member m ON m.id = x.member_id AND m.status <> 'alumni'),"
	" cost AS (SELECT tag COLLATE NOCASE AS tag, sum(kind = 'expertise') * sum(kind = 'interest')"
	"  + sum(kind = 'interest') * (sum(kind = 'interest') - 1) / 2 AS c"
	"  FROM t GROUP BY tag COLLATE NOCASE),"
	" chosen AS MATERIALIZED (SELECT tag FROM (SELECT tag, c, sum(c) OVER (ORDER BY c,"
	"  tag ROWS UNBOUNDED PRECEDING) - c AS before FROM cost WHERE c > 0)"
	"  WHERE before < " STR(SUGGEST_BUDGET) "),"
	" ct AS MATERIALIZED (SELECT t.* FROM t JOIN chosen c ON c.tag = t.tag COLLATE NOCASE)"
	OPEN_PAIRS("(SELECT min(x.id, y.id) AS a, max(x.id, y.id) AS b,"
		   "  CASE WHEN x.kind = 'expertise' THEN 2 ELSE 1 END AS w"
		   "  FROM ct x JOIN ct y ON y.tag = x.tag COLLATE NOCASE AND y.kind = 'interest'"
		   "  AND y.id <> x.id WHERE x.kind = 'expertise' OR y.id > x.id)");

/* One member's: every tag of theirs against everyone's. */
static const char member_sql[] =
	OPEN_PAIRS("(SELECT min(:id, y.member_id) AS a, max(:id, y.member_id) AS b,"
		   "  CASE WHEN x.kind = 'expertise' OR y.kind = 'expertise' THEN 2 ELSE 1 END AS w"
		   "  FROM member_tag x JOIN member_tag y ON y.tag = x.tag COLLATE NOCASE"
		   "  AND y.member_id <> :id"
		   "  WHERE x.member_id = :id AND (x.kind = 'interest' OR y.kind = 'interest'))");

/* "A knows about t1 and t2, which interests B": the tags of one kind of
 * match, joined into b. */
static void put_tags(struct buf *b, const struct strv *tags)
{
	for (size_t i = 0; i < tags->n; i++) {
		if (i)
			buf_puts(b, i + 1 == tags->n ? " and " : ", ");
		buf_puts(b, tags->v[i]);
	}
}

/* Tags of member ?1 of kind k1 that member ?2 has as kind k2. */
#define MEET(what, x, k1, y, k2) \
	"SELECT '" what "', x.tag FROM member_tag x JOIN member_tag y" \
	" ON y.tag = x.tag COLLATE NOCASE AND y.member_id = " y " AND y.kind = '" k2 "'" \
	" WHERE x.member_id = " x " AND x.kind = '" k1 "'"

/* Why a and b: the tags they meet on. */
static int reason_of(struct db *db, struct suggestion *s)
{
	struct strv tags[3];    /* a knows, b knows, both interested */
	sqlite3_stmt *st;
	struct buf b;
	int status, rc;

	status = db_prepare(db, MEET("0", "?1", "expertise", "?2", "interest")
			    " UNION ALL " MEET("1", "?2", "expertise", "?1", "interest")
			    " UNION ALL " MEET("2", "?1", "interest", "?2", "interest")
			    " ORDER BY 1, 2 COLLATE FOLD, 2", &st);
	if (status != COPSE_OK)
		return status;
	for (size_t i = 0; i < ARRAY_SIZE(tags); i++)
		strv_init(&tags[i]);
	buf_init(&b);
	sqlite3_bind_int64(st, 1, s->a);
	sqlite3_bind_int64(st, 2, s->b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = sqlite3_column_int(st, 0);
		const char *tag = (const char *)sqlite3_column_text(st, 1);

		if (k >= 0 && k < 3 && tag && !strv_contains(&tags[k], tag) &&
		    strv_push(&tags[k], tag) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	status = rc == SQLITE_DONE ? COPSE_OK
		 : rc == SQLITE_NOMEM ? db_nomem(db) : db_sqlite_fail(db, rc, "suggestion");
	sqlite3_finalize(st);
	if (status == COPSE_OK) {
		const char *knows[] = { s->a_name, s->b_name }, *wants[] = { s->b_name, s->a_name };

		for (int i = 0; i < 2; i++) {
			if (!tags[i].n)
				continue;
			if (b.len)
				buf_puts(&b, "; ");
			buf_printf(&b, "%s knows about ", knows[i]);
			put_tags(&b, &tags[i]);
			buf_printf(&b, ", which interest%s %s", tags[i].n == 1 ? "s" : "", wants[i]);
		}
		if (tags[2].n) {
			if (b.len)
				buf_puts(&b, "; ");
			buf_puts(&b, "both are interested in ");
			put_tags(&b, &tags[2]);
		}
		if (!(s->reason = buf_steal(&b)))
			status = db_nomem(db);
	}
	buf_done(&b);
	for (size_t i = 0; i < ARRAY_SIZE(tags); i++)
		strv_done(&tags[i]);
	return status;
}

static int suggestion_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct suggestion *s = elem;

	s->a = sqlite3_column_int64(st, 0);
	s->b = sqlite3_column_int64(st, 1);
	s->a_name = store_col_str(st, 2);
	s->b_name = store_col_str(st, 3);
	s->score = sqlite3_column_int(st, 4);
	return s->a_name && s->b_name ? COPSE_OK : db_nomem(db);
}

/* ---- the community's best pairs, kept ----
 *
 * Finding the community's pairs reads every current member's tags (tens
 * of milliseconds with thousands of members), and Home shows the first
 * few at every start.  So the first KEPT_PAIRS of the list are kept in
 * meta under KEPT_KEY as "KEPT_FORMAT BUDGET STAMP N a b s a b s ...":
 * the list as it was when the activity log's newest row was STAMP, N
 * pairs (fewer than KEPT_PAIRS: the whole list).  Every change that can
 * change the list (a member added, edited, deleted or restored, tags, a
 * status, a name, a connection, a tag renamed, a dismissal) logs a row
 * about a member, a connection, a tag or a suggestion (activity.h), so
 * the kept pairs hold while no such row came after STAMP; the names are
 * read again each time.  The stamp is read before the pairs are found:
 * a change in between makes the kept list look older, never newer.  The
 * key is derived, so export leaves it out (exchange.c).  A reader who
 * may not write finds the pairs each time. */
#define KEPT_PAIRS 20
#define KEPT_FORMAT "s1"

static const char kept_changed_sql[] =
	"SELECT EXISTS (SELECT 1 FROM activity WHERE id > ?1"
	"  AND object IN ('member', 'connection', 'tag', 'suggestion'))"
	" OR (SELECT coalesce(max(id), 0) FROM activity) < ?1";

/* The kept pairs into *out (first limit of them) when they still hold;
 * 0 when not (nothing kept, changed since, another format). */
static int kept_read(struct db *db, int limit, struct suggestion **out, size_t *n)
{
	sqlite3_stmt *st;
	char *v = NULL, *p, *end;
	long long stamp, budget, count, a, b, score;
	int64_t changed = 1;
	size_t k = 0;
	int ok = 0;

	if (db_prepare(db, "SELECT value FROM meta WHERE key = '" SUGGEST_KEPT_KEY "'", &st) != COPSE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = store_col_strn(st, 0);
	sqlite3_finalize(st);
	if (!v || strncmp(v, KEPT_FORMAT " ", 3) != 0)
		goto out;
	p = v + 3;
	budget = strtoll(p, &end, 10);
	stamp = end > p ? strtoll(p = end, &end, 10) : -1;
	count = end > p ? strtoll(p = end, &end, 10) : -1;
	if (end == p || budget != SUGGEST_BUDGET || stamp < 0 || count < 0 || count > KEPT_PAIRS)
		goto out;
	if (db_prepare(db, kept_changed_sql, &st) != COPSE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, stamp);
	if (db_step_int(db, st, &changed) != COPSE_OK || changed)
		goto out;
	if (count > limit)
		count = limit;
	if (count && !(*out = calloc((size_t)count, sizeof **out)))
		goto out;
	if (db_prepare(db, "SELECT a.name, b.name FROM member a, member b"
		       " WHERE a.id = ?1 AND b.id = ?2", &st) != COPSE_OK)
		goto out;
	for (k = 0; k < (size_t)count; k++) {
		struct suggestion *x = &(*out)[k];

		a = strtoll(p = end, &end, 10);
		b = end > p ? strtoll(p = end, &end, 10) : 0;
		score = end > p ? strtoll(p = end, &end, 10) : 0;
		if (end == p || a <= 0 || b <= 0)
			break;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		if (sqlite3_step(st) != SQLITE_ROW)
			break;
		x->a = a;
		x->b = b;
		x->score = (int)score;
		x->a_name = store_col_str(st, 0);
		x->b_name = store_col_str(st, 1);
		if (!x->a_name || !x->b_name) {
			k++;
			break;
		}
		ok = k + 1 == (size_t)count;
	}
	sqlite3_finalize(st);
	ok = ok || !count;
out:
	free(v);
	if (!ok) {
		suggestion_list_free(*out, k);
		*out = NULL;
		k = 0;
	}
	*n = k;
	return ok;
}

/* Keep the first pairs of the list found at stamp.  Home reads them
 * before its first screen, so this write never waits: while another
 * process writes, or when this user may only read, nothing is kept and
 * the next call finds the pairs again. */
static void kept_write(struct db *db, int64_t stamp, const struct suggestion *v, size_t n)
{
	sqlite3_stmt *st;
	struct buf b;
	int status;

	if (db_readonly(db) || stamp < 0)
		return;
	buf_init(&b);
	buf_printf(&b, KEPT_FORMAT " %d %lld %zu", SUGGEST_BUDGET, (long long)stamp, n);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, " %lld %lld %d", (long long)v[i].a, (long long)v[i].b, v[i].score);
	if (!b.s) {
		buf_done(&b);
		return;
	}
	if (db->tx_depth > 0) {
		status = db_write_begin(db);
	} else {
		sqlite3_busy_timeout(db->h, 0);
		status = db_begin(db);
		sqlite3_busy_timeout(db->h, db->busy_ms);
	}
	if (status != COPSE_OK) {
		buf_done(&b);
		return;
	}
	status = db_prepare(db, "INSERT INTO meta(key, value) VALUES ('" SUGGEST_KEPT_KEY "', ?)"
			    " ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
	if (status == COPSE_OK) {
		store_bind_text(st, 1, b.s);
		status = db_step_done(db, st, "suggestions");
	}
	db_write_end(db, status);
	buf_done(&b);
}

int suggest_list(struct db *db, const struct suggest_filter *f,
		 struct suggestion **out, size_t *n)
{
	static const struct suggest_filter all;
	sqlite3_stmt *st;
	int64_t stamp = -1;
	int status, limit, keep;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &all;
	limit = f->limit > 0 ? f->limit : -1;
	keep = f->member_id <= 0 && limit > 0 && limit <= KEPT_PAIRS;
	if (f->member_id > 0 &&
	    (status = store_lookup(db, "SELECT 1 FROM member WHERE id = ?", f->member_id,
				   "member", NULL)) != COPSE_OK)
		return status;
	if (keep && kept_read(db, limit, out, n)) {
		status = COPSE_OK;
		goto reasons;
	}
	if (keep)
		stamp = activity_stamp(db);
	status = db_prepare(db, f->member_id > 0 ? member_sql : community_sql, &st);
	if (status != COPSE_OK)
		return status;
	if (f->member_id > 0)
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), f->member_id);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"),
			 keep ? KEPT_PAIRS : limit);
	status = store_collect(db, st, sizeof **out, suggestion_row, suggestion_done_elem,
			       "suggestions", (void **)out, n);
	if (status == COPSE_OK && keep) {
		kept_write(db, stamp, *out, *n);
		while (*n > (size_t)limit)
			suggestion_done(&(*out)[--*n]);
	}
reasons:
	for (size_t i = 0; status == COPSE_OK && !f->names_only && i < *n; i++)
		status = reason_of(db, &(*out)[i]);
	if (status != COPSE_OK) {
		suggestion_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

int suggest_dismiss(struct db *db, int64_t a, int64_t b)
{
	sqlite3_stmt *st;
	char now[ISO_LEN], *an = NULL, *bn = NULL;
	int status;

	if (a == b)
		return db_fail(db, COPSE_INVALID, "member %lld: is not suggested to themselves",
			       (long long)a);
	if (a > b) {
		int64_t t = a;
		a = b;
		b = t;
	}
	time_now_iso(now);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	status = store_lookup(db, "SELECT name FROM member WHERE id = ?", a, "member", &an);
	if (status == COPSE_OK)
		status = store_lookup(db, "SELECT name FROM member WHERE id = ?", b, "member", &bn);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT OR IGNORE INTO suggestion_dismissed(a, b, by, at)"
				    " VALUES (?, ?, ?, ?)", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		store_bind_text(st, 3, db_login(db));
		store_bind_text(st, 4, now);
		status = db_step_done(db, st, "suggestion");
	}
	if (status == COPSE_OK && sqlite3_changes(db->h) > 0) {
		struct buf sb;

		buf_init(&sb);
		buf_printf(&sb, "%s – %s", an, bn);
		status = sb.s ? activity_log(db, "dismissed", "suggestion", 0, sb.s) : db_nomem(db);
		buf_done(&sb);
	}
	free(an);
	free(bn);
	return db_write_end(db, status);
}

int suggest_is_dismissed(struct db *db, int64_t a, int64_t b, int *dismissed)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int status;

	*dismissed = 0;
	if ((status = db_prepare(db, "SELECT count(*) FROM suggestion_dismissed"
				 " WHERE a = min(?1, ?2) AND b = max(?1, ?2)", &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if ((status = db_step_int(db, st, &n)) == COPSE_OK)
		*dismissed = n > 0;
	return status;
}
