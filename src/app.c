/* app.c - placeholder until the full-screen app lands (issue 3). */
#include <stdio.h>

#include "copse/app.h"

int app_run(struct db *db)
{
	(void)db;
	fprintf(stderr, "copse: the full-screen app is not built yet; see 'copse --help'\n");
	return 1;
}
