/* test_editor.c - running the editor: the command, the shell around it,
 * signals, the terminal suspended, and the draft it edits.
 *
 * The editor is tests/tools/fake-editor.sh or a small sh -c script; HOME
 * and XDG_STATE_HOME point into a temporary directory (statedir.h). */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copse/draft.h"
#include "copse/editor.h"
#include "copse/status.h"
#include "copse/util.h"
#include "harness.h"
#include "statedir.h"

#define FAKE "tests/tools/fake-editor.sh"

static void set_editor(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void set_editor(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	unsetenv("VISUAL");
	setenv("EDITOR", cmd, 1);
}

/* ---- editor_command ---- */

TEST(visual_wins_over_editor_and_vi_is_the_default)
{
	fresh_state();
	CHECK_STR(editor_command(), "vi");
	setenv("EDITOR", "nano -w", 1);
	CHECK_STR(editor_command(), "nano -w");
	setenv("VISUAL", "vim -u NONE", 1);
	CHECK_STR(editor_command(), "vim -u NONE");
	setenv("VISUAL", "", 1);   /* empty VISUAL does not count */
	CHECK_STR(editor_command(), "nano -w");
}

/* ---- editor_run ---- */

TEST(editor_writes_new_text_and_it_comes_back_changed)
{
	struct editor_result r;
	int rc;

	fresh_state();
	set_editor("sh -c 'printf \"new\" > \"$1\"' sh");
	rc = editor_run("old text", &(struct editor_opts){ .kind = "entry", .context = "entry 3" },
			&r, err, sizeof err);
	CHECK_INT(rc, COPSE_OK);
	if (rc)
		printf("# %s\n", err);
	CHECK_STR(r.text, "new");
	CHECK_INT(r.changed, 1);
	CHECK_INT(r.exit_status, 0);
	CHECK(r.path && ends_with(r.path, ".md"));
	CHECK(r.path && strncmp(r.path, state, strlen(state)) == 0);
	CHECK(r.draft && ends_with(r.draft, ".draft"));
	CHECK(r.draft && strncmp(r.draft, "entry-", 6) == 0);
	/* kept until the caller confirms it was saved */
	CHECK_INT(count_drafts(NULL), 1);
	CHECK_INT(draft_discard(r.draft, err, sizeof err), COPSE_OK);
	CHECK_INT(count_drafts(NULL), 0);
	CHECK(!exists(r.path));
	editor_result_done(&r);
}

TEST(editor_with_arguments_runs_through_the_shell)
{
	struct editor_result r;

	fresh_state();
	set_editor("sh " FAKE " write 'hello, wörld'");
	CHECK_INT(editor_run("x", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_STR(r.text, "hello, wörld");
	CHECK_INT(r.changed, 1);
	editor_result_done(&r);

	/* a sed expression with spaces, quotes and $ survives as one argument */
	set_editor("sh " FAKE " sed 's/^Title: .*$/Title: It'\\''s new/'");
	CHECK_INT(editor_run("Title: old\n\nbody\n", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_STR(r.text, "Title: It's new\n\nbody\n");
	editor_result_done(&r);
}

TEST(visual_wins_when_running)
{
	struct editor_result r;

	fresh_state();
	set_editor("sh " FAKE " write from-editor");
	setenv("VISUAL", "sh " FAKE " write from-visual", 1);
	CHECK_INT(editor_run("", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_STR(r.text, "from-visual");
	editor_result_done(&r);
}

TEST(unchanged_text_is_not_changed)
{
	struct editor_result r;

	fresh_state();
	set_editor("sh " FAKE " keep");
	/* copse adds the final newline editors expect; that is no change */
	CHECK_INT(editor_run("# Notes\n\nsame", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_INT(r.changed, 0);
	CHECK_STR(r.text, "# Notes\n\nsame\n");
	editor_result_done(&r);

	CHECK_INT(editor_run(NULL, NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_INT(r.changed, 0);
	CHECK_STR(r.text, "");
	editor_result_done(&r);

	/* an editor that adds a newline (vim) is no change either */
	set_editor("sh " FAKE " append '\n'");
	CHECK_INT(editor_run("line\n", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_INT(r.changed, 0);
	editor_result_done(&r);

	/* but one more character is */
	set_editor("sh " FAKE " append '.'");
	CHECK_INT(editor_run("line", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_INT(r.changed, 1);
	CHECK_STR(r.text, "line\n.");
	editor_result_done(&r);
}

TEST(editor_failure_saves_nothing_but_keeps_the_draft)
{
	struct editor_result r;
	struct draft d;
	int rc;

	fresh_state();
	set_editor("sh -c 'printf \"half written\" > \"$1\"; exit 3' sh");
	rc = editor_run("start", &(struct editor_opts){ .kind = "note", .context = "meeting 12" },
			&r, err, sizeof err);
	CHECK_INT(rc, COPSE_IO);
	CHECK_STR(err, "editor exited with status 3; nothing saved");
	CHECK_INT(r.exit_status, 3);
	CHECK(r.draft != NULL);
	CHECK(r.path && exists(r.path));
	CHECK_INT(draft_load(r.draft, &d, err, sizeof err), COPSE_OK);
	CHECK_STR(d.text, "half written");
	CHECK_STR(d.kind, "note");
	CHECK_STR(d.context, "meeting 12");
	draft_done(&d);
	editor_result_done(&r);
	CHECK_INT(count_drafts(NULL), 1);

	set_editor("copse-no-such-editor-xyz");
	CHECK_INT(editor_run("x", NULL, &r, err, sizeof err), COPSE_IO);
	CHECK_STR(err, "editor 'copse-no-such-editor-xyz' not found; nothing saved");
	editor_result_done(&r);

	set_editor("sh -c 'kill -TERM $$' sh");
	CHECK_INT(editor_run("x", NULL, &r, err, sizeof err), COPSE_IO);
	CHECK_STR(err, "editor killed by signal 15; nothing saved");
	editor_result_done(&r);
}

TEST(draft_file_is_0600_in_a_0700_directory)
{
	struct editor_result r;
	char log[700], line[1024], dir[700];
	FILE *fp;

	fresh_state();
	snprintf(log, sizeof log, "%s/editor.log", root);
	unlink(log);
	setenv("FAKE_EDITOR_LOG", log, 1);
	set_editor("sh " FAKE " write x");
	umask(022);
	CHECK_INT(editor_run("secret", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK(r.path != NULL);
	/* what the editor saw while it ran */
	fp = fopen(log, "r");
	CHECK(fp != NULL);
	if (fp && fgets(line, sizeof line, fp)) {
		char want[1024];
		snprintf(want, sizeof want, "%s 600 700\n", r.path);
		CHECK_STR(line, want);
	}
	if (fp)
		fclose(fp);
	snprintf(dir, sizeof dir, "%s/copse/drafts", state);
	CHECK_INT(file_mode(dir), 0700);
	CHECK_INT(file_mode(r.path), 0600);
	{
		char hdr[800];
		snprintf(hdr, sizeof hdr, "%s/%s", dir, r.draft);
		CHECK_INT(file_mode(hdr), 0600);
	}
	editor_result_done(&r);
	unsetenv("FAKE_EDITOR_LOG");
}

TEST(file_names_with_spaces_and_quotes_need_no_quoting)
{
	struct editor_result r;
	char odd[800];

	fresh_state();
	snprintf(odd, sizeof odd, "%s/it's a \"dir\" $HOME", root);
	rm_rf(odd);
	mkdir(odd, 0700);
	setenv("XDG_STATE_HOME", odd, 1);
	set_editor("sh " FAKE " write ok");
	CHECK_INT(editor_run("x", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_STR(r.text, "ok");
	editor_result_done(&r);
	rm_rf(odd);
	setenv("XDG_STATE_HOME", state, 1);
}

static int n_suspend, n_resume, order_ok;
static char suspend_log[700];

static void on_suspend(void *ctx)
{
	n_suspend++;
	*(int *)ctx = 1;
	/* the editor must not have run yet */
	order_ok = !exists(suspend_log);
}

static void on_resume(void *ctx)
{
	(void)ctx;
	n_resume++;
	/* the editor has run */
	order_ok = order_ok && exists(suspend_log);
}

TEST(curses_is_suspended_around_the_editor)
{
	struct editor_result r;
	int flag = 0;

	fresh_state();
	n_suspend = n_resume = order_ok = 0;
	snprintf(suspend_log, sizeof suspend_log, "%s/ran", root);
	unlink(suspend_log);
	set_editor("sh -c 'touch \"%s\"' sh", suspend_log);
	CHECK_INT(editor_run("x", &(struct editor_opts){ .suspend = on_suspend,
							 .resume = on_resume, .ctx = &flag },
			     &r, err, sizeof err), COPSE_OK);
	CHECK_INT(n_suspend, 1);
	CHECK_INT(n_resume, 1);
	CHECK_INT(flag, 1);
	CHECK_INT(order_ok, 1);
	editor_result_done(&r);

	/* also on failure */
	set_editor("sh " FAKE " fail 1");
	CHECK_INT(editor_run("x", &(struct editor_opts){ .suspend = on_suspend,
							 .resume = on_resume, .ctx = &flag },
			     &r, err, sizeof err), COPSE_IO);
	CHECK_INT(n_suspend, 2);
	CHECK_INT(n_resume, 2);
	editor_result_done(&r);
}

static volatile sig_atomic_t got_int;
static void on_int(int sig)
{
	(void)sig;
	got_int++;
}

TEST(ctrl_c_goes_to_the_editor_not_to_copse)
{
	struct editor_result r;
	struct sigaction sa, now;
	char pid[32];

	fresh_state();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_int;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	got_int = 0;
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	setenv("COPSE_TEST_PID", pid, 1);
	set_editor("sh -c 'kill -INT $COPSE_TEST_PID; kill -QUIT $COPSE_TEST_PID; printf done > \"$1\"' sh");
	CHECK_INT(editor_run("x", NULL, &r, err, sizeof err), COPSE_OK);
	CHECK_STR(r.text, "done");
	CHECK_INT(got_int, 0);             /* ignored while the editor ran */
	sigaction(SIGINT, NULL, &now);
	CHECK(now.sa_handler == on_int);   /* and our handler is back */
	raise(SIGINT);
	CHECK_INT(got_int, 1);
	signal(SIGINT, SIG_DFL);
	editor_result_done(&r);
}

TEST(sighup_during_an_edit_keeps_the_draft)
{
	struct draft *v = NULL;
	size_t n = 0;
	int status = 0;
	pid_t pid;

	fresh_state();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct editor_result r;
		char me[32];

		snprintf(me, sizeof me, "%ld", (long)getpid());
		setenv("COPSE_TEST_PID", me, 1);
		/* the user typed and saved, then the connection dropped */
		set_editor("sh -c 'printf \"half typed 山田\" > \"$1\"; kill -HUP $COPSE_TEST_PID; exit 129' sh");
		editor_run("x", &(struct editor_opts){ .kind = "entry", .context = "entry 7",
						       .db_path = "/srv/copse/c.db" },
			   &r, err, sizeof err);
		_exit(0);   /* not reached: SIGHUP ends the process */
	}
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP);
	CHECK_INT(draft_list("/srv/copse/c.db", &v, &n, err, sizeof err), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(v[0].text, "half typed 山田");
		CHECK_STR(v[0].kind, "entry");
		CHECK_STR(v[0].context, "entry 7");
		CHECK_STR(v[0].db_path, "/srv/copse/c.db");
		CHECK_INT(v[0].pid, pid);
		CHECK_INT(v[0].live, 0);   /* its process is gone: offer it */
		CHECK_INT(draft_discard(v[0].id, err, sizeof err), COPSE_OK);
	}
	draft_list_free(v, n);
	CHECK_INT(count_drafts(NULL), 0);
}

int main(void)
{
	harness_init();
	if (statedir_init("editor") != 0)
		return 1;
	if (access(FAKE, R_OK) != 0) {
		printf("not ok - %s: fake editor %s not found (run from the source root)\n",
		       __FILE__, FAKE);
		return 1;
	}
	RUN(visual_wins_over_editor_and_vi_is_the_default);
	RUN(editor_writes_new_text_and_it_comes_back_changed);
	RUN(editor_with_arguments_runs_through_the_shell);
	RUN(visual_wins_when_running);
	RUN(unchanged_text_is_not_changed);
	RUN(editor_failure_saves_nothing_but_keeps_the_draft);
	RUN(draft_file_is_0600_in_a_0700_directory);
	RUN(file_names_with_spaces_and_quotes_need_no_quoting);
	RUN(curses_is_suspended_around_the_editor);
	RUN(ctrl_c_goes_to_the_editor_not_to_copse);
	RUN(sighup_during_an_edit_keeps_the_draft);
	rm_rf(root);
	return harness_done();
}
