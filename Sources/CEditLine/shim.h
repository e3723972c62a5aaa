// libedit (Debian libedit-dev) for Swift: Swift cannot call C variadic functions, so each
// el_set/el_get/history operation dossier uses has a small inline wrapper here, and the C
// stream globals Swift 6 rejects are returned from functions.
#ifndef DOSSIER_CEDITLINE_SHIM_H
#define DOSSIER_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*dossier_prompt_fn)(EditLine *);
typedef unsigned char (*dossier_command_fn)(EditLine *, int);

static inline FILE *dossier_stdin(void) { return stdin; }
static inline FILE *dossier_stdout(void) { return stdout; }
static inline FILE *dossier_stderr(void) { return stderr; }

static inline int dossier_el_set_prompt(EditLine *el, dossier_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int dossier_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int dossier_el_set_signal(EditLine *el, int flag) {
    return el_set(el, EL_SIGNAL, flag);
}
static inline int dossier_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int dossier_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *dossier_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int dossier_el_add_function(EditLine *el, const char *name, const char *help, dossier_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int dossier_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
static inline void dossier_el_refresh(EditLine *el) {
    el_set(el, EL_REFRESH);
}

static inline int dossier_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}
static inline int dossier_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}
static inline int dossier_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

#endif
