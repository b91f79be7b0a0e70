/* view-floor-load.c - reading the meeting floor: the meeting, who
 * attends and the actions are a few rows, read again on each change; the
 * minutes are applied by id and version (a line new, edited or restored
 * is read alone and keeps nothing stale, the others stay as read and
 * rendered).  At the first load, the line this user typed here and kept
 * as a draft comes back on the input line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/draft.h"
#include "copse/meeting.h"
#include "copse/view.h"

#include "view-floor-priv.h"

static void free_notes(struct note *notes, struct note_render *renders, size_t n)
{
	for (size_t i = 0; renders && i < n; i++)
		md_doc_free(&renders[i].doc);
	free(renders);
	note_list_free(notes, n);
}

void floor_free_data(struct floor *f)
{
	meeting_done(&f->m);
	attendance_list_free(f->at, f->nat);
	action_list_free(f->carried, f->ncarried);
	action_list_free(f->acts, f->nacts);
	free_notes(f->notes, f->renders, f->nnotes);
	f->at = NULL;
	f->carried = f->acts = NULL;
	f->notes = NULL;
	f->renders = NULL;
	f->nat = f->ncarried = f->nacts = f->nnotes = 0;
	free(f->err);
	f->err = NULL;
	floor_clear_page(f);
}

static int cmp_note_id(const void *x, const void *y)
{
	const struct note *a = *(struct note *const *)x, *b = *(struct note *const *)y;

	return (a->id > b->id) - (a->id < b->id);
}

/* The minutes as they are now, applied by id and version: a line new,
 * edited or restored is read (and later rendered) alone, a line gone is
 * dropped, the others stay as read and rendered.  On failure f keeps
 * what it had. */
static int sync_notes(struct app *a, struct floor *f)
{
	struct note_version *ver = NULL;
	struct note *notes, **byid = NULL;
	struct note_render *renders;
	size_t nv = 0, n = 0, added = 0, edited = 0, kept = 0;
	int st;

	if (!f->loaded && !f->nnotes) {
		/* the first time: all at once */
		if ((st = note_list(a->db, f->id, &f->notes, &f->nnotes)) != COPSE_OK)
			return st;
		f->renders = calloc(f->nnotes ? f->nnotes : 1, sizeof *f->renders);
		app_trace(a, "load floor %lld: %zu lines read", (long long)f->id, f->nnotes);
		return f->renders ? COPSE_OK : COPSE_NOMEM;
	}
	if ((st = note_versions(a->db, f->id, &ver, &nv)) != COPSE_OK)
		return st;
	notes = calloc(nv ? nv : 1, sizeof *notes);
	renders = calloc(nv ? nv : 1, sizeof *renders);
	byid = malloc((f->nnotes ? f->nnotes : 1) * sizeof *byid);
	if (!notes || !renders || !byid) {
		free(ver);
		free(notes);
		free(renders);
		free(byid);
		return COPSE_NOMEM;
	}
	for (size_t i = 0; i < f->nnotes; i++)
		byid[i] = &f->notes[i];
	if (f->nnotes)
		qsort(byid, f->nnotes, sizeof *byid, cmp_note_id);
	for (size_t i = 0; i < nv && st == COPSE_OK; i++) {
		struct note key = { .id = ver[i].id }, *kp = &key, **hit;

		hit = f->nnotes ? bsearch(&kp, byid, f->nnotes, sizeof *byid, cmp_note_id) : NULL;
		if (hit && (*hit)->version == ver[i].version) {
			size_t j = (size_t)(*hit - f->notes);

			/* as read and rendered: moved over, not copied */
			notes[n] = f->notes[j];
			renders[n++] = f->renders[j];
			note_init(&f->notes[j]);
			memset(&f->renders[j], 0, sizeof f->renders[j]);
			kept++;
			continue;
		}
		st = note_get(a->db, ver[i].id, &notes[n]);
		if (st == COPSE_NOTFOUND) {     /* gone since: as if not listed */
			st = COPSE_OK;
			continue;
		}
		if (st == COPSE_OK) {
			n++;
			if (hit)
				edited++;
			else
				added++;
		}
	}
	free(ver);
	free(byid);
	if (st != COPSE_OK) {
		free_notes(notes, renders, n);
		return st;
	}
	app_trace(a, "load floor %lld: %zu new, %zu changed, %zu gone, %zu kept",
		  (long long)f->id, added, edited, f->nnotes - kept - edited, kept);
	free_notes(f->notes, f->renders, f->nnotes);
	f->notes = notes;
	f->renders = renders;
	f->nnotes = n;
	return COPSE_OK;
}

/* The line typed in this meeting and kept when its session ended (or
 * when this session left the screen): its draft, not one that another
 * running session is still typing. */
static void take_draft(struct app *a, struct floor *f)
{
	struct draft *v = NULL, mine;
	size_t n = 0;
	char err[256], context[64];

	memset(&mine, 0, sizeof mine);
	snprintf(context, sizeof context, "meeting %lld", (long long)f->id);
	if (draft_list(db_path(a->db), &v, &n, err, sizeof err) != COPSE_OK)
		return;
	for (size_t i = n; i-- > 0;) {   /* newest first */
		const struct draft *d = &v[i];

		if ((d->live && d->pid != (long)getpid()) || !d->kind || strcmp(d->kind, "note") ||
		    !d->context || strcmp(d->context, context) || str_empty(d->text))
			continue;
		/* a line of another meeting that had this id never comes here */
		if (draft_is_for(d, db_path(a->db), "meeting", f->id, f->m.created) == 0)
			continue;
		/* one session only takes it: another may have just now */
		draft_done(&mine);
		if (draft_claim(d->id, &mine, err, sizeof err) != COPSE_OK || !mine.text ||
		    str_empty(mine.text))
			continue;
		lineedit_set(&f->le, mine.text);
		f->draft = xstrdup(d->id);
		f->input_open = f->input_focus = 1;
		app_message(a, "your unsent line is back: Enter stores it, C-u clears it");
		break;
	}
	draft_done(&mine);
	draft_list_free(v, n);
}

int floor_load(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	struct action_filter af;
	struct meeting m;
	struct attendance *at = NULL;
	struct action *carried = NULL, *acts = NULL;
	size_t nat = 0, ncarried = 0, nacts = 0;
	int st, was_end = f->nblocks && f->top >= (int)f->page.nlines - v->body_h;

	f->app = a;
	memset(&m, 0, sizeof m);
	st = meeting_get(a->db, f->id, &m);
	if (st != COPSE_OK) {
		struct buf b;

		meeting_done(&m);
		floor_free_data(f);
		f->loaded = 0;
		buf_init(&b);
		if (st == COPSE_NOTFOUND)
			buf_printf(&b, "Meeting %lld was deleted meanwhile; your line stays.",
				   (long long)f->id);
		else
			buf_puts(&b, db_error(a->db));
		f->err = buf_steal(&b);
		/* an open line stays open whatever happens to the meeting */
		if (f->input_open && (f->input_focus || !lineedit_empty(&f->le)))
			return COPSE_OK;
		return st;
	}
	/* the meeting, who attends and the actions are a few rows, read
	 * again; the minutes are applied line by line (sync_notes) */
	memset(&af, 0, sizeof af);
	af.carried_to = f->id;
	if ((st = attend_list(a->db, f->id, &at, &nat)) != COPSE_OK ||
	    (st = action_list(a->db, &af, &carried, &ncarried)) != COPSE_OK)
		goto fail;
	memset(&af, 0, sizeof af);
	af.meeting_id = f->id;
	if ((st = action_list(a->db, &af, &acts, &nacts)) != COPSE_OK ||
	    (st = sync_notes(a, f)) != COPSE_OK)
		goto fail;
	meeting_done(&f->m);
	attendance_list_free(f->at, f->nat);
	action_list_free(f->carried, f->ncarried);
	action_list_free(f->acts, f->nacts);
	f->m = m;
	f->at = at;
	f->nat = nat;
	f->carried = carried;
	f->ncarried = ncarried;
	f->acts = acts;
	f->nacts = nacts;
	free(f->err);
	f->err = NULL;
	floor_clear_page(f);                  /* laid out again at the next draw */
	f->loaded = 1;
	/* a marked line someone deleted meanwhile is no longer marked */
	for (size_t i = 0; i < f->nmarked;) {
		int there = 0;

		for (size_t k = 0; k < f->nnotes && !there; k++)
			there = f->notes[k].id == f->marked[i];
		if (there)
			i++;
		else
			f->marked[i] = f->marked[--f->nmarked];
	}
	/* someone who may only read gets no line to type into */
	if (meeting_is_on(&f->m, copse_now()) && !a->readonly)
		f->input_open = 1;
	if (!f->place[0]) {
		/* first load: during the meeting the focus is on the line and
		 * the newest minutes in view; otherwise it reads from the top */
		snprintf(f->place, sizeof f->place, "meeting %lld", (long long)f->id);
		f->input_focus = f->input_open;
		f->follow = f->input_open;
		if (!a->readonly)
			take_draft(a, f);
		f->follow |= f->input_open;
	} else if (was_end) {
		f->follow = 1;
	}
	app_set_place(a, f->place);
	return COPSE_OK;
fail:
	meeting_done(&m);
	attendance_list_free(at, nat);
	action_list_free(carried, ncarried);
	action_list_free(acts, nacts);
	floor_free_data(f);
	f->loaded = 0;
	f->err = xstrdup(db_error(a->db));
	return COPSE_OK;
}

/* Others changed what: the floor reads again (the minutes line by line)
 * when it shows that; who is here only lays it out again. */
void floor_changed(struct view *v, unsigned what)
{
	struct floor *f = v->priv;

	if (what & VIEW_CHANGE_PRESENCE)
		f->w = 0;
	if (what & (CHANGE_MEETINGS | CHANGE_MEMBERS | CHANGE_NOTES | CHANGE_ACTIONS))
		v->stale = 1;
}
