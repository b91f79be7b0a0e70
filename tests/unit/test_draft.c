/* test_draft.c - drafts: the private directory, inline drafts saved,
 * listed, found, loaded and discarded, and files that are not drafts.
 *
 * HOME and XDG_STATE_HOME point into a temporary directory (statedir.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copse/draft.h"
#include "copse/status.h"
#include "copse/util.h"
#include "harness.h"
#include "statedir.h"

/* ---- the drafts directory ---- */

TEST(a_too_open_drafts_directory_is_made_private)
{
	char dir[700], *got = NULL;

	fresh_state();
	snprintf(dir, sizeof dir, "%s/copse", state);
	mkdir(state, 0755);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/copse/drafts", state);
	mkdir(dir, 0777);
	chmod(dir, 0777);
	CHECK_INT(draft_dir(&got, err, sizeof err), COPSE_OK);
	CHECK_STR(got, dir);
	CHECK_INT(file_mode(dir), 0700);
	free(got);
}

TEST(drafts_default_to_home_local_state)
{
	char want[800], *got = NULL;

	fresh_state();
	unsetenv("XDG_STATE_HOME");
	snprintf(want, sizeof want, "%s/.local/state/copse/drafts", home);
	CHECK_INT(draft_dir(&got, err, sizeof err), COPSE_OK);
	CHECK_STR(got, want);
	CHECK_INT(file_mode(want), 0700);
	free(got);
	/* a relative XDG_STATE_HOME is ignored, as the XDG spec says */
	setenv("XDG_STATE_HOME", "relative/state", 1);
	CHECK_INT(draft_dir(&got, err, sizeof err), COPSE_OK);
	CHECK_STR(got, want);
	free(got);
	setenv("XDG_STATE_HOME", state, 1);
}

/* ---- drafts ---- */

TEST(quick_note_drafts_save_list_load_discard)
{
	struct draft d, *v = NULL;
	char *id = NULL, *id2 = NULL, path[800], *dir = NULL;
	size_t n = 0;

	fresh_state();
	setenv("COPSE_NOW", "2025-03-01T10:00:00Z", 1);
	CHECK_INT(draft_save("note", "meeting 12", "/srv/a.db", "d: we agree", &id,
			     err, sizeof err), COPSE_OK);
	CHECK(id && strncmp(id, "note-", 5) == 0 && ends_with(id, ".draft"));
	CHECK_INT(draft_dir(&dir, err, sizeof err), COPSE_OK);
	snprintf(path, sizeof path, "%s/%s", dir, id ? id : "");
	CHECK_INT(file_mode(path), 0600);

	/* saving again replaces it: still one draft */
	setenv("COPSE_NOW", "2025-03-01T10:05:00Z", 1);
	CHECK_INT(draft_save("note", "meeting 12", "/srv/a.db", "d: we agree on Tuesdays",
			     &id, err, sizeof err), COPSE_OK);
	CHECK_INT(file_mode(path), 0600);
	CHECK_INT(count_drafts("/srv/a.db"), 1);
	CHECK_INT(count_drafts("/srv/other.db"), 0);
	CHECK_INT(count_drafts(NULL), 1);

	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
	CHECK_STR(d.id, id);
	CHECK_STR(d.kind, "note");
	CHECK_STR(d.context, "meeting 12");
	CHECK_STR(d.db_path, "/srv/a.db");
	CHECK_STR(d.created, "2025-03-01T10:05:00Z");
	CHECK_STR(d.text, "d: we agree on Tuesdays");
	CHECK_INT(d.pid, getpid());
	CHECK_INT(d.live, 0);   /* ours: not another session's */
	draft_done(&d);

	/* an older draft of another kind sorts first; newlines can't forge headers */
	setenv("COPSE_NOW", "2025-02-01T09:00:00Z", 1);
	CHECK_INT(draft_save("topic", "new\nFile: ../../x", NULL, "Line 1\n\nLine 3\n",
			     &id2, err, sizeof err), COPSE_OK);
	CHECK_INT(draft_list("/srv/a.db", &v, &n, err, sizeof err), COPSE_OK);
	CHECK_INT(n, 2);   /* a draft naming no database is offered everywhere */
	if (n == 2) {
		CHECK_STR(v[0].id, id2);
		CHECK_STR(v[0].context, "new File: ../../x");
		CHECK_STR(v[0].text, "Line 1\n\nLine 3\n");
		CHECK_STR(v[1].id, id);
	}
	draft_list_free(v, n);

	CHECK_INT(draft_discard(id, err, sizeof err), COPSE_OK);
	CHECK(!exists(path));
	CHECK_INT(draft_discard(id, err, sizeof err), COPSE_OK);   /* already gone */
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_NOTFOUND);
	CHECK_INT(count_drafts(NULL), 1);
	CHECK_INT(draft_discard(id2, err, sizeof err), COPSE_OK);
	CHECK_INT(count_drafts(NULL), 0);

	CHECK_INT(draft_load("../secret.draft", &d, err, sizeof err), COPSE_INVALID);
	CHECK_INT(draft_discard("/etc/passwd", err, sizeof err), COPSE_INVALID);
	CHECK_INT(draft_load("note-abc.txt", &d, err, sizeof err), COPSE_INVALID);
	free(id);
	free(id2);
	free(dir);
}

TEST(draft_find_offers_the_newest_draft_nobody_is_editing)
{
	struct draft d;
	char *mine = NULL;
	int status = 0, fds[2];
	pid_t pid;

	fresh_state();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* a session that ended: its drafts are no longer live */
		static const char *const drafts[][4] = {
			{ "2025-03-01T10:00:00Z", "note", "meeting 12", "older line" },
			{ "2025-03-01T10:05:00Z", "note", "meeting 12", "newer line" },
			{ "2025-03-01T10:06:00Z", "note", "meeting 12", "   " },
			{ "2025-03-01T10:07:00Z", "note", "meeting 13", "other meeting" },
			{ "2025-03-01T10:08:00Z", "entry", "meeting 12", "other kind" },
		};
		for (size_t i = 0; i < ARRAY_SIZE(drafts); i++) {
			char *id = NULL;
			setenv("COPSE_NOW", drafts[i][0], 1);
			draft_save(drafts[i][1], drafts[i][2], "/srv/a.db", drafts[i][3],
				   &id, err, sizeof err);
			free(id);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK_INT(count_drafts(NULL), 5);
	/* a newer one another running session is still typing is not
	 * offered */
	CHECK_INT(pipe(fds), 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *id = NULL, c;
		close(fds[1]);
		setenv("COPSE_NOW", "2025-03-01T11:00:00Z", 1);
		draft_save("note", "meeting 12", "/srv/a.db", "still typing", &id, err,
			   sizeof err);
		(void)!read(fds[0], &c, 1);    /* until the parent is done */
		_exit(0);
	}
	close(fds[0]);
	while (count_drafts(NULL) < 6)
		usleep(1000);

	CHECK_INT(draft_find("/srv/a.db", "note", "meeting 12", NULL, &d, err, sizeof err),
		  COPSE_OK);
	CHECK_STR(d.text, "newer line");
	CHECK_INT(d.live, 0);
	draft_done(&d);
	CHECK_INT(draft_find("/srv/a.db", "note", "meeting 14", NULL, &d, err, sizeof err),
		  COPSE_NOTFOUND);
	CHECK(d.id == NULL);
	CHECK_INT(draft_find("/srv/other.db", "note", "meeting 12", NULL, &d, err, sizeof err),
		  COPSE_NOTFOUND);
	close(fds[1]);
	waitpid(pid, &status, 0);
	/* this process's own drafts are never "live": a line it kept is
	 * offered back to it */
	setenv("COPSE_NOW", "2025-03-01T11:30:00Z", 1);
	CHECK_INT(draft_save("note", "meeting 12", "/srv/a.db", "kept by me", &mine,
			     err, sizeof err), COPSE_OK);
	CHECK_INT(draft_find("/srv/a.db", "note", "meeting 12", NULL, &d, err, sizeof err),
		  COPSE_OK);
	CHECK_STR(d.text, "kept by me");
	CHECK_INT(d.live, 0);
	draft_done(&d);
	free(mine);
}

TEST(a_draft_names_its_record_for_good)
{
	struct draft_meta m = {
		.kind = "entry", .context = "entry 11", .db_path = "/srv/a.db",
		.record = "entry", .record_id = 11, .record_created = "2024-12-29T20:40:00Z",
		.title = "Bedtime\nWithout a Battle", .version = 3,
	};
	struct draft d;
	char *id = NULL, *path = NULL;

	fresh_state();
	CHECK_INT(draft_save_meta(&m, "Title: Bedtime\n\nMy words.\n", &id, err, sizeof err),
		  COPSE_OK);
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
	CHECK_STR(d.record, "entry");
	CHECK_INT(d.record_id, 11);
	CHECK_STR(d.record_created, "2024-12-29T20:40:00Z");
	CHECK_STR(d.title, "Bedtime Without a Battle");   /* one header line */
	CHECK_INT(d.version, 3);
	CHECK_STR(d.text, "Title: Bedtime\n\nMy words.\n");
	/* the same record of the same database */
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "entry", 11, "2024-12-29T20:40:00Z"), 1);
	/* a later entry 11 (a database made anew at that path) */
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "entry", 11, "2025-03-01T09:00:00Z"), 0);
	/* another record, another database */
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "entry", 12, "2024-12-29T20:40:00Z"), 0);
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "topic", 11, "2024-12-29T20:40:00Z"), 0);
	CHECK_INT(draft_is_for(&d, "/srv/b.db", "entry", 11, "2024-12-29T20:40:00Z"), 0);
	CHECK_INT(draft_of_db(&d, "/srv/a.db"), 1);
	CHECK_INT(draft_of_db(&d, "/srv/b.db"), 0);
	draft_done(&d);
	/* draft_find never offers it to a later entry 11 */
	CHECK_INT(draft_find("/srv/a.db", "entry", "entry 11", "2025-03-01T09:00:00Z", &d,
			     err, sizeof err), COPSE_NOTFOUND);
	CHECK_INT(draft_find("/srv/a.db", "entry", "entry 11", "2024-12-29T20:40:00Z", &d,
			     err, sizeof err), COPSE_OK);
	CHECK_INT(d.version, 3);
	draft_done(&d);
	CHECK_INT(draft_discard(id, err, sizeof err), COPSE_OK);
	free(id);

	/* an editor draft says the same */
	id = NULL;
	CHECK_INT(draft_create_meta(&m, "text", &id, &path, err, sizeof err), COPSE_OK);
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
	CHECK_INT(d.record_id, 11);
	CHECK_INT(d.version, 3);
	CHECK_STR(d.text, "text\n");
	draft_done(&d);
	free(id);
	free(path);
}

TEST(older_drafts_and_new_records)
{
	struct draft d;
	char rec[32];
	int64_t rid;
	char *id = NULL;

	fresh_state();
	/* a draft from before records were named: its context says which,
	 * but not which one for good */
	CHECK_INT(draft_save("entry", "entry 7", "/srv/a.db", "x", &id, err, sizeof err),
		  COPSE_OK);
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
	CHECK_INT(draft_record(&d, rec, sizeof rec, &rid), 1);
	CHECK_STR(rec, "entry");
	CHECK_INT(rid, 7);
	CHECK_INT(d.version, 0);
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "entry", 7, "2024-01-01T00:00:00Z"), -1);
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "entry", 8, "2024-01-01T00:00:00Z"), 0);
	draft_done(&d);
	free(id);
	/* a new record's draft is for no record */
	id = NULL;
	CHECK_INT(draft_save("topic", "new topic", "/srv/a.db", "Title: T\n", &id, err,
			     sizeof err), COPSE_OK);
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
	CHECK_INT(draft_record(&d, rec, sizeof rec, &rid), 0);
	CHECK_STR(rec, "topic");
	CHECK_INT(rid, 0);
	CHECK(d.record == NULL);
	CHECK_INT(draft_is_for(&d, "/srv/a.db", "topic", 1, "2024-01-01T00:00:00Z"), 0);
	draft_done(&d);
	free(id);
	/* a malformed Record header is as if there were none */
	{
		struct draft_meta m = { .kind = "entry", .context = "new entry",
					.db_path = "/srv/a.db", .record = "en try",
					.record_id = 4 };
		id = NULL;
		CHECK_INT(draft_save_meta(&m, "x", &id, err, sizeof err), COPSE_OK);
		CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_OK);
		CHECK(d.record == NULL);
		CHECK_INT(draft_record(&d, rec, sizeof rec, &rid), 0);
		draft_done(&d);
		free(id);
	}
}

TEST(a_draft_naming_a_file_outside_the_drafts_dir_is_not_followed)
{
	struct draft d;
	char *dir = NULL, path[800], victim[800];
	FILE *fp;

	fresh_state();
	CHECK_INT(draft_dir(&dir, err, sizeof err), COPSE_OK);
	snprintf(victim, sizeof victim, "%s/victim.md", root);
	fp = fopen(victim, "w");
	if (fp) {
		fputs("not yours", fp);
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s/entry-evil.draft", dir ? dir : "");
	fp = fopen(path, "w");
	if (fp) {
		fprintf(fp, "Copse-Draft: 1\nKind: entry\nFile: ../../../victim.md\n\ninline\n");
		fclose(fp);
	}
	CHECK_INT(draft_load("entry-evil.draft", &d, err, sizeof err), COPSE_OK);
	CHECK_STR(d.text, "inline\n");        /* not the file it names */
	draft_done(&d);
	CHECK_INT(draft_discard("entry-evil.draft", err, sizeof err), COPSE_OK);
	CHECK(!exists(path));
	CHECK(exists(victim));                 /* not removed with it */
	free(dir);
}

TEST(foreign_files_in_the_drafts_dir_are_ignored)
{
	char *dir = NULL, path[800];
	FILE *fp;

	fresh_state();
	CHECK_INT(draft_dir(&dir, err, sizeof err), COPSE_OK);
	snprintf(path, sizeof path, "%s/stray.draft", dir);
	fp = fopen(path, "w");
	if (fp) {
		fputs("hello\nnot a draft\n", fp);
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	fp = fopen(path, "w");
	if (fp)
		fclose(fp);
	CHECK_INT(count_drafts(NULL), 0);
	free(dir);
}

/* A NUL byte in a kept draft (an editor that wrote one, a file made by
 * hand) would cut the text there: the draft is refused, whole and kept,
 * with a message naming it and the line; never handed back cut short. */
TEST(a_draft_holding_a_nul_byte_is_refused_not_cut)
{
	struct draft d, *v = NULL;
	char *id = NULL, *eid = NULL, *path = NULL, *dir = NULL, file[800];
	size_t n = 0;
	FILE *fp;

	fresh_state();
	CHECK_INT(draft_save("note", "meeting 12", "/srv/a.db", "first line", &id,
			     err, sizeof err), COPSE_OK);
	CHECK_INT(draft_dir(&dir, err, sizeof err), COPSE_OK);
	snprintf(file, sizeof file, "%s/%s", dir ? dir : "", id ? id : "");
	fp = fopen(file, "a");
	if (fp) {
		fwrite("\nsecond\0 and the rest", 1, 21, fp);
		fclose(fp);
	}
	CHECK_INT(draft_load(id, &d, err, sizeof err), COPSE_INVALID);
	CHECK(strstr(err, id) != NULL);                 /* names the draft */
	CHECK(strstr(err, "NUL") != NULL);
	CHECK(d.text == NULL);                          /* nothing cut short */
	draft_done(&d);

	CHECK_INT(draft_create("entry", "entry 4", "/srv/a.db", "Title: x\n\nbody\n", &eid, &path,
			       err, sizeof err), COPSE_OK);
	fp = path ? fopen(path, "w") : NULL;
	if (fp) {
		fwrite("Title: x\n\nbody\0tail\n", 1, 20, fp);
		fclose(fp);
	}
	CHECK_INT(draft_load(eid, &d, err, sizeof err), COPSE_INVALID);
	CHECK(strstr(err, eid) != NULL && strstr(err, "line 3") != NULL);
	draft_done(&d);

	/* listed all the same, each saying why it cannot come back */
	CHECK_INT(draft_list("/srv/a.db", &v, &n, err, sizeof err), COPSE_OK);
	CHECK_INT(n, 2);
	for (size_t i = 0; i < n; i++) {
		CHECK(v[i].problem && strstr(v[i].problem, "NUL") && strstr(v[i].problem, v[i].id));
		CHECK(v[i].text == NULL);
	}
	draft_list_free(v, n);
	/* never offered back to the record's editor as if it were empty */
	CHECK_INT(draft_find("/srv/a.db", "entry", "entry 4", NULL, &d, err, sizeof err),
		  COPSE_INVALID);
	CHECK(strstr(err, eid) != NULL);
	draft_done(&d);
	/* the files are left as they were */
	CHECK(exists(file));
	CHECK(path && exists(path));
	free(id);
	free(eid);
	free(path);
	free(dir);
}

/* A kept draft is recovered by one session only: four processes claim
 * it at once, exactly one gets it; while that one runs the draft is
 * "live" for every other (listed so, not found, not claimed: "recovered
 * in another session"); once it has ended the draft can be claimed
 * again, and it kept its text, kind, record and time. */
TEST(a_kept_draft_is_claimed_by_one_session_only)
{
	struct draft d, *v = NULL;
	char *id = NULL;
	int status = 0, fds[2], got[4], ok = 0, busy = 0, wins[2];
	pid_t pid, kids[4];
	size_t n = 0;

	fresh_state();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {            /* the session that died */
		struct draft_meta m = { .kind = "note", .context = "meeting 12",
					.db_path = "/srv/a.db", .record = "meeting",
					.record_id = 12, .record_created = "2025-01-01T10:00:00Z",
					.title = "Planning" };
		setenv("COPSE_NOW", "2025-03-01T10:00:00Z", 1);
		draft_save_meta(&m, "we meet on Thursdays", &id, err, sizeof err);
		_exit(id ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK_INT(draft_list("/srv/a.db", &v, &n, err, sizeof err), COPSE_OK);
	CHECK_INT((int)n, 1);
	if (n != 1)
		return;
	id = xstrdup(v[0].id);
	draft_list_free(v, n);

	CHECK_INT(pipe(fds), 0);
	CHECK_INT(pipe(wins), 0);
	fflush(stdout);
	for (int k = 0; k < 4; k++) {
		if ((kids[k] = fork()) == 0) {
			struct draft c;
			char e[256], res;
			int rc;

			close(fds[1]);
			close(wins[0]);
			rc = draft_claim(id, &c, e, sizeof e);
			res = rc == COPSE_OK ? 'y' : rc == COPSE_BUSY ? 'b' : 'x';
			if (rc == COPSE_OK && strcmp(c.text, "we meet on Thursdays") != 0)
				res = 't';
			(void)!write(wins[1], &res, 1);
			draft_done(&c);
			(void)!read(fds[0], &res, 1);     /* stay alive until told */
			_exit(0);
		}
	}
	close(fds[0]);
	close(wins[1]);
	for (int k = 0; k < 4; k++) {
		char res = 0;
		(void)!read(wins[0], &res, 1);
		got[k] = res;
		ok += res == 'y';
		busy += res == 'b';
	}
	close(wins[0]);
	CHECK_INT(ok, 1);
	CHECK_INT(busy, 3);
	(void)got;
	/* the winner runs: the draft is its own now */
	CHECK_INT(draft_list("/srv/a.db", &v, &n, err, sizeof err), COPSE_OK);
	CHECK_INT((int)n, 1);
	if (n == 1) {
		CHECK_INT(v[0].live, 1);
		CHECK_STR(v[0].created, "2025-03-01T10:00:00Z");
		CHECK_STR(v[0].record, "meeting");
		CHECK_STR(v[0].title, "Planning");
	}
	draft_list_free(v, n);
	CHECK_INT(draft_find("/srv/a.db", "note", "meeting 12", NULL, &d, err, sizeof err),
		  COPSE_NOTFOUND);
	CHECK_INT(draft_claim(id, &d, err, sizeof err), COPSE_BUSY);
	CHECK(strstr(err, "recovered in another session") != NULL);
	CHECK(d.id == NULL);
	/* the winner ends without saving: the draft is offered again */
	close(fds[1]);
	for (int k = 0; k < 4; k++)
		waitpid(kids[k], &status, 0);
	CHECK_INT(draft_claim(id, &d, err, sizeof err), COPSE_OK);
	CHECK_STR(d.text, "we meet on Thursdays");
	CHECK_STR(d.kind, "note");
	CHECK_INT(d.record_id, 12);
	CHECK_INT(d.live, 0);
	draft_done(&d);
	/* claiming one's own again is fine; one that is gone is NOTFOUND */
	CHECK_INT(draft_claim(id, &d, err, sizeof err), COPSE_OK);
	draft_done(&d);
	CHECK_INT(draft_discard(id, err, sizeof err), COPSE_OK);
	CHECK_INT(draft_claim(id, &d, err, sizeof err), COPSE_NOTFOUND);
	free(id);
}

int main(void)
{
	harness_init();
	if (statedir_init("draft") != 0)
		return 1;
	RUN(a_too_open_drafts_directory_is_made_private);
	RUN(drafts_default_to_home_local_state);
	RUN(quick_note_drafts_save_list_load_discard);
	RUN(draft_find_offers_the_newest_draft_nobody_is_editing);
	RUN(a_draft_names_its_record_for_good);
	RUN(older_drafts_and_new_records);
	RUN(a_draft_naming_a_file_outside_the_drafts_dir_is_not_followed);
	RUN(foreign_files_in_the_drafts_dir_are_ignored);
	RUN(a_draft_holding_a_nul_byte_is_refused_not_cut);
	RUN(a_kept_draft_is_claimed_by_one_session_only);
	rm_rf(root);
	return harness_done();
}
