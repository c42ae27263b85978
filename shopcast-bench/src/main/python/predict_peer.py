#!/usr/bin/env python3
"""Python peer for Shopcast's classifiers (scikit-learn + xgboost, Debian packages).

Usage: /usr/bin/python3 predict_peer.py DIR
       /usr/bin/python3 predict_peer.py bgnbd SUMMARY.csv
       /usr/bin/python3 predict_peer.py xgb-scale DIR ROUNDS
DIR holds train.csv, valid.csv and test.csv exported by org.shopcast.bench.ShoppersEvaluation:
a header of feature names then "label", one row per example, label 0/1.

Mirrors the Java side: logistic regression on sign(x)*log1p(|x|) standardised with the training
mean and population standard deviation, L2 with C = 1 (= Shopcast's lambda 1: both minimise
0.5*||w||^2 + sum of log losses, intercept unpenalised); XGBClassifier with the same
parameters as XgbClassifier.Options() (eta 0.05, depth 4, subsample/colsample 0.8,
min_child_weight 5, lambda 1, tree_method hist (the XGBoost 3 default
that XGBoost4J uses), at most 400 rounds, early stopping after 30 on validation
log loss, seed 42, one thread). The F1 threshold is the best-F1 cut on the validation rows.
Prints one JSON object per model on stdout.

The scale modes (org.shopcast.bench.PredictScale): "bgnbd" fits the BG/NBD model (Fader, Hardie
& Lee 2005, eq. 6) to a summary CSV (x, t_x, T) by scipy.optimize.minimize Nelder-Mead on the log
parameters, the vectorised log-likelihood with log-sum-exp, starting at (1, 1, 1, 1) like
Shopcast; "xgb-scale" trains XGBClassifier (same parameters as above, ROUNDS rounds at most) on
DIR/train.csv with early stopping on DIR/valid.csv and prints the validation AUC. Reading the
CSV (pandas) is outside the timed fit.
"""
import json
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score
import xgboost
from xgboost import XGBClassifier


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return data[:, :-1], data[:, -1].astype(int)


def best_f1_threshold(p, y):
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    positives = ys.sum()
    # only cut where the next score differs (ties go together)
    last = np.r_[ps[1:] != ps[:-1], True]
    f1 = np.where(last, 2 * tp / (k + positives), -1)
    return ps[int(np.argmax(f1))]


def report(name, p_valid, y_valid, p_test, y_test, seconds, **extra):
    t = best_f1_threshold(p_valid, y_valid)
    out = {
        "name": name,
        "auc": roc_auc_score(y_test, p_test),
        "prAuc": average_precision_score(y_test, p_test),
        "f1": f1_score(y_test, (p_test >= t).astype(int)),
        "logLoss": log_loss(y_test, np.clip(p_test, 1e-15, 1 - 1e-15)),
        "threshold": float(t),
        "trainSeconds": seconds,
    }
    out.update(extra)
    print(json.dumps(out))


def bgnbd(path):
    import pandas as pd
    from scipy.optimize import minimize
    from scipy.special import betaln, gammaln

    data = pd.read_csv(path)
    x = data["x"].to_numpy(dtype=float)
    tx = data["t_x"].to_numpy(dtype=float)
    age = data["T"].to_numpy(dtype=float)
    repeat = x > 0

    def negative_ll(log_params):
        r, alpha, a, b = np.exp(log_params)
        head = (gammaln(r + x) - gammaln(r) + r * np.log(alpha)
                + betaln(a, b + x) - betaln(a, b))
        late = -(r + x) * np.log(alpha + age)
        early = np.where(repeat, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                         - (r + x) * np.log(alpha + tx), -np.inf)
        return -np.sum(head + np.logaddexp(late, early))

    start = time.perf_counter()
    result = minimize(negative_ll, np.zeros(4), method="Nelder-Mead",
                      options={"maxiter": 20000, "maxfev": 20000, "xatol": 1e-8, "fatol": 1e-8})
    seconds = time.perf_counter() - start
    r, alpha, a, b = np.exp(result.x)
    print(json.dumps({"name": "scipy-bgnbd", "fitSeconds": seconds, "r": r, "alpha": alpha,
                      "a": a, "b": b, "logLikelihood": -result.fun, "customers": int(len(x)),
                      "evaluations": int(result.nfev)}))


def xgb_scale(d, rounds):
    import pandas as pd

    train = pd.read_csv(d + "/train.csv").to_numpy(dtype=np.float32)
    valid = pd.read_csv(d + "/valid.csv").to_numpy(dtype=np.float32)
    xtr, ytr = train[:, :-1], train[:, -1].astype(int)
    xva, yva = valid[:, :-1], valid[:, -1].astype(int)
    del train, valid
    start = time.perf_counter()
    xgb = XGBClassifier(n_estimators=rounds, learning_rate=0.05, max_depth=4, subsample=0.8,
                        colsample_bytree=0.8, min_child_weight=5, reg_lambda=1.0,
                        objective="binary:logistic", eval_metric="logloss",
                        early_stopping_rounds=30, random_state=42, n_jobs=1, tree_method="hist")
    xgb.fit(xtr, ytr, eval_set=[(xva, yva)], verbose=False)
    seconds = time.perf_counter() - start
    limit = (0, xgb.best_iteration + 1)
    auc = roc_auc_score(yva, xgb.predict_proba(xva, iteration_range=limit)[:, 1])
    print(json.dumps({"name": "python-xgboost", "fitSeconds": seconds, "validAuc": auc,
                      "trees": xgb.best_iteration + 1, "rows": int(len(ytr)),
                      "version": xgboost.__version__}))


def main():
    if sys.argv[1] == "bgnbd":
        bgnbd(sys.argv[2])
        return
    if sys.argv[1] == "xgb-scale":
        xgb_scale(sys.argv[2], int(sys.argv[3]))
        return
    d = sys.argv[1]
    xtr, ytr = load(d + "/train.csv")
    xva, yva = load(d + "/valid.csv")
    xte, yte = load(d + "/test.csv")

    start = time.perf_counter()
    f = lambda x: np.sign(x) * np.log1p(np.abs(x))
    mean = f(xtr).mean(axis=0)
    sd = f(xtr).std(axis=0)
    sd[sd <= 1e-12] = 1
    z = lambda x: (f(x) - mean) / sd
    lr = LogisticRegression(C=1.0, max_iter=1000).fit(z(xtr), ytr)
    seconds = time.perf_counter() - start
    report("sklearn-logistic", lr.predict_proba(z(xva))[:, 1], yva,
           lr.predict_proba(z(xte))[:, 1], yte, seconds)

    start = time.perf_counter()
    xgb = XGBClassifier(n_estimators=400, learning_rate=0.05, max_depth=4, subsample=0.8,
                        colsample_bytree=0.8, min_child_weight=5, reg_lambda=1.0,
                        objective="binary:logistic", eval_metric="logloss",
                        early_stopping_rounds=30, random_state=42, n_jobs=1, tree_method="hist")
    xgb.fit(xtr, ytr, eval_set=[(xva, yva)], verbose=False)
    seconds = time.perf_counter() - start
    limit = (0, xgb.best_iteration + 1)
    report("python-xgboost", xgb.predict_proba(xva, iteration_range=limit)[:, 1], yva,
           xgb.predict_proba(xte, iteration_range=limit)[:, 1], yte, seconds,
           trees=xgb.best_iteration + 1, version=xgboost.__version__)


if __name__ == "__main__":
    main()
