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
} Forest;

static void
Forest_dealloc(Forest *self)
{
    PyMem_Free(self->roots);
    PyMem_Free(self->feature);
    PyMem_Free(self->threshold);
    PyMem_Free(self->left);
    PyMem_Free(self->right);
    PyMem_Free(self->value);
    Py_TYPE(self)->tp_free((PyObject *)self);
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
    return 0;
}

/* Walk every tree for one vector already read into `x` (at least `width` doubles). Each walk is
 * bounded by the tree's node count, so a malformed tree (a cycle) cannot loop forever. */
static int
forest_sum(Forest *self, const double *x, double *out)
{
    double s = self->base;
    for (Py_ssize_t t = 0; t < self->n_trees; t++) {
        Py_ssize_t k = self->roots[t];
        Py_ssize_t end = t + 1 < self->n_trees ? self->roots[t + 1] : self->n_nodes;
        Py_ssize_t steps = end - k;
        while (self->feature[k] >= 0) {
            k = x[self->feature[k]] <= self->threshold[k] ? self->left[k] : self->right[k];
            if (--steps < 0) {
                PyErr_SetString(PyExc_ValueError, "a tree has a cycle");
                return -1;
            }
        }
        s += self->value[k];
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

static PyMethodDef Forest_methods[] = {
    {"margin", (PyCFunction)Forest_margin, METH_O,
     "margin(x) -> float: base plus the leaf value of every tree for the vector x."},
    {"margins", (PyCFunction)Forest_margins, METH_O,
     "margins(vectors) -> list[float]: margin() of every vector."},
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

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "boilerstrip._speedups",
    .m_doc = "Optional compiled helpers for boilerstrip (plain-Python forms are the reference).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&ForestType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&ForestType);
    if (PyModule_AddObject(m, "Forest", (PyObject *)&ForestType) < 0) {
        Py_DECREF(&ForestType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
