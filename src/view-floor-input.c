/* view-floor-input.c - the meeting floor's input line: while the
 * focus is there every key that is not a line-editing key is text (keys.h,
 * scope INPUT), so a stray d or e can never act on the meeting.  Enter
 * stores the line (note_add_line: d: decision, a: @who action, ?
 * question, else a note); a line the store refuses stays, with the reason
 * as its label.  Esc moves the focus to the log.  e on an action puts it
 * on the line ("@zoe book the room due 2025-03-15"), saved
 * version-checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copse/db.h"
#include "copse/draft.h"
#include "copse/keys.h"
#include "copse/lineedit.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/noteline.h"
#include "copse/view.h"

#include "view-floor-priv.h"

/* The focus to the log; reselect: on the newest line (the one just typed
 * or heard) unless the log was scrolled back. */
static void focus_log(struct view *v, int reselect)
{
	struct floor *f = v->priv;

	f->input_focus = 0;
	if (!meeting_is_on(&f->m, copse_now()) && lineedit_empty(&f->le))
		f->input_open = 0;
	f->w = 0;                       /* the input row may come or go */
	if (reselect && (f->sel < 0 || f->follow))
		floor_select_block(v, floor_next_block(f, (int)f->nblocks, -1));
}

static void set_input_err(struct floor *f, const char *msg)
{
	free(f->input_err);
	f->input_err = msg ? xstrdup(msg) : NULL;
}

/* The end of an action's edit on the input line: what was typed before
 * comes back. */
void floor_end_action_edit(struct floor *f)
{
	f->edit_action = 0;
	lineedit_set(&f->le, f->stash ? f->stash : "");
	free(f->stash);
	f->stash = NULL;
	set_input_err(f, NULL);
}

/* "@zoe book the room due 2025-03-15": an action as the line edits it. */
static char *action_line(const struct action *act)
{
	struct buf b;

	buf_init(&b);
	if (act->owner_handle && *act->owner_handle)
		buf_printf(&b, "@%s ", act->owner_handle);
	buf_puts(&b, act->title);
	if (act->due && *act->due)
		buf_printf(&b, " due %s", act->due);
	return buf_steal(&b);
}

/* e on an action: its owner, title and due date on the input line. */
int floor_edit_action(struct app *a, struct view *v, int64_t id)
{
	struct floor *f = v->priv;
	struct action act;
	char *line;
	int st;

	action_init(&act);
	if ((st = action_get(a->db, id, &act)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	line = action_line(&act);
	free(f->stash);
	f->stash = xstrdup(lineedit_text(&f->le));
	lineedit_set(&f->le, line ? line : "");
	free(line);
	f->edit_action = id;
	f->edit_version = act.version;
	f->edit_from_log = !f->input_focus;
	set_input_err(f, NULL);
	f->input_open = f->input_focus = 1;
	f->w = 0;
	action_done(&act);
	app_message(a, "Enter saves the action, Esc leaves it as it was");
	return VR_REDRAW;
}

/* Enter while an action is edited: save it (version-checked); its line
 * in the minutes says the same.  Changed by someone else meanwhile: the
 * label shows their version, the line keeps mine, and a second Enter
 * saves mine over theirs. */
static int save_action(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	struct noteline nl;
	struct action act;
	const char *text;
	char err[256], *line;
	int st;

	noteline_init(&nl);
	text = lineedit_text(&f->le);
	line = malloc(strlen(text) + 4);
	/* "@zoe …" as shown, or "a: @zoe …" as an action is added */
	while (*text == ' ')
		text++;
	if (line)
		sprintf(line, "%s%s", strncmp(text, "a:", 2) == 0 ? "" : "a: ", text);
	st = line ? noteline_parse(line, copse_now(), &nl, err, sizeof err) : COPSE_NOMEM;
	free(line);
	if (st != COPSE_OK || strcmp(nl.kind, "action") != 0) {
		set_input_err(f, st == COPSE_OK ? "an action needs its owner: @handle what to do"
			      : err);
		noteline_done(&nl);
		return VR_REDRAW;
	}
	action_init(&act);
	act.id = f->edit_action;
	act.version = f->edit_version;
	act.title = xstrdup(nl.text);
	act.owner_handle = xstrdup(nl.handle);
	act.due = nl.due[0] ? xstrdup(nl.due) : NULL;
	st = action_update(a->db, &act);
	action_done(&act);
	if (st == COPSE_CONFLICT) {
		struct action theirs;
		char *t;

		action_init(&theirs);
		if (action_get(a->db, f->edit_action, &theirs) == COPSE_OK) {
			t = action_line(&theirs);
			app_error(a, "theirs: %s", t ? t : "");
			free(t);
			f->edit_version = theirs.version;
			set_input_err(f, "Enter saves yours over theirs");
		} else {
			set_input_err(f, db_error(a->db));
		}
		action_done(&theirs);
		noteline_done(&nl);
		return VR_RELOAD;
	}
	if (st != COPSE_OK) {
		set_input_err(f, db_error(a->db));
		noteline_done(&nl);
		return VR_REDRAW;
	}
	/* its line in the minutes says the same (action_update) */
	app_message(a, "action %lld saved", (long long)f->edit_action);
	noteline_done(&nl);
	floor_end_action_edit(f);
	if (f->edit_from_log)
		focus_log(v, 0);
	return VR_RELOAD;
}

/* Milliseconds: how long a line waits for another process's write lock
 * when it is tried again (every FLOOR_RETRY_MS, between keys too) while
 * that process still writes; when Enter sends it: FLOOR_WAIT_MS. */
#define FLOOR_RETRY_WAIT_MS 50
#define FLOOR_RETRY_MS 500

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The line is one the store would take: its form (noteline_parse) and
 * an action's owner.  Else the reason, in err. */
static int line_ok(struct app *a, const char *line, char *err, size_t n)
{
	struct noteline nl;
	int st;

	noteline_init(&nl);
	st = noteline_parse(line, copse_now(), &nl, err, n);
	if (st == COPSE_OK && strcmp(nl.kind, "action") == 0) {
		struct member m;

		member_init(&m);
		if ((st = member_find(a->db, nl.handle, &m)) != COPSE_OK)
			snprintf(err, n, "%s", db_error(a->db));
		member_done(&m);
	}
	noteline_done(&nl);
	return st;
}

size_t floor_send_pending(struct app *a, struct view *v, int wait_ms)
{
	struct floor *f = v->priv;
	size_t sent = 0;
	int64_t aid = 0;
	int st = COPSE_OK;

	while (f->npending) {
		int64_t nid = 0;

		db_write_wait(a->db, wait_ms);
		st = note_add_line(a->db, f->id, f->pending[0], &nid, &aid);
		db_write_wait(a->db, -1);
		if (st != COPSE_OK)
			break;
		free(f->pending[0]);
		memmove(f->pending, f->pending + 1, --f->npending * sizeof *f->pending);
		sent++;
	}
	f->next_try = now_ms() + FLOOR_RETRY_MS;
	if (sent) {
		f->follow = 1;
		f->w = 0;
		v->stale = 1;
	}
	if (st == COPSE_BUSY) {
		app_message(a, "waiting for the database: another process is writing"
			    " (%zu line%s to send)", f->npending, f->npending == 1 ? "" : "s");
	} else if (st != COPSE_OK) {
		/* the store refused it for good (the meeting is gone, the
		 * file read-only): it comes back to be fixed, nothing lost */
		if (lineedit_empty(&f->le) && !f->edit_action) {
			lineedit_set(&f->le, f->pending[0]);
			free(f->pending[0]);
			memmove(f->pending, f->pending + 1, --f->npending * sizeof *f->pending);
			set_input_err(f, db_error(a->db));
		} else {
			app_error(a, "a line is not stored: %s", db_error(a->db));
		}
		f->w = 0;
	} else if (sent && aid && sent == 1) {
		app_message(a, "action %lld added", (long long)aid);
	} else if (sent) {
		app_message(a, sent == 1 ? "line added" : "%zu lines added", sent);
	}
	return sent;
}

int floor_tick(struct app *a, struct view *v)
{
	struct floor *f = v->priv;

	if (!f->npending || now_ms() < f->next_try)
		return 0;
	f->app = a;
	floor_send_pending(a, v, FLOOR_RETRY_WAIT_MS);
	return 1;
}

/* Enter: the line joins the lines to send (first when none wait) and the
 * input is free again at once; while another process holds the write
 * lock it waits, shown as "sending…", and goes in later in its order. */
static int send_line(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	char err[256], **nv;
	char *line;

	if (f->edit_action)
		return save_action(a, v);
	if (str_empty(lineedit_text(&f->le))) {
		app_message(a, "type a line first (d: decision, a: @who action, ? question)");
		return VR_REDRAW;
	}
	if (line_ok(a, lineedit_text(&f->le), err, sizeof err) != COPSE_OK) {
		/* nothing typed is lost: the line stays, the reason is its label */
		set_input_err(f, err);
		return VR_REDRAW;
	}
	nv = realloc(f->pending, (f->npending + 1) * sizeof *nv);
	line = xstrdup(lineedit_text(&f->le));
	if (!nv || !line) {
		if (nv)
			f->pending = nv;
		free(line);
		set_input_err(f, "out of memory");
		return VR_REDRAW;
	}
	f->pending = nv;
	f->pending[f->npending++] = line;
	lineedit_clear(&f->le);
	set_input_err(f, NULL);
	if (f->draft) {
		draft_discard(f->draft, err, sizeof err);
		free(f->draft);
		f->draft = NULL;
	}
	f->follow = 1;
	f->w = 0;                         /* "sending…" until it is in */
	/* behind lines still waiting: in their order, at the next try */
	if (f->npending > 1) {
		app_message(a, "waiting for the database: another process is writing"
			    " (%zu lines to send)", f->npending);
		return VR_REDRAW;
	}
	return floor_send_pending(a, v, FLOOR_WAIT_MS) ? VR_RELOAD : VR_REDRAW;
}

/* Bytes of code point cp in UTF-8. */
static size_t utf8_len(uint32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

int floor_input_key(struct app *a, struct view *v, int req, int key)
{
	struct floor *f = v->priv;
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	switch (req) {
	case REQ_INPUT_SEND:
		return send_line(a, v);
	case REQ_INPUT_LEAVE:
		if (f->edit_action) {
			int back = f->edit_from_log;

			floor_end_action_edit(f);
			app_message(a, "the action is left as it was");
			if (back) {
				focus_log(v, 0);
				return VR_REDRAW;
			}
		}
		focus_log(v, 1);
		return VR_REDRAW;
	case REQ_LOG_PAGE_UP:
		floor_scroll(v, -page);
		return VR_REDRAW;
	case REQ_LOG_PAGE_DOWN:
		floor_scroll(v, page);
		return VR_REDRAW;
	default: {
		size_t len = f->le.len;

		if (!app_line_key(&f->le, req, key))
			return VR_NONE;
		/* a character with no room left: said, never silently dropped
		 * (what was typed stays) */
		if (req == REQ_NONE && f->le.len == len && f->le.max &&
		    len + utf8_len((uint32_t)key) > f->le.max)
			app_message(a, "the line is full (%zu bytes): Enter stores it",
				    f->le.max);
		if (lineedit_empty(&f->le) && !f->edit_action)
			set_input_err(f, NULL);
		return VR_REDRAW;
	}
	}
}
