/* Optional compiled helpers for boilerstrip (the package runs the same code in plain Python when
 * this module is not built: see boilerstrip/classify/model.py).
 *
 * Forest: a boosted ensemble of binary decision trees in the flat node format of
 * boilerstrip.classify.model ([feature, threshold, left, right, value] per node, feature -1 for a
 * leaf). margin(x) walks every tree with `x[feature] <= threshold` going left and adds the leaves'
 * values to `base` one tree after the other, in the trees' order: the same IEEE double comparisons
 * and additions, in the same order, as the plain-Python form, so the result is the same number to
 * the last bit.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    double base;
    Py_ssize_t n_trees;
    Py_ssize_t n_nodes;
    Py_ssize_t width;      /* features read: 1 + the largest feature index used */
    Py_ssize_t *roots;     /* index of each tree's first node */
    int *feature;          /* -1 for a leaf */
    double *threshold;
    Py_ssize_t *left;      /* absolute node indices */
    Py_ssize_t *right;
    double *value;
    struct node {
        double t;          /* threshold; a leaf's value */
        int feature;       /* -1 for a leaf */
        int left, right;   /* absolute node indices */
    } *nodes;              /* the same trees, one record a node (what a walk reads, together) */
    /* Where every tree is at most FULL_DEPTH deep: each as a complete tree of that depth (a leaf
     * higher up stands at the bottom under comparisons whose both sides reach it), walked without
     * a branch on the comparisons: per tree FULL_INNER features and thresholds, then FULL_LEAVES
     * values. NULL otherwise. */
    int depth;             /* of the complete trees */
    int *full_feature;
    double *full_threshold;
    double *full_value;
} Forest;

#define FULL_DEPTH 6

static void
Forest_dealloc(Forest *self)
{
    PyMem_Free(self->roots);
    PyMem_Free(self->feature);
    PyMem_Free(self->threshold);
    PyMem_Free(self->left);
    PyMem_Free(self->right);
    PyMem_Free(self->value);
    PyMem_Free(self->nodes);
    PyMem_Free(self->full_feature);
    PyMem_Free(self->full_threshold);
    PyMem_Free(self->full_value);
    Py_TYPE(self)->tp_free((PyObject *)self);
}


/* The depth of the subtree at node k (0 for a leaf), or -1 past `limit` levels (or a cycle). */
static int
tree_depth(Forest *self, Py_ssize_t k, int limit)
{
    if (self->nodes[k].feature < 0)
        return 0;
    if (limit == 0)
        return -1;
    int a = tree_depth(self, self->nodes[k].left, limit - 1);
    int b = a < 0 ? -1 : tree_depth(self, self->nodes[k].right, limit - 1);
    if (a < 0 || b < 0)
        return -1;
    return 1 + (a > b ? a : b);
}

/* Fill the complete form of the subtree at node k from position `at` (0-based, level order) of a
 * complete tree of depth `depth`, `level` levels down. */
static void
fill_full(Forest *self, Py_ssize_t k, int at, int level, int depth, int *feature, double *threshold,
          double *value)
{
    int inner = (1 << depth) - 1;
    const struct node *nd = &self->nodes[k];
    if (level == depth) {
        value[at - inner] = nd->t;  /* (a leaf: its value) */
        return;
    }
    if (nd->feature < 0) {
        /* a leaf above the bottom: a comparison whose both sides lead to it */
        feature[at] = 0;
        threshold[at] = 0.0;
        fill_full(self, k, 2 * at + 1, level + 1, depth, feature, threshold, value);
        fill_full(self, k, 2 * at + 2, level + 1, depth, feature, threshold, value);
        return;
    }
    feature[at] = nd->feature;
    threshold[at] = nd->t;
    fill_full(self, nd->left, 2 * at + 1, level + 1, depth, feature, threshold, value);
    fill_full(self, nd->right, 2 * at + 2, level + 1, depth, feature, threshold, value);
}

static int
forest_make_full(Forest *self)
{
    PyMem_Free(self->full_feature);
    PyMem_Free(self->full_threshold);
    PyMem_Free(self->full_value);
    self->full_feature = NULL;
    self->full_threshold = NULL;
    self->full_value = NULL;
    self->depth = 0;
    int depth = 0;
    for (Py_ssize_t t = 0; t < self->n_trees; t++) {
        int d = tree_depth(self, self->roots[t], FULL_DEPTH);
        if (d < 0)
            return 0;  /* deeper (or not a tree): walked node by node */
        if (d > depth)
            depth = d;
    }
    if (depth == 0 || self->width == 0)
        return 0;
    int inner = (1 << depth) - 1, leaves = 1 << depth;
    self->full_feature = PyMem_Calloc((size_t)self->n_trees * inner, sizeof(int));
    self->full_threshold = PyMem_Calloc((size_t)self->n_trees * inner, sizeof(double));
    self->full_value = PyMem_Calloc((size_t)self->n_trees * leaves, sizeof(double));
    if (!self->full_feature || !self->full_threshold || !self->full_value) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t t = 0; t < self->n_trees; t++)
        fill_full(self, self->roots[t], 0, 0, depth, self->full_feature + t * inner,
                  self->full_threshold + t * inner, self->full_value + t * leaves);
    self->depth = depth;
    return 0;
}

static int
Forest_init(Forest *self, PyObject *args, PyObject *kwds)
{
    double base;
    PyObject *trees;
    static char *kwlist[] = {"base", "trees", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dO", kwlist, &base, &trees))
        return -1;
    PyObject *tfast = PySequence_Fast(trees, "trees must be a sequence");
    if (tfast == NULL)
        return -1;
    Py_ssize_t n_trees = PySequence_Fast_GET_SIZE(tfast);
    Py_ssize_t n_nodes = 0;
    for (Py_ssize_t t = 0; t < n_trees; t++) {
        Py_ssize_t n = PySequence_Size(PySequence_Fast_GET_ITEM(tfast, t));
        if (n <= 0) {
            Py_DECREF(tfast);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a tree has no nodes");
            return -1;
        }
        n_nodes += n;
    }
    self->base = base;
    self->n_trees = n_trees;
    self->n_nodes = n_nodes;
    self->width = 0;
    self->roots = PyMem_Calloc(n_trees ? n_trees : 1, sizeof(Py_ssize_t));
    self->feature = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(int));
    self->threshold = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(double));
    self->left = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(Py_ssize_t));
    self->right = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(Py_ssize_t));
    self->value = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(double));
    if (!self->roots || !self->feature || !self->threshold || !self->left || !self->right
        || !self->value) {
        Py_DECREF(tfast);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t at = 0;
    for (Py_ssize_t t = 0; t < n_trees; t++) {
        PyObject *nodes = PySequence_Fast(PySequence_Fast_GET_ITEM(tfast, t),
                                          "a tree must be a sequence of nodes");
        if (nodes == NULL) {
            Py_DECREF(tfast);
            return -1;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(nodes);
        self->roots[t] = at;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *node = PySequence_Fast(PySequence_Fast_GET_ITEM(nodes, i),
                                             "a node must be a sequence");
            if (node == NULL || PySequence_Fast_GET_SIZE(node) != 5) {
                if (node != NULL) {
                    Py_DECREF(node);
                    PyErr_SetString(PyExc_ValueError, "a node has 5 fields");
                }
                Py_DECREF(nodes);
                Py_DECREF(tfast);
                return -1;
            }
            PyObject **f = PySequence_Fast_ITEMS(node);
            double feature = PyFloat_AsDouble(f[0]);
            double threshold = PyFloat_AsDouble(f[1]);
            double left = PyFloat_AsDouble(f[2]);
            double right = PyFloat_AsDouble(f[3]);
            double value = PyFloat_AsDouble(f[4]);
            Py_DECREF(node);
            if (PyErr_Occurred()) {
                Py_DECREF(nodes);
                Py_DECREF(tfast);
                return -1;
            }
            Py_ssize_t k = at + i;
            if (feature < 0) {
                self->feature[k] = -1;
            } else {
                if (feature > 1e6 || left < 0 || right < 0 || left >= n || right >= n) {
                    Py_DECREF(nodes);
                    Py_DECREF(tfast);
                    PyErr_SetString(PyExc_ValueError, "a node points outside its tree");
                    return -1;
                }
                self->feature[k] = (int)feature;  /* int(feature), as the Python form */
                if ((Py_ssize_t)self->feature[k] + 1 > self->width)
                    self->width = (Py_ssize_t)self->feature[k] + 1;
                self->left[k] = at + (Py_ssize_t)left;
                self->right[k] = at + (Py_ssize_t)right;
            }
            self->threshold[k] = threshold;
            self->value[k] = value;
        }
        Py_DECREF(nodes);
        at += n;
    }
    Py_DECREF(tfast);
    if (n_nodes >= INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many nodes");
        return -1;
    }
    PyMem_Free(self->nodes);
    self->nodes = PyMem_Calloc(n_nodes ? n_nodes : 1, sizeof(struct node));
    if (self->nodes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n_nodes; k++) {
        struct node *nd = &self->nodes[k];
        nd->feature = self->feature[k];
        nd->t = nd->feature < 0 ? self->value[k] : self->threshold[k];
        nd->left = (int)self->left[k];
        nd->right = (int)self->right[k];
    }
    return forest_make_full(self);
}

/* Walk every tree for one vector already read into `x` (at least `width` doubles). Each walk is
 * bounded by the tree's node count, so a malformed tree (a cycle) cannot loop forever. */
static int
forest_sum(Forest *self, const double *x, double *out)
{
    double s = self->base;
    if (self->full_feature != NULL) {
        /* The complete trees: `x <= threshold` goes left (2i + 1), else right (2i + 2); a NaN goes
         * right, as in the walk below. */
        int depth = self->depth, inner = (1 << depth) - 1, leaves = 1 << depth;
        const int *f = self->full_feature;
        const double *th = self->full_threshold, *v = self->full_value;
        Py_ssize_t t = 0;
        /* eight trees at a time, walked side by side (independent loads), added in order; the
         * shipped models' depths (4, 6) get their own copy of the loop, unrolled by the compiler */
#define WALK8(DEPTH)                                                                           \
        for (; t + 8 <= self->n_trees;                                                         \
             t += 8, f += 8 * ((1 << (DEPTH)) - 1), th += 8 * ((1 << (DEPTH)) - 1),            \
             v += 8 * (1 << (DEPTH))) {                                                        \
            const int in_ = (1 << (DEPTH)) - 1, lv_ = 1 << (DEPTH);                            \
            int k[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                               \
            for (int d = 0; d < (DEPTH); d++)                                                  \
                for (int j = 0; j < 8; j++)                                                    \
                    k[j] = 2 * k[j] + 2 - (x[f[j * in_ + k[j]]] <= th[j * in_ + k[j]]);        \
            for (int j = 0; j < 8; j++)                                                        \
                s += v[j * lv_ + k[j] - in_];                                                  \
        }
        if (depth == 6) {
            WALK8(6)
        } else if (depth == 4) {
            WALK8(4)
        } else {
            WALK8(depth)
        }
#undef WALK8
        for (; t < self->n_trees; t++, f += inner, th += inner, v += leaves) {
            int i = 0;
            for (int d = 0; d < depth; d++)
                i = 2 * i + 2 - (x[f[i]] <= th[i]);
            s += v[i - inner];
        }
        *out = s;
        return 0;
    }
    const struct node *nodes = self->nodes;
    for (Py_ssize_t t = 0; t < self->n_trees; t++) {
        Py_ssize_t k = self->roots[t];
        Py_ssize_t end = t + 1 < self->n_trees ? self->roots[t + 1] : self->n_nodes;
        Py_ssize_t steps = end - k;
        const struct node *nd = &nodes[k];
        while (nd->feature >= 0) {
            nd = &nodes[x[nd->feature] <= nd->t ? nd->left : nd->right];
            if (--steps < 0) {
                PyErr_SetString(PyExc_ValueError, "a tree has a cycle");
                return -1;
            }
        }
        s += nd->t;
    }
    *out = s;
    return 0;
}

static int
read_vector(Forest *self, PyObject *vec, double *x)
{
    PyObject *fast = PySequence_Fast(vec, "a vector must be a sequence of numbers");
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n < self->width) {
        Py_DECREF(fast);
        PyErr_SetString(PyExc_ValueError, "the vector is shorter than the features the trees use");
        return -1;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t i = 0; i < self->width; i++) {
        PyObject *v = items[i];
        x[i] = PyFloat_CheckExact(v) ? PyFloat_AS_DOUBLE(v) : PyFloat_AsDouble(v);
        if (x[i] == -1.0 && PyErr_Occurred()) {
            Py_DECREF(fast);
            return -1;
        }
    }
    Py_DECREF(fast);
    return 0;
}

#define STACK_FEATURES 512

static PyObject *
Forest_margin(Forest *self, PyObject *vec)
{
    double stack[STACK_FEATURES];
    double *x = self->width <= STACK_FEATURES ? stack : PyMem_Malloc(self->width * sizeof(double));
    if (x == NULL)
        return PyErr_NoMemory();
    double s;
    int bad = read_vector(self, vec, x) < 0 || forest_sum(self, x, &s) < 0;
    if (x != stack)
        PyMem_Free(x);
    if (bad)
        return NULL;
    return PyFloat_FromDouble(s);
}

static PyObject *
Forest_margins(Forest *self, PyObject *vecs)
{
    PyObject *fast = PySequence_Fast(vecs, "vectors must be a sequence");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject *out = PyList_New(n);
    double stack[STACK_FEATURES];
    double *x = self->width <= STACK_FEATURES ? stack : PyMem_Malloc(self->width * sizeof(double));
    if (out == NULL || x == NULL) {
        Py_DECREF(fast);
        Py_XDECREF(out);
        return x == NULL ? PyErr_NoMemory() : NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double s;
        PyObject *f;
        if (read_vector(self, PySequence_Fast_GET_ITEM(fast, i), x) < 0
            || forest_sum(self, x, &s) < 0 || (f = PyFloat_FromDouble(s)) == NULL) {
            Py_DECREF(out);
            out = NULL;
            break;
        }
        PyList_SET_ITEM(out, i, f);
    }
    if (x != stack)
        PyMem_Free(x);
    Py_DECREF(fast);
    return out;
}

/* sigmoid of boilerstrip.classify.model, with the same libm exp */
static double
sigmoid(double z)
{
    if (z >= 0)
        return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* probabilities(rows, stride) -> list[float]: sigmoid(margin(x)) of every vector of `rows`, a
 * buffer of native doubles holding the vectors one after the other, `stride` doubles each. */
static PyObject *
Forest_probabilities(Forest *self, PyObject *args)
{
    Py_buffer view;
    Py_ssize_t stride;
    if (!PyArg_ParseTuple(args, "y*n:probabilities", &view, &stride))
        return NULL;
    if (stride < self->width || stride <= 0 || view.len % ((Py_ssize_t)sizeof(double) * stride)) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "the rows do not hold whole vectors of the trees' width");
        return NULL;
    }
    Py_ssize_t n = view.len / ((Py_ssize_t)sizeof(double) * stride);
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double x[STACK_FEATURES];
        const double *row;
        double s;
        PyObject *f;
        if (((uintptr_t)view.buf) % sizeof(double) == 0) {
            row = (const double *)view.buf + i * stride;
        } else {
            if (self->width > STACK_FEATURES) {
                Py_DECREF(out);
                PyBuffer_Release(&view);
                PyErr_SetString(PyExc_ValueError, "unaligned rows");
                return NULL;
            }
            memcpy(x, (const char *)view.buf + i * stride * sizeof(double),
                   self->width * sizeof(double));
            row = x;
        }
        if (forest_sum(self, row, &s) < 0 || (f = PyFloat_FromDouble(sigmoid(s))) == NULL) {
            Py_DECREF(out);
            PyBuffer_Release(&view);
            return NULL;
        }
        PyList_SET_ITEM(out, i, f);
    }
    PyBuffer_Release(&view);
    return out;
}

static PyMethodDef Forest_methods[] = {
    {"margin", (PyCFunction)Forest_margin, METH_O,
     "margin(x) -> float: base plus the leaf value of every tree for the vector x."},
    {"margins", (PyCFunction)Forest_margins, METH_O,
     "margins(vectors) -> list[float]: margin() of every vector."},
    {"probabilities", (PyCFunction)Forest_probabilities, METH_VARARGS,
     "probabilities(rows, stride) -> list[float]: sigmoid(margin(x)) of every vector x of a "
     "buffer of native doubles, stride doubles a vector."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ForestType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._speedups.Forest",
    .tp_doc = "Forest(base, trees): a tree ensemble in boilerstrip's flat node format.",
    .tp_basicsize = sizeof(Forest),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Forest_init,
    .tp_dealloc = (destructor)Forest_dealloc,
    .tp_methods = Forest_methods,
};


/* ---------------------------------------------------------------------------------------------
 * Rows: the learned model's feature vectors (boilerstrip.classify.learned.rows), written as doubles
 * into a buffer instead of one list of floats per block. Every number is computed as the plain
 * Python form computes it: the same operations on the same doubles in the same order (log1p from
 * the same libm, int / int as a correctly rounded division, prefix sums added one at a time), so
 * every value is the same to the last bit (tests/test_speedups.py compares them on real pages).
 * The page-wide inputs that need the markup tree or the line patterns (flags, block values, the
 * frames' prose shares) are computed in Python and passed in.
 * ------------------------------------------------------------------------------------------- */

#define N_OWN 30
#define N_TAGS 12
#define N_CUES 19
#define N_LEX 6
#define N_CO 6
#define N_FEATURES 158
#define N_WINCOLS 6
static const int WIN_IDX[N_WINCOLS] = {0, 2, 3, 4, 9, 7};  /* WINDOW_FEATURES: log_chars,
    link_density, stop_density, punct_end, cf_good, cf_short (indices in the own features) */
static const int WINDOWS[2] = {3, 8};
#define SAMPLE_CHARS 400

/* Interned attribute names. */
static PyObject *s_link_chars;
static PyObject *s_text, *s_chars, *s_words, *s_link_density, *s_stop_density, *s_punct_end,
    *s_sentences, *s_cf, *s_heading, *s_list_item, *s_image_before, *s_label, *s_indent,
    *s_bullet, *s_blank_before, *s_blank_after, *s_line_start, *s_line_end, *s_tag, *s_near_cues,
    *s_cues, *s_depth, *s_frame, *s_in_region, *s_score, *s_source, *s_is_title, *s_comment,
    *s_lower, *s_p_article, *s_line_flags;

static int
intern_names(void)
{
#define I(v, s) if ((v = PyUnicode_InternFromString(s)) == NULL) return -1
    I(s_text, "text"); I(s_chars, "chars"); I(s_words, "words");
    I(s_link_density, "link_density"); I(s_stop_density, "stop_density");
    I(s_punct_end, "punct_end"); I(s_sentences, "sentences"); I(s_cf, "cf");
    I(s_heading, "heading"); I(s_list_item, "list_item"); I(s_image_before, "image_before");
    I(s_label, "label"); I(s_indent, "indent"); I(s_bullet, "bullet");
    I(s_blank_before, "blank_before"); I(s_blank_after, "blank_after");
    I(s_line_start, "line_start"); I(s_line_end, "line_end"); I(s_tag, "tag");
    I(s_near_cues, "near_cues"); I(s_cues, "cues"); I(s_depth, "depth"); I(s_frame, "frame");
    I(s_in_region, "in_region"); I(s_link_chars, "link_chars"); I(s_score, "score");
    I(s_source, "source"); I(s_is_title, "is_title"); I(s_comment, "comment");
    I(s_lower, "lower"); I(s_p_article, "p_article");
    I(s_line_flags, "line_flags");
#undef I
    return 0;
}

/* o.name for the records this module reads and writes (the dataclass Segment, its compiled form,
 * Block), with the member's definition remembered per (type, interned name): the same value
 * PyObject_GetAttr gives (and the same store PyObject_SetAttr makes) where the type's own dict holds
 * a writable member descriptor for the name and the type keeps the generic attribute lookup and
 * assignment (a data descriptor wins over anything else there); the generic calls themselves
 * otherwise, and for an object slot not set (its AttributeError). The readers of numbers below read
 * a C field of the member's kind directly. */
#define SLOT_CACHE 256
static struct {
    PyTypeObject *type;
    PyObject *name;
    PyMemberDef *member;  /* NULL: no plain member */
} slot_cache[SLOT_CACHE];

/* The member kinds read and written here. */
static int
plain_kind(int kind)
{
    switch (kind) {
    case T_OBJECT_EX: case T_OBJECT: case T_DOUBLE: case T_LONGLONG: case T_PYSSIZET: case T_INT:
    case T_UINT: case T_BYTE: case T_BOOL:
        return 1;
    default:
        return 0;
    }
}

/* The plain member `name` of o's type in *out (NULL where there is none); -1 on error. */
static int
slot_member(PyObject *o, PyObject *name, PyMemberDef **out)
{
    PyTypeObject *tp = Py_TYPE(o);
    size_t h = (size_t)(((uint64_t)(size_t)tp ^ ((uint64_t)(size_t)name * 0x9E3779B97F4A7C15ull))
                        * 0xBF58476D1CE4E5B9ull >> 56) % SLOT_CACHE;
    if (slot_cache[h].type == tp && slot_cache[h].name == name) {
        *out = slot_cache[h].member;
        return 0;
    }
    PyMemberDef *m = NULL;
    if (tp->tp_getattro == PyObject_GenericGetAttr && tp->tp_setattro == PyObject_GenericSetAttr
        && tp->tp_dict != NULL && PyUnicode_CheckExact(name) && PyUnicode_CHECK_INTERNED(name)) {
        PyObject *d = PyDict_GetItemWithError(tp->tp_dict, name);
        if (d == NULL && PyErr_Occurred())
            return -1;
        if (d != NULL && Py_IS_TYPE(d, &PyMemberDescr_Type)
            && plain_kind(((PyMemberDescrObject *)d)->d_member->type)
            && !(((PyMemberDescrObject *)d)->d_member->flags & (READONLY | READ_RESTRICTED)))
            m = ((PyMemberDescrObject *)d)->d_member;
    }
    /* (the entry holds the type, which holds its members; the name is one of this module's
     * interned names) */
    Py_XSETREF(slot_cache[h].type, (PyTypeObject *)Py_NewRef((PyObject *)tp));
    slot_cache[h].name = name;
    slot_cache[h].member = m;
    *out = m;
    return 0;
}

static PyObject *
seg_attr(PyObject *o, PyObject *name)
{
    PyMemberDef *m;
    if (slot_member(o, name, &m) < 0)
        return NULL;
    if (m != NULL) {
        if (m->type != T_OBJECT_EX)
            return PyMember_GetOne((const char *)o, m);
        PyObject *v = *(PyObject **)((char *)o + m->offset);
        if (v != NULL)
            return Py_NewRef(v);
    }
    return PyObject_GetAttr(o, name);
}

/* o.name = v (a new reference to v is taken), as seg_attr reads it. */
static int
seg_setattr(PyObject *o, PyObject *name, PyObject *v)
{
    PyMemberDef *m;
    if (slot_member(o, name, &m) < 0)
        return -1;
    if (m != NULL) {
        if (m->type != T_OBJECT_EX)
            return PyMember_SetOne((char *)o, m, v);
        Py_XSETREF(*(PyObject **)((char *)o + m->offset), Py_NewRef(v));
        return 0;
    }
    return PyObject_SetAttr(o, name, v);
}

/* The integer member m of o in *out: 1 where m is a C integer field (or flag), else 0. */
static int
int_field(PyObject *o, PyMemberDef *m, long long *out)
{
    const char *at = (const char *)o + m->offset;
    switch (m->type) {
    case T_LONGLONG: *out = *(const long long *)at; return 1;
    case T_PYSSIZET: *out = *(const Py_ssize_t *)at; return 1;
    case T_INT: *out = *(const int *)at; return 1;
    case T_UINT: *out = *(const unsigned int *)at; return 1;
    case T_BYTE: *out = *(const char *)at; return 1;
    case T_BOOL: *out = *(const char *)at != 0; return 1;
    default: return 0;
    }
}

/* A block's text (a new reference), or NULL with an exception set (TypeError for a text that is
 * not a str). */
static PyObject *
seg_text(PyObject *s)
{
    PyObject *text = seg_attr(s, s_text);
    if (text != NULL && !PyUnicode_Check(text)) {
        Py_DECREF(text);
        PyErr_SetString(PyExc_TypeError, "a block's text must be a str");
        return NULL;
    }
    return text;
}

static int
attr_ll(PyObject *o, PyObject *name, long long *out)
{
    PyMemberDef *m;
    if (slot_member(o, name, &m) < 0)
        return -1;
    if (m != NULL && int_field(o, m, out))
        return 0;
    PyObject *v = seg_attr(o, name);
    if (v == NULL)
        return -1;
    *out = PyLong_AsLongLong(v);
    Py_DECREF(v);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

static int
attr_mask(PyObject *o, PyObject *name, unsigned long long *out)
{
    /* the low 64 bits, two's complement (what `mask & c` reads for c < 2**63) */
    PyMemberDef *m;
    long long c;
    if (slot_member(o, name, &m) < 0)
        return -1;
    if (m != NULL && int_field(o, m, &c)) {
        *out = (unsigned long long)c;
        return 0;
    }
    PyObject *v = seg_attr(o, name);
    if (v == NULL)
        return -1;
    *out = PyLong_AsUnsignedLongLongMask(v);
    Py_DECREF(v);
    return (*out == (unsigned long long)-1 && PyErr_Occurred()) ? -1 : 0;
}

static int
attr_double(PyObject *o, PyObject *name, double *out)
{
    PyMemberDef *m;
    if (slot_member(o, name, &m) < 0)
        return -1;
    long long c;
    if (m != NULL && m->type == T_DOUBLE) {
        *out = *(const double *)((const char *)o + m->offset);
        return 0;
    }
    if (m != NULL && int_field(o, m, &c)) {
        *out = (double)c;  /* (what float(int) gives) */
        return 0;
    }
    PyObject *v = seg_attr(o, name);
    if (v == NULL)
        return -1;
    *out = PyFloat_CheckExact(v) ? PyFloat_AS_DOUBLE(v) : PyFloat_AsDouble(v);
    Py_DECREF(v);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static int
attr_true(PyObject *o, PyObject *name, int *out)
{
    PyMemberDef *m;
    long long c;
    if (slot_member(o, name, &m) < 0)
        return -1;
    if (m != NULL && int_field(o, m, &c)) {
        *out = c != 0;
        return 0;
    }
    PyObject *v = seg_attr(o, name);
    if (v == NULL)
        return -1;
    *out = PyObject_IsTrue(v);
    Py_DECREF(v);
    return *out < 0 ? -1 : 0;
}

/* The word statistics of a block that several helpers read together: its characters, words, link
 * and stopword densities and whether it ends a sentence. */
static int
block_stats(PyObject *s, long long *chars, double *words, double *link_density,
            double *stop_density, int *punct_end)
{
    if (attr_ll(s, s_chars, chars) < 0 || attr_double(s, s_words, words) < 0
        || attr_double(s, s_link_density, link_density) < 0
        || attr_double(s, s_stop_density, stop_density) < 0
        || attr_true(s, s_punct_end, punct_end) < 0)
        return -1;
    return 0;
}

/* features.text_shape: (share of digits, share of words starting with a capital, mean word length)
 * over the first SAMPLE_CHARS characters. Words are the runs str.split() gives (split at
 * Py_UNICODE_ISSPACE); digits are the characters str.isdigit() accepts; a word starts with a capital
 * when its first character's str.isupper() is true. */
static void
text_shape_of(PyObject *t, double out[3])
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(t);
    Py_ssize_t head = len < SAMPLE_CHARS ? len : SAMPLE_CHARS;
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    long long digits = 0, letters = 0, words = 0, upper = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < head; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISSPACE(ch)) {
            in_word = 0;
            continue;
        }
        letters++;
        if (Py_UNICODE_ISDIGIT(ch))
            digits++;
        if (!in_word) {
            in_word = 1;
            words++;
            if (Py_UNICODE_ISUPPER(ch))
                upper++;
        }
    }
    long long denom = len < SAMPLE_CHARS ? (long long)len : SAMPLE_CHARS;
    if (denom < 1)
        denom = 1;
    out[0] = (double)digits / (double)denom;
    if (words) {
        out[1] = (double)upper / (double)words;
        out[2] = (double)letters / (double)words;
    } else {
        out[1] = out[2] = 0.0;
    }
}

/* str.isupper() */
static int
text_isupper(PyObject *t)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(t);
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    if (len == 1)
        return Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0)) != 0;
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISLOWER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (!cased && Py_UNICODE_ISUPPER(ch))
            cased = 1;
    }
    return cased;
}

static PyObject *
speedups_text_shape(PyObject *mod, PyObject *t)
{
    if (!PyUnicode_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "text_shape() takes a str");
        return NULL;
    }
    double out[3];
    text_shape_of(t, out);
    return Py_BuildValue("(ddd)", out[0], out[1], out[2]);
}

static PyObject *
speedups_isupper(PyObject *mod, PyObject *t)
{
    if (!PyUnicode_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "isupper() takes a str");
        return NULL;
    }
    return PyBool_FromLong(text_isupper(t));
}

/* n doubles read from a sequence (dvec_take). */
typedef struct {
    double *p;
    Py_buffer view;  /* .obj NULL: p is a copy */
} dvec;

static int dvec_take(dvec *v, PyObject *seq, Py_ssize_t n, const char *what);
static void dvec_free(dvec *v);

typedef struct {
    PyObject_HEAD
    PyObject *segs;          /* the list of segments */
    PyObject *comment_label; /* Label.COMMENT */
    PyObject *tag_index;     /* dict: tag -> position in TAGS */
    Py_ssize_t n, nf;
    long long h_index, bad, short_, neargood, good;
    unsigned long long boiler, copyright, date, comment_header, widget, meta_date;
    unsigned long long cues[N_CUES];
    Py_ssize_t best, last_best, first_in, last_in, header_at;
    int html;
    double pp, page_prose_log, n_log, total_chars;
    dvec values;               /* n */
    int32_t *repeats;          /* n: blocks of the page with the same text */
    /* The running sums the vectors read - the window columns' prefix sums, the meta lines and the
     * characters before a block - kept only at every ROWS_MARK-th block (fill() carries them on
     * from there, adding the same numbers in the same order: the same doubles as sums kept for
     * every block, at a few bytes a block instead of 64). */
    Py_ssize_t n_marks;        /* n / ROWS_MARK + 1 */
    double *mark_prefix;       /* N_WINCOLS * n_marks */
    long long *mark_meta;      /* n_marks */
    long long *mark_pos;       /* n_marks */
    dvec share, linkd;         /* nf */
    int32_t *parent;           /* nf */
    /* classify.candidates.find's result: per frame the score (nf, or 0 without a top) and the
     * output bytes, the top container's span, its score, the page's share */
    dvec cand_score;
    PyObject *cand_output;
    Py_ssize_t cand_top, cand_last;
    double cand_top_score, cand_share;
    /* classify.headline.find's result: the anchor block (-1: none), its overlap, the characters
     * before it and its own, per frame the levels up to the common ancestor (bytes; nf of them,
     * or none without an anchor), and headline.MAX_UP */
    Py_ssize_t hl_at;
    double hl_score;
    long long hl_before, hl_chars;
    PyObject *hl_up;
    int hl_max_up;
} Rows;

#define ROWS_MARK 256

static void
Rows_dealloc(Rows *self)
{
    Py_XDECREF(self->segs);
    Py_XDECREF(self->comment_label);
    Py_XDECREF(self->tag_index);
    dvec_free(&self->values);
    PyMem_Free(self->repeats);
    PyMem_Free(self->mark_prefix);
    PyMem_Free(self->mark_meta);
    PyMem_Free(self->mark_pos);
    dvec_free(&self->share);
    dvec_free(&self->linkd);
    PyMem_Free(self->parent);
    dvec_free(&self->cand_score);
    Py_XDECREF(self->cand_output);
    Py_XDECREF(self->hl_up);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* n doubles read from a sequence: the buffer of an array('d') of that length itself (held, not
 * copied: a page's per-block and per-frame arrays are not held twice), else a copy
 * (read_numbers). */
static int read_numbers(PyObject *seq, Py_ssize_t n, double *dout, int32_t *iout,
                        const char *what);

static int
dvec_take(dvec *v, PyObject *seq, Py_ssize_t n, const char *what)
{
    v->p = NULL;
    v->view.obj = NULL;
    if (PyObject_CheckBuffer(seq)) {
        if (PyObject_GetBuffer(seq, &v->view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
            v->view.obj = NULL;
            return -1;
        }
        if (v->view.format != NULL && strcmp(v->view.format, "d") == 0
            && v->view.itemsize == (Py_ssize_t)sizeof(double)
            && v->view.len == n * (Py_ssize_t)sizeof(double)) {
            v->p = (double *)v->view.buf;
            return 0;
        }
        PyBuffer_Release(&v->view);
        v->view.obj = NULL;
    }
    v->p = PyMem_Calloc(n ? (size_t)n : 1, sizeof(double));
    if (v->p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return read_numbers(seq, n, v->p, NULL, what);
}

static void
dvec_free(dvec *v)
{
    if (v->view.obj != NULL)
        PyBuffer_Release(&v->view);
    else
        PyMem_Free(v->p);
    v->p = NULL;
    v->view.obj = NULL;
}

/* The n numbers of a sequence into `dout` (as doubles) or `iout` (as 32-bit integers, clamped: a
 * frame index out of range stays out of range), whichever is not NULL; -1 with an exception set
 * on a wrong length or a non-number. */
static int
read_numbers(PyObject *seq, Py_ssize_t n, double *dout, int32_t *iout, const char *what)
{
    if (PyObject_CheckBuffer(seq)) { /* array('d') for dout, array('i') for iout: copied as it is */
        const char *format = dout != NULL ? "d" : "i";
        size_t size = dout != NULL ? sizeof(double) : sizeof(int32_t);
        Py_buffer view;
        if (PyObject_GetBuffer(seq, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
            return -1;
        if (view.format != NULL && strcmp(view.format, format) == 0
            && view.itemsize == (Py_ssize_t)size) {
            int ok = view.len == n * (Py_ssize_t)size;
            if (ok && n)
                memcpy(dout != NULL ? (void *)dout : (void *)iout, view.buf, (size_t)n * size);
            PyBuffer_Release(&view);
            if (!ok) {
                PyErr_Format(PyExc_ValueError, "%s: wrong length", what);
                return -1;
            }
            return 0;
        }
        PyBuffer_Release(&view);
    }
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(fast) != n) {
        Py_DECREF(fast);
        PyErr_Format(PyExc_ValueError, "%s: wrong length", what);
        return -1;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t i = 0; i < n; i++) {
        int bad;
        if (dout != NULL) {
            dout[i] = PyFloat_AsDouble(items[i]);
            bad = dout[i] == -1.0 && PyErr_Occurred();
        } else {
            Py_ssize_t v = PyLong_AsSsize_t(items[i]);
            bad = v == -1 && PyErr_Occurred();
            iout[i] = v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int32_t)v;
        }
        if (bad) {
            Py_DECREF(fast);
            return -1;
        }
    }
    Py_DECREF(fast);
    return 0;
}

/* The parent frame of each of nf frames, read into par, each before its frame (frames are numbered
 * in document order) or -1; -1 with a ValueError ("<what>: a parent out of range") otherwise. */
static int
read_parents(PyObject *seq, Py_ssize_t nf, int32_t *par, const char *what)
{
    if (read_numbers(seq, nf, NULL, par, what) < 0)
        return -1;
    for (Py_ssize_t f = 0; f < nf; f++) {
        if (par[f] >= f || par[f] < -1) {
            PyErr_Format(PyExc_ValueError, "%s: a parent out of range", what);
            return -1;
        }
    }
    return 0;
}

/* repeats[i]: the number of blocks of segs with the text of block i, counted in an open-addressing
 * table of block indices (the texts' own hashes, compared as a dict compares its keys: the same
 * counts as a dict of the texts, at 12 bytes a block for the time of the count instead of ~60).
 * -1 with an exception on error. */
static int
count_repeats(PyObject *segs, Py_ssize_t n, int32_t *repeats)
{
    if (n > INT32_MAX / 2) {
        PyErr_SetString(PyExc_OverflowError, "too many blocks");
        return -1;
    }
    size_t cap = 8;
    while (cap < (size_t)n * 2)
        cap <<= 1;
    int32_t *table = PyMem_Malloc(cap * sizeof(int32_t));
    int32_t *count = PyMem_Calloc(n ? (size_t)n : 1, sizeof(int32_t));
    if (table == NULL || count == NULL) {
        PyMem_Free(table);
        PyMem_Free(count);
        PyErr_NoMemory();
        return -1;
    }
    memset(table, 0xff, cap * sizeof(int32_t));  /* -1: empty */
    int err = 0;
    for (Py_ssize_t i = 0; i < n && !err; i++) {
        PyObject *text = seg_attr(PyList_GET_ITEM(segs, i), s_text);
        Py_hash_t h = text == NULL ? -1 : PyObject_Hash(text);
        if (h == -1) {
            Py_XDECREF(text);
            err = 1;
            break;
        }
        size_t at = (size_t)h & (cap - 1);
        for (;;) {
            int32_t k = table[at];
            if (k < 0) {
                table[at] = (int32_t)i;
                repeats[i] = (int32_t)i;
                break;
            }
            PyObject *other = seg_attr(PyList_GET_ITEM(segs, k), s_text);
            Py_hash_t oh = other == NULL ? -1 : PyObject_Hash(other);
            int eq = oh == -1 ? -1 : oh != h ? 0 : PyObject_RichCompareBool(text, other, Py_EQ);
            Py_XDECREF(other);
            if (eq < 0) {
                err = 1;
                break;
            }
            if (eq) {
                repeats[i] = k;
                break;
            }
            at = (at + 1) & (cap - 1);
        }
        Py_DECREF(text);
        if (!err)
            count[repeats[i]]++;
    }
    for (Py_ssize_t i = 0; i < n && !err; i++)
        repeats[i] = count[repeats[i]];
    PyMem_Free(table);
    PyMem_Free(count);
    return err ? -1 : 0;
}

/* The line flags of block i (its own, computed by then: features.segments_flags stores them). */
static int
block_flags(Rows *self, Py_ssize_t i, unsigned long long *out)
{
    long long f;
    if (attr_ll(PyList_GET_ITEM(self->segs, i), s_line_flags, &f) < 0)
        return -1;
    if (f < 0) {
        PyErr_SetString(PyExc_ValueError, "Rows: a block's line flags are not computed");
        return -1;
    }
    *out = (unsigned long long)f;
    return 0;
}

/* The window columns of block i (chars, link density, stop density, punctuation at the end, GOOD,
 * SHORT), whether it is a short meta line, and its characters. */
static int
row_columns(Rows *self, Py_ssize_t i, double col[N_WINCOLS], int *meta, long long *chars_out)
{
    PyObject *s = PyList_GET_ITEM(self->segs, i);
    long long chars, cf;
    double words, link_density, stop_density;
    int punct_end;
    if (attr_ll(s, s_cf, &cf) < 0
        || block_stats(s, &chars, &words, &link_density, &stop_density, &punct_end) < 0)
        return -1;
    col[0] = log1p((double)chars);
    col[1] = link_density;
    col[2] = stop_density;
    col[3] = punct_end ? 1.0 : 0.0;
    col[4] = cf == self->good ? 1.0 : 0.0;
    col[5] = cf == self->short_ ? 1.0 : 0.0;
    unsigned long long bits;
    if (block_flags(self, i, &bits) < 0)
        return -1;
    *meta = (bits & self->meta_date) && words <= 16;
    *chars_out = chars;
    return 0;
}

/* Rows(segs, values, share, linkd, parent, page, consts, cand, head): the blocks' line flags are their own
 * (Segment.line_flags, computed by then: learned._page asks for them all)
 *   page: (best, last_best, first_in, last_in, header_at, html, pp, page_prose_log, n_log,
 *          total_chars, comment_label, tag_index, h_index)
 *   consts: (BAD, SHORT, NEARGOOD, GOOD, BOILER, COPYRIGHT, DATE, COMMENT_HEADER, WIDGET, META_DATE,
 *            cues (19 masks), n_features)
 *   cand: classify.candidates.Candidates (score, output, top, last_top, top_score, share)
 *   head: classify.headline.Headline (at, score, before, chars, up) and MAX_UP
 * fill(lo, hi[, lex[, co]]) writes the vectors of blocks lo..hi-1; their last N_CO + N_LEX features
 * are read from co (classify.cohort.Cohorts.columns of those blocks: N_CO doubles a block) and lex
 * (classify.lexicon.columns: N_LEX doubles a block), 0 without them. */
static int
Rows_init(Rows *self, PyObject *args, PyObject *kwds)
{
    PyObject *segs, *values, *share, *linkd, *parent, *page, *consts, *cand_score, *cand_output;
    PyObject *hl_up;
    Py_ssize_t hl_at;
    double hl_score;
    long long hl_before, hl_chars;
    if (!PyArg_ParseTuple(args, "O!OOOOO!O!(OSnndd)(ndLLSi):Rows", &PyList_Type, &segs, &values,
                          &share, &linkd, &parent, &PyTuple_Type, &page, &PyTuple_Type, &consts,
                          &cand_score, &cand_output, &self->cand_top, &self->cand_last,
                          &self->cand_top_score, &self->cand_share, &hl_at, &hl_score,
                          &hl_before, &hl_chars, &hl_up, &self->hl_max_up))
        return -1;
    if (self->segs != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Rows is initialised once");
        return -1;
    }
    PyObject *cues;
    long long n_features, total_chars;
    int html;
    if (!PyArg_ParseTuple(page, "nnnnnpdddLOO!L", &self->best, &self->last_best, &self->first_in,
                          &self->last_in, &self->header_at, &html, &self->pp,
                          &self->page_prose_log, &self->n_log, &total_chars,
                          &self->comment_label, &PyDict_Type, &self->tag_index, &self->h_index))
        return -1;
    if (!PyArg_ParseTuple(consts, "LLLLKKKKKKOL", &self->bad, &self->short_, &self->neargood,
                          &self->good, &self->boiler, &self->copyright, &self->date,
                          &self->comment_header, &self->widget, &self->meta_date, &cues,
                          &n_features))
        return -1;
    if (n_features != N_FEATURES) {
        PyErr_SetString(PyExc_ValueError, "the feature layout is not the one compiled in");
        return -1;
    }
    PyObject *cfast = PySequence_Fast(cues, "cues must be a sequence");
    if (cfast == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(cfast) != N_CUES) {
        Py_DECREF(cfast);
        PyErr_SetString(PyExc_ValueError, "wrong number of cues");
        return -1;
    }
    for (int c = 0; c < N_CUES; c++) {
        self->cues[c] = PyLong_AsUnsignedLongLongMask(PySequence_Fast_GET_ITEM(cfast, c));
        if (self->cues[c] >= (1ULL << 63)) {  /* also the error value */
            Py_DECREF(cfast);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a cue must be below 2**63");
            return -1;
        }
    }
    Py_DECREF(cfast);
    self->html = html;
    self->total_chars = 0.0;  /* set below */
    Py_INCREF(segs);
    self->segs = segs;
    Py_INCREF(self->comment_label);
    Py_INCREF(self->tag_index);
    Py_ssize_t n = PyList_GET_SIZE(segs);
    self->n = n;
    Py_ssize_t nf = PySequence_Size(parent);
    if (nf < 0)
        return -1;
    self->nf = nf;
    Py_ssize_t n1 = n ? n : 1, nf1 = nf ? nf : 1;
    self->repeats = PyMem_Calloc(n1, sizeof(int32_t));
    if (self->repeats == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (count_repeats(segs, n, self->repeats) < 0)
        return -1;
    Py_ssize_t nm = n / ROWS_MARK + 1;
    self->n_marks = nm;
    self->mark_prefix = PyMem_Calloc((size_t)N_WINCOLS * (size_t)nm, sizeof(double));
    self->mark_meta = PyMem_Calloc((size_t)nm, sizeof(long long));
    self->mark_pos = PyMem_Calloc((size_t)nm, sizeof(long long));
    if (nf >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Rows: too many frames");
        return -1;
    }
    self->parent = PyMem_Calloc(nf1, sizeof(int32_t));
    if (!self->repeats || !self->mark_prefix || !self->mark_meta
        || !self->mark_pos || !self->parent) {
        PyErr_NoMemory();
        return -1;
    }
    if (dvec_take(&self->values, values, n, "values") < 0
        || dvec_take(&self->share, share, nf, "share") < 0
        || dvec_take(&self->linkd, linkd, nf, "linkd") < 0)
        return -1;
    /* (a parent out of range is refused where it is read) */
    if (read_numbers(parent, nf, NULL, self->parent, "parent") < 0)
        return -1;
    if (self->cand_top >= 0) {
        if (self->cand_top > self->cand_last || self->cand_last >= nf
            || PyBytes_GET_SIZE(cand_output) != nf || !(self->cand_top_score > 0.0)) {
            PyErr_SetString(PyExc_ValueError, "Rows: candidates of another page");
            return -1;
        }
        if (dvec_take(&self->cand_score, cand_score, nf, "candidate scores") < 0)
            return -1;
    }
    Py_INCREF(cand_output);
    self->cand_output = cand_output;
    if (hl_at >= 0) {
        if (hl_at >= n || PyBytes_GET_SIZE(hl_up) != nf) {
            PyErr_SetString(PyExc_ValueError, "Rows: a headline of another page");
            return -1;
        }
    }
    self->hl_at = hl_at < 0 ? -1 : hl_at;
    self->hl_score = hl_score;
    self->hl_before = hl_before;
    self->hl_chars = hl_chars;
    Py_INCREF(hl_up);
    self->hl_up = hl_up;
    /* One pass: the running sums, kept at every ROWS_MARK-th block. */
    double pre[N_WINCOLS] = {0.0};
    long long pos = 0, meta_n = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i % ROWS_MARK == 0) {
            Py_ssize_t k = i / ROWS_MARK;
            for (int c = 0; c < N_WINCOLS; c++)
                self->mark_prefix[c * nm + k] = pre[c];
            self->mark_meta[k] = meta_n;
            self->mark_pos[k] = pos;
        }
        if (i == n)
            break;
        double col[N_WINCOLS];
        int meta;
        long long chars;
        if (row_columns(self, i, col, &meta, &chars) < 0)
            return -1;
        for (int c = 0; c < N_WINCOLS; c++)
            pre[c] += col[c];
        meta_n += meta;
        pos += chars;
    }
    if (pos != total_chars && !(pos == 0 && total_chars == 1)) {
        PyErr_SetString(PyExc_ValueError, "total_chars is not the blocks' characters");
        return -1;
    }
    self->total_chars = (double)total_chars;
    return 0;
}

/* The own features of block j (learned._own). */
static int
own_features(Rows *self, Py_ssize_t j, double *o, int *good)
{
    PyObject *s = PyList_GET_ITEM(self->segs, j);
    long long chars, sentences, cf, heading, indent, line_start, line_end;
    double words, link_density, stop_density;
    int punct_end, list_item, image_before, bullet, blank_before, blank_after;
    if (attr_ll(s, s_chars, &chars) < 0 || attr_ll(s, s_sentences, &sentences) < 0
        || attr_ll(s, s_cf, &cf) < 0 || attr_ll(s, s_heading, &heading) < 0
        || attr_ll(s, s_indent, &indent) < 0 || attr_ll(s, s_line_start, &line_start) < 0
        || attr_ll(s, s_line_end, &line_end) < 0 || attr_double(s, s_words, &words) < 0
        || attr_double(s, s_link_density, &link_density) < 0
        || attr_double(s, s_stop_density, &stop_density) < 0
        || attr_true(s, s_punct_end, &punct_end) < 0 || attr_true(s, s_list_item, &list_item) < 0
        || attr_true(s, s_image_before, &image_before) < 0
        || attr_true(s, s_bullet, &bullet) < 0 || attr_true(s, s_blank_before, &blank_before) < 0
        || attr_true(s, s_blank_after, &blank_after) < 0)
        return -1;
    PyObject *label = seg_attr(s, s_label);
    if (label == NULL)
        return -1;
    int is_comment = label == self->comment_label;
    Py_DECREF(label);
    PyObject *text = seg_text(s);
    if (text == NULL)
        return -1;
    double shape[3];
    text_shape_of(text, shape);
    int upper_text = text_isupper(text);
    Py_DECREF(text);
    unsigned long long bits;
    if (block_flags(self, j, &bits) < 0)
        return -1;
    double avg = shape[2];
    o[0] = log1p((double)chars);
    o[1] = log1p(words);
    o[2] = link_density;
    o[3] = stop_density;
    o[4] = punct_end ? 1.0 : 0.0;
    o[5] = log1p((double)sentences);
    o[6] = cf == self->bad ? 1.0 : 0.0;
    o[7] = cf == self->short_ ? 1.0 : 0.0;
    o[8] = cf == self->neargood ? 1.0 : 0.0;
    o[9] = cf == self->good ? 1.0 : 0.0;
    o[10] = heading ? 1.0 : 0.0;
    o[11] = heading == 1 ? 1.0 : 0.0;
    o[12] = list_item ? 1.0 : 0.0;
    o[13] = image_before ? 1.0 : 0.0;
    o[14] = bits & self->boiler ? 1.0 : 0.0;
    o[15] = bits & self->copyright ? 1.0 : 0.0;
    o[16] = bits & self->date ? 1.0 : 0.0;
    o[17] = shape[0];
    o[18] = shape[1];
    o[19] = (20.0 < avg ? 20.0 : avg) / 20.0;  /* min(avg, 20.0): avg unless 20.0 is smaller */
    o[20] = bits & self->comment_header ? 1.0 : 0.0;
    o[21] = bits & self->widget ? 1.0 : 0.0;
    o[22] = (bits & self->meta_date) && words <= 16 ? 1.0 : 0.0;
    o[23] = is_comment ? 1.0 : 0.0;
    o[24] = (double)(20 < indent ? 20 : indent) / 20.0;
    o[25] = bullet ? 1.0 : 0.0;
    o[26] = blank_before ? 1.0 : 0.0;
    o[27] = blank_after ? 1.0 : 0.0;
    o[28] = line_end ? log1p((double)(line_end - line_start + 1)) : log1p(1.0);
    o[29] = upper_text ? 1.0 : 0.0;
    *good = cf == self->good;
    (void)heading;
    return 0;
}

/* The columns fill() is handed for a run of `rows` blocks (`width` doubles a block, made in
 * Python): `obj` (None for none) viewed as `buf`, which the caller releases; -1 with ValueError
 * when it is not that many native doubles. */
static int
get_columns(PyObject *obj, Py_buffer *buf, Py_ssize_t rows, int width, const char *what)
{
    if (obj == Py_None)
        return 0;
    if (PyObject_GetBuffer(obj, buf, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (buf->itemsize != (Py_ssize_t)sizeof(double) || buf->format == NULL
        || strcmp(buf->format, "d") != 0 || buf->len != rows * width * (Py_ssize_t)sizeof(double)) {
        PyBuffer_Release(buf);
        PyErr_Format(PyExc_ValueError, "fill(): the %s columns are not %d doubles a block of lo..hi",
                     what, width);
        return -1;
    }
    return 0;
}

/* Row `row` of such columns written at x (0s where there are none); returns x past them. */
static inline double *
put_columns(double *x, const Py_buffer *buf, Py_ssize_t row, int width)
{
    if (buf->buf != NULL)
        memcpy(x, (const double *)buf->buf + row * width, (size_t)width * sizeof(double));
    else
        for (int c = 0; c < width; c++)
            x[c] = 0.0;
    return x + width;
}

/* fill(lo, hi) -> bytes: the vectors of blocks lo..hi-1, N_FEATURES doubles each. */
static PyObject *
Rows_fill(Rows *self, PyObject *args)
{
    Py_ssize_t lo, hi;
    PyObject *lex_obj = Py_None, *co_obj = Py_None;
    if (!PyArg_ParseTuple(args, "nn|OO:fill", &lo, &hi, &lex_obj, &co_obj))
        return NULL;
    Py_ssize_t n = self->n;
    if (self->segs == NULL || PyList_GET_SIZE(self->segs) != n) {
        PyErr_SetString(PyExc_RuntimeError, "the page's blocks changed");
        return NULL;
    }
    if (lo < 0 || hi > n || lo > hi) {
        PyErr_SetString(PyExc_IndexError, "fill(lo, hi) out of range");
        return NULL;
    }
    Py_buffer lex = {0}, co = {0};
    if (get_columns(lex_obj, &lex, hi - lo, N_LEX, "lexicon") < 0)
        return NULL;
    if (get_columns(co_obj, &co, hi - lo, N_CO, "cohort") < 0) {
        if (lex.obj != NULL)
            PyBuffer_Release(&lex);
        return NULL;
    }
    Py_ssize_t a0 = lo > 2 ? lo - 2 : 0;
    Py_ssize_t b0 = hi + 2 < n ? hi + 2 : n;
    Py_ssize_t m = b0 - a0;
    /* The running sums at blocks u0 .. u1 (the reach of the widest window and of the meta-line
     * span), carried on from the mark at or before u0. */
    Py_ssize_t reach = WINDOWS[1] > 4 ? WINDOWS[1] : 4;
    Py_ssize_t u1 = hi + reach < n ? hi + reach : n;
    Py_ssize_t u0 = (lo > reach ? lo - reach : 0) / ROWS_MARK * ROWS_MARK;
    Py_ssize_t L = u1 - u0 + 1;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (hi - lo) * N_FEATURES * (Py_ssize_t)sizeof(double));
    double *own = PyMem_Malloc((m ? m : 1) * N_OWN * sizeof(double));
    int *good = PyMem_Malloc((m ? m : 1) * sizeof(int));
    double *lpre = PyMem_Malloc((size_t)N_WINCOLS * (size_t)L * sizeof(double));
    long long *lmeta = PyMem_Malloc((size_t)L * sizeof(long long));
    long long *lpos = PyMem_Malloc((size_t)L * sizeof(long long));
    if (out == NULL || own == NULL || good == NULL || lpre == NULL || lmeta == NULL
        || lpos == NULL) {
        Py_XDECREF(out);
        PyMem_Free(own);
        PyMem_Free(good);
        PyMem_Free(lpre);
        PyMem_Free(lmeta);
        PyMem_Free(lpos);
        if (lex.obj != NULL)
            PyBuffer_Release(&lex);
        if (co.obj != NULL)
            PyBuffer_Release(&co);
        return out == NULL ? NULL : PyErr_NoMemory();
    }
    {
        Py_ssize_t k = u0 / ROWS_MARK;
        for (int c = 0; c < N_WINCOLS; c++)
            lpre[c * L] = self->mark_prefix[c * self->n_marks + k];
        lmeta[0] = self->mark_meta[k];
        lpos[0] = self->mark_pos[k];
        for (Py_ssize_t j = u0; j < u1; j++) {
            double col[N_WINCOLS];
            int meta;
            long long chars;
            if (row_columns(self, j, col, &meta, &chars) < 0)
                goto fail;
            Py_ssize_t t = j - u0;
            for (int c = 0; c < N_WINCOLS; c++)
                lpre[c * L + t + 1] = lpre[c * L + t] + col[c];
            lmeta[t + 1] = lmeta[t] + meta;
            lpos[t + 1] = lpos[t] + chars;
        }
    }
    for (Py_ssize_t j = a0; j < b0; j++) {
        if (own_features(self, j, own + (j - a0) * N_OWN, good + (j - a0)) < 0)
            goto fail;
    }
    double *row = (double *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = lo; i < hi; i++, row += N_FEATURES) {
        PyObject *s = PyList_GET_ITEM(self->segs, i);
        long long heading, depth, frame;
        unsigned long long near_cues, cues;
        int in_region;
        if (attr_ll(s, s_heading, &heading) < 0 || attr_ll(s, s_depth, &depth) < 0
            || attr_ll(s, s_frame, &frame) < 0
            || attr_mask(s, s_near_cues, &near_cues) < 0 || attr_mask(s, s_cues, &cues) < 0
            || attr_true(s, s_in_region, &in_region) < 0)
            goto fail;
        long long tag = -1;
        if (heading) {
            tag = self->h_index;
        } else {
            PyObject *t = seg_attr(s, s_tag);
            if (t == NULL)
                goto fail;
            PyObject *k = PyDict_GetItemWithError(self->tag_index, t);
            Py_DECREF(t);
            if (k == NULL && PyErr_Occurred())
                goto fail;
            if (k != NULL && (tag = PyLong_AsLongLong(k)) == -1 && PyErr_Occurred())
                goto fail;
        }
        Py_ssize_t k = i - a0;
        const double *o = own + k * N_OWN;
        double *x = row;
        memcpy(x, o, N_OWN * sizeof(double));
        x += N_OWN;
        for (int t = 0; t < N_TAGS; t++)
            x[t] = t == tag ? 1.0 : 0.0;
        x += N_TAGS;
        for (int c = 0; c < N_CUES; c++)
            x[c] = near_cues & self->cues[c] ? 1.0 : 0.0;
        x += N_CUES;
        for (int c = 0; c < N_CUES; c++)
            x[c] = cues & self->cues[c] ? 1.0 : 0.0;
        x += N_CUES;
        Py_ssize_t f = (Py_ssize_t)frame;
        int in_best = self->best <= f && f <= self->last_best;
        double sh[4] = {0.0, 0.0, 0.0, 0.0}, ld[4] = {0.0, 0.0, 0.0, 0.0};
        /* (the same 4 levels give classify.candidates.block_features its best ancestor score:
         * candidates.ANCESTORS == learned.LEVELS, tests check it) */
        int cand = self->cand_top >= 0 && f >= 0;
        double cand_best = 0.0;
        for (int lv = 0; lv < 4 && f >= 0; lv++) {
            if (f >= self->nf) {
                PyErr_SetString(PyExc_IndexError, "a frame is outside the page's frames");
                goto fail;
            }
            sh[lv] = self->share.p[f];
            ld[lv] = self->linkd.p[f];
            if (cand && self->cand_score.p[f] > cand_best)
                cand_best = self->cand_score.p[f];
            f = self->parent[f];
        }
        x[0] = (double)i / (double)n;
        x[1] = (double)lpos[i - u0] / self->total_chars;
        x[2] = (double)(depth < 40 ? depth : 40) / 40.0;
        x[3] = self->n_log;
        for (int lv = 0; lv < 4; lv++) {
            x[4 + lv] = sh[lv];
            x[8 + lv] = ld[lv];
        }
        x += 12;
        double value = self->values.p[i];
        Py_ssize_t a = i > 3 ? i - 3 : 0, b = i + 4 < n ? i + 4 : n;
        x[0] = (Py_ssize_t)frame == self->best ? 1.0 : 0.0;
        x[1] = self->html ? (in_best ? 1.0 : 0.0) : (in_region ? 1.0 : 0.0);
        x[2] = self->page_prose_log;
        x[3] = value > 0 ? value / self->pp : 0.0;
        x[4] = i < self->first_in ? 1.0 : 0.0;
        x[5] = i > self->last_in ? 1.0 : 0.0;
        x[6] = i > self->header_at ? 1.0 : 0.0;
        x[7] = lmeta[b - u0] - lmeta[a - u0] - (o[22] != 0.0 ? 1 : 0) ? 1.0 : 0.0;
        x += 8;
        static const int offs[4] = {-1, -2, 1, 2};
        for (int q = 0; q < 4; q++, x += 6) {
            Py_ssize_t j = i + offs[q];
            if (j < 0 || j >= n) {
                for (int c = 0; c < 6; c++)
                    x[c] = 0.0;
                continue;
            }
            const double *p = own + (j - a0) * N_OWN;
            x[0] = p[0];
            x[1] = p[2];
            x[2] = p[3];
            x[3] = p[4];
            x[4] = good[j - a0] ? 1.0 : 0.0;
            x[5] = p[10];
        }
        for (int w = 0; w < 2; w++) {
            Py_ssize_t W = WINDOWS[w];
            Py_ssize_t wa = i > W ? i - W : 0, wb = i + W + 1 < n ? i + W + 1 : n;
            Py_ssize_t others = wb - wa - 1;
            for (int c = 0; c < N_WINCOLS; c++) {
                const double *pre = lpre + c * L - u0;
                *x++ = others ? (pre[wb] - pre[wa] - o[WIN_IDX[c]]) / (double)others : 0.0;
            }
        }
        *x++ = log1p((double)(self->repeats[i] - 1));
        /* classify.candidates.block_features */
        if (!cand) {
            x[0] = x[1] = x[2] = 0.0;
        } else {
            const char *out = PyBytes_AS_STRING(self->cand_output);
            x[0] = self->cand_top <= frame && frame <= self->cand_last ? 1.0 : 0.0;
            x[1] = out[frame] ? 1.0 : 0.0;
            x[2] = cand_best / self->cand_top_score;
        }
        x[3] = self->cand_share;
        x += 4;
        /* classify.headline.block_features */
        if (self->hl_at < 0) {
            x[0] = x[1] = x[2] = x[4] = 0.0;
            x[3] = (double)self->hl_max_up;
        } else {
            Py_ssize_t d = i - self->hl_at;
            long long before = lpos[i - u0], chars = lpos[i + 1 - u0] - before;
            double between = d > 0 ? (double)(before - self->hl_before - self->hl_chars)
                             : d < 0 ? (double)(-(self->hl_before - before - chars)) : 0.0;
            x[0] = 1.0;
            x[1] = d ? copysign(log1p(fabs((double)d)), (double)d) : 0.0;
            x[2] = between != 0.0 ? copysign(log1p(fabs(between)), between) : 0.0;
            x[3] = frame < 0 ? (double)self->hl_max_up
                   : (double)((const unsigned char *)PyBytes_AS_STRING(self->hl_up))[frame];
            x[4] = self->hl_score;
        }
        x += 5;
        x = put_columns(x, &co, i - lo, N_CO);    /* classify.cohort.Cohorts.columns */
        x = put_columns(x, &lex, i - lo, N_LEX);  /* classify.lexicon.columns */
        if (x != row + N_FEATURES) {
            PyErr_SetString(PyExc_SystemError, "feature layout");
            goto fail;
        }
    }
    PyMem_Free(own);
    PyMem_Free(good);
    PyMem_Free(lpre);
    PyMem_Free(lmeta);
    PyMem_Free(lpos);
    if (lex.obj != NULL)
        PyBuffer_Release(&lex);
    if (co.obj != NULL)
        PyBuffer_Release(&co);
    return out;
fail:
    Py_DECREF(out);
    PyMem_Free(own);
    PyMem_Free(good);
    PyMem_Free(lpre);
    PyMem_Free(lmeta);
    PyMem_Free(lpos);
    if (lex.obj != NULL)
        PyBuffer_Release(&lex);
    if (co.obj != NULL)
        PyBuffer_Release(&co);
    return NULL;
}

static PyMethodDef Rows_methods[] = {
    {"fill", (PyCFunction)Rows_fill, METH_VARARGS,
     "fill(lo, hi[, lex[, co]]) -> bytes: the feature vectors of blocks lo..hi-1 as native "
     "doubles."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RowsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._speedups.Rows",
    .tp_doc = "Rows(segs, values, share, linkd, parent, page, consts, cand, head): the learned model's "
              "feature vectors of a page (see boilerstrip.classify.learned).",
    .tp_basicsize = sizeof(Rows),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Rows_init,
    .tp_dealloc = (destructor)Rows_dealloc,
    .tp_methods = Rows_methods,
};

/* ---------------------------------------------------------------------------------------------
 * wraps(lines, lengths, indents, page, wide_match, display_width, narrow, wide, max_width, window,
 *       evidence, close, short_share) -> bytes
 * For every line i but the last, 1 where boilerstrip.segment_text._continues(lines[i + 1],
 * lengths, indents, i, page) is true (the line was wrapped onto the next), else 0;
 * the last byte is 0. `lengths`, `indents` (display widths) and `page` (page_width()) are the
 * ones segment_text computes; `top * close + base` and `width * short_share` are the same
 * doubles. The next line's first word is found as str.split() finds it (Py_UNICODE_ISSPACE);
 * whether its first character is wide is asked of `wide_match` (segment_text._WIDE.match) and its
 * display width of `display_width` whenever the word is not ASCII: no Unicode table here. An ASCII
 * character is narrow, as display_width() takes it.
 * ------------------------------------------------------------------------------------------- */

/* 1 when wide_match(chr(c)) matches, 0 when not, -1 on error; ASCII is never wide */
static int
is_wide(PyObject *wide_match, Py_UCS4 c)
{
    if (c < 128)
        return 0;
    PyObject *ch = PyUnicode_FromOrdinal((int)c);
    if (ch == NULL)
        return -1;
    PyObject *r = PyObject_CallOneArg(wide_match, ch);
    Py_DECREF(ch);
    if (r == NULL)
        return -1;
    int wide = r != Py_None;
    Py_DECREF(r);
    return wide;
}

static int
read_widths(PyObject *seq, Py_ssize_t n, Py_ssize_t *out, const char *what)
{
    if (!PyList_Check(seq) || PyList_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "%s: a list of one int a line", what);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = PyLong_AsSsize_t(PyList_GET_ITEM(seq, i));
        if (out[i] == -1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

static PyObject *
speedups_wraps(PyObject *mod, PyObject *args)
{
    PyObject *lines_arg, *lengths, *indents, *wide_match, *display_width;
    Py_ssize_t page, narrow, wide_min, max_width, window, evidence_min;
    double close_share, short_share;
    if (!PyArg_ParseTuple(args, "O!OOnOOnnnnndd:wraps", &PyList_Type, &lines_arg, &lengths,
                          &indents, &page, &wide_match, &display_width, &narrow, &wide_min,
                          &max_width, &window, &evidence_min, &close_share, &short_share))
        return NULL;
    /* A tuple of the lines: the callbacks cannot take a line away while it is in use. */
    PyObject *lines = PyList_AsTuple(lines_arg);
    if (lines == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(lines);
    Py_ssize_t *len = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *ind = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (len == NULL || ind == NULL || out == NULL) {
        PyMem_Free(len);
        PyMem_Free(ind);
        Py_DECREF(lines);
        Py_XDECREF(out);
        return out == NULL ? NULL : PyErr_NoMemory();
    }
    char *flag = PyBytes_AS_STRING(out);
    if (read_widths(lengths, n, len, "lengths") < 0 || read_widths(indents, n, ind, "indents") < 0)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(lines, i))) {
            PyErr_SetString(PyExc_TypeError, "wraps() takes a list of str");
            goto fail;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        flag[i] = 0;
        if (i + 1 >= n || len[i] - ind[i] < narrow)
            continue;
        /* _wrap_width(lengths, indents, i, page) */
        Py_ssize_t lo = i - window > 0 ? i - window : 0;
        Py_ssize_t hi = i + window + 1 < n ? i + window + 1 : n;
        Py_ssize_t base = 0, longest = 0;
        int any = 0;
        for (Py_ssize_t j = lo; j < hi; j++) {
            if (len[j] && (!any || ind[j] < base)) {
                base = ind[j];
                any = 1;
            }
            if (j == lo || len[j] > longest)
                longest = len[j];
        }
        Py_ssize_t top = longest - base;
        if (top < narrow || top > max_width)
            continue;
        double close = (double)top * close_share + (double)base;
        Py_ssize_t evidence = 0;
        for (Py_ssize_t j = lo; j < hi; j++)
            if (j != i && (double)len[j] >= close)
                evidence++;
        Py_ssize_t width = 0;
        if (evidence >= evidence_min)
            width = top;
        else if (page && (double)page * close_share <= (double)longest && longest <= page)
            width = page - base;
        if (!width)
            continue;
        /* the next line's first word: lower case or wide at its start, its display width */
        PyObject *nxt = PyTuple_GET_ITEM(lines, i + 1);
        Py_ssize_t m = PyUnicode_GET_LENGTH(nxt), a = 0;
        int nkind = PyUnicode_KIND(nxt);
        const void *ndata = PyUnicode_DATA(nxt);
        while (a < m && Py_UNICODE_ISSPACE(PyUnicode_READ(nkind, ndata, a)))
            a++;
        Py_ssize_t b = a;
        int ascii = 1;
        while (b < m) {
            Py_UCS4 c = PyUnicode_READ(nkind, ndata, b);
            if (Py_UNICODE_ISSPACE(c))
                break;
            ascii &= c < 128;
            b++;
        }
        int lower = 0, wide = 0;
        if (b > a) {
            Py_UCS4 c0 = PyUnicode_READ(nkind, ndata, a);
            lower = Py_UNICODE_ISLOWER(c0) != 0;
            wide = is_wide(wide_match, c0);
            if (wide < 0)
                goto fail;
        }
        Py_ssize_t own = len[i] - ind[i];
        if (width < wide_min) {
            if (!(lower || wide))
                continue;
        } else if (own < wide_min
                   && ((double)own < (double)width * short_share || !(lower || wide))) {
            continue;  /* a short line among wide ones ends its paragraph */
        }
        Py_ssize_t need = 2;
        if (!wide) {
            Py_ssize_t first = b - a;
            if (!ascii) {
                PyObject *word = PyUnicode_Substring(nxt, a, b);
                PyObject *w = word == NULL ? NULL : PyObject_CallOneArg(display_width, word);
                Py_XDECREF(word);
                first = w == NULL ? -1 : PyLong_AsSsize_t(w);
                Py_XDECREF(w);
                if (first == -1 && PyErr_Occurred())
                    goto fail;
            }
            need = 1 + first;
        }
        flag[i] = len[i] - base + need > width - 1;
    }
    PyMem_Free(len);
    PyMem_Free(ind);
    Py_DECREF(lines);
    return out;
fail:
    PyMem_Free(len);
    PyMem_Free(ind);
    Py_DECREF(lines);
    Py_DECREF(out);
    return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * text_blocks(lines, wrapped, bullet_match, wide_match, stop, before, check_mask,
 *             max_bullet_chars) -> list[(start, end, indent, bullet, text, blank_before, blank_after)]
 * The paragraph loop of boilerstrip.segment_text.segment_text over right-stripped `lines`, with
 * `wrapped` the bytes of wraps(): the same blocks, in the same order (end is exclusive). Bullets
 * are matched by calling `bullet_match` (patterns.BULLET.match) as the loop does; it is skipped
 * where the text's first non-blank character is ASCII and no bullet can start with it (the pattern
 * needs a bullet character, a digit or "[" after its leading blanks). The lines of a block are
 * joined as segment_text._joiner() joins them: with nothing between two wide characters (asked of
 * `wide_match`, segment_text._WIDE.match, where both are not ASCII), with a space otherwise.
 * Every `check_mask + 1` turns of the loop `stop(before + blocks found)` is called, as the loop
 * calls budget.stop_collecting.
 * ------------------------------------------------------------------------------------------- */
static int
may_be_bullet(Py_UCS4 c)
{
    if (c >= 128)
        return 1;
    return c == '-' || c == '*' || c == '+' || c == '[' || (c >= '0' && c <= '9');
}

static Py_ssize_t
leading_space(PyObject *t)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(t), k = 0;
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    while (k < m && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
        k++;
    return k;
}

/* ---------------------------------------------------------------------------------------------
 * display_widths(lines, display_width) -> (lengths, indents): segment_text's
 *   lengths = [display_width(s) for s in lines]
 *   indents = [n - display_width(s.lstrip()) for n, s in zip(lengths, lines)]
 * An ASCII string is measured by its length, as display_width() measures it; any other is measured
 * by calling `display_width` (segment_text.display_width), as is its lstrip() (the leading
 * Py_UNICODE_ISSPACE characters off) unless nothing is stripped or what is left is ASCII.
 * ------------------------------------------------------------------------------------------- */
static Py_ssize_t
call_width(PyObject *display_width, PyObject *t)
{
    PyObject *w = PyObject_CallOneArg(display_width, t);
    if (w == NULL)
        return -1;
    Py_ssize_t n = PyLong_AsSsize_t(w);
    Py_DECREF(w);
    return n;
}

/* The display width of t and of its first k characters (its indent), where every character of t
 * is below the table's length (else 0, nothing set): a character of table bit 2 takes two
 * columns, any other one. */
static int
table_widths(PyObject *t, Py_ssize_t k, const unsigned char *table, Py_ssize_t size,
             Py_ssize_t *len_out, Py_ssize_t *ind_out)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    Py_ssize_t m = PyUnicode_GET_LENGTH(t), wide_head = 0, wide = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if ((Py_ssize_t)c >= size)
            return 0;
        if (table[c] & 2) {
            wide++;
            if (i < k)
                wide_head++;
        }
    }
    *len_out = m + wide;
    *ind_out = k + wide_head;
    return 1;
}

static PyObject *
speedups_display_widths(PyObject *mod, PyObject *args)
{
    PyObject *lines_arg, *display_width, *table_obj = NULL;
    if (!PyArg_ParseTuple(args, "O!O|O!:display_widths", &PyList_Type, &lines_arg, &display_width,
                          &PyBytes_Type, &table_obj))
        return NULL;
    /* table[c] & 2: c is wide (two columns), for every c below the table's length */
    const unsigned char *table = table_obj ? (const unsigned char *)PyBytes_AS_STRING(table_obj) : NULL;
    Py_ssize_t table_size = table_obj ? PyBytes_GET_SIZE(table_obj) : 0;
    /* A tuple of the lines: the callback cannot take a line away while it is in use. */
    PyObject *lines = PyList_AsTuple(lines_arg);
    if (lines == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(lines);
    PyObject *lengths = PyList_New(n), *indents = PyList_New(n);
    if (lengths == NULL || indents == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(lines, i);
        if (!PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "display_widths() takes a list of str");
            goto fail;
        }
        Py_ssize_t m = PyUnicode_GET_LENGTH(t), k = leading_space(t), len, ind;
        if (PyUnicode_IS_ASCII(t)) {
            len = m;
            ind = k;
        } else if (table != NULL && table_widths(t, k, table, table_size, &len, &ind)) {
            /* every character in the table: measured here */
        } else {
            len = call_width(display_width, t);
            if (len == -1 && PyErr_Occurred())
                goto fail;
            ind = 0;
            if (k) {
                int kind = PyUnicode_KIND(t);
                const void *data = PyUnicode_DATA(t);
                Py_ssize_t b = k;
                while (b < m && PyUnicode_READ(kind, data, b) < 128)
                    b++;
                if (b == m) {
                    ind = len - (m - k);
                } else {
                    PyObject *rest = PyUnicode_Substring(t, k, m);  /* t.lstrip() */
                    Py_ssize_t w = rest == NULL ? -1 : call_width(display_width, rest);
                    Py_XDECREF(rest);
                    if (w == -1 && PyErr_Occurred())
                        goto fail;
                    ind = len - w;
                }
            }
        }
        PyObject *a = PyLong_FromSsize_t(len), *b = PyLong_FromSsize_t(ind);
        if (a == NULL || b == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(b);
            goto fail;
        }
        PyList_SET_ITEM(lengths, i, a);
        PyList_SET_ITEM(indents, i, b);
    }
    Py_DECREF(lines);
    return Py_BuildValue("(NN)", lengths, indents);
fail:
    Py_DECREF(lines);
    Py_XDECREF(lengths);
    Py_XDECREF(indents);
    return NULL;
}

/* str.strip() of t (t[a:] stripped at both ends) */
static PyObject *
strip_from(PyObject *t, Py_ssize_t a)
{
    Py_ssize_t b = PyUnicode_GET_LENGTH(t);
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)))
        a++;
    while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1)))
        b--;
    return PyUnicode_Substring(t, a, b);
}

/* 1 when bullet_match(t) is a match (kept in *m), 0 when not, -1 on error */
static int
bullet_of(PyObject *bullet_match, PyObject *t, Py_ssize_t first, PyObject **m)
{
    *m = NULL;
    if (first >= PyUnicode_GET_LENGTH(t)
        || !may_be_bullet(PyUnicode_READ_CHAR(t, first)))
        return 0;
    PyObject *r = PyObject_CallOneArg(bullet_match, t);
    if (r == NULL)
        return -1;
    if (r == Py_None) {
        Py_DECREF(r);
        return 0;
    }
    *m = r;
    return 1;
}

static PyObject *
speedups_text_blocks(PyObject *mod, PyObject *args)
{
    PyObject *lines_arg, *wrapped_obj, *bullet_match, *wide_match, *stop;
    Py_ssize_t before, check_mask, max_bullet_chars;
    if (!PyArg_ParseTuple(args, "O!O!OOOnnn:text_blocks", &PyList_Type, &lines_arg, &PyBytes_Type,
                          &wrapped_obj, &bullet_match, &wide_match, &stop, &before, &check_mask,
                          &max_bullet_chars))
        return NULL;
    /* A tuple of the lines: the callbacks cannot take a line away while it is in use. */
    PyObject *lines = PyList_AsTuple(lines_arg);
    if (lines == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(lines);
    if (PyBytes_GET_SIZE(wrapped_obj) != n) {
        Py_DECREF(lines);
        PyErr_SetString(PyExc_ValueError, "wrapped: one byte a line");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(lines, i))) {
            Py_DECREF(lines);
            PyErr_SetString(PyExc_TypeError, "text_blocks() takes a list of str");
            return NULL;
        }
    }
    const char *wrapped = PyBytes_AS_STRING(wrapped_obj);
    PyObject *out = PyList_New(0);
    PyObject *parts = PyList_New(0);
    PyObject *space = PyUnicode_FromString(" ");
    PyObject *empty = PyUnicode_FromString("");
    PyObject *m = NULL, *body = NULL, *bullet = NULL;
    if (out == NULL || parts == NULL || space == NULL || empty == NULL)
        goto fail;
    Py_ssize_t i = 0, ticks = 0;
    while (i < n) {
        ticks++;
        if (!(ticks & check_mask)) {
            PyObject *k = PyLong_FromSsize_t(before + PyList_GET_SIZE(out));
            if (k == NULL)
                goto fail;
            PyObject *r = PyObject_CallOneArg(stop, k);
            Py_DECREF(k);
            if (r == NULL)
                goto fail;
            int done = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (done < 0)
                goto fail;
            if (done)
                break;
        }
        PyObject *line = PyTuple_GET_ITEM(lines, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(line);
        if (len == 0) {  /* right-stripped: blank exactly when empty */
            i++;
            continue;
        }
        Py_ssize_t start = i;
        Py_ssize_t indent = leading_space(line);
        body = PyUnicode_Substring(line, indent, len);  /* line.strip() */
        if (body == NULL)
            goto fail;
        Py_ssize_t cont = -1;
        if (len - indent < max_bullet_chars) {
            int got = bullet_of(bullet_match, body, 0, &m);
            if (got < 0)
                goto fail;
            if (got) {
                bullet = PyObject_CallMethod(m, "group", "i", 1);
                PyObject *end = bullet == NULL ? NULL : PyObject_CallMethod(m, "end", NULL);
                Py_ssize_t e = end == NULL ? -1 : PyLong_AsSsize_t(end);
                Py_XDECREF(end);
                Py_CLEAR(m);
                if (e == -1 && (bullet == NULL || PyErr_Occurred()))
                    goto fail;
                if (!PyUnicode_Check(bullet) || e < 0 || e > len - indent) {
                    PyErr_SetString(PyExc_ValueError, "an odd bullet match");
                    goto fail;
                }
                PyObject *rest = strip_from(body, e);
                if (rest == NULL)
                    goto fail;
                Py_SETREF(body, rest);
                int truthy = PyUnicode_GET_LENGTH(bullet) > 0;
                cont = truthy ? indent + e : -1;
            }
        }
        if (bullet == NULL) {
            Py_INCREF(empty);
            bullet = empty;
        }
        if (PyList_SetSlice(parts, 0, PyList_GET_SIZE(parts), NULL) < 0)
            goto fail;
        if (PyUnicode_GET_LENGTH(body) && PyList_Append(parts, body) < 0)
            goto fail;
        Py_ssize_t j = i + 1;
        while (j < n && wrapped[j - 1]) {
            PyObject *nxt = PyTuple_GET_ITEM(lines, j);
            Py_ssize_t nlen = PyUnicode_GET_LENGTH(nxt);
            if (!nlen)
                break;
            Py_ssize_t nind = leading_space(nxt);
            int got = bullet_of(bullet_match, nxt, nind, &m);
            Py_CLEAR(m);
            if (got < 0)
                goto fail;
            if (got)
                break;
            if (cont < 0) {
                if (nind > indent + 2)
                    break;
                cont = nind;
            } else if (nind - cont > 2 || cont - nind > 2) {
                break;
            }
            PyObject *piece = PyUnicode_Substring(nxt, nind, nlen);  /* nxt.strip() */
            if (piece == NULL)
                goto fail;
            Py_ssize_t k = PyList_GET_SIZE(parts);
            int bad = 0;
            if (k) {  /* _joiner(text so far, piece): "" between two wide characters, else " " */
                PyObject *prev = PyList_GET_ITEM(parts, k - 1);
                Py_UCS4 last = PyUnicode_READ_CHAR(prev, PyUnicode_GET_LENGTH(prev) - 1);
                Py_UCS4 next = PyUnicode_READ_CHAR(piece, 0);
                int glue = is_wide(wide_match, last);
                if (glue > 0)
                    glue = is_wide(wide_match, next);
                bad = glue < 0 || PyList_Append(parts, glue ? empty : space) < 0;
            }
            if (!bad)
                bad = PyList_Append(parts, piece) < 0;
            Py_DECREF(piece);
            if (bad)
                goto fail;
            j++;
        }
        PyObject *text;
        if (PyList_GET_SIZE(parts)) {
            text = PyUnicode_Join(empty, parts);
        } else {
            text = PyUnicode_Substring(line, indent, len);  /* line.strip() */
        }
        if (text == NULL)
            goto fail;
        int blank_before = start == 0 || PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(lines, start - 1)) == 0;
        int blank_after = j >= n || PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(lines, j)) == 0;
        PyObject *rec = Py_BuildValue("(nnnNNNN)", start, j, indent, bullet, text,
                                      PyBool_FromLong(blank_before), PyBool_FromLong(blank_after));
        bullet = NULL;  /* stolen by N */
        if (rec == NULL)
            goto fail;
        int bad = PyList_Append(out, rec);
        Py_DECREF(rec);
        if (bad < 0)
            goto fail;
        Py_CLEAR(body);
        i = j;
    }
    Py_DECREF(parts);
    Py_DECREF(space);
    Py_DECREF(empty);
    Py_DECREF(lines);
    return out;
fail:
    Py_XDECREF(out);
    Py_XDECREF(parts);
    Py_XDECREF(space);
    Py_XDECREF(empty);
    Py_XDECREF(m);
    Py_XDECREF(body);
    Py_XDECREF(bullet);
    Py_DECREF(lines);
    return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Word statistics of ASCII text (boilerstrip.features.compute and pick_language).
 *   words: len(text.split()), split at the ASCII characters str.isspace() takes (9-13, 28-31, 32);
 *   tokens: _ASCII_TOKEN.findall(text.lower()), the runs of [A-Za-z0-9_], lowercased;
 *   ends: len(_SENTENCE_END.findall(text)): the ".", "!" or "?" followed by a run of closing quotes
 *     (" ' ) ]) and then a blank (regex's \s: 9-13, 32) or the end of the text (no match can start
 *     inside another, so the matches are counted one by one).
 * ------------------------------------------------------------------------------------------- */
static int
ascii_space(Py_UCS1 c)
{
    return (c >= 9 && c <= 13) || (c >= 28 && c <= 32);
}

static int
ascii_word(Py_UCS1 c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The bits of the character table boilerstrip.features builds from its own patterns (every code
 * point below the table's length): */
#define CH_COVER 1   /* the table answers for it (not a wide or CJK character) */
#define CH_WORD 2    /* \w of the token pattern */
#define CH_SPACE 4   /* \s of the sentence-end pattern */
#define CH_END 8     /* a sentence end: [.!?...] */
#define CH_CLOSE 16  /* a closing quote or bracket */
#define CH_TERM 32   /* a line end of a sentence: [.!?...:;] */

static inline int
ch_bits(const unsigned char *table, Py_ssize_t size, Py_UCS4 c)
{
    return (Py_ssize_t)c < size ? table[c] : 0;
}

/* The next word (run of \w) of d from *i on: its start in *a and its end in *i, and 1; 0 when
 * there is none. With table NULL the word characters are ASCII's, else the table's (CH_WORD). */
static inline int
next_word(int kind, const void *d, Py_ssize_t n, const unsigned char *table, Py_ssize_t size,
          Py_ssize_t *i, Py_ssize_t *a)
{
    Py_ssize_t j = *i;
    for (;; j++) {
        if (j >= n) {
            *i = j;
            return 0;
        }
        Py_UCS4 c = PyUnicode_READ(kind, d, j);
        if (table == NULL ? (c < 128 && ascii_word((Py_UCS1)c)) : (ch_bits(table, size, c) & CH_WORD))
            break;
    }
    *a = j;
    for (j++; j < n; j++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, j);
        if (!(table == NULL ? (c < 128 && ascii_word((Py_UCS1)c))
                            : (ch_bits(table, size, c) & CH_WORD)))
            break;
    }
    *i = j;
    return 1;
}

/* The classes of the ASCII characters, in the same bits: what the patterns give them (\w is
 * [A-Za-z0-9_], \s the blanks 9-13 and the space); made by ascii_classes_init(). */
static unsigned char ascii_classes[128];

static void
ascii_classes_init(void)
{
    for (int c = 0; c < 128; c++) {
        int b = CH_COVER;
        if (ascii_word((Py_UCS1)c))
            b |= CH_WORD;
        if ((c >= 9 && c <= 13) || c == ' ')
            b |= CH_SPACE;
        if (c == '.' || c == '!' || c == '?')
            b |= CH_END | CH_TERM;
        if (c == ':' || c == ';')
            b |= CH_TERM;
        if (c == '"' || c == '\'' || c == ')' || c == ']')
            b |= CH_CLOSE;
        ascii_classes[c] = (unsigned char)b;
    }
}

/* len(t.split()) (words: runs of what str.isspace() does not take) and
 * len(_SENTENCE_END.findall(t)) (a sentence end, then closing quotes, then a space or the end) of
 * text of `kind` whose every character the table answers for: boilerstrip.features' word and
 * sentence counts. */
static inline void
class_words_ends(int kind, const void *d, Py_ssize_t n, const unsigned char *table,
                 Py_ssize_t size, Py_ssize_t *words_out, Py_ssize_t *ends_out)
{
    Py_ssize_t words = 0, ends = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (Py_UNICODE_ISSPACE(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        if (ch_bits(table, size, c) & CH_END) {
            Py_ssize_t q = i + 1;
            while (q < n && ch_bits(table, size, PyUnicode_READ(kind, d, q)) & CH_CLOSE)
                q++;
            if (q == n || ch_bits(table, size, PyUnicode_READ(kind, d, q)) & CH_SPACE)
                ends++;
        }
    }
    *words_out = words;
    *ends_out = ends;
}

/* _TERMINAL.search(t[-8:]) is not None for text as above: a line-end character, then at most three
 * closing quotes, up to the end or up to a newline that ends the text (regex's $). */
static inline int
class_terminal(int kind, const void *d, Py_ssize_t n, const unsigned char *table, Py_ssize_t size)
{
    Py_ssize_t from = n > 8 ? n - 8 : 0, m = n - from;
    Py_ssize_t ends[2] = {m, -1};
    if (m && PyUnicode_READ(kind, d, n - 1) == '\n')
        ends[1] = m - 1;
    for (int q = 0; q < 2; q++) {
        Py_ssize_t e = ends[q];
        if (e < 0)
            continue;
        for (Py_ssize_t k = 0; k <= 3; k++) {
            Py_ssize_t p = e - k - 1;
            if (p < 0)
                break;
            int b = ch_bits(table, size, PyUnicode_READ(kind, d, from + p));
            if (b & CH_TERM)
                return 1;
            if (!(b & CH_CLOSE))
                break;  /* longer runs would hold this character too */
        }
    }
    return 0;
}

/* punct_end of features._features: the text ends in a line-end character, a closing quote or a
 * newline, and class_terminal says so. */
static inline int
class_punct_end(int kind, const void *d, Py_ssize_t n, const unsigned char *table,
                Py_ssize_t size)
{
    if (!n)
        return 0;
    Py_UCS4 last = PyUnicode_READ(kind, d, n - 1);
    if (!(ch_bits(table, size, last) & (CH_TERM | CH_CLOSE)) && last != '\n')
        return 0;
    return class_terminal(kind, d, n, table, size);
}

/* The tokens of t (ASCII): calls back `each(token)` for every one; returns the count or -1. */
typedef int (*token_fn)(PyObject *token, void *arg);

static Py_ssize_t
each_token(const Py_UCS1 *s, Py_ssize_t n, token_fn fn, void *arg)
{
    Py_ssize_t count = 0, i = 0, a;
    while (next_word(PyUnicode_1BYTE_KIND, s, n, NULL, 0, &i, &a)) {
        count++;
        Py_ssize_t m = i - a;
        PyObject *tok = PyUnicode_New(m, 127);
        if (tok == NULL)
            return -1;
        Py_UCS1 *d = PyUnicode_1BYTE_DATA(tok);
        for (Py_ssize_t k = 0; k < m; k++) {
            Py_UCS1 c = s[a + k];
            d[k] = (c >= 'A' && c <= 'Z') ? (Py_UCS1)(c + 32) : c;
        }
        int r = fn(tok, arg);
        Py_DECREF(tok);
        if (r < 0)
            return -1;
    }
    return count;
}

typedef struct {
    PyObject *stop;  /* set of function words */
    Py_ssize_t hits;
} StopArg;

static int
count_stop(PyObject *tok, void *arg)
{
    StopArg *a = (StopArg *)arg;
    int r = PySet_Contains(a->stop, tok);
    if (r < 0)
        return -1;
    a->hits += r;
    return 0;
}

typedef struct {
    PyObject *index;  /* dict: word -> list of language positions */
    long long *hits;
    Py_ssize_t n_langs;
} LangArg;

static int
count_langs(PyObject *tok, void *arg)
{
    LangArg *a = (LangArg *)arg;
    PyObject *ks = PyDict_GetItemWithError(a->index, tok);
    if (ks == NULL)
        return PyErr_Occurred() ? -1 : 0;
    PyObject *fast = PySequence_Fast(ks, "the index holds sequences of positions");
    if (fast == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < PySequence_Fast_GET_SIZE(fast); j++) {
        Py_ssize_t k = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(fast, j));
        if (k < 0 || k >= a->n_langs) {
            Py_DECREF(fast);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_IndexError, "a language position is out of range");
            return -1;
        }
        a->hits[k]++;
    }
    Py_DECREF(fast);
    return 0;
}

/* language_hits(text, index, hits) -> tokens: adds to hits[k] (a writable buffer of int64) one
 * for every token of the ASCII text and every language k that index[token] lists. */
/* (below, with the table of character classes) */
static Py_ssize_t table_each_token(PyObject *low, const unsigned char *table, Py_ssize_t size,
                                   token_fn fn, void *arg);
static PyObject *covered_lower(PyObject *t, const unsigned char *table, Py_ssize_t size);

static PyObject *
speedups_language_hits(PyObject *mod, PyObject *args)
{
    PyObject *t, *index, *table_obj = NULL;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "UO!w*|O!:language_hits", &t, &PyDict_Type, &index, &view,
                          &PyBytes_Type, &table_obj))
        return NULL;
    if ((!PyUnicode_IS_ASCII(t) && table_obj == NULL) || view.itemsize != 8 || view.len % 8) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError,
                        "language_hits() takes ASCII text (or a table) and int64 counts");
        return NULL;
    }
    LangArg a = {index, (long long *)view.buf, view.len / 8};
    Py_ssize_t tokens;
    if (PyUnicode_IS_ASCII(t)) {
        tokens = each_token(PyUnicode_1BYTE_DATA(t), PyUnicode_GET_LENGTH(t), count_langs, &a);
    } else {
        const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(table_obj);
        Py_ssize_t size = PyBytes_GET_SIZE(table_obj);
        PyObject *low = covered_lower(t, table, size);
        if (low == NULL) {
            PyBuffer_Release(&view);
            return NULL;
        }
        /* -1: the table does not answer for the text; nothing counted */
        tokens = low == Py_None ? -2 : table_each_token(low, table, size, count_langs, &a);
        Py_DECREF(low);
        if (tokens == -2) {
            PyBuffer_Release(&view);
            return PyLong_FromLong(-1);
        }
    }
    PyBuffer_Release(&view);
    if (tokens < 0)
        return NULL;
    return PyLong_FromSsize_t(tokens);
}

/* ---------------------------------------------------------------------------------------------
 * gutter_counts(lines, width, min_gap, max_width) -> list[int]: boilerstrip.layout._gutter_counts.
 * A gap is what layout._GAP.finditer(line, 0, width) finds: a run of at least min_gap spaces (U+0020)
 * with a non-blank character (re's \S: not Py_UNICODE_ISSPACE) just before it and just after it,
 * that after-character inside the first `width` characters (the search's end). The run is whole:
 * shorter ones end in a space. Position x counts the gaps [a, b) with a <= x < b - 1.
 * ------------------------------------------------------------------------------------------- */
/* Add the gaps of line t to the difference array diff (width + 2 entries): +1 at a gap's start a,
 * -1 at b = its end - 1, where b > a. */
static void
gutter_add(PyObject *t, Py_ssize_t width, Py_ssize_t min_gap, long long *diff)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    if (n > width)
        n = width;
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    Py_ssize_t k = 1;
    while (k < n) {
        if (PyUnicode_READ(kind, data, k) != ' ') {
            k++;
            continue;
        }
        Py_ssize_t a = k;
        while (k < n && PyUnicode_READ(kind, data, k) == ' ')
            k++;
        /* [a, k) is a run of spaces; k < n: the character after it is within the width */
        if (k - a >= min_gap && k < n
            && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a - 1))
            && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) {
            Py_ssize_t b = k - 1;
            if (b > a) {
                diff[a] += 1;
                diff[b] -= 1;
            }
        }
    }
}

static PyObject *
speedups_gutter_counts(PyObject *mod, PyObject *args)
{
    PyObject *lines;
    Py_ssize_t width, min_gap, max_width;
    if (!PyArg_ParseTuple(args, "O!nnn:gutter_counts", &PyList_Type, &lines, &width, &min_gap,
                          &max_width))
        return NULL;
    if (width > max_width)
        width = max_width;
    if (width < 0 || min_gap < 1) {
        PyErr_SetString(PyExc_ValueError, "gutter_counts(): width >= 0 and min_gap >= 1");
        return NULL;
    }
    long long *diff = PyMem_Calloc(width + 2, sizeof(long long));
    if (diff == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        PyObject *t = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(t)) {
            PyMem_Free(diff);
            PyErr_SetString(PyExc_TypeError, "gutter_counts() takes a list of str");
            return NULL;
        }
        gutter_add(t, width, min_gap, diff);
    }
    PyObject *out = PyList_New(width + 1);
    if (out == NULL) {
        PyMem_Free(diff);
        return NULL;
    }
    long long run = 0;
    for (Py_ssize_t x = 0; x <= width; x++) {
        run += diff[x];
        PyObject *v = PyLong_FromLongLong(run);
        if (v == NULL) {
            Py_DECREF(out);
            PyMem_Free(diff);
            return NULL;
        }
        PyList_SET_ITEM(out, x, v);
    }
    PyMem_Free(diff);
    return out;
}

/* ---------------------------------------------------------------------------------------------
 * maybe_columns(lines, box, sniff_lines, min_gap, min_band_lines) -> bool:
 * boilerstrip.layout._maybe_columns: among the first sniff_lines lines, one holds a character of
 * `box`, or min_band_lines hold a gap (gutter_add's: min_gap spaces or more between two
 * characters that are not Py_UNICODE_ISSPACE, re's \S).
 * clean_lines(lines, box) -> list[str]: the lines layout.split_columns cuts: right-stripped
 * (str.rstrip()), and where a line holds a character of `box`, all of them blanked (one space a
 * character) in the lines of "\n".join(lines).split("\n").
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    PyObject *chars;
    Py_UCS4 lo, hi;  /* the smallest and largest character of chars */
} box_set;

static int
box_init(box_set *b, PyObject *box)
{
    b->chars = box;
    b->lo = 1;
    b->hi = 0;
    int kind = PyUnicode_KIND(box);
    const void *d = PyUnicode_DATA(box);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(box); i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (b->lo > b->hi)
            b->lo = b->hi = c;
        else if (c < b->lo)
            b->lo = c;
        else if (c > b->hi)
            b->hi = c;
    }
    return 0;
}

static int
box_has(const box_set *b, Py_UCS4 c)
{
    return c >= b->lo && c <= b->hi
           && PyUnicode_FindChar(b->chars, c, 0, PyUnicode_GET_LENGTH(b->chars), 1) >= 0;
}

/* Whether t holds a character of the box set. */
static int
box_in(const box_set *b, PyObject *t)
{
    int kind = PyUnicode_KIND(t);
    if (kind == PyUnicode_1BYTE_KIND && b->lo > 0xff)
        return 0;
    const void *d = PyUnicode_DATA(t);
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    for (Py_ssize_t i = 0; i < n; i++)
        if (box_has(b, PyUnicode_READ(kind, d, i)))
            return 1;
    return 0;
}

/* Whether t holds a gap of min_gap spaces or more between two characters that are not blank. */
static int
has_gap(PyObject *t, Py_ssize_t min_gap)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    Py_ssize_t n = PyUnicode_GET_LENGTH(t), k = 1;
    while (k < n) {
        if (PyUnicode_READ(kind, d, k) != ' ') {
            k++;
            continue;
        }
        Py_ssize_t a = k;
        while (k < n && PyUnicode_READ(kind, d, k) == ' ')
            k++;
        if (k - a >= min_gap && k < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, a - 1))
            && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, k)))
            return 1;
    }
    return 0;
}

static PyObject *
speedups_maybe_columns(PyObject *mod, PyObject *args)
{
    PyObject *lines, *box;
    Py_ssize_t sniff, min_gap, min_band;
    if (!PyArg_ParseTuple(args, "O!Unnn:maybe_columns", &PyList_Type, &lines, &box, &sniff,
                          &min_gap, &min_band))
        return NULL;
    if (min_gap < 1) {
        PyErr_SetString(PyExc_ValueError, "maybe_columns(): min_gap >= 1");
        return NULL;
    }
    box_set b;
    box_init(&b, box);
    Py_ssize_t n = PyList_GET_SIZE(lines);
    if (sniff < n)
        n = sniff > 0 ? sniff : 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = PyList_GET_ITEM(lines, k);
        if (!PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "maybe_columns() takes a list of str");
            return NULL;
        }
        if (box_in(&b, t))
            Py_RETURN_TRUE;
    }
    Py_ssize_t hits = 0;
    for (Py_ssize_t k = 0; k < n; k++)
        if (has_gap(PyList_GET_ITEM(lines, k), min_gap) && ++hits >= min_band)
            Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* t[a:e] with its box characters blanked (when `blank`) and right-stripped. */
static PyObject *
clean_piece(PyObject *t, Py_ssize_t a, Py_ssize_t e, const box_set *b, int blank, Py_UCS4 *buf)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    int boxed = 0;
    if (blank)
        for (Py_ssize_t i = a; i < e && !boxed; i++)
            boxed = box_has(b, PyUnicode_READ(kind, d, i));
    if (!boxed) {
        while (e > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, e - 1)))
            e--;
        return PyUnicode_Substring(t, a, e);
    }
    Py_ssize_t m = 0;
    for (Py_ssize_t i = a; i < e; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        buf[m++] = box_has(b, c) ? ' ' : c;
    }
    while (m > 0 && Py_UNICODE_ISSPACE(buf[m - 1]))
        m--;
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, m);
}

static PyObject *
speedups_clean_lines(PyObject *mod, PyObject *args)
{
    PyObject *lines, *box;
    if (!PyArg_ParseTuple(args, "O!U:clean_lines", &PyList_Type, &lines, &box))
        return NULL;
    box_set b;
    box_init(&b, box);
    PyObject *held = PyList_AsTuple(lines);
    if (held == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(held), longest = 0;
    int blank = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = PyTuple_GET_ITEM(held, k);
        if (!PyUnicode_Check(t)) {
            Py_DECREF(held);
            PyErr_SetString(PyExc_TypeError, "clean_lines() takes a list of str");
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(t) > longest)
            longest = PyUnicode_GET_LENGTH(t);
        if (!blank)
            blank = box_in(&b, t);
    }
    Py_UCS4 *buf = blank ? PyMem_Malloc((longest > 0 ? longest : 1) * sizeof(Py_UCS4)) : NULL;
    PyObject *out = PyList_New(0);
    if ((blank && buf == NULL) || out == NULL) {
        if (out != NULL)
            PyErr_NoMemory();
        PyMem_Free(buf);
        Py_XDECREF(out);
        Py_DECREF(held);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = PyTuple_GET_ITEM(held, k);
        int kind = PyUnicode_KIND(t);
        const void *d = PyUnicode_DATA(t);
        Py_ssize_t len = PyUnicode_GET_LENGTH(t), a = 0;
        for (;;) {
            /* the lines of the joined text: with borders, each line's pieces between newlines */
            Py_ssize_t e = a;
            if (blank)
                while (e < len && PyUnicode_READ(kind, d, e) != '\n')
                    e++;
            else
                e = len;
            PyObject *got = clean_piece(t, a, e, &b, blank, buf);
            if (got == NULL || PyList_Append(out, got) < 0) {
                Py_XDECREF(got);
                Py_DECREF(out);
                PyMem_Free(buf);
                Py_DECREF(held);
                return NULL;
            }
            Py_DECREF(got);
            if (e >= len)
                break;
            a = e + 1;
        }
    }
    PyMem_Free(buf);
    Py_DECREF(held);
    return out;
}

/* ---------------------------------------------------------------------------------------------
 * split_columns(lines, overrun, min_gap, min_band_lines, min_sided_lines, max_tries, max_depth,
 * max_width) -> list of (str, int): boilerstrip.layout._split(lines, list(range(len(lines))), 0,
 * overrun) with the module's constants, the same lines in the same order. Each level counts the
 * gaps as gutter_counts() does, orders the positions with at least min_sided_lines gaps by
 * (count, position), both descending, tries at most max_tries of them (skipping one within
 * 2 * min_gap of a position tried) as layout._bands does, and cuts the bands of the first that
 * makes one. Blank means U+0020 where layout tests `== " "`, and Py_UNICODE_ISSPACE (str.strip())
 * where it strips.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    Py_ssize_t min_gap, min_band, min_sided, max_tries, max_depth, max_width;
    int overrun;
    PyObject *space;  /* " " */
    PyObject *empty;  /* "" */
} split_params;

typedef struct {
    long long count;
    Py_ssize_t x;
} gutter_cand;

static int
gutter_cand_cmp(const void *pa, const void *pb)
{
    const gutter_cand *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->x != b->x)
        return a->x > b->x ? -1 : 1;
    return 0;
}

/* Whether t holds a character that is not Py_UNICODE_ISSPACE (t.strip() is not empty). */
static int
split_has_text(PyObject *t)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, i)))
            return 1;
    return 0;
}

/* Append (texts[k], src[k]) for every k. */
static int
split_emit(PyObject *const *texts, const Py_ssize_t *src, Py_ssize_t n, PyObject *out)
{
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *i = PyLong_FromSsize_t(src[k]);
        if (i == NULL)
            return -1;
        PyObject *pair = PyTuple_Pack(2, texts[k], i);
        Py_DECREF(i);
        if (pair == NULL)
            return -1;
        int r = PyList_Append(out, pair);
        Py_DECREF(pair);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* layout._bands at x for the n lines: 1 in cut[k] for every line of a band that qualifies; returns
 * how many lines got one. state and plain: n bytes of room. */
static Py_ssize_t
split_bands(PyObject *const *texts, Py_ssize_t n, Py_ssize_t x, const Py_ssize_t *lengths,
            const Py_ssize_t *lefts, const split_params *p, unsigned char *state,
            unsigned char *plain, unsigned char *cut)
{
    Py_ssize_t x1 = x + 1;
    int sided_any = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = texts[k];
        int kind = PyUnicode_KIND(t);
        const void *d = PyUnicode_DATA(t);
        Py_ssize_t ln = lengths[k];
        unsigned char st;
        if (ln <= x)
            st = 1;
        else if (PyUnicode_READ(kind, d, x) != ' ')
            st = 0;
        else if (ln > x1 && lefts[k] < x && PyUnicode_READ(kind, d, x - 1) == ' '
                 && PyUnicode_READ(kind, d, x1) == ' ')
            st = 2;  /* lefts[k] >= 0: x >= 1 here */
        else
            st = 1;
        state[k] = st;
        sided_any |= st == 2;
    }
    if (!sided_any)
        return 0;
    if (p->overrun) {
        memcpy(plain, state, n);
        for (Py_ssize_t k = 0; k < n; k++) {
            if (plain[k])
                continue;
            PyObject *t = texts[k];  /* not free: longer than x */
            if (!(lengths[k] == x1 || PyUnicode_READ(PyUnicode_KIND(t), PyUnicode_DATA(t), x1) == ' '))
                continue;
            if ((k > 0 && plain[k - 1] && lengths[k - 1] > 0)
                || (k + 1 < n && plain[k + 1] && lengths[k + 1] > 0))
                state[k] = 3;
        }
    }
    Py_ssize_t done = 0, i = 0;
    while (i < n) {
        if (!state[i]) {
            i++;
            continue;
        }
        Py_ssize_t j = i, sided = 0;
        while (j < n && state[j]) {
            sided += state[j] == 2;
            j++;
        }
        if (j - i >= p->min_band && sided >= p->min_sided) {
            memset(cut + i, 1, j - i);
            done += j - i;
        }
        i = j;
    }
    return done;
}

/* The left (part 0) or right (part 1) piece of line t of a band cut at x (layout._split). */
static PyObject *
split_piece(PyObject *t, Py_ssize_t ln, Py_ssize_t x, int part, const split_params *p)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    int free_ = ln <= x || PyUnicode_READ(kind, d, x) == ' ';
    if (part == 0) {
        if (!free_)
            return PyUnicode_Substring(t, 0, x + 1);
        Py_ssize_t end = ln < x ? ln : x;
        while (end > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, end - 1)))
            end--;
        return PyUnicode_Substring(t, 0, end);
    }
    if (free_)
        return PyUnicode_Substring(t, x, ln);
    PyObject *rest = PyUnicode_Substring(t, x + 1, ln);
    if (rest == NULL)
        return NULL;
    PyObject *got = PyUnicode_Concat(p->space, rest);
    Py_DECREF(rest);
    return got;
}

static int
split_level(PyObject *const *texts, const Py_ssize_t *src, Py_ssize_t n, Py_ssize_t depth,
            const split_params *p, PyObject *out)
{
    if (depth >= p->max_depth || n < p->min_band)
        return split_emit(texts, src, n, out);
    int rc = -1;
    Py_ssize_t *lengths = NULL, *lefts = NULL, *tried = NULL;
    long long *diff = NULL;
    gutter_cand *cands = NULL;
    unsigned char *bytes = NULL;
    PyObject **piece = NULL;
    Py_ssize_t m = n > 0 ? n : 1, top = 0;
    lengths = PyMem_Malloc(m * sizeof(Py_ssize_t));
    lefts = PyMem_Malloc(m * sizeof(Py_ssize_t));
    if (lengths == NULL || lefts == NULL)
        goto nomem;
    for (Py_ssize_t k = 0; k < n; k++) {
        lengths[k] = PyUnicode_GET_LENGTH(texts[k]);
        if (lengths[k] > top)
            top = lengths[k];
    }
    Py_ssize_t width = top + 1;
    if (width > p->max_width)
        width = p->max_width;
    if (width < 0)
        width = 0;
    diff = PyMem_Calloc(width + 2, sizeof(long long));
    cands = PyMem_Malloc((width + 1) * sizeof(gutter_cand));
    if (diff == NULL || cands == NULL)
        goto nomem;
    for (Py_ssize_t k = 0; k < n; k++)
        gutter_add(texts[k], width, p->min_gap, diff);
    Py_ssize_t n_cands = 0;
    long long run = 0;
    for (Py_ssize_t x = 0; x <= width; x++) {
        run += diff[x];
        if (run >= p->min_sided) {
            cands[n_cands].count = run;
            cands[n_cands].x = x;
            n_cands++;
        }
    }
    if (n_cands == 0) {
        rc = split_emit(texts, src, n, out);
        goto done;
    }
    qsort(cands, n_cands, sizeof(gutter_cand), gutter_cand_cmp);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = texts[k];
        int kind = PyUnicode_KIND(t);
        const void *d = PyUnicode_DATA(t);
        Py_ssize_t a = 0;
        while (a < lengths[k] && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, a)))
            a++;
        lefts[k] = a;
    }
    bytes = PyMem_Calloc(3 * m, 1);  /* state, plain, cut */
    tried = PyMem_Malloc((p->max_tries > 0 ? p->max_tries : 1) * sizeof(Py_ssize_t));
    if (bytes == NULL || tried == NULL)
        goto nomem;
    unsigned char *cut = bytes + 2 * m;
    Py_ssize_t x = -1, n_tried = 0;
    for (Py_ssize_t c = 0; c < n_cands; c++) {
        if (n_tried >= p->max_tries)
            break;
        Py_ssize_t cand = cands[c].x;
        int near = 0;
        for (Py_ssize_t u = 0; u < n_tried; u++) {
            Py_ssize_t dist = cand > tried[u] ? cand - tried[u] : tried[u] - cand;
            if (dist <= p->min_gap * 2) {
                near = 1;
                break;
            }
        }
        if (near)
            continue;
        tried[n_tried++] = cand;
        if (split_bands(texts, n, cand, lengths, lefts, p, bytes, bytes + m, cut)) {
            x = cand;
            break;
        }
    }
    if (x < 0) {
        rc = split_emit(texts, src, n, out);
        goto done;
    }
    piece = PyMem_Malloc(m * sizeof(PyObject *));
    if (piece == NULL)
        goto nomem;
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char banded = cut[i];
        Py_ssize_t j = i;
        while (j < n && cut[j] == banded)
            j++;
        if (!banded) {
            if (split_level(texts + i, src + i, j - i, depth + 1, p, out) < 0)
                goto done;
        }
        else {
            for (int part = 0; part < 2; part++) {
                Py_ssize_t made = 0;
                int any = 0;
                for (Py_ssize_t k = i; k < j; k++) {
                    PyObject *got = split_piece(texts[k], lengths[k], x, part, p);
                    if (got == NULL)
                        break;
                    piece[made++] = got;
                    any = any || split_has_text(got);
                }
                int r = made == j - i ? 0 : -1;
                if (r == 0 && any) {
                    r = split_level(piece, src + i, j - i, depth + 1, p, out);
                    if (r == 0)  /* a blank line after the part */
                        r = split_emit(&p->empty, src + j - 1, 1, out);
                }
                for (Py_ssize_t k = 0; k < made; k++)
                    Py_DECREF(piece[k]);
                if (r < 0)
                    goto done;
            }
        }
        i = j;
    }
    rc = 0;
    goto done;
nomem:
    PyErr_NoMemory();
done:
    PyMem_Free(lengths);
    PyMem_Free(lefts);
    PyMem_Free(diff);
    PyMem_Free(cands);
    PyMem_Free(bytes);
    PyMem_Free(tried);
    PyMem_Free(piece);
    return rc;
}

static PyObject *
speedups_split_columns(PyObject *mod, PyObject *args)
{
    PyObject *lines;
    int overrun;
    split_params p;
    if (!PyArg_ParseTuple(args, "O!pnnnnnn:split_columns", &PyList_Type, &lines, &overrun,
                          &p.min_gap, &p.min_band, &p.min_sided, &p.max_tries, &p.max_depth,
                          &p.max_width))
        return NULL;
    if (p.min_gap < 1 || p.min_band < 1 || p.min_sided < 1 || p.max_tries < 0 || p.max_depth < 0
        || p.max_depth > 64 || p.max_width < 0) {
        PyErr_SetString(PyExc_ValueError, "split_columns(): constants out of range");
        return NULL;
    }
    p.overrun = overrun;
    PyObject *held = PyList_AsTuple(lines);  /* the lines, held while they are read */
    if (held == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(held);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(held, k))) {
            Py_DECREF(held);
            PyErr_SetString(PyExc_TypeError, "split_columns() takes a list of str");
            return NULL;
        }
    }
    Py_ssize_t *src = PyMem_Malloc((n > 0 ? n : 1) * sizeof(Py_ssize_t));
    PyObject *out = PyList_New(0);
    p.space = PyUnicode_FromString(" ");
    p.empty = PyUnicode_New(0, 0);
    int rc = -1;
    if (src == NULL)
        PyErr_NoMemory();
    else if (out != NULL && p.space != NULL && p.empty != NULL) {
        for (Py_ssize_t k = 0; k < n; k++)
            src[k] = k;
        rc = split_level(PySequence_Fast_ITEMS(held), src, n, 0, &p, out);
    }
    PyMem_Free(src);
    Py_XDECREF(p.space);
    Py_XDECREF(p.empty);
    Py_DECREF(held);
    if (rc < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    return out;
}

/* ---------------------------------------------------------------------------------------------
 * ascii_features(segs, stop, floats, start, stop_at[, table]) -> int: the loop of
 * boilerstrip.features.compute for the blocks from `start` on whose text is ASCII (or whose every
 * character, and lowered character, the features' table answers for), up to `stop_at` (the
 * caller's next budget check) or the first other block; returns where it stopped. Per block, as
 * there: chars, words (floats[n] for small counts: the shared objects), link_density,
 * stop_density (left as it is without tokens), punct_end and sentences. punct_end is
 * `_TERMINAL.search(text[-8:]) is not None`: a character of . ! ? : ; then at most three of " ' ) ]
 * up to the end, or up to a newline that ends the text (regex's $).
 * ------------------------------------------------------------------------------------------- */
/* hits / tokens as a float: one object per ratio of small counts (the stop densities of a page's
 * short blocks: a million blocks, a few hundred values), a new one else. New reference. */
#define RATIO_MAX 64
static PyObject *ratios[RATIO_MAX + 1][RATIO_MAX + 1];

static PyObject *
small_ratio(Py_ssize_t hits, Py_ssize_t tokens)
{
    if (hits < 0 || tokens <= 0 || hits > RATIO_MAX || tokens > RATIO_MAX)
        return PyFloat_FromDouble((double)hits / (double)tokens);
    PyObject **slot = &ratios[tokens][hits];
    if (*slot == NULL && (*slot = PyFloat_FromDouble((double)hits / (double)tokens)) == NULL)
        return NULL;
    Py_INCREF(*slot);
    return *slot;
}

static int
set_new(PyObject *o, PyObject *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = seg_setattr(o, name, v);
    Py_DECREF(v);
    return r;
}


/* --- the text features of non-ASCII text, from a table of character classes ------------------- */

/* Every character of t has CH_COVER. */
static int
covered(PyObject *t, const unsigned char *table, Py_ssize_t size)
{
    int kind = PyUnicode_KIND(t);
    const void *d = PyUnicode_DATA(t);
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!(ch_bits(table, size, PyUnicode_READ(kind, d, i)) & CH_COVER))
            return 0;
    return 1;
}

/* The tokens of covered lowered text (the runs of \w): calls back `fn(token)` for every one;
 * returns the count or -1. */
static Py_ssize_t
table_each_token(PyObject *low, const unsigned char *table, Py_ssize_t size, token_fn fn, void *arg)
{
    int kind = PyUnicode_KIND(low);
    const void *d = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), count = 0, i = 0, a;
    while (next_word(kind, d, n, table, size, &i, &a)) {
        count++;
        PyObject *tok = PyUnicode_Substring(low, a, i);
        if (tok == NULL)
            return -1;
        int r = fn(tok, arg);
        Py_DECREF(tok);
        if (r < 0)
            return -1;
    }
    return count;
}

/* t.lower() where the table answers for every character of t and of the lowered text; else
 * Py_None (a new reference either way; NULL on error). */
static PyObject *
covered_lower(PyObject *t, const unsigned char *table, Py_ssize_t size)
{
    if (table == NULL || !covered(t, table, size))
        Py_RETURN_NONE;
    PyObject *low = PyObject_CallMethodNoArgs(t, s_lower);
    if (low == NULL)
        return NULL;
    if (!PyUnicode_Check(low) || !covered(low, table, size)) {
        Py_DECREF(low);
        Py_RETURN_NONE;
    }
    return low;
}

/* ---------------------------------------------------------------------------------------------
 * WordTable(words): the words of a dict {word: positions} (or of a set: position 0 each) in a hash
 * table of their code points, so that the tokens of a text are looked up where they lie, without
 * a str made for each. A token is found exactly where `token in words` is true, and then counts
 * one for every entry of words[token] (language_sample(): the function-word hits of
 * boilerstrip.features._compiled_pick; ascii_features(): the stop words).
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    Py_UCS4 *key;      /* NULL: an empty slot */
    Py_ssize_t len;
    unsigned long long hash;
    Py_ssize_t *pos;
    Py_ssize_t n_pos;
} wt_entry;

typedef struct {
    PyObject_HEAD
    wt_entry *slots;
    Py_ssize_t cap;     /* a power of two, at least twice the words */
    Py_ssize_t top;     /* 1 + the largest position */
} WordTable;

#define WT_FNV_OFFSET 1469598103934665603ULL
#define WT_FNV_PRIME 1099511628211ULL

static void
WordTable_dealloc(WordTable *self)
{
    if (self->slots != NULL) {
        for (Py_ssize_t i = 0; i < self->cap; i++) {
            PyMem_Free(self->slots[i].key);
            PyMem_Free(self->slots[i].pos);
        }
        PyMem_Free(self->slots);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The slot of the word of code points key[0..len) (ASCII capitals read as small letters when
 * `fold`), or of the empty slot where it would go. */
static wt_entry *
wt_slot(const WordTable *w, int kind, const void *d, Py_ssize_t a, Py_ssize_t b, int fold)
{
    unsigned long long h = WT_FNV_OFFSET;
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (fold && c >= 'A' && c <= 'Z')
            c += 32;
        h = (h ^ c) * WT_FNV_PRIME;
    }
    Py_ssize_t mask = w->cap - 1, at = (Py_ssize_t)(h & (unsigned long long)mask);
    for (;;) {
        wt_entry *e = &w->slots[at];
        if (e->key == NULL)
            return e;
        if (e->hash == h && e->len == b - a) {
            Py_ssize_t i = 0;
            for (; i < e->len; i++) {
                Py_UCS4 c = PyUnicode_READ(kind, d, a + i);
                if (fold && c >= 'A' && c <= 'Z')
                    c += 32;
                if (c != e->key[i])
                    break;
            }
            if (i == e->len)
                return e;
        }
        at = (at + 1) & mask;
    }
}

static int
wt_add(WordTable *w, PyObject *word, PyObject *positions)
{
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "WordTable: the words are str");
        return -1;
    }
    int kind = PyUnicode_KIND(word);
    const void *d = PyUnicode_DATA(word);
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    wt_entry *e = wt_slot(w, kind, d, 0, len, 0);
    if (e->key != NULL) {  /* (a dict's or a set's words are distinct) */
        PyErr_SetString(PyExc_ValueError, "WordTable: a word twice");
        return -1;
    }
    PyObject *fast = positions == NULL ? NULL : PySequence_Fast(positions, "positions: a sequence");
    if (positions != NULL && fast == NULL)
        return -1;
    Py_ssize_t n_pos = fast == NULL ? 1 : PySequence_Fast_GET_SIZE(fast);
    e->key = PyMem_Malloc((len > 0 ? len : 1) * sizeof(Py_UCS4));
    e->pos = PyMem_Malloc((n_pos > 0 ? n_pos : 1) * sizeof(Py_ssize_t));
    if (e->key == NULL || e->pos == NULL) {
        Py_XDECREF(fast);
        PyErr_NoMemory();
        return -1;  /* (the slot's memory is freed with the table) */
    }
    unsigned long long h = WT_FNV_OFFSET;
    for (Py_ssize_t i = 0; i < len; i++) {
        e->key[i] = PyUnicode_READ(kind, d, i);
        h = (h ^ e->key[i]) * WT_FNV_PRIME;
    }
    e->len = len;
    e->hash = h;
    e->n_pos = n_pos;
    for (Py_ssize_t j = 0; j < n_pos; j++) {
        Py_ssize_t k = fast == NULL ? 0 : PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(fast, j));
        if (k < 0) {
            Py_XDECREF(fast);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "WordTable: a position below 0");
            return -1;
        }
        e->pos[j] = k;
        if (k + 1 > w->top)
            w->top = k + 1;
    }
    Py_XDECREF(fast);
    return 0;
}

static int
WordTable_init(WordTable *self, PyObject *args, PyObject *kwds)
{
    PyObject *words;
    if (kwds != NULL && PyDict_GET_SIZE(kwds)) {
        PyErr_SetString(PyExc_TypeError, "WordTable(words)");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "O:WordTable", &words))
        return -1;
    if (self->slots != NULL) {
        PyErr_SetString(PyExc_TypeError, "a WordTable is made once");
        return -1;
    }
    if (!PyDict_Check(words) && !PyAnySet_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "WordTable takes a dict of positions or a set");
        return -1;
    }
    Py_ssize_t n = PyObject_Length(words), cap = 8;
    if (n < 0)
        return -1;
    while (cap < 2 * n + 2)
        cap *= 2;
    self->slots = PyMem_Calloc(cap, sizeof(wt_entry));
    if (self->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->cap = cap;
    self->top = 0;
    if (PyDict_Check(words)) {
        Py_ssize_t at = 0;
        PyObject *word, *positions;
        while (PyDict_Next(words, &at, &word, &positions))
            if (wt_add(self, word, positions) < 0)
                return -1;
        return 0;
    }
    PyObject *it = PyObject_GetIter(words), *word;
    if (it == NULL)
        return -1;
    while ((word = PyIter_Next(it)) != NULL) {
        int r = wt_add(self, word, NULL);
        Py_DECREF(word);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
WordTable_contains_(WordTable *self, PyObject *word)
{
    if (self->slots == NULL || !PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "a WordTable looks up str");
        return NULL;
    }
    wt_entry *e = wt_slot(self, PyUnicode_KIND(word), PyUnicode_DATA(word), 0,
                          PyUnicode_GET_LENGTH(word), 0);
    if (e->key == NULL)
        Py_RETURN_NONE;
    PyObject *out = PyTuple_New(e->n_pos);
    for (Py_ssize_t j = 0; out != NULL && j < e->n_pos; j++) {
        PyObject *k = PyLong_FromSsize_t(e->pos[j]);
        if (k == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyTuple_SET_ITEM(out, j, k);
    }
    return out;
}

static PyMethodDef WordTable_methods[] = {
    {"get", (PyCFunction)WordTable_contains_, METH_O,
     "get(word) -> tuple of positions, or None where the word is not in the table."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject WordTableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._speedups.WordTable",
    .tp_basicsize = sizeof(WordTable),
    .tp_dealloc = (destructor)WordTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "WordTable(words): a dict's words and positions (or a set's words) for the token "
              "counts of language_sample() and ascii_features().",
    .tp_methods = WordTable_methods,
    .tp_init = (initproc)WordTable_init,
    .tp_new = PyType_GenericNew,
};

/* The tokens of t[0..n) (kind/d): the runs of word characters (ASCII letters, digits and "_"
 * where `table` is NULL, else the characters table gives CH_WORD), each looked up in w (ASCII
 * capitals read as small letters) and counted at its positions in hits. Returns the tokens. */
/* ---------------------------------------------------------------------------------------------
 * lexicon_columns(texts, words, weights, max_chars, head, window, table, values, mapping, first,
 * last) -> bytes: boilerstrip.classify.lexicon.columns, 6 doubles a text, for texts first..last-1
 * (the texts within `window` of them are read too). `words` is a WordTable of the
 * lexicon's words, each at one position, and `weights` a buffer of doubles: the weight at that
 * position. A text's words are the tokens of its first max_chars characters (features.tokens):
 * for ASCII text the runs of [A-Za-z0-9_], looked up with A-Z folded to a-z where they lie; for
 * text the character table answers for (every character and its lowered form: no CJK) the runs
 * of its CH_WORD characters in the lowered text; any other text is handed to `values(text,
 * mapping)` (lexicon._values), which gives its sum, head sum, lowest weight and count. A word the
 * table lacks weighs 0.0. The sums are added one at a time in word order and the columns computed
 * with the same operations in the same order as the Python form: the same doubles.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    const WordTable *words;
    const double *weights;
    Py_ssize_t n_weights;
    Py_ssize_t head;
    double total, first, low;
    Py_ssize_t count;
} LexArg;

static int
lex_add(LexArg *a, int kind, const void *d, Py_ssize_t s0, Py_ssize_t s1, int fold)
{
    const wt_entry *e = wt_slot(a->words, kind, d, s0, s1, fold);
    double x = 0.0;
    if (e->key != NULL) {
        Py_ssize_t k = e->n_pos ? e->pos[0] : -1;
        if (k < 0 || k >= a->n_weights) {
            PyErr_SetString(PyExc_ValueError, "lexicon_columns(): a word's position has no weight");
            return -1;
        }
        x = a->weights[k];
    }
    a->total += x;
    if (a->count < a->head)
        a->first += x;
    if (x < a->low)
        a->low = x;
    a->count++;
    return 0;
}

/* The sums of one text (a->count -1: neither ASCII nor covered by the table). */
static int
lex_text(PyObject *t, Py_ssize_t max_chars, const unsigned char *table, Py_ssize_t size,
         LexArg *a)
{
    a->total = a->first = 0.0;
    a->low = Py_HUGE_VAL;
    a->count = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(t);
    if (PyUnicode_IS_ASCII(t)) {
        const Py_UCS1 *d = PyUnicode_1BYTE_DATA(t);
        if (len > max_chars)
            len = max_chars;
        Py_ssize_t i = 0, s0;
        while (next_word(PyUnicode_1BYTE_KIND, d, len, NULL, 0, &i, &s0))
            if (lex_add(a, PyUnicode_1BYTE_KIND, d, s0, i, 1) < 0)
                return -1;
        return 0;
    }
    PyObject *cut = len > max_chars ? PyUnicode_Substring(t, 0, max_chars) : (Py_INCREF(t), t);
    if (cut == NULL)
        return -1;
    PyObject *low = covered_lower(cut, table, size);
    Py_DECREF(cut);
    if (low == NULL)
        return -1;
    if (low == Py_None) {
        Py_DECREF(low);
        a->count = -1;
        return 0;
    }
    int kind = PyUnicode_KIND(low);
    const void *d = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), i = 0, s0;
    while (next_word(kind, d, n, table, size, &i, &s0)) {
        if (lex_add(a, kind, d, s0, i, 0) < 0) {
            Py_DECREF(low);
            return -1;
        }
    }
    Py_DECREF(low);
    return 0;
}

static PyObject *
speedups_lexicon_columns(PyObject *mod, PyObject *args)
{
    PyObject *texts, *words, *values, *mapping;
    Py_buffer wview;
    Py_ssize_t max_chars, head, window, first, last;
    const char *table;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "O!O!y*nnny#OOnn:lexicon_columns", &PyList_Type, &texts,
                          &WordTableType, &words, &wview, &max_chars, &head, &window, &table,
                          &size, &values, &mapping, &first, &last))
        return NULL;
    if (max_chars < 0 || head < 1 || window < 0 || wview.len % (Py_ssize_t)sizeof(double)
        || ((WordTable *)words)->slots == NULL || first < 0 || last < first
        || last > PyList_GET_SIZE(texts)) {
        PyBuffer_Release(&wview);
        PyErr_SetString(PyExc_ValueError,
                        "lexicon_columns(): bad max_chars, head, window, table, weights or range");
        return NULL;
    }
    /* the rows of texts first..last-1; the texts around them (up to `window` on each side) are
     * read for their words too */
    Py_ssize_t n = PyList_GET_SIZE(texts);
    Py_ssize_t a0 = first > window ? first - window : 0;
    Py_ssize_t b0 = last + window < n ? last + window : n;
    Py_ssize_t rows = last - first, m = b0 - a0;
    PyObject *out = PyBytes_FromStringAndSize(NULL, rows * 6 * (Py_ssize_t)sizeof(double));
    double *means = PyMem_Malloc((m ? m : 1) * sizeof(double));
    double *sizes = PyMem_Malloc((m ? m : 1) * sizeof(double));
    double *own = PyMem_Malloc((m ? m : 1) * 3 * sizeof(double));
    if (out == NULL || means == NULL || sizes == NULL || own == NULL) {
        Py_XDECREF(out);
        PyMem_Free(means);
        PyMem_Free(sizes);
        PyMem_Free(own);
        PyBuffer_Release(&wview);
        return out == NULL ? NULL : PyErr_NoMemory();
    }
    double *o = (double *)PyBytes_AS_STRING(out);
    LexArg a = {(const WordTable *)words, (const double *)wview.buf,
                wview.len / (Py_ssize_t)sizeof(double), head, 0.0, 0.0, 0.0, 0};
    for (Py_ssize_t j = a0; j < b0; j++) {
        PyObject *t = PyList_GET_ITEM(texts, j);
        if (!PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "lexicon_columns() takes a list of str");
            goto fail;
        }
        if (lex_text(t, max_chars, (const unsigned char *)table, size, &a) < 0)
            goto fail;
        if (a.count < 0) {
            PyObject *r = PyObject_CallFunctionObjArgs(values, t, mapping, NULL);
            if (r == NULL)
                goto fail;
            int ok = PyArg_ParseTuple(r, "dddn", &a.total, &a.first, &a.low, &a.count);
            Py_DECREF(r);
            if (!ok)
                goto fail;
        }
        Py_ssize_t k = j - a0;
        double *w = own + 3 * k;
        w[0] = w[1] = w[2] = 0.0;
        means[k] = 0.0;
        if (!a.count) {
            sizes[k] = 1.0;
            continue;
        }
        double mean = a.total / (double)a.count;
        means[k] = mean;
        sizes[k] = (double)a.count;
        w[0] = mean;
        w[1] = a.first / (double)(a.count < head ? a.count : head);
        w[2] = a.low;
    }
    for (Py_ssize_t j = first; j < last; j++) {
        double *x = o + (j - first) * 6;
        Py_ssize_t k = j - a0;
        x[0] = own[3 * k];
        x[1] = own[3 * k + 1];
        x[2] = own[3 * k + 2];
        x[3] = j ? means[k - 1] : 0.0;
        x[4] = j + 1 < n ? means[k + 1] : 0.0;
        Py_ssize_t lo = j > window ? j - window : 0;
        Py_ssize_t hi = j + window + 1 < n ? j + window + 1 : n;
        double total = 0.0, weight = 0.0;
        for (Py_ssize_t q = lo; q < hi; q++) {
            total += means[q - a0] * sizes[q - a0];
            weight += sizes[q - a0];
        }
        x[5] = total / weight;
    }
    PyMem_Free(means);
    PyMem_Free(sizes);
    PyMem_Free(own);
    PyBuffer_Release(&wview);
    return out;
fail:
    Py_DECREF(out);
    PyMem_Free(means);
    PyMem_Free(sizes);
    PyMem_Free(own);
    PyBuffer_Release(&wview);
    return NULL;
}

static Py_ssize_t
wt_count(const WordTable *w, int kind, const void *d, Py_ssize_t n, const unsigned char *table,
         Py_ssize_t size, long long *hits)
{
    Py_ssize_t count = 0, i = 0, a;
    while (next_word(kind, d, n, table, size, &i, &a)) {
        count++;
        const wt_entry *e = wt_slot(w, kind, d, a, i, 1);
        for (Py_ssize_t j = 0; e->key != NULL && j < e->n_pos; j++)
            hits[e->pos[j]]++;
    }
    return count;
}

/* language_sample(segs, order, start, words, hits, table, limit, sampled) -> (stop, sampled):
 * the loop of boilerstrip.features._compiled_pick from order[start] on: each block's tokens (its
 * text ASCII, or lowered where the table answers for every character, as language_hits() reads
 * them) counted into hits by `words` (a WordTable of the language index), the tokens added to
 * sampled, until sampled reaches limit (stop: the next position) or a text the table does not
 * answer for (stop: its position, not counted) or the end. */
static PyObject *
speedups_language_sample(PyObject *mod, PyObject *args)
{
    PyObject *segs, *words_obj, *table_obj;
    Py_ssize_t start, limit, sampled;
    Py_buffer view, order_view;
    if (!PyArg_ParseTuple(args, "O!y*nO!w*O!nn:language_sample", &PyList_Type, &segs,
                          &order_view, &start, &WordTableType, &words_obj, &view,
                          &PyBytes_Type, &table_obj, &limit, &sampled))
        return NULL;
    if (order_view.itemsize != (Py_ssize_t)sizeof(long long)
        || order_view.len % (Py_ssize_t)sizeof(long long)) {
        PyBuffer_Release(&view);
        PyBuffer_Release(&order_view);
        PyErr_SetString(PyExc_ValueError, "language_sample(): the order as int64 (array('q'))");
        return NULL;
    }
    const long long *order = (const long long *)order_view.buf;
    Py_ssize_t n_order = order_view.len / (Py_ssize_t)sizeof(long long);
    WordTable *words = (WordTable *)words_obj;
    if (words->slots == NULL || view.itemsize != 8 || view.len % 8 || view.len / 8 < words->top) {
        PyBuffer_Release(&view);
        PyBuffer_Release(&order_view);
        PyErr_SetString(PyExc_ValueError, "language_sample(): int64 counts for every position");
        return NULL;
    }
    long long *hits = (long long *)view.buf;
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(table_obj);
    Py_ssize_t size = PyBytes_GET_SIZE(table_obj);
    Py_ssize_t k = start < 0 ? 0 : start;
    for (; k < n_order && sampled < limit; k++) {
        long long i = order[k];
        if (i < 0 || i >= PyList_GET_SIZE(segs)) {
            PyErr_SetString(PyExc_IndexError, "language_sample(): a block out of range");
            goto fail;
        }
        PyObject *s = PyList_GET_ITEM(segs, i);
        Py_INCREF(s);
        PyObject *t = seg_attr(s, s_text);
        Py_DECREF(s);
        if (t == NULL)
            goto fail;
        if (!PyUnicode_Check(t)) {
            Py_DECREF(t);
            PyErr_SetString(PyExc_TypeError, "language_sample(): a text that is not str");
            goto fail;
        }
        Py_ssize_t got;
        if (PyUnicode_IS_ASCII(t)) {
            got = wt_count(words, PyUnicode_1BYTE_KIND, PyUnicode_DATA(t), PyUnicode_GET_LENGTH(t),
                           NULL, 0, hits);
        } else {
            PyObject *low = covered_lower(t, table, size);
            if (low == NULL || low == Py_None) {
                Py_DECREF(t);
                if (low == NULL)
                    goto fail;
                Py_DECREF(low);
                break;  /* the caller's turn */
            }
            got = wt_count(words, PyUnicode_KIND(low), PyUnicode_DATA(low),
                           PyUnicode_GET_LENGTH(low), table, size, hits);
            Py_DECREF(low);
        }
        Py_DECREF(t);
        sampled += got;
    }
    PyBuffer_Release(&view);
    PyBuffer_Release(&order_view);
    return Py_BuildValue("(nn)", k, sampled);
fail:
    PyBuffer_Release(&view);
    PyBuffer_Release(&order_view);
    return NULL;
}

/* longest_first(segs) -> array("q"): the blocks' positions by the length of their text, longest
 * first, the order of the blocks among texts of one length (sorted(..., reverse=True)). */
typedef struct {
    Py_ssize_t len, at;
} len_at;

static PyObject *int64_array(const long long *v, Py_ssize_t n);

static int
len_at_cmp(const void *pa, const void *pb)
{
    const len_at *a = pa, *b = pb;
    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

static PyObject *
speedups_longest_first(PyObject *mod, PyObject *segs)
{
    if (!PyList_Check(segs)) {
        PyErr_SetString(PyExc_TypeError, "longest_first() takes a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(segs);
    len_at *v = PyMem_Malloc((n > 0 ? n : 1) * sizeof(len_at));
    if (v == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        Py_INCREF(s);
        PyObject *t = seg_attr(s, s_text);
        Py_DECREF(s);
        Py_ssize_t len = t == NULL ? -1 : PyObject_Length(t);
        Py_XDECREF(t);
        if (len < 0) {
            PyMem_Free(v);
            return NULL;
        }
        if (n != PyList_GET_SIZE(segs)) {
            PyMem_Free(v);
            PyErr_SetString(PyExc_RuntimeError, "longest_first(): the list changed");
            return NULL;
        }
        v[i].len = len;
        v[i].at = i;
    }
    qsort(v, n, sizeof(len_at), len_at_cmp);
    /* (as array('q'): an int object per block weighed five times as much) */
    long long *at = (long long *)v;  /* written over v, front to back: at[i] lies before v[i] */
    for (Py_ssize_t i = 0; i < n; i++)
        at[i] = (long long)v[i].at;
    PyObject *out = int64_array(at, n);
    PyMem_Free(v);
    return out;
}

static PyObject *
speedups_ascii_features(PyObject *mod, PyObject *args)
{
    PyObject *segs, *stop, *floats, *table_obj = NULL;
    Py_ssize_t start, stop_at;
    if (!PyArg_ParseTuple(args, "O!OO!nn|O!:ascii_features", &PyList_Type, &segs, &stop,
                          &PyTuple_Type, &floats, &start, &stop_at, &PyBytes_Type, &table_obj))
        return NULL;
    const unsigned char *table = table_obj ? (const unsigned char *)PyBytes_AS_STRING(table_obj) : NULL;
    Py_ssize_t table_size = table_obj ? PyBytes_GET_SIZE(table_obj) : 0;
    /* The stop words: a set, or a WordTable of one (the tokens looked up where they lie). */
    WordTable *stop_words = PyObject_TypeCheck(stop, &WordTableType) ? (WordTable *)stop : NULL;
    if (stop_words != NULL ? stop_words->slots == NULL || stop_words->top > 1
                           : !PyAnySet_Check(stop)) {
        PyErr_SetString(PyExc_TypeError, "stop must be a set, a frozenset or a WordTable of one");
        return NULL;
    }
    Py_ssize_t n_floats = PyTuple_GET_SIZE(floats);
    if (n_floats < 1) {
        PyErr_SetString(PyExc_ValueError, "floats must hold 0.0 at least");
        return NULL;
    }
    PyObject *zero = PyTuple_GET_ITEM(floats, 0);
    if (!PyFloat_CheckExact(zero) || PyFloat_AS_DOUBLE(zero) != 0.0) {
        PyErr_SetString(PyExc_ValueError, "floats[0] must be 0.0");
        return NULL;
    }
    Py_ssize_t i = start;
    for (; i < stop_at && i < PyList_GET_SIZE(segs); i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        Py_INCREF(s);
        PyObject *t = seg_attr(s, s_text);
        if (t == NULL) {
            Py_DECREF(s);
            return NULL;
        }
        if (!PyUnicode_Check(t)) {
            Py_DECREF(t);
            Py_DECREF(s);
            break;  /* the caller's turn */
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(t);
        Py_ssize_t words, ends, tokens;
        StopArg a = {stop, 0};
        int punct_end = 0;
        int kind = PyUnicode_KIND(t);
        const void *d = PyUnicode_DATA(t);
        if (PyUnicode_IS_ASCII(t)) {
            class_words_ends(kind, d, n, ascii_classes, 128, &words, &ends);
            if (stop_words != NULL) {
                long long h = 0;
                tokens = wt_count(stop_words, kind, d, n, NULL, 0, &h);
                a.hits = (Py_ssize_t)h;
            } else {
                tokens = each_token((const Py_UCS1 *)d, n, count_stop, &a);
            }
            punct_end = class_punct_end(kind, d, n, ascii_classes, 128);
        } else {
            /* Text the table answers for, lowered too (a lowered character can be another). */
            PyObject *low = covered_lower(t, table, table_size);
            if (low == NULL) {
                Py_DECREF(t);
                Py_DECREF(s);
                return NULL;
            }
            if (low == Py_None) {
                Py_DECREF(low);
                Py_DECREF(t);
                Py_DECREF(s);
                break;  /* the caller's turn */
            }
            class_words_ends(kind, d, n, table, table_size, &words, &ends);
            if (stop_words != NULL) {
                long long h = 0;
                tokens = wt_count(stop_words, PyUnicode_KIND(low), PyUnicode_DATA(low),
                                  PyUnicode_GET_LENGTH(low), table, table_size, &h);
                a.hits = (Py_ssize_t)h;
            } else {
                tokens = table_each_token(low, table, table_size, count_stop, &a);
            }
            Py_DECREF(low);
            punct_end = class_punct_end(kind, d, n, table, table_size);
        }
        Py_DECREF(t);
        long long link_chars;
        int err = tokens < 0 || attr_ll(s, s_link_chars, &link_chars) < 0;
        if (!err) {
            PyObject *w;
            if (words < n_floats) {
                w = PyTuple_GET_ITEM(floats, words);
                Py_INCREF(w);
            } else {
                w = PyFloat_FromDouble((double)words);
            }
            PyObject *ld;
            if (n && link_chars) {
                ld = PyFloat_FromDouble((double)link_chars / (double)n);
            } else {
                Py_INCREF(zero);
                ld = zero;
            }
            err = set_new(s, s_chars, PyLong_FromSsize_t(n)) < 0
                || set_new(s, s_words, w) < 0
                || set_new(s, s_link_density, ld) < 0;
        }
        if (!err && tokens) {
            PyObject *sd;
            if (a.hits) {
                sd = small_ratio(a.hits, tokens);
            } else {
                Py_INCREF(zero);
                sd = zero;
            }
            err = set_new(s, s_stop_density, sd) < 0;
        }
        if (!err)
            err = seg_setattr(s, s_punct_end, punct_end ? Py_True : Py_False) < 0
                || set_new(s, s_sentences, PyLong_FromSsize_t(ends + (punct_end ? 0 : 1))) < 0;
        Py_DECREF(s);
        if (err)
            return NULL;
    }
    return PyLong_FromSsize_t(i);
}

/* ---------------------------------------------------------------------------------------------
 * ascii_line_hints(copyright, widget_starts, footer_starts, header_words, months, text) -> int:
 * (the tables first, to be bound once) the cheap tests boilerstrip.features._line_bits runs on ASCII text before its patterns, as bits:
 *   1: lowered text holds one of `copyright`;
 *   2: _DATE_DIGITS finds something (\d[-/.:]\d), or the lowered text holds "ago" or "just now",
 *      or it holds one of `months` and _DATE_HINT finds something (\d[-/.:]\d, \s\d or
 *      \d(?:st|nd|rd|th)?\s, case-insensitive, re's \s being the blanks str.isspace() takes);
 *   4: lowered text starts with one of `widget_starts`, or with a digit;
 *   8: lowered text starts with one of `footer_starts`;
 *   16: lowered text holds one of `header_words`.
 * The literals must be ASCII.
 * ------------------------------------------------------------------------------------------- */
static int
holds(const char *s, Py_ssize_t n, const char *lit, Py_ssize_t m)
{
    if (m == 0)
        return 1;
    for (Py_ssize_t i = 0; i + m <= n; i++)
        if (s[i] == lit[0] && memcmp(s + i, lit, m) == 0)
            return 1;
    return 0;
}

/* -1 error, else whether any literal of the tuple is held (starts: only at 0) */
static int
any_literal(const char *s, Py_ssize_t n, PyObject *lits, int starts)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(lits); k++) {
        PyObject *lit = PyTuple_GET_ITEM(lits, k);
        if (!PyUnicode_Check(lit) || !PyUnicode_IS_ASCII(lit)) {
            PyErr_SetString(PyExc_ValueError, "the literals must be ASCII str");
            return -1;
        }
        const char *l = (const char *)PyUnicode_1BYTE_DATA(lit);
        Py_ssize_t m = PyUnicode_GET_LENGTH(lit);
        if (starts ? (m <= n && memcmp(s, l, m) == 0) : holds(s, n, l, m))
            return 1;
    }
    return 0;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
date_hint(const char *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (ascii_space((Py_UCS1)c)) {
            if (i + 1 < n && is_digit(s[i + 1]))
                return 1;
            continue;
        }
        if (!is_digit(c))
            continue;
        if (i + 2 < n && (s[i + 1] == '-' || s[i + 1] == '/' || s[i + 1] == '.' || s[i + 1] == ':')
            && is_digit(s[i + 2]))
            return 1;
        if (i + 1 < n && ascii_space((Py_UCS1)s[i + 1]))
            return 1;
        if (i + 3 < n && ascii_space((Py_UCS1)s[i + 3])) {
            char a = s[i + 1], b = s[i + 2];  /* lowered */
            if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
                || (a == 't' && b == 'h'))
                return 1;
        }
    }
    return 0;
}

/* \d[-/.:]\d */
static int
date_digits(const char *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i + 2 < n; i++)
        if (is_digit(s[i])
            && (s[i + 1] == '-' || s[i + 1] == '/' || s[i + 1] == '.' || s[i + 1] == ':')
            && is_digit(s[i + 2]))
            return 1;
    return 0;
}

static PyObject *
speedups_ascii_line_hints(PyObject *mod, PyObject *args)
{
    PyObject *t, *copyright, *widget, *footer, *header, *months;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!U:ascii_line_hints", &PyTuple_Type, &copyright,
                          &PyTuple_Type, &widget, &PyTuple_Type, &footer, &PyTuple_Type, &header,
                          &PyTuple_Type, &months, &t))
        return NULL;
    if (!PyUnicode_IS_ASCII(t)) {
        PyErr_SetString(PyExc_ValueError, "ascii_line_hints() takes ASCII text");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    const Py_UCS1 *d = PyUnicode_1BYTE_DATA(t);
    char stack[512];
    char *low = n <= (Py_ssize_t)sizeof(stack) ? stack : PyMem_Malloc(n ? n : 1);
    if (low == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++)
        low[i] = (d[i] >= 'A' && d[i] <= 'Z') ? (char)(d[i] + 32) : (char)d[i];
    long bits = 0;
    int r;
    if ((r = any_literal(low, n, copyright, 0)) < 0)
        goto fail;
    bits |= r ? 1 : 0;
    if (date_digits(low, n) || holds(low, n, "ago", 3) || holds(low, n, "just now", 8))
        bits |= 2;
    else {
        if ((r = any_literal(low, n, months, 0)) < 0)
            goto fail;
        if (r && date_hint(low, n))
            bits |= 2;
    }
    if ((r = any_literal(low, n, widget, 1)) < 0)
        goto fail;
    bits |= (r || (n && is_digit(low[0]))) ? 4 : 0;
    if ((r = any_literal(low, n, footer, 1)) < 0)
        goto fail;
    bits |= r ? 8 : 0;
    if ((r = any_literal(low, n, header, 0)) < 0)
        goto fail;
    bits |= r ? 16 : 0;
    if (low != stack)
        PyMem_Free(low);
    return PyLong_FromLong(bits);
fail:
    if (low != stack)
        PyMem_Free(low);
    return NULL;
}

/* --- the learned classifier's context stage (boilerstrip.classify.stacked) ------------------- */

#define CONTEXT_OWN 10
#define CONTEXT_WIDTH (18 + CONTEXT_OWN + 4)

/* context_sums(p, chars, pc, sure, far) -> (pre_cw, c_max, pre_pw, pre_w, pre_sure, sure_w,
   next_sure, span_lo, span_hi, p_max, p_mean, total_sure): the page-wide sums of
   stacked.ContextPage.__init__ (its plain-Python form), the arrays as native doubles (next_sure as
   native long longs). Every sum is added in the same order, every max keeps the first of equals,
   and the best span is the same Kadane run (region.max_run with positive=False). */
static PyObject *
speedups_context_sums(PyObject *mod, PyObject *args)
{
    Py_buffer bp, bpc;
    PyObject *chars;
    double sure;
    Py_ssize_t far;
    if (!PyArg_ParseTuple(args, "y*O!y*dn:context_sums", &bp, &PyList_Type, &chars, &bpc, &sure,
                          &far))
        return NULL;
    PyObject *res = NULL;
    PyObject *o_cw = NULL, *o_cmax = NULL, *o_pw = NULL, *o_w = NULL, *o_sure = NULL,
             *o_sw = NULL, *o_next = NULL;
    double *weight = NULL;
    Py_ssize_t n = bp.len / (Py_ssize_t)sizeof(double);
    if (bp.len % (Py_ssize_t)sizeof(double) || bpc.len != bp.len
        || PyList_GET_SIZE(chars) != n) {
        PyErr_SetString(PyExc_ValueError, "context_sums(): p, chars and pc are not of one page");
        goto done;
    }
    const double *p = bp.buf, *pc = bpc.buf;
    weight = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(double));
    if (weight == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        /* c + 1.0: an int is made a double first (a float is taken as it is) */
        PyObject *c = PyList_GET_ITEM(chars, i);
        double x = PyFloat_Check(c) ? PyFloat_AS_DOUBLE(c) : PyLong_AsDouble(c);
        if (x == -1.0 && PyErr_Occurred())
            goto done;
        weight[i] = x + 1.0;
    }
#define NEWBUF(o, count, type) \
    if ((o = PyBytes_FromStringAndSize(NULL, (count) * (Py_ssize_t)sizeof(type))) == NULL) \
        goto done;
    NEWBUF(o_cw, n + 1, double)
    NEWBUF(o_cmax, n, double)
    NEWBUF(o_pw, n + 1, double)
    NEWBUF(o_w, n + 1, double)
    NEWBUF(o_sure, n + 1, double)
    NEWBUF(o_sw, n, double)
    NEWBUF(o_next, n, long long)
#undef NEWBUF
    double *pre_cw = (double *)PyBytes_AS_STRING(o_cw), *c_max = (double *)PyBytes_AS_STRING(o_cmax),
           *pre_pw = (double *)PyBytes_AS_STRING(o_pw), *pre_w = (double *)PyBytes_AS_STRING(o_w),
           *pre_sure = (double *)PyBytes_AS_STRING(o_sure),
           *sure_w = (double *)PyBytes_AS_STRING(o_sw);
    long long *next_sure = (long long *)PyBytes_AS_STRING(o_next);
    pre_cw[0] = pre_pw[0] = pre_w[0] = pre_sure[0] = 0.0;
    double p_max = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double w = weight[i];
        pre_cw[i + 1] = pre_cw[i] + pc[i] * w;
        c_max[i] = (i == 0 || pc[i] > c_max[i - 1]) ? pc[i] : c_max[i - 1];
        pre_pw[i + 1] = pre_pw[i] + p[i] * w;
        pre_w[i + 1] = pre_w[i] + w;
        sure_w[i] = p[i] >= sure ? w : 0.0;
        pre_sure[i + 1] = pre_sure[i] + sure_w[i];
        if (i == 0 || p[i] > p_max)
            p_max = p[i];
    }
    long long nxt = (long long)n + far;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        next_sure[i] = nxt;
        if (p[i] >= sure)
            nxt = i;
    }
    /* the best span: max_run(((a - sure) * log1p(w) ...), positive=False) */
    double best = -INFINITY, cur = 0.0;
    Py_ssize_t best_lo = 0, best_hi = -1, cur_lo = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = (p[i] - sure) * log1p(weight[i]);
        if (cur <= 0) {
            cur = v;
            cur_lo = i;
        } else {
            cur += v;
        }
        if (cur > best) {
            best = cur;
            best_lo = cur_lo;
            best_hi = i;
        }
    }
    double total = pre_sure[n] != 0.0 ? pre_sure[n] : 1.0;
    double p_mean = n ? pre_pw[n] / pre_w[n] : 0.0;
    res = Py_BuildValue("(OOOOOOOnnddd)", o_cw, o_cmax, o_pw, o_w, o_sure, o_sw, o_next, best_lo,
                        best_hi, p_max, p_mean, total);
done:
    PyMem_Free(weight);
    Py_XDECREF(o_cw);
    Py_XDECREF(o_cmax);
    Py_XDECREF(o_pw);
    Py_XDECREF(o_w);
    Py_XDECREF(o_sure);
    Py_XDECREF(o_sw);
    Py_XDECREF(o_next);
    PyBuffer_Release(&bp);
    PyBuffer_Release(&bpc);
    return res;
}

/* context_mix(pa, px, share) -> (mixed, max_pa, max_mixed): learned._html_context's mean, a + share
 * * (x - a) for each pair of the two arrays of doubles (as bytes of native doubles), and the
 * maxima the fallback reads (as Python's max(): the first of equal values, 0.0 for no block). */
static PyObject *
speedups_context_mix(PyObject *mod, PyObject *args)
{
    Py_buffer ba, bx;
    double share;
    if (!PyArg_ParseTuple(args, "y*y*d:context_mix", &ba, &bx, &share))
        return NULL;
    PyObject *out = NULL, *res = NULL;
    if (ba.len != bx.len || ba.len % (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "context_mix(): the arrays differ in length");
        goto done;
    }
    Py_ssize_t n = ba.len / (Py_ssize_t)sizeof(double);
    out = PyBytes_FromStringAndSize(NULL, ba.len);
    if (out == NULL)
        goto done;
    const double *a = ba.buf, *x = bx.buf;
    double *mixed = (double *)PyBytes_AS_STRING(out);
    double max_a = 0.0, max_m = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        mixed[i] = a[i] + share * (x[i] - a[i]);
        if (i == 0 || a[i] > max_a)
            max_a = a[i];
        if (i == 0 || mixed[i] > max_m)
            max_m = mixed[i];
    }
    res = Py_BuildValue("(Odd)", out, max_a, max_m);
done:
    Py_XDECREF(out);
    PyBuffer_Release(&ba);
    PyBuffer_Release(&bx);
    return res;
}

/* context_own(segs, lo, hi, line_flags, good, date_bit, copyright_bit) -> bytes: the own features
   of learned.context_own for the blocks lo .. hi - 1, CONTEXT_OWN native doubles a block (a
   block's line flags from line_flags(s) where they are not known yet). */
static PyObject *
speedups_context_own(PyObject *mod, PyObject *args)
{
    PyObject *segs, *flags_of;
    Py_ssize_t lo, hi;
    long long good, date_bit, copyright_bit;
    if (!PyArg_ParseTuple(args, "O!nnOLLL:context_own", &PyList_Type, &segs, &lo, &hi, &flags_of,
                          &good, &date_bit, &copyright_bit))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs);
    if (lo < 0 || hi < lo || hi > n) {
        PyErr_SetString(PyExc_ValueError, "context_own(): lo .. hi is not within the blocks");
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, (hi - lo) * CONTEXT_OWN * (Py_ssize_t)sizeof(double));
    if (out == NULL)
        return NULL;
    double *row = (double *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = lo; i < hi; i++, row += CONTEXT_OWN) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        Py_INCREF(s);
        long long chars, cf, heading, bits;
        double link_density, stop_density;
        int punct, list_item;
        int bad = attr_ll(s, s_chars, &chars) < 0 || attr_double(s, s_link_density, &link_density) < 0
                  || attr_double(s, s_stop_density, &stop_density) < 0
                  || attr_true(s, s_punct_end, &punct) < 0 || attr_ll(s, s_cf, &cf) < 0
                  || attr_ll(s, s_heading, &heading) < 0 || attr_true(s, s_list_item, &list_item) < 0
                  || attr_ll(s, s_line_flags, &bits) < 0;
        if (!bad && bits < 0) {
            PyObject *got = PyObject_CallOneArg(flags_of, s);
            bits = got == NULL ? -1 : PyLong_AsLongLong(got);
            Py_XDECREF(got);
            bad = bits == -1 && PyErr_Occurred();
        }
        Py_DECREF(s);
        if (bad) {
            Py_DECREF(out);
            return NULL;
        }
        row[0] = log1p((double)chars);
        row[1] = link_density;
        row[2] = stop_density;
        row[3] = punct ? 1.0 : 0.0;
        row[4] = cf == good ? 1.0 : 0.0;
        row[5] = heading ? 1.0 : 0.0;
        row[6] = (double)i / (double)n;
        row[7] = list_item ? 1.0 : 0.0;
        row[8] = (bits & date_bit) ? 1.0 : 0.0;
        row[9] = (bits & copyright_bit) ? 1.0 : 0.0;
    }
    return out;
}

/* context_rows(p, pre_pw, pre_w, pre_sure, sure_w, next_sure, own, lo, span_lo, span_hi, p_max,
   p_mean, total_sure, windows, sure, far, missing, pc, pre_cw, c_max, comment_windows) -> bytes:
   ContextPage.rows(lo, own) as native doubles, CONTEXT_WIDTH a row (the same operations in the
   same order as the Python form). */
static PyObject *
speedups_context_rows(PyObject *mod, PyObject *args)
{
    Py_buffer bp, bpw, bw, bsure, bsw, bnext, bown, bpc, bpcw, bcmax;
    Py_ssize_t lo, span_lo, span_hi, far, w[4], cwin[2];
    double p_max, p_mean, total, sure, missing;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*nnnddd(nnnn)dndy*y*y*(nn):context_rows", &bp,
                          &bpw, &bw, &bsure, &bsw, &bnext, &bown, &lo, &span_lo, &span_hi, &p_max,
                          &p_mean, &total, &w[0], &w[1], &w[2], &w[3], &sure, &far, &missing,
                          &bpc, &bpcw, &bcmax, &cwin[0], &cwin[1]))
        return NULL;
    PyObject *out = NULL;
    Py_ssize_t n = bp.len / (Py_ssize_t)sizeof(double);
    Py_ssize_t m = bown.len / ((Py_ssize_t)sizeof(double) * CONTEXT_OWN);
    if (bown.len % ((Py_ssize_t)sizeof(double) * CONTEXT_OWN) || lo < 0 || lo + m > n
        || bpw.len != (n + 1) * (Py_ssize_t)sizeof(double)
        || bw.len != (n + 1) * (Py_ssize_t)sizeof(double)
        || bsure.len != (n + 1) * (Py_ssize_t)sizeof(double)
        || bsw.len != n * (Py_ssize_t)sizeof(double)
        || bnext.len != n * (Py_ssize_t)sizeof(long long)
        || bpc.len != n * (Py_ssize_t)sizeof(double)
        || bpcw.len != (n + 1) * (Py_ssize_t)sizeof(double)
        || bcmax.len != n * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "context_rows(): the arrays do not fit the page");
        goto done;
    }
    const double *p = bp.buf, *pre_pw = bpw.buf, *pre_w = bw.buf, *pre_sure = bsure.buf;
    const double *sure_w = bsw.buf, *own = bown.buf;
    const long long *next_sure = bnext.buf;
    const double *pc = bpc.buf, *pre_cw = bpcw.buf, *c_max = bcmax.buf;
    out = PyBytes_FromStringAndSize(NULL, m * CONTEXT_WIDTH * (Py_ssize_t)sizeof(double));
    if (out == NULL)
        goto done;
    double *row = (double *)PyBytes_AS_STRING(out);
    Py_ssize_t last = -far;
    for (Py_ssize_t j = lo - 1; j >= 0; j--) {
        if (p[j] >= sure) {
            last = j;
            break;
        }
    }
    double log_far = log1p((double)far);
    for (Py_ssize_t i = lo; i < lo + m; i++, row += CONTEXT_WIDTH) {
        double a = p[i];
        row[0] = a;
        row[1] = i >= 1 ? p[i - 1] : missing;
        row[2] = i >= 2 ? p[i - 2] : missing;
        row[3] = i + 1 < n ? p[i + 1] : missing;
        row[4] = i + 2 < n ? p[i + 2] : missing;
        for (int k = 0; k < 4; k++) {
            Py_ssize_t x = i > w[k] ? i - w[k] : 0;
            Py_ssize_t y = i + w[k] + 1 < n ? i + w[k] + 1 : n;
            row[5 + k] = (pre_pw[y] - pre_pw[x]) / (pre_w[y] - pre_w[x]);
        }
        row[9] = p_max;
        row[10] = p_mean;
        double before = pre_sure[i] / total;
        row[11] = before;
        row[12] = 1.0 - before - sure_w[i] / total;
        row[13] = last > -far ? log1p((double)(i - last < far ? i - last : far)) : log_far;
        long long gap = next_sure[i] - i;
        row[14] = log1p((double)(gap < far ? gap : far));
        row[15] = (span_lo <= i && i <= span_hi) ? 1.0 : 0.0;
        Py_ssize_t sg = i < span_lo ? span_lo - i : (i > span_hi ? i - span_hi : 0);
        row[16] = log1p((double)sg);
        row[17] = a - row[6];
        memcpy(row + 18, own + (i - lo) * CONTEXT_OWN, CONTEXT_OWN * sizeof(double));
        row[18 + CONTEXT_OWN] = pc[i];
        for (int k = 0; k < 2; k++) {
            Py_ssize_t x = i > cwin[k] ? i - cwin[k] : 0;
            Py_ssize_t y = i + cwin[k] + 1 < n ? i + cwin[k] + 1 : n;
            row[19 + CONTEXT_OWN + k] = (pre_cw[y] - pre_cw[x]) / (pre_w[y] - pre_w[x]);
        }
        row[21 + CONTEXT_OWN] = c_max[i];
        if (a >= sure)
            last = i;
    }
done:
    PyBuffer_Release(&bp);
    PyBuffer_Release(&bpw);
    PyBuffer_Release(&bw);
    PyBuffer_Release(&bsure);
    PyBuffer_Release(&bsw);
    PyBuffer_Release(&bnext);
    PyBuffer_Release(&bown);
    PyBuffer_Release(&bpc);
    PyBuffer_Release(&bpcw);
    PyBuffer_Release(&bcmax);
    return out;
}


/* --- the main region's block values and subtree sums (boilerstrip.classify.region) ---------- */

/* array(typecode) of the n items of `size` bytes at v. New reference. */
static PyObject *
make_array(const char *typecode, const void *v, Py_ssize_t n, size_t size)
{
    static PyObject *array_type;
    if (array_type == NULL) {
        PyObject *m = PyImport_ImportModule("array");
        if (m == NULL)
            return NULL;
        array_type = PyObject_GetAttrString(m, "array");
        Py_DECREF(m);
        if (array_type == NULL)
            return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize((const char *)v, n * (Py_ssize_t)size);
    if (bytes == NULL)
        return NULL;
    PyObject *r = PyObject_CallFunction(array_type, "sO", typecode, bytes);
    Py_DECREF(bytes);
    return r;
}

/* array('d') of the n doubles at v. New reference. */
static PyObject *
double_array(const double *v, Py_ssize_t n)
{
    return make_array("d", v, n, sizeof(double));
}

/* array('q') of the n int64 numbers at v. New reference. */
static PyObject *
int64_array(const long long *v, Py_ssize_t n)
{
    return make_array("q", v, n, sizeof(long long));
}

/* region_values(segs, flags, consts) -> array('d'): classify.region.value_of of every block, with
 * flags[i] & boiler_bit as its boilerplate-line test. consts: (comment_label, good, neargood, short,
 * good_weight, neargood_weight, short_penalty, bad_weight, chrome_factor, body_bonus, boiler_cues,
 * body_cue, boiler_bit). The same double operations in the same order as the plain-Python form. */
static PyObject *
speedups_region_values(PyObject *mod, PyObject *args)
{
    PyObject *segs, *flags, *comment;
    long long good, neargood, shortc;
    double good_w, near_w, short_pen, bad_w, chrome_f, body_b;
    unsigned long long boiler_cues, body_cue, boiler_bit;
    if (!PyArg_ParseTuple(args, "O!O!(OLLLddddddKKK):region_values", &PyList_Type, &segs,
                          &PyList_Type, &flags, &comment, &good, &neargood, &shortc, &good_w,
                          &near_w, &short_pen, &bad_w, &chrome_f, &body_b, &boiler_cues,
                          &body_cue, &boiler_bit))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs);
    if (PyList_GET_SIZE(flags) != n) {
        PyErr_SetString(PyExc_ValueError, "region_values: one flag per block");
        return NULL;
    }
    double *out = PyMem_Malloc((n ? n : 1) * sizeof(double));
    if (out == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        PyObject *label = seg_attr(s, s_label);
        if (label == NULL)
            goto fail;
        int is_comment = label == comment;
        Py_DECREF(label);
        long long chars, cf;
        double v;
        if (attr_ll(s, s_chars, &chars) < 0)
            goto fail;
        unsigned long long f = PyLong_AsUnsignedLongLongMask(PyList_GET_ITEM(flags, i));
        if (f == (unsigned long long)-1 && PyErr_Occurred())
            goto fail;
        if (is_comment) {
            double c = (double)chars;
            v = -(short_pen >= c ? short_pen : c);
        } else if (f & boiler_bit) {
            double c = bad_w * (double)chars;
            v = -(short_pen >= c ? short_pen : c);
        } else {
            if (attr_ll(s, s_cf, &cf) < 0)
                goto fail;
            int scaled = 0;
            if (cf == good || cf == neargood) {
                double ld;
                if (attr_double(s, s_link_density, &ld) < 0)
                    goto fail;
                v = (cf == good ? good_w : near_w) * (double)chars * (1.0 - ld);
                scaled = 1;
            } else if (cf == shortc) {
                long long heading;
                if (attr_ll(s, s_heading, &heading) < 0)
                    goto fail;
                v = heading ? 0.0 : -short_pen;
            } else {
                v = -bad_w * (double)chars;
            }
            if (scaled) {
                unsigned long long near, cues;
                if (attr_mask(s, s_near_cues, &near) < 0)
                    goto fail;
                if (near & boiler_cues) {
                    v *= chrome_f;
                } else {
                    if (attr_mask(s, s_cues, &cues) < 0)
                        goto fail;
                    if (cues & body_cue)
                        v *= body_b;
                }
            }
        }
        out[i] = v;
    }
    {
        PyObject *arr = double_array(out, n);
        PyMem_Free(out);
        return arr;
    }
fail:
    PyMem_Free(out);
    return NULL;
}

/* region_sums(segs, values, parent, prose) -> (best, last_best, best_total, first_in, last_in,
 * page_prose, share, linkd): the subtree sums of classify.region and classify.learned._page.
 * Every block's value is added to its element's frame, then every frame (from the last to the
 * second) to its parent's, in that order; best is the first frame of the highest sum (-1 for no
 * frame), last_best the last frame of its subtree; first_in/last_in the first and last block whose
 * frame is in best..last_best (len(segs) and -1 when none). With prose true: page_prose (the sum
 * of the positive values), and per frame (as array('d')) the share of the page's prose in its
 * subtree (positive values only, over page_prose or 1.0) and its link density (link characters
 * over characters);
 * else those three are None. */
static PyObject *
speedups_region_sums(PyObject *mod, PyObject *args)
{
    PyObject *segs, *values, *parent;
    int want_prose;
    if (!PyArg_ParseTuple(args, "O!OOp:region_sums", &PyList_Type, &segs, &values, &parent,
                          &want_prose))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs), nf = PyObject_Length(parent);
    if (nf < 0)
        return NULL;
    PyObject *result = NULL, *share = NULL, *linkd = NULL;
    dvec vals = {NULL, {0}};
    if (nf >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "region_sums: too many frames");
        return NULL;
    }
    /* (frame indices as 32-bit numbers, the values read where they are: a page of a million
     * blocks holds a few arrays of its frames here, not ten) */
    double *net = PyMem_Calloc(nf ? nf : 1, sizeof(double));
    double *prose = want_prose ? PyMem_Calloc(nf ? nf : 1, sizeof(double)) : NULL;
    double *chars = want_prose ? PyMem_Calloc(nf ? nf : 1, sizeof(double)) : NULL;
    double *links = want_prose ? PyMem_Calloc(nf ? nf : 1, sizeof(double)) : NULL;
    int32_t *last = PyMem_Malloc((nf ? nf : 1) * sizeof(int32_t));
    int32_t *par = PyMem_Malloc((nf ? nf : 1) * sizeof(int32_t));
    if (net == NULL || last == NULL || par == NULL
        || (want_prose && (prose == NULL || chars == NULL || links == NULL))) {
        PyErr_NoMemory();
        goto done;
    }
    if (dvec_take(&vals, values, n, "region_sums: one value per block") < 0
        || read_numbers(parent, nf, NULL, par, "region_sums: parent") < 0)
        goto done;
    for (Py_ssize_t f = 0; f < nf; f++) {
        last[f] = (int32_t)f;
        if (par[f] >= nf || par[f] < -1) {
            PyErr_SetString(PyExc_ValueError, "region_sums: a parent out of range");
            goto done;
        }
    }
    double page_prose = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        double v = vals.p[i];
        long long f;
        if (attr_ll(s, s_frame, &f) < 0)
            goto done;
        if (f >= nf) {
            PyErr_SetString(PyExc_ValueError, "region_sums: a frame out of range");
            goto done;
        }
        if (f >= 0) {
            net[f] += v;
            if (want_prose) {
                long long c, lc;
                if (attr_ll(s, s_chars, &c) < 0 || attr_ll(s, s_link_chars, &lc) < 0)
                    goto done;
                if (v > 0)
                    prose[f] += v;
                chars[f] += (double)c;
                links[f] += (double)lc;
            }
        }
        if (want_prose && v > 0)
            page_prose += v;
    }
    for (Py_ssize_t f = nf - 1; f >= 1; f--) {
        int32_t p = par[f];
        if (p >= 0) {
            if (want_prose) {
                prose[p] += prose[f];
                chars[p] += chars[f];
                links[p] += links[f];
            }
            net[p] += net[f];
            if (last[f] > last[p])
                last[p] = last[f];
        }
    }
    Py_ssize_t best = -1, last_best = -1;
    double best_total = 0.0;
    for (Py_ssize_t f = 0; f < nf; f++) {
        if (best < 0 || net[f] > best_total) {
            best = f;
            best_total = net[f];
        }
    }
    if (best >= 0)
        last_best = last[best];
    Py_ssize_t first_in = n, last_in = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        long long f;
        if (attr_ll(PyList_GET_ITEM(segs, i), s_frame, &f) < 0)
            goto done;
        if (best <= f && f <= last_best) {
            if (first_in == n)
                first_in = i;
            last_in = i;
        }
    }
    if (want_prose) {
        /* (as arrays of doubles: a float object per frame weighed four times as much) */
        double pp = page_prose != 0.0 ? page_prose : 1.0;
        for (Py_ssize_t f = 0; f < nf; f++) {
            prose[f] = prose[f] / pp;
            links[f] = chars[f] != 0.0 ? links[f] / chars[f] : 0.0;
        }
        /* (what the arrays are made from is all that is left held) */
        PyMem_Free(net);
        PyMem_Free(chars);
        PyMem_Free(last);
        PyMem_Free(par);
        net = chars = NULL;
        last = par = NULL;
        dvec_free(&vals);
        share = double_array(prose, nf);
        PyMem_Free(prose);
        prose = NULL;
        linkd = share == NULL ? NULL : double_array(links, nf);
        if (share == NULL || linkd == NULL)
            goto done;
        result = Py_BuildValue("(nndnndOO)", best, last_best, best_total, first_in, last_in,
                               page_prose, share, linkd);
    } else {
        result = Py_BuildValue("(nndnnOOO)", best, last_best, best_total, first_in, last_in,
                               Py_None, Py_None, Py_None);
    }
done:
    Py_XDECREF(share);
    Py_XDECREF(linkd);
    PyMem_Free(net);
    PyMem_Free(prose);
    PyMem_Free(chars);
    PyMem_Free(links);
    PyMem_Free(last);
    PyMem_Free(par);
    dvec_free(&vals);
    return result;
}



/* --- candidates: classify.candidates._find ---------------------------------------------------- */

/* A prose block's vote (classify.candidates.vote): 1 + commas + min(chars / 100, 3), the commas
 * being U+002C, U+FF0C and U+3001. */
static double
candidate_vote(PyObject *text, long long chars)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), commas = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND) {
        const char *p = data, *end = p + len;
        while ((p = memchr(p, ',', (size_t)(end - p))) != NULL) {
            commas++;
            p++;
        }
    } else {
        for (Py_ssize_t k = 0; k < len; k++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, k);
            commas += c == ',' || c == 0xFF0C || c == 0x3001;
        }
    }
    double size = (double)chars / 100.0;
    return 1.0 + (double)commas + (3.0 < size ? 3.0 : size);
}

/* The vote of block s, or 0 for a block that casts none (no frame, short, a heading); -1 with an
 * exception on error. *frame gets its frame. */
static double
block_vote(PyObject *s, long long min_chars, long long *frame)
{
    long long chars, heading;
    if (attr_ll(s, s_frame, frame) < 0 || attr_ll(s, s_chars, &chars) < 0
        || attr_ll(s, s_heading, &heading) < 0)
        return -1.0;
    if (*frame < 0 || chars < min_chars || heading)
        return 0.0;
    PyObject *text = seg_text(s);
    if (text == NULL)
        return -1.0;
    double v = candidate_vote(text, chars);
    Py_DECREF(text);
    return v;
}

/* cohort_page(segs, parent, frame_cues[, mask]) -> (of, size, sums, words): classify.cohort.Cohorts'
 * grouping. A block's signature is (tag, depth, cues of its frame, of the frame's parent, of its
 * grandparent; each cue mask and'ed with mask, patterns.MODEL_CUES, all bits if not given), 0
 * where there is no such frame; cohorts are numbered in the order their first
 * block comes. of: int32 a block (its cohort); size: int64 a cohort (its blocks); sums: five
 * columns of doubles, one after the other, a cohort each (the blocks' words, link density,
 * stopword density, sentence ends and log1p(characters), added in page order, as the Python form
 * adds them); words: the page's words. Tags are compared as a dict compares keys (hash, then ==);
 * the cues are read as 32-bit integers (the cue masks have 19 bits). */
typedef struct {
    PyObject *tag;  /* a strong reference, dropped at the end */
    Py_hash_t hash;
    long long depth;
    int32_t c0, c1, c2;
} co_key;

static Py_hash_t
co_hash(Py_hash_t tag_hash, long long depth, int32_t c0, int32_t c1, int32_t c2)
{
    uint64_t h = (uint64_t)tag_hash * 0x9E3779B97F4A7C15ULL;
    h ^= (uint64_t)depth + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
    h ^= (uint64_t)(uint32_t)c0 * 0xFF51AFD7ED558CCDULL + (h << 6) + (h >> 2);
    h ^= (uint64_t)(uint32_t)c1 * 0xC4CEB9FE1A85EC53ULL + (h << 6) + (h >> 2);
    h ^= (uint64_t)(uint32_t)c2 * 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return (Py_hash_t)(h ^ (h >> 29));
}

/* A growable array of fixed-size items. */
typedef struct {
    char *p;
    Py_ssize_t len, cap, item;
} gvec;

static void *
gvec_push(gvec *v)
{
    if (v->len == v->cap) {
        Py_ssize_t cap = v->cap ? v->cap * 2 : 16;
        char *p = PyMem_Realloc(v->p, (size_t)cap * (size_t)v->item);
        if (p == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        v->p = p;
        v->cap = cap;
    }
    return v->p + v->item * v->len++;
}

static PyObject *
speedups_cohort_page(PyObject *mod, PyObject *args)
{
    PyObject *segs, *parent, *frame_cues;
    long long mask = -1;
    if (!PyArg_ParseTuple(args, "O!OO|L:cohort_page", &PyList_Type, &segs, &parent, &frame_cues,
                          &mask))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs), nf = PyObject_Length(parent);
    if (nf < 0)
        return NULL;
    if (n >= INT32_MAX / 2 || nf >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "cohort_page: too many blocks or frames");
        return NULL;
    }
    PyObject *result = NULL, *of_b = NULL;
    gvec keys = {NULL, 0, 0, sizeof(co_key)}, size = {NULL, 0, 0, sizeof(long long)};
    gvec sums = {NULL, 0, 0, 5 * sizeof(double)};
    int32_t *par = PyMem_Malloc((nf ? nf : 1) * sizeof(int32_t));
    int32_t *cues = PyMem_Malloc((nf ? nf : 1) * sizeof(int32_t));
    size_t cap = 16;
    int32_t *table = PyMem_Malloc(cap * sizeof(int32_t));
    if (par == NULL || cues == NULL || table == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(table, 0xff, cap * sizeof(int32_t));  /* -1: empty */
    if (read_parents(parent, nf, par, "cohort_page: parent") < 0
        || read_numbers(frame_cues, nf, NULL, cues, "cohort_page: frame_cues") < 0)
        goto done;
    for (Py_ssize_t f = 0; f < nf; f++)
        cues[f] &= (int32_t)mask;
    of_b = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int32_t));
    if (of_b == NULL)
        goto done;
    int32_t *of = (int32_t *)PyBytes_AS_STRING(of_b);
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long depth, frame, chars;
        double words, link_density, stop_density;
        int punct;
        if (attr_ll(s, s_depth, &depth) < 0 || attr_ll(s, s_frame, &frame) < 0
            || block_stats(s, &chars, &words, &link_density, &stop_density, &punct) < 0)
            goto done;
        int32_t c0 = 0, c1 = 0, c2 = 0;
        if (frame >= 0) {
            if (frame >= nf) {
                PyErr_SetString(PyExc_ValueError, "cohort_page: a frame out of range");
                goto done;
            }
            c0 = cues[frame];
            int32_t p = par[frame];
            if (p >= 0) {
                c1 = cues[p];
                int32_t g = par[p];
                c2 = g >= 0 ? cues[g] : 0;
            }
        }
        PyObject *tag = seg_attr(s, s_tag);
        Py_hash_t th = tag == NULL ? -1 : PyObject_Hash(tag);
        if (th == -1) {
            Py_XDECREF(tag);
            goto done;
        }
        Py_hash_t h = co_hash(th, depth, c0, c1, c2);
        size_t at = (size_t)h & (cap - 1);
        int32_t k;
        for (;;) {
            k = table[at];
            if (k < 0)
                break;
            co_key *o = (co_key *)keys.p + k;
            if (o->hash == h && o->depth == depth && o->c0 == c0 && o->c1 == c1 && o->c2 == c2) {
                int eq = o->tag == tag ? 1 : PyObject_RichCompareBool(o->tag, tag, Py_EQ);
                if (eq < 0) {
                    Py_DECREF(tag);
                    goto done;
                }
                if (eq)
                    break;
            }
            at = (at + 1) & (cap - 1);
        }
        if (k < 0) {  /* a new cohort */
            long long *sz = gvec_push(&size);
            double *sm = sz == NULL ? NULL : gvec_push(&sums);
            co_key *key = sm == NULL ? NULL : gvec_push(&keys);
            if (key == NULL) {  /* (keys holds only what is set: its tags are released) */
                Py_DECREF(tag);
                goto done;
            }
            k = (int32_t)(keys.len - 1);
            *key = (co_key){Py_NewRef(tag), h, depth, c0, c1, c2};
            *sz = 0;
            memset(sm, 0, 5 * sizeof(double));
            table[at] = k;
            if ((size_t)keys.len * 2 > cap) {  /* grow and re-place */
                size_t ncap = cap * 2;
                int32_t *nt = PyMem_Malloc(ncap * sizeof(int32_t));
                if (nt == NULL) {
                    Py_DECREF(tag);
                    PyErr_NoMemory();
                    goto done;
                }
                memset(nt, 0xff, ncap * sizeof(int32_t));
                for (Py_ssize_t j = 0; j < keys.len; j++) {
                    size_t a = (size_t)((co_key *)keys.p)[j].hash & (ncap - 1);
                    while (nt[a] >= 0)
                        a = (a + 1) & (ncap - 1);
                    nt[a] = (int32_t)j;
                }
                PyMem_Free(table);
                table = nt;
                cap = ncap;
            }
        }
        Py_DECREF(tag);
        if (PyList_GET_SIZE(segs) != n) {  /* (a tag's __eq__ could change the list) */
            PyErr_SetString(PyExc_RuntimeError, "cohort_page: the blocks changed");
            goto done;
        }
        of[i] = k;
        ((long long *)size.p)[k] += 1;
        double *sm = (double *)sums.p + 5 * (Py_ssize_t)k;
        sm[0] += words;
        sm[1] += link_density;
        sm[2] += stop_density;
        if (punct)
            sm[3] += 1.0;
        sm[4] += log1p((double)chars);
        total += words;
    }
    Py_ssize_t m = keys.len;
    PyObject *size_b = PyBytes_FromStringAndSize(size.p, m * (Py_ssize_t)sizeof(long long));
    PyObject *sums_b = PyBytes_FromStringAndSize(NULL, 5 * m * (Py_ssize_t)sizeof(double));
    if (size_b != NULL && sums_b != NULL) {
        double *cols = (double *)PyBytes_AS_STRING(sums_b);
        const double *rows = (const double *)sums.p;
        for (int c = 0; c < 5; c++)
            for (Py_ssize_t k = 0; k < m; k++)
                cols[c * m + k] = rows[5 * k + c];
        result = Py_BuildValue("(OOOd)", of_b, size_b, sums_b, total);
    }
    Py_XDECREF(size_b);
    Py_XDECREF(sums_b);
done:
    Py_XDECREF(of_b);
    PyMem_Free(par);
    PyMem_Free(cues);
    PyMem_Free(table);
    for (Py_ssize_t j = 0; j < keys.len; j++)
        Py_DECREF(((co_key *)keys.p)[j].tag);
    PyMem_Free(keys.p);
    PyMem_Free(size.p);
    PyMem_Free(sums.p);
    return result;
}

/* cohort_columns(segs, lo, hi, of, size, sums, words, alone) -> bytes: Cohorts.columns for the
 * blocks lo .. hi - 1 from cohort_page's arrays (any buffers of those formats: int32, int64 and
 * doubles), N_CO native doubles a block, the same operations in the same order as the Python
 * form. */
static PyObject *
speedups_cohort_columns(PyObject *mod, PyObject *args)
{
    PyObject *segs;
    Py_ssize_t lo, hi;
    Py_buffer bof, bsize, bsums;
    double total, alone;
    if (!PyArg_ParseTuple(args, "O!nny*y*y*dd:cohort_columns", &PyList_Type, &segs, &lo, &hi,
                          &bof, &bsize, &bsums, &total, &alone))
        return NULL;
    PyObject *out = NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs);
    Py_ssize_t m = bsize.len / (Py_ssize_t)sizeof(long long);
    if (bof.len != n * (Py_ssize_t)sizeof(int32_t)
        || bsize.len % (Py_ssize_t)sizeof(long long)
        || bsums.len != 5 * m * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "cohort_columns(): the arrays do not fit the page");
        goto done;
    }
    if (lo < 0 || hi < lo || hi > n) {
        PyErr_SetString(PyExc_IndexError, "cohort_columns(): lo .. hi is not within the blocks");
        goto done;
    }
    const int32_t *of = bof.buf;
    const long long *size = bsize.buf;
    const double *words = bsums.buf, *link = words + m, *stop = link + m, *ends = stop + m;
    const double *chars = ends + m;
    out = PyBytes_FromStringAndSize(NULL, (hi - lo) * N_CO * (Py_ssize_t)sizeof(double));
    if (out == NULL)
        goto done;
    double *row = (double *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = lo; i < hi; i++, row += N_CO) {
        int32_t k = of[i];
        if (k < 0 || k >= m) {
            Py_CLEAR(out);
            PyErr_SetString(PyExc_ValueError, "cohort_columns(): a cohort out of range");
            goto done;
        }
        long long others = size[k] - 1;
        row[1] = total > 0 ? words[k] / total : 0.0;
        if (others) {
            PyObject *s = PyList_GET_ITEM(segs, i);
            long long nchars;
            double link_density, stop_density;
            int punct;
            if (attr_double(s, s_link_density, &link_density) < 0
                || attr_double(s, s_stop_density, &stop_density) < 0
                || attr_true(s, s_punct_end, &punct) < 0 || attr_ll(s, s_chars, &nchars) < 0) {
                Py_CLEAR(out);
                goto done;
            }
            double d = (double)others;
            row[0] = log1p(d);
            row[2] = (link[k] - link_density) / d;
            row[3] = (stop[k] - stop_density) / d;
            row[4] = (ends[k] - (punct ? 1.0 : 0.0)) / d;
            row[5] = (chars[k] - log1p((double)nchars)) / d;
        } else {
            row[0] = 0.0;
            row[2] = row[3] = row[4] = row[5] = alone;
        }
    }
done:
    PyBuffer_Release(&bof);
    PyBuffer_Release(&bsize);
    PyBuffer_Release(&bsums);
    return out;
}

/* candidates(segs, parent, frame_cues, linkd, consts) -> (score, output, top, last_top, top_score,
 * share): classify.candidates._find (the same numbers: the votes added to each ancestor in block
 * order, each divided as there). score: array('d') per frame; output: bytes per frame; output is
 * b"" where no candidate scored above 0.
 *   consts: (MIN_CHARS, LEVELS, CUE_WEIGHT, GOOD_CUES, BAD_CUES, SIBLING_SHARE, SIBLING_FLOOR) */
static PyObject *
speedups_candidates(PyObject *mod, PyObject *args)
{
    PyObject *segs, *parent, *frame_cues, *linkd_seq;
    long long min_chars, levels;
    double cue_weight, sibling_share, sibling_floor;
    long long good_cues, bad_cues;
    if (!PyArg_ParseTuple(args, "O!OOO(LLdLLdd):candidates", &PyList_Type, &segs, &parent,
                          &frame_cues, &linkd_seq, &min_chars, &levels, &cue_weight, &good_cues,
                          &bad_cues, &sibling_share, &sibling_floor))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs), nf = PyObject_Length(parent);
    if (nf < 0)
        return NULL;
    if (nf >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "candidates: too many frames");
        return NULL;
    }
    PyObject *result = NULL, *score_arr = NULL, *output = NULL;
    dvec linkd = {NULL, {0}};
    Py_ssize_t nf1 = nf ? nf : 1;
    double *score = PyMem_Calloc(nf1, sizeof(double));
    int32_t *par = PyMem_Malloc(nf1 * sizeof(int32_t));
    int32_t *cues = PyMem_Malloc(nf1 * sizeof(int32_t));
    int32_t *last = NULL;
    unsigned char *voted = PyMem_Calloc(nf1, 1);
    if (score == NULL || par == NULL || cues == NULL || voted == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (read_parents(parent, nf, par, "candidates: parent") < 0
        || read_numbers(frame_cues, nf, NULL, cues, "candidates: frame_cues") < 0
        || dvec_take(&linkd, linkd_seq, nf, "candidates: linkd") < 0)
        goto done;
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long long f;
        double v = block_vote(PyList_GET_ITEM(segs, i), min_chars, &f);
        if (v < 0.0)
            goto done;
        if (v == 0.0)
            continue;
        if (f >= nf) {
            PyErr_SetString(PyExc_ValueError, "candidates: a frame out of range");
            goto done;
        }
        total += v;
        int32_t p = par[f];
        for (long long level = 0; p >= 0 && level < levels; level++) {
            score[p] += v / (level == 0 ? 1.0 : level == 1 ? 2.0 : (double)level * 3.0);
            voted[p] = 1;
            p = par[p];
        }
    }
    Py_ssize_t top = -1;
    double top_score = 0.0;
    for (Py_ssize_t f = 0; f < nf; f++) {
        if (voted[f]) {
            long long c = cues[f];
            double w = ((c & good_cues) ? cue_weight : 0.0) - ((c & bad_cues) ? cue_weight : 0.0);
            score[f] = (score[f] + w) * (1.0 - linkd.p[f]);
            if (score[f] > top_score) {
                top = f;
                top_score = score[f];
            }
        } else {
            score[f] = 0.0;
        }
    }
    PyMem_Free(cues);
    cues = NULL;
    if (top < 0) {
        score_arr = double_array(score, 0);
        if (score_arr != NULL)
            result = Py_BuildValue("(Oy#nndd)", score_arr, "", (Py_ssize_t)0, (Py_ssize_t)-1,
                                   (Py_ssize_t)-1, 0.0, 0.0);
        goto done;
    }
    last = PyMem_Malloc(nf1 * sizeof(int32_t));
    output = PyBytes_FromStringAndSize(NULL, nf);
    if (last == NULL || output == NULL) {
        if (last == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t f = 0; f < nf; f++)
        last[f] = (int32_t)f;
    for (Py_ssize_t f = nf - 1; f >= 1; f--) {
        int32_t p = par[f];
        if (p >= 0 && last[f] > last[p])
            last[p] = last[f];
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(output);
    memset(out, 0, (size_t)nf);
    memset(out + top, 1, (size_t)(last[top] + 1 - top));
    double sibling_min = sibling_share * top_score;
    if (sibling_min < sibling_floor)
        sibling_min = sibling_floor;
    int32_t tp = par[top];
    if (tp >= 0) {
        for (Py_ssize_t f = tp + 1; f <= last[tp]; f = last[f] + 1) {
            if (f != top && score[f] >= sibling_min)
                memset(out + f, 1, (size_t)(last[f] + 1 - f));
        }
    }
    Py_ssize_t last_top = last[top];
    double inside = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long f;
        if (attr_ll(s, s_frame, &f) < 0)
            goto done;
        if (top <= f && f <= last_top) {
            double v = block_vote(s, min_chars, &f);
            if (v < 0.0)
                goto done;
            inside += v;
        }
    }
    PyMem_Free(last);
    last = NULL;
    PyMem_Free(par);
    par = NULL;
    score_arr = double_array(score, nf);
    if (score_arr != NULL)
        result = Py_BuildValue("(OOnndd)", score_arr, output, top, last_top, top_score,
                               inside / total);
done:
    Py_XDECREF(score_arr);
    Py_XDECREF(output);
    PyMem_Free(score);
    PyMem_Free(par);
    PyMem_Free(cues);
    PyMem_Free(last);
    PyMem_Free(voted);
    dvec_free(&linkd);
    return result;
}


/* --- headline: classify.headline._frames and _scan ---------------------------------------------- */

/* headline_frames(parent, frame, max_up) -> bytes: per frame, the levels from it up to its lowest
 * common ancestor with `frame` (at most max_up; a frame under another root counts its levels to
 * that root, 1). */
static PyObject *
speedups_headline_frames(PyObject *mod, PyObject *args)
{
    PyObject *parent;
    Py_ssize_t frame;
    int max_up;
    if (!PyArg_ParseTuple(args, "Oni:headline_frames", &parent, &frame, &max_up))
        return NULL;
    Py_ssize_t nf = PyObject_Length(parent);
    if (nf < 0)
        return NULL;
    if (nf >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "headline_frames: too many frames");
        return NULL;
    }
    if (frame < 0 || frame >= nf || max_up < 1 || max_up > 255) {
        PyErr_SetString(PyExc_ValueError, "headline_frames: frame or max_up out of range");
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t nf1 = nf ? nf : 1;
    int32_t *par = PyMem_Malloc(nf1 * sizeof(int32_t));
    unsigned char *chain = PyMem_Calloc(nf1, 1);
    if (par == NULL || chain == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (read_parents(parent, nf, par, "headline_frames: parent") < 0)
        goto done;
    for (Py_ssize_t f = frame; f >= 0; f = par[f])
        chain[f] = 1;
    result = PyBytes_FromStringAndSize(NULL, nf);
    if (result == NULL)
        goto done;
    unsigned char *up = (unsigned char *)PyBytes_AS_STRING(result);
    for (Py_ssize_t f = 0; f < nf; f++) {
        int32_t p = par[f];
        if (chain[f])
            up[f] = 0;
        else if (p >= 0)
            up[f] = up[p] + 1 < max_up ? (unsigned char)(up[p] + 1) : (unsigned char)max_up;
        else
            up[f] = 1;
    }
done:
    PyMem_Free(par);
    PyMem_Free(chain);
    return result;
}


/* headline_scan(segs, most, keys, every, min_share) -> list: classify.headline._scan, the indices
 * of the blocks of at most `most` characters, inside an element, whose lowered text holds one of
 * `keys` (str) and, for an ASCII text, whose words (runs of ascii_word) are at least min_share in
 * the set `every`. An ASCII text is lowered here (A-Z only, as str.lower() lowers ASCII) and only
 * ASCII keys are looked for in it; any other text is lowered by str.lower() and its words are left
 * to the caller. */
static int
ascii_holds(const char *hay, Py_ssize_t n, const char *needle, Py_ssize_t m)
{
    if (m == 0)
        return 1;
    for (Py_ssize_t k = 0; k + m <= n; k++) {
        if (hay[k] == needle[0] && memcmp(hay + k, needle, (size_t)m) == 0)
            return 1;
    }
    return 0;
}

static PyObject *
speedups_headline_scan(PyObject *mod, PyObject *args)
{
    PyObject *segs, *keys, *every;
    long long most;
    double min_share;
    if (!PyArg_ParseTuple(args, "O!LO!O!d:headline_scan", &PyList_Type, &segs, &most,
                          &PyList_Type, &keys, &PySet_Type, &every, &min_share))
        return NULL;
    Py_ssize_t nk = PyList_GET_SIZE(keys);
    for (Py_ssize_t k = 0; k < nk; k++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(keys, k))) {
            PyErr_SetString(PyExc_TypeError, "headline_scan: a key is not a str");
            return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    char *buf = NULL;
    Py_ssize_t cap = 0;
    if (out == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long chars, frame;
        if (attr_ll(s, s_chars, &chars) < 0 || attr_ll(s, s_frame, &frame) < 0)
            goto fail;
        if (chars > most || frame < 0)
            continue;
        PyObject *text = seg_text(s);
        if (text == NULL)
            goto fail;
        int hit = 0;
        if (PyUnicode_IS_ASCII(text)) {
            Py_ssize_t len = PyUnicode_GET_LENGTH(text);
            if (len > cap) {
                char *nb = PyMem_Realloc(buf, (size_t)len);
                if (nb == NULL) {
                    Py_DECREF(text);
                    PyErr_NoMemory();
                    goto fail;
                }
                buf = nb;
                cap = len;
            }
            const char *src = (const char *)PyUnicode_1BYTE_DATA(text);
            for (Py_ssize_t k = 0; k < len; k++)
                buf[k] = src[k] >= 'A' && src[k] <= 'Z' ? (char)(src[k] + ('a' - 'A')) : src[k];
            for (Py_ssize_t k = 0; k < nk && !hit; k++) {
                PyObject *key = PyList_GET_ITEM(keys, k);
                if (PyUnicode_IS_ASCII(key))
                    hit = ascii_holds(buf, len, (const char *)PyUnicode_1BYTE_DATA(key),
                                      PyUnicode_GET_LENGTH(key));
            }
            if (hit) {  /* the share of its words that some name holds */
                Py_ssize_t words = 0, shared = 0;
                for (Py_ssize_t k = 0; k < len;) {
                    if (!ascii_word((Py_UCS1)buf[k])) {
                        k++;
                        continue;
                    }
                    Py_ssize_t a = k;
                    while (k < len && ascii_word((Py_UCS1)buf[k]))
                        k++;
                    PyObject *w = PyUnicode_FromStringAndSize(buf + a, k - a);
                    int r = w == NULL ? -1 : PySet_Contains(every, w);
                    Py_XDECREF(w);
                    if (r < 0) {
                        Py_DECREF(text);
                        goto fail;
                    }
                    words++;
                    shared += r;
                }
                hit = !((double)shared < min_share * (double)words);
            }
        } else {
            PyObject *low = PyObject_CallMethod(text, "lower", NULL);
            if (low == NULL) {
                Py_DECREF(text);
                goto fail;
            }
            for (Py_ssize_t k = 0; k < nk && !hit; k++) {
                int r = PySequence_Contains(low, PyList_GET_ITEM(keys, k));
                if (r < 0) {
                    Py_DECREF(low);
                    Py_DECREF(text);
                    goto fail;
                }
                hit = r;
            }
            Py_DECREF(low);
        }
        Py_DECREF(text);
        if (hit) {
            PyObject *idx = PyLong_FromSsize_t(i);
            if (idx == NULL || PyList_Append(out, idx) < 0) {
                Py_XDECREF(idx);
                goto fail;
            }
            Py_DECREF(idx);
        }
    }
    PyMem_Free(buf);
    return out;
fail:
    PyMem_Free(buf);
    Py_DECREF(out);
    return NULL;
}


/* --- text_segments: the text dump's blocks as Segments ------------------------------------------ */

/* text_segments(blocks, origin, new, tag, source) -> list: the loop of
 * boilerstrip.segment_text._make_segments (its plain-Python form): for each record (start, j, indent,
 * bullet, text, blank_before, blank_after) of text_blocks(), new(text, source, tag=tag, line_start=a,
 * line_end=b,
 * indent=indent, bullet=bullet, list_item=bool(bullet), blank_before=blank_before,
 * blank_after=blank_after) with a, b = origin[start], origin[j - 1]. Made from the last record back,
 * each record let go (None in its place) once its Segment is made. */
static PyObject *
speedups_text_segments(PyObject *mod, PyObject *args)
{
    PyObject *blocks, *origin, *maker, *tag, *source;
    if (!PyArg_ParseTuple(args, "O!O!OUU:text_segments", &PyList_Type, &blocks, &PyList_Type,
                          &origin, &maker, &tag, &source))
        return NULL;
    static const char *names[] = {"tag", "line_start", "line_end", "indent", "bullet",
                                  "list_item", "blank_before", "blank_after"};
    PyObject *kwnames = PyTuple_New(8);
    if (kwnames == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < 8; k++) {
        PyObject *name = PyUnicode_InternFromString(names[k]);
        if (name == NULL) {
            Py_DECREF(kwnames);
            return NULL;
        }
        PyTuple_SET_ITEM(kwnames, k, name);
    }
    Py_ssize_t nb = PyList_GET_SIZE(blocks);
    PyObject *out = PyList_New(nb);
    if (out == NULL) {
        Py_DECREF(kwnames);
        return NULL;
    }
    for (Py_ssize_t k = nb - 1; k >= 0; k--) {
        if (k >= PyList_GET_SIZE(blocks)) {
            PyErr_SetString(PyExc_ValueError, "text_segments(): the blocks changed");
            goto fail;
        }
        PyObject *rec = PyList_GET_ITEM(blocks, k);
        Py_INCREF(rec);
        if (!PyTuple_Check(rec) || PyTuple_GET_SIZE(rec) != 7) {
            Py_DECREF(rec);
            PyErr_SetString(PyExc_TypeError, "text_segments(): a block is a 7-tuple");
            goto fail;
        }
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(rec, 0));
        Py_ssize_t j = start == -1 && PyErr_Occurred() ? -1
                                                      : PyLong_AsSsize_t(PyTuple_GET_ITEM(rec, 1));
        if (PyErr_Occurred()) {
            Py_DECREF(rec);
            goto fail;
        }
        Py_ssize_t n = PyList_GET_SIZE(origin);
        if (start < 0 || start >= n || j < 1 || j > n) {
            Py_DECREF(rec);
            PyErr_SetString(PyExc_ValueError, "text_segments(): a block outside the lines");
            goto fail;
        }
        PyObject *a = PyList_GET_ITEM(origin, start), *b = PyList_GET_ITEM(origin, j - 1);
        Py_INCREF(a);
        Py_INCREF(b);
        PyObject *bullet = PyTuple_GET_ITEM(rec, 3);
        int truthy = PyObject_IsTrue(bullet);
        PyObject *seg = NULL;
        if (truthy >= 0) {
            PyObject *argv[10] = {PyTuple_GET_ITEM(rec, 4), source, tag, a, b,
                                  PyTuple_GET_ITEM(rec, 2), bullet, truthy ? Py_True : Py_False,
                                  PyTuple_GET_ITEM(rec, 5), PyTuple_GET_ITEM(rec, 6)};
            seg = PyObject_Vectorcall(maker, argv, 2, kwnames);
        }
        Py_DECREF(a);
        Py_DECREF(b);
        Py_DECREF(rec);
        if (seg == NULL)
            goto fail;
        PyList_SET_ITEM(out, k, seg);
        if (k < PyList_GET_SIZE(blocks) && PyList_SetItem(blocks, k, Py_NewRef(Py_None)) < 0)
            goto fail;
    }
    Py_DECREF(kwnames);
    return out;
fail:
    Py_DECREF(kwnames);
    Py_DECREF(out);  /* (the slots not yet filled are NULL: list_dealloc skips them) */
    return NULL;
}

/* text_sources(segs): segment_text.write_sources, every block's source "lines {line_start}-{line_end}". */
static PyObject *
speedups_text_sources(PyObject *mod, PyObject *segs)
{
    if (!PyList_Check(segs)) {
        PyErr_SetString(PyExc_TypeError, "text_sources() takes a list");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(segs); i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long a, b;
        if (attr_ll(s, s_line_start, &a) < 0 || attr_ll(s, s_line_end, &b) < 0)
            return NULL;
        char buf[64];
        int len = snprintf(buf, sizeof buf, "lines %lld-%lld", a, b);
        PyObject *source = PyUnicode_FromStringAndSize(buf, len);
        int bad = source == NULL || seg_setattr(s, s_source, source) < 0;
        Py_XDECREF(source);
        if (bad)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* density_classes(segs, consts): classify.density.classify_block of every block, written to its cf.
 * consts: (max_link_density, length_low, length_high, stop_low, stop_high, bad, short, neargood,
 * good). The same comparisons of the same doubles. */
static PyObject *
speedups_density_classes(PyObject *mod, PyObject *args)
{
    PyObject *segs;
    double max_link, stop_low, stop_high;
    long long length_low, length_high, bad, shortc, neargood, good;
    if (!PyArg_ParseTuple(args, "O!(dLLddLLLL):density_classes", &PyList_Type, &segs, &max_link,
                          &length_low, &length_high, &stop_low, &stop_high, &bad, &shortc,
                          &neargood, &good))
        return NULL;
    PyObject *classes[4] = {NULL, NULL, NULL, NULL};
    long long values[4] = {bad, shortc, neargood, good};
    for (int k = 0; k < 4; k++)
        if ((classes[k] = PyLong_FromLongLong(values[k])) == NULL)
            goto fail;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(segs); i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long chars, sentences;
        double words, link_density, stop_density;
        int punct_end;
        if (attr_double(s, s_link_density, &link_density) < 0)
            goto fail;
        int k;
        if (link_density > max_link) {
            k = 0;
        } else {
            if (attr_ll(s, s_chars, &chars) < 0 || attr_double(s, s_words, &words) < 0
                || attr_double(s, s_stop_density, &stop_density) < 0)
                goto fail;
            /* int(words * 5.5) compared with whole thresholds: its truncation as a double */
            double length = words * 4 <= (double)chars * 1.2 || chars < 8 ? (double)chars
                                                                          : trunc(words * 5.5);
            if (length < (double)length_low) {
                k = link_density > 0 ? 0 : 1;
            } else if (stop_density >= stop_high) {
                k = length >= (double)length_high ? 3 : 2;
            } else if (stop_density >= stop_low) {
                k = 2;
            } else {
                if (attr_true(s, s_punct_end, &punct_end) < 0
                    || attr_ll(s, s_sentences, &sentences) < 0)
                    goto fail;
                k = length >= (double)length_high && punct_end && sentences >= 2 ? 2 : 0;
            }
        }
        if (seg_setattr(s, s_cf, classes[k]) < 0)
            goto fail;
    }
    for (int k = 0; k < 4; k++)
        Py_DECREF(classes[k]);
    Py_RETURN_NONE;
fail:
    for (int k = 0; k < 4; k++)
        Py_XDECREF(classes[k]);
    return NULL;
}

/* --- Segment: a block's record with its numbers and flags in C fields --------------------------- */

/* The compiled form of boilerstrip.document.Segment: the same fields in the same order, with the
 * same defaults, made by the same call (text and source first, the rest by position or name), read
 * and written by name from Python as the dataclass's slots are. Numbers and flags are C numbers and
 * chars: the dataclass holds a 33-slot record plus an int or float object for many of its values (a
 * frame index, a probability, a score, a line number), some 400 bytes a block; this record is some
 * 200, which is what a page of a million blocks weighs in the segments. Strings, the label and the
 * comment index stay objects (the label and the comment index None where unset). A float field
 * written an int reads back as a float; a bool field takes only True or False; the cue masks are
 * 32-bit (a wider mask is cut to its low 32 bits, with a RuntimeWarning). The record is not
 * tracked by the cyclic collector: strings, numbers, enum members and None make no cycle. */
typedef struct {
    PyObject_HEAD
    PyObject *text, *source, *tag, *bullet, *label, *by, *comment;
    unsigned int cues, near_cues;  /* (the cue masks of boilerstrip.patterns take 19 bits) */
    long long line_flags;
    double words, link_density, stop_density, p_article, score;
    Py_ssize_t link_chars, line_start, line_end, chars;
    int frame, depth, indent, sentences;
    char heading, cf;
    char list_item, image_before, blank_before, blank_after, punct_end, in_region, is_title,
        comment_meta;
} Seg;

#define SEG_MEMBER(name, kind) {#name, kind, offsetof(Seg, name), 0, NULL}
/* In the order of the dataclass's fields (a test checks the names, the order and the defaults). */
static PyMemberDef Seg_members[] = {
    SEG_MEMBER(text, T_OBJECT_EX), SEG_MEMBER(source, T_OBJECT_EX), SEG_MEMBER(tag, T_OBJECT_EX),
    SEG_MEMBER(frame, T_INT), SEG_MEMBER(cues, T_UINT), SEG_MEMBER(near_cues, T_UINT),
    SEG_MEMBER(link_chars, T_PYSSIZET), SEG_MEMBER(heading, T_BYTE),
    SEG_MEMBER(list_item, T_BOOL), SEG_MEMBER(image_before, T_BOOL), SEG_MEMBER(depth, T_INT),
    SEG_MEMBER(line_start, T_PYSSIZET), SEG_MEMBER(line_end, T_PYSSIZET),
    SEG_MEMBER(indent, T_INT), SEG_MEMBER(bullet, T_OBJECT_EX), SEG_MEMBER(blank_before, T_BOOL),
    SEG_MEMBER(blank_after, T_BOOL), SEG_MEMBER(chars, T_PYSSIZET), SEG_MEMBER(words, T_DOUBLE),
    SEG_MEMBER(link_density, T_DOUBLE), SEG_MEMBER(stop_density, T_DOUBLE),
    SEG_MEMBER(punct_end, T_BOOL), SEG_MEMBER(sentences, T_INT),
    SEG_MEMBER(line_flags, T_LONGLONG), SEG_MEMBER(cf, T_BYTE), SEG_MEMBER(in_region, T_BOOL),
    SEG_MEMBER(p_article, T_DOUBLE), SEG_MEMBER(label, T_OBJECT), SEG_MEMBER(score, T_DOUBLE),
    SEG_MEMBER(by, T_OBJECT_EX), SEG_MEMBER(is_title, T_BOOL), SEG_MEMBER(comment, T_OBJECT),
    SEG_MEMBER(comment_meta, T_BOOL),
    {NULL, 0, 0, 0, NULL},
};
#undef SEG_MEMBER
#define SEG_FIELDS ((Py_ssize_t)(sizeof(Seg_members) / sizeof(Seg_members[0]) - 1))
#define SEG_REQUIRED 2  /* text, source */

static PyObject *seg_names[SEG_FIELDS];  /* the members' names, interned (Segment_ready) */
static PyObject *seg_empty;              /* "" */

static void
Seg_dealloc(Seg *self)
{
    Py_XDECREF(self->text);
    Py_XDECREF(self->source);
    Py_XDECREF(self->tag);
    Py_XDECREF(self->bullet);
    Py_XDECREF(self->label);
    Py_XDECREF(self->by);
    Py_XDECREF(self->comment);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The index of the field `name`, or -1 (-2 on error). */
static Py_ssize_t
seg_index(PyObject *name)
{
    for (Py_ssize_t i = 0; i < SEG_FIELDS; i++)
        if (seg_names[i] == name)
            return i;
    if (!PyUnicode_Check(name))
        return -1;
    for (Py_ssize_t i = 0; i < SEG_FIELDS; i++) {
        int eq = PyUnicode_Compare(seg_names[i], name);
        if (eq == 0)
            return i;
        if (eq == -1 && PyErr_Occurred())
            return -2;
    }
    return -1;
}

static PyObject *
Seg_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > SEG_FIELDS) {
        PyErr_Format(PyExc_TypeError, "Segment() takes at most %zd positional arguments (%zd given)",
                     SEG_FIELDS, nargs);
        return NULL;
    }
    Seg *self = (Seg *)((PyTypeObject *)type)->tp_alloc((PyTypeObject *)type, 0);
    if (self == NULL)
        return NULL;
    self->tag = Py_NewRef(seg_empty);
    self->bullet = Py_NewRef(seg_empty);
    self->by = Py_NewRef(seg_empty);
    self->frame = -1;
    self->line_flags = -1;
    self->blank_before = self->blank_after = 1;
    self->p_article = -1.0;
    self->score = 0.5;
    for (Py_ssize_t i = 0; i < nargs; i++)
        if (PyMember_SetOne((char *)self, &Seg_members[i], args[i]) < 0)
            goto fail;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t at = seg_index(name);
        if (at == -2)
            goto fail;
        if (at < 0 || at < nargs) {
            PyErr_Format(PyExc_TypeError,
                         at < 0 ? "Segment() got an unexpected keyword argument %R"
                                : "Segment() got multiple values for argument %R",
                         name);
            goto fail;
        }
        if (PyMember_SetOne((char *)self, &Seg_members[at], args[nargs + k]) < 0)
            goto fail;
    }
    if (self->text == NULL || self->source == NULL) {
        PyErr_Format(PyExc_TypeError, "Segment() missing required argument '%s'",
                     self->text == NULL ? "text" : "source");
        goto fail;
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

/* Segment(*args, **kwargs) where the call does not go through the vectorcall above. */
static PyObject *
Seg_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwds != NULL ? PyDict_GET_SIZE(kwds) : 0;
    PyObject **argv = PyMem_Malloc((size_t)(nargs + nkw + 1) * sizeof(PyObject *));
    PyObject *kwnames = nkw ? PyTuple_New(nkw) : NULL;
    PyObject *out = NULL;
    if (argv == NULL || (nkw && kwnames == NULL)) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        argv[i] = PyTuple_GET_ITEM(args, i);
    Py_ssize_t pos = 0, k = 0;
    PyObject *key, *value;
    while (nkw && PyDict_Next(kwds, &pos, &key, &value)) {
        PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
        argv[nargs + k++] = value;
    }
    out = Seg_vectorcall((PyObject *)type, argv, (size_t)nargs, kwnames);
done:
    PyMem_Free(argv);
    Py_XDECREF(kwnames);
    return out;
}

static PyObject *
Seg_repr(PyObject *self)
{
    PyObject *parts = PyList_New(SEG_FIELDS);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < SEG_FIELDS; i++) {
        PyObject *v = PyMember_GetOne((const char *)self, &Seg_members[i]);
        PyObject *s = v == NULL ? NULL : PyUnicode_FromFormat("%s=%R", Seg_members[i].name, v);
        Py_XDECREF(v);
        if (s == NULL) {
            Py_DECREF(parts);
            return NULL;
        }
        PyList_SET_ITEM(parts, i, s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep == NULL ? NULL : PyUnicode_Join(sep, parts);
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (body == NULL)
        return NULL;
    PyObject *out = PyUnicode_FromFormat("Segment(%U)", body);
    Py_DECREF(body);
    return out;
}

static PyTypeObject SegType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._speedups.Segment",
    .tp_basicsize = sizeof(Seg),
    .tp_dealloc = (destructor)Seg_dealloc,
    .tp_repr = Seg_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Segment(text, source, ...): boilerstrip.document.Segment with its numbers and flags "
              "in C fields.",
    .tp_members = Seg_members,
    .tp_new = Seg_new,
    .tp_vectorcall = Seg_vectorcall,
};

static int
Segment_ready(void)
{
    seg_empty = PyUnicode_New(0, 0);
    if (seg_empty == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < SEG_FIELDS; i++)
        if ((seg_names[i] = PyUnicode_InternFromString(Seg_members[i].name)) == NULL)
            return -1;
    return PyType_Ready(&SegType);
}

/* --- the public blocks of a page (boilerstrip.assemble) ---------------------------------------- */

static const char *const BLOCK_FIELDS[6] = {"text", "label", "score", "source", "is_title", "comment"};

/* make_blocks(segs, block_type, html, drawn, position, comment_label, nav_label) -> list: the
 * Block of every segment, as boilerstrip.assemble._blocks makes them (the same field objects),
 * taken off the cyclic collector's lists. The fields are written into the new object's slots (a
 * frozen dataclass with slots, whose defaults none of them uses). */
static PyObject *
speedups_make_blocks(PyObject *mod, PyObject *args)
{
    PyObject *segs, *drawn, *position, *comment_label, *nav_label;
    PyTypeObject *type;
    int html;
    if (!PyArg_ParseTuple(args, "O!O!pOO!OO:make_blocks", &PyList_Type, &segs, &PyType_Type,
                          &type, &html, &drawn, &PyDict_Type, &position, &comment_label,
                          &nav_label))
        return NULL;
    Py_ssize_t off[6];
    for (int k = 0; k < 6; k++) {
        PyObject *d = PyDict_GetItemString(type->tp_dict, BLOCK_FIELDS[k]);
        if (d == NULL || !Py_IS_TYPE(d, &PyMemberDescr_Type)
            || ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
            PyErr_Format(PyExc_TypeError, "make_blocks: %s has no slot %s", type->tp_name,
                         BLOCK_FIELDS[k]);
            return NULL;
        }
        off[k] = ((PyMemberDescrObject *)d)->d_member->offset;
    }
    Py_ssize_t n = PyList_GET_SIZE(segs);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        PyObject *v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
        PyObject *label = seg_attr(s, s_label);
        if (label == NULL)
            goto fail;
        v[0] = seg_attr(s, s_text);
        if (v[0] == NULL) {
            Py_DECREF(label);
            goto fail;
        }
        if (!html) {
            PyObject *bullet = seg_attr(s, s_bullet);
            int shown = bullet == NULL ? -1 : PyObject_IsTrue(bullet);
            if (shown > 0) {
                int in = PySequence_Contains(drawn, bullet);
                shown = in < 0 ? -1 : !in;
            }
            if (shown > 0) {
                PyObject *t = PyUnicode_FromFormat("%S %S", bullet, v[0]);
                Py_SETREF(v[0], t);
                if (t == NULL)
                    shown = -1;
            }
            Py_XDECREF(bullet);
            if (shown < 0) {
                Py_DECREF(label);
                Py_XDECREF(v[0]);
                goto fail;
            }
        }
        int truth = PyObject_IsTrue(label);
        if (truth < 0) {
            Py_DECREF(label);
            Py_DECREF(v[0]);
            goto fail;
        }
        v[1] = truth ? Py_NewRef(label) : Py_NewRef(nav_label);
        v[2] = seg_attr(s, s_score);
        v[3] = seg_attr(s, s_source);
        v[4] = seg_attr(s, s_is_title);
        v[5] = Py_NewRef(Py_None);
        int ok = v[2] != NULL && v[3] != NULL && v[4] != NULL;
        if (ok && label == comment_label) {
            PyObject *c = seg_attr(s, s_comment);
            if (c == NULL) {
                ok = 0;
            } else if (c != Py_None) {
                PyObject *at = PyDict_GetItemWithError(position, c);
                if (at != NULL)
                    Py_SETREF(v[5], Py_NewRef(at));
                else if (PyErr_Occurred())
                    ok = 0;
            }
            Py_XDECREF(c);
        }
        Py_DECREF(label);
        PyObject *b = ok ? type->tp_alloc(type, 0) : NULL;
        if (b == NULL) {
            for (int k = 0; k < 6; k++)
                Py_XDECREF(v[k]);
            goto fail;
        }
        for (int k = 0; k < 6; k++)
            *(PyObject **)((char *)b + off[k]) = v[k]; /* (the references move in) */
        if (PyObject_GC_IsTracked(b))
            PyObject_GC_UnTrack(b);
        PyList_SET_ITEM(out, i, b);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* In _speedups_walk.c: the HTML segmenter's callbacks. */

/* linear_probabilities(indices, weights, bias, vectors) -> list[float]: the logistic model of
 * boilerstrip.classify.model for every vector: sigmoid(bias + total), total the products
 * weights[j] * x[indices[j]] added one at a time from 0.0 (as the Python form's reduce does; an
 * int item is taken as the double float * int gives). */
static PyObject *
speedups_linear_probabilities(PyObject *mod, PyObject *args)
{
    PyObject *indices, *weights, *vectors;
    double bias;
    if (!PyArg_ParseTuple(args, "O!O!dO:linear_probabilities", &PyTuple_Type, &indices,
                          &PyTuple_Type, &weights, &bias, &vectors))
        return NULL;
    Py_ssize_t k = PyTuple_GET_SIZE(indices);
    if (PyTuple_GET_SIZE(weights) != k) {
        PyErr_SetString(PyExc_ValueError, "linear_probabilities(): as many weights as indices");
        return NULL;
    }
    Py_ssize_t *idx = PyMem_Malloc((size_t)(k ? k : 1) * sizeof(Py_ssize_t));
    double *w = PyMem_Malloc((size_t)(k ? k : 1) * sizeof(double));
    PyObject *seq = NULL, *out = NULL;
    if (idx == NULL || w == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j < k; j++) {
        idx[j] = PyLong_AsSsize_t(PyTuple_GET_ITEM(indices, j));
        w[j] = PyFloat_AsDouble(PyTuple_GET_ITEM(weights, j));
        if (PyErr_Occurred())
            goto done;
        if (idx[j] < 0) {
            PyErr_SetString(PyExc_ValueError, "linear_probabilities(): negative index");
            goto done;
        }
    }
    if ((seq = PySequence_Fast(vectors, "linear_probabilities() wants a sequence of vectors")) == NULL)
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if ((out = PyList_New(n)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyList_Check(x) && !PyTuple_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "linear_probabilities(): a vector is a list or tuple");
            Py_CLEAR(out);
            goto done;
        }
        Py_ssize_t len = PySequence_Fast_GET_SIZE(x);
        PyObject **items = PySequence_Fast_ITEMS(x);
        double total = 0.0;
        for (Py_ssize_t j = 0; j < k; j++) {
            if (idx[j] >= len) {
                PyErr_SetString(PyExc_IndexError, "linear_probabilities(): vector too short");
                Py_CLEAR(out);
                goto done;
            }
            PyObject *v = items[idx[j]];
            if (!PyFloat_Check(v) && !PyLong_Check(v)) {  /* (nothing that runs Python code) */
                PyErr_SetString(PyExc_TypeError, "linear_probabilities(): a feature is a float or int");
                Py_CLEAR(out);
                goto done;
            }
            double xv = PyFloat_CheckExact(v) ? PyFloat_AS_DOUBLE(v) : PyFloat_AsDouble(v);
            if (xv == -1.0 && PyErr_Occurred()) {
                Py_CLEAR(out);
                goto done;
            }
            total += w[j] * xv;
        }
        PyObject *p = PyFloat_FromDouble(sigmoid(bias + total));
        if (p == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, p);
    }
done:
    PyMem_Free(idx);
    PyMem_Free(w);
    Py_XDECREF(seq);
    return out;
}

/* ---------------------------------------------------------------------------------------------
 * title_blocks: the block candidates of the headline ranker (boilerstrip.classify.title.
 * block_candidates, the plain-Python form and reference): for each short block from c.lo to
 * c.last, its texts (the block's, or from c.block_texts for a multi-line block), and for each text
 * kept its words and its 44 features. The words and the lowered text of an ASCII text are made
 * here (what str.lower and \w+ give there); of any other text, c.text_words gives them. Every
 * number is computed as the Python form computes it (int / int as one correctly rounded division,
 * log1p from the same libm, min/max keeping the first of equals), so the vectors are the same to
 * the bit; the float fields read off a block (link_density, p_article) and the page's two flags
 * are put in as the same objects.
 * ------------------------------------------------------------------------------------------- */

#define TITLE_CTX 34
#define TITLE_N 44

/* t.lower(): made here for ASCII text, str.lower otherwise. */
static PyObject *
lowered(PyObject *t)
{
    if (!PyUnicode_IS_ASCII(t))
        return PyObject_CallMethodNoArgs(t, s_lower);
    Py_ssize_t len = PyUnicode_GET_LENGTH(t);
    const Py_UCS1 *src = PyUnicode_1BYTE_DATA(t);
    Py_ssize_t j = 0;
    while (j < len && !(src[j] >= 'A' && src[j] <= 'Z'))
        j++;
    if (j == len && PyUnicode_CheckExact(t))
        return Py_NewRef(t);  /* (str.lower gives an equal string) */
    PyObject *low = PyUnicode_New(len, 127);
    if (low == NULL)
        return NULL;
    Py_UCS1 *lo = PyUnicode_1BYTE_DATA(low);
    for (j = 0; j < len; j++)
        lo[j] = (src[j] >= 'A' && src[j] <= 'Z') ? (Py_UCS1)(src[j] + 32) : src[j];
    return low;
}

/* Words of a text over a set: how many of them are in it (-1 on error). */
static Py_ssize_t
words_in(PyObject *words, PyObject *set)
{
    Py_ssize_t inter = 0, n = PyList_GET_SIZE(words);
    for (Py_ssize_t j = 0; j < n; j++) {
        int r = PySet_Contains(set, PyList_GET_ITEM(words, j));
        if (r < 0)
            return -1;
        inter += r;
    }
    return inter;
}

/* title._overlap(words, set); -1.0 on error */
static double
title_overlap(PyObject *words, PyObject *set)
{
    Py_ssize_t na = PyList_GET_SIZE(words), nb = PySet_GET_SIZE(set);
    if (!na || !nb)
        return 0.0;
    Py_ssize_t inter = words_in(words, set);
    if (inter < 0)
        return -1.0;
    double x = (double)inter / (double)na, y = 2.0 * (double)inter / (double)nb;
    return y < x ? y : x;
}

/* The lowered text and the \w+ words of an ASCII text (title._text_words there); NULL on error. */
static int
ascii_text_words(PyObject *t, PyObject **low_out, PyObject **words_out, PyObject **joined_out)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(t);
    PyObject *low = lowered(t);
    PyObject *joined = NULL, *words = NULL;
    if (low == NULL)
        return -1;
    const Py_UCS1 *lo = PyUnicode_1BYTE_DATA(low);
    Py_ssize_t word_chars = 0;
    for (Py_ssize_t j = 0; j < len; j++)
        word_chars += ascii_word(lo[j]);
    words = PyList_New(0);
    joined = PyUnicode_New(word_chars, 127);
    if (words == NULL || joined == NULL)
        goto fail;
    Py_UCS1 *jo = PyUnicode_1BYTE_DATA(joined);
    Py_ssize_t at = 0;
    for (Py_ssize_t j = 0; j < len;) {
        if (!ascii_word(lo[j])) {
            j++;
            continue;
        }
        Py_ssize_t a = j;
        while (j < len && ascii_word(lo[j]))
            j++;
        PyObject *w = PyUnicode_New(j - a, 127);
        if (w == NULL)
            goto fail;
        memcpy(PyUnicode_1BYTE_DATA(w), lo + a, (size_t)(j - a));
        memcpy(jo + at, lo + a, (size_t)(j - a));
        at += j - a;
        int r = PyList_Append(words, w);
        Py_DECREF(w);
        if (r < 0)
            goto fail;
    }
    *low_out = low;
    *words_out = words;
    *joined_out = joined;
    return 0;
fail:
    Py_DECREF(low);
    Py_XDECREF(words);
    Py_XDECREF(joined);
    return -1;
}

/* _no_date(t, low, joined) of an ASCII t: the joined words all letters, neither "ago" nor
 * "just now" in the lowered text. */
static int
ascii_no_date(PyObject *low, PyObject *joined)
{
    Py_ssize_t nj = PyUnicode_GET_LENGTH(joined);
    const Py_UCS1 *j = PyUnicode_1BYTE_DATA(joined);
    if (!nj)
        return 0;
    for (Py_ssize_t k = 0; k < nj; k++)
        if (!((j[k] >= 'a' && j[k] <= 'z') || (j[k] >= 'A' && j[k] <= 'Z')))
            return 0;
    const char *s = (const char *)PyUnicode_1BYTE_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    return !holds(s, n, "ago", 3) && !holds(s, n, "just now", 8);
}

/* title._SENTENCE_END.search(t) of an ASCII t ([.!]['")\]]*\s*$, \s being [\t\n\v\f\r ] there). */
static int
ascii_sentence_end(PyObject *t)
{
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(t);
    Py_ssize_t k = PyUnicode_GET_LENGTH(t);
    while (k > 0 && (s[k - 1] == ' ' || (s[k - 1] >= 9 && s[k - 1] <= 13)))
        k--;
    while (k > 0 && (s[k - 1] == '\'' || s[k - 1] == '"' || s[k - 1] == ')' || s[k - 1] == ']'))
        k--;
    return k > 0 && (s[k - 1] == '.' || s[k - 1] == '!');
}

/* The whitespace tokens of t (str.split()) and how many start with a capital (str.isupper of
 * their first character). */
static void
title_tokens(PyObject *t, Py_ssize_t *tokens, Py_ssize_t *capitals)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(t), nt = 0, nc = 0;
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    int in_word = 0;
    for (Py_ssize_t j = 0; j < len; j++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, j);
        if (Py_UNICODE_ISSPACE(ch)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            nt++;
            nc += Py_UNICODE_ISUPPER(ch) != 0;
        }
    }
    *tokens = nt;
    *capitals = nc;
}

static int
ctx_ssize(PyObject *c, int at, Py_ssize_t *out)
{
    *out = PyLong_AsSsize_t(PyTuple_GET_ITEM(c, at));
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* A float put in a list being filled: a new one, or (for 0.0 and 1.0, most of the features) one
 * shared object. */
static PyObject *f_zero, *f_one;
static inline PyObject *
title_float(double x)
{
    if (x == 0.0 && !signbit(x))
        return Py_NewRef(f_zero);
    if (x == 1.0)
        return Py_NewRef(f_one);
    return PyFloat_FromDouble(x);
}
#define SETF(list, at, x)                       \
    do {                                        \
        PyObject *f_ = title_float(x);          \
        if (f_ == NULL)                         \
            goto fail;                          \
        PyList_SET_ITEM(list, at, f_);          \
    } while (0)
#define SETO(list, at, o) PyList_SET_ITEM(list, at, Py_NewRef(o))

static PyObject *
speedups_title_blocks(PyObject *mod, PyObject *args)
{
    PyObject *segs, *c;
    if (!PyArg_ParseTuple(args, "O!O!:title_blocks", &PyList_Type, &segs, &PyTuple_Type, &c))
        return NULL;
    if (PyTuple_GET_SIZE(c) != TITLE_CTX) {
        PyErr_Format(PyExc_TypeError, "title_blocks() wants a BlockPage of %d fields", TITLE_CTX);
        return NULL;
    }
    Py_ssize_t lo, last, first_article, n_article, nearest, first_h1;
    if (ctx_ssize(c, 0, &lo) < 0 || ctx_ssize(c, 1, &last) < 0 || ctx_ssize(c, 2, &first_article) < 0
        || ctx_ssize(c, 3, &n_article) < 0 || ctx_ssize(c, 4, &nearest) < 0
        || ctx_ssize(c, 5, &first_h1) < 0)
        return NULL;
    if (lo < 0) {
        PyErr_SetString(PyExc_ValueError, "title_blocks(): the first block is at 0 or after");
        return NULL;
    }
#define CT(k) PyTuple_GET_ITEM(c, k)
    PyObject *meta_words = CT(6), *w_title = CT(7), *w_parts = CT(8), *w_og = CT(9), *w_ld = CT(10),
             *norm_parts = CT(11), *n_og = CT(12), *n_ld = CT(13), *h1s = CT(14), *same = CT(15),
             *copyright_lows = CT(16), *page = CT(17), *article = CT(24), *comment = CT(25),
             *block_texts = CT(26), *text_words = CT(27), *date_share = CT(28),
             *sentence_end = CT(29);
    if (!PyAnySet_Check(meta_words) || !PyAnySet_Check(w_title) || !PyList_Check(w_parts)
        || !PyAnySet_Check(w_og) || !PyAnySet_Check(w_ld) || !PyAnySet_Check(norm_parts)
        || !PyUnicode_Check(n_og) || !PyUnicode_Check(n_ld) || !PyAnySet_Check(h1s)
        || !PyDict_Check(same) || !PyList_Check(copyright_lows) || !PyList_Check(page)
        || PyList_GET_SIZE(page) != 2) {
        PyErr_SetString(PyExc_TypeError, "title_blocks(): a BlockPage field has the wrong type");
        return NULL;
    }
    Py_ssize_t n_parts = PyList_GET_SIZE(w_parts);
    for (Py_ssize_t j = 0; j < n_parts; j++)
        if (!PyAnySet_Check(PyList_GET_ITEM(w_parts, j))) {
            PyErr_SetString(PyExc_TypeError, "title_blocks(): w_parts holds sets");
            return NULL;
        }
    double log_parts = PyFloat_AsDouble(CT(18)), log_h1s = PyFloat_AsDouble(CT(19));
    unsigned long long title_cue = PyLong_AsUnsignedLongLongMask(CT(20)),
                       header_cue = PyLong_AsUnsignedLongLongMask(CT(21)),
                       boiler_cues = PyLong_AsUnsignedLongLongMask(CT(22)),
                       body_cues = PyLong_AsUnsignedLongLongMask(CT(23));
    /* the thresholds of title.py: MAX_CANDIDATE_CHARS, TITLE_MAX_WORDS, PARAGRAPH_WORDS, DATE_ONLY */
    long long max_chars = PyLong_AsLongLong(CT(30));
    double max_words = PyFloat_AsDouble(CT(31)), paragraph_words = PyFloat_AsDouble(CT(32)),
           date_only = PyFloat_AsDouble(CT(33));
    if (PyErr_Occurred())
        return NULL;
#undef CT
    int has_og = PyUnicode_GET_LENGTH(n_og) > 0, has_ld = PyUnicode_GET_LENGTH(n_ld) > 0;
    Py_ssize_t n = PyList_GET_SIZE(segs);
    PyObject *out = PyList_New(0), *out_words = PyList_New(0), *norms = PyList_New(0);
    PyObject *s = NULL, *label = NULL, *text = NULL, *texts = NULL, *t = NULL, *low = NULL,
             *tw = NULL, *nt = NULL, *v = NULL, *ld = NULL, *pa = NULL;
    if (out == NULL || out_words == NULL || norms == NULL)
        goto fail;
    if (f_zero == NULL && ((f_zero = PyFloat_FromDouble(0.0)) == NULL
                           || (f_one = PyFloat_FromDouble(1.0)) == NULL))
        goto fail;
    for (Py_ssize_t i = lo; i < last && i < PyList_GET_SIZE(segs); i++) {
        s = Py_NewRef(PyList_GET_ITEM(segs, i));
        long long chars;
        double words_f;
        if ((label = seg_attr(s, s_label)) == NULL || attr_ll(s, s_chars, &chars) < 0
            || attr_double(s, s_words, &words_f) < 0)
            goto fail;
        if (label == comment || chars > max_chars || words_f < 1)
            goto next_block;
        if (label == article) {
            int punct;
            if (attr_true(s, s_punct_end, &punct) < 0)
                goto fail;
            if (n_article == 1 || (words_f > paragraph_words && punct))
                goto next_block;
        }
        if ((text = seg_attr(s, s_text)) == NULL)
            goto fail;
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "title_blocks(): a block's text is not a str");
            goto fail;
        }
        Py_ssize_t n_texts, n_lines = 1;
        Py_ssize_t nl = PyUnicode_FindChar(text, '\n', 0, PyUnicode_GET_LENGTH(text), 1);
        if (nl == -2)
            goto fail;
        if (nl >= 0) {
            PyObject *got = PyObject_CallOneArg(block_texts, s);
            if (got == NULL)
                goto fail;
            if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 2
                || !PyList_Check(PyTuple_GET_ITEM(got, 0))) {
                Py_DECREF(got);
                PyErr_SetString(PyExc_TypeError, "block_texts() gives (list, int)");
                goto fail;
            }
            texts = Py_NewRef(PyTuple_GET_ITEM(got, 0));
            n_lines = PyLong_AsSsize_t(PyTuple_GET_ITEM(got, 1));
            Py_DECREF(got);
            if (n_lines == -1 && PyErr_Occurred())
                goto fail;
            n_texts = PyList_GET_SIZE(texts);
        } else {
            n_texts = 1;
        }
        Py_ssize_t dist = first_article - i;
        double markup[13];
        int have_markup = 0;
        for (Py_ssize_t k = 0; k < n_texts; k++) {
            t = Py_NewRef(texts ? PyList_GET_ITEM(texts, k) : text);
            if (!PyUnicode_Check(t)) {
                PyErr_SetString(PyExc_TypeError, "title_blocks(): a candidate text is not a str");
                goto fail;
            }
            int ascii = PyUnicode_IS_ASCII(t);
            if (ascii) {
                if (ascii_text_words(t, &low, &tw, &nt) < 0)
                    goto fail;
            } else {
                PyObject *got = PyObject_CallOneArg(text_words, t);
                if (got == NULL)
                    goto fail;
                if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 2
                    || !PyUnicode_Check(PyTuple_GET_ITEM(got, 0))
                    || !PyList_Check(PyTuple_GET_ITEM(got, 1))) {
                    Py_DECREF(got);
                    PyErr_SetString(PyExc_TypeError, "text_words() gives (str, list)");
                    goto fail;
                }
                low = Py_NewRef(PyTuple_GET_ITEM(got, 0));
                tw = Py_NewRef(PyTuple_GET_ITEM(got, 1));
                Py_DECREF(got);
                PyObject *empty = PyUnicode_New(0, 0);
                if (empty == NULL)
                    goto fail;
                nt = PyUnicode_Join(empty, tw);
                Py_DECREF(empty);
                if (nt == NULL)
                    goto fail;
            }
            Py_ssize_t n_tokens, capitals;
            title_tokens(t, &n_tokens, &capitals);
            double words = k ? (double)n_tokens : words_f;
            if (PyUnicode_GET_LENGTH(nt) == 0 || words > max_words)
                goto next_text;
            if (!k && !(ascii && ascii_no_date(low, nt))) {
                PyObject *got = PyObject_CallOneArg(date_share, t);
                if (got == NULL)
                    goto fail;
                double share = PyFloat_AsDouble(got);
                Py_DECREF(got);
                if (share == -1.0 && PyErr_Occurred())
                    goto fail;
                if (share >= date_only)
                    goto next_text;
            }
            double m_title = 0.0, m_part = 0.0, m_og = 0.0, m_ld = 0.0;
            Py_ssize_t shared = words_in(tw, meta_words);
            if (shared < 0)
                goto fail;
            if (shared) {
                if ((m_title = title_overlap(tw, w_title)) < 0)
                    goto fail;
                for (Py_ssize_t j = 0; j < n_parts; j++) {
                    double o = title_overlap(tw, PyList_GET_ITEM(w_parts, j));
                    if (o < 0)
                        goto fail;
                    if (!j || o > m_part)
                        m_part = o;
                }
                if ((m_og = title_overlap(tw, w_og)) < 0 || (m_ld = title_overlap(tw, w_ld)) < 0)
                    goto fail;
            }
            if (!have_markup) {
                long long heading;
                unsigned long long near_cues, cues;
                if (attr_ll(s, s_heading, &heading) < 0 || attr_mask(s, s_near_cues, &near_cues) < 0
                    || attr_mask(s, s_cues, &cues) < 0)
                    goto fail;
                int next_article = 0;
                if (i + 1 < PyList_GET_SIZE(segs)) {
                    PyObject *nl_ = seg_attr(PyList_GET_ITEM(segs, i + 1), s_label);
                    if (nl_ == NULL)
                        goto fail;
                    next_article = nl_ == article;
                    Py_DECREF(nl_);
                }
                markup[0] = heading == 1;
                markup[1] = heading == 2;
                markup[2] = heading == 3;
                markup[3] = heading >= 4;
                markup[4] = (near_cues & title_cue) != 0;
                markup[5] = (cues & header_cue) != 0;
                markup[6] = (near_cues & boiler_cues) != 0;
                markup[7] = (cues & body_cues) != 0;
                markup[8] = dist > 0;
                markup[9] = log1p((double)(dist < 0 ? -dist : dist));
                markup[10] = next_article;
                markup[11] = i == nearest;
                markup[12] = i == first_h1;
                have_markup = 1;
            }
            double m = m_title;
            if (m_part > m) m = m_part;
            if (m_og > m) m = m_og;
            if (m_ld > m) m = m_ld;
            int in_parts = PySet_Contains(norm_parts, nt), in_h1 = PySet_Contains(h1s, nt);
            if (in_parts < 0 || in_h1 < 0)
                goto fail;
            int eq_og = has_og ? PyUnicode_Compare(nt, n_og) == 0 : 0;
            int eq_ld = has_ld ? PyUnicode_Compare(nt, n_ld) == 0 : 0;
            if (PyErr_Occurred())
                goto fail;
            int punct = 0;
            if (ascii) {
                punct = ascii_sentence_end(t);
            } else if (PyUnicode_FindChar(t, '.', 0, PyUnicode_GET_LENGTH(t), 1) >= 0
                       || PyUnicode_FindChar(t, '!', 0, PyUnicode_GET_LENGTH(t), 1) >= 0) {
                PyObject *got = PyObject_CallOneArg(sentence_end, t);
                if (got == NULL)
                    goto fail;
                punct = PyObject_IsTrue(got);
                Py_DECREF(got);
                if (punct < 0)
                    goto fail;
            }
            if ((ld = seg_attr(s, s_link_density)) == NULL || (pa = seg_attr(s, s_p_article)) == NULL)
                goto fail;
            int below = PyFloat_CheckExact(pa) ? 0.0 > PyFloat_AS_DOUBLE(pa)
                                               : PyObject_RichCompareBool(f_zero, pa, Py_GT);
            if (below < 0)
                goto fail;
            if (below)
                Py_SETREF(pa, Py_NewRef(f_zero));
            long long same_count = 1;
            PyObject *got = PyDict_GetItemWithError(same, low);
            if (got == NULL && PyErr_Occurred())
                goto fail;
            if (got != NULL) {
                same_count = PyLong_AsLongLong(got);
                if (same_count == -1 && PyErr_Occurred())
                    goto fail;
            }
            int in_copyright = 0;
            for (Py_ssize_t j = 0; j < PyList_GET_SIZE(copyright_lows) && !in_copyright; j++) {
                in_copyright = PyUnicode_Contains(PyList_GET_ITEM(copyright_lows, j), low);
                if (in_copyright < 0)
                    goto fail;
            }
            if ((v = PyList_New(TITLE_N)) == NULL)
                goto fail;
            SETF(v, 0, m_title);
            SETF(v, 1, m_part);
            SETF(v, 2, in_parts ? 1.0 : 0.0);
            SETF(v, 3, m_og);
            SETF(v, 4, eq_og ? 1.0 : 0.0);
            SETF(v, 5, m_ld);
            SETF(v, 6, eq_ld ? 1.0 : 0.0);
            SETF(v, 7, in_h1 ? 1.0 : 0.0);
            for (int j = 0; j < 13; j++)
                SETF(v, 8 + j, markup[j]);
            SETF(v, 21, log1p(words));
            SETF(v, 22, punct ? 1.0 : 0.0);
            SETO(v, 23, ld);
            SETF(v, 24, text_isupper(t) ? 1.0 : 0.0);
            SETF(v, 25, label == article ? 1.0 : 0.0);
            SETO(v, 26, pa);
            SETF(v, 27, (double)i / (double)n);
            SETF(v, 28, log_h1s);
            SETF(v, 29, log1p((double)n_lines));
            SETF(v, 30, (double)k);
            SETF(v, 31, m);
            SETF(v, 32, m);
            SETO(v, 33, PyList_GET_ITEM(page, 0));
            SETO(v, 34, PyList_GET_ITEM(page, 1));
            for (int j = 35; j < 40; j++)
                SETF(v, j, 0.0);
            SETF(v, 40, log1p((double)(same_count - 1)));
            SETF(v, 41, in_copyright ? 1.0 : 0.0);
            SETF(v, 42, n_tokens ? (double)capitals / (double)n_tokens : 0.0);
            SETF(v, 43, log_parts);
            Py_CLEAR(ld);
            Py_CLEAR(pa);
            PyObject *row = Py_BuildValue("(nOO)", i, t, v);
            if (row == NULL || PyList_Append(out_words, tw) < 0 || PyList_Append(norms, nt) < 0) {
                Py_XDECREF(row);
                goto fail;
            }
            int r = PyList_Append(out, row);
            Py_DECREF(row);
            if (r < 0)
                goto fail;
            Py_CLEAR(v);
        next_text:
            Py_CLEAR(t);
            Py_CLEAR(low);
            Py_CLEAR(tw);
            Py_CLEAR(nt);
        }
    next_block:
        Py_CLEAR(s);
        Py_CLEAR(label);
        Py_CLEAR(text);
        Py_CLEAR(texts);
    }
    /* the page's best match: max() of the candidates' own (the first of equals), then each
     * candidate's gap to it */
    double best = 0.0;
    Py_ssize_t n_out = PyList_GET_SIZE(out);
    for (Py_ssize_t j = 0; j < n_out; j++) {
        double m = PyFloat_AS_DOUBLE(PyList_GET_ITEM(PyTuple_GET_ITEM(PyList_GET_ITEM(out, j), 2), 31));
        if (!j || m > best)
            best = m;
    }
    for (Py_ssize_t j = 0; j < n_out; j++) {
        PyObject *vec = PyTuple_GET_ITEM(PyList_GET_ITEM(out, j), 2);
        double m = PyFloat_AS_DOUBLE(PyList_GET_ITEM(vec, 32));
        PyObject *b = title_float(best), *gap = b ? title_float(m - best) : NULL;
        if (gap == NULL) {
            Py_XDECREF(b);
            goto fail;
        }
        Py_SETREF(PyList_GET_ITEM(vec, 31), b);
        Py_SETREF(PyList_GET_ITEM(vec, 32), gap);
    }
    PyObject *res = Py_BuildValue("(OOOd)", out, out_words, norms, best);
    Py_DECREF(out);
    Py_DECREF(out_words);
    Py_DECREF(norms);
    return res;
fail:
    Py_XDECREF(out);
    Py_XDECREF(out_words);
    Py_XDECREF(norms);
    Py_XDECREF(s);
    Py_XDECREF(label);
    Py_XDECREF(text);
    Py_XDECREF(texts);
    Py_XDECREF(t);
    Py_XDECREF(low);
    Py_XDECREF(tw);
    Py_XDECREF(nt);
    Py_XDECREF(v);
    Py_XDECREF(ld);
    Py_XDECREF(pa);
    return NULL;
}

/* title._best_overlap(texts, name): the best overlap of the texts' word lists with a name's word
 * set (max() keeps the first of equals; 0.0 for none). */
static PyObject *
speedups_title_best_overlap(PyObject *mod, PyObject *args)
{
    PyObject *texts, *name;
    if (!PyArg_ParseTuple(args, "O!O:title_best_overlap", &PyList_Type, &texts, &name))
        return NULL;
    if (!PyAnySet_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "title_best_overlap(): the name's words are a set");
        return NULL;
    }
    double best = 0.0;
    int any = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(texts); i++) {
        PyObject *tw = PyList_GET_ITEM(texts, i);
        if (!PyList_Check(tw)) {
            PyErr_SetString(PyExc_TypeError, "title_best_overlap(): a text's words are a list");
            return NULL;
        }
        Py_INCREF(tw);
        Py_ssize_t shared = words_in(tw, name);
        double o = shared > 0 ? title_overlap(tw, name) : 0.0;
        Py_DECREF(tw);
        if (shared < 0 || o < 0)
            return NULL;
        if (shared && (!any || o > best)) {
            best = o;
            any = 1;
        }
    }
    return PyFloat_FromDouble(best);
}

/* title.page_texts: what the headline ranker reads off every block of the page. */
static PyObject *
speedups_title_page(PyObject *mod, PyObject *args)
{
    PyObject *segs, *article, *copyright_of;
    unsigned long long bit;
    Py_ssize_t max_chars, max_pattern_chars;
    if (!PyArg_ParseTuple(args, "O!OOKnn:title_page", &PyList_Type, &segs, &article, &copyright_of,
                          &bit, &max_chars, &max_pattern_chars))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(segs), first_article = -1, n_article = 0, first_h1 = -1;
    PyObject *copyright_lows = PyList_New(0);
    PyObject *s = NULL, *text = NULL, *low = NULL;
    if (copyright_lows == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(segs); i++) {
        s = Py_NewRef(PyList_GET_ITEM(segs, i));
        PyObject *label = seg_attr(s, s_label);
        long long heading, chars;
        if (label == NULL)
            goto fail;
        if (label == article) {
            n_article++;
            if (first_article < 0)
                first_article = i;
        }
        Py_DECREF(label);
        if (attr_ll(s, s_heading, &heading) < 0 || attr_ll(s, s_chars, &chars) < 0)
            goto fail;
        if (heading == 1 && first_h1 < 0)
            first_h1 = i;
        if (chars <= max_pattern_chars) {
            if ((text = seg_attr(s, s_text)) == NULL)
                goto fail;
            if (!PyUnicode_Check(text)) {
                PyErr_SetString(PyExc_TypeError, "title_page(): a block's text is not a str");
                goto fail;
            }
            long long flags;
            if (attr_ll(s, s_line_flags, &flags) < 0)
                goto fail;
            if ((flags & (long long)bit) || PyUnicode_GET_LENGTH(text) > max_pattern_chars) {
                PyObject *got = PyObject_CallOneArg(copyright_of, s);
                int yes = got == NULL ? -1 : PyObject_IsTrue(got);
                Py_XDECREF(got);
                if (yes < 0)
                    goto fail;
                if (yes) {
                    if (low == NULL && (low = lowered(text)) == NULL)
                        goto fail;
                    if (PyList_Append(copyright_lows, low) < 0)
                        goto fail;
                }
            }
        }
        Py_CLEAR(s);
        Py_CLEAR(text);
        Py_CLEAR(low);
    }
    PyObject *res = Py_BuildValue("(nnnN)", first_article < 0 ? n : first_article, n_article,
                                  first_h1, copyright_lows);
    return res;
fail:
    Py_XDECREF(copyright_lows);
    Py_XDECREF(s);
    Py_XDECREF(text);
    Py_XDECREF(low);
    return NULL;
}
/* title.text_counts: how many blocks of at most max_chars characters have each lowered text of the
 * blocks lo .. last - 1 (of at most max_chars), or of one of their lines, or "" (only the texts some
 * block has are keys), and how many have each text of `within` (a list) in their lowered text. */
static PyObject *
speedups_title_counts(PyObject *mod, PyObject *args)
{
    PyObject *segs, *within;
    Py_ssize_t max_chars, lo, last;
    if (!PyArg_ParseTuple(args, "O!nnnO!:title_counts", &PyList_Type, &segs, &max_chars, &lo,
                          &last, &PyList_Type, &within))
        return NULL;
    static PyObject *s_newline;
    if (s_newline == NULL && (s_newline = PyUnicode_InternFromString("\n")) == NULL)
        return NULL;
    PyObject *equal = PySet_New(NULL);
    if (equal == NULL)
        return NULL;
    if (lo < 0)
        lo = 0;
    if (last > PyList_GET_SIZE(segs))
        last = PyList_GET_SIZE(segs);
    if (lo < last && PySet_Add(equal, seg_empty) < 0) {
        Py_DECREF(equal);
        return NULL;
    }
    for (Py_ssize_t i = lo; i < last; i++) {
        PyObject *s = PyList_GET_ITEM(segs, i);
        long long chars;
        if (attr_ll(s, s_chars, &chars) < 0) {
            Py_DECREF(equal);
            return NULL;
        }
        if (chars > max_chars)
            continue;
        PyObject *text = seg_attr(s, s_text);
        PyObject *low = text == NULL || !PyUnicode_Check(text) ? NULL : lowered(text);
        int bad = low == NULL || PySet_Add(equal, low) < 0;
        if (!bad && PyUnicode_FindChar(low, '\n', 0, PyUnicode_GET_LENGTH(low), 1) >= 0) {
            /* (the lowered lines are the lines of the lowered text: no case mapping reads
             * across a line feed) */
            PyObject *lines = PyUnicode_Split(low, s_newline, -1);
            bad = lines == NULL;
            for (Py_ssize_t k = 0; !bad && k < PyList_GET_SIZE(lines); k++)
                bad = PySet_Add(equal, PyList_GET_ITEM(lines, k)) < 0;
            Py_XDECREF(lines);
        }
        if (text != NULL && !PyUnicode_Check(text) && !PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "title_counts(): a block's text is not a str");
        Py_XDECREF(text);
        Py_XDECREF(low);
        if (bad) {
            Py_DECREF(equal);
            return NULL;
        }
    }
    Py_ssize_t nw = PyList_GET_SIZE(within);
    for (Py_ssize_t k = 0; k < nw; k++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(within, k))) {
            PyErr_SetString(PyExc_TypeError, "title_counts(): within holds str");
            return NULL;
        }
    }
    PyObject *same = PyDict_New();
    Py_ssize_t *hits = PyMem_Calloc(nw ? (size_t)nw : 1, sizeof(Py_ssize_t));
    PyObject *out = NULL, *text = NULL, *low = NULL;
    if (same == NULL || hits == NULL) {
        if (hits == NULL)
            PyErr_NoMemory();
        goto done;
    }
    int any = PySet_GET_SIZE(equal) > 0;
    /* An ASCII text's lowered text is as long as it: one of a length no key has equals none, and
     * one shorter than every text of `within` holds none (not lowered at all). Other texts are
     * lowered and compared (lowering may lengthen them: U+0130). */
    Py_ssize_t min_within = PY_SSIZE_T_MAX;
    for (Py_ssize_t k = 0; k < nw; k++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(PyList_GET_ITEM(within, k));
        if (len < min_within)
            min_within = len;
    }
    unsigned char key_len[256] = {0};  /* key lengths below 255; 255: any longer */
    {
        PyObject *it = PyObject_GetIter(equal), *key;
        if (it == NULL)
            goto done;
        while ((key = PyIter_Next(it)) != NULL) {
            if (PyUnicode_Check(key)) {  /* (no lowered text equals another object) */
                Py_ssize_t len = PyUnicode_GET_LENGTH(key);
                key_len[len < 255 ? len : 255] = 1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            goto done;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(segs) && (any || nw); i++) {
        long long chars;
        PyObject *s = PyList_GET_ITEM(segs, i);
        if (attr_ll(s, s_chars, &chars) < 0)
            goto done;
        if (chars > max_chars)
            continue;
        if ((text = seg_attr(s, s_text)) == NULL)
            goto done;
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "title_counts(): a block's text is not a str");
            goto done;
        }
        if (PyUnicode_IS_ASCII(text)) {
            Py_ssize_t len = PyUnicode_GET_LENGTH(text);
            if (!key_len[len < 255 ? len : 255] && len < min_within) {
                Py_CLEAR(text);
                continue;
            }
        }
        if ((low = lowered(text)) == NULL)
            goto done;
        Py_CLEAR(text);
        if (any) {
            int in = PySet_Contains(equal, low);
            if (in < 0)
                goto done;
            if (in) {
                PyObject *got = PyDict_GetItemWithError(same, low);
                if (got == NULL && PyErr_Occurred())
                    goto done;
                Py_ssize_t c = got == NULL ? 0 : PyLong_AsSsize_t(got);
                PyObject *nv = PyLong_FromSsize_t(c + 1);
                int bad = nv == NULL || PyDict_SetItem(same, low, nv) < 0;
                Py_XDECREF(nv);
                if (bad)
                    goto done;
            }
        }
        for (Py_ssize_t k = 0; k < nw; k++) {
            int in = PyUnicode_Contains(low, PyList_GET_ITEM(within, k));
            if (in < 0)
                goto done;
            hits[k] += in;
        }
        Py_CLEAR(low);
    }
    PyObject *counts = PyList_New(nw);
    if (counts == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < nw; k++) {
        PyObject *c = PyLong_FromSsize_t(hits[k]);
        if (c == NULL) {
            Py_DECREF(counts);
            goto done;
        }
        PyList_SET_ITEM(counts, k, c);
    }
    out = PyTuple_Pack(2, same, counts);
    Py_DECREF(counts);
done:
    Py_DECREF(equal);
    Py_XDECREF(same);
    Py_XDECREF(text);
    Py_XDECREF(low);
    PyMem_Free(hits);
    return out;
}
#undef SETF
#undef SETO

PyObject *walk_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
int walk_add_type(PyObject *m);

static PyMethodDef module_methods[] = {
    {"walk_setup", (PyCFunction)(void (*)(void))walk_setup, METH_FASTCALL,
     "walk_setup(tag_infos, tag_info, attrs, cue_cache, token_cues, attr_cues, element_cues, "
     "masks, masks_max, headings, segment, br, pre_join, clean_join, check_mask, near_levels, "
     "token_cache, new_token_cues, cache_max, max_token_chars, inline_keep): "
     "the tables and helpers of boilerstrip.segment_html that Walk shares."},
    {"make_blocks", (PyCFunction)speedups_make_blocks, METH_VARARGS,
     "make_blocks(segs, block_type, html, drawn, position, comment_label, nav_label) -> list: "
     "the public Block of every segment (boilerstrip.assemble)."},
    {"region_values", (PyCFunction)speedups_region_values, METH_VARARGS,
     "region_values(segs, flags, consts) -> list[float]: boilerstrip.classify.region.value_of of "
     "every block."},
    {"headline_scan", (PyCFunction)speedups_headline_scan, METH_VARARGS,
     "headline_scan(segs, most, keys, every, min_share) -> list: classify.headline's blocks worth "
     "matching."},
    {"headline_frames", (PyCFunction)speedups_headline_frames, METH_VARARGS,
     "headline_frames(parent, frame, max_up) -> bytes: classify.headline's per-frame levels to "
     "the common ancestor with the anchor."},
    {"context_mix", (PyCFunction)speedups_context_mix, METH_VARARGS,
     "context_mix(pa, px, share) -> (mixed, max_pa, max_mixed): learned._html_context's mean."},
    {"cohort_page", (PyCFunction)speedups_cohort_page, METH_VARARGS,
     "cohort_page(segs, parent, frame_cues) -> (of, size, sums, words): classify.cohort's "
     "grouping of the blocks by their slot."},
    {"cohort_columns", (PyCFunction)speedups_cohort_columns, METH_VARARGS,
     "cohort_columns(segs, lo, hi, of, size, sums, words, alone) -> bytes: "
     "classify.cohort.Cohorts.columns."},
    {"candidates", (PyCFunction)speedups_candidates, METH_VARARGS,
     "candidates(segs, parent, frame_cues, linkd, consts) -> (score, output, top, last_top, "
     "top_score, share): classify.candidates' container scores."},
    {"region_sums", (PyCFunction)speedups_region_sums, METH_VARARGS,
     "region_sums(segs, values, parent, prose) -> (best, last_best, best_total, first_in, "
     "last_in, page_prose, share, linkd): the subtree sums of the main region."},
    {"text_shape", (PyCFunction)speedups_text_shape, METH_O,
     "text_shape(t) -> (digits, upper, avg): boilerstrip.features.text_shape."},
    {"isupper", (PyCFunction)speedups_isupper, METH_O, "isupper(t) -> bool: t.isupper()."},
    {"wraps", (PyCFunction)speedups_wraps, METH_VARARGS,
     "wraps(lines, lengths, indents, page, wide_match, display_width, narrow, wide, max_width, "
     "window, evidence, close, short_share) -> bytes: where each line "
     "continues on the next (boilerstrip.segment_text._continues)."},
    {"lexicon_columns", (PyCFunction)speedups_lexicon_columns, METH_VARARGS,
     "lexicon_columns(texts, words, weights, max_chars, head, window, table, values, mapping, "
     "first, last) -> bytes: the lexicon features of texts first..last-1, 6 doubles a text "
     "(boilerstrip.classify.lexicon.columns)."},
    {"language_hits", (PyCFunction)speedups_language_hits, METH_VARARGS,
     "language_hits(text, index, hits[, table]) -> tokens: the function-word hits of every "
     "language (-1 for non-ASCII text the table does not answer for: nothing counted)."},
    {"language_sample", (PyCFunction)speedups_language_sample, METH_VARARGS,
     "language_sample(segs, order, start, words, hits, table, limit, sampled) -> (stop, sampled): "
     "the function-word hits of the blocks in order from start on "
     "(boilerstrip.features._compiled_pick)."},
    {"longest_first", (PyCFunction)speedups_longest_first, METH_O,
     "longest_first(segs) -> array('q'): the blocks' positions, longest text first (a stable "
     "order)."},
    {"ascii_line_hints", (PyCFunction)speedups_ascii_line_hints, METH_VARARGS,
     "ascii_line_hints(copyright, widget_starts, footer_starts, header_words, months, text) -> int: the "
     "prechecks of boilerstrip.features._line_bits on ASCII text, as bits."},
    {"ascii_features", (PyCFunction)speedups_ascii_features, METH_VARARGS,
     "ascii_features(segs, stop, floats, start, stop_at[, table]) -> int: the text features of "
     "the ASCII blocks from start on, and of the others whose characters the table answers for "
     "(boilerstrip.features.compute); where it stopped."},
    {"gutter_counts", (PyCFunction)speedups_gutter_counts, METH_VARARGS,
     "gutter_counts(lines, width, min_gap, max_width) -> list[int]: "
     "boilerstrip.layout._gutter_counts."},
    {"maybe_columns", (PyCFunction)speedups_maybe_columns, METH_VARARGS,
     "maybe_columns(lines, box, sniff_lines, min_gap, min_band_lines) -> bool: "
     "boilerstrip.layout._maybe_columns."},
    {"clean_lines", (PyCFunction)speedups_clean_lines, METH_VARARGS,
     "clean_lines(lines, box) -> list[str]: the lines right-stripped, borders blanked "
     "(boilerstrip.layout._clean)."},
    {"split_columns", (PyCFunction)speedups_split_columns, METH_VARARGS,
     "split_columns(lines, overrun, min_gap, min_band_lines, min_sided_lines, max_tries, "
     "max_depth, max_width) -> list of (str, int): the lines in reading order with their "
     "indices (boilerstrip.layout._split)."},
    {"display_widths", (PyCFunction)speedups_display_widths, METH_VARARGS,
     "display_widths(lines, display_width[, table]) -> (lengths, indents): the display widths of "
     "the lines and of their indents (boilerstrip.segment_text.segment_text); table[c] & 2: c is "
     "wide, for the code points below its length (display_width is called for the other lines)."},
    {"text_segments", (PyCFunction)speedups_text_segments, METH_VARARGS,
     "text_segments(blocks, origin, new, tag, source) -> list: the Segments of text_blocks()'s records, "
     "as boilerstrip.segment_text._make_segments makes them."},
    {"text_blocks", (PyCFunction)speedups_text_blocks, METH_VARARGS,
     "text_blocks(lines, wrapped, bullet_match, wide_match, stop, before, check_mask, "
     "max_bullet_chars) -> "
     "list of (start, end, indent, bullet, text, blank_before, blank_after): the paragraphs of "
     "boilerstrip.segment_text.segment_text."},
    {"linear_probabilities", (PyCFunction)speedups_linear_probabilities, METH_VARARGS,
     "linear_probabilities(indices, weights, bias, vectors) -> list[float]: the logistic model of "
     "boilerstrip.classify.model for every vector."},
    {"title_best_overlap", (PyCFunction)speedups_title_best_overlap, METH_VARARGS,
     "title_best_overlap(texts, name) -> float: the best overlap of word lists with a word set "
     "(boilerstrip.classify.title._best_overlap)."},
    {"title_page", (PyCFunction)speedups_title_page, METH_VARARGS,
     "title_page(segs, article, copyright_of, copyright_bit, max_chars, max_pattern_chars) -> "
     "(first_article, n_article, first_h1, copyright_lows): what the headline ranker reads "
     "off every block (boilerstrip.classify.title.page_texts)."},
    {"density_classes", (PyCFunction)speedups_density_classes, METH_VARARGS,
     "density_classes(segs, consts): the context-free class of every block, in its cf "
     "(boilerstrip.classify.density.classify_block)."},
    {"text_sources", (PyCFunction)speedups_text_sources, METH_O,
     "text_sources(segs): every block's source, lines {line_start}-{line_end} "
     "(boilerstrip.segment_text.write_sources)."},
    {"title_counts", (PyCFunction)speedups_title_counts, METH_VARARGS,
     "title_counts(segs, max_chars, lo, last, within) -> (dict, list): the short blocks with each "
     "lowered text of blocks lo..last-1 (and their lines), and with each text of within in theirs "
     "(boilerstrip.classify.title.text_counts)."},
    {"title_blocks", (PyCFunction)speedups_title_blocks, METH_VARARGS,
     "title_blocks(segs, page) -> (candidates, words, norms, best): the block candidates of the "
     "headline ranker, their words, the words joined and the best match "
     "(boilerstrip.classify.title.block_candidates)."},
    {"context_sums", (PyCFunction)speedups_context_sums, METH_VARARGS,
     "context_sums(p, chars, pc, sure, far) -> (pre_cw, c_max, pre_pw, pre_w, pre_sure, sure_w, "
     "next_sure, span_lo, span_hi, p_max, p_mean, total_sure): the page-wide sums of "
     "boilerstrip.classify.stacked.ContextPage."},
    {"context_own", (PyCFunction)speedups_context_own, METH_VARARGS,
     "context_own(segs, lo, hi, line_flags, good, date_bit, copyright_bit) -> bytes: "
     "boilerstrip.classify.learned.context_own as native doubles."},
    {"context_rows", (PyCFunction)speedups_context_rows, METH_VARARGS,
     "context_rows(p, pre_pw, pre_w, pre_sure, sure_w, next_sure, own, lo, span_lo, span_hi, "
     "p_max, p_mean, total_sure, windows, sure, far, missing, pc, pre_cw, c_max, "
     "comment_windows) -> bytes: the context vectors of "
     "boilerstrip.classify.stacked.ContextPage.rows as native doubles."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "boilerstrip._speedups",
    .m_doc = "Optional compiled helpers for boilerstrip (plain-Python forms are the reference).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&ForestType) < 0 || PyType_Ready(&RowsType) < 0
        || Segment_ready() < 0 || PyType_Ready(&WordTableType) < 0
        || intern_names() < 0)
        return NULL;
    ascii_classes_init();
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&ForestType);
    if (PyModule_AddObject(m, "Forest", (PyObject *)&ForestType) < 0) {
        Py_DECREF(&ForestType);
        Py_DECREF(m);
        return NULL;
    }
    /* What boilerstrip.compiled.API asks for: an older build of this file is not used. */
    if (PyModule_AddIntConstant(m, "API", 26) < 0 || walk_add_type(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&RowsType);
    if (PyModule_AddObject(m, "Rows", (PyObject *)&RowsType) < 0) {
        Py_DECREF(&RowsType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&SegType);
    if (PyModule_AddObject(m, "Segment", (PyObject *)&SegType) < 0) {
        Py_DECREF(&SegType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&WordTableType);
    if (PyModule_AddObject(m, "WordTable", (PyObject *)&WordTableType) < 0) {
        Py_DECREF(&WordTableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
