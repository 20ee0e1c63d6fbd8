"""Golden values for scratchnet's chapter-6 experiments on overfitting and hyperparameters.

This script runs three of the book's scripts as they are (ch06/overfit_weight_decay.py,
ch06/overfit_dropout.py, ch06/hyperparameter_optimization.py, from a checkout of
oreilly-japan/deep-learning-from-scratch whose path is the first argument; nothing of it is in
this repository), shortened: each script's source is read and a few of its settings lines are
replaced (the number of epochs, the cure on or off, the number of trials), each replacement
checked to happen exactly once. The scripts' `load_mnist` reads scratchnet's built-in MNIST
slice (crates/book/data/mnist-slice: float32 divided by 255, as the book's load_mnist does)
and their pyplot draws nothing. Each run starts after np.random.seed(0) and imports the
book's common/ modules (multi_layer_net, multi_layer_net_extend, trainer, optimizer, util).

Regenerate the committed values with

    python3 tests/reference/ch06_overfit_hp.py /path/to/deep-learning-from-scratch \
        > tests/reference/ch06_overfit_hp.json

(NumPy 2.4.6, OpenBLAS). Floats are written by repr (shortest round-trip form).
"""
import contextlib
import io
import json
import os
import sys
import types

import numpy as np

BOOK = os.path.abspath(sys.argv[1])
sys.path.insert(0, BOOK)
import common.multi_layer_net  # noqa: E402,F401  (the book's code, imported by the scripts)
import common.multi_layer_net_extend  # noqa: E402,F401
import common.optimizer  # noqa: E402,F401
import common.trainer  # noqa: E402,F401
import common.util  # noqa: E402,F401

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_slice  # noqa: E402  (the built-in slice, as load_mnist reads MNIST)


def load_mnist(normalize=True, flatten=True, one_hot_label=False):
    assert normalize and flatten and not one_hot_label
    return mnist_slice.load()


class NoPlot(types.ModuleType):
    """matplotlib.pyplot that draws nothing."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


dataset = types.ModuleType("dataset")
dataset_mnist = types.ModuleType("dataset.mnist")
dataset_mnist.load_mnist = load_mnist
dataset.mnist = dataset_mnist
matplotlib = types.ModuleType("matplotlib")
matplotlib.pyplot = NoPlot("matplotlib.pyplot")
sys.modules.update({"dataset": dataset, "dataset.mnist": dataset_mnist,
                    "matplotlib": matplotlib, "matplotlib.pyplot": matplotlib.pyplot})


def run(script, replacements):
    """Runs the book's ch06/`script` with each (old, new) line replaced, after
    np.random.seed(0); returns its variables and what it printed."""
    with open(os.path.join(BOOK, "ch06", script), encoding="utf-8") as f:
        source = f.read()
    for old, new in replacements:
        assert source.count(old) == 1, (script, old)
        source = source.replace(old, new)
    np.random.seed(0)
    printed = io.StringIO()
    variables = {"__name__": "__main__", "__file__": os.path.join(BOOK, "ch06", script)}
    with contextlib.redirect_stdout(printed):
        exec(compile(source, script, "exec"), variables)
    variables["after_draw"] = float(np.random.rand())
    return variables, printed.getvalue()


def floats(values):
    return [float(v) for v in values]


def overfit_weight_decay(weight_decay_lambda, epochs):
    v, _ = run("overfit_weight_decay.py", [
        ("\nweight_decay_lambda = 0.1\n", "\nweight_decay_lambda = %r\n" % weight_decay_lambda),
        ("max_epochs = 201", "max_epochs = %d" % epochs),
    ])
    return {"weight_decay_lambda": weight_decay_lambda, "max_epochs": epochs,
            "train_acc_list": floats(v["train_acc_list"]), "test_acc_list": floats(v["test_acc_list"]),
            "after_draw": v["after_draw"]}


def overfit_dropout(use_dropout, epochs):
    v, _ = run("overfit_dropout.py", [
        ("use_dropout = True", "use_dropout = %r" % use_dropout),
        ("epochs=301", "epochs=%d" % epochs),
    ])
    return {"use_dropout": use_dropout, "dropout_ratio": 0.2, "epochs": epochs,
            "train_acc_list": floats(v["train_acc_list"]), "test_acc_list": floats(v["test_acc_list"]),
            "after_draw": v["after_draw"]}


def hyperparameter_optimization(trials, epochs):
    v, printed = run("hyperparameter_optimization.py", [
        ("optimization_trial = 100", "optimization_trial = %d" % trials),
        ("epocs=50", "epocs=%d" % epochs),
    ])
    runs = []
    for key, val_acc_list in v["results_val"].items():  # in the order of the trials
        lr, weight_decay = (float(part.split(":")[1]) for part in key.split(", "))
        runs.append({"lr": lr, "weight_decay": weight_decay, "val_acc_list": floats(val_acc_list),
                     "train_acc_list": floats(v["results_train"][key])})
    np.random.seed(0)
    permutation = np.random.permutation(500)
    return {"optimization_trial": trials, "epochs": epochs, "trials": runs,
            "validation_first": [int(i) for i in permutation[:10]],
            "best_lines": [line for line in printed.splitlines() if line.startswith("Best-")],
            "after_draw": v["after_draw"]}


def main():
    # Python's float ** float is C's pow: a few exponents of the kind the search draws
    exponents = [-7.98, -6.5, -5.123456789, -4.000001, -2.5, -1e-9, 0.3]
    doc = {
        "overfit_weight_decay": [overfit_weight_decay(0.1, 5), overfit_weight_decay(0, 5)],
        "overfit_dropout": [overfit_dropout(True, 5), overfit_dropout(False, 5)],
        "hyperparameter_optimization": hyperparameter_optimization(3, 3),
        "pow10": [[x, 10 ** x] for x in exponents],
    }
    print(json.dumps(doc, indent=1))


if __name__ == "__main__":
    main()
