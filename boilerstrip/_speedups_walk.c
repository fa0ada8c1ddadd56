/* The HTML segmenter's parser-target callbacks in C: the compiled form of
 * boilerstrip.segment_html._Walk, which is the reference (same state under the same names, same
 * steps, same results). lxml calls start(tag, attrib), end(tag) and data(text) for every event of
 * the page; in plain Python those callbacks are about half of the time of an HTML extraction.
 *
 * What is rare stays in Python and is called back on the instance (its class is
 * segment_html.Segmenter, a subclass of this type): _start_other (events outside the walk),
 * _reset_walk, _tick (the budget check), _sink_text (metadata text), _h1_done, _end_walk. The
 * tables and helpers the walk shares with the Python side (tag infos, cue caches, Segment, ...) are
 * handed over once by walk_setup().
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>

/* segment_html's constants (same values). */
#define SINK_NONE 0
#define SINK_WALK 1
#define SINK_LD 2
#define SINK_NOSCRIPT 5 /* segment_html._SINK_NOSCRIPT */
#define MODE_WALK 1
#define KIND_BLOCK 2
#define KIND_SKIP 3
#define F_A 1
#define F_BR 2
#define F_PRE 4
#define F_H1 8
#define F_IMAGE 16
#define F_SCRIPT 32
#define F_MEDIA 64
#define F_NOSCRIPT 128
#define A_TOKENS 1
#define TOKEN_VALUE_CHARS 300
#define NAMES_MAX 10000

/* Set by walk_setup(): borrowed for the life of the module (references kept here). */
static PyObject *g_tag_infos, *g_tag_info, *g_attrs, *g_cue_cache, *g_token_cues, *g_attr_cues,
    *g_element_cues, *g_masks, *g_headings, *g_segment, *g_br, *g_pre_join, *g_clean_join,
    *g_token_cache, *g_new_token_cues;
static Py_ssize_t g_masks_max, g_check_mask, g_near_levels, g_cache_max, g_max_token_chars;
/* The cues an inline element passes on to its block (patterns.INLINE_CUES). */
static long g_inline_keep = -1;
static PyObject *s_type, *s_get, *s_items, *s_slash, *s_empty, *s_ld_json, *s_start_other,
    *s_reset_walk, *s_tick, *s_sink_text, *s_h1_done, *s_end_walk, *zero, *s_source,
    *s_noscript_start;
/* One string per tag name (segment_html._names): the element records share them. */
static PyObject *g_names;

/* An open element (segment_html._Walk.nodes and .kids): its record (-1: none) and the counts of
 * its children so far, per tag: those of the first child's tag inline, the others in a dict
 * (tag -> count << 32 | record of the first such child + 1). */
typedef struct {
    int32_t el, first_count, first_el;
    PyObject *first_tag; /* NULL until a child is counted */
    PyObject *more;      /* NULL until a child of another tag */
} OpenEl;

typedef struct {
    PyObject_HEAD
    PyObject *pend, *data, *buf, *segs, *parent, *cum, *frame_cues, *frame_stack, *h1_text;
    int depth, mode, skip, last_depth, head, walk_depth, sink, pre, h1_open, link_depth;
    int ns; /* inside a noscript whose text is counted (segment_html._Rare._noscript_start) */
    Py_ssize_t ticks, link_chars;
    long inline_cues;
    char root_mode, ws, has_br, br_run, image_pending;
    /* The element records (segment_html._Walk.el_*): n_el of them, room for cap_el. */
    PyObject **el_tag;
    PyObject **el_path; /* the paths written so far: made (n_path long) when the first is asked */
    int32_t *el_parent, *el_index;
    unsigned char *el_twin;
    Py_ssize_t n_el, cap_el, n_path;
    OpenEl *open; /* the open elements */
    Py_ssize_t n_open, cap_open;
    int32_t *bn; /* block_nodes: the records of the open blocks */
    Py_ssize_t n_bn, cap_bn;
    int32_t *sn; /* seg_nodes: the record of every block made (-1: none) */
    Py_ssize_t n_sn, cap_sn;
} Walk;

/* The list fields, and all object fields (``data`` is the parser's data callback, pend.append). */
#define LIST_FIELDS(X) \
    X(pend) X(buf) X(segs) X(parent) X(cum) X(frame_cues) X(frame_stack) X(h1_text)
#define OBJ_FIELDS(X) LIST_FIELDS(X) X(data)

static int
Walk_traverse(Walk *self, visitproc visit, void *arg)
{
#define VISIT(f) Py_VISIT(self->f);
    OBJ_FIELDS(VISIT)
#undef VISIT
    return 0;
}

/* --- element records ------------------------------------------------------------------- */

/* Room for `need` items in a buffer of `size`-byte items (doubling). */
static int
grow(void **buf, Py_ssize_t *cap, Py_ssize_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    Py_ssize_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    if ((size_t)c > PY_SSIZE_T_MAX / size) {
        PyErr_NoMemory();
        return -1;
    }
    void *more = PyMem_Realloc(*buf, (size_t)c * size);
    if (more == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *buf = more;
    *cap = c;
    return 0;
}

/* *buf cut down to n items of `size` bytes (a shorter realloc: the room grow() left past the last
 * record is given back once no record is added). */
static void
shrink(void **buf, Py_ssize_t n, size_t size)
{
    if (*buf == NULL)
        return;
    void *less = PyMem_Realloc(*buf, (size_t)(n ? n : 1) * size);
    if (less != NULL)
        *buf = less;
}

static void
open_drop(OpenEl *o)
{
    Py_CLEAR(o->first_tag);
    Py_CLEAR(o->more);
}

/* Drop the records of the open blocks and of the blocks made. */
static void
clear_blocks(Walk *self)
{
    self->n_bn = 0;
    self->n_sn = 0;
}

/* Drop every element record and open element (and the blocks' records); the buffers are freed. */
static void
clear_elements(Walk *self)
{
    for (Py_ssize_t i = 0; i < self->n_el; i++)
        Py_XDECREF(self->el_tag[i]);
    for (Py_ssize_t i = 0; i < self->n_path; i++)
        Py_XDECREF(self->el_path[i]);
    for (Py_ssize_t i = 0; i < self->n_open; i++)
        open_drop(&self->open[i]);
    PyMem_Free(self->el_tag);
    PyMem_Free(self->el_path);
    PyMem_Free(self->el_parent);
    PyMem_Free(self->el_index);
    PyMem_Free(self->el_twin);
    PyMem_Free(self->open);
    PyMem_Free(self->bn);
    PyMem_Free(self->sn);
    self->el_tag = self->el_path = NULL;
    self->el_parent = self->el_index = self->bn = self->sn = NULL;
    self->el_twin = NULL;
    self->open = NULL;
    self->n_el = self->cap_el = self->n_path = self->n_open = self->cap_open = 0;
    self->n_bn = self->cap_bn = self->n_sn = self->cap_sn = 0;
}

/* A new record (segment_html._Walk._record): its number, or -1 with an exception. */
static int32_t
new_record(Walk *self, PyObject *tag, int32_t par, int32_t index)
{
    Py_ssize_t n = self->n_el;
    if (n >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "too many elements");
        return -1;
    }
    if (n == self->cap_el) {
        Py_ssize_t c1 = self->cap_el, c3 = c1, c4 = c1, c5 = c1;
        if (grow((void **)&self->el_tag, &c1, n + 1, sizeof(PyObject *)) < 0
            || grow((void **)&self->el_parent, &c3, n + 1, sizeof(int32_t)) < 0
            || grow((void **)&self->el_index, &c4, n + 1, sizeof(int32_t)) < 0
            || grow((void **)&self->el_twin, &c5, n + 1, 1) < 0)
            return -1;
        self->cap_el = c1; /* (all grew to the same size, or the record is not added) */
        if (c3 != c1 || c4 != c1 || c5 != c1) {
            PyErr_SetString(PyExc_SystemError, "element buffers out of step");
            return -1;
        }
    }
    /* The one shared string of the tag's name. */
    if (PyDict_GET_SIZE(g_names) >= NAMES_MAX)
        PyDict_Clear(g_names);
    PyObject *name = PyDict_SetDefault(g_names, tag, tag);
    if (name == NULL)
        return -1;
    Py_INCREF(name);
    self->el_tag[n] = name;
    self->el_parent[n] = par;
    self->el_index[n] = index;
    self->el_twin[n] = index > 1;
    self->n_el = n + 1;
    return (int32_t)n;
}

/* Count a child ``tag`` of the open element ``o`` (which has a record): its index among the
 * children of that tag, or -1 with an exception. */
static long
count_child(Walk *self, OpenEl *o, PyObject *tag)
{
    if (o->first_tag == NULL) {
        Py_INCREF(tag);
        o->first_tag = tag;
        o->first_count = 1;
        o->first_el = -1;
        return 1;
    }
    int same = o->first_tag == tag;
    if (!same) {
        same = PyObject_RichCompareBool(o->first_tag, tag, Py_EQ);
        if (same < 0)
            return -1;
    }
    if (same) {
        if (o->first_count == INT32_MAX) {
            PyErr_SetString(PyExc_OverflowError, "too many children");
            return -1;
        }
        long i = ++o->first_count;
        if (i == 2 && o->first_el >= 0)
            self->el_twin[o->first_el] = 1; /* the first child of its tag has a twin after all */
        return i;
    }
    if (o->more == NULL && (o->more = PyDict_New()) == NULL)
        return -1;
    PyObject *c = PyDict_GetItemWithError(o->more, tag);
    long long v = 0;
    if (c != NULL) {
        v = PyLong_AsLongLong(c);
        if (v == -1 && PyErr_Occurred())
            return -1;
    } else if (PyErr_Occurred()) {
        return -1;
    }
    long long count = (v >> 32) + 1, first_el = (v & 0xffffffffLL) - 1;
    if (count > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "too many children");
        return -1;
    }
    if (count == 2 && first_el >= 0)
        self->el_twin[first_el] = 1;
    PyObject *nv = PyLong_FromLongLong((count << 32) | (first_el + 1));
    if (nv == NULL)
        return -1;
    int r = PyDict_SetItem(o->more, tag, nv);
    Py_DECREF(nv);
    return r < 0 ? -1 : (long)count;
}

/* The first child of its tag got record ``el``: note it in the counts of the open element ``o``
 * (segment_html._Walk._push: got[1] = el). */
static int
note_first(OpenEl *o, PyObject *tag, int32_t el)
{
    if (o->first_tag == tag || o->more == NULL) {
        o->first_el = el;
        return 0;
    }
    int same = PyObject_RichCompareBool(o->first_tag, tag, Py_EQ);
    if (same < 0)
        return -1;
    if (same) {
        o->first_el = el;
        return 0;
    }
    PyObject *nv = PyLong_FromLongLong((1LL << 32) | ((long long)el + 1));
    if (nv == NULL)
        return -1;
    int r = PyDict_SetItem(o->more, tag, nv);
    Py_DECREF(nv);
    return r;
}

/* segment_html._Walk._push: ``tag`` (NULL: not counted) opens below the innermost open element;
 * a record when ``record``. Its record number (-1: none), or -2 with an exception. */
static int32_t
push_el(Walk *self, PyObject *tag, int record)
{
    int32_t par = self->n_open ? self->open[self->n_open - 1].el : -1;
    long index = 0;
    if (par >= 0 && tag != NULL) {
        index = count_child(self, &self->open[self->n_open - 1], tag);
        if (index < 0)
            return -2;
    } else if (record) {
        PyErr_SetString(PyExc_ValueError, "an element record needs its parent's");
        return -2;
    }
    int32_t el = -1;
    if (record) {
        el = new_record(self, tag, par, (int32_t)index);
        if (el < 0)
            return -2;
        if (index == 1 && note_first(&self->open[self->n_open - 1], tag, el) < 0)
            return -2;
    }
    if (grow((void **)&self->open, &self->cap_open, self->n_open + 1, sizeof(OpenEl)) < 0)
        return -2;
    OpenEl *o = &self->open[self->n_open++];
    o->el = el;
    o->first_count = 0;
    o->first_el = -1;
    o->first_tag = NULL;
    o->more = NULL;
    return el;
}

static int
pop_el(Walk *self)
{
    if (self->n_open == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return -1;
    }
    open_drop(&self->open[--self->n_open]);
    return 0;
}

static int
push_i32(int32_t **buf, Py_ssize_t *n, Py_ssize_t *cap, int32_t v)
{
    if (grow((void **)buf, cap, *n + 1, sizeof(int32_t)) < 0)
        return -1;
    (*buf)[(*n)++] = v;
    return 0;
}

static int
Walk_clear(Walk *self)
{
#define CLEAR(f) Py_CLEAR(self->f);
    OBJ_FIELDS(CLEAR)
#undef CLEAR
    clear_elements(self);
    return 0;
}

static void
Walk_dealloc(Walk *self)
{
    PyObject_GC_UnTrack(self);
    Walk_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Walk_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Walk *self = (Walk *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    /* Empty lists until the Python side sets its own. */
#define INIT(f) if ((self->f = PyList_New(0)) == NULL) { Py_DECREF(self); return NULL; }
    LIST_FIELDS(INIT)
#undef INIT
    return (PyObject *)self;
}

/* A list member the Python side may have set to something else. */
static int
need_list(PyObject *o, const char *name)
{
    if (o == NULL || !PyList_CheckExact(o)) {
        PyErr_Format(PyExc_TypeError, "Walk.%s must be a list", name);
        return -1;
    }
    return 0;
}

static int
check_lists(Walk *self)
{
#define CHECK(f) if (need_list(self->f, #f) < 0) return -1;
    LIST_FIELDS(CHECK)
#undef CHECK
    return 0;
}

/* --- strings ------------------------------------------------------------------------------- */

/* str.isspace(): a non-empty string of whitespace only. */
static int
str_isspace(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

/* len(s.strip()) */
static Py_ssize_t
stripped_len(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = 0, j;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
        i++;
    j = n;
    while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
        j--;
    return j - i;
}

/* " ".join("".join(pieces).split()) for a list of str, without the intermediate strings: one pass
 * to measure (length and widest character of the result), one to write. */
static PyObject *
collapse_join(PyObject *pieces)
{
    Py_ssize_t n = PyList_GET_SIZE(pieces), out = 0;
    Py_UCS4 maxchar = 0;
    int gap = 0, started = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *p = PyList_GET_ITEM(pieces, k);
        if (!PyUnicode_Check(p)) {
            PyErr_SetString(PyExc_TypeError, "block text pieces must be str");
            return NULL;
        }
        Py_ssize_t m = PyUnicode_GET_LENGTH(p);
        int kind = PyUnicode_KIND(p);
        const void *data = PyUnicode_DATA(p);
        for (Py_ssize_t i = 0; i < m; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (Py_UNICODE_ISSPACE(c)) {
                gap = started;
            } else {
                if (gap) {
                    out++;
                    if (maxchar < ' ')
                        maxchar = ' ';
                    gap = 0;
                }
                out++;
                if (c > maxchar)
                    maxchar = c;
                started = 1;
            }
        }
    }
    PyObject *res = PyUnicode_New(out, maxchar);
    if (res == NULL || out == 0)
        return res;
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    Py_ssize_t w = 0;
    gap = 0;
    started = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *p = PyList_GET_ITEM(pieces, k);
        Py_ssize_t m = PyUnicode_GET_LENGTH(p);
        int kind = PyUnicode_KIND(p);
        const void *data = PyUnicode_DATA(p);
        for (Py_ssize_t i = 0; i < m; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (Py_UNICODE_ISSPACE(c)) {
                gap = started;
            } else {
                if (gap) {
                    PyUnicode_WRITE(rkind, rdata, w++, ' ');
                    gap = 0;
                }
                PyUnicode_WRITE(rkind, rdata, w++, c);
                started = 1;
            }
        }
    }
    return res;
}

/* --- helpers ------------------------------------------------------------------------------- */

static PyObject *
call0(Walk *self, PyObject *name)
{
    return PyObject_CallMethodNoArgs((PyObject *)self, name);
}

/* attrib.get(key) (a new reference, or Py_None): a dict from the parser, any mapping else. */
static PyObject *
attr_get(PyObject *attrib, PyObject *key)
{
    if (PyDict_CheckExact(attrib)) {
        PyObject *v = PyDict_GetItemWithError(attrib, key);
        if (v == NULL) {
            if (PyErr_Occurred())
                return NULL;
            v = Py_None;
        }
        Py_INCREF(v);
        return v;
    }
    return PyObject_CallMethodOneArg(attrib, s_get, key);
}

/* An int of a list (frame indices, cue masks): -1 with an exception on error. */
static long
list_long(PyObject *list, Py_ssize_t i)
{
    if (i < 0 || i >= PyList_GET_SIZE(list)) {
        PyErr_SetString(PyExc_IndexError, "segmenter frame index out of range");
        return -1;
    }
    return PyLong_AsLong(PyList_GET_ITEM(list, i));
}

static int
append_long(PyObject *list, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return -1;
    int r = PyList_Append(list, o);
    Py_DECREF(o);
    return r;
}

/* d[key] = value in a cache of at most `max` entries (emptied when full, as the Python side's
 * caches are). */
static int
cache_put(PyObject *d, Py_ssize_t max, PyObject *key, PyObject *value)
{
    if (PyDict_GET_SIZE(d) >= max)
        PyDict_Clear(d);
    return PyDict_SetItem(d, key, value);
}

/* The one int object of a cue mask (segment_html._shared_mask). New reference. */
static PyObject *
shared_mask(long v)
{
    PyObject *key = PyLong_FromLong(v);
    if (key == NULL)
        return NULL;
    PyObject *got = PyDict_GetItemWithError(g_masks, key);
    if (got != NULL) {
        Py_INCREF(got);
        Py_DECREF(key);
        return got;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    if (cache_put(g_masks, g_masks_max, key, key) < 0) {
        Py_DECREF(key);
        return NULL;
    }
    return key;
}

static int
append_mask(PyObject *list, long v)
{
    PyObject *o = shared_mask(v);
    if (o == NULL)
        return -1;
    int r = PyList_Append(list, o);
    Py_DECREF(o);
    return r;
}

/* Pop the last item of a list (dropping it). */
static int
list_pop(PyObject *list)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return -1;
    }
    return PyList_SetSlice(list, n - 1, n, NULL);
}

static int
list_clear(PyObject *list)
{
    return PyList_SetSlice(list, 0, PyList_GET_SIZE(list), NULL);
}

/* The tag info tuple (name, kind, flags, tag cues) of a raw tag: borrowed from the cache (which
 * the Python side may clear: the caller keeps its own reference). New reference. */
static PyObject *
tag_info(PyObject *raw)
{
    PyObject *info = PyDict_GetItemWithError(g_tag_infos, raw);
    if (info != NULL) {
        Py_INCREF(info);
    } else {
        if (PyErr_Occurred())
            return NULL;
        info = PyObject_CallOneArg(g_tag_info, raw);
        if (info == NULL)
            return NULL;
    }
    if (!PyTuple_CheckExact(info) || PyTuple_GET_SIZE(info) != 4) {
        Py_DECREF(info);
        PyErr_SetString(PyExc_TypeError, "tag info must be a 4-tuple");
        return NULL;
    }
    return info;
}

/* The cue flags of one class/id token (of ASCII letters and digits): the token cache's, else
 * _new_token_cues(token). */
static int
one_token_cues(const char *tok, Py_ssize_t n, long *mask)
{
    if (n == 0 || n > g_max_token_chars)
        return 0;
    PyObject *key = PyUnicode_FromStringAndSize(tok, n);
    if (key == NULL)
        return -1;
    PyObject *m = PyDict_GetItemWithError(g_token_cache, key);
    if (m != NULL)
        Py_INCREF(m);
    else if (!PyErr_Occurred())
        m = PyObject_CallOneArg(g_new_token_cues, key);
    Py_DECREF(key);
    if (m == NULL)
        return -1;
    long v = PyLong_AsLong(m);
    Py_DECREF(m);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *mask |= v;
    return 0;
}

/* A token whose cues depend on the token after it: "drop" (segment_html.DROP_CAP), those of
 * segment_html.IMAGE_TOKENS and of segment_html.RECENT_TOKENS. */
static int
is_context_token(const char *t, Py_ssize_t n)
{
    static const char *const words[] = {"drop", "img", "image", "photo", "pic", "picture", "foto",
                                        "bild", "recent", "latest"};
    for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
        if ((size_t)n == strlen(words[k]) && memcmp(t, words[k], (size_t)n) == 0)
            return 1;
    return 0;
}

/* _token_cues(value) of an ASCII value not in the value cache: its camelCase humps split ("aB" ->
 * "a-B"), lowercased, cut into runs of [a-z0-9]; the "hidden" of "field-label-hidden" (Drupal's
 * shown field with a hidden label, FIELD_LABEL) is no cue; the result goes into the value cache. A
 * value with a token whose next token changes the cues ("drop" of DROP_CAP, the IMAGE_TOKENS) is
 * left to _token_cues itself, the one place those pairs are read (its value cache keeps it). */
static PyObject *
ascii_token_cues(PyObject *value)
{
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(value);
    Py_ssize_t n = PyUnicode_GET_LENGTH(value), len = 0;
    char buf[64];
    long mask = 0;
    int after = 0; /* 1: the last token was "field"; 2: the last two were "field", "label" */
    /* A token longer than the buffer is longer than g_max_token_chars (checked in walk_setup):
     * only its length is counted. */
    for (Py_ssize_t i = 0; i <= n; i++) {
        int c = i < n ? s[i] : 0;
        int hump = i > 0 && i < n && s[i - 1] >= 'a' && s[i - 1] <= 'z' && c >= 'A' && c <= 'Z';
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if ((hump || !word) && len > 0) {
            if (is_context_token(buf, len))
                return PyObject_CallOneArg(g_token_cues, value);
            int hidden = len == 6 && memcmp(buf, "hidden", 6) == 0;
            if (!(after == 2 && hidden) && one_token_cues(buf, len, &mask) < 0)
                return NULL;
            if (len == 5 && memcmp(buf, "field", 5) == 0)
                after = 1;
            else if (after == 1 && len == 5 && memcmp(buf, "label", 5) == 0)
                after = 2;
            else
                after = 0;
            len = 0;
        }
        if (word) {
            if (len < (Py_ssize_t)sizeof(buf))
                buf[len] = (char)c;
            len++;
        }
    }
    PyObject *res = PyLong_FromLong(mask);
    if (res == NULL)
        return NULL;
    if (cache_put(g_cue_cache, g_cache_max, value, res) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* _element_cues(tag, attrib.items()), from the tag's own cues. */
static int
element_cues(PyObject *tag, PyObject *attrib, long tag_cues, long *out)
{
    if (!PyDict_CheckExact(attrib)) {
        PyObject *items = PyObject_CallMethodNoArgs(attrib, s_items);
        if (items == NULL)
            return -1;
        PyObject *r = PyObject_CallFunctionObjArgs(g_element_cues, tag, items, NULL);
        Py_DECREF(items);
        if (r == NULL)
            return -1;
        *out = PyLong_AsLong(r);
        Py_DECREF(r);
        return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
    }
    long mask = tag_cues;
    Py_ssize_t pos = 0;
    PyObject *name, *value;
    while (PyDict_Next(attrib, &pos, &name, &value)) {
        PyObject *kind = PyDict_GetItemWithError(g_attrs, name);
        if (kind == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        long k = PyLong_AsLong(kind);
        if (k == -1 && PyErr_Occurred())
            return -1;
        PyObject *r;
        if (k == A_TOKENS) {
            if (!PyUnicode_Check(value)) {
                PyErr_SetString(PyExc_TypeError, "attribute values must be str");
                return -1;
            }
            if (PyUnicode_GET_LENGTH(value) == 0)
                continue;
            PyObject *v;
            if (PyUnicode_GET_LENGTH(value) > TOKEN_VALUE_CHARS)
                v = PyUnicode_Substring(value, 0, TOKEN_VALUE_CHARS);
            else {
                v = value;
                Py_INCREF(v);
            }
            if (v == NULL)
                return -1;
            r = PyDict_GetItemWithError(g_cue_cache, v);
            if (r != NULL)
                Py_INCREF(r);
            else if (!PyErr_Occurred())
                r = PyUnicode_IS_ASCII(v) ? ascii_token_cues(v) : PyObject_CallOneArg(g_token_cues, v);
            Py_DECREF(v);
        } else {
            r = PyObject_CallFunctionObjArgs(g_attr_cues, kind, value, NULL);
        }
        if (r == NULL)
            return -1;
        long m = PyLong_AsLong(r);
        Py_DECREF(r);
        if (m == -1 && PyErr_Occurred())
            return -1;
        mask |= m;
    }
    *out = mask;
    return 0;
}

/* --- the walk ------------------------------------------------------------------------------ */

static int walk_flush(Walk *self);

/* _has_text_since_br(buf) */
static int
has_text_since_br(PyObject *buf)
{
    for (Py_ssize_t i = PyList_GET_SIZE(buf) - 1; i >= 0; i--) {
        PyObject *p = PyList_GET_ITEM(buf, i);
        if (p == g_br)
            return 0;
        if (PyUnicode_Check(p) && stripped_len(p) > 0)
            return 1;
    }
    return 0;
}

static int
walk_text(Walk *self)
{
    PyObject *pend = self->pend, *text;
    if (PyList_GET_SIZE(pend) == 1) {
        text = PyList_GET_ITEM(pend, 0);
        Py_INCREF(text);
    } else {
        text = PyUnicode_Join(s_empty, pend);
        if (text == NULL)
            return -1;
    }
    if (list_clear(pend) < 0 || !PyUnicode_Check(text)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "text must be str");
        Py_DECREF(text);
        return -1;
    }
    int r = 0;
    if (self->sink == SINK_WALK) {
        if (PyList_GET_SIZE(self->buf) || self->pre || !str_isspace(text)) {
            r = PyList_Append(self->buf, text);
            if (self->link_depth)
                self->link_chars += stripped_len(text);
        } else {
            self->ws = 1;
        }
        if (r == 0 && self->h1_open)
            r = PyList_Append(self->h1_text, text);
    } else if (self->sink) {
        PyObject *o = PyObject_CallMethodOneArg((PyObject *)self, s_sink_text, text);
        if (o == NULL)
            r = -1;
        Py_XDECREF(o);
    }
    Py_DECREF(text);
    self->sink = SINK_NONE;
    return r;
}

static int
take_pending(Walk *self)
{
    PyObject *pend = self->pend;
    if (!self->sink)
        return list_clear(pend);
    if (self->sink == SINK_WALK && PyList_GET_SIZE(pend) == 1 && !PyList_GET_SIZE(self->buf)
        && !self->pre && !self->h1_open) {
        PyObject *p = PyList_GET_ITEM(pend, 0);
        if (PyUnicode_Check(p) && str_isspace(p)) {
            self->ws = 1; /* the common case of walk_text(): whitespace between two tags */
            return list_clear(pend);
        }
    }
    return walk_text(self);
}

static int
walk_flush(Walk *self)
{
    PyObject *buf = self->buf, *text;
    self->ws = 0;
    if (!PyList_GET_SIZE(buf)) {
        self->inline_cues = 0;
        return 0;
    }
    if (self->pre)
        text = PyObject_CallOneArg(g_pre_join, buf);
    else if (self->has_br)
        text = PyObject_CallOneArg(g_clean_join, buf);
    else
        text = collapse_join(buf);
    if (text == NULL)
        return -1;
    if (!PyUnicode_Check(text)) {
        Py_DECREF(text);
        PyErr_SetString(PyExc_TypeError, "block text must be str");
        return -1;
    }
    if (list_clear(buf) < 0) {
        Py_DECREF(text);
        return -1;
    }
    self->has_br = 0;
    Py_ssize_t lc = self->link_chars;
    self->link_chars = 0;
    long inline_cues = self->inline_cues;
    self->inline_cues = 0;
    self->br_run = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (len == 0) {
        Py_DECREF(text);
        return 0;
    }
    PyObject *frame_stack = self->frame_stack, *tag, *near = NULL, *cues = NULL, *frame = NULL,
             *seg = NULL;
    int32_t node;
    Py_ssize_t depth = PyList_GET_SIZE(frame_stack);
    int r = -1;
    if (depth) {
        frame = PyList_GET_ITEM(frame_stack, depth - 1);
        Py_INCREF(frame);
        if (self->n_bn == 0) {
            PyErr_SetString(PyExc_IndexError, "no open block element");
            goto done;
        }
        node = self->bn[self->n_bn - 1];
        if (node < 0 || node >= self->n_el) {
            PyErr_SetString(PyExc_IndexError, "element record out of range");
            goto done;
        }
        tag = self->el_tag[node];
        if (!PyUnicode_Check(tag)) {
            PyErr_SetString(PyExc_TypeError, "tag must be str");
            goto done;
        }
        long f = PyLong_AsLong(frame);
        if (f == -1 && PyErr_Occurred())
            goto done;
        long near_mask = inline_cues;
        for (Py_ssize_t k = 0; k <= g_near_levels && f >= 0; k++) {
            long c = list_long(self->frame_cues, f);
            if (c == -1 && PyErr_Occurred())
                goto done;
            near_mask |= c;
            f = list_long(self->parent, f);
            if (f == -1 && PyErr_Occurred())
                goto done;
        }
        near = shared_mask(near_mask);
        if (near == NULL)
            goto done;
        Py_ssize_t fi = PyLong_AsSsize_t(frame);
        if (fi < 0 || fi >= PyList_GET_SIZE(self->cum)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_IndexError, "segmenter frame index out of range");
            goto done;
        }
        PyObject *cum = PyList_GET_ITEM(self->cum, fi);
        if (inline_cues) {
            long c = PyLong_AsLong(cum);
            if (c == -1 && PyErr_Occurred())
                goto done;
            cues = shared_mask(c | inline_cues);
            if (cues == NULL)
                goto done;
        } else {
            cues = cum;
            Py_INCREF(cues);
        }
    } else {
        node = -1;
        tag = s_empty;
        frame = PyLong_FromLong(-1);
        near = PyLong_FromLong(inline_cues);
        cues = near;
        Py_XINCREF(cues);
        if (frame == NULL || near == NULL)
            goto done;
    }
    PyObject *heading = PyDict_GetItemWithError(g_headings, tag);
    if (heading == NULL) {
        if (PyErr_Occurred())
            goto done;
        heading = zero;
    }
    int list_item = PyUnicode_CompareWithASCIIString(tag, "li") == 0
                    || PyUnicode_CompareWithASCIIString(tag, "dd") == 0
                    || PyUnicode_CompareWithASCIIString(tag, "dt") == 0;
    PyObject *lco = PyLong_FromSsize_t(lc < len ? lc : len);
    PyObject *deptho = PyLong_FromSsize_t(depth);
    if (lco != NULL && deptho != NULL) {
        PyObject *args[11] = {
            text, s_slash, tag, frame, cues, near, lco, heading,
            list_item ? Py_True : Py_False, self->image_pending ? Py_True : Py_False, deptho,
        };
        seg = PyObject_Vectorcall(g_segment, args, 11, NULL); /* (no GC type: see SegType) */
    }
    Py_XDECREF(lco);
    Py_XDECREF(deptho);
    if (seg == NULL || PyList_Append(self->segs, seg) < 0
        || push_i32(&self->sn, &self->n_sn, &self->cap_sn, node) < 0)
        goto done;
    self->image_pending = 0;
    r = 0;
done:
    Py_DECREF(text);
    Py_XDECREF(frame);
    Py_XDECREF(near);
    Py_XDECREF(cues);
    Py_XDECREF(seg);
    return r;
}

/* The start of an element of the walk (``node`` is its record). */
static int
walk_start(Walk *self, PyObject *raw, PyObject *attrib, int32_t node)
{
    PyObject *info = tag_info(raw);
    if (info == NULL)
        return -1;
    PyObject *tag = PyTuple_GET_ITEM(info, 0);
    long kind = PyLong_AsLong(PyTuple_GET_ITEM(info, 1));
    long flags = PyLong_AsLong(PyTuple_GET_ITEM(info, 2));
    long tag_cues = PyLong_AsLong(PyTuple_GET_ITEM(info, 3));
    int r = -1;
    if (PyErr_Occurred())
        goto done;
    if (kind == KIND_SKIP) {
        self->skip = 1;
        if (flags & F_SCRIPT) {
            PyObject *typ = attr_get(attrib, s_type);
            if (typ == NULL)
                goto done;
            int ld = 0;
            if (PyUnicode_Check(typ) && PyUnicode_GET_LENGTH(typ)) {
                ld = PyUnicode_Contains(typ, s_ld_json);
                if (ld < 0) {
                    Py_DECREF(typ);
                    goto done;
                }
            }
            Py_DECREF(typ);
            self->sink = ld ? SINK_LD : SINK_NONE;
        } else {
            self->sink = SINK_NONE;
            if (flags & F_MEDIA) {
                self->image_pending = 1;
            } else if (flags & F_NOSCRIPT) {
                PyObject *o = call0(self, s_noscript_start);
                if (o == NULL)
                    goto done;
                Py_DECREF(o);
            }
        }
        r = 0;
        goto done;
    }
    self->sink = SINK_WALK;
    long cues = tag_cues;
    int has_attrib = PyDict_CheckExact(attrib) ? PyDict_GET_SIZE(attrib) > 0 : PyObject_IsTrue(attrib);
    if (has_attrib < 0 || (has_attrib && element_cues(tag, attrib, tag_cues, &cues) < 0))
        goto done;
    if (kind == KIND_BLOCK) {
        if (PyList_GET_SIZE(self->buf)) {
            if (walk_flush(self) < 0)
                goto done;
        } else if (self->ws) { /* what a flush does with whitespace alone */
            self->inline_cues = 0;
            self->ws = 0;
        }
        PyObject *parent = self->parent, *frame_stack = self->frame_stack, *cum = self->cum;
        Py_ssize_t fid = PyList_GET_SIZE(parent), nf = PyList_GET_SIZE(frame_stack);
        if (nf) {
            PyObject *pf = PyList_GET_ITEM(frame_stack, nf - 1);
            Py_ssize_t pfi = PyLong_AsSsize_t(pf);
            if (pfi == -1 && PyErr_Occurred())
                goto done;
            long c = list_long(cum, pfi);
            if ((c == -1 && PyErr_Occurred()) || PyList_Append(parent, pf) < 0
                || append_mask(cum, c | cues) < 0)
                goto done;
        } else if (append_long(parent, -1) < 0 || append_mask(cum, cues) < 0) {
            goto done;
        }
        PyObject *fido = PyLong_FromSsize_t(fid);
        if (fido == NULL)
            goto done;
        int bad = append_mask(self->frame_cues, cues) < 0 || PyList_Append(frame_stack, fido) < 0
                  || push_i32(&self->bn, &self->n_bn, &self->cap_bn, node) < 0;
        Py_DECREF(fido);
        if (bad)
            goto done;
        if (flags & F_PRE)
            self->pre++;
        else if (flags & F_H1)
            self->h1_open++;
        if (flags & F_IMAGE)
            self->image_pending = 1;
    } else {
        self->inline_cues |= cues & g_inline_keep;
        if (flags & F_A) {
            self->link_depth++;
        } else if (flags & F_BR) {
            if (self->br_run && !has_text_since_br(self->buf)) {
                if (walk_flush(self) < 0)
                    goto done;
            } else {
                if (PyList_Append(self->buf, g_br) < 0)
                    goto done;
                self->has_br = 1;
                self->br_run = 1;
            }
        } else if (flags & F_IMAGE) {
            self->image_pending = 1;
        }
    }
    r = 0;
done:
    Py_DECREF(info);
    return r;
}

static int
tick(Walk *self)
{
    self->ticks++;
    if (self->ticks & g_check_mask)
        return 0;
    PyObject *o = call0(self, s_tick);
    Py_XDECREF(o);
    return o == NULL ? -1 : 0;
}

static PyObject *
Walk_start(Walk *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "start(tag, attrib)");
        return NULL;
    }
    PyObject *tag = args[0], *attrib = args[1];
    if (check_lists(self) < 0)
        return NULL;
    if (PyList_GET_SIZE(self->pend) && take_pending(self) < 0)
        return NULL;
    int depth = self->depth;
    self->depth = depth + 1;
    if (self->mode == MODE_WALK && self->skip && self->head != 1) {
        /* _start_other inside a skipped element, outside the head: count it, no record */
        self->sink = self->ns ? SINK_NOSCRIPT : SINK_NONE;
        self->skip++;
        self->last_depth = depth;
        if (push_el(self, NULL, 0) < -1)
            return NULL;
        Py_RETURN_NONE;
    }
    if (self->mode != MODE_WALK || self->skip) {
        PyObject *d = PyLong_FromLong(depth);
        if (d == NULL)
            return NULL;
        PyObject *o = PyObject_CallMethodObjArgs((PyObject *)self, s_start_other, tag, attrib, d, NULL);
        Py_DECREF(d);
        return o;
    }
    if (!PyUnicode_Check(tag)) {
        PyErr_SetString(PyExc_TypeError, "tag must be str");
        return NULL;
    }
    if (self->n_open == 0 || self->open[self->n_open - 1].el < 0) {
        PyErr_SetString(PyExc_TypeError, "the walk's parent element has no record");
        return NULL;
    }
    int32_t node = push_el(self, tag, 1);
    int bad = node < 0;
    self->last_depth = depth;
    if (!bad && depth == 1) {
        if (self->root_mode && PyUnicode_CompareWithASCIIString(tag, "body") == 0) {
            /* The root has a body after all: the walk starts there. */
            PyObject *o = call0(self, s_reset_walk);
            bad = o == NULL || check_lists(self) < 0;
            Py_XDECREF(o);
            self->root_mode = 0;
            self->walk_depth = 1;
        } else if (!self->head && PyUnicode_CompareWithASCIIString(tag, "head") == 0) {
            self->head = 1;
        }
    }
    if (!bad)
        bad = tick(self) < 0 || check_lists(self) < 0 || walk_start(self, tag, attrib, node) < 0;
    if (bad)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Walk_end(Walk *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "end(tag)");
        return NULL;
    }
    if (check_lists(self) < 0)
        return NULL;
    if (PyList_GET_SIZE(self->pend) && take_pending(self) < 0)
        return NULL;
    int depth = self->depth - 1;
    self->depth = depth;
    if (pop_el(self) < 0)
        return NULL;
    self->sink = SINK_NONE;
    if (self->head == 1 && depth == 1)
        self->head = 2;
    if (self->mode != MODE_WALK)
        Py_RETURN_NONE;
    if (self->skip) {
        self->skip--;
        if (!self->skip) {
            self->sink = SINK_WALK; /* the tail of the skipped element */
            self->ns = 0;
        } else if (self->ns) {
            self->sink = SINK_NOSCRIPT;
        }
        Py_RETURN_NONE;
    }
    if (tick(self) < 0 || check_lists(self) < 0)
        return NULL;
    PyObject *info = tag_info(args[0]);
    if (info == NULL)
        return NULL;
    long kind = PyLong_AsLong(PyTuple_GET_ITEM(info, 1));
    long flags = PyLong_AsLong(PyTuple_GET_ITEM(info, 2));
    Py_DECREF(info);
    if (PyErr_Occurred())
        return NULL;
    if (kind == KIND_BLOCK) {
        if (PyList_GET_SIZE(self->buf)) {
            if (walk_flush(self) < 0)
                return NULL;
        } else if (self->ws) { /* what a flush does with whitespace alone */
            self->inline_cues = 0;
            self->ws = 0;
        }
        if (list_pop(self->frame_stack) < 0)
            return NULL;
        if (self->n_bn == 0) {
            PyErr_SetString(PyExc_IndexError, "pop from empty list");
            return NULL;
        }
        self->n_bn--;
        if (flags & F_PRE) {
            self->pre--;
        } else if (flags & F_H1) {
            self->h1_open--;
            if (self->h1_open == 0) {
                PyObject *o = call0(self, s_h1_done);
                if (o == NULL)
                    return NULL;
                Py_DECREF(o);
            }
        }
    } else if ((flags & F_A) && self->link_depth) {
        self->link_depth--;
    }
    if (depth == self->walk_depth) /* the element the walk started at has closed */
        return call0(self, s_end_walk);
    self->sink = SINK_WALK;
    Py_RETURN_NONE;
}

static PyObject *
Walk_walk_start(Walk *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "_walk_start(tag, attrib, node)");
        return NULL;
    }
    long node = PyLong_AsLong(args[2]);
    if (node == -1 && PyErr_Occurred())
        return NULL;
    if (node < 0 || node >= self->n_el) {
        PyErr_SetString(PyExc_IndexError, "element record out of range");
        return NULL;
    }
    if (check_lists(self) < 0 || walk_start(self, args[0], args[1], (int32_t)node) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Walk_push(Walk *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "_push(tag, record)");
        return NULL;
    }
    int record = PyObject_IsTrue(args[1]);
    if (record < 0)
        return NULL;
    int32_t el = push_el(self, args[0] == Py_None ? NULL : args[0], record);
    return el < -1 ? NULL : PyLong_FromLong(el);
}

static PyObject *
Walk_push_root(Walk *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "_push_root(tag, index)");
        return NULL;
    }
    long index = PyLong_AsLong(args[1]);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0 || index > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "_push_root: index out of range");
        return NULL;
    }
    if (grow((void **)&self->open, &self->cap_open, self->n_open + 1, sizeof(OpenEl)) < 0)
        return NULL;
    int32_t el = new_record(self, args[0], -1, (int32_t)index);
    if (el < 0)
        return NULL;
    OpenEl *o = &self->open[self->n_open++];
    o->el = el;
    o->first_count = 0;
    o->first_el = -1;
    o->first_tag = NULL;
    o->more = NULL;
    return PyLong_FromLong(el);
}

static PyObject *
Walk_bottom(Walk *self, PyObject *unused)
{
    return PyLong_FromLong(self->n_open ? self->open[0].el : -1);
}

static PyObject *
Walk_clear_elements(Walk *self, PyObject *unused)
{
    clear_elements(self);
    Py_RETURN_NONE;
}

static PyTypeObject WalkType;

/* _move_records(other): the element records and the blocks' records go to ``other`` (a Walk, whose
 * own are dropped), this walk is left with none (segment_html._Walk._move_records). */
static PyObject *
Walk_move_records(Walk *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, &WalkType) || other == (PyObject *)self) {
        PyErr_SetString(PyExc_TypeError, "_move_records: another Walk");
        return NULL;
    }
    Walk *o = (Walk *)other;
    clear_elements(o);
    /* (the records are complete: no room is needed past them) */
    shrink((void **)&self->el_tag, self->n_el, sizeof(PyObject *));
    shrink((void **)&self->el_parent, self->n_el, sizeof(int32_t));
    shrink((void **)&self->el_index, self->n_el, sizeof(int32_t));
    shrink((void **)&self->el_twin, self->n_el, 1);
    shrink((void **)&self->sn, self->n_sn, sizeof(int32_t));
    if (self->el_tag != NULL)
        self->cap_el = self->n_el;
    if (self->sn != NULL)
        self->cap_sn = self->n_sn;
    o->el_tag = self->el_tag;
    o->el_path = self->el_path;
    o->n_path = self->n_path;
    o->el_parent = self->el_parent;
    o->el_index = self->el_index;
    o->el_twin = self->el_twin;
    o->n_el = self->n_el;
    o->cap_el = self->cap_el;
    o->sn = self->sn;
    o->n_sn = self->n_sn;
    o->cap_sn = self->cap_sn;
    self->el_tag = self->el_path = NULL;
    self->el_parent = self->el_index = self->sn = NULL;
    self->el_twin = NULL;
    self->n_el = self->cap_el = self->n_path = self->n_sn = self->cap_sn = 0;
    clear_elements(self); /* (the open elements and blocks: they pointed at the records) */
    Py_RETURN_NONE;
}

static PyObject *
Walk_clear_blocks(Walk *self, PyObject *unused)
{
    clear_blocks(self);
    Py_RETURN_NONE;
}

/* The elements whose paths are kept (segment_html._Walk._write_paths), each an ancestor of the
 * next. */
typedef struct {
    int32_t *el;
    Py_ssize_t n, cap;
} Kept;

/* The path of record ``node`` (segment_html._Walk._write_paths: the same caching of the paths of
 * its ancestors). New reference. */
static PyObject *
el_path(Walk *self, int32_t node, PyObject *top, PyObject *shorten, Py_ssize_t max_chars,
        Py_ssize_t keep_chars, Py_ssize_t keep_every, Kept *kept)
{
    PyObject *got = self->el_path[node];
    if (got != NULL) {
        Py_INCREF(got);
        return got;
    }
    Py_ssize_t n = 0, cap = 0;
    int32_t *chain = NULL, cur = node;
    PyObject *path = NULL;
    while (cur >= 0 && self->el_path[cur] == NULL) {
        if (push_i32(&chain, &n, &cap, cur) < 0)
            goto fail;
        if (n > self->n_el) {
            PyErr_SetString(PyExc_SystemError, "element records in a loop");
            goto fail;
        }
        cur = self->el_parent[cur];
    }
    /* The kept paths below the nearest kept ancestor are of elements the blocks have left. */
    while (kept->n && kept->el[kept->n - 1] != cur) {
        int32_t e = kept->el[--kept->n];
        if (e < self->n_el) /* (the records may have been dropped by a callback) */
            Py_CLEAR(self->el_path[e]);
    }
    path = cur >= 0 ? self->el_path[cur] : s_empty;
    Py_INCREF(path);
    for (Py_ssize_t k = 1; k <= n; k++) {
        int32_t nd = chain[n - k];
        if (nd >= self->n_el) { /* the records were dropped by a callback (shorten) */
            PyErr_SetString(PyExc_RuntimeError, "element records dropped while in use");
            goto fail;
        }
        PyObject *tag = self->el_tag[nd], *next;
        if (!PyUnicode_Check(tag)) {
            PyErr_SetString(PyExc_TypeError, "tag must be str");
            goto fail;
        }
        if (self->el_parent[nd] < 0) { /* the root: "/html", or "/html[1]" beside another */
            PyObject *c = PyDict_CheckExact(top) ? PyDict_GetItemWithError(top, tag) : NULL;
            if (c == NULL && PyErr_Occurred())
                goto fail;
            long cnt = c == NULL ? 0 : PyLong_AsLong(c);
            if (cnt == -1 && PyErr_Occurred())
                goto fail;
            next = cnt > 1 ? PyUnicode_FromFormat("/%U[%d]", tag, (int)self->el_index[nd])
                           : PyUnicode_FromFormat("/%U", tag);
        } else {
            next = self->el_twin[nd]
                       ? PyUnicode_FromFormat("%U/%U[%d]", path, tag, (int)self->el_index[nd])
                       : PyUnicode_FromFormat("%U/%U", path, tag);
            if (next != NULL && PyUnicode_GET_LENGTH(next) > max_chars) {
                PyObject *cut = PyObject_CallOneArg(shorten, next);
                Py_DECREF(next);
                next = cut;
            }
        }
        if (next == NULL)
            goto fail;
        Py_SETREF(path, next);
        if (!PyUnicode_Check(path)) {
            PyErr_SetString(PyExc_TypeError, "paths must be str");
            goto fail;
        }
        if (PyUnicode_GET_LENGTH(path) <= keep_chars || k % keep_every == 0) {
            if (push_i32(&kept->el, &kept->n, &kept->cap, nd) < 0)
                goto fail;
            Py_INCREF(path);
            Py_XSETREF(self->el_path[nd], path);
        }
    }
    PyMem_Free(chain);
    return path;
fail:
    PyMem_Free(chain);
    Py_XDECREF(path);
    return NULL;
}

/* _write_paths(segs, lo, top, shorten, max_chars, keep_chars, keep_every): every segment (the
 * page's blocks from the lo-th on) with an element record gets its path as ``source``
 * (segment_html._Walk._write_paths). */
static PyObject *
Walk_write_paths(Walk *self, PyObject *args)
{
    PyObject *segs, *top, *shorten;
    Py_ssize_t lo, max_chars, keep_chars, keep_every;
    if (!PyArg_ParseTuple(args, "O!nOOnnn", &PyList_Type, &segs, &lo, &top, &shorten, &max_chars,
                          &keep_chars, &keep_every))
        return NULL;
    if (lo < 0 || lo > self->n_sn || PyList_GET_SIZE(segs) > self->n_sn - lo) {
        PyErr_SetString(PyExc_ValueError, "more segments than element records");
        return NULL;
    }
    if (keep_every < 1) {
        PyErr_SetString(PyExc_ValueError, "_write_paths: keep_every must be >= 1");
        return NULL;
    }
    if (self->n_path < self->n_el) {  /* (room for every record's path, the new ones unwritten) */
        PyObject **more = PyMem_Realloc(self->el_path, (size_t)self->n_el * sizeof(PyObject *));
        if (more == NULL)
            return PyErr_NoMemory();
        for (Py_ssize_t e = self->n_path; e < self->n_el; e++)
            more[e] = NULL;
        self->el_path = more;
        self->n_path = self->n_el;
    }
    Kept kept = {NULL, 0, 0};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(segs) && lo + i < self->n_sn; i++) {
        int32_t node = self->sn[lo + i];
        if (node < 0)
            continue;
        if (node >= self->n_el) {
            PyErr_SetString(PyExc_IndexError, "element record out of range");
            PyMem_Free(kept.el);
            return NULL;
        }
        PyObject *path = el_path(self, node, top, shorten, max_chars, keep_chars, keep_every, &kept);
        int bad = path == NULL || PyObject_SetAttr(PyList_GET_ITEM(segs, i), s_source, path) < 0;
        Py_XDECREF(path);
        if (bad) {
            PyMem_Free(kept.el);
            return NULL;
        }
    }
    PyMem_Free(kept.el);
    Py_RETURN_NONE;
}

/* The methods without arguments: the list fields checked, then the step. */
#define NOARGS_METHOD(name, step)                                                               \
    static PyObject *name(Walk *self, PyObject *unused)                                         \
    {                                                                                           \
        if (check_lists(self) < 0 || step(self) < 0)                                            \
            return NULL;                                                                        \
        Py_RETURN_NONE;                                                                         \
    }
NOARGS_METHOD(Walk_text, walk_text)
NOARGS_METHOD(Walk_take_pending, take_pending)
NOARGS_METHOD(Walk_flush, walk_flush)
#undef NOARGS_METHOD

static PyMethodDef Walk_methods[] = {
    {"start", (PyCFunction)(void (*)(void))Walk_start, METH_FASTCALL, "An element starts."},
    {"end", (PyCFunction)(void (*)(void))Walk_end, METH_FASTCALL, "An element ends."},
    {"_walk_start", (PyCFunction)(void (*)(void))Walk_walk_start, METH_FASTCALL,
     "The start of an element of the walk."},
    {"_text", (PyCFunction)Walk_text, METH_NOARGS, "Hand the pending text to its sink."},
    {"_take_pending", (PyCFunction)Walk_take_pending, METH_NOARGS,
     "Hand the pending text to its sink (whitespace between tags, quickly)."},
    {"_flush", (PyCFunction)Walk_flush, METH_NOARGS, "Make a block of the pending text."},
    {"_push", (PyCFunction)(void (*)(void))Walk_push, METH_FASTCALL,
     "An element opens below the innermost open one (a record or not); its record number."},
    {"_push_root", (PyCFunction)(void (*)(void))Walk_push_root, METH_FASTCALL,
     "The root element opens; its record number."},
    {"_bottom", (PyCFunction)Walk_bottom, METH_NOARGS,
     "The record of the outermost open element (-1: none)."},
    {"_clear_elements", (PyCFunction)Walk_clear_elements, METH_NOARGS,
     "Drop every element record and open element (and the blocks' records)."},
    {"_move_records", (PyCFunction)Walk_move_records, METH_O,
     "The element records and the blocks' records go to another Walk; none are left here."},
    {"_clear_blocks", (PyCFunction)Walk_clear_blocks, METH_NOARGS,
     "Drop the records of the open blocks and of the blocks made."},
    {"_write_paths", (PyCFunction)Walk_write_paths, METH_VARARGS,
     "Every block with an element record gets its element's path as its source."},
    {NULL, NULL, 0, NULL},
};

#define OBJ_MEMBER(f) {#f, T_OBJECT_EX, offsetof(Walk, f), 0, NULL},
static PyMemberDef Walk_members[] = {
    OBJ_FIELDS(OBJ_MEMBER)
    {"depth", T_INT, offsetof(Walk, depth), 0, NULL},
    {"mode", T_INT, offsetof(Walk, mode), 0, NULL},
    {"skip", T_INT, offsetof(Walk, skip), 0, NULL},
    {"last_depth", T_INT, offsetof(Walk, last_depth), 0, NULL},
    {"head", T_INT, offsetof(Walk, head), 0, NULL},
    {"walk_depth", T_INT, offsetof(Walk, walk_depth), 0, NULL},
    {"sink", T_INT, offsetof(Walk, sink), 0, NULL},
    {"pre", T_INT, offsetof(Walk, pre), 0, NULL},
    {"h1_open", T_INT, offsetof(Walk, h1_open), 0, NULL},
    {"link_depth", T_INT, offsetof(Walk, link_depth), 0, NULL},
    {"ns", T_INT, offsetof(Walk, ns), 0, NULL},
    {"ticks", T_PYSSIZET, offsetof(Walk, ticks), 0, NULL},
    {"link_chars", T_PYSSIZET, offsetof(Walk, link_chars), 0, NULL},
    {"inline_cues", T_LONG, offsetof(Walk, inline_cues), 0, NULL},
    {"root_mode", T_BOOL, offsetof(Walk, root_mode), 0, NULL},
    {"ws", T_BOOL, offsetof(Walk, ws), 0, NULL},
    {"has_br", T_BOOL, offsetof(Walk, has_br), 0, NULL},
    {"br_run", T_BOOL, offsetof(Walk, br_run), 0, NULL},
    {"image_pending", T_BOOL, offsetof(Walk, image_pending), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};
#undef OBJ_MEMBER

static PyTypeObject WalkType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._speedups.Walk",
    .tp_basicsize = sizeof(Walk),
    .tp_dealloc = (destructor)Walk_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The HTML segmenter's parser-target callbacks (see segment_html._Walk).",
    .tp_traverse = (traverseproc)Walk_traverse,
    .tp_clear = (inquiry)Walk_clear,
    .tp_methods = Walk_methods,
    .tp_members = Walk_members,
    .tp_new = Walk_new,
};

/* walk_setup(tag_infos, tag_info, attrs, cue_cache, token_cues, attr_cues, element_cues, masks,
 *            masks_max, headings, segment, br, pre_join, clean_join, check_mask, near_levels,
 *            token_cache, new_token_cues, cache_max, max_token_chars, inline_keep) */
PyObject *
walk_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 21) {
        PyErr_SetString(PyExc_TypeError, "walk_setup takes 21 arguments");
        return NULL;
    }
    if (!PyDict_CheckExact(args[0]) || !PyDict_CheckExact(args[2]) || !PyDict_CheckExact(args[3])
        || !PyDict_CheckExact(args[7]) || !PyDict_CheckExact(args[9])
        || !PyDict_CheckExact(args[16])) {
        PyErr_SetString(PyExc_TypeError, "walk_setup: the tables must be dicts");
        return NULL;
    }
    PyObject **slots[] = {&g_tag_infos, &g_tag_info, &g_attrs, &g_cue_cache, &g_token_cues,
                          &g_attr_cues, &g_element_cues, &g_masks, NULL, &g_headings, &g_segment,
                          &g_br, &g_pre_join, &g_clean_join, NULL, NULL, &g_token_cache,
                          &g_new_token_cues};
    for (int k = 0; k < 18; k++) {
        if (slots[k] == NULL)
            continue;
        Py_INCREF(args[k]);
        Py_XSETREF(*slots[k], args[k]);
    }
    g_masks_max = PyLong_AsSsize_t(args[8]);
    g_check_mask = PyLong_AsSsize_t(args[14]);
    g_near_levels = PyLong_AsSsize_t(args[15]);
    g_cache_max = PyLong_AsSsize_t(args[18]);
    g_max_token_chars = PyLong_AsSsize_t(args[19]);
    g_inline_keep = PyLong_AsLong(args[20]);
    if (PyErr_Occurred())
        return NULL;
    if (g_max_token_chars < 0 || g_max_token_chars >= 64) {
        PyErr_SetString(PyExc_ValueError, "walk_setup: max_token_chars must be in 0..63");
        return NULL;
    }
    Py_RETURN_NONE;
}

static int
intern_walk_names(void)
{
    struct { PyObject **slot; const char *s; } names[] = {
        {&s_type, "type"}, {&s_get, "get"}, {&s_items, "items"}, {&s_slash, "/"}, {&s_empty, ""},
        {&s_ld_json, "ld+json"}, {&s_start_other, "_start_other"}, {&s_reset_walk, "_reset_walk"},
        {&s_tick, "_tick"}, {&s_sink_text, "_sink_text"}, {&s_h1_done, "_h1_done"},
        {&s_end_walk, "_end_walk"}, {&s_source, "source"},
        {&s_noscript_start, "_noscript_start"},
    };
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        *names[k].slot = PyUnicode_InternFromString(names[k].s);
        if (*names[k].slot == NULL)
            return -1;
    }
    zero = PyLong_FromLong(0);
    g_names = PyDict_New();
    return zero == NULL || g_names == NULL ? -1 : 0;
}

/* Called from PyInit__speedups: add Walk to the module. */
int
walk_add_type(PyObject *m)
{
    if (intern_walk_names() < 0 || PyType_Ready(&WalkType) < 0)
        return -1;
    Py_INCREF(&WalkType);
    if (PyModule_AddObject(m, "Walk", (PyObject *)&WalkType) < 0) {
        Py_DECREF(&WalkType);
        return -1;
    }
    return 0;
}
