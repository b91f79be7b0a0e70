/* view-drafts.c - the kept drafts, listed at start.
 *
 * A text typed in a session that ended before it was saved (the SSH
 * connection dropped, the terminal went away) is kept as a draft
 * (draft.h).  When this database has some that no running session is
 * still writing, the app opens this screen first: one row a draft,
 * saying what it belongs to ("entry 11 'Bedtime Without a Battle'", "new
 * topic 'Circles'", "line in meeting 14 '...'", "development note for
 * Zoë Lindqvist"), how that record stands
 * now (changed since, gone, in the trash) and when the draft was
 * written; the selected draft's text below.  r recovers it
 * (view_draft_recover: the version check, the merge, a gone record
 * added as new), x or d discards it after y/n, s leaves it for later and
 * goes to the next, q (or a panel key) leaves the screen keeping the
 * rest.  A draft whose text holds a NUL byte is listed with why it
 * cannot come back (its problem, draft.h) instead of its text; r says
 * so and the draft stays whole.  When none is left the screen closes itself.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/draft.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/view.h"

struct kept {
	struct draft d;
	enum draft_standing st;
	char *what;                /* what it belongs to (untrusted) */
	char when[32];
};

struct drafts_view {
	struct app *app;
	struct kept *v;
	size_t n;
	int sel, top;
	int busy;                  /* a draft is being put back or asked about:
				      keep the list */
};

static void free_kept(struct drafts_view *dv)
{
	for (size_t i = 0; i < dv->n; i++) {
		draft_done(&dv->v[i].d);
		free(dv->v[i].what);
	}
	free(dv->v);
	dv->v = NULL;
	dv->n = 0;
}

/* The title the draft's own text gives (a record's template), or NULL.
 * Caller frees. */
static char *title_in_text(const struct kind_ops *k, const char *text)
{
	const struct rec_ops *o = k->rec;
	const char *title = NULL, *created = NULL;
	char err[256], *out = NULL;
	void *r;

	if (!o->about || !(r = malloc(o->size)))
		return NULL;
	o->init(r);
	if (o->parse(text, r, err, sizeof err) == COPSE_OK) {
		o->about(r, &title, &created);
		if (title && *title)
			out = xstrdup(title);
	}
	o->done(r);
	free(r);
	return out;
}

/* "entry 11 'Bedtime Without a Battle'" for draft d of record id (0: a
 * new one) of kind k.  Caller frees. */
static char *describe(const struct draft *d, const struct kind_ops *k, int64_t id)
{
	char *title = d->title && *d->title ? xstrdup(d->title) : NULL;
	int line = d->kind && strcmp(d->kind, k->name) != 0;
	int devnote = line && strcmp(d->kind, "devnote") == 0;
	struct buf b;

	if (!title && !line)
		title = title_in_text(k, d->text ? d->text : "");
	buf_init(&b);
	if (devnote && title)
		buf_printf(&b, "development note for %s", title);
	else if (devnote)
		buf_printf(&b, "development note for %s %lld", k->name, (long long)id);
	else if (line)
		buf_printf(&b, "line in %s %lld", k->name, (long long)id);
	else if (id)
		buf_printf(&b, "%s %lld", k->name, (long long)id);
	else
		buf_printf(&b, "new %s", k->name);
	if (title && !devnote)
		buf_printf(&b, " '%s'", title);
	free(title);
	return buf_steal(&b);
}

/* Read the drafts this screen offers: this database's, with some text,
 * not being written by another running session, and of something copse
 * can put back. */
static int drafts_read(struct app *a, struct drafts_view *dv)
{
	struct draft *v = NULL;
	size_t n = 0, keep = 0;
	char err[256];

	free_kept(dv);
	if (draft_list(db_path(a->db), &v, &n, err, sizeof err) != COPSE_OK) {
		app_error(a, "%s", err);
		return COPSE_IO;
	}
	dv->v = calloc(n ? n : 1, sizeof *dv->v);
	if (!dv->v) {
		draft_list_free(v, n);
		return COPSE_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		struct kept *kp = &dv->v[keep];
		const struct kind_ops *k;
		int64_t id;

		/* one that cannot come back whole is listed, saying why */
		if (v[i].live || (str_empty(v[i].text) && !v[i].problem))
			continue;
		kp->st = view_draft_standing(a, &v[i], &k, &id);
		if (kp->st == DRAFT_FOREIGN)
			continue;
		kp->d = v[i];
		memset(&v[i], 0, sizeof v[i]);
		kp->what = describe(&kp->d, k, id);
		view_time(kp->d.created, kp->when, sizeof kp->when);
		keep++;
	}
	dv->n = keep;
	draft_list_free(v, n);
	if (dv->sel >= (int)dv->n)
		dv->sel = dv->n ? (int)dv->n - 1 : 0;
	return COPSE_OK;
}

static int drafts_load(struct app *a, struct view *v)
{
	struct drafts_view *dv = v->priv;
	int st;

	dv->app = a;
	if (dv->busy)      /* read again once it is put back (VR_RELOAD) */
		return COPSE_OK;
	if ((st = drafts_read(a, dv)) != COPSE_OK)
		return st;
	if (dv->n == 0) {
		/* the app closes a screen whose item is gone: say why */
		if (!a->msg[0])
			app_message(a, "no kept drafts left");
		return COPSE_NOTFOUND;
	}
	return COPSE_OK;
}

static const char *standing_text(enum draft_standing st)
{
	switch (st) {
	case DRAFT_MOVED: return "changed since";
	case DRAFT_GONE: return "gone";
	case DRAFT_TRASHED: return "in the trash";
	default: return "";
	}
}

static void drafts_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct drafts_view *dv = v->priv;
	const struct kept *cur;
	int rows, r;

	(void)a;
	v->body_h = h;
	display_fill(y, x, w, display_attr(ST_SECTION));
	display_text(y, x + 1, w - 1, w >= 66 ? "Kept drafts: text from sessions that ended"
		     " before it was saved" : "Kept drafts", display_attr(ST_SECTION));
	if (!dv->n || h < 3)
		return;
	/* the list takes up to half the body, the selected text the rest */
	rows = (int)dv->n < (h - 1) / 2 ? (int)dv->n : (h - 1) / 2;
	if (rows < 1)
		rows = 1;
	if (dv->sel < dv->top)
		dv->top = dv->sel;
	if (dv->sel >= dv->top + rows)
		dv->top = dv->sel - rows + 1;
	for (r = 0; r < rows && dv->top + r < (int)dv->n; r++) {
		const struct kept *kp = &dv->v[dv->top + r];
		int sel = dv->top + r == dv->sel;
		int at = sel ? display_attr(ST_SELECTED) : (int)A_NORMAL;
		char right[96];
		const char *st = standing_text(kp->st);
		int rw, lw;
		char *left;

		/* narrow: the date without its year ("03-01 11:50") */
		snprintf(right, sizeof right, "%s%s%s", st, *st ? view_sep() : "",
			 w < 72 && strlen(kp->when) > 5 ? kp->when + 5 : kp->when);
		rw = text_width(right, strlen(right));
		lw = w - rw - 4;
		if (sel)
			display_fill(y + 1 + r, x, w, at);
		left = view_fit(kp->what ? kp->what : "", lw);
		display_text(y + 1 + r, x + 2, lw, left ? left : "", at);
		display_text(y + 1 + r, x + w - rw - 1, rw, right,
			     sel ? at : (at | display_attr(ST_DIM)));
		free(left);
	}
	r = 1 + rows;
	for (int c = 0; c < w; c++)
		display_text(y + r, x + c, 1, display_ascii() ? "-" : "─", display_attr(ST_BORDER));
	/* the selected draft's text, long lines wrapped at a space */
	cur = &dv->v[dv->sel];
	if (cur->d.problem)
		view_draw_text(cur->d.problem, y + r + 1, x + 1, h - r - 1, w - 2,
			       display_attr(ST_ERROR));
	else
		view_draw_text(cur->d.text, y + r + 1, x + 1, h - r - 1, w - 2, A_NORMAL);
}

static void move_to(struct drafts_view *dv, int i)
{
	if (i < 0)
		i = 0;
	if (i >= (int)dv->n)
		i = dv->n ? (int)dv->n - 1 : 0;
	dv->sel = i;
}

/* The selected draft, made this session's (view_draft_claim); 0 when
 * another session has it or it is gone. */
static int claim_sel(struct app *a, struct drafts_view *dv)
{
	return view_draft_claim(a, &dv->v[dv->sel].d);
}

static int drafts_discard(struct app *a, struct drafts_view *dv)
{
	const struct kept *kp = &dv->v[dv->sel];
	char q[300], err[256], *what = view_fit(kp->what ? kp->what : "", display_cols() / 2);
	int yes;

	snprintf(q, sizeof q, "Discard the draft of %s for good?", what ? what : "");
	free(what);
	/* as for r: a reload while the question is up must not free kp */
	dv->busy = 1;
	yes = app_confirm(a, q);
	dv->busy = 0;
	if (!yes)
		return VR_RELOAD;
	if (!claim_sel(a, dv))
		return VR_RELOAD;
	if (draft_discard(kp->d.id, err, sizeof err) != COPSE_OK) {
		app_error(a, "%s", err);
		return VR_REDRAW;
	}
	app_message(a, "draft discarded");
	return VR_RELOAD;
}

static int drafts_key(struct app *a, struct view *v, int req, int key)
{
	struct drafts_view *dv = v->priv;
	int page = v->body_h > 4 ? v->body_h / 2 - 1 : 1, r;

	(void)key;
	if (!dv->n)
		return req == REQ_BACK ? VR_BACK : VR_UNHANDLED;
	switch (req) {
	case REQ_MOVE_DOWN: move_to(dv, dv->sel + 1); return VR_REDRAW;
	case REQ_MOVE_UP: move_to(dv, dv->sel - 1); return VR_REDRAW;
	case REQ_MOVE_FIRST: move_to(dv, 0); return VR_REDRAW;
	case REQ_MOVE_LAST: move_to(dv, (int)dv->n - 1); return VR_REDRAW;
	case REQ_PAGE_DOWN: case REQ_HALF_DOWN: move_to(dv, dv->sel + page); return VR_REDRAW;
	case REQ_PAGE_UP: case REQ_HALF_UP: move_to(dv, dv->sel - page); return VR_REDRAW;
	case REQ_SKIP:
		if (dv->sel + 1 >= (int)dv->n)
			app_message(a, "that was the last one: q keeps the rest for later");
		move_to(dv, dv->sel + 1);
		return VR_REDRAW;
	case REQ_BACK:
		return VR_BACK;
	case REQ_DISCARD:
		return drafts_discard(a, dv);
	case REQ_RECOVER:
		if (dv->v[dv->sel].d.problem) {
			app_error(a, "%s", dv->v[dv->sel].d.problem);
			return VR_REDRAW;
		}
		/* one session only puts it back */
		if (!claim_sel(a, dv))
			return VR_RELOAD;
		/* a reload meanwhile (another session's change, seen while
		 * a question is up) must not free the draft being put back */
		dv->busy = 1;
		r = view_draft_recover(a, &dv->v[dv->sel].d);
		dv->busy = 0;
		return r == VR_REDRAW ? VR_RELOAD : r;
	default:
		return VR_UNHANDLED;
	}
}

static void drafts_close(struct view *v)
{
	struct drafts_view *dv = v->priv;

	if (dv->app && dv->n && !dv->app->quit)
		app_message(dv->app, "%zu kept draft%s for the next start; e on a record"
			    " brings its draft back", dv->n, dv->n == 1 ? " stays" : "s stay");
	free_kept(dv);
	free(dv);
}

static int drafts_scope(const struct view *v)
{
	(void)v;
	return KEYS_DRAFTS;
}

static void drafts_status(struct app *a, struct view *v, char *hints, size_t n,
			  char *pos, size_t pn)
{
	struct drafts_view *dv = v->priv;

	(void)a;
	snprintf(hints, n, "r recover  x discard  s skip  q keep for later  ? help");
	if (dv->n)
		snprintf(pos, pn, "%d/%zu", dv->sel + 1, dv->n);
	else
		pos[0] = '\0';
}

static const struct view_ops drafts_ops = {
	.load = drafts_load,
	.draw = drafts_draw,
	.key = drafts_key,
	.close = drafts_close,
	.scope = drafts_scope,
	.status = drafts_status,
};

struct view *view_new_drafts(struct app *a)
{
	struct view *v = calloc(1, sizeof *v);
	struct drafts_view *dv = calloc(1, sizeof *dv);

	if (!v || !dv) {
		free(v);
		free(dv);
		return NULL;
	}
	v->ops = &drafts_ops;
	v->priv = dv;
	dv->app = a;
	if (drafts_read(a, dv) != COPSE_OK || dv->n == 0) {
		dv->app = NULL;
		drafts_close(v);
		free(v);
		return NULL;
	}
	return v;
}
