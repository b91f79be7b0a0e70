/* view-edit.c - add and edit records as templates in the user's editor,
 * with error feedback and the conflict merge (template.h, merge.h); the title
 * question of an add and the y/n of a delete. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/display.h"
#include "copse/draft.h"
#include "copse/merge.h"
#include "copse/trash.h"
#include "copse/view.h"

#define MAX_ROUNDS 8

/* Put "#! message" lines on top of text: they are comments among the
 * template headers, so the user sees why the save failed. */
static char *with_note(const char *note, const char *text)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (const char *p = note; *p;) {
		size_t n = strcspn(p, "\n");
		buf_puts(&b, "#! ");
		buf_add(&b, p, n);
		buf_putc(&b, '\n');
		p += n;
		if (*p)
			p++;
	}
	/* drop earlier notes */
	while (strncmp(text, "#! ", 3) == 0 && strchr(text, '\n'))
		text = strchr(text, '\n') + 1;
	buf_puts(&b, text);
	return buf_steal(&b);
}

/* The draft header of record r of kind k (id 0: a new one). */
static void rec_meta(const struct kind_ops *k, const void *r, int64_t id, const char *context,
		     struct draft_meta *m)
{
	memset(m, 0, sizeof *m);
	m->kind = k->name;
	m->context = context;
	if (!id)
		return;
	m->record = k->name;
	m->record_id = id;
	m->version = k->rec->version(r);
	if (k->rec->about)
		k->rec->about(r, &m->title, &m->record_created);
}

/* text without the "#! " notes a failed save put on top. */
static const char *past_notes(const char *text)
{
	while (strncmp(text, "#! ", 3) == 0 && strchr(text, '\n'))
		text = strchr(text, '\n') + 1;
	return text;
}

/* The "#! " lines over a merge of yours (started from version base, 0:
 * not known, at since, NULL: not known) with record id as it is now
 * (fresh): who changed it since and when, what to do, and where the
 * side dropped can still be found.  *login gets the last one who saved
 * it (caller frees; NULL if the log does not say). */
static void conflict_note(struct app *a, const struct kind_ops *k, int64_t id, const void *fresh,
			  int base, const char *since, struct buf *b, char **login)
{
	const struct rec_ops *o = k->rec;
	struct activity *v = NULL;
	size_t n = 0;
	int moved;

	*login = NULL;
	if (base)
		buf_printf(b, "#! %s %lld changed since your text began (version %d):", k->name,
			   (long long)id, base);
	else
		buf_printf(b, "#! %s %lld as it is now is beside your text (the version your"
			   " text began from is not known):", k->name, (long long)id);
	/* each save since made one version and logged one change */
	moved = base > 0 && o->version(fresh) > base ? o->version(fresh) - base : 4;
	if (activity_of(a->db, k->name, id, since, moved < 4 ? moved : 4, &v, &n) == COPSE_OK) {
		for (size_t i = 0; i < n; i++) {
			char when[32];

			view_time(v[i].at, when, sizeof when);
			buf_printf(b, "%s %s by %s at %s", i ? "," : "", v[i].verb, v[i].login, when);
		}
		if (n)
			*login = xstrdup(v[0].login);
	}
	buf_printf(b, "%snow version %d.\n", n ? "; " : " ", o->version(fresh));
	activity_list_free(v, n);
	buf_puts(b, "#! Both versions are below: keep what you want and delete\n"
		 "#! the <<<<<<< ======= >>>>>>> lines, then save.\n");
	if (o->history)
		buf_printf(b, "#! Every saved version is kept: copse %s %lld lists them.\n",
			   o->history, (long long)id);
	else
		buf_printf(b, "#! A %s keeps no earlier versions: what you delete here of"
			   " theirs is gone.\n", k->name);
}

/* The text that goes into the editor for draft d of record r (id):
 * its own when the record is still as the draft began from it, else
 * both versions to merge, saying who changed it since.  Caller frees. */
static char *draft_against(struct app *a, const struct kind_ops *k, const void *r, int64_t id,
			   const struct draft *d)
{
	const struct rec_ops *o = k->rec;
	const char *mine = past_notes(d->text ? d->text : "");
	struct buf theirs, merged;
	char *login;

	if (d->version > 0 && d->version == o->version(r))
		return xstrdup(mine);
	buf_init(&theirs);
	buf_init(&merged);
	o->format(r, 0, &theirs);
	conflict_note(a, k, id, r, d->version, d->created, &merged, &login);
	merge_text(mine, theirs.s ? theirs.s : "", o->version(r), login, &merged);
	free(login);
	buf_done(&theirs);
	return buf_steal(&merged);
}

/* The editing rounds shared by add (id 0) and edit.  r holds the record
 * as read (its version matters for update); draft is the kept draft the
 * text comes from (recovered: saved even if left as it is), or NULL.
 * Returns a view_result. */
static int rounds(struct app *a, const struct kind_ops *k, void *r, int64_t id,
		  char *text, char *draft)
{
	const struct rec_ops *o = k->rec;
	char context[64], err[512], started[ISO_LEN];
	int result = VR_REDRAW, recovered = draft != NULL, emptied = 0;
	/* the stored record has a body: emptying it is asked about */
	int had_body = id && o->body && !str_empty(o->body(r));

	if (id)
		snprintf(context, sizeof context, "%s %lld", k->name, (long long)id);
	else
		snprintf(context, sizeof context, "new %s", k->name);
	for (int round = 0; round < MAX_ROUNDS; round++) {
		struct draft_meta m;
		char *out = NULL, *nd = NULL;
		int changed = 0, st, line;

		rec_meta(k, r, id, context, &m);
		time_now_iso(started);
		st = app_edit_draft(a, &m, text, &out, &changed, &nd);
		if (st != COPSE_OK) {
			free(out);
			if (nd) {
				app_draft_discard(a, draft);
				free(draft);
				draft = nd;
			}
			break;   /* message already shown; draft kept */
		}
		app_draft_discard(a, draft);
		free(draft);
		draft = nd;
		/* left as it was: nothing is saved, or added (the inline
		 * questions of an add are not worth a record alone); only a
		 * recovered draft, which the user asked back, is saved as it
		 * is */
		if (!changed && !(round == 0 && recovered)) {
			if (round == 0) {
				app_message(a, id ? "no changes; nothing saved"
					    : "no changes; no %s added", k->name);
				app_draft_discard(a, draft);
			} else if (emptied) {
				/* "n" to saving it emptied, then quit: an emptied
				 * text is no draft worth offering back */
				app_message(a, "%s %lld not saved; its stored text stays", k->name,
					    (long long)id);
				app_draft_discard(a, draft);
			} else {
				app_error(a, "%s not saved; your text is kept as draft %s",
					  k->name, draft ? draft : "?");
			}
			free(out);
			break;
		}
		free(text);
		text = out;
		emptied = 0;       /* set again when this text is the emptied one */
		line = merge_markers(text);
		if (line > 0) {
			snprintf(err, sizeof err, "line %d: conflict marker left; keep the"
				 " lines you want and delete the markers", line);
			out = with_note(err, text);
			free(text);
			text = out;
			continue;
		}
		/* parse is all or nothing: on error r is untouched */
		err[0] = '\0';
		st = o->parse(text, r, err, sizeof err);
		if (st != COPSE_OK) {
			out = with_note(err[0] ? err : "could not read the text", text);
			free(text);
			text = out;
			continue;
		}
		if (had_body && str_empty(o->body(r))) {
			char q[96];

			snprintf(q, sizeof q, "Save %s %lld with its text emptied?", k->name,
				 (long long)id);
			if (!app_confirm(a, q)) {
				if (a->quit)
					break;     /* the draft keeps the text */
				emptied = 1;
				out = with_note("the text below the headers is empty: write it"
						" again, or quit without saving to keep the stored"
						" text", text);
				free(text);
				text = out;
				continue;
			}
			had_body = 0;      /* asked once */
		}
		st = id ? o->update(a->db, r) : o->add(a->db, r);
		if (st == COPSE_OK) {
			app_draft_discard(a, draft);
			app_message(a, "%s %lld %s", k->name, (long long)o->id(r),
				    id ? "saved" : "added");
			if (!id)
				app_reselect(a, k, o->id(r));
			result = VR_RELOAD;
			break;
		}
		if (st == COPSE_CONFLICT && id) {
			/* someone saved meanwhile: show both, let the user merge */
			struct buf theirs, merged;
			void *fresh = malloc(o->size);
			char *login;

			if (!fresh)
				break;
			o->init(fresh);
			st = o->get(a->db, id, fresh);
			if (st != COPSE_OK) {
				o->done(fresh);
				free(fresh);
				app_db_error(a, st);
				break;
			}
			buf_init(&theirs);
			buf_init(&merged);
			o->format(fresh, 0, &theirs);
			conflict_note(a, k, id, fresh, o->version(r), started, &merged, &login);
			merge_text(past_notes(text), theirs.s ? theirs.s : "", o->version(fresh),
				   login, &merged);
			free(login);
			free(text);
			text = buf_steal(&merged);
			buf_done(&theirs);
			/* save on top of their version from now on */
			o->done(r);
			memcpy(r, fresh, o->size);
			free(fresh);
			had_body = o->body && !str_empty(o->body(r));
			app_message(a, "changed by someone else meanwhile: merge both versions");
			continue;
		}
		out = with_note(db_error(a->db), text);
		free(text);
		text = out;
	}
	free(text);
	free(draft);
	o->done(r);
	free(r);
	return result;
}

/* A new record of kind k, initialised; NULL after saying so. */
static void *rec_new(struct app *a, const struct kind_ops *k)
{
	void *r = malloc(k->rec->size);

	if (!r)
		app_error(a, "out of memory");
	else
		k->rec->init(r);
	return r;
}

/* Record id of kind k as stored now; NULL after saying why not. */
static void *rec_get(struct app *a, const struct kind_ops *k, int64_t id)
{
	void *r = rec_new(a, k);
	int st;

	if (!r)
		return NULL;
	if ((st = k->rec->get(a->db, id, r)) != COPSE_OK) {
		app_db_error(a, st);
		k->rec->done(r);
		free(r);
		return NULL;
	}
	return r;
}

int view_rec_add(struct app *a, const struct kind_ops *k, void *r)
{
	struct buf b;

	buf_init(&b);
	k->rec->format(r, 1, &b);
	return rounds(a, k, r, 0, buf_steal(&b), NULL);
}

int view_rec_edit(struct app *a, const struct kind_ops *k, int64_t id)
{
	const struct rec_ops *o = k->rec;
	const char *title = NULL, *created = NULL;
	void *r = rec_get(a, k, id);
	struct draft d;
	struct buf b;
	char context[64], err[256], *recovered = NULL;
	int st;

	if (!r)
		return VR_REDRAW;
	if (o->about)
		o->about(r, &title, &created);
	buf_init(&b);
	/* a draft of this very record left by a session that ended (SIGHUP)
	 * comes back instead of the stored text, checked against it */
	snprintf(context, sizeof context, "%s %lld", k->name, (long long)id);
	st = draft_find(db_path(a->db), k->name, context, created, &d, err, sizeof err);
	if (st == COPSE_INVALID) {
		/* kept, never cut short: its file is named in err */
		int yes = app_confirm(a, "Your kept draft has a NUL byte and cannot"
				      " come back; edit the saved text?");

		if (!yes) {
			app_error(a, "%s", err);
			k->rec->done(r);
			free(r);
			buf_done(&b);
			return VR_REDRAW;
		}
	}
	/* one session only gets it back; the other edits the saved text */
	if (st == COPSE_OK && (!view_draft_claim(a, &d) || d.problem)) {
		draft_done(&d);
		st = COPSE_NOTFOUND;
	}
	if (st == COPSE_OK) {
		char *text = draft_against(a, k, r, id, &d);

		buf_puts(&b, text ? text : d.text);
		free(text);
		recovered = d.id;
		d.id = NULL;
		draft_done(&d);
		app_message(a, "your unsaved text from an earlier session is back in the editor");
	} else {
		o->format(r, 0, &b);
	}
	return rounds(a, k, r, id, buf_steal(&b), recovered);
}

/* ---- kept drafts ---- */

/* Whether item id of kind is in the trash. */
static int in_trash(struct app *a, const char *kind, int64_t id)
{
	struct trash_item *v = NULL;
	size_t n = 0;
	int found = 0;

	if (trash_list(a->db, &v, &n) != COPSE_OK)
		return 0;
	for (size_t i = 0; i < n && !found; i++)
		found = v[i].object_id == id && strcmp(v[i].kind, kind) == 0;
	trash_item_list_free(v, n);
	return found;
}

/* A line typed in a meeting (kind note) rather than a record's text. */
static int is_line(const struct draft *d, const struct kind_ops *k)
{
	return d->kind && strcmp(d->kind, "note") == 0 && k == &kind_meeting;
}

/* A member's development note (D) rather than the member's text. */
static int is_devnote(const struct draft *d, const struct kind_ops *k)
{
	return d->kind && strcmp(d->kind, "devnote") == 0 && k == &kind_member;
}

enum draft_standing view_draft_standing(struct app *a, const struct draft *d,
					const struct kind_ops **kp, int64_t *idp)
{
	const struct kind_ops *k;
	const char *title = NULL, *created = NULL;
	char rec[32];
	int64_t id;
	int has, fit, moved;
	void *r;

	*kp = NULL;
	*idp = 0;
	if (!draft_of_db(d, db_path(a->db)))
		return DRAFT_FOREIGN;
	has = draft_record(d, rec, sizeof rec, &id);
	k = strcmp(rec, kind_note.name) == 0 ? &kind_note : kind_by_name(rec);
	if (!k || !k->rec || !d->kind ||
	    (strcmp(d->kind, k->name) != 0 && !is_line(d, k) && !is_devnote(d, k)))
		return DRAFT_FOREIGN;
	*kp = k;
	if (!has)
		return is_line(d, k) || is_devnote(d, k) ? DRAFT_FOREIGN : DRAFT_NEW;
	*idp = id;
	if (!(r = rec_new(a, k)))
		return DRAFT_MOVED;
	switch (k->rec->get(a->db, id, r)) {
	case COPSE_OK:
		break;
	case COPSE_NOTFOUND:
		k->rec->done(r);
		free(r);
		return in_trash(a, k->name, id) ? DRAFT_TRASHED : DRAFT_GONE;
	default:        /* cannot tell now: the merge shows both */
		k->rec->done(r);
		free(r);
		return DRAFT_MOVED;
	}
	if (k->rec->about)
		k->rec->about(r, &title, &created);
	fit = draft_is_for(d, db_path(a->db), k->name, id, created);
	moved = d->version <= 0 || d->version != k->rec->version(r);
	k->rec->done(r);
	free(r);
	if (fit == 0)
		return DRAFT_GONE;    /* another record has its id */
	if (is_line(d, k) || is_devnote(d, k))   /* added, never edited: no version */
		return DRAFT_SAME;
	return fit < 0 || moved ? DRAFT_MOVED : DRAFT_SAME;
}

/* Recover d, the draft of record id that is gone: add it as new,
 * discard it or keep it. */
static int recover_gone(struct app *a, const struct draft *d, const struct kind_ops *k,
			int64_t id, int trashed)
{
	char q[300], add[80] = "", err[256];
	int line = is_line(d, k) || is_devnote(d, k) || !k->add, key;   /* no new one */

	if (!line)
		snprintf(add, sizeof add, "n: add as a new %s  ", k->name);
	if (trashed)
		snprintf(q, sizeof q, "%s %lld is in the trash. %sx: discard  other: keep ",
			 k->name, (long long)id, add);
	else
		snprintf(q, sizeof q, "Its %s is gone. %sx: discard  other: keep ", k->name, add);
	key = app_ask_key(a, q);
	if (key == 'x') {
		if (draft_discard(d->id, err, sizeof err) != COPSE_OK) {
			app_error(a, "%s", err);
			return VR_REDRAW;
		}
		app_message(a, "draft discarded");
		return VR_RELOAD;
	}
	if (key == 'n' && !line) {
		void *r = rec_new(a, k);

		return r ? rounds(a, k, r, 0, xstrdup(past_notes(d->text ? d->text : "")),
				  xstrdup(d->id))
			 : VR_REDRAW;
	}
	if (a->quit)
		return VR_REDRAW;
	if (trashed)
		app_message(a, "draft kept; copse trash restore %s %lld brings the %s back",
			    k->name, (long long)id, k->name);
	else
		app_message(a, "draft kept");
	return VR_REDRAW;
}

int view_draft_claim(struct app *a, struct draft *d)
{
	struct draft c;
	char err[256];
	int st = draft_claim(d->id, &c, err, sizeof err);

	draft_done(d);
	if (st == COPSE_OK) {
		*d = c;
		return 1;
	}
	if (st == COPSE_BUSY)
		app_message(a, "that draft was recovered in another session");
	else if (st == COPSE_NOTFOUND)
		app_message(a, "that draft is gone: recovered or discarded in another session");
	else
		app_error(a, "%s", err);
	return 0;
}

int view_draft_recover(struct app *a, const struct draft *d)
{
	const struct kind_ops *k;
	int64_t id;
	void *r;

	switch (view_draft_standing(a, d, &k, &id)) {
	case DRAFT_NEW:
		if (!(r = rec_new(a, k)))
			return VR_REDRAW;
		return rounds(a, k, r, 0, xstrdup(past_notes(d->text ? d->text : "")),
			      xstrdup(d->id));
	case DRAFT_SAME:
	case DRAFT_MOVED:
		if (is_line(d, k)) {
			/* the meeting floor takes its kept line back into its
			 * input line when it opens */
			app_open(a, k, id);
			return VR_REDRAW;
		}
		if (is_devnote(d, k))
			return view_member_devnote(a, id, d);
		if (!(r = rec_get(a, k, id)))
			return VR_REDRAW;
		return rounds(a, k, r, id, draft_against(a, k, r, id, d), xstrdup(d->id));
	case DRAFT_GONE:
		return recover_gone(a, d, k, id, 0);
	case DRAFT_TRASHED:
		return recover_gone(a, d, k, id, 1);
	default:
		app_error(a, "this draft is not one copse can put back: x discards it");
		return VR_REDRAW;
	}
}

int view_ask_title(struct app *a, const char *label, const char *kind,
		   char *text, size_t n)
{
	text[0] = '\0';
	if (app_prompt(a, label, text, n, NULL, NULL) && !str_empty(text)) {
		str_trim(text);
		return 1;
	}
	if (!a->quit)
		app_message(a, "no %s added", kind);
	return 0;
}

int view_confirm_verb(struct app *a, const char *question,
		      int (*verb)(struct db *db, int64_t id),
		      const char *kind, int64_t id, const char *done)
{
	int st;

	if (!app_confirm(a, question))
		return VR_REDRAW;
	st = verb(a->db, id);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "%s %lld %s", kind, (long long)id, done);
	return VR_RELOAD;
}

int view_confirm_trash(struct app *a, const char *kind, int64_t id,
		       int (*verb)(struct db *db, int64_t id))
{
	struct trash_item t;
	char q[700], *title;
	const char *with = "";
	int st = trash_describe(a->db, kind, id, &t), rest;

	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	/* The whole question fits the status line (app_confirm adds " y/n
	 * "): the title gives way, never what goes with it; on a narrow
	 * screen the question is said shorter first. */
	if (*t.what)
		with = strcmp(kind, "member") == 0 ? " with their " : " with its ";
	rest = snprintf(q, sizeof q, "Move the %s ''%s%s to the trash? y/n ", kind, with, t.what);
	if (display_cols() - 1 - rest >= 16) {
		title = view_fit(t.title, display_cols() - 1 - rest);
		snprintf(q, sizeof q, "Move the %s '%s'%s%s to the trash?", kind,
			 title ? title : "", with, t.what);
	} else {
		rest = snprintf(q, sizeof q, "Trash %s ''%s%s? y/n ", kind, *t.what ? " with " : "",
				t.what);
		title = view_fit(t.title, display_cols() - 1 - rest);
		snprintf(q, sizeof q, "Trash %s '%s'%s%s?", kind, title ? title : "",
			 *t.what ? " with " : "", t.what);
	}
	free(title);
	trash_item_done(&t);
	if (!app_confirm(a, q))
		return VR_REDRAW;
	if ((st = verb(a->db, id)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "%s %lld moved to the trash (u brings it back)", kind, (long long)id);
	a->ndeleted++;
	return VR_RELOAD;
}
