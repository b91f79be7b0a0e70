/* gen.c - generate a large community for the benchmarks (make bench).
 *
 *   gen [--members N] [--meetings N] [--notes N] [--entries N]
 *       [--topics N] [--seed N] [--quiet] DB
 *   gen --id        print "gVERSION-sSCHEMA", for naming cached files
 *   gen --doc KB FILE   write about KB kilobytes of entries' Markdown as
 *                   one document (the renderer's benchmark reads it)
 *
 * Writes with the store's own verbs (member_add, meeting_add, attend_set,
 * note_add_line, entry_add, entry_update, topic_vote ...), so the data
 * is what the app writes itself: full-text index, links, revisions,
 * status log and activity log all kept in step.  "Now" is moved back
 * record by record (copse_now_set) and the acting login changes, so
 * eight years of history look like eight years of use.  Commits every
 * few thousand verbs; the caller writes to a temporary name and renames.
 *
 * Deterministic: the same options, seed and day ("now", or COPSE_NOW)
 * give the same database.  Each table draws from its own random stream,
 * so changing the number of entries leaves members and notes as they
 * were.
 *
 * Words follow a Zipf law over a vocabulary of function words, words of
 * the domain and a long tail of made-up words.  Three marker words are
 * in no list and are placed exactly: "medication" in 1 % of entries and
 * 0.5 % of notes (a rare word), "boundary" in 10 % of entries and 3 % of
 * notes, "practice" in every entry and 20 % of notes (a common word).
 * The counts are printed at the end.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copse/db.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "words.h"

/* Raise when the generated data changes: cached databases are named by
 * it (tests/bench/run.sh). */
#define GEN_VERSION 1

#define SPAN_DAYS (8 * 365)     /* the community's age */
#define TAIL_WORDS 20000        /* made-up words after the real ones */
#define CHUNK 4000              /* verbs per transaction */
#define NO_DAY 0x7fffffff

/* ---- randomness ---- */

struct rng {
	uint64_t s;
};

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t rnd(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ull;
	return mix64(r->s);
}

static double unif(struct rng *r)
{
	return (rnd(r) >> 11) * (1.0 / 9007199254740992.0);
}

static long below(struct rng *r, long n)
{
	return n > 0 ? (long)(rnd(r) % (uint64_t)n) : 0;
}

static struct rng stream(uint64_t seed, uint64_t table)
{
	struct rng r = { mix64(seed * 0x100000001b3ull + table) };
	return r;
}

/* 1 for a fixed share (per mille) of items i: which ones is decided by
 * a hash, so the share is exact up to rounding and spread evenly. */
static int share(uint64_t seed, uint64_t salt, long i, int per_mille)
{
	uint64_t h = mix64(seed ^ (salt << 40) ^ (uint64_t)i);

	return (long)(h % 1000) < per_mille;
}

/* Zipf-Mandelbrot: rank r has weight 1/(r + q)^s. */
struct zipf {
	double *cdf;
	size_t n;
};

static void zipf_init(struct zipf *z, size_t n, double s, double q)
{
	double sum = 0;

	z->cdf = malloc(n * sizeof *z->cdf);
	z->n = n;
	if (!z->cdf) {
		fprintf(stderr, "gen: out of memory\n");
		exit(1);
	}
	for (size_t i = 0; i < n; i++)
		z->cdf[i] = (sum += 1.0 / pow((double)i + q, s));
	for (size_t i = 0; i < n; i++)
		z->cdf[i] /= sum;
}

static size_t zipf_pick(const struct zipf *z, struct rng *r)
{
	double u = unif(r);
	size_t lo = 0, hi = z->n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (z->cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- the generator's state ---- */

struct opts {
	long members, meetings, notes, entries, topics;
	uint64_t seed;
	int quiet;
};

struct gen {
	struct db *db;
	struct opts o;
	time_t now, today;          /* the real now and 00:00 UTC of its day */
	long pending;               /* verbs in the open transaction */
	struct buf b;
	/* vocabulary */
	char **vocab;
	size_t nvocab;
	struct zipf zw, ztag, zauthor;
	/* members */
	int64_t *mid;
	char **handle;              /* NULL for members without a login */
	int *joined, *left;         /* days; NO_DAY when never / not yet */
	long *with_handle;          /* indexes of members with a handle */
	long nwith;
	/* meetings */
	int64_t *gid;
	int *gday;
	long nheld, notes_done;
	/* entries */
	int64_t *eid;
	char **etitle;
	long ntitles;
	int *eday;
	/* marker counts */
	long med_e, med_n, bnd_e, bnd_n, pra_e, pra_n;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(struct gen *g, const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, g->db ? db_error(g->db) : "failed");
	exit(1);
}

static void check(struct gen *g, int status, const char *what)
{
	if (status != COPSE_OK)
		die(g, what);
}

/* Count a verb; commit and begin again every CHUNK verbs. */
static void step(struct gen *g)
{
	if (++g->pending >= CHUNK) {
		check(g, db_commit(g->db), "commit");
		check(g, db_begin(g->db), "begin");
		g->pending = 0;
	}
}

/* "Now" at minute `minute` of day `day` (negative: past), never later
 * than the real now. */
static void at(struct gen *g, int day, int minute)
{
	time_t t = g->today + (time_t)day * 86400 + (time_t)minute * 60;

	copse_now_set(t < g->now ? t : g->now);
}

static char *iso_at(struct gen *g, int day, int minute)
{
	char iso[ISO_LEN];

	time_iso(g->today + (time_t)day * 86400 + (time_t)minute * 60, iso);
	return xstrdup(iso);
}

static char *date_at(struct gen *g, int day)
{
	char *s = iso_at(g, day, 0);

	if (s)
		s[10] = '\0';
	return s;
}

/* Day of item i of n spread over the community's life, later items
 * denser (a community grows): monotonic in i. */
static int grow_day(long i, long n)
{
	double f = sqrt(((double)i + 0.5) / (double)n);

	return -SPAN_DAYS + (int)(f * (SPAN_DAYS - 1));
}

/* ---- text ---- */

static void make_vocab(struct gen *g)
{
	static const char *const cons[] = {
		"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
		"z", "br", "st", "tr", "sh", "th", "ch",
	};
	static const char *const vow[] = { "a", "e", "i", "o", "u", "ai", "ou", "ea" };
	/* 20 * 8 = 160 syllables: 2 syllables and a suffix give 160 * 160 * 6 words */
	size_t nc = ARRAY_SIZE(vocab_common), nd = ARRAY_SIZE(vocab_domain);

	g->nvocab = nc + nd + TAIL_WORDS;
	g->vocab = calloc(g->nvocab, sizeof *g->vocab);
	if (!g->vocab)
		die(g, "vocabulary");
	for (size_t i = 0; i < nc; i++)
		g->vocab[i] = (char *)vocab_common[i];
	for (size_t i = 0; i < nd; i++)
		g->vocab[nc + i] = (char *)vocab_domain[i];
	for (size_t i = 0; i < TAIL_WORDS; i++) {
		/* 2 or 3 syllables from the number: distinct words */
		char w[32] = "";
		size_t k = i, syl = 2 + (i % 7 == 0);

		for (size_t s = 0; s < syl; s++) {
			strcat(w, cons[k % ARRAY_SIZE(cons)]);
			k /= ARRAY_SIZE(cons);
			strcat(w, vow[k % ARRAY_SIZE(vow)]);
			k /= ARRAY_SIZE(vow);
		}
		/* a suffix keeps made-up words apart from each other */
		snprintf(w + strlen(w), sizeof w - strlen(w), "%s",
			 (const char *[]){ "n", "l", "r", "", "x", "m" }[i % 6]);
		g->vocab[nc + nd + i] = xstrdup(w);
	}
	/* Zipf: s = 1.15 over the ranks, the common words first; about a
	 * quarter of the words drawn are from the made-up tail */
	zipf_init(&g->zw, g->nvocab, 1.15, 2.7);
	zipf_init(&g->ztag, ARRAY_SIZE(tags), 0.9, 1.5);
}

static const char *word(struct gen *g, struct rng *r)
{
	return g->vocab[zipf_pick(&g->zw, r)];
}

/* One sentence of nw words into b, capitalised, ending in '.' or '?'.
 * marker (may be NULL) is put in at a random place; links are [[title]]
 * of earlier entries (upto of them) now and then. */
static void sentence(struct gen *g, struct rng *r, struct buf *b, int nw,
		     const char *marker, long upto)
{
	int mpos = marker ? (int)below(r, nw) : -1;

	for (int i = 0; i < nw; i++) {
		const char *w = i == mpos ? marker : word(g, r);
		long u = below(r, 1000);

		if (i)
			buf_putc(b, ' ');
		if (i == 0 && w[0] >= 'a' && w[0] <= 'z') {
			buf_putc(b, (char)(w[0] - 'a' + 'A'));
			w++;
		}
		if (u < 12 && i != mpos)
			buf_printf(b, "*%s*", w);
		else if (u < 18 && i != mpos)
			buf_printf(b, "**%s**", w);
		else if (u < 22 && i != mpos)
			buf_printf(b, "`%s`", w);
		else
			buf_puts(b, w);
	}
	if (upto > 0 && below(r, 100) < 7) {
		if (below(r, 10) == 0)     /* a page nobody has written yet */
			buf_printf(b, ", as in [[Notes on %s %s]]",
				   title_b[below(r, ARRAY_SIZE(title_b))],
				   title_c[below(r, ARRAY_SIZE(title_c))]);
		else
			buf_printf(b, ", see [[%s]]", g->etitle[below(r, upto)]);
	} else if (below(r, 200) == 0)
		buf_printf(b, " ([the handout](https://example.org/handouts/%ld.pdf))",
			   below(r, 5000));
	buf_puts(b, below(r, 12) == 0 ? "?" : ".");
}

static void paragraph(struct gen *g, struct rng *r, struct buf *b, int ns,
		      const char *marker, long upto)
{
	int mi = marker ? (int)below(r, ns) : -1;

	for (int i = 0; i < ns; i++) {
		if (i)
			buf_putc(b, ' ');
		sentence(g, r, b, 6 + (int)below(r, 16), i == mi ? marker : NULL, upto);
	}
	buf_puts(b, "\n\n");
}

/* An entry's Markdown body of about target bytes; each marker (NULL
 * terminated) goes in once. */
static void entry_body(struct gen *g, struct rng *r, struct buf *b, size_t target,
		       const char *kind, const char *const *markers, long upto)
{
	int nm = 0, used = 0;

	while (markers[nm])
		nm++;
	buf_reset(b);
	/* the first marker in the opening paragraph, the rest spread */
	paragraph(g, r, b, 2 + (int)below(r, 3), nm ? markers[used++] : NULL, upto);
	while (b->len + 120 < target || used < nm) {
		long kindroll = below(r, 100);
		const char *m = used < nm && below(r, 2) == 0 ? markers[used++] : NULL;

		int code = strcmp(kind, "tool") == 0 && kindroll < 12;

		/* a section starts with a heading now and then */
		if (kindroll < 84 && below(r, 3) == 0)
			buf_printf(b, "## %s\n\n", headings[below(r, ARRAY_SIZE(headings))]);
		if (code) {
			buf_puts(b, "```\n");
			for (int i = 0, n = 2 + (int)below(r, 5); i < n; i++)
				buf_printf(b, "%d. %s %s %s\n", i + 1, word(g, r), word(g, r), word(g, r));
			buf_puts(b, "```\n\n");
			if (m)
				paragraph(g, r, b, 1, m, upto);
		} else if (kindroll < 58) {
			paragraph(g, r, b, 1 + (int)below(r, 4), m, upto);
		} else if (kindroll < 84) {
			int ordered = below(r, 3) == 0, n = 2 + (int)below(r, 4);
			int mi = m ? (int)below(r, n) : -1;
			for (int i = 0; i < n; i++) {
				buf_printf(b, ordered ? "%d. " : "- ", i + 1);
				sentence(g, r, b, 3 + (int)below(r, 10), i == mi ? m : NULL, upto);
				buf_putc(b, '\n');
				if (below(r, 8) == 0) {
					buf_puts(b, ordered ? "   - " : "  - ");
					sentence(g, r, b, 3 + (int)below(r, 6), NULL, upto);
					buf_putc(b, '\n');
				}
			}
			buf_putc(b, '\n');
		} else if (kindroll < 96) {
			buf_puts(b, "> ");
			sentence(g, r, b, 8 + (int)below(r, 14), m, upto);
			buf_puts(b, "\n\n");
		} else {
			buf_puts(b, "---\n\n");
			if (m)
				paragraph(g, r, b, 1, m, upto);
		}
	}
}

/* ---- members ---- */

struct handles {
	char **slot;
	size_t n;
};

static int handle_taken(struct handles *h, const char *s)
{
	uint64_t k = 1469598103934665603ull;

	for (const char *p = s; *p; p++)
		k = (k ^ (unsigned char)*p) * 1099511628211ull;
	for (size_t i = k % h->n;; i = (i + 1) % h->n) {
		if (!h->slot[i]) {
			h->slot[i] = (char *)s;
			return 0;
		}
		if (strcmp(h->slot[i], s) == 0)
			return 1;
	}
}

static void member_tags(struct gen *g, struct rng *r, struct strv *sv, int n)
{
	for (int i = 0; i < n; i++) {
		const char *t = tags[zipf_pick(&g->ztag, r)];
		if (!strv_contains(sv, t))
			strv_push(sv, t);
	}
}

static void gen_members(struct gen *g)
{
	struct rng r = stream(g->o.seed, 1);
	struct handles hs = { calloc((size_t)g->o.members * 2 + 1, sizeof(char *)),
			      (size_t)g->o.members * 2 + 1 };
	long n = g->o.members;

	g->mid = calloc((size_t)n, sizeof *g->mid);
	g->handle = calloc((size_t)n, sizeof *g->handle);
	g->joined = calloc((size_t)n, sizeof *g->joined);
	g->left = calloc((size_t)n, sizeof *g->left);
	g->with_handle = calloc((size_t)n, sizeof *g->with_handle);
	if (!hs.slot || !g->mid || !g->handle || !g->joined || !g->left || !g->with_handle)
		die(g, "members");
	db_set_login(g->db, "coordinator");
	for (long i = 0; i < n; i++) {
		size_t f = (size_t)below(&r, ARRAY_SIZE(first_names));
		size_t l = (size_t)below(&r, ARRAY_SIZE(last_names));
		int added = grow_day(i, n), roll = (int)below(&r, 100);
		const char *final = roll < 15 ? "prospect" : roll < 23 ? "invited" :
				    roll < 80 ? "active" : "alumni";
		struct member m;
		char name[96], handle[96];

		member_init(&m);
		snprintf(name, sizeof name, "%s %s", first_names[f][0], last_names[l][0]);
		m.name = xstrdup(name);
		/* prospects may have no login on the server yet */
		if (!(final[0] == 'p' && below(&r, 3) == 0)) {
			snprintf(handle, sizeof handle, "%s.%s", first_names[f][1], last_names[l][1]);
			g->handle[i] = xstrdup(handle);
			if (handle_taken(&hs, g->handle[i])) {
				free(g->handle[i]);
				snprintf(handle, sizeof handle, "%s.%s%ld", first_names[f][1],
					 last_names[l][1], i);
				g->handle[i] = xstrdup(handle);
				handle_taken(&hs, g->handle[i]);
			}
			m.handle = xstrdup(g->handle[i]);
			g->with_handle[g->nwith++] = i;
			if (below(&r, 2) == 0) {
				snprintf(handle, sizeof handle, "%s@example.org", g->handle[i]);
				m.email = xstrdup(handle);
			}
		}
		m.status = xstrdup("prospect");
		m.role = xstrdup(i == 0 ? "coordinator" : "member");
		member_tags(g, &r, &m.expertise, (int)below(&r, 4));
		member_tags(g, &r, &m.interest, 1 + (int)below(&r, 4));
		if (below(&r, 10) < 3) {
			buf_reset(&g->b);
			paragraph(g, &r, &g->b, 2 + (int)below(&r, 3), NULL, 0);
			m.bio = xstrdup(g->b.s);
		}
		g->joined[i] = g->left[i] = NO_DAY;
		at(g, added, 9 * 60 + (int)(i % 600));
		check(g, member_add(g->db, &m), "member_add");
		g->mid[i] = m.id;
		step(g);
		/* along the pipeline, as the coordinator would move them */
		if (strcmp(final, "prospect") != 0) {
			int inv = added + 3 + (int)below(&r, 20);
			free(m.status);
			m.status = xstrdup("invited");
			at(g, inv < -1 ? inv : -1, 10 * 60);
			check(g, member_update(g->db, &m), "member_update");
			step(g);
			if (strcmp(final, "invited") != 0) {
				int j = inv + 7 + (int)below(&r, 30);
				g->joined[i] = j < -1 ? j : -1;
				free(m.status);
				m.status = xstrdup("active");
				m.joined = date_at(g, g->joined[i]);
				if (i > 0 && below(&r, 100) < 3) {
					free(m.role);
					m.role = xstrdup("core");
				}
				at(g, g->joined[i], 11 * 60);
				check(g, member_update(g->db, &m), "member_update");
				step(g);
			}
			if (strcmp(final, "alumni") == 0) {
				g->left[i] = g->joined[i] + 1 + (int)below(&r, -g->joined[i]);
				free(m.status);
				m.status = xstrdup("alumni");
				at(g, g->left[i], 12 * 60);
				check(g, member_update(g->db, &m), "member_update");
				step(g);
			}
		}
		member_done(&m);
	}
	/* connections: unique pairs */
	{
		long nc = n * 4 / 5, made = 0;
		struct handles pairs = { calloc((size_t)nc * 2 + 1, sizeof(char *)),
					 (size_t)nc * 2 + 1 };
		char key[48];

		for (long k = 0; made < nc && k < nc * 4; k++) {
			long a = below(&r, n), b = below(&r, n);
			char *kc;
			int day;

			if (a == b)
				continue;
			snprintf(key, sizeof key, "%ld-%ld", a < b ? a : b, a < b ? b : a);
			if (!(kc = xstrdup(key)) || handle_taken(&pairs, kc)) {
				free(kc);
				continue;
			}
			day = grow_day(a > b ? a : b, n) + 30;
			at(g, day < -1 ? day : -1, 15 * 60);
			check(g, member_link(g->db, g->mid[a], g->mid[b],
					     (const char *[]){ "introduced", "mentors", "works-with" }[k % 3],
					     below(&r, 2) ? "met at a circle" : "", NULL),
			      "member_link");
			step(g);
			made++;
		}
		for (size_t i = 0; i < pairs.n; i++)
			free(pairs.slot[i]);
		free(pairs.slot);
	}
	free(hs.slot);
	/* prolific members write more (Zipf over those with a login) */
	zipf_init(&g->zauthor, g->nwith ? (size_t)g->nwith : 1, 1.0, 3.0);
}

static const char *some_login(struct gen *g, struct rng *r)
{
	return g->nwith ? g->handle[g->with_handle[zipf_pick(&g->zauthor, r)]] : "coordinator";
}

/* ---- meetings, attendance, minutes, actions ---- */

static int present(struct gen *g, long m, int day)
{
	return g->joined[m] != NO_DAY && g->joined[m] <= day &&
	       (g->left[m] == NO_DAY || g->left[m] > day);
}

/* The minutes of held meeting k: lines lines in its 90 minutes, by
 * those present with a login (natt of them in att). */
static void minutes(struct gen *g, struct rng *rn, long k, int start, long lines,
		    const long *att, long natt)
{
	int day = g->gday[k];

	for (long j = 0; j < lines; j++) {
		long author = natt ? att[below(rn, natt)] : -1, owner = natt ? att[below(rn, natt)] : -1;
		long no = g->notes_done++;
		const char *marker = share(g->o.seed, 11, no, 5) ? "medication" :
				     share(g->o.seed, 12, no, 30) ? "boundary" :
				     share(g->o.seed, 13, no, 200) ? "practice" : NULL;
		long roll = below(rn, 100);
		int action = roll >= 17 && roll < 20 && owner >= 0;
		int64_t aid = 0;

		g->med_n += marker && marker[0] == 'm';
		g->bnd_n += marker && marker[0] == 'b';
		g->pra_n += marker && marker[0] == 'p';
		buf_reset(&g->b);
		if (roll < 10)
			buf_puts(&g->b, "d: ");
		else if (roll < 17)
			buf_puts(&g->b, "? ");
		else if (action)
			buf_printf(&g->b, "a: @%s ", g->handle[owner]);
		sentence(g, rn, &g->b, 4 + (int)below(rn, 20), marker, 0);
		if (action) {
			char *due = date_at(g, day + 7 + (int)below(rn, 21));
			buf_printf(&g->b, " due %s", due);
			free(due);
		}
		at(g, day, start + (int)(j * 85 / lines));
		db_set_login(g->db, author >= 0 ? g->handle[author] : "coordinator");
		check(g, note_add_line(g->db, g->gid[k], g->b.s, NULL, &aid), "note_add_line");
		step(g);
		/* most actions get done, some late, some never */
		if (aid && below(rn, 100) < 85) {
			at(g, day + 2 + (int)below(rn, 40), 12 * 60);
			db_set_login(g->db, g->handle[owner]);
			check(g, action_set_done(g->db, aid, 1), "action_set_done");
			step(g);
		}
	}
}

static void gen_meetings(struct gen *g)
{
	struct rng r = stream(g->o.seed, 2), rn = stream(g->o.seed, 3);
	long n = g->o.meetings, upcoming = n / 100 + 2, past;
	long nser = (long)ARRAY_SIZE(series), nreg = 12;
	long *reg = calloc((size_t)(nser * nreg), sizeof *reg);
	long *att = calloc((size_t)g->o.members + 1, sizeof *att);
	long *lines;
	double *w, wsum = 0, carry = 0;
	long given = 0;

	if (upcoming > n)
		upcoming = n;
	past = n - upcoming;
	g->gid = calloc((size_t)n + 1, sizeof *g->gid);
	g->gday = calloc((size_t)n + 1, sizeof *g->gday);
	lines = calloc((size_t)n + 1, sizeof *lines);
	w = calloc((size_t)n + 1, sizeof *w);
	if (!reg || !att || !g->gid || !g->gday || !lines || !w)
		die(g, "meetings");
	/* each series has its regulars among members who became active */
	for (long k = 0; k < nser * nreg; k++) {
		long m = below(&r, g->o.members);
		for (int t = 0; t < 50 && g->joined[m] == NO_DAY; t++)
			m = below(&r, g->o.members);
		reg[k] = m;
	}
	/* o.notes lines shared out over the past meetings, more in some */
	for (long k = 0; k < past; k++)
		wsum += (w[k] = 0.3 + unif(&r) * 1.4);
	for (long k = 0; k < past; k++)
		given += (lines[k] = (long)((double)g->o.notes * w[k] / wsum));
	for (long k = 0; past && given < g->o.notes; k = (k + 1) % past, given++)
		lines[k]++;
	for (long k = 0; k < n; k++) {
		struct meeting mt;
		long s = k % nser, natt = 0;
		int day = k < past ? -SPAN_DAYS + (int)((double)k * (SPAN_DAYS - 1) / (double)past)
				   : 1 + (int)((k - past) * 30 / upcoming);
		int start = (17 + (int)(s % 3)) * 60;
		const char *status = k >= past ? "planned" : below(&r, 100) < 5 ? "cancelled" : "held";

		/* the last past meeting is held, so every line has a home */
		if (k == past - 1)
			status = "held";
		meeting_init(&mt);
		buf_reset(&g->b);
		buf_printf(&g->b, "%s: %s %s", series[s], title_b[below(&r, ARRAY_SIZE(title_b))],
			   title_c[below(&r, ARRAY_SIZE(title_c))]);
		mt.title = xstrdup(g->b.s);
		mt.starts = iso_at(g, day, start);
		mt.ends = iso_at(g, day, start + 90);
		mt.location = xstrdup(places[below(&r, ARRAY_SIZE(places))]);
		buf_reset(&g->b);
		buf_printf(&g->b, "Facilitator: %s\n\n", some_login(g, &r));
		for (int i = 0, ni = 3 + (int)below(&r, 4); i < ni; i++) {
			buf_printf(&g->b, "%d. ", i + 1);
			sentence(g, &r, &g->b, 3 + (int)below(&r, 6), NULL, 0);
			buf_putc(&g->b, '\n');
		}
		mt.agenda = xstrdup(g->b.s);
		mt.status = xstrdup(status);
		at(g, day - 10 < -1 ? day - 10 : -1, 8 * 60);
		db_set_login(g->db, some_login(g, &r));
		check(g, meeting_add(g->db, &mt), "meeting_add");
		step(g);
		g->gid[k] = mt.id;
		g->gday[k] = day;
		/* attendance: the series' regulars, then others */
		at(g, day, start + 95);
		for (long q = 0; q < nreg; q++) {
			long m = reg[s * nreg + q];
			const char *st;
			if (!present(g, m, day))
				continue;
			if (k >= past)
				st = below(&r, 2) ? "accepted" : "invited";
			else if (strcmp(status, "cancelled") == 0)
				st = "invited";
			else
				st = below(&r, 100) < 80 ? "attended" : "absent";
			check(g, attend_set(g->db, mt.id, g->mid[m], st), "attend_set");
			step(g);
			if (strcmp(st, "attended") == 0 && g->handle[m])
				att[natt++] = m;
		}
		if (strcmp(status, "held") == 0) {
			for (long q = 0, extra = 3 + below(&r, 14); q < extra; q++) {
				long m = below(&r, g->o.members);
				int dup = 0;
				if (!present(g, m, day))
					continue;
				for (long t = 0; t < nreg; t++)
					dup |= reg[s * nreg + t] == m;
				for (long t = 0; t < natt && !dup; t++)
					dup |= att[t] == m;
				if (dup)
					continue;
				check(g, attend_set(g->db, mt.id, g->mid[m], "attended"), "attend_set");
				step(g);
				if (g->handle[m])
					att[natt++] = m;
			}
			g->nheld++;
			/* a cancelled meeting's share of lines goes to the next held one */
			minutes(g, &rn, k, start, lines[k] + (long)carry, att, natt);
			carry = 0;
		} else if (k < past)
			carry += (double)lines[k];
		meeting_done(&mt);
	}
	free(reg);
	free(att);
	free(lines);
	free(w);
}

/* ---- the repertoire ---- */

static void entry_title(long i, char *out, size_t n, const char *kind)
{
	size_t na = ARRAY_SIZE(title_a), nb = ARRAY_SIZE(title_b), nc = ARRAY_SIZE(title_c);
	size_t space = na * nb * nc;   /* 80 000; 7919 is prime, not a factor */
	size_t p = ((size_t)i % space * 7919 + 12345) % space;
	static const char *const tail[] = { "", ", Revisited", " for Beginners", ": A Checklist" };
	const char *pre = strcmp(kind, "case") == 0 ? "Case: " : strcmp(kind, "faq") == 0 ? "FAQ: " : "";

	snprintf(out, n, "%s%s %s %s%s%s", pre, title_a[p % na], title_b[p / na % nb],
		 title_c[p / na / nb % nc], tail[(size_t)i / space % ARRAY_SIZE(tail)],
		 *pre == 'F' ? "?" : "");
}

static void gen_entries(struct gen *g)
{
	struct rng r = stream(g->o.seed, 4);
	long n = g->o.entries;
	static const char *const kinds[] = { "lesson", "story", "method", "tool", "case", "faq" };
	static const int kind_pct[] = { 35, 55, 70, 82, 92, 100 };

	g->eid = calloc((size_t)n + 1, sizeof *g->eid);
	g->etitle = calloc((size_t)n + 1, sizeof *g->etitle);
	g->eday = calloc((size_t)n + 1, sizeof *g->eday);
	if (!g->eid || !g->etitle || !g->eday)
		die(g, "entries");
	for (long i = 0; i < n; i++) {
		struct entry e;
		char title[160];
		const char *markers[4];
		int nm = 0, kroll = (int)below(&r, 100), sroll = (int)below(&r, 100);
		int day = grow_day(i, n);
		size_t kd = 0;

		while (kroll >= kind_pct[kd])
			kd++;
		entry_init(&e);
		entry_title(i, title, sizeof title, kinds[kd]);
		g->etitle[g->ntitles++] = xstrdup(title);
		g->eday[i] = day;
		markers[nm++] = "practice";
		g->pra_e++;
		if (share(g->o.seed, 21, i, 10)) {
			markers[nm++] = "medication";
			g->med_e++;
		}
		if (share(g->o.seed, 22, i, 100)) {
			markers[nm++] = "boundary";
			g->bnd_e++;
		}
		markers[nm] = NULL;
		entry_body(g, &r, &g->b, 1024 + (size_t)below(&r, 1024), kinds[kd], markers, i);
		e.title = xstrdup(title);
		e.kind = xstrdup(kinds[kd]);
		e.body = xstrdup(g->b.s);
		e.status = xstrdup(sroll < 85 ? "published" : sroll < 95 ? "draft" : "retired");
		member_tags(g, &r, &e.tags, 1 + (int)below(&r, 4));
		at(g, day, 20 * 60 + (int)(i % 180));
		db_set_login(g->db, some_login(g, &r));
		check(g, entry_add(g->db, &e), "entry_add");
		g->eid[i] = e.id;
		step(g);
		/* one in ten is revised later: an update section appended */
		if (below(&r, 10) == 0) {
			char *body;
			buf_reset(&g->b);
			buf_printf(&g->b, "%s## Update\n\n", e.body);
			paragraph(g, &r, &g->b, 1 + (int)below(&r, 2), NULL, i);
			body = buf_steal(&g->b);
			free(e.body);
			e.body = body;
			at(g, day + 1 + (int)below(&r, 200), 21 * 60);
			db_set_login(g->db, some_login(g, &r));
			check(g, entry_update(g->db, &e), "entry_update");
			step(g);
		}
		entry_done(&e);
	}
}

/* ---- reading, "I used this", topics ---- */

static void gen_use(struct gen *g)
{
	struct rng r = stream(g->o.seed, 5);
	long n = g->o.entries, reads = g->o.members * 2 + n / 2, uses = n / 20;
	static const char *const outcomes[] = {
		"", "", "worked at the first try", "calmed the room",
		"half worked: the pause helped, the guess did not",
		"used it with my team", "tried it at home",
	};

	if (!n)
		return;
	for (long k = 0; k < reads + uses; k++) {
		long i = n - 1 - (long)(pow(unif(&r), 2.0) * (double)n);   /* recent ones more */
		int day = g->eday[i] + (int)below(&r, -g->eday[i] + 1);

		if (i < 0)
			i = 0;
		at(g, day < -1 ? day : -1, 7 * 60 + (int)below(&r, 900));
		db_set_login(g->db, some_login(g, &r));
		if (k < reads)
			check(g, entry_mark_read(g->db, g->eid[i]), "entry_mark_read");
		else
			check(g, entry_use_add(g->db, g->eid[i],
					       outcomes[below(&r, ARRAY_SIZE(outcomes))], NULL),
			      "entry_use_add");
		step(g);
	}
}

static void gen_topics(struct gen *g)
{
	struct rng r = stream(g->o.seed, 6);
	static const char *const statuses[] = { "open", "exploring", "addressed", "parked" };
	long *voters = calloc(100, sizeof *voters);

	if (!voters)
		die(g, "topics");
	for (long i = 0; i < g->o.topics; i++) {
		struct topic t;
		int day = grow_day(i, g->o.topics), nv = (int)(pow(unif(&r), 3.0) * 80);

		topic_init(&t);
		buf_reset(&g->b);
		buf_printf(&g->b, "%s %s %s?", (const char *[]){ "How do we handle", "What about",
			   "Handling", "Why do we avoid" }[below(&r, 4)],
			   title_b[below(&r, ARRAY_SIZE(title_b))], title_c[below(&r, ARRAY_SIZE(title_c))]);
		t.title = xstrdup(g->b.s);
		buf_reset(&g->b);
		paragraph(g, &r, &g->b, 1 + (int)below(&r, 3), NULL, 0);
		t.body = xstrdup(g->b.s);
		t.status = xstrdup(statuses[below(&r, 4)]);
		at(g, day, 13 * 60);
		db_set_login(g->db, some_login(g, &r));
		check(g, topic_add(g->db, &t), "topic_add");
		step(g);
		for (int v = 0, have = 0; v < nv && g->nwith; v++) {
			long m = g->with_handle[below(&r, g->nwith)];
			int dup = 0;
			for (int q = 0; q < have; q++)
				dup |= voters[q] == m;
			if (dup)
				continue;
			voters[have++] = m;
			at(g, day + v < -1 ? day + v : -1, 14 * 60);
			db_set_login(g->db, g->handle[m]);
			check(g, topic_vote(g->db, t.id), "topic_vote");
			step(g);
		}
		if (g->o.meetings && below(&r, 10) < 4) {
			check(g, topic_link_meeting(g->db, t.id, g->gid[below(&r, g->o.meetings)]),
			      "topic_link_meeting");
			step(g);
		}
		if (g->o.entries && below(&r, 10) < 5) {
			check(g, topic_link_entry(g->db, t.id, g->eid[below(&r, g->o.entries)]),
			      "topic_link_entry");
			step(g);
		}
		topic_done(&t);
	}
	free(voters);
}

/* The Markdown of entries, one after the other under their titles. */
static int gen_doc(struct gen *g, long kb, const char *path)
{
	struct rng r = stream(g->o.seed, 7);
	struct buf doc;
	FILE *f;
	long n = 0;

	buf_init(&doc);
	g->etitle = calloc((size_t)kb + 1, sizeof *g->etitle);
	if (!g->etitle)
		die(g, "doc");
	while (doc.len < (size_t)kb * 1024) {
		static const char *const none[] = { "practice", NULL };
		char title[160];

		entry_title(n, title, sizeof title, "lesson");
		if (n >= kb) {      /* entries are over 1 KB: never */
			buf_done(&doc);
			return 1;
		}
		g->etitle[g->ntitles++] = xstrdup(title);
		entry_body(g, &r, &g->b, 1024 + (size_t)below(&r, 1024), n % 7 ? "lesson" : "tool",
			   none, n);
		buf_printf(&doc, "# %s\n\n%s", title, g->b.s);
		n++;
	}
	if (!(f = fopen(path, "w")) || fwrite(doc.s, 1, doc.len, f) != doc.len || fclose(f) != 0) {
		perror(path);
		buf_done(&doc);
		return 1;
	}
	buf_done(&doc);
	return 0;
}

/* Free what the generator holds and return rc. */
static int gen_done(struct gen *g, int rc)
{
	size_t real = ARRAY_SIZE(vocab_common) + ARRAY_SIZE(vocab_domain);

	for (size_t i = real; g->vocab && i < g->nvocab; i++)
		free(g->vocab[i]);
	free(g->vocab);
	free(g->zw.cdf);
	free(g->ztag.cdf);
	free(g->zauthor.cdf);
	for (long i = 0; g->handle && i < g->o.members; i++)
		free(g->handle[i]);
	free(g->handle);
	free(g->mid);
	free(g->joined);
	free(g->left);
	free(g->with_handle);
	free(g->gid);
	free(g->gday);
	for (long i = 0; i < g->ntitles; i++)
		free(g->etitle[i]);
	free(g->etitle);
	free(g->eid);
	free(g->eday);
	buf_done(&g->b);
	return rc;
}

/* ---- main ---- */

static void phase(struct gen *g, const char *what, long n, void (*fn)(struct gen *))
{
	double t = now_ms();

	fn(g);
	if (!g->o.quiet)
		printf("gen: %-26s %8ld  %8.1f s\n", what, n, (now_ms() - t) / 1e3);
	fflush(stdout);
}

static int usage(void)
{
	fprintf(stderr, "usage: gen [--members N] [--meetings N] [--notes N] [--entries N]"
		" [--topics N] [--seed N] [--quiet] DB\n       gen --id\n"
		"       gen --doc KB FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct gen g;
	char err[512];
	const char *path = NULL;
	double t0 = now_ms();

	setlocale(LC_ALL, "");
	memset(&g, 0, sizeof g);
	g.o.members = 5000;
	g.o.meetings = 2000;
	g.o.notes = 100000;
	g.o.entries = 50000;
	g.o.topics = -1;
	g.o.seed = 1;
	for (int i = 1; i < argc; i++) {
		long *opt = NULL;
		if (strcmp(argv[i], "--id") == 0) {
			printf("g%d-s%d\n", GEN_VERSION, DB_SCHEMA_VERSION);
			return 0;
		} else if (strcmp(argv[i], "--doc") == 0 && i + 2 < argc) {
			buf_init(&g.b);
			make_vocab(&g);
			return gen_done(&g, gen_doc(&g, atol(argv[i + 1]), argv[i + 2]));
		} else if (strcmp(argv[i], "--quiet") == 0)
			g.o.quiet = 1;
		else if (strcmp(argv[i], "--members") == 0)
			opt = &g.o.members;
		else if (strcmp(argv[i], "--meetings") == 0)
			opt = &g.o.meetings;
		else if (strcmp(argv[i], "--notes") == 0)
			opt = &g.o.notes;
		else if (strcmp(argv[i], "--entries") == 0)
			opt = &g.o.entries;
		else if (strcmp(argv[i], "--topics") == 0)
			opt = &g.o.topics;
		else if (strcmp(argv[i], "--seed") == 0) {
			if (++i >= argc)
				return usage();
			g.o.seed = strtoull(argv[i], NULL, 10);
		} else if (argv[i][0] == '-' || path)
			return usage();
		else
			path = argv[i];
		if (opt) {
			char *end;
			if (++i >= argc)
				return usage();
			*opt = strtol(argv[i], &end, 10);
			if (*end || *opt < 0)
				return usage();
		}
	}
	if (!path)
		return usage();
	if (g.o.members < 1)
		g.o.members = 1;
	if (g.o.topics < 0)
		g.o.topics = g.o.members / 12 + 1;
	g.now = copse_now();
	g.today = g.now - g.now % 86400;
	buf_init(&g.b);
	make_vocab(&g);
	if (db_open(path, DB_CREATE, &g.db, err, sizeof err) != COPSE_OK) {
		fprintf(stderr, "gen: %s\n", err);
		return gen_done(&g, 1);
	}
	if (!db_is_empty(g.db)) {
		fprintf(stderr, "gen: %s: not empty\n", path);
		db_close(g.db);
		return gen_done(&g, 1);
	}
	check(&g, db_meta_set(g.db, "name", "Practice at Scale (generated)"), "name");
	check(&g, db_begin(g.db), "begin");
	phase(&g, "members, connections", g.o.members, gen_members);
	phase(&g, "meetings, attendance, notes", g.o.notes, gen_meetings);
	phase(&g, "entries", g.o.entries, gen_entries);
	phase(&g, "reads and uses", g.o.members * 2 + g.o.entries / 2 + g.o.entries / 20, gen_use);
	phase(&g, "topics and votes", g.o.topics, gen_topics);
	check(&g, db_commit(g.db), "commit");
	copse_now_reset();
	db_close(g.db);
	if (!g.o.quiet) {
		printf("gen: markers: medication in %ld entries, %ld notes; boundary in %ld entries,"
		       " %ld notes; practice in %ld entries, %ld notes\n",
		       g.med_e, g.med_n, g.bnd_e, g.bnd_n, g.pra_e, g.pra_n);
		printf("gen: %ld members, %ld meetings, %ld notes, %ld entries, %ld topics"
		       " in %.1f s\n", g.o.members, g.o.meetings, g.o.notes, g.o.entries,
		       g.o.topics, (now_ms() - t0) / 1e3);
	}
	return gen_done(&g, 0);
}
