/* search.c - full-text search over entries, topics, members and notes:
 * the query read by query.c, each term checked by FTS5's own tokenizer,
 * the word being typed widened through the index's vocabulary, then one
 * ranked statement per index.  See search.h.
 *
 * The indexes (schema.c): entry_head_fts (an entry's title and tags),
 * entry_fts (title, tags, body), topic_fts, member_fts, note_fts.
 *
 * Ranking is copse_rank, an FTS5 auxiliary function registered on the
 * handle by the first search (search_register): bm25 as FTS5 computes it, with column
 * weights, put after two keys that always come first: a match in the
 * leading columns (an entry's or topic's title, a member's name or
 * handle), then the whole word being typed (before the longer words it
 * begins).  A phrase's document frequency, which bm25 reads from the
 * whole index for every query, is counted up to RANK_DF_CAP rows: past
 * that a word is simply common, and a word in every entry costs no more
 * to rank than a word in a few thousand.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/query.h"
#include "copse/search.h"
#include "copse/text.h"
#include "store.h"

#define RANK_DF_CAP 2000      /* rows counted for a phrase's frequency */
#define MORE_WORDS 12         /* longer words tried for the typed one */
#define MORE_MIN_CHARS 3      /* ... once it has this many characters */
#define DEFAULT_LIMIT 20
#define MARK_OPEN "\x01"      /* snippet() and highlight() markers */
#define MARK_CLOSE "\x02"

/* ---- hits ---- */

void search_hit_init(struct search_hit *h)
{
	memset(h, 0, sizeof *h);
}

void search_hit_done(struct search_hit *h)
{
	if (!h)
		return;
	free(h->title);
	free(h->status);
	free(h->when);
	free(h->snippet);
	free(h->spans);
	free(h->tspans);
	search_hit_init(h);
}

STORE_DONE_ELEM(search_hit)

void search_hit_list_free(struct search_hit *v, size_t n)
{
	store_list_free(v, n, sizeof *v, search_hit_done_elem);
}

const char *search_kind_name(int kind)
{
	static const char *const names[SEARCH_NKINDS] = {
		[SEARCH_ENTRY] = "entry", [SEARCH_TOPIC] = "topic",
		[SEARCH_MEMBER] = "member", [SEARCH_NOTE] = "note",
	};

	return kind >= 0 && kind < SEARCH_NKINDS ? names[kind] : "?";
}

void search_hit_word(const struct search_hit *h, char *out, size_t n)
{
	const struct search_span *s = NULL;
	const char *text = NULL;

	if (h->nspans) {
		s = &h->spans[0];
		text = h->snippet;
	} else if (h->ntspans) {
		s = &h->tspans[0];
		text = h->title;
	}
	if (!s || n == 0) {
		if (n)
			out[0] = '\0';
		return;
	}
	snprintf(out, n, "%.*s", (int)s->len, text + s->off);
}

/* Text with MARK_OPEN/MARK_CLOSE into plain text on one line (*out) and
 * the marked spans.  Line breaks and tabs become spaces, runs of spaces
 * one; in Markdown (md), emphasis and code marks (* and `) go too: a
 * snippet is read, not rendered.  -1 on ENOMEM. */
static int unmark(const char *in, int md, char **out, struct search_span **spans, size_t *n)
{
	size_t len = strlen(in), o = 0, cap = 0, open = (size_t)-1;
	char *s = malloc(len + 1);

	*out = NULL;
	*spans = NULL;
	*n = 0;
	if (!s)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];

		if (c == MARK_OPEN[0]) {
			open = o;
			continue;
		}
		if (c == MARK_CLOSE[0]) {
			if (open != (size_t)-1 && o > open) {
				if (store_grow((void **)spans, &cap, *n, sizeof **spans) != 0) {
					free(s);
					free(*spans);
					*spans = NULL;
					*n = 0;
					return -1;
				}
				(*spans)[*n].off = open;
				(*spans)[(*n)++].len = o - open;
			}
			open = (size_t)-1;
			continue;
		}
		if (md && (c == '*' || c == '`'))
			continue;
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = c;
	}
	while (o > 0 && s[o - 1] == ' ' && (*n == 0 || (*spans)[*n - 1].off + (*spans)[*n - 1].len < o))
		o--;
	s[o] = '\0';
	*out = s;
	return 0;
}

/* The first line with text of a Markdown body, at most 200 bytes (cut at
 * a character), for a hit whose title matched: not a heading that only
 * repeats the title.  Caller frees. */
static char *first_line(const char *body, const char *title)
{
	const char *p = body ? body : "";
	size_t len, tl = title ? strlen(title) : 0;

	for (;;) {
		p += strspn(p, " \t\r\n#>*-");
		len = strcspn(p, "\n");
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (len && len == tl && strncasecmp(p, title, tl) == 0) {
			p += len;
			continue;
		}
		if (len || !*p)
			break;
	}
	if (len > 200) {
		len = 200;
		while (len > 0 && ((unsigned char)p[len] & 0xc0) == 0x80)
			len--;
	}
	{
		char *s = malloc(len + 1);

		if (s) {
			memcpy(s, p, len);
			s[len] = '\0';
			for (char *c = s; *c; c++)
				if (*c == '\r' || *c == '\t')
					*c = ' ';
		}
		return s;
	}
}

/* ---- the rank function ---- */

/* What copse_rank keeps for one query: the index's size and each
 * phrase's inverse document frequency, and room for a row's counts. */
struct rank_data {
	int nphrase;
	double avgdl;
	double *idf;
	double *freq;
};

static void rank_data_free(void *p)
{
	struct rank_data *d = p;

	if (d) {
		free(d->idf);
		free(d->freq);
		free(d);
	}
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *ctx)
{
	int64_t *n = ctx;

	(void)api;
	(void)fc;
	return ++*n >= RANK_DF_CAP ? SQLITE_DONE : SQLITE_OK;
}

static struct rank_data *rank_data(const Fts5ExtensionApi *api, Fts5Context *fc, int *rc)
{
	struct rank_data *d = api->xGetAuxdata(fc, 0);
	sqlite3_int64 rows = 0, tokens = 0;

	*rc = SQLITE_OK;
	if (d)
		return d;
	if (!(d = calloc(1, sizeof *d))) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	d->nphrase = api->xPhraseCount(fc);
	d->idf = calloc((size_t)d->nphrase + 1, sizeof *d->idf);
	d->freq = calloc((size_t)d->nphrase + 1, sizeof *d->freq);
	if (!d->idf || !d->freq) {
		rank_data_free(d);
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	if ((*rc = api->xRowCount(fc, &rows)) == SQLITE_OK)
		*rc = api->xColumnTotalSize(fc, -1, &tokens);
	d->avgdl = rows > 0 ? (double)tokens / (double)rows : 1.0;
	for (int i = 0; *rc == SQLITE_OK && i < d->nphrase; i++) {
		int64_t n = 0;
		double idf;

		*rc = api->xQueryPhrase(fc, i, &n, count_row);
		idf = log(((double)rows - (double)n + 0.5) / ((double)n + 0.5));
		d->idf[i] = idf > 1e-6 ? idf : 1e-6;
	}
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(fc, d, rank_data_free);
	else
		rank_data_free(d);
	return *rc == SQLITE_OK ? d : NULL;
}

/* copse_rank(whole, lead, weight...): lower is better.  A match in the
 * first `lead` columns comes first, then one of phrase `whole` (-1:
 * none), then bm25 (k1 1.2, b 0.75) with the columns weighted. */
static void copse_rank(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx,
		       int nval, sqlite3_value **val)
{
	int whole = nval > 0 ? sqlite3_value_int(val[0]) : -1;
	int lead = nval > 1 ? sqlite3_value_int(val[1]) : 0;
	int ncol = api->xColumnCount(fc), ninst = 0, rc, dl = 0, lead_hit = 0, whole_hit = 0;
	struct rank_data *d = rank_data(api, fc, &rc);
	double score = 0;

	if (!d || (rc = api->xInstCount(fc, &ninst)) != SQLITE_OK ||
	    (rc = api->xColumnSize(fc, -1, &dl)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc ? rc : SQLITE_ERROR);
		return;
	}
	memset(d->freq, 0, (size_t)d->nphrase * sizeof *d->freq);
	for (int i = 0; i < ninst; i++) {
		int ph, col, off;

		if ((rc = api->xInst(fc, i, &ph, &col, &off)) != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		if (ph < 0 || ph >= d->nphrase || col < 0 || col >= ncol)
			continue;
		d->freq[ph] += 2 + col < nval ? sqlite3_value_double(val[2 + col]) : 1.0;
		lead_hit |= col < lead;
		whole_hit |= ph == whole;
	}
	for (int i = 0; i < d->nphrase; i++)
		if (d->freq[i] > 0)
			score += d->idf[i] * d->freq[i] * 2.2 /
				 (d->freq[i] + 1.2 * (0.25 + 0.75 * (double)dl / d->avgdl));
	sqlite3_result_double(ctx, -score - (lead_hit ? 2e6 : 0) - (whole_hit ? 1e6 : 0));
}

/* FTS5's extension interface on handle h, or NULL. */
static fts5_api *fts5_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

/* copse_rank on this handle, once (db.c clears search_ready when it
 * opens the file again). */
static int search_register(struct db *db)
{
	fts5_api *api;

	if (db->search_ready)
		return COPSE_OK;
	api = fts5_of(db->h);
	if (!api || api->xCreateFunction(api, "copse_rank", NULL, copse_rank, NULL) != SQLITE_OK)
		return db_fail(db, COPSE_DB, "%s: full-text search (FTS5) is missing", db->path);
	db->search_ready = 1;
	return COPSE_OK;
}

/* ---- terms: FTS5's tokenizer and the vocabulary ---- */

struct tokens {
	struct strv v;
	int nomem;
};

static int on_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct tokens *t = ctx;
	char *s;

	(void)start;
	(void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (!(s = malloc((size_t)n + 1))) {
		t->nomem = 1;
		return SQLITE_NOMEM;
	}
	memcpy(s, tok, (size_t)n);
	s[n] = '\0';
	if (strv_push(&t->v, s) != 0)
		t->nomem = 1;
	free(s);
	return t->nomem ? SQLITE_NOMEM : SQLITE_OK;
}

/* The tokenizer every index uses (unicode61, diacritics removed). */
struct tokenizer {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
};

static int tokenizer_open(struct db *db, struct tokenizer *t)
{
	static const char *args[] = { "remove_diacritics", "2" };
	fts5_api *api = fts5_of(db->h);
	void *uctx = NULL;

	memset(t, 0, sizeof *t);
	if (!api || api->xFindTokenizer(api, "unicode61", &uctx, &t->api) != SQLITE_OK ||
	    t->api.xCreate(uctx, args, 2, &t->tok) != SQLITE_OK) {
		t->tok = NULL;
		return db_fail(db, COPSE_DB, "%s: full-text search (FTS5) is missing", db->path);
	}
	return COPSE_OK;
}

static void tokenizer_close(struct tokenizer *t)
{
	if (t->tok)
		t->api.xDelete(t->tok);
	t->tok = NULL;
}

static int tokenize(struct db *db, struct tokenizer *t, const char *text, struct tokens *out)
{
	strv_init(&out->v);
	out->nomem = 0;
	t->api.xTokenize(t->tok, out, FTS5_TOKENIZE_QUERY, text, (int)strlen(text), on_token);
	return out->nomem ? db_nomem(db) : COPSE_OK;
}

/* An index searched: its FTS5 table, how its rows are read (ROW_SQL's
 * columns) and ranked. */
struct index {
	int kind;
	const char *fts;          /* FTS5 table */
	const char *vocab;        /* its fts5vocab table (temp) */
	const char *rank;         /* copse_rank's lead and weights */
	const char *select;       /* the columns of a row, "FROM" the index as f */
};

/* Columns of every index's select, in this order. */
enum {
	COL_ID, COL_TITLE, COL_STATUS, COL_WHEN, COL_MEETING, COL_RANK,
	COL_TITLE_HL, COL_SNIP_A, COL_SNIP_B, COL_PLAIN
};

static const struct index idx_entry_head = {
	SEARCH_ENTRY, "entry_head_fts", "search_vocab_entry_head", "1, 10.0, 5.0",
	"SELECT f.rowid, e.title, e.status, '', 0, f.rank,"
	/* found by its title or tags: the body around the words when it
	 * has them (as for the others), else the tags that matched */
	"  highlight(entry_head_fts, 0, ?2, ?3),"
	"  (SELECT snippet(entry_fts, 2, ?2, ?3, '…', 12) FROM entry_fts"
	"   WHERE entry_fts MATCH ?1 AND entry_fts.rowid = f.rowid),"
	"  snippet(entry_head_fts, 1, ?2, ?3, '…', 10), substr(e.body, 1, 400)"
	" FROM entry_head_fts f JOIN entry e ON e.id = f.rowid",
};
static const struct index idx_entry = {
	SEARCH_ENTRY, "entry_fts", "search_vocab_entry", "0, 10.0, 5.0, 1.0",
	"SELECT f.rowid, e.title, e.status, '', 0, f.rank,"
	"  highlight(entry_fts, 0, ?2, ?3), snippet(entry_fts, 2, ?2, ?3, '…', 12),"
	"  snippet(entry_fts, 1, ?2, ?3, '…', 10), NULL"
	" FROM entry_fts f JOIN entry e ON e.id = f.rowid",
};
static const struct index idx_topic = {
	SEARCH_TOPIC, "topic_fts", "search_vocab_topic", "1, 10.0, 1.0",
	"SELECT f.rowid, t.title, t.status, '', 0, f.rank,"
	"  highlight(topic_fts, 0, ?2, ?3), snippet(topic_fts, 1, ?2, ?3, '…', 12),"
	"  NULL, substr(t.body, 1, 400)"
	" FROM topic_fts f JOIN topic t ON t.id = f.rowid",
};
static const struct index idx_member = {
	SEARCH_MEMBER, "member_fts", "search_vocab_member", "2, 10.0, 10.0, 5.0, 1.0",
	"SELECT f.rowid, m.name, m.status, '', 0, f.rank,"
	"  highlight(member_fts, 0, ?2, ?3), snippet(member_fts, 2, ?2, ?3, '…', 10),"
	"  snippet(member_fts, 3, ?2, ?3, '…', 12),"
	"  coalesce('@' || m.handle || ' · ', '') || m.role"
	" FROM member_fts f JOIN member m ON m.id = f.rowid",
};
static const struct index idx_note = {
	SEARCH_NOTE, "note_fts", "search_vocab_note", "0, 1.0",
	"SELECT f.rowid, mt.title, n.kind, mt.starts, n.meeting_id, f.rank,"
	"  NULL, snippet(note_fts, 0, ?2, ?3, '…', 14), NULL, NULL"
	" FROM note_fts f JOIN note n ON n.id = f.rowid JOIN meeting mt ON mt.id = n.meeting_id",
};

/* One search in progress. */
struct search {
	struct db *db;
	struct query q;
	struct tokenizer tk;
	const char *text;         /* the query as typed */
	int limit;
	struct search_hit *v;
	size_t n, cap;
};

/* The typing term's longer words in index x's vocabulary: those that
 * begin with its one token, the most used first. */
static int more_words(struct search *s, const struct index *x, struct query_term *t,
		      const char *token)
{
	char sql[256];
	struct buf hi;
	sqlite3_stmt *st;
	int status, rc;

	strv_done(&t->more);
	strv_init(&t->more);
	snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.%s"
		 " USING fts5vocab(main, %s, row)", x->vocab, x->fts);
	if ((status = db_exec(s->db, sql)) != COPSE_OK)
		return status;
	snprintf(sql, sizeof sql, "SELECT term FROM temp.%s WHERE term > ?1 AND term < ?2"
		 " ORDER BY doc DESC, term LIMIT %d", x->vocab, MORE_WORDS);
	/* UTF-8 has no byte 0xff: every word that begins with token sorts
	 * below token + 0xff */
	buf_init(&hi);
	if (buf_printf(&hi, "%s\xff", token) != 0)
		return db_nomem(s->db);
	if ((status = db_prepare(s->db, sql, &st)) != COPSE_OK) {
		buf_done(&hi);
		return status;
	}
	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, hi.s, (int)hi.len, SQLITE_TRANSIENT);
	buf_done(&hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(st, 0);

		if (w && strv_push(&t->more, w) != 0) {
			sqlite3_finalize(st);
			return db_nomem(s->db);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(s->db, rc, "search");
}

/* Check every term with the tokenizer: one with no word in it is left
 * out; the typing term keeps its one token in *typed (caller frees),
 * else it is matched as a prefix like a '*'. */
static int check_terms(struct search *s, char **typed)
{
	*typed = NULL;
	for (size_t i = 0; i < s->q.n; i++) {
		struct query_term *t = &s->q.terms[i];
		struct tokens tk;
		int status = tokenize(s->db, &s->tk, t->text, &tk);

		if (status != COPSE_OK) {
			strv_done(&tk.v);
			return status;
		}
		t->empty = tk.v.n == 0;
		if (t->typing && tk.v.n == 1 && !*typed) {
			size_t chars = 0;

			for (const char *c = tk.v.v[0]; *c; c++)
				chars += ((unsigned char)*c & 0xc0) != 0x80;
			if (chars >= MORE_MIN_CHARS && !(*typed = xstrdup(tk.v.v[0]))) {
				strv_done(&tk.v);
				return db_nomem(s->db);
			}
		} else if (t->typing) {
			/* "e-ma": a phrase, its last word a prefix */
			t->typing = 0;
			t->prefix = 1;
		}
		strv_done(&tk.v);
	}
	return COPSE_OK;
}

/* Was entry id found already (in its titles and tags)? */
static int have(const struct search *s, int kind, int64_t id, size_t from)
{
	for (size_t i = from; i < s->n; i++)
		if (s->v[i].kind == kind && s->v[i].id == id)
			return 1;
	return 0;
}

/* A snippet that starts the body, at its "# Title" heading repeating the
 * title: that heading goes, with its marks (the title shows it). */
static void drop_title_heading(struct search_hit *h)
{
	size_t tl = strlen(h->title), cut = 2 + tl, k = 0;

	if (strncmp(h->snippet, "# ", 2) != 0 || strncasecmp(h->snippet + 2, h->title, tl) != 0 ||
	    (h->snippet[cut] != ' ' && h->snippet[cut] != '\0'))
		return;
	cut += h->snippet[cut] == ' ';
	memmove(h->snippet, h->snippet + cut, strlen(h->snippet + cut) + 1);
	for (size_t i = 0; i < h->nspans; i++)
		if (h->spans[i].off >= cut) {
			h->spans[k].off = h->spans[i].off - cut;
			h->spans[k++].len = h->spans[i].len;
		}
	h->nspans = k;
}

static int read_hit(struct search *s, sqlite3_stmt *st, const struct index *x, int head)
{
	struct search_hit *h;
	const char *a = (const char *)sqlite3_column_text(st, COL_SNIP_A);
	const char *b = (const char *)sqlite3_column_text(st, COL_SNIP_B);
	const char *hl = (const char *)sqlite3_column_text(st, COL_TITLE_HL);
	const char *plain = (const char *)sqlite3_column_text(st, COL_PLAIN);
	const char *snip;

	if (store_grow((void **)&s->v, &s->cap, s->n, sizeof *s->v) != 0)
		return db_nomem(s->db);
	h = &s->v[s->n++];
	h->kind = x->kind;
	h->id = sqlite3_column_int64(st, COL_ID);
	h->meeting_id = sqlite3_column_int64(st, COL_MEETING);
	h->rank = sqlite3_column_double(st, COL_RANK);
	h->head = head;
	h->status = store_col_str(st, COL_STATUS);
	h->when = store_col_str(st, COL_WHEN);
	if (!h->status || !h->when)
		return db_nomem(s->db);
	if (hl) {
		if (unmark(hl, 0, &h->title, &h->tspans, &h->ntspans) != 0)
			return db_nomem(s->db);
	} else if (!(h->title = store_col_str(st, COL_TITLE))) {
		return db_nomem(s->db);
	}
	/* the snippet that shows a match (beyond a heading that repeats
	 * the title), else the text's start */
	h->snippet = NULL;
	h->spans = NULL;
	h->nspans = 0;
	for (int i = 0; i < 2; i++) {
		snip = i ? b : a;
		if (!snip || !strchr(snip, MARK_OPEN[0]))
			continue;
		if (unmark(snip, 1, &h->snippet, &h->spans, &h->nspans) != 0)
			return db_nomem(s->db);
		drop_title_heading(h);
		if (h->nspans)
			break;
		free(h->snippet);
		free(h->spans);
		h->snippet = NULL;
		h->spans = NULL;
	}
	if (!h->snippet) {
		char *line = first_line(plain ? plain : a ? a : "", h->title);
		if (!line || unmark(line, 1, &h->snippet, &h->spans, &h->nspans) != 0) {
			free(line);
			return db_nomem(s->db);
		}
		free(line);
		h->nspans = 0;
	}
	return COPSE_OK;
}

/* Search index x: its best rows by rank, those of kind x->kind found
 * before (from index `from` of the hits) skipped, at most `want` new
 * ones.  head: the rows are title (name) and tag matches.  not_in: the
 * expression rows must not match in entry_fts (NULL: none). */
static int search_index(struct search *s, const struct index *x, const char *typed,
			int head, size_t from, int want, const char *not_in)
{
	struct query_term *t = NULL;
	struct buf m, sql;
	sqlite3_stmt *st = NULL;
	int status = COPSE_OK, whole = -1, r, rc, got = 0;
	size_t skip = s->n - from;

	for (size_t i = 0; i < s->q.n; i++)
		if (s->q.terms[i].typing)
			t = &s->q.terms[i];
	if (t && typed && (status = more_words(s, x, t, typed)) != COPSE_OK)
		return status;
	buf_init(&m);
	buf_init(&sql);
	if ((r = query_fts(&s->q, &m, &whole)) <= 0) {
		buf_done(&m);
		return r < 0 ? db_nomem(s->db) : COPSE_OK;
	}
	/* ranked among the newest SEARCH_RANKED matches at most: the bound
	 * is the rowid of the last of them (0 when there are fewer) */
	buf_printf(&sql, "%s WHERE %s MATCH ?1 AND f.rank MATCH 'copse_rank(%d, %s)'"
		   " AND f.rowid >= coalesce((SELECT rowid FROM %s WHERE %s MATCH ?1"
		   " ORDER BY rowid DESC LIMIT 1 OFFSET %d), 0)",
		   x->select, x->fts, whole, x->rank, x->fts, x->fts, SEARCH_RANKED - 1);
	if (not_in)
		buf_puts(&sql, " AND f.rowid NOT IN (SELECT rowid FROM entry_fts"
			 " WHERE entry_fts MATCH ?5)");
	buf_puts(&sql, " ORDER BY f.rank LIMIT ?4");
	if (!sql.s) {
		buf_done(&m);
		return db_nomem(s->db);
	}
	if ((status = db_prepare(s->db, sql.s, &st)) == COPSE_OK) {
		sqlite3_bind_text(st, 1, m.s, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, MARK_OPEN, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, MARK_CLOSE, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, want + (int)skip);
		if (not_in)
			sqlite3_bind_text(st, 5, not_in, -1, SQLITE_STATIC);
		while (got < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (skip && have(s, x->kind, sqlite3_column_int64(st, COL_ID), from))
				continue;
			if ((status = read_hit(s, st, x, head)) != COPSE_OK)
				break;
			got++;
		}
		if (status == COPSE_OK && got < want && rc != SQLITE_DONE)
			status = db_sqlite_fail(s->db, rc, "search");
		sqlite3_finalize(st);
	}
	buf_done(&m);
	buf_done(&sql);
	return status;
}

static int search_all(struct search *s, unsigned kinds)
{
	char *typed = NULL;
	struct buf not_in;
	int status;

	buf_init(&not_in);
	if ((status = check_terms(s, &typed)) != COPSE_OK)
		return status;
	if (query_fts_not(&s->q, &not_in) < 0)
		status = db_nomem(s->db);
	if (status == COPSE_OK && (kinds & 1u << SEARCH_ENTRY)) {
		size_t from = s->n;

		status = search_index(s, &idx_entry_head, typed, 1, from, s->limit,
				      not_in.len ? not_in.s : NULL);
		if (status == COPSE_OK && s->n - from < (size_t)s->limit)
			status = search_index(s, &idx_entry, typed, 0, from,
					      s->limit - (int)(s->n - from), NULL);
	}
	if (status == COPSE_OK && (kinds & 1u << SEARCH_TOPIC))
		status = search_index(s, &idx_topic, typed, 0, s->n, s->limit, NULL);
	if (status == COPSE_OK && (kinds & 1u << SEARCH_MEMBER))
		status = search_index(s, &idx_member, typed, 0, s->n, s->limit, NULL);
	if (status == COPSE_OK && (kinds & 1u << SEARCH_NOTE))
		status = search_index(s, &idx_note, typed, 0, s->n, s->limit, NULL);
	free(typed);
	buf_done(&not_in);
	return status;
}

int search_run(struct db *db, const char *query, const struct search_opts *o,
	       struct search_hit **out, size_t *n)
{
	struct search s;
	char err[200];
	unsigned kinds = o && o->kinds ? o->kinds : (1u << SEARCH_NKINDS) - 1;
	int status;

	*out = NULL;
	*n = 0;
	memset(&s, 0, sizeof s);
	s.db = db;
	s.text = query ? query : "";
	s.limit = o && o->limit > 0 ? o->limit : DEFAULT_LIMIT;
	query_init(&s.q);
	status = query_parse(s.text, o && o->typing ? QUERY_TYPING : 0, &s.q, err, sizeof err);
	if (status == COPSE_INVALID)
		status = db_fail(db, COPSE_INVALID, "search: %s", err);
	else if (status == COPSE_NOMEM)
		status = db_nomem(db);
	if (status == COPSE_OK && s.q.n > 0 && (status = search_register(db)) == COPSE_OK &&
	    (status = tokenizer_open(db, &s.tk)) == COPSE_OK) {
		status = search_all(&s, kinds);
		tokenizer_close(&s.tk);
		/* every term is quoted: FTS5 has nothing to refuse; if it
		 * ever does, say so plainly rather than pass its words on */
		if (status == COPSE_DB)
			status = db_fail(db, COPSE_INVALID, "search '%.200s': cannot search for that",
					 s.text);
	}
	query_done(&s.q);
	if (status != COPSE_OK) {
		search_hit_list_free(s.v, s.n);
		return status;
	}
	*out = s.v;
	*n = s.n;
	return COPSE_OK;
}
