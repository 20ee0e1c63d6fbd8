"""The book's training job in PyTorch (eager, autograd), the way a PyTorch user writes it: the same
network, batches, update and evaluations as train_numpy.py.

    python3 train_torch.py --data DIR [--dtype float32|float64] [--iters 10000] [--threads 2]
                           [--hidden 50] [--batch 100] [--lr 0.1]
                           [--layers 1] [--activation sigmoid|relu] [--init 0.01|he]

Prints one JSON line: {"impl", "dtype", "seconds", "final_test_acc", "iters"}. The seconds cover
the training loop and its evaluations, not `import torch`, start-up or loading.

Differences from the book, all in PyTorch's favour: the loss is `F.cross_entropy` (log-softmax,
without the book's 1e-7), accuracy skips the softmax, the extra loss after each update and the
evaluations run under `torch.no_grad()`.
"""
import argparse
import json
import os
import time

import torch
import torch.nn.functional as F

from mnist_idx import read_mnist


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--iters", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--hidden", type=int, default=50)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--layers", type=int, default=1, help="hidden layers of --hidden units")
    ap.add_argument("--activation", choices=["sigmoid", "relu"], default="sigmoid")
    ap.add_argument("--init", default="0.01", help='a standard deviation, or "he"')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dtype = getattr(torch, a.dtype)

    x_train, t_train, x_test, t_test = (
        torch.from_numpy(v.reshape(-1, 784) if v.ndim == 2 else v) for v in read_mnist(a.data))
    x_train, x_test = x_train.to(dtype) / 255, x_test.to(dtype) / 255

    gen = torch.Generator().manual_seed(0)
    sizes = [784] + [a.hidden] * a.layers + [10]
    params = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        std = (2 / n_in) ** 0.5 if a.init == "he" else float(a.init)
        w = (std * torch.randn(n_in, n_out, generator=gen, dtype=dtype)).requires_grad_()
        params += [w, torch.zeros(n_out, dtype=dtype, requires_grad=True)]
    activation = torch.relu if a.activation == "relu" else torch.sigmoid

    def scores(x):
        for k in range(0, len(params) - 2, 2):
            x = activation(x @ params[k] + params[k + 1])
        return x @ params[-2] + params[-1]

    def accuracy(x, t):
        return (scores(x).argmax(dim=1) == t).to(torch.float64).mean().item()

    train_size, batch_size, lr = x_train.shape[0], a.batch, a.lr
    iter_per_epoch = max(train_size // batch_size, 1)
    test_acc = None
    start = time.perf_counter()
    for i in range(a.iters):
        batch = torch.randint(train_size, (batch_size,), generator=gen)
        x, t = x_train[batch], t_train[batch]
        loss = F.cross_entropy(scores(x), t)
        for p in params:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= lr * p.grad
            F.cross_entropy(scores(x), t).item()  # the book records the loss after each update
            if i % iter_per_epoch == 0:
                accuracy(x_train, t_train)
                test_acc = accuracy(x_test, t_test)
    if (a.iters - 1) % iter_per_epoch != 0:
        with torch.no_grad():
            # the final weights' accuracy, as scratchnet measures it, unless the last epoch did
            accuracy(x_train, t_train)
            test_acc = accuracy(x_test, t_test)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"pytorch {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": test_acc, "iters": a.iters}))


main()
