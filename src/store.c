/* store.c - what the store's verbs share: binding and reading columns,
 * validation, small steps of reading and writing, rows into lists. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/md.h"
#include "copse/trash.h"
#include "copse/util.h"
#include "store.h"

/* ---- columns ---- */

int store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int store_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id <= 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, id);
}

char *store_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t ? (const char *)t : "");
}

char *store_col_strn(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

/* ---- validation ---- */

int store_one_of(const char *v, const char *const *allowed)
{
	if (!v)
		return 0;
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

const char *store_list_str(const char *const *allowed)
{
	static char out[256];
	size_t len = 0;

	out[0] = '\0';
	for (; *allowed; allowed++) {
		int w = snprintf(out + len, sizeof out - len, "%s%s",
				 len ? "|" : "", *allowed);
		if (w < 0 || (size_t)w >= sizeof out - len)
			break;
		len += (size_t)w;
	}
	return out;
}

int store_check_one_of(struct db *db, const char *label, const char *v,
		       const char *const *allowed)
{
	if (store_one_of(v, allowed))
		return COPSE_OK;
	return db_fail(db, COPSE_INVALID, "%s '%s': must be one of %s", label,
		       v ? v : "", store_list_str(allowed));
}

int store_trim_field(char **field, int nullable)
{
	const char *s = *field;
	size_t len;
	char *t;

	if (!s || str_empty(s)) {
		if (s && !*s && !nullable)
			return 0;
		free(*field);
		*field = nullable ? NULL : xstrdup("");
		return nullable || *field ? 0 : -1;
	}
	len = strlen(s);
	if (!isspace((unsigned char)s[0]) && !isspace((unsigned char)s[len - 1]))
		return 0;
	if (!(t = xstrdup(s)))
		return -1;
	str_trim(t);
	free(*field);
	*field = t;
	return 0;
}

int store_norm_date(struct db *db, char **field, const char *label)
{
	char date[11];

	if (!*field)
		return COPSE_OK;
	if (date_parse(*field, date) != 0)
		return db_fail(db, COPSE_INVALID, "%s '%s': not a valid date (YYYY-MM-DD)", label,
			       *field);
	return store_set_str(field, date) ? db_nomem(db) : COPSE_OK;
}

/* Duplicates are found in a hash set (ASCII case folded, as strcasecmp
 * compares): linear in the number of tags. */
int store_clean_tags(struct db *db, struct strv *tags, const char *kind)
{
	struct strv clean;
	struct strset seen;
	int status = COPSE_OK;

	strv_init(&clean);
	strset_init(&seen, 1);
	for (size_t i = 0; i < tags->n; i++) {
		char *t = xstrdup(tags->v[i]);
		int added;

		if (!t) {
			status = db_nomem(db);
			break;
		}
		str_trim(t);
		if (*t == '#')
			memmove(t, t + 1, strlen(t));
		if (strchr(t, ',')) {
			status = db_fail(db, COPSE_INVALID,
					 "%s tag '%s': must not contain a comma", kind, t);
			free(t);
			break;
		}
		added = *t ? strset_add(&seen, t) : 0;
		if (added < 0 || (added > 0 && strv_push(&clean, t) != 0))
			status = db_nomem(db);
		free(t);
		if (status != COPSE_OK)
			break;
	}
	strset_done(&seen);
	if (status != COPSE_OK) {
		strv_done(&clean);
		return status;
	}
	strv_done(tags);
	*tags = clean;
	return COPSE_OK;
}

int store_check_md(struct db *db, const char *label, const char *text)
{
	char why[256];

	if (!text || md_check(text, strlen(text), why, sizeof why) == 0)
		return COPSE_OK;
	return db_fail(db, COPSE_INVALID, "%s: Markdown too costly to lay out: %s", label, why);
}

/* ---- pieces the verbs share ---- */

int store_set_str(char **field, const char *v)
{
	char *s = xstrdup(v);

	if (v && !s)
		return -1;
	free(*field);
	*field = s;
	return 0;
}

/* After a versioned UPDATE of row id changed nothing: why not. */
static int store_version_fail(struct db *db, const char *table, int64_t id)
{
	char sql[96], *version = NULL;
	int status;

	snprintf(sql, sizeof sql, "SELECT version FROM %s WHERE id = ?", table);
	if ((status = store_lookup(db, sql, id, table, &version)) != COPSE_OK)
		return status;
	status = db_fail(db, COPSE_CONFLICT, "%s %lld: changed by someone else (now version %s)",
			 table, (long long)id, version);
	free(version);
	return status;
}

int store_step_update(struct db *db, sqlite3_stmt *st, const char *what, const char *table,
		      int64_t id)
{
	int status = db_step_done(db, st, what);

	if (status == COPSE_OK && sqlite3_changes(db->h) == 0)
		status = store_version_fail(db, table, id);
	return status;
}

int store_run_id(struct db *db, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *st;
	int status;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, what);
}

int store_lookup(struct db *db, const char *sql, int64_t id, const char *what, char **text)
{
	sqlite3_stmt *st;
	int status, rc;

	if (text)
		*text = NULL;
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (text && !(*text = store_col_str(st, 0)))
			status = db_nomem(db);
	} else if (rc == SQLITE_DONE) {
		status = db_fail(db, COPSE_NOTFOUND, "%s %lld: no such %s", what,
				 (long long)id, what);
	} else {
		status = db_sqlite_fail(db, rc, what);
	}
	sqlite3_finalize(st);
	return status;
}

int store_insert_strv(struct db *db, const char *sql, int64_t id, const struct strv *v,
		      const char *what)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	for (size_t i = 0; i < v->n && status == COPSE_OK; i++) {
		if (!*v->v[i])
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, v->v[i]);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			status = db_sqlite_fail(db, rc, what);
	}
	sqlite3_finalize(st);
	return status;
}

char *store_summary(const char *s)
{
	size_t n = strcspn(s, "\n");

	if (n > 80) {
		n = 77;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;           /* don't cut a UTF-8 sequence */
		char *out = malloc(n + 4);
		if (out) {
			memcpy(out, s, n);
			memcpy(out + n, "...", 4);
		}
		return out;
	}
	return xstrndup(s, n);
}

void store_trash_cutoff(char out[ISO_LEN])
{
	time_iso(copse_now() - (time_t)TRASH_DAYS * 24 * 3600, out);
}

/* ---- lists ---- */

int store_collect(struct db *db, sqlite3_stmt *st, size_t size, store_row_fn row,
		  void (*done)(void *elem), const char *what, void **out, size_t *n)
{
	char *v = NULL;
	size_t len = 0, cap = 0;
	int status = COPSE_OK, rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)&v, &cap, len, size) != 0) {
			status = db_nomem(db);
			break;
		}
		status = row(db, st, v + len++ * size);
		if (status != COPSE_OK)
			break;
	}
	if (status == COPSE_OK && rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		store_list_free(v, done ? len : 0, size, done);
		return status;
	}
	*out = v;
	*n = len;
	return COPSE_OK;
}

int store_grow(void **v, size_t *cap, size_t len, size_t size)
{
	if (len == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		void *nv = realloc(*v, ncap * size);

		if (!nv)
			return -1;
		*v = nv;
		*cap = ncap;
	}
	memset((char *)*v + len * size, 0, size);
	return 0;
}

void store_list_free(void *v, size_t n, size_t size, void (*done)(void *elem))
{
	for (size_t i = 0; v && i < n; i++)
		done((char *)v + i * size);
	free(v);
}

int store_get_row(struct db *db, sqlite3_stmt *st, store_row_fn row, void *elem,
		  const char *what, const char *missing)
{
	int rc = sqlite3_step(st), status;

	if (rc == SQLITE_ROW)
		status = row(db, st, elem);
	else if (rc == SQLITE_DONE)
		status = db_fail(db, COPSE_NOTFOUND, "%s", missing);
	else
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

struct id_elem {
	int64_t id;
	void *elem;
};

static int cmp_id_elem(const void *a, const void *b)
{
	int64_t x = ((const struct id_elem *)a)->id, y = ((const struct id_elem *)b)->id;

	return x < y ? -1 : x > y;
}

/* Walk the elements in id order beside the rows, which come in id order. */
int store_attach(struct db *db, const char *sql, void *v, size_t n, size_t size, size_t id_off,
		 store_row_fn add, const char *what)
{
	struct id_elem *byid;
	sqlite3_stmt *st;
	size_t i = 0;
	int status, rc = SQLITE_DONE, sparse;

	if (n == 0)
		return COPSE_OK;
	if (!(byid = malloc(n * sizeof *byid)))
		return db_nomem(db);
	for (size_t k = 0; k < n; k++) {
		byid[k].elem = (char *)v + k * size;
		memcpy(&byid[k].id, (char *)byid[k].elem + id_off, sizeof byid[k].id);
	}
	qsort(byid, n, sizeof *byid, cmp_id_elem);
	if ((status = db_prepare(db, sql, &st)) != COPSE_OK) {
		free(byid);
		return status;
	}
	/* One pass over the range of the ids, unless they are few and far
	 * apart (the entries linking to one, out of 100 000): then one
	 * short read for each id, not a read of all the rows between. */
	sparse = (uint64_t)(byid[n - 1].id - byid[0].id) / 8 >= n;
	for (size_t from = 0; status == COPSE_OK && from < n; ) {
		size_t to = n - 1;

		if (sparse)
			for (to = from; to + 1 < n && byid[to + 1].id == byid[from].id; to++)
				;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, byid[from].id);
		sqlite3_bind_int64(st, 2, byid[to].id);
		i = from;
		while (status == COPSE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);

			while (i < to && byid[i].id < id)
				i++;
			if (byid[i].id == id)
				status = add(db, st, byid[i].elem);
		}
		if (status == COPSE_OK && rc != SQLITE_DONE)
			status = db_sqlite_fail(db, rc, what);
		from = to + 1;
	}
	sqlite3_finalize(st);
	free(byid);
	return status;
}

int store_row_id(struct db *db, sqlite3_stmt *st, void *elem)
{
	(void)db;
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
	return COPSE_OK;
}

/* ---- lists read by the screenful ---- */

/* The columns of l's key, each followed by ASC or DESC, into sql. */
static int put_order(struct buf *sql, const char *key, int desc)
{
	const char *p = key;
	int rc = buf_puts(sql, " ORDER BY ");

	while (*p && rc == 0) {
		size_t n = strcspn(p, ",");

		rc = buf_add(sql, p, n) | buf_puts(sql, desc ? " DESC" : " ASC");
		p += n;
		if (*p == ',') {
			rc |= buf_putc(sql, ',');
			p++;
		}
	}
	return rc;
}

static int prepare_built(struct db *db, struct buf *sql, int rc, sqlite3_stmt **st)
{
	int status;

	*st = NULL;
	if (rc != 0 || !sql->s) {
		buf_done(sql);
		return db_nomem(db);
	}
	status = db_prepare(db, sql->s, st);
	buf_done(sql);
	return status;
}

static void bind_key(sqlite3_stmt *st, const char *filter, const struct page_key *k)
{
	store_bind_text(st, 1, filter && *filter ? filter : NULL);
	if (k) {
		store_bind_text(st, 2, k->text ? k->text : "");
		sqlite3_bind_int64(st, 3, k->id);
		sqlite3_bind_int64(st, 4, k->num);
	}
}

int store_page_prepare(struct db *db, const struct store_list *l, const char *filter,
		       const struct page_req *r, sqlite3_stmt **st)
{
	/* reading backwards runs the order the other way */
	int desc = l->desc ^ (r->dir < 0);
	struct buf sql;
	int rc, status;

	buf_init(&sql);
	rc = buf_printf(&sql, "SELECT %s FROM %s WHERE (%s)", l->cols, l->from, l->where);
	if (r->from)
		rc |= buf_printf(&sql, " AND (%s) %s%s (%s)", l->key, desc ? "<" : ">",
				 r->incl ? "=" : "", l->at);
	rc |= put_order(&sql, l->key, desc);
	rc |= buf_puts(&sql, " LIMIT ?5");
	if ((status = prepare_built(db, &sql, rc, st)) != COPSE_OK)
		return status;
	bind_key(*st, filter, r->from);
	sqlite3_bind_int64(*st, 5, (sqlite3_int64)(r->limit < INT32_MAX ? r->limit : INT32_MAX));
	return COPSE_OK;
}

int store_count_prepare(struct db *db, const struct store_list *l, const char *filter,
			const struct page_key *k, sqlite3_stmt **st)
{
	struct buf sql;
	int rc, status;

	buf_init(&sql);
	rc = buf_printf(&sql, "SELECT count(*) FROM %s WHERE (%s)", l->from, l->where);
	if (k)
		rc |= buf_printf(&sql, " AND (%s) %s (%s)", l->key, l->desc ? ">" : "<", l->at);
	if ((status = prepare_built(db, &sql, rc, st)) != COPSE_OK)
		return status;
	bind_key(*st, filter, k);
	return COPSE_OK;
}
