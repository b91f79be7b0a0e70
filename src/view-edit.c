/* view-edit.c - add and edit records as templates in the user's editor,
 * with error feedback and the conflict merge (template.h, merge.h); the title
 * question of an add and the y/n of a delete. */
#include <stdlib.h>
#include <string.h>

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

/* The editing rounds shared by add (id 0) and edit.  r holds the record
 * as read (its version matters for update).  Returns a view_result. */
static int rounds(struct app *a, const struct kind_ops *k, void *r, int64_t id,
		  char *text, char *draft)
{
	const struct rec_ops *o = k->rec;
	char context[64], err[512];
	int result = VR_REDRAW, recovered = draft != NULL;

	if (id)
		snprintf(context, sizeof context, "%s %lld", k->name, (long long)id);
	else
		snprintf(context, sizeof context, "new %s", k->name);
	for (int round = 0; round < MAX_ROUNDS; round++) {
		char *out = NULL, *nd = NULL;
		int changed = 0, st, line;

		st = app_edit_text(a, k->name, context, text, &out, &changed, &nd);
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
		/* an untouched new record is added as the inline form made it,
		 * an untouched recovered draft is saved */
		if (!changed && !(round == 0 && (id == 0 || recovered))) {
			if (round == 0) {
				app_message(a, "no changes; nothing saved");
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
			buf_printf(&merged, "#! %s changed by someone else while you edited.\n"
				   "#! Both versions are below: keep what you want and delete\n"
				   "#! the <<<<<<< ======= >>>>>>> lines, then save.\n",
				   k->name);
			merge_text(text, theirs.s ? theirs.s : "", o->version(fresh), NULL,
				   &merged);
			free(text);
			text = buf_steal(&merged);
			buf_done(&theirs);
			/* save on top of their version from now on */
			o->done(r);
			memcpy(r, fresh, o->size);
			free(fresh);
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
	void *r = malloc(o->size);
	struct draft d;
	struct buf b;
	char context[64], err[256], *recovered = NULL;
	int st;

	if (!r) {
		app_error(a, "out of memory");
		return VR_REDRAW;
	}
	o->init(r);
	st = o->get(a->db, id, r);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		o->done(r);
		free(r);
		return VR_REDRAW;
	}
	buf_init(&b);
	/* an editor draft of this record left by a session that ended
	 * (SIGHUP) comes back instead of the stored text */
	snprintf(context, sizeof context, "%s %lld", k->name, (long long)id);
	if (draft_find(db_path(a->db), k->name, context, &d, err, sizeof err) == COPSE_OK) {
		buf_puts(&b, d.text);
		recovered = d.id;
		d.id = NULL;
		draft_done(&d);
		app_message(a, "your unsaved text from an earlier session is back in the editor");
	} else {
		o->format(r, 0, &b);
	}
	return rounds(a, k, r, id, buf_steal(&b), recovered);
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
	return VR_RELOAD;
}
