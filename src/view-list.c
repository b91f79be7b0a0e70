/* view-list.c - the list view: a panel's rows (sections, a filter, the
 * selection kept across reloads) with the selected item previewed on the
 * right when the terminal is wide enough.  Its state is struct list_view,
 * behind view->priv.  See view.h.
 *
 * A short panel (Home, Health) gives all its rows at each load and the
 * filter narrows them here.  A panel of parts (struct list_part: the
 * Repertoire, Members, Meetings) may have a hundred thousand rows: the
 * list knows how many each part has (the store counts them, the filter
 * being the store's work too) and keeps only a window of lines around
 * what is shown, read some at a time after or before the lines it has
 * (keyset paging, page.h).  Lines are numbered in the whole list as
 * filtered: each part that has rows gives its heading (unless a filter
 * is on) and then its rows.  A reload finds the selected row again by
 * its key, so the selection and its place on the screen stay. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/view.h"

#include "view-priv.h"

/* Width from which a list gets a preview beside it, and the list's
 * width then: 40% of the screen, but never so narrow that titles are
 * cut to nothing at 80 columns nor so wide that the preview starves on
 * a big screen. */
#define SPLIT_MIN_COLS 80
#define LIST_MIN_COLS 38
#define LIST_MAX_COLS 60

/* Rows read from a part at a time, and the lines a window keeps at most
 * (a few screens: moving a page never waits for the store twice). */
#define WIN_CHUNK 64
#define WIN_MAX 512
#define MAX_PARTS 8

/* A line of the list: a row, a section heading or a note. */
struct line {
	struct row row;
	struct page_key key;              /* a part's row: where it stands */
	int part;                         /* its part; -1 in a short panel */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* The list's own state. */
struct list_view {
	const struct panel_ops *panel;
	struct app *app;                  /* set at each load */
	/* a short panel: every line, and those the filter leaves (vis);
	 * a panel of parts: the window, lines wfirst .. wfirst + n - 1 */
	struct lines lines;
	size_t *vis;
	size_t nvis;
	int64_t count[MAX_PARTS];         /* rows of each part (filtered) */
	int64_t total;                    /* lines of the list (filtered) */
	int64_t wfirst;
	struct lines stage;               /* rows a part is adding */
	int stage_part;
	int resync;                       /* the window and the counts disagree */
	int64_t sel, top;                 /* line numbers */
	char filter[256];
	/* the selection, found again after a reload or a filter */
	const struct kind_ops *keep_kind;
	int64_t keep_id;
	int keep_part;                    /* -1: none, or a short panel's */
	struct page_key keep_key;
	int64_t keep_off;                 /* its row on the screen */
	char *err;                        /* why the last load failed, or NULL */
	struct view_page pv;              /* preview of the selected row */
	const struct kind_ops *pv_kind;
	int64_t pv_id;
	int pv_valid;
};

/* The list's own state, or NULL when v is a document. */
static struct list_view *as_list(const struct view *v)
{
	return v->ops == &view_list_ops ? v->priv : NULL;
}

static int paged(const struct list_view *l)
{
	return l->panel->load == NULL;
}

/* ---- lines ---- */

static void line_done(struct line *ln)
{
	free(ln->row.left);
	free(ln->row.right);
	page_key_done(&ln->key);
}

static void lines_clear(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		line_done(&ls->v[i]);
	ls->n = 0;
}

static void lines_free(struct lines *ls)
{
	lines_clear(ls);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

/* A new zeroed line at the end of ls, or NULL on ENOMEM. */
static struct line *lines_push(struct lines *ls)
{
	struct line *ln;

	if (ls->n == ls->cap) {
		size_t ncap = ls->cap ? ls->cap * 2 : 32;
		struct line *nv = realloc(ls->v, ncap * sizeof *nv);

		if (!nv)
			return NULL;
		ls->v = nv;
		ls->cap = ncap;
	}
	ln = &ls->v[ls->n++];
	memset(ln, 0, sizeof *ln);
	ln->part = -1;
	return ln;
}

/* Fill ln's row; left/right are untrusted.  -1 on ENOMEM. */
static int make_row(struct line *ln, const char *left, const char *right, int section,
		    const struct kind_ops *k, int64_t id)
{
	struct row *r = &ln->row;
	int fl = display_ascii() ? TEXT_ASCII : 0;

	r->left = text_sanitize(left ? left : "", left ? strlen(left) : 0, fl);
	r->right = right ? text_sanitize(right, strlen(right), fl) : NULL;
	if (!r->left || (right && !r->right)) {
		free(r->left);
		free(r->right);
		r->left = r->right = NULL;
		return -1;
	}
	/* one line: newlines from the database would break the layout */
	for (char *p = r->left; *p; p++)
		if (*p == '\n')
			*p = ' ';
	r->section = section;
	r->kind = k;
	r->id = id;
	return 0;
}

static int push_row(struct lines *ls, const char *left, const char *right, int section,
		    const struct kind_ops *k, int64_t id)
{
	struct line *ln = lines_push(ls);

	if (!ln)
		return -1;
	if (make_row(ln, left, right, section, k, id) != 0) {
		ls->n--;
		return -1;
	}
	return 0;
}

int view_add_row(struct view *v, const char *left, const char *right,
		 const struct kind_ops *k, int64_t id)
{
	struct list_view *l = v->priv;

	return push_row(&l->lines, left, right, 0, k, id);
}

int view_add_section(struct view *v, const char *title, int plain)
{
	struct list_view *l = v->priv;

	return push_row(&l->lines, title, NULL, plain ? 2 : 1, NULL, 0);
}

int view_add_keyed(struct view *v, const char *left, const char *right, int64_t id,
		   const struct page_key *key)
{
	struct list_view *l = v->priv;
	const struct list_part *p = &l->panel->parts[l->stage_part];
	struct line *ln;

	if (push_row(&l->stage, left, right, 0, p->kind, id) != 0)
		return -1;
	ln = &l->stage.v[l->stage.n - 1];
	ln->part = l->stage_part;
	if (page_key_set(&ln->key, key->num, key->text, key->id) != 0) {
		line_done(ln);
		l->stage.n--;
		return -1;
	}
	return 0;
}

/* ---- where lines are ---- */

/* Whether part p shows its heading. */
static int has_heading(const struct list_view *l, int p)
{
	return l->panel->parts[p].heading && !l->filter[0] && l->count[p] > 0;
}

static int64_t part_lines(const struct list_view *l, int p)
{
	return l->count[p] + has_heading(l, p);
}

/* The part line g is in, with the number of its first line; -1 none. */
static int part_of(const struct list_view *l, int64_t g, int64_t *first)
{
	int64_t f = 0;

	for (int p = 0; p < (int)l->panel->nparts; p++) {
		if (g >= f && g < f + part_lines(l, p)) {
			*first = f;
			return p;
		}
		f += part_lines(l, p);
	}
	return -1;
}

static int64_t part_first(const struct list_view *l, int p)
{
	int64_t f = 0;

	for (int q = 0; q < p; q++)
		f += part_lines(l, q);
	return f;
}

/* Line g, or NULL when it is not read (or not in the list). */
static struct line *line_at(const struct list_view *l, int64_t g)
{
	if (!paged(l))
		return g >= 0 && g < (int64_t)l->nvis ? &l->lines.v[l->vis[g]] : NULL;
	if (g < l->wfirst || g >= l->wfirst + (int64_t)l->lines.n)
		return NULL;
	return &l->lines.v[g - l->wfirst];
}

static int64_t list_total(const struct list_view *l)
{
	return paged(l) ? l->total : (int64_t)l->nvis;
}

static int selectable(const struct list_view *l, int64_t g)
{
	const struct line *ln = line_at(l, g);

	return ln && ln->row.section == 0;
}

/* ---- the window of a panel of parts ---- */

/* Ask part p for rows into the stage. */
static int fetch(struct list_view *l, struct view *v, int p, const struct page_key *from,
		 int dir, int incl, size_t n)
{
	struct page_req r = { from, dir, incl, n };
	int st;

	lines_clear(&l->stage);
	l->stage_part = p;
	st = l->panel->parts[p].rows(l->app, v, l->filter[0] ? l->filter : NULL, &r);
	if (st != COPSE_OK) {
		/* shown in place of the rows that could not be read */
		lines_clear(&l->stage);
		free(l->err);
		l->err = xstrdup(db_error(l->app->db));
		app_db_error(l->app, st);
	}
	return st;
}

/* Move the stage to the window's end, or (nearest first) its start. */
static int take_stage(struct list_view *l, int at_start)
{
	size_t n = l->stage.n;

	if (!n)
		return 0;
	while (l->lines.cap < l->lines.n + n) {
		size_t ncap = l->lines.cap ? l->lines.cap * 2 : 64;
		struct line *nv = realloc(l->lines.v, ncap * sizeof *nv);

		if (!nv) {
			lines_clear(&l->stage);
			return 0;
		}
		l->lines.v = nv;
		l->lines.cap = ncap;
	}
	if (at_start) {
		memmove(l->lines.v + n, l->lines.v, l->lines.n * sizeof *l->lines.v);
		for (size_t i = 0; i < n; i++)
			l->lines.v[i] = l->stage.v[n - 1 - i];
		l->wfirst -= (int64_t)n;
	} else {
		memcpy(l->lines.v + l->lines.n, l->stage.v, n * sizeof *l->lines.v);
	}
	l->lines.n += n;
	l->stage.n = 0;
	return (int)n;
}

static int add_heading(struct list_view *l, int p, int at_start)
{
	lines_clear(&l->stage);
	if (push_row(&l->stage, l->panel->parts[p].heading, NULL, 1, NULL, 0) != 0)
		return 0;
	l->stage.v[0].part = p;
	return take_stage(l, at_start);
}

/* Read the lines after the window; the number read (0: none). */
static int fetch_after(struct list_view *l, struct view *v)
{
	int64_t g = l->wfirst + (int64_t)l->lines.n, first, i, want;
	int p = part_of(l, g, &first);
	const struct page_key *from = NULL;

	if (p < 0)
		return 0;
	if (has_heading(l, p) && g == first)
		return add_heading(l, p, 0);
	i = g - first - has_heading(l, p);
	if (i > 0) {
		const struct line *last = l->lines.n ? &l->lines.v[l->lines.n - 1] : NULL;

		if (!last || last->part != p || last->row.section)
			return 0;
		from = &last->key;
	}
	want = l->count[p] - i < WIN_CHUNK ? l->count[p] - i : WIN_CHUNK;
	if (fetch(l, v, p, from, 1, 0, (size_t)want) != COPSE_OK)
		return 0;
	if ((int64_t)l->stage.n < want)
		l->resync = 1;          /* rows went meanwhile */
	return take_stage(l, 0);
}

/* Read the lines before the window; the number read (0: none). */
static int fetch_before(struct list_view *l, struct view *v)
{
	int64_t g = l->wfirst - 1, first, i, want;
	int p = g >= 0 ? part_of(l, g, &first) : -1;
	const struct page_key *from = NULL;

	if (p < 0)
		return 0;
	if (has_heading(l, p) && g == first)
		return add_heading(l, p, 1);
	i = g - first - has_heading(l, p);
	if (i < l->count[p] - 1) {
		const struct line *next = l->lines.n ? &l->lines.v[0] : NULL;

		if (!next || next->part != p || next->row.section)
			return 0;
		from = &next->key;
	}
	want = i + 1 < WIN_CHUNK ? i + 1 : WIN_CHUNK;
	if (fetch(l, v, p, from, -1, 0, (size_t)want) != COPSE_OK)
		return 0;
	if ((int64_t)l->stage.n < want)
		l->resync = 1;
	return take_stage(l, 1);
}

/* An empty window at line g. */
static void window_at(struct list_view *l, int64_t g)
{
	lines_clear(&l->lines);
	l->wfirst = g;
}

/* Drop lines of the window far from lines lo .. hi. */
static void trim(struct list_view *l, int64_t lo, int64_t hi)
{
	int64_t keep_lo = lo - WIN_MAX / 4, keep_hi = hi + WIN_MAX / 4;
	int64_t wend = l->wfirst + (int64_t)l->lines.n;

	if ((int64_t)l->lines.n <= WIN_MAX)
		return;
	if (wend > keep_hi) {
		for (int64_t g = keep_hi; g < wend; g++)
			line_done(&l->lines.v[g - l->wfirst]);
		l->lines.n -= (size_t)(wend - keep_hi);
	}
	if (keep_lo > l->wfirst) {
		size_t d = (size_t)(keep_lo - l->wfirst);

		if (d > l->lines.n)
			d = l->lines.n;
		for (size_t i = 0; i < d; i++)
			line_done(&l->lines.v[i]);
		memmove(l->lines.v, l->lines.v + d, (l->lines.n - d) * sizeof *l->lines.v);
		l->lines.n -= d;
		l->wfirst += (int64_t)d;
	}
}

/* Have lines lo .. hi - 1 (as far as the list goes) in the window. */
static void ensure(struct list_view *l, struct view *v, int64_t lo, int64_t hi)
{
	int64_t wend;

	if (!paged(l))
		return;
	if (lo < 0)
		lo = 0;
	if (hi > l->total)
		hi = l->total;
	if (lo >= hi)
		return;
	wend = l->wfirst + (int64_t)l->lines.n;
	if (!l->lines.n || hi < l->wfirst - WIN_MAX || lo > wend + WIN_MAX)
		/* a jump (g, G): read from the nearer end */
		window_at(l, lo < l->total - hi ? 0 : l->total);
	while (l->wfirst > lo && fetch_before(l, v) > 0)
		;
	while (l->wfirst + (int64_t)l->lines.n < hi && fetch_after(l, v) > 0)
		;
	trim(l, lo, hi);
}

/* Count the parts' rows; the window is emptied. */
static int recount(struct list_view *l)
{
	int st = COPSE_OK;

	window_at(l, 0);
	l->total = 0;
	for (size_t p = 0; p < l->panel->nparts && p < MAX_PARTS; p++) {
		l->count[p] = 0;
		if (st == COPSE_OK)
			st = l->panel->parts[p].count(l->app, l->filter[0] ? l->filter : NULL,
						      NULL, &l->count[p]);
		l->total += part_lines(l, (int)p);
	}
	return st;
}

/* Read the window from key k of part p on; the line number of its row
 * (of the row after it when it is gone), or -1 on failure. */
static int64_t anchor(struct list_view *l, struct view *v, int p, const struct page_key *k)
{
	int64_t before = 0, g;

	if (l->panel->parts[p].count(l->app, l->filter[0] ? l->filter : NULL, k,
				     &before) != COPSE_OK)
		return -1;
	if (before > l->count[p])
		before = l->count[p];
	g = part_first(l, p) + has_heading(l, p) + before;
	window_at(l, g);
	if (before < l->count[p] && fetch(l, v, p, k, 1, 1, WIN_CHUNK) == COPSE_OK) {
		if (!l->stage.n)
			l->resync = 1;
		take_stage(l, 0);
	}
	return g;
}

/* ---- the selection ---- */

static int row_matches(const struct row *r, const char *f)
{
	if (!*f)
		return 1;
	if (r->section)
		return 0;
	return text_find(r->left, f) >= 0 || (r->right && text_find(r->right, f) >= 0);
}

static void build_vis(struct view *v)
{
	struct list_view *l = v->priv;

	free(l->vis);
	l->vis = malloc((l->lines.n ? l->lines.n : 1) * sizeof *l->vis);
	l->nvis = 0;
	if (!l->vis)
		return;
	for (size_t i = 0; i < l->lines.n; i++)
		if (row_matches(&l->lines.v[i].row, l->filter))
			l->vis[l->nvis++] = i;
}

/* Select line i, or the nearest selectable line in direction dir then
 * the other way. */
static void select_near(struct view *v, int64_t i, int dir)
{
	struct list_view *l = v->priv;
	int64_t n = list_total(l);

	if (n == 0) {
		l->sel = 0;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= n)
		i = n - 1;
	/* headings stand alone between parts: a few lines around do */
	ensure(l, v, i - 4, i + 5);
	for (int64_t j = i; j >= 0 && j < n && line_at(l, j); j += dir)
		if (selectable(l, j)) {
			l->sel = j;
			return;
		}
	for (int64_t j = i; j >= 0 && j < n && line_at(l, j); j -= dir)
		if (selectable(l, j)) {
			l->sel = j;
			return;
		}
	l->sel = i;
}

const struct row *view_selected(const struct view *v)
{
	const struct list_view *l = as_list(v);

	if (!l || !selectable(l, l->sel))
		return NULL;
	return &line_at(l, l->sel)->row;
}

/* Keep what is selected, to find it again after a reload. */
static void remember_selection(struct view *v)
{
	struct list_view *l = v->priv;
	const struct line *ln = selectable(l, l->sel) ? line_at(l, l->sel) : NULL;

	l->keep_kind = ln ? ln->row.kind : NULL;
	l->keep_id = ln ? ln->row.id : 0;
	l->keep_part = ln ? ln->part : -1;
	l->keep_off = l->sel - l->top;
	page_key_done(&l->keep_key);
	if (ln && ln->part >= 0 && page_key_set(&l->keep_key, ln->key.num, ln->key.text,
						 ln->key.id) != 0)
		l->keep_part = -1;
}

/* Select what remember_selection kept, or what came in its place; else
 * the line at the same number. */
static void restore_selection(struct view *v)
{
	struct list_view *l = v->priv;

	if (!paged(l)) {
		if (l->keep_kind)
			for (size_t i = 0; i < l->nvis; i++) {
				const struct row *r = &l->lines.v[l->vis[i]].row;
				if (r->kind == l->keep_kind && r->id == l->keep_id && !r->section) {
					l->sel = (int64_t)i;
					return;
				}
			}
		select_near(v, l->sel, 1);
		return;
	}
	if (l->keep_part >= 0 && l->keep_part < (int)l->panel->nparts &&
	    l->count[l->keep_part] > 0) {
		int64_t g = anchor(l, v, l->keep_part, &l->keep_key);

		if (g >= 0) {
			select_near(v, g, 1);
			l->top = l->sel - l->keep_off;
			return;
		}
	}
	select_near(v, l->sel, 1);
}

int view_select(struct view *v, const struct kind_ops *k, int64_t id)
{
	struct list_view *l = as_list(v);

	if (!l)
		return -1;
	if (!paged(l)) {
		for (size_t i = 0; i < l->nvis; i++) {
			const struct row *r = &l->lines.v[l->vis[i]].row;
			if (r->kind == k && r->id == id && !r->section) {
				l->sel = (int64_t)i;
				return 0;
			}
		}
		return -1;
	}
	for (int p = 0; p < (int)l->panel->nparts && l->app; p++) {
		const struct list_part *part = &l->panel->parts[p];
		struct page_key key;
		int found;

		if (part->kind != k || !l->count[p])
			continue;
		page_key_init(&key);
		if (part->key(l->app, id, &key) != COPSE_OK) {
			page_key_done(&key);
			continue;
		}
		/* is it in this part, as filtered? */
		found = fetch(l, v, p, &key, 1, 1, 1) == COPSE_OK && l->stage.n &&
			l->stage.v[0].row.id == id;
		lines_clear(&l->stage);
		if (found) {
			int64_t g = anchor(l, v, p, &key);

			if (g >= 0)
				l->sel = g;
			ensure(l, v, l->sel - 4, l->sel + 5);
		}
		page_key_done(&key);
		if (found)
			return 0;
	}
	return -1;
}

/* ---- the view and what others ask of it ---- */

struct view *view_new_list(const struct panel_ops *p)
{
	struct view *v = calloc(1, sizeof *v);
	struct list_view *l = calloc(1, sizeof *l);

	if (!v || !l) {
		free(v);
		free(l);
		return NULL;
	}
	l->panel = p;
	l->keep_part = -1;
	v->ops = &view_list_ops;
	v->priv = l;
	v->stale = 1;
	return v;
}

const struct panel_ops *view_panel(const struct view *v)
{
	const struct list_view *l = as_list(v);

	return l ? l->panel : NULL;
}

int view_kinds_with(const struct view *v, enum kind_op op, const struct kind_ops **one)
{
	const struct list_view *l = as_list(v);
	const struct kind_ops *found = NULL;
	size_t n;

	if (one)
		*one = NULL;
	if (!l) {
		found = view_kind(v);
		if (!kind_can(found, op))
			return 0;
		if (one)
			*one = found;
		return 1;
	}
	n = paged(l) ? l->panel->nparts : l->lines.n;
	for (size_t i = 0; i < n; i++) {
		const struct kind_ops *k;

		if (paged(l)) {
			if (!l->count[i])
				continue;
			k = l->panel->parts[i].kind;
		} else {
			if (l->lines.v[i].row.section)
				continue;
			k = l->lines.v[i].row.kind;
		}
		if (!kind_can(k, op))
			continue;
		if (found && found != k)
			return 2;
		found = k;
	}
	if (one)
		*one = found;
	return found != NULL;
}

/* ---- its ops ---- */

/* Read the list again (and count it): the selection stays. */
static int reload(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	int st;

	l->app = a;
	l->resync = 0;
	free(l->err);
	l->err = NULL;
	l->pv_valid = 0;
	if (paged(l)) {
		st = recount(l);
	} else {
		lines_clear(&l->lines);
		st = l->panel->load(a, v);
		build_vis(v);
	}
	if (st != COPSE_OK) {
		/* shown in place of the list: a table that cannot be read is
		 * not an empty one */
		free(l->err);
		l->err = xstrdup(db_error(a->db));
		app_db_error(a, st);
		window_at(l, 0);
		if (paged(l))
			l->total = 0;
		return st;
	}
	restore_selection(v);
	return COPSE_OK;
}

static int list_load(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;

	app_trace(a, "load list %s", l->panel->name);
	if (l->app)
		remember_selection(v);
	return reload(a, v);
}

/* Others changed what: the rows are read again when they show it, else
 * the preview when its item shows it; who is here is drawn as it is. */
static void list_changed(struct view *v, unsigned what)
{
	struct list_view *l = v->priv;
	unsigned rows = l->panel->shows ? l->panel->shows : CHANGE_ALL;
	unsigned pv = l->pv_kind && l->pv_kind->shows ? l->pv_kind->shows : CHANGE_ALL;

	if (what & rows)
		v->stale = 1;
	else if (what & pv)
		l->pv_valid = 0;
}

static void list_close(struct view *v)
{
	struct list_view *l = v->priv;

	lines_free(&l->lines);
	lines_free(&l->stage);
	free(l->vis);
	free(l->err);
	page_key_done(&l->keep_key);
	view_page_done(&l->pv);
	free(l);
}

static int list_scope(const struct view *v)
{
	const struct list_view *l = v->priv;

	return l->panel->scope ? l->panel->scope : KEYS_LIST;
}

static void draw_preview(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);
	int pw = w - 2;

	if (!r || !r->kind || !r->kind->doc || pw < 10)
		return;
	/* someone has it in their editor, as the reader says: e here would
	 * edit it too */
	if (view_draw_editing(a, r->kind, r->id, y, x + 1, h, pw)) {
		y++;
		h--;
	}
	/* a move loads the item, but not while more keys wait (a held j):
	 * the item shown stays until they are done; a resize renders it
	 * again */
	if ((!l->pv_valid || l->pv_kind != r->kind || l->pv_id != r->id) &&
	    !(a->keys_waiting && l->pv_kind)) {
		app_trace(a, "load preview %s %lld", r->kind->name, (long long)r->id);
		view_page_load(a, &l->pv, r->kind, r->id);
		l->pv_kind = r->kind;
		l->pv_id = r->id;
		l->pv_valid = 1;
	}
	view_page_render(a, &l->pv, pw);
	if (l->pv.err)
		display_untrusted(y, x + 1, pw, l->pv.err, display_attr(ST_ERROR));
	else
		view_draw_md(&l->pv.doc, 0, y, x + 1, h, pw, -1);
}

/* Where the list starts on a screen of h lines with the selection in
 * sight (and the heading above the first row of a part). */
static void place_top(struct list_view *l, struct view *v, int h)
{
	int64_t n = list_total(l);

	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > 0 && l->top + h > n)
		l->top = n - h > 0 ? n - h : 0;
	if (l->top < 0)
		l->top = 0;
	ensure(l, v, l->top - 1, l->top + h);
	/* keep a section heading above the first row in sight */
	if (l->top > 0 && l->top == l->sel && line_at(l, l->top - 1) &&
	    line_at(l, l->top - 1)->row.section == 1)
		l->top--;
}

static void list_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct list_view *l = v->priv;
	int lw = w;

	v->body_h = h;
	l->app = a;
	place_top(l, v, h);
	if (l->resync) {
		/* the store moved under the window: read it again, once */
		remember_selection(v);
		reload(a, v);
		place_top(l, v, h);
		l->resync = 0;
	}
	if (w >= SPLIT_MIN_COLS) {
		lw = w * 2 / 5;
		if (lw < LIST_MIN_COLS)
			lw = LIST_MIN_COLS;
		if (lw > LIST_MAX_COLS)
			lw = LIST_MAX_COLS;
		for (int r = 0; r < h; r++)
			display_text(y + r, x + lw, 1, display_ascii() ? "|" : "│",
				     display_attr(ST_BORDER));
		draw_preview(a, v, y, x + lw + 1, h, w - lw - 1);
	}
	if (l->err && (list_total(l) == 0 || !line_at(l, l->top))) {
		view_draw_text(l->err, y, x + 1, h, lw - 1, display_attr(ST_ERROR));
		return;
	}
	if (list_total(l) == 0) {
		const char *msg = l->filter[0] ? "no match" : l->panel->empty;
		const char *press = msg ? strstr(msg, ": press ") : NULL;
		char cut[128];

		/* "No topics yet: press a to raise one." offers a key that
		 * writes: someone who may only read gets "No topics yet." */
		if (a->readonly && press) {
			snprintf(cut, sizeof cut, "%.*s.", (int)(press - msg), msg);
			msg = cut;
		}
		display_text(y, x + 1, lw - 1, msg ? msg : "(empty)", display_attr(ST_DIM));
		return;
	}
	for (int r = 0; r < h; r++) {
		int64_t i = l->top + r;
		const struct line *ln = line_at(l, i);
		const struct row *row;
		int sel, at, rw = 0, tx = x + 1, avail = lw - 2;

		if (!ln)
			break;
		row = &ln->row;
		sel = i == l->sel && !row->section;
		at = sel ? display_attr(ST_SELECTED) : (int)A_NORMAL;
		if (row->section == 1)
			at = display_attr(ST_SECTION);
		else if (row->section == 2)
			at = display_attr(ST_DIM);
		if (sel)
			display_fill(y + r, x, lw, at);
		if (row->section != 1)
			tx += 1, avail -= 1;
		if (row->right && *row->right) {
			/* the title matters more than the date or kind */
			int cap = avail / 3;

			if (l->panel->right_cols > cap)
				cap = l->panel->right_cols < avail * 3 / 5 ? l->panel->right_cols
				      : avail * 3 / 5;
			rw = text_width(row->right, strlen(row->right));
			if (rw > cap)
				rw = cap;
			display_text(y + r, x + lw - 1 - rw, rw, row->right,
				     sel ? at : (at | display_attr(ST_DIM)));
			avail -= rw + 1;
		}
		if (avail > 0) {
			char *clip = text_clip(row->left, avail, 0, display_ascii());
			display_text(y + r, tx, avail, clip ? clip : "", at);
			free(clip);
		}
	}
}

static void move_sel(struct view *v, int64_t delta)
{
	struct list_view *l = v->priv;
	int dir = delta >= 0 ? 1 : -1;
	int64_t target = l->sel + delta, n = list_total(l);

	if (delta == 1 || delta == -1) {
		/* step over headings */
		target = l->sel + dir;
		ensure(l, v, target - 2, target + 3);
		while (target >= 0 && target < n && line_at(l, target) &&
		       !selectable(l, target))
			target += dir;
		if (target < 0 || target >= n)
			return;
	}
	select_near(v, target, dir);
}

/* The filter changed: count and read the list again from its start. */
static void refilter(struct view *v)
{
	struct list_view *l = v->priv;

	if (paged(l)) {
		if (recount(l) != COPSE_OK)
			app_db_error(l->app, COPSE_IO);
	} else {
		build_vis(v);
	}
}

static void filter_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;
	struct list_view *l = v->priv;

	(void)a;
	snprintf(l->filter, sizeof l->filter, "%s", text);
	refilter(v);
	select_near(v, 0, 1);
	l->top = 0;
}

/* How many rows the list has (filtered), and which of them is line
 * upto (1-based; 0 for none) into *pos. */
static int64_t count_selectable(struct view *v, int64_t upto, int64_t *pos)
{
	struct list_view *l = v->priv;
	int64_t n = 0, first;

	*pos = 0;
	if (paged(l)) {
		int p = part_of(l, upto, &first);

		for (int q = 0; q < (int)l->panel->nparts; q++) {
			if (q == p && upto - first >= has_heading(l, q))
				*pos = n + upto - first - has_heading(l, q) + 1;
			n += l->count[q];
		}
		return n;
	}
	for (size_t i = 0; i < l->nvis; i++)
		if (l->lines.v[l->vis[i]].row.section == 0) {
			n++;
			if ((int64_t)i <= upto)
				*pos = n;
		}
	return n;
}

static void clear_filter(struct view *v)
{
	struct list_view *l = v->priv;

	remember_selection(v);
	l->filter[0] = '\0';
	refilter(v);
	restore_selection(v);
}

static int list_search(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	char text[256];

	/* "/" starts afresh, as in tig and mutt: the kept filter goes (the
	 * whole list shows, the selection stays) and the line is empty */
	if (l->filter[0])
		clear_filter(v);
	remember_selection(v);
	text[0] = '\0';
	if (app_prompt(a, "/", text, sizeof text, filter_changed, v)) {
		filter_changed(a, text, v);
		if (l->filter[0]) {
			int64_t pos, n = count_selectable(v, l->sel, &pos);

			app_message(a, "filter '%s': %lld match%s (Esc clears)", l->filter,
				    (long long)n, n == 1 ? "" : "es");
		}
	} else {
		l->filter[0] = '\0';
		refilter(v);
		restore_selection(v);
	}
	return VR_REDRAW;
}

static int list_next_match(struct app *a, struct view *v, int dir)
{
	struct list_view *l = v->priv;
	int64_t n = list_total(l), i = l->sel + dir;

	if (!l->filter[0]) {
		app_message(a, "no filter: press / to filter the list");
		return VR_REDRAW;
	}
	if (n == 0)
		return VR_REDRAW;
	/* a filtered list has no headings: every line is a match */
	if (i < 0 || i >= n) {
		app_message(a, "search wrapped");
		i = i < 0 ? n - 1 : 0;
	}
	select_near(v, i, dir);
	return VR_REDRAW;
}

static int list_key(struct app *a, struct view *v, int req, int key)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	(void)key;
	l->app = a;
	switch (req) {
	case REQ_MOVE_DOWN: move_sel(v, 1); return VR_REDRAW;
	case REQ_MOVE_UP: move_sel(v, -1); return VR_REDRAW;
	case REQ_MOVE_FIRST: select_near(v, 0, 1); return VR_REDRAW;
	case REQ_MOVE_LAST: select_near(v, list_total(l) - 1, -1); return VR_REDRAW;
	case REQ_PAGE_DOWN: move_sel(v, page); return VR_REDRAW;
	case REQ_PAGE_UP: move_sel(v, -page); return VR_REDRAW;
	case REQ_HALF_DOWN: move_sel(v, page / 2 ? page / 2 : 1); return VR_REDRAW;
	case REQ_HALF_UP: move_sel(v, -(page / 2 ? page / 2 : 1)); return VR_REDRAW;
	case REQ_OPEN:
		if (r && r->kind)
			app_open(a, r->kind, r->id);
		return VR_REDRAW;
	case REQ_BACK:
		if (l->filter[0]) {
			clear_filter(v);
			app_message(a, "filter cleared");
		}
		return VR_REDRAW;
	case REQ_SEARCH:
		return list_search(a, v);
	case REQ_NEXT_MATCH: return list_next_match(a, v, 1);
	case REQ_PREV_MATCH: return list_next_match(a, v, -1);
	case REQ_ADD:
		if (l->panel->add_kind && l->panel->add_kind->add)
			return l->panel->add_kind->add(a);
		app_message(a, "nothing to add here: switch to Members, Meetings, Repertoire or Topics");
		return VR_REDRAW;
	case REQ_EDIT:
		if (r && r->kind && r->kind->edit)
			return r->kind->edit(a, r->id);
		app_message(a, "nothing to edit here");
		return VR_REDRAW;
	case REQ_DELETE:
		if (r && r->kind && r->kind->del)
			return r->kind->del(a, r->id);
		app_message(a, "nothing to delete here");
		return VR_REDRAW;
	default:
		return l->panel->key ? l->panel->key(a, v, req) : VR_UNHANDLED;
	}
}

static void list_status(struct app *a, struct view *v, char *hints, size_t n,
			char *pos, size_t pn)
{
	struct list_view *l = v->priv;
	int64_t p, total = count_selectable(v, l->sel, &p);

	(void)a;
	if (l->filter[0])
		snprintf(hints, n, "/%s  Esc clear  n/N next/prev  Enter open  ? help", l->filter);
	else
		/* only the keys that do something here */
		snprintf(hints, n, "Enter open  / %s%s%s%s%s%s  ? help  q quit",
			 l->panel == &panel_home ? "search" : "filter",
			 l->panel->hints ? "  " : "", l->panel->hints ? l->panel->hints : "",
			 l->panel->add_kind && l->panel->add_kind->add ? "  a add" : "",
			 view_kinds_with(v, KIND_EDIT, NULL) ? "  e edit" : "",
			 view_kinds_with(v, KIND_DELETE, NULL) ? "  d delete" : "");
	if (total)
		snprintf(pos, pn, "%lld/%lld", (long long)p, (long long)total);
	else
		pos[0] = '\0';
}

const struct view_ops view_list_ops = {
	.load = list_load,
	.draw = list_draw,
	.key = list_key,
	.close = list_close,
	.scope = list_scope,
	.status = list_status,
	.changed = list_changed,
};
