"""The book's chapter-7 job in PyTorch (eager, autograd), the way a PyTorch user writes it: the
same SimpleConvNet, batches, update and evaluations as train_convnet_numpy.py.

    python3 train_convnet_torch.py --data DIR [--dtype float32|float64] [--iters 600] [--threads 2]

Weights std 0.01 · N(0, 1), biases 0; Adam(lr=0.001) with the book's ε = 1e-7 (PyTorch's Adam
divides by √v̂ + ε where the book divides by √v + ε; the same but for ε's scale). Each epoch's
accuracy on the first 1,000 train and test images, the final weights' on all 70,000. Prints one
JSON line: {"impl", "dtype", "seconds", "final_test_acc", "iters"}. The seconds cover the
training loop and its evaluations, not `import torch`, start-up or loading.

Differences from the book, all in PyTorch's favour: the loss is `F.cross_entropy` (log-softmax,
without the book's 1e-7), accuracy skips the softmax, the extra loss after each update and the
evaluations run under `torch.no_grad()`, the convolution and pooling are PyTorch's own kernels.
"""
import argparse
import json
import os
import time

import torch
import torch.nn.functional as F

from mnist_idx import read_mnist

EVAL_SAMPLES = 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--iters", type=int, default=600)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--batch", type=int, default=100)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dtype = getattr(torch, a.dtype)

    x_train, t_train, x_test, t_test = (
        torch.from_numpy(v.reshape(-1, 1, 28, 28) if v.ndim == 2 else v) for v in read_mnist(a.data))
    x_train, x_test = x_train.to(dtype) / 255, x_test.to(dtype) / 255

    gen = torch.Generator().manual_seed(0)

    def weights(*shape):
        return (0.01 * torch.randn(*shape, generator=gen, dtype=dtype)).requires_grad_()

    def zeros(n):
        return torch.zeros(n, dtype=dtype, requires_grad=True)

    w1, b1 = weights(30, 1, 5, 5), zeros(30)
    w2, b2 = weights(30 * 12 * 12, 100), zeros(100)
    w3, b3 = weights(100, 10), zeros(10)
    params = [w1, b1, w2, b2, w3, b3]
    adam = torch.optim.Adam(params, lr=0.001, eps=1e-7)

    def scores(x):
        x = F.max_pool2d(torch.relu(F.conv2d(x, w1, b1)), 2, 2)
        return torch.relu(x.flatten(1) @ w2 + b2) @ w3 + b3

    def accuracy(x, t, batch=100):
        right = 0
        for k in range(0, len(x), batch):
            right += (scores(x[k:k + batch]).argmax(dim=1) == t[k:k + batch]).sum().item()
        return right / len(x)

    train_size, batch_size = x_train.shape[0], a.batch
    iter_per_epoch = max(train_size // batch_size, 1)
    start = time.perf_counter()
    for i in range(a.iters):
        batch = torch.randint(train_size, (batch_size,), generator=gen)
        x, t = x_train[batch], t_train[batch]
        loss = F.cross_entropy(scores(x), t)
        adam.zero_grad(set_to_none=True)
        loss.backward()
        adam.step()
        with torch.no_grad():
            F.cross_entropy(scores(x), t).item()  # the book records the loss after each update
            if i % iter_per_epoch == 0:
                accuracy(x_train[:EVAL_SAMPLES], t_train[:EVAL_SAMPLES])
                accuracy(x_test[:EVAL_SAMPLES], t_test[:EVAL_SAMPLES])
    with torch.no_grad():
        accuracy(x_train, t_train)
        test_acc = accuracy(x_test, t_test)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"pytorch {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": test_acc, "iters": a.iters}))


main()
