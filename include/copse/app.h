/* app.h - the full-screen application. */
#ifndef COPSE_APP_H
#define COPSE_APP_H

#include "copse/db.h"

/* Run the full-screen app on an open database until the user quits.
 * Returns a process exit status.  Environment: COPSE_SCRIPT (scripted
 * keys, headless display sized by LINES/COLUMNS), NO_COLOR, TERM. */
int app_run(struct db *db);

#endif
