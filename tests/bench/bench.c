/* bench.c - print how long the store and the renderer take on a sizeable
 * community.  Numbers only; nothing passes or fails (make bench).
 *
 *   bench [DIR]              uses DIR/bench.db (default: a temp dir)
 *   bench search DB WORD...  search_run on DB: every kind, entries and
 *                            notes alone, the first five letters typed as
 *                            the app searches; raw FTS5 per table for
 *                            reference: p50 and p95
 *   bench render FILE        md_render of FILE at 78 columns: MB/s (the
 *                            fastest of the renders in 2 s)
 *
 * The raw FTS5 figures open the file with SQLite directly: a reference
 * for what the store's search could approach, not the app's code path.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "copse/db.h"
#include "copse/entry.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/search.h"
#include "copse/util.h"
#include "../unit/md-shapes.h"

#include <cmark.h>

static double cpu_ms(void)
{
	return (double)clock() * 1000.0 / CLOCKS_PER_SEC;
}

/* The guard (md_check) on cmark's pathological shapes at 1 MB: what it
 * costs, which it refuses, and the render time of each (CPU time, so a
 * busy machine does not inflate it).  For a refused shape, libcmark's own
 * time on 32 KB of it shows what the guard saves. */
static void bench_guard(void)
{
	struct buf b;
	char why[256];
	double t, mb;

	buf_init(&b);
	printf("%-50s %9s %9s  %s\n", "shape at 1 MB", "md_check", "render", "guard");
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		struct md_doc d;
		double c, r;
		int refused;

		make_shape(shapes[i].name, 1024 * 1024, &b);
		t = cpu_ms();
		refused = md_check(b.s, b.len, why, sizeof why) != 0;
		c = cpu_ms() - t;
		t = cpu_ms();
		md_render(b.s, b.len, &(struct md_opts){ 78, 0 }, &d);
		r = cpu_ms() - t;
		md_doc_free(&d);
		printf("%-50s %6.1f ms %6.0f ms  %s\n", shapes[i].name, c, r,
		       refused ? "refused: shown as plain text" : "passes");
		if (refused) {
			cmark_node *root;

			make_shape(shapes[i].name, 32 * 1024, &b);
			t = cpu_ms();
			root = cmark_parse_document(b.s, b.len, CMARK_OPT_DEFAULT);
			printf("%-50s %16.0f ms  (what the guard saves)\n",
			       "   libcmark alone on 32 KB of it", cpu_ms() - t);
			cmark_node_free(root);
		}
	}
	/* throughput on ordinary text */
	buf_reset(&b);
	for (int i = 0; b.len < 8 * 1024 * 1024; i++)
		buf_printf(&b, "## Part %d\n\nSome *text* with **bold**, _em_ and a [link](u%d) and"
			   " ![a picture](p.png) and [[Entry %d]].\n\n- item\n  - nested\n\n"
			   "> a quote\n\n", i, i, i);
	t = cpu_ms();
	for (int k = 0; k < 5; k++)
		md_check(b.s, b.len, NULL, 0);
	mb = 5.0 * (double)b.len / (1024.0 * 1024.0);
	printf("md_check on ordinary Markdown: %.0f MB/s\n", mb / ((cpu_ms() - t) / 1000.0));
	buf_done(&b);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void report(const char *what, int n, double ms)
{
	printf("%-44s %7d  %10.1f ms  %9.3f ms each\n", what, n, ms, n ? ms / n : 0.0);
}

static const char *words[] = {
	"listening", "empathy", "conflict", "repair", "circle", "needs",
	"request", "feelings", "boundary", "mediation", "trust", "practice",
	"dialogue", "children", "workplace", "apology", "anger", "calm",
};

static void lorem(struct buf *b, unsigned *seed, int nwords)
{
	for (int i = 0; i < nwords; i++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_puts(b, words[(*seed >> 16) % ARRAY_SIZE(words)]);
		buf_putc(b, (i % 12 == 11) ? '\n' : ' ');
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* p50 and p95 of n timings (sorted in place). */
static void percentiles(double *v, int n, double *p50, double *p95)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	*p50 = v[n / 2];
	*p95 = v[(n * 95 + 99) / 100 - 1];
}

#define SEARCH_RUNS 20
#define SEARCH_LIMIT 50

/* Raw FTS5 on one table: the best SEARCH_LIMIT rowids by rank. */
static int raw_fts(sqlite3 *h, const char *table, const char *word, double *ms)
{
	char sql[160];
	sqlite3_stmt *st;
	double t = now_ms();
	int rc;

	snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rank LIMIT %d",
		 table, table, SEARCH_LIMIT);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	*ms = now_ms() - t;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* search_run SEARCH_RUNS times (after two to warm up) as o says: p50,
 * p95 and the hits.  0, or -1 after saying why. */
static int time_search(struct db *db, const char *query, const struct search_opts *o,
		       double *p50, double *p95, size_t *hits)
{
	double v[SEARCH_RUNS];

	for (int i = -2; i < SEARCH_RUNS; i++) {
		struct search_hit *hv;
		size_t nv;
		double t = now_ms();

		if (search_run(db, query, o, &hv, &nv) != COPSE_OK) {
			fprintf(stderr, "bench: search %s: %s\n", query, db_error(db));
			return -1;
		}
		if (i >= 0)
			v[i] = now_ms() - t;
		*hits = nv;
		search_hit_list_free(hv, nv);
	}
	percentiles(v, SEARCH_RUNS, p50, p95);
	return 0;
}

/* For each word: every kind, then entries and notes alone (the tables
 * the "per table searched" counts), then its first five
 * letters typed as the app searches them (the last word widened). */
static int bench_search(const char *path, char **query, int nquery)
{
	char err[512];
	struct db *db;
	sqlite3 *h = NULL;
	double v[SEARCH_RUNS], p50, p95;

	if (db_open(path, DB_READONLY, &db, err, sizeof err) != COPSE_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s: %s\n", path, sqlite3_errmsg(h));
		return 1;
	}
	for (int w = 0; w < nquery; w++) {
		struct search_opts all = { .limit = SEARCH_LIMIT },
			entries = { .limit = SEARCH_LIMIT, .kinds = 1u << SEARCH_ENTRY },
			notes = { .limit = SEARCH_LIMIT, .kinds = 1u << SEARCH_NOTE },
			typing = { .limit = SEARCH_LIMIT, .typing = 1 };
		char typed[6];
		size_t hits = 0;

		if (time_search(db, query[w], &all, &p50, &p95, &hits) != 0)
			return 1;
		printf("search %s %.1f %.1f %zu\n", query[w], p50, p95, hits);
		if (time_search(db, query[w], &entries, &p50, &p95, &hits) != 0)
			return 1;
		printf("search-entry %s %.1f %.1f %zu\n", query[w], p50, p95, hits);
		if (time_search(db, query[w], &notes, &p50, &p95, &hits) != 0)
			return 1;
		printf("search-note %s %.1f %.1f %zu\n", query[w], p50, p95, hits);
		snprintf(typed, sizeof typed, "%s", query[w]);
		if (time_search(db, typed, &typing, &p50, &p95, &hits) != 0)
			return 1;
		printf("typing %s %.1f %.1f %zu %s\n", query[w], p50, p95, hits, typed);
		for (int tab = 0; tab < 2; tab++) {
			const char *table = tab ? "note_fts" : "entry_fts";
			for (int i = -2; i < SEARCH_RUNS; i++) {
				double ms;
				if (raw_fts(h, table, query[w], &ms) != 0) {
					fprintf(stderr, "bench: %s: %s\n", table, sqlite3_errmsg(h));
					return 1;
				}
				if (i >= 0)
					v[i] = ms;
			}
			percentiles(v, SEARCH_RUNS, &p50, &p95);
			printf("fts-%s %s %.1f %.1f\n", tab ? "note" : "entry", query[w], p50, p95);
		}
	}
	sqlite3_close(h);
	db_close(db);
	return 0;
}

/* The renderer's speed: the fastest of the renders (at least 3, for
 * at least 2 s), as the others on a shared machine only add noise. */
static int bench_render(const char *file)
{
	char *doc;
	size_t len;
	double t0, best = 0;
	int n = 0;

	if (file_read_all(file, &doc) != 0) {
		perror(file);
		return 1;
	}
	len = strlen(doc);
	t0 = now_ms();
	do {
		struct md_doc d;
		struct md_opts o = { .width = 78 };
		double t = now_ms(), ms;

		md_render(doc, len, &o, &d);
		md_doc_free(&d);
		ms = now_ms() - t;
		if (n++ == 0 || ms < best)
			best = ms;
	} while (now_ms() - t0 < 2000 || n < 3);
	printf("render %.1f %zu %d\n", (double)len / (best / 1e3) / 1e6, len, n);
	free(doc);
	return 0;
}

int main(int argc, char **argv)
{
	char dir[256], path[300], err[512];
	struct db *db;
	struct buf b;
	unsigned seed = 42;
	double t;
	int n;

	setlocale(LC_ALL, "");
	if (argc > 2 && strcmp(argv[1], "search") == 0)
		return bench_search(argv[2], argv + 3, argc - 3);
	if (argc == 3 && strcmp(argv[1], "render") == 0)
		return bench_render(argv[2]);
	if (argc > 1)
		snprintf(dir, sizeof dir, "%s", argv[1]);
	else {
		snprintf(dir, sizeof dir, "/tmp/copse-bench.XXXXXX");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			return 1;
		}
	}
	snprintf(path, sizeof path, "%s/bench.db", dir);
	unlink(path);
	if (db_open(path, DB_CREATE, &db, err, sizeof err) != COPSE_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	buf_init(&b);

	/* members */
	n = 500;
	t = now_ms();
	for (int i = 0; i < n; i++) {
		struct member m;
		char name[64], handle[32];

		member_init(&m);
		snprintf(name, sizeof name, "Member %d", i);
		snprintf(handle, sizeof handle, "m%d", i);
		m.name = xstrdup(name);
		m.handle = xstrdup(handle);
		m.status = xstrdup("active");
		strv_push(&m.expertise, words[i % ARRAY_SIZE(words)]);
		if (member_add(db, &m) != COPSE_OK) {
			fprintf(stderr, "bench: %s\n", db_error(db));
			return 1;
		}
		member_done(&m);
	}
	report("member_add (one transaction each)", n, now_ms() - t);

	/* entries */
	n = 2000;
	t = now_ms();
	db_begin(db);
	for (int i = 0; i < n; i++) {
		struct entry e;
		char title[64];

		entry_init(&e);
		snprintf(title, sizeof title, "Entry %d about %s", i, words[i % ARRAY_SIZE(words)]);
		buf_reset(&b);
		buf_printf(&b, "# %s\n\n", title);
		lorem(&b, &seed, 300);
		e.title = xstrdup(title);
		e.body = xstrdup(b.s);
		strv_push(&e.tags, words[(i + 3) % ARRAY_SIZE(words)]);
		if (entry_add(db, &e) != COPSE_OK) {
			fprintf(stderr, "bench: %s\n", db_error(db));
			return 1;
		}
		entry_done(&e);
	}
	db_commit(db);
	report("entry_add, 300 words (one transaction)", n, now_ms() - t);

	/* an entry with very many tags: strv_split and the store's tag
	 * cleaning find duplicates in a hash set (linear); saving them is
	 * not: each entry_tag row re-indexes the entry's tags for search
	 * (a trigger), so the save grows with the square of the distinct
	 * tags (2000 here; 19 800 took minutes) */
	{
		static const int distinct[] = { 300, 2000 };

		for (size_t d = 0; d < ARRAY_SIZE(distinct); d++) {
			struct entry e;
			struct buf tags;
			char title[64];

			buf_init(&tags);
			for (int i = 0; i < 20000; i++)
				buf_printf(&tags, "%s%s%d", i ? "," : "", i % 2 ? "Tag" : "#tag",
					   (int)(((unsigned)i * 7919u) % (unsigned)distinct[d]));
			entry_init(&e);
			snprintf(title, sizeof title, "Tagged %d", distinct[d]);
			e.title = xstrdup(title);
			e.body = xstrdup("Many tags.");
			t = now_ms();
			strv_split(&e.tags, tags.s, ',');
			snprintf(title, sizeof title, "strv_split, 20000 tags, %d distinct", distinct[d]);
			report(title, 1, now_ms() - t);
			t = now_ms();
			if (entry_add(db, &e) != COPSE_OK) {
				fprintf(stderr, "bench: %s\n", db_error(db));
				return 1;
			}
			snprintf(title, sizeof title, "entry_add of those (%zu after split)", e.tags.n);
			report(title, 1, now_ms() - t);
			entry_done(&e);
			buf_done(&tags);
		}
	}

	/* notes into one meeting, each its own transaction (as typed) */
	{
		struct meeting m = { 0 };
		char iso[ISO_LEN];

		time_iso(copse_now(), iso);
		m.title = xstrdup("Bench meeting");
		m.starts = xstrdup(iso);
		if (meeting_add(db, &m) != COPSE_OK) {
			fprintf(stderr, "bench: %s\n", db_error(db));
			return 1;
		}
		n = 1000;
		t = now_ms();
		for (int i = 0; i < n; i++) {
			char line[128];

			snprintf(line, sizeof line, "%s note %d about %s",
				 i % 10 == 0 ? "d:" : "", i, words[i % ARRAY_SIZE(words)]);
			if (note_add_line(db, m.id, line, NULL, NULL) != COPSE_OK) {
				fprintf(stderr, "bench: %s\n", db_error(db));
				return 1;
			}
		}
		report("note_add_line (one transaction each)", n, now_ms() - t);
		t = now_ms();
		for (int i = 0; i < 100; i++) {
			struct note *v;
			size_t nv;
			note_list(db, m.id, &v, &nv);
			note_list_free(v, nv);
		}
		report("note_list of 1000 notes", 100, now_ms() - t);
		meeting_done(&m);
	}

	/* lists and search */
	t = now_ms();
	for (int i = 0; i < 20; i++) {
		struct member *v;
		size_t nv;
		member_list(db, NULL, &v, &nv);
		member_list_free(v, nv);
	}
	report("member_list of 500 members", 20, now_ms() - t);

	t = now_ms();
	for (int i = 0; i < 20; i++) {
		struct entry *v;
		size_t nv;
		entry_list(db, NULL, &v, &nv);
		entry_list_free(v, nv);
	}
	report("entry_list of 2000 entries", 20, now_ms() - t);

	t = now_ms();
	n = 200;
	for (int i = 0; i < n; i++) {
		struct search_hit *v;
		size_t nv;
		struct search_opts o = { .limit = 50 };
		search_run(db, words[i % ARRAY_SIZE(words)], &o, &v, &nv);
		search_hit_list_free(v, nv);
	}
	report("search_run, top 50", n, now_ms() - t);

	/* Markdown */
	buf_reset(&b);
	for (int i = 0; i < 60; i++) {
		buf_printf(&b, "## Section %d\n\n", i);
		lorem(&b, &seed, 80);
		buf_puts(&b, "\n\n- a *list* item with `code`\n  - nested [[Entry 1 about empathy]]\n\n> a quote\n\n");
	}
	t = now_ms();
	n = 50;
	for (int i = 0; i < n; i++) {
		struct md_doc doc;
		struct md_opts o = { .width = 78 };
		md_render(b.s, b.len, &o, &doc);
		md_doc_free(&doc);
	}
	{
		char what[64];
		snprintf(what, sizeof what, "md_render %zu KB at 78 columns", b.len / 1024);
		report(what, n, now_ms() - t);
	}

	buf_done(&b);
	db_close(db);
	printf("database: %s\n", path);
	bench_guard();
	return 0;
}
