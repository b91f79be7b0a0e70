/* view-floor.c - the meeting floor: the meeting screen where a group
 * types the minutes together, each in their own session.  This file is
 * the screen itself: its ops and the drawing; the rest is in
 * view-floor-*.c (view-floor-priv.h names each).
 *
 * The page (view-floor-page.c) shows the meeting top to bottom: its
 * header (title, time, who is here now), agenda, attendance, actions and
 * the minutes as a log, newest at the bottom and kept in view.  Below it,
 * while the meeting is on (meeting_is_on) or once `a` is pressed, the
 * input line (view-floor-input.c): the focus starts there.  Esc moves the
 * focus to the log, where the keys of scope MEETING act on the selected
 * line (view-floor-log.c); `a` goes back to the input.
 *
 * The input line stays open until its user leaves it, whatever happens
 * to the meeting meanwhile: if the meeting is deleted, the screen says
 * so and the line stays.  Leaving the screen (or the terminal going
 * away) with text typed keeps it as a private draft (draft.h), offered
 * back the next time this meeting is opened (view-floor-load.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/draft.h"
#include "copse/keys.h"
#include "copse/lineedit.h"
#include "copse/meeting.h"
#include "copse/template.h"
#include "copse/view.h"

#include "view-priv.h"
#include "view-floor-priv.h"

/* ---- notes, for the editor ---- */

static void n_init(void *r) { note_init(r); }
static void n_done(void *r) { note_done(r); }
static int n_get(struct db *db, int64_t id, void *r) { note_done(r); return note_get(db, id, r); }
static int n_format(const void *r, int hints, struct buf *b) { return template_format_note(r, hints, b); }
static int n_parse(const char *t, void *r, char *e, size_t n) { return template_parse_note(t, r, e, n); }
static int n_add(struct db *db, void *r) { return note_add(db, r); }
static int n_update(struct db *db, void *r) { return note_update(db, r); }
static int64_t n_id(const void *r) { return ((const struct note *)r)->id; }
static int n_version(const void *r) { return ((const struct note *)r)->version; }
static void n_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct note *)r)->body;
	*created = ((const struct note *)r)->created;
}

static const struct rec_ops note_rec = {
	sizeof(struct note), n_init, n_done, n_get, n_format,
	n_parse, n_add, n_update, n_id, n_version, n_about, NULL, NULL,
};

/* A minutes line, edited from the floor's log. */
const struct kind_ops kind_note = {
	.name = "note",
	.scope = KEYS_MEETING,
	.rec = &note_rec,
};

/* ---- its ops ---- */

static int floor_key(struct app *a, struct view *v, int req, int key)
{
	struct floor *f = v->priv;

	f->app = a;
	if (f->input_focus)
		return floor_input_key(a, v, req, key);
	if (floor_move_key(v, req))
		return VR_REDRAW;
	switch (req) {
	case REQ_NOTE_LINE:
		f->input_open = f->input_focus = 1;
		f->follow = 1;
		f->w = 0;
		return VR_REDRAW;
	case REQ_AGENDA:
		f->agenda_open = !f->agenda_open;
		f->w = 0;
		return VR_REDRAW;
	case REQ_BACK:
		return VR_BACK;
	default:
		return floor_log_key(a, v, req);
	}
}

static void floor_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct floor *f = v->priv;
	int bh = h - (f->input_open ? 1 : 0), row = 0;

	f->app = a;
	if (bh < 1)
		bh = 1;
	if (f->err) {
		display_untrusted(y, x + 1, w - 2, f->err, display_attr(ST_ERROR));
		row = 2;
	} else {
		if (f->w != w - 2)
			floor_layout(f, w - 2);
		floor_pin_header(f, bh);
		v->body_h = bh - f->head;
		if (f->reveal && f->sel >= 0)
			floor_select_block(v, f->sel);
		f->reveal = 0;
		if (f->follow)
			f->top = floor_max_top(v);
		floor_clamp(v);
		view_draw_md(&f->page, 0, y, x + 1, f->head, w - 2, -1);
		view_draw_md(&f->page, f->top, y + f->head, x + 1, v->body_h, w - 2, -1);
		if (!f->input_focus && floor_sel_shown(v)) {
			const struct block *b = &f->blocks[f->sel];
			int off = floor_pinned(f, b) ? 0 : f->head - f->top;

			for (int i = 0; i < b->n; i++) {
				int r = b->first + i + off;

				if (r >= (floor_pinned(f, b) ? 0 : f->head) && r < bh)
					display_chattr(y + r, x, w, display_attr(ST_SELECTED));
			}
		}
	}
	(void)row;
	if (f->input_open) {
		char label[320];

		if (f->input_err && f->edit_action)
			snprintf(label, sizeof label, "action %lld: %s> ", (long long)f->edit_action,
				 f->input_err);
		else if (f->input_err)
			snprintf(label, sizeof label, "%s; fix it or C-u: ", f->input_err);
		else if (f->edit_action)
			snprintf(label, sizeof label, "action %lld> ", (long long)f->edit_action);
		else
			snprintf(label, sizeof label, "%s", "> ");
		app_draw_line(y + h - 1, x, w, label, &f->le,
			      display_attr(f->input_focus ? ST_NORMAL : ST_DIM), f->input_focus);
	}
}

static void floor_close(struct view *v)
{
	struct floor *f = v->priv;
	char err[256], context[64];
	struct buf keep;

	/* a line typed and not sent is kept, and offered back here (an
	 * action's edit is not: the line before it is) */
	if (f->edit_action)
		floor_end_action_edit(f);
	/* lines still waiting for the write lock get one more short try;
	 * any left are kept in the draft, before what was typed */
	if (f->app && f->npending && !f->err)
		floor_send_pending(f->app, v, FLOOR_WAIT_MS);
	buf_init(&keep);
	for (size_t i = 0; i < f->npending; i++)
		buf_printf(&keep, "%s ", f->pending[i]);
	buf_puts(&keep, lineedit_text(&f->le));
	if (f->app && !str_empty(keep.s)) {
		/* the line belongs to this meeting for good (draft.h) */
		struct draft_meta m = {
			.kind = "note", .context = context, .db_path = db_path(f->app->db),
			.record = "meeting", .record_id = f->id,
			.record_created = f->m.created, .title = f->m.title,
		};

		snprintf(context, sizeof context, "meeting %lld", (long long)f->id);
		if (draft_save_meta(&m, keep.s, &f->draft, err,
				    sizeof err) == COPSE_OK)
			app_message(f->app, "your unsent line is kept: it is back when you open"
				    " this meeting again");
		else
			app_error(f->app, "your unsent line could not be kept: %s", err);
	} else if (f->draft) {
		draft_discard(f->draft, err, sizeof err);
	}
	buf_done(&keep);
	if (f->app && f->place[0] && strcmp(f->app->place, f->place) == 0)
		app_set_place(f->app, NULL);
	floor_free_data(f);
	lineedit_done(&f->le);
	for (size_t i = 0; i < f->npending; i++)
		free(f->pending[i]);
	free(f->pending);
	free(f->draft);
	free(f->input_err);
	free(f->stash);
	free(f->blocks);
	free(f->marked);
	free(f);
}

static int floor_scope(const struct view *v)
{
	const struct floor *f = v->priv;

	return f->input_focus ? KEYS_INPUT : KEYS_MEETING;
}

static void floor_status(struct app *a, struct view *v, char *hints, size_t n,
			 char *pos, size_t pn)
{
	struct floor *f = v->priv;
	int total = (int)f->page.nlines;

	(void)a;
	if (f->npending)
		snprintf(hints, n, "waiting for the database: another process is writing"
			 " (%zu to send)", f->npending);
	else if (f->input_focus)
		snprintf(hints, n, "Enter adds  d: decision  a: @who action  ? question"
			 "  Esc log");
	else if (f->nmarked)
		snprintf(hints, n, "%zu marked: M harvests them  m mark or unmark  q back  ? help",
			 f->nmarked);
	else
		snprintf(hints, n, "a type  Space mark  e edit  d delete  R answer  i invite"
			 "  A agenda  q back  ? help");
	/* of the part that scrolls, under the pinned header */
	total -= f->head;
	if (f->err || total <= v->body_h)
		snprintf(pos, pn, "all");
	else if (f->top <= f->head)
		snprintf(pos, pn, "top");
	else if (f->top >= floor_max_top(v))
		snprintf(pos, pn, "end");
	else
		snprintf(pos, pn, "%d%%", ((f->top - f->head) * 100) / (total - v->body_h));
}

static const struct view_ops floor_ops = {
	.load = floor_load,
	.draw = floor_draw,
	.key = floor_key,
	.close = floor_close,
	.scope = floor_scope,
	.status = floor_status,
	.changed = floor_changed,
	.tick = floor_tick,
};

void view_floor_show_note(struct view *v, int64_t note_id)
{
	struct floor *f;

	if (v->ops != &floor_ops)
		return;
	f = v->priv;
	f->sel = -1;
	f->sel_item = IT_NOTE;
	f->sel_id = note_id;
	f->input_focus = 0;
	f->follow = 0;
	f->reveal = 1;
	f->w = 0;                         /* lay out again: the selection is found */
}

struct view *view_new_floor(const struct kind_ops *k, int64_t id)
{
	struct view *v = calloc(1, sizeof *v);
	struct floor *f = calloc(1, sizeof *f);

	(void)k;
	if (!v || !f || lineedit_init(&f->le, FLOOR_INPUT_MAX) != 0) {
		free(v);
		free(f);
		return NULL;
	}
	f->id = id;
	f->sel = -1;
	f->agenda_open = 1;
	v->ops = &floor_ops;
	v->priv = f;
	v->stale = 1;
	return v;
}
