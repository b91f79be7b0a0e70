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

int suggest_list(struct db *db, const struct suggest_filter *f,
		 struct suggestion **out, size_t *n)
{
	static const struct suggest_filter all;
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &all;
	if (f->member_id > 0 &&
	    (status = store_lookup(db, "SELECT 1 FROM member WHERE id = ?", f->member_id,
				   "member", NULL)) != COPSE_OK)
		return status;
	status = db_prepare(db, f->member_id > 0 ? member_sql : community_sql, &st);
	if (status != COPSE_OK)
		return status;
	if (f->member_id > 0)
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), f->member_id);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"),
			 f->limit > 0 ? f->limit : -1);
	status = store_collect(db, st, sizeof **out, suggestion_row, suggestion_done_elem,
			       "suggestions", (void **)out, n);
	for (size_t i = 0; status == COPSE_OK && i < *n; i++)
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
