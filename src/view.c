/* view.c - the two generic views: a list with a preview, and a Markdown
 * document with links (reader, meeting screen, help).  See view.h. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/view.h"

/* Width from which a list gets a preview beside it, and the list's
 * width then: 40% of the screen, but never so narrow that titles are
 * cut to nothing at 80 columns nor so wide that the preview starves on
 * a big screen. */
#define SPLIT_MIN_COLS 80
#define LIST_MIN_COLS 38
#define LIST_MAX_COLS 60

const char *view_sep(void)
{
	return display_ascii() ? " - " : " · ";
}

void view_time(const char *iso, char *out, size_t n)
{
	if (!iso || !*iso) {
		snprintf(out, n, "-");
		return;
	}
	time_local(iso, "%Y-%m-%d %H:%M", out, n);
}

/* Render src at width into *doc, and mark its [[links]] to missing
 * entries.  The store is asked once per loaded source (*asked is 0 after
 * a load): a later render at another width marks from the same answer,
 * kept in *have. */
static int render(struct app *a, const char *src, int width, struct md_doc *doc,
		  struct strv *have, int *asked)
{
	struct md_opts o;
	int rc;

	memset(&o, 0, sizeof o);
	o.width = width;
	o.ascii = display_ascii();
	md_doc_free(doc);
	memset(doc, 0, sizeof *doc);
	rc = md_render(src ? src : "", src ? strlen(src) : 0, &o, doc);
	if (rc == 0 && !*asked) {
		struct strv titles;

		strv_init(&titles);
		strv_done(have);
		/* a failed look-up shows the links as missing */
		if (md_doc_wiki_titles(doc, &titles) == 0)
			entry_titles_exist(a->db, &titles, have);
		strv_done(&titles);
		*asked = 1;
	}
	if (rc == 0)
		md_doc_mark_missing(doc, have);
	return rc;
}

static int span_attr(const struct md_span *s, int sel_link)
{
	int at = A_NORMAL;

	if (s->attr & MD_HEADING)
		at = display_attr(ST_HEADING);
	if (s->attr & MD_CODE)
		at = display_attr(ST_CODE);
	if (s->attr & MD_QUOTE)
		at = display_attr(ST_QUOTE);
	if (s->attr & (MD_DIM | MD_RULE | MD_MARKER))
		at = display_attr(s->attr & MD_MARKER ? ST_NORMAL : ST_DIM);
	if ((s->attr & MD_LINK) && s->link >= 0) {
		if (s->link == sel_link)
			at = display_attr(ST_LINK_SEL);
		else if (s->attr & MD_MISSING)
			at = display_attr(ST_MISSING);
		else
			at = display_attr(ST_LINK);
	}
	if (s->attr & MD_BOLD)
		at |= A_BOLD;
	if (s->attr & MD_ITALIC)
		at |= A_ITALIC;
	return at;
}

static void draw_md_line(const struct md_line *l, int y, int x, int w, int sel_link)
{
	int col = 0;

	for (size_t i = 0; i < l->n && col < w; i++) {
		const struct md_span *s = &l->spans[i];
		display_text(y, x + col, w - col, s->text, span_attr(s, sel_link));
		col += s->width;
	}
}

/* Concatenated text of a line (caller frees). */
static char *line_text(const struct md_line *l)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < l->n; i++)
		buf_puts(&b, l->spans[i].text);
	return buf_steal(&b);
}

static void draw_md(const struct md_doc *doc, int first, int y, int x, int h,
		    int w, int sel_link)
{
	for (int r = 0; r < h && first + r < (int)doc->nlines; r++)
		draw_md_line(&doc->lines[first + r], y + r, x, w, sel_link);
}

/* ---- rows ---- */

static void free_rows(struct view *v)
{
	for (size_t i = 0; i < v->nrows; i++) {
		free(v->rows[i].left);
		free(v->rows[i].right);
	}
	v->nrows = 0;
	free(v->vis);
	v->vis = NULL;
	v->nvis = 0;
}

static int push_row(struct view *v, const char *left, const char *right,
		    int section, const struct kind_ops *k, int64_t id)
{
	struct row *r;
	int fl = display_ascii() ? TEXT_ASCII : 0;

	if (v->nrows == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 32;
		struct row *nr = realloc(v->rows, ncap * sizeof *nr);
		if (!nr)
			return -1;
		v->rows = nr;
		v->cap = ncap;
	}
	r = &v->rows[v->nrows];
	memset(r, 0, sizeof *r);
	r->left = text_sanitize(left ? left : "", left ? strlen(left) : 0, fl);
	r->right = right ? text_sanitize(right, strlen(right), fl) : NULL;
	if (!r->left || (right && !r->right)) {
		free(r->left);
		free(r->right);
		return -1;
	}
	/* one line: newlines from the database would break the layout */
	for (char *p = r->left; *p; p++)
		if (*p == '\n')
			*p = ' ';
	r->section = section;
	r->kind = k;
	r->id = id;
	v->nrows++;
	return 0;
}

int view_add_row(struct view *v, const char *left, const char *right,
		 const struct kind_ops *k, int64_t id)
{
	return push_row(v, left, right, 0, k, id);
}

int view_add_section(struct view *v, const char *title, int plain)
{
	return push_row(v, title, NULL, plain ? 2 : 1, NULL, 0);
}

static int row_selectable(const struct view *v, int i)
{
	return i >= 0 && (size_t)i < v->nvis && v->rows[v->vis[i]].section == 0;
}

const struct row *view_selected(const struct view *v)
{
	if (!v->rows || !row_selectable(v, v->sel))
		return NULL;
	return &v->rows[v->vis[v->sel]];
}

int view_select(struct view *v, const struct kind_ops *k, int64_t id)
{
	for (size_t i = 0; i < v->nvis; i++) {
		const struct row *r = &v->rows[v->vis[i]];
		if (r->kind == k && r->id == id && !r->section) {
			v->sel = (int)i;
			return 0;
		}
	}
	return -1;
}

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
	free(v->vis);
	v->vis = malloc((v->nrows ? v->nrows : 1) * sizeof *v->vis);
	v->nvis = 0;
	if (!v->vis)
		return;
	for (size_t i = 0; i < v->nrows; i++)
		if (row_matches(&v->rows[i], v->filter))
			v->vis[v->nvis++] = i;
}

/* Select index i, or the nearest selectable row in direction dir then
 * the other way. */
static void select_near(struct view *v, int i, int dir)
{
	if (v->nvis == 0) {
		v->sel = 0;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= (int)v->nvis)
		i = (int)v->nvis - 1;
	for (int j = i; j >= 0 && j < (int)v->nvis; j += dir)
		if (row_selectable(v, j)) {
			v->sel = j;
			return;
		}
	for (int j = i; j >= 0 && j < (int)v->nvis; j -= dir)
		if (row_selectable(v, j)) {
			v->sel = j;
			return;
		}
	v->sel = i;
}

static void remember_selection(struct view *v)
{
	const struct row *r = view_selected(v);

	v->keep_kind = r ? r->kind : NULL;
	v->keep_id = r ? r->id : 0;
}

static void restore_selection(struct view *v)
{
	if (v->keep_kind)
		for (size_t i = 0; i < v->nvis; i++) {
			const struct row *r = &v->rows[v->vis[i]];
			if (r->kind == v->keep_kind && r->id == v->keep_id && !r->section) {
				v->sel = (int)i;
				return;
			}
		}
	select_near(v, v->sel, 1);
}

/* ---- list view ---- */

struct view *view_new_list(const struct panel_ops *p)
{
	struct view *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->ops = &view_list_ops;
	v->panel = p;
	v->stale = 1;
	v->link = -1;
	v->find_line = -1;
	return v;
}

struct view *view_new_doc(const struct kind_ops *k, int64_t id)
{
	struct view *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->ops = &view_doc_ops;
	v->kind = k;
	v->id = id;
	v->stale = 1;
	v->link = -1;
	v->find_line = -1;
	return v;
}

void view_free(struct view *v)
{
	if (!v)
		return;
	if (v->ops->close)
		v->ops->close(v);
	free(v);
}

static int list_load(struct app *a, struct view *v)
{
	int st;

	if (v->rows)
		remember_selection(v);
	free_rows(v);
	v->pv_valid = 0;
	st = v->panel->load(a, v);
	build_vis(v);
	restore_selection(v);
	if (st != COPSE_OK)
		app_db_error(a, st);
	return st;
}

static void list_close(struct view *v)
{
	free_rows(v);
	free(v->rows);
	md_doc_free(&v->pv);
	free(v->pv_err);
	strv_done(&v->pv_have);
}

static int list_scope(const struct view *v)
{
	(void)v;
	return KEYS_LIST;
}

static void draw_preview(struct app *a, struct view *v, int y, int x, int h, int w)
{
	const struct row *r = view_selected(v);
	int pw = w - 2;

	if (!r || !r->kind || !r->kind->doc || pw < 10)
		return;
	if (!v->pv_valid || v->pv_kind != r->kind || v->pv_id != r->id || v->pv_w != pw) {
		struct buf md;
		int st;

		buf_init(&md);
		free(v->pv_err);
		v->pv_err = NULL;
		md_doc_free(&v->pv);
		memset(&v->pv, 0, sizeof v->pv);
		st = r->kind->doc(a, r->id, &md);
		if (st != COPSE_OK)
			v->pv_err = xstrdup(db_error(a->db));
		else if (v->pv_kind != r->kind || v->pv_id != r->id || !v->pv_valid)
			v->pv_asked = 0;
		if (st == COPSE_OK)
			render(a, md.s, pw, &v->pv, &v->pv_have, &v->pv_asked);
		buf_done(&md);
		v->pv_kind = r->kind;
		v->pv_id = r->id;
		v->pv_w = pw;
		v->pv_valid = 1;
	}
	if (v->pv_err)
		display_untrusted(y, x + 1, pw, v->pv_err, display_attr(ST_ERROR));
	else
		draw_md(&v->pv, 0, y, x + 1, h, pw, -1);
}

static void list_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int lw = w;

	v->body_h = h;
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
	if (v->nvis == 0) {
		const char *msg = v->filter[0] ? "no match" : v->panel->empty;
		display_text(y, x + 1, lw - 1, msg ? msg : "(empty)", display_attr(ST_DIM));
		return;
	}
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + h)
		v->top = v->sel - h + 1;
	if (v->top > 0 && v->top + h > (int)v->nvis)
		v->top = (int)v->nvis - h > 0 ? (int)v->nvis - h : 0;
	/* keep a section heading above the first row in sight */
	if (v->top > 0 && v->top == v->sel && v->rows[v->vis[v->top - 1]].section == 1)
		v->top--;
	for (int r = 0; r < h && v->top + r < (int)v->nvis; r++) {
		int i = v->top + r;
		const struct row *row = &v->rows[v->vis[i]];
		int sel = i == v->sel && !row->section;
		int at = sel ? display_attr(ST_SELECTED) : (int)A_NORMAL;
		int rw = 0, tx = x + 1, avail = lw - 2;

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
			rw = text_width(row->right, strlen(row->right));
			if (rw > avail / 3)
				rw = avail / 3;
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

static void move_sel(struct view *v, int delta)
{
	int dir = delta >= 0 ? 1 : -1;
	int target = v->sel + delta;

	if (delta == 1 || delta == -1) {
		/* step over headings */
		target = v->sel + dir;
		while (target >= 0 && target < (int)v->nvis && !row_selectable(v, target))
			target += dir;
		if (target < 0 || target >= (int)v->nvis)
			return;
	}
	select_near(v, target, dir);
}

static void filter_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;

	(void)a;
	snprintf(v->filter, sizeof v->filter, "%s", text);
	build_vis(v);
	select_near(v, 0, 1);
	v->top = 0;
}

static int list_search(struct app *a, struct view *v)
{
	char text[256];

	remember_selection(v);
	snprintf(text, sizeof text, "%s", v->filter);
	if (app_prompt(a, "/", text, sizeof text, filter_changed, v)) {
		filter_changed(a, text, v);
		if (v->filter[0])
			app_message(a, "filter '%s': %zu match%s (Esc clears)", v->filter,
				    v->nvis, v->nvis == 1 ? "" : "es");
	} else {
		v->filter[0] = '\0';
		build_vis(v);
		restore_selection(v);
	}
	return VR_REDRAW;
}

static int list_next_match(struct app *a, struct view *v, int dir)
{
	int n = (int)v->nvis;

	if (!v->filter[0]) {
		app_message(a, "no filter: press / to filter the list");
		return VR_REDRAW;
	}
	for (int k = 1; k <= n; k++) {
		int i = ((v->sel + dir * k) % n + n) % n;
		if (row_selectable(v, i)) {
			if ((dir > 0 && i <= v->sel) || (dir < 0 && i >= v->sel))
				app_message(a, "search wrapped");
			v->sel = i;
			break;
		}
	}
	return VR_REDRAW;
}

static int list_key(struct app *a, struct view *v, int req, int key)
{
	const struct row *r = view_selected(v);
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	(void)key;
	switch (req) {
	case REQ_MOVE_DOWN: move_sel(v, 1); return VR_REDRAW;
	case REQ_MOVE_UP: move_sel(v, -1); return VR_REDRAW;
	case REQ_MOVE_FIRST: select_near(v, 0, 1); return VR_REDRAW;
	case REQ_MOVE_LAST: select_near(v, (int)v->nvis - 1, -1); return VR_REDRAW;
	case REQ_PAGE_DOWN: move_sel(v, page); return VR_REDRAW;
	case REQ_PAGE_UP: move_sel(v, -page); return VR_REDRAW;
	case REQ_HALF_DOWN: move_sel(v, page / 2 ? page / 2 : 1); return VR_REDRAW;
	case REQ_HALF_UP: move_sel(v, -(page / 2 ? page / 2 : 1)); return VR_REDRAW;
	case REQ_OPEN:
		if (r && r->kind)
			app_open(a, r->kind, r->id);
		return VR_REDRAW;
	case REQ_BACK:
		if (v->filter[0]) {
			remember_selection(v);
			v->filter[0] = '\0';
			build_vis(v);
			restore_selection(v);
			app_message(a, "filter cleared");
		}
		return VR_REDRAW;
	case REQ_SEARCH:
		return list_search(a, v);
	case REQ_NEXT_MATCH: return list_next_match(a, v, 1);
	case REQ_PREV_MATCH: return list_next_match(a, v, -1);
	case REQ_ADD:
		if (v->panel->add_kind && v->panel->add_kind->add)
			return v->panel->add_kind->add(a);
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
		return VR_UNHANDLED;
	}
}

static const struct kind_ops *list_kinds_with(const struct view *v, int op);
enum { CAN_OPEN, CAN_EDIT, CAN_DELETE };

static size_t count_selectable(const struct view *v, int upto, int *pos)
{
	size_t n = 0;

	*pos = 0;
	for (size_t i = 0; i < v->nvis; i++)
		if (v->rows[v->vis[i]].section == 0) {
			n++;
			if ((int)i <= upto)
				*pos = (int)n;
		}
	return n;
}

static void list_status(struct app *a, struct view *v, char *hints, size_t n,
			char *pos, size_t pn)
{
	int p;
	size_t total = count_selectable(v, v->sel, &p);

	(void)a;
	if (v->filter[0])
		snprintf(hints, n, "/%s  Esc clear  n/N next/prev  Enter open  ? help", v->filter);
	else
		/* only the keys that do something here */
		snprintf(hints, n, "Enter open  / filter%s%s%s  ? help  q quit",
			 v->panel->add_kind && v->panel->add_kind->add ? "  a add" : "",
			 list_kinds_with(v, CAN_EDIT) ? "  e edit" : "",
			 list_kinds_with(v, CAN_DELETE) ? "  d delete" : "");
	if (total)
		snprintf(pos, pn, "%d/%zu", p, total);
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
};

/* ---- document view ---- */

static int doc_max_line(const struct view *v);

static int doc_load(struct app *a, struct view *v)
{
	struct buf md;
	int st;

	buf_init(&md);
	/* a reader at the end of the minutes keeps seeing the newest lines
	 * as others add them (tail -f) */
	v->follow_end = v->doc.nlines > 0 && v->line >= doc_max_line(v) &&
			(v->line > 0 || v->kind->scope == KEYS_MEETING);
	free(v->src);
	free(v->err);
	v->src = v->err = NULL;
	st = v->kind->doc(a, v->id, &md);
	if (st != COPSE_OK) {
		v->err = xstrdup(db_error(a->db));
		buf_done(&md);
	} else {
		v->src = buf_steal(&md);
	}
	v->doc_w = 0;    /* render again at the next draw */
	v->asked = 0;    /* and ask which [[links]] exist then */
	return st;
}

static void doc_close(struct view *v)
{
	free(v->src);
	free(v->err);
	md_doc_free(&v->doc);
	strv_done(&v->have);
}

static int doc_scope(const struct view *v)
{
	return v->kind->scope;
}

static int doc_max_line(const struct view *v)
{
	int m = (int)v->doc.nlines - v->body_h;
	return m > 0 ? m : 0;
}

static void doc_clamp(struct view *v)
{
	if (v->line > doc_max_line(v))
		v->line = doc_max_line(v);
	if (v->line < 0)
		v->line = 0;
}

static void doc_show_line(struct view *v, int l)
{
	if (l < v->line)
		v->line = l;
	else if (l >= v->line + v->body_h)
		v->line = l - v->body_h / 2;
	doc_clamp(v);
}

/* Find v->find from line `from` (inclusive) in direction dir, wrapping. */
static int doc_find(struct app *a, struct view *v, int from, int dir, int quiet)
{
	int n = (int)v->doc.nlines;

	if (!v->find[0] || n == 0)
		return -1;
	for (int k = 0; k < n; k++) {
		int l = ((from + dir * k) % n + n) % n;
		char *t = line_text(&v->doc.lines[l]);
		long off = t ? text_find(t, v->find) : -1;

		if (off >= 0) {
			v->find_line = l;
			v->find_col = text_width(t, (size_t)off);
			v->find_cols = text_width(t + off, strlen(v->find));
			free(t);
			if (!quiet && ((dir > 0 && l < from) || (dir < 0 && l > from)))
				app_message(a, "search wrapped");
			doc_show_line(v, l);
			return l;
		}
		free(t);
	}
	v->find_line = -1;
	if (!quiet)
		app_error(a, "not found: %s", v->find);
	return -1;
}

static void doc_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int dw = w - 2;

	v->body_h = h;
	if (dw < 10)
		dw = 10;
	if (v->err) {
		display_untrusted(y, x + 1, w - 2, v->err, display_attr(ST_ERROR));
		return;
	}
	if (v->doc_w != dw) {
		render(a, v->src, dw, &v->doc, &v->have, &v->asked);
		v->doc_w = dw;
		if (v->link >= (int)v->doc.nlinks)
			v->link = -1;
		if (v->find_line >= 0)
			doc_find(a, v, v->find_line, 1, 1);
		if (v->follow_end)
			v->line = doc_max_line(v);
		v->follow_end = 0;
	}
	doc_clamp(v);
	draw_md(&v->doc, v->line, y, x + 1, h, w - 2, v->link);
	if (v->find_line >= v->line && v->find_line < v->line + h && v->find_cols > 0)
		display_chattr(y + v->find_line - v->line, x + 1 + v->find_col,
			       v->find_cols, display_attr(ST_MATCH));
}

static void find_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;

	snprintf(v->find, sizeof v->find, "%s", text);
	if (!*text) {
		v->find_line = -1;
		return;
	}
	doc_find(a, v, v->line, 1, 1);
}

static int doc_follow(struct app *a, struct view *v)
{
	const struct md_link *l;

	if (v->link < 0 || v->link >= (int)v->doc.nlinks) {
		app_message(a, v->doc.nlinks ? "no link selected: Tab selects one"
				: "this page has no links");
		return VR_REDRAW;
	}
	l = &v->doc.links[v->link];
	if (l->wiki) {
		struct entry e;
		int st;

		entry_init(&e);
		st = entry_find_title(a->db, l->target, &e);
		if (st == COPSE_OK)
			app_open(a, &kind_entry, e.id);
		else if (st == COPSE_NOTFOUND)
			app_error(a, "no entry titled '%s' yet (press a in Repertoire to write it)",
				  l->target);
		else
			app_db_error(a, st);
		entry_done(&e);
		return VR_REDRAW;
	}
	if (app_open_target(a, l->target) == 0)
		return VR_REDRAW;
	app_message(a, "link: %s", l->target);
	return VR_REDRAW;
}

static int doc_key(struct app *a, struct view *v, int req, int key)
{
	int page = v->body_h > 1 ? v->body_h - 1 : 1;
	int n = (int)v->doc.nlinks;

	(void)key;
	switch (req) {
	case REQ_MOVE_DOWN: v->line++; break;
	case REQ_MOVE_UP: v->line--; break;
	case REQ_MOVE_FIRST: v->line = 0; break;
	case REQ_MOVE_LAST: v->line = doc_max_line(v); break;
	case REQ_PAGE_DOWN: v->line += page; break;
	case REQ_PAGE_UP: v->line -= page; break;
	case REQ_HALF_DOWN: v->line += page / 2 ? page / 2 : 1; break;
	case REQ_HALF_UP: v->line -= page / 2 ? page / 2 : 1; break;
	case REQ_NEXT_LINK:
	case REQ_PREV_LINK:
		if (n == 0) {
			app_message(a, "this page has no links");
			return VR_REDRAW;
		}
		if (v->link < 0) {
			/* start from the first link on or after the top line
			 * (last before it going backwards) */
			int i;
			if (req == REQ_NEXT_LINK) {
				for (i = 0; i < n && v->doc.links[i].line < v->line; i++)
					;
				v->link = i < n ? i : 0;
			} else {
				for (i = n - 1; i >= 0 && v->doc.links[i].line >= v->line + v->body_h; i--)
					;
				v->link = i >= 0 ? i : n - 1;
			}
		} else {
			v->link = (v->link + (req == REQ_NEXT_LINK ? 1 : n - 1)) % n;
		}
		doc_show_line(v, v->doc.links[v->link].line);
		{
			const struct md_link *l = &v->doc.links[v->link];
			char *t = text_sanitize(l->target, strlen(l->target),
						display_ascii() ? TEXT_ASCII : 0);
			if (l->wiki)
				app_message(a, "[%d] %s%s", v->link + 1, t ? t : "",
					    l->missing ? " (no such entry yet)" : "");
			else if (strncmp(l->target, "copse:", 6) != 0)
				app_message(a, "[%d] %s", v->link + 1, t ? t : "");
			free(t);
		}
		return VR_REDRAW;
	case REQ_FOLLOW:
		return doc_follow(a, v);
	case REQ_BACK:
		return VR_BACK;
	case REQ_FIND: {
		char text[256];
		int saved = v->line;

		snprintf(text, sizeof text, "%s", v->find);
		if (app_prompt(a, "find: ", text, sizeof text, find_changed, v)) {
			find_changed(a, text, v);
			if (text[0] && v->find_line < 0)
				app_error(a, "not found: %s", text);
		} else {
			v->find[0] = '\0';
			v->find_line = -1;
			v->line = saved;
		}
		return VR_REDRAW;
	}
	case REQ_NEXT_MATCH:
	case REQ_PREV_MATCH:
		if (!v->find[0]) {
			app_message(a, "no search: press / to find text");
			return VR_REDRAW;
		}
		if (req == REQ_NEXT_MATCH)
			doc_find(a, v, (v->find_line >= 0 ? v->find_line : v->line) + 1, 1, 0);
		else
			doc_find(a, v, (v->find_line >= 0 ? v->find_line : v->line) - 1, -1, 0);
		return VR_REDRAW;
	case REQ_NOTE_LINE:
		if (v->kind->doc_add)
			return v->kind->doc_add(a, v->id);
		return VR_UNHANDLED;
	case REQ_ADD:
		if (v->kind->add)
			return v->kind->add(a);
		return VR_UNHANDLED;
	case REQ_EDIT:
		if (v->kind->edit)
			return v->kind->edit(a, v->id);
		app_message(a, "nothing to edit here");
		return VR_REDRAW;
	case REQ_DELETE:
		if (v->kind->del)
			return v->kind->del(a, v->id);
		app_message(a, "nothing to delete here");
		return VR_REDRAW;
	default:
		return VR_UNHANDLED;
	}
	doc_clamp(v);
	return VR_REDRAW;
}

static void doc_status(struct app *a, struct view *v, char *hints, size_t n,
		       char *pos, size_t pn)
{
	int total = (int)v->doc.nlines;

	(void)a;
	if (v->kind->scope == KEYS_MEETING)
		snprintf(hints, n, "a note line  Tab links  Enter follow  e edit  / find  Bksp back  ? help");
	else if (v->kind == &kind_help)
		snprintf(hints, n, "j/k scroll  / find  q back");
	else if (v->kind->edit)
		snprintf(hints, n, "Tab links  Enter follow  Bksp back  / find  e edit  ? help");
	else if (v->kind->del && v->kind->del_help)
		snprintf(hints, n, "Tab links  Enter follow  d %.40s  / find  Bksp back  ? help",
			 v->kind->del_help);
	else
		snprintf(hints, n, "Tab links  Enter follow  Bksp back  / find  ? help");
	if (total <= v->body_h)
		snprintf(pos, pn, "all");
	else if (v->line == 0)
		snprintf(pos, pn, "top");
	else if (v->line >= doc_max_line(v))
		snprintf(pos, pn, "end");
	else
		snprintf(pos, pn, "%d%%", (v->line * 100) / (total - v->body_h));
}

const struct view_ops view_doc_ops = {
	.load = doc_load,
	.draw = doc_draw,
	.key = doc_key,
	.close = doc_close,
	.scope = doc_scope,
	.status = doc_status,
};

/* ---- help: a document generated from the key table ----
 *
 * It lists what works in the view under it: a, e and d only where there
 * is something to add, edit or delete, and named for what they act on. */

struct help_ctx {
	struct buf *b;
	const struct view *under;        /* the view the help is for; may be NULL */
};

static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

static int kind_can(const struct kind_ops *k, int op)
{
	return k && (op == CAN_OPEN ? k->doc != NULL : op == CAN_EDIT ? k->edit != NULL
		     : k->del != NULL);
}

/* The kinds of the list's rows that can do op: NULL if none, the kind
 * if one, &kind_help if several. */
static const struct kind_ops *list_kinds_with(const struct view *v, int op)
{
	const struct kind_ops *found = NULL;

	for (size_t i = 0; i < v->nrows; i++) {
		const struct kind_ops *k = v->rows[i].kind;

		if (v->rows[i].section || !kind_can(k, op))
			continue;
		if (found && found != k)
			return &kind_help;
		found = k;
	}
	return found;
}

static void help_row(int req, const char *keys, const char *help, void *ctx)
{
	struct help_ctx *h = ctx;
	const struct view *v = h->under;
	const struct kind_ops *k = NULL;
	char text[256];

	if (v && (req == REQ_ADD || req == REQ_EDIT || req == REQ_DELETE || req == REQ_OPEN)) {
		int list = v->ops == &view_list_ops;
		const char *what = list ? "the selected" : "this";

		switch (req) {
		case REQ_ADD:
			k = list ? v->panel->add_kind : v->kind;
			if (!k || !k->add)
				return;
			snprintf(text, sizeof text, "add %s %s", article(k->name), k->name);
			break;
		case REQ_EDIT:
			k = list ? list_kinds_with(v, CAN_EDIT) : v->kind;
			if (!k || (k != &kind_help && !k->edit))
				return;
			snprintf(text, sizeof text, "edit %s %s in $VISUAL or $EDITOR", what,
				 k == &kind_help ? "item" : k->name);
			break;
		case REQ_DELETE:
			k = list ? list_kinds_with(v, CAN_DELETE) : v->kind;
			if (!k || (k != &kind_help && !k->del))
				return;
			if (k == &kind_help)   /* Home: meetings, entries, actions */
				snprintf(text, sizeof text, "delete, archive or mark done"
					 " (whatever suits the selected item), after y/n");
			else if (!k->del_help)
				snprintf(text, sizeof text, "%s", help);
			else
				snprintf(text, sizeof text, "%s, after y/n", k->del_help);
			break;
		default:   /* REQ_OPEN */
			if (!list_kinds_with(v, CAN_OPEN))
				return;
			snprintf(text, sizeof text, "%s", help);
			break;
		}
		help = text;
	}
	buf_puts(h->b, "- **");
	md_put_text(h->b, keys);
	buf_puts(h->b, "**: ");
	md_put_text(h->b, help);
	buf_putc(h->b, '\n');
}

/* The view the help screen is about: the one under it. */
static const struct view *help_under(struct app *a)
{
	if (a->depth >= 2)
		return a->stack[a->depth - 2];
	if (a->depth == 1)
		return a->panels[a->panel];
	return NULL;
}

static int help_doc(struct app *a, int64_t scope, struct buf *md)
{
	static const char *const names[] = {
		[KEYS_GLOBAL] = "everywhere", [KEYS_LIST] = "lists",
		[KEYS_READER] = "the reader", [KEYS_MEETING] = "the meeting screen",
	};
	struct help_ctx h;

	if (scope < 0 || scope > KEYS_MEETING)
		scope = KEYS_GLOBAL;
	h.b = md;
	h.under = help_under(a);
	if (h.under && h.under->ops != &view_list_ops && h.under->ops != &view_doc_ops)
		h.under = NULL;
	if (h.under && h.under->ops == &view_list_ops)
		buf_printf(md, "# Keys in %s\n\n", h.under->panel->name);
	else
		buf_printf(md, "# Keys in %s\n\n", names[scope]);
	keys_help((int)scope, help_row, &h);
	if (scope == KEYS_LIST)
		buf_puts(md, "\n`/` narrows the list as you type; `Enter` keeps the"
			 " filter, `Esc` clears it.\n");
	else
		buf_puts(md, "\n`Tab` selects the next link and `Enter` follows it;"
			 " `Backspace` goes back.\n");
	if (scope == KEYS_MEETING)
		buf_puts(md, "\nA note line starting `d:` is a decision, `a: @handle ...`"
			 " an action item for that member (end it with `due YYYY-MM-DD`),"
			 " `?` a question; anything else is a note.\n");
	return COPSE_OK;
}

const struct kind_ops kind_help = {
	.name = "help",
	.scope = KEYS_READER,
	.doc = help_doc,
};
