/* view-list.c - the list view: a panel's rows (sections, a filter, the
 * selection kept across reloads) with the selected item previewed on the
 * right when the terminal is wide enough.  Its state is struct list_view,
 * behind view->priv.  See view.h. */
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

/* The list's own state. */
struct list_view {
	const struct panel_ops *panel;
	struct row *rows;
	size_t nrows, cap;
	size_t *vis;                      /* indexes of rows shown (filter) */
	size_t nvis;
	int sel, top;                     /* index into vis */
	char filter[256];
	const struct kind_ops *keep_kind; /* reselect after a reload */
	int64_t keep_id;
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

/* ---- rows ---- */

static void free_rows(struct view *v)
{
	struct list_view *l = v->priv;

	for (size_t i = 0; i < l->nrows; i++) {
		free(l->rows[i].left);
		free(l->rows[i].right);
	}
	l->nrows = 0;
	free(l->vis);
	l->vis = NULL;
	l->nvis = 0;
}

static int push_row(struct view *v, const char *left, const char *right,
		    int section, const struct kind_ops *k, int64_t id)
{
	struct list_view *l = v->priv;
	struct row *r;
	int fl = display_ascii() ? TEXT_ASCII : 0;

	if (l->nrows == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 32;
		struct row *nr = realloc(l->rows, ncap * sizeof *nr);
		if (!nr)
			return -1;
		l->rows = nr;
		l->cap = ncap;
	}
	r = &l->rows[l->nrows];
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
	l->nrows++;
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
	const struct list_view *l = v->priv;

	return i >= 0 && (size_t)i < l->nvis && l->rows[l->vis[i]].section == 0;
}

const struct row *view_selected(const struct view *v)
{
	const struct list_view *l = as_list(v);

	if (!l || !l->rows || !row_selectable(v, l->sel))
		return NULL;
	return &l->rows[l->vis[l->sel]];
}

int view_select(struct view *v, const struct kind_ops *k, int64_t id)
{
	struct list_view *l = as_list(v);

	if (!l)
		return -1;
	for (size_t i = 0; i < l->nvis; i++) {
		const struct row *r = &l->rows[l->vis[i]];
		if (r->kind == k && r->id == id && !r->section) {
			l->sel = (int)i;
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
	struct list_view *l = v->priv;

	free(l->vis);
	l->vis = malloc((l->nrows ? l->nrows : 1) * sizeof *l->vis);
	l->nvis = 0;
	if (!l->vis)
		return;
	for (size_t i = 0; i < l->nrows; i++)
		if (row_matches(&l->rows[i], l->filter))
			l->vis[l->nvis++] = i;
}

/* Select index i, or the nearest selectable row in direction dir then
 * the other way. */
static void select_near(struct view *v, int i, int dir)
{
	struct list_view *l = v->priv;

	if (l->nvis == 0) {
		l->sel = 0;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= (int)l->nvis)
		i = (int)l->nvis - 1;
	for (int j = i; j >= 0 && j < (int)l->nvis; j += dir)
		if (row_selectable(v, j)) {
			l->sel = j;
			return;
		}
	for (int j = i; j >= 0 && j < (int)l->nvis; j -= dir)
		if (row_selectable(v, j)) {
			l->sel = j;
			return;
		}
	l->sel = i;
}

static void remember_selection(struct view *v)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);

	l->keep_kind = r ? r->kind : NULL;
	l->keep_id = r ? r->id : 0;
}

static void restore_selection(struct view *v)
{
	struct list_view *l = v->priv;

	if (l->keep_kind)
		for (size_t i = 0; i < l->nvis; i++) {
			const struct row *r = &l->rows[l->vis[i]];
			if (r->kind == l->keep_kind && r->id == l->keep_id && !r->section) {
				l->sel = (int)i;
				return;
			}
		}
	select_near(v, l->sel, 1);
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
	for (size_t i = 0; i < l->nrows; i++) {
		const struct kind_ops *k = l->rows[i].kind;

		if (l->rows[i].section || !kind_can(k, op))
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

static int list_load(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	int st;

	if (l->rows)
		remember_selection(v);
	free_rows(v);
	l->pv_valid = 0;
	st = l->panel->load(a, v);
	build_vis(v);
	restore_selection(v);
	free(l->err);
	l->err = NULL;
	if (st != COPSE_OK) {
		/* shown in place of the list: a table that cannot be read is
		 * not an empty one */
		l->err = xstrdup(db_error(a->db));
		app_db_error(a, st);
	}
	return st;
}

static void list_close(struct view *v)
{
	struct list_view *l = v->priv;

	free_rows(v);
	free(l->rows);
	free(l->err);
	view_page_done(&l->pv);
	free(l);
}

static int list_scope(const struct view *v)
{
	(void)v;
	return KEYS_LIST;
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
	/* a move loads the item; a resize renders it again */
	if (!l->pv_valid || l->pv_kind != r->kind || l->pv_id != r->id) {
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

static void list_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct list_view *l = v->priv;
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
	if (l->nvis == 0 && l->err) {
		view_draw_text(l->err, y, x + 1, h, lw - 1, display_attr(ST_ERROR));
		return;
	}
	if (l->nvis == 0) {
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
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > 0 && l->top + h > (int)l->nvis)
		l->top = (int)l->nvis - h > 0 ? (int)l->nvis - h : 0;
	/* keep a section heading above the first row in sight */
	if (l->top > 0 && l->top == l->sel && l->rows[l->vis[l->top - 1]].section == 1)
		l->top--;
	for (int r = 0; r < h && l->top + r < (int)l->nvis; r++) {
		int i = l->top + r;
		const struct row *row = &l->rows[l->vis[i]];
		int sel = i == l->sel && !row->section;
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
	struct list_view *l = v->priv;
	int dir = delta >= 0 ? 1 : -1;
	int target = l->sel + delta;

	if (delta == 1 || delta == -1) {
		/* step over headings */
		target = l->sel + dir;
		while (target >= 0 && target < (int)l->nvis && !row_selectable(v, target))
			target += dir;
		if (target < 0 || target >= (int)l->nvis)
			return;
	}
	select_near(v, target, dir);
}

static void filter_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;
	struct list_view *l = v->priv;

	(void)a;
	snprintf(l->filter, sizeof l->filter, "%s", text);
	build_vis(v);
	select_near(v, 0, 1);
	l->top = 0;
}

static int list_search(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	char text[256];

	remember_selection(v);
	snprintf(text, sizeof text, "%s", l->filter);
	if (app_prompt(a, "/", text, sizeof text, filter_changed, v)) {
		filter_changed(a, text, v);
		if (l->filter[0])
			app_message(a, "filter '%s': %zu match%s (Esc clears)", l->filter,
				    l->nvis, l->nvis == 1 ? "" : "es");
	} else {
		l->filter[0] = '\0';
		build_vis(v);
		restore_selection(v);
	}
	return VR_REDRAW;
}

static int list_next_match(struct app *a, struct view *v, int dir)
{
	struct list_view *l = v->priv;
	int n = (int)l->nvis;

	if (!l->filter[0]) {
		app_message(a, "no filter: press / to filter the list");
		return VR_REDRAW;
	}
	for (int k = 1; k <= n; k++) {
		int i = ((l->sel + dir * k) % n + n) % n;
		if (row_selectable(v, i)) {
			if ((dir > 0 && i <= l->sel) || (dir < 0 && i >= l->sel))
				app_message(a, "search wrapped");
			l->sel = i;
			break;
		}
	}
	return VR_REDRAW;
}

static int list_key(struct app *a, struct view *v, int req, int key)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	(void)key;
	switch (req) {
	case REQ_MOVE_DOWN: move_sel(v, 1); return VR_REDRAW;
	case REQ_MOVE_UP: move_sel(v, -1); return VR_REDRAW;
	case REQ_MOVE_FIRST: select_near(v, 0, 1); return VR_REDRAW;
	case REQ_MOVE_LAST: select_near(v, (int)l->nvis - 1, -1); return VR_REDRAW;
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
			remember_selection(v);
			l->filter[0] = '\0';
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
		return VR_UNHANDLED;
	}
}

static size_t count_selectable(const struct view *v, int upto, int *pos)
{
	const struct list_view *l = v->priv;
	size_t n = 0;

	*pos = 0;
	for (size_t i = 0; i < l->nvis; i++)
		if (l->rows[l->vis[i]].section == 0) {
			n++;
			if ((int)i <= upto)
				*pos = (int)n;
		}
	return n;
}

static void list_status(struct app *a, struct view *v, char *hints, size_t n,
			char *pos, size_t pn)
{
	struct list_view *l = v->priv;
	int p;
	size_t total = count_selectable(v, l->sel, &p);

	(void)a;
	if (l->filter[0])
		snprintf(hints, n, "/%s  Esc clear  n/N next/prev  Enter open  ? help", l->filter);
	else
		/* only the keys that do something here */
		snprintf(hints, n, "Enter open  / filter%s%s%s  ? help  q quit",
			 l->panel->add_kind && l->panel->add_kind->add ? "  a add" : "",
			 view_kinds_with(v, KIND_EDIT, NULL) ? "  e edit" : "",
			 view_kinds_with(v, KIND_DELETE, NULL) ? "  d delete" : "");
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
