/*
 * actions.h - the dot-commands that work on the whole case or the results
 * (actions.c); the editing commands are in chart.c, the table in
 * commands.c. Each takes the command's words (argv[0] is the command) and
 * returns 0, or -1 after printing why.
 */
#ifndef NMS_REPL_ACTIONS_H
#define NMS_REPL_ACTIONS_H

#include "session/session.h"

int act_new(struct session *s, int argc, char **argv);
int act_load(struct session *s, int argc, char **argv);
int act_save(struct session *s, int argc, char **argv);
int act_show(struct session *s, int argc, char **argv);
int act_json(struct session *s, int argc, char **argv);
int act_eval(struct session *s, int argc, char **argv);
int act_why(struct session *s, int argc, char **argv);
int act_whynot(struct session *s, int argc, char **argv);
int act_whatif(struct session *s, int argc, char **argv);
int act_diff(struct session *s, int argc, char **argv);
int act_timeline(struct session *s, int argc, char **argv);
int act_at(struct session *s, int argc, char **argv);
int act_plot(struct session *s, int argc, char **argv);
int act_rules(struct session *s, int argc, char **argv);
int act_reload(struct session *s, int argc, char **argv);
int act_help(struct session *s, int argc, char **argv);
int act_quit(struct session *s, int argc, char **argv);

#endif
