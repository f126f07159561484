"""The calibrated method: judges who differ in bias and in scale, per connected component.

Model, per connected component of the judge-entry graph: judge j's total of
entry k is x_jk = μ_j + s_j·z_jk, where μ_j and s_j are the mean and the
(population) standard deviation of the judge's totals, and

    z_jk = α_j + γ_j·q_k + ε_jk,    ε ~ N(0, σ²),    γ_j = exp(η_j) > 0,

a bias α_j and a gain γ_j per judge on the judge's own standard scale. It is
fitted by minimising

    Σ_(j,k) (z_jk - α_j - γ_j·q_k)²  +  λ·Σ_j α_j²  +  λ·Σ_(j free) η_j²,

so the bias shrinks towards the judge's own mean (α_j = 0) and the gain towards
the judge's own spread (γ_j = 1; on the log scale, so twice as wide and half
as wide weigh alike), as the additive model shrinks each bias towards the
judge's own mean offset. λ is worth λ reviews. Gains are positive: a judge
whose totals run against the others' gets a small gain (little weight), never
a negative one, and the fit cannot escape to q → ∞ with gains → 0 (the
penalty on log γ grows without bound there). Why standardise first: a
positive affine change x → c·x + d (c > 0) of one judge's totals leaves that
judge's z_jk exactly as they were, so the fit, and with it the ranking, cannot
change. (Shrinking gains towards 1 on the raw totals, or weighting the judges'
residuals equally in points, would let one judge's choice of scale move the
order.) A judge with fewer than MIN_GAIN_REVIEWS reviews, or whose totals are
all equal, keeps γ_j = 1 on the component's common scale s̄ (warning
``gain_few_reviews:<judge>`` or ``gain_no_spread:<judge>``); the invariance
then holds for changes of the other judges' totals.

Reported in points: score_k = μ̄ + s̄·q_k, with μ̄ the mean of the judges' μ_j
and s̄ the geometric mean of the free judges' s_j (the population standard
deviation of all the component's totals when no judge is free): what the
component's typical judge would give. Per judge, ``bias`` = μ_j + s_j·α_j - μ̄
(the judge's total for an entry the typical judge scores μ̄, minus μ̄) and
``gain`` = s_j·γ_j / s̄ (points the judge moves per point of the typical judge).

Fit: Gauss-Newton on (q, α, η) with a backtracking line search, from q_k =
the mean of the entry's z_jk, α = 0, η = 0. The normal equations' block for
q is diagonal (D_k = Σ_j γ_j²), so q is eliminated and the judges' Schur
complement S = C - Bᵀ D⁻¹ B (size J + free judges) is solved, dense when it
is small (DENSE_PARAMETER_LIMIT) and as a sparse factorisation otherwise.
λ must be above 0: the penalties also fix the location (q + β, α - γ·β) and
the scale (ρ·q, γ / ρ) that the data leave free, and without them a judge's
gain can run off to 0 or to infinity (the additive model accepts λ = 0).

Interval: the Laplace approximation σ²·H⁻¹ (H the Gauss-Newton Hessian with
the penalties at the optimum) taken for the entry's standardised position
u_k = (q_k - q̄) / sd(q) — invariant to the location and scale the penalties
only softly fix, so that what no data decide does not widen every interval —
by the delta method, and mapped back to points:
score_k ± t(0.95, df)·s̄·sd(q)·se(u_k). σ² = RSS / df pooled over the
components with df > 0, df = N - K - J - F + gauges per component, F free
judges and gauges = 1 (location) + 1 (scale, when every judge is free). No
interval when no component has df > 0 (warning ``interval_unavailable``). With
more than DENSE_PARAMETER_LIMIT parameters S⁻¹ is approximated by the inverse
of its diagonal (``interval_approximate``), which can only understate the
judges' part of the variance: those intervals lean narrow.

The objective is not convex: on designs where the judges' totals are close
to noise another local minimum can exist; the fit is the one reached from the
start above, deterministically. On panels with signal (the simulation in
simulation.py) none was found.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import linalg as dense_linalg
from scipy import sparse
from scipy.sparse import linalg as sparse_linalg

from judging.engine.ranking.calibration import student_t_95

# A gain needs this many reviews; with fewer the judge keeps the common scale.
MIN_GAIN_REVIEWS = 5
# Judge parameters (biases + gains) up to which S is dense and the interval exact.
DENSE_PARAMETER_LIMIT = 2400
MAX_ITERATIONS = 200
STEP_TOLERANCE = 1e-12
# A promised decrease of the objective below this share of it is rounding noise.
ROUNDING = 1e-14


@dataclass
class ScaledFit:
    """The fitted model of every component, in points (see the module docstring)."""

    scores: dict[str, float]
    bias: dict[str, float]
    gain: dict[str, float]
    intervals: dict[str, tuple[float, float]]


def calibrate_scaled(
    totals: Mapping[tuple[str, str], float],
    components: list[tuple[list[str], list[str]]],
    ridge: float,
    warnings: list[str],
) -> ScaledFit:
    """The bias-and-gain model of each component (``components`` as ranking's
    ``_components`` gives them), with the 90% intervals."""
    fit = ScaledFit({}, {}, {}, {})
    if not components:
        return fit
    component_of = {entry: n for n, (entries, _) in enumerate(components) for entry in entries}
    grouped: list[list[tuple[str, str, float]]] = [[] for _ in components]
    for (entry, judge), total in totals.items():  # natural order
        grouped[component_of[entry]].append((entry, judge, total))
    parts = [
        _Component(entries, judges, reviews, ridge, warnings)
        for (entries, judges), reviews in zip(components, grouped, strict=True)
    ]
    for part in parts:
        fit.scores.update(zip(part.entries, part.points.tolist(), strict=True))
        fit.bias.update(zip(part.judges, part.bias.tolist(), strict=True))
        fit.gain.update(zip(part.judges, part.gain.tolist(), strict=True))
    # σ² pooled over the components that have residual degrees of freedom: one that has none (a tree-like
    # design fits its totals exactly) adds nothing to the estimate and takes nothing from it.
    pooled = [part for part in parts if part.df > 0]
    df = sum(part.df for part in pooled)
    if df <= 0:
        warnings.append("interval_unavailable")
        return fit
    variance = math.fsum(part.rss for part in pooled) / df
    t = student_t_95(df)
    approximate = False
    for part in parts:
        spread, exact = part.standard_errors(variance)
        approximate |= not exact
        for entry, score, se in zip(part.entries, part.points.tolist(), spread.tolist(), strict=True):
            fit.intervals[entry] = (score - t * se, score + t * se)
    if approximate:
        warnings.append("interval_approximate")
    return fit


class _Component:
    """The fit of one connected component."""

    def __init__(
        self,
        entries: list[str],
        judges: list[str],
        reviews: list[tuple[str, str, float]],
        ridge: float,
        warnings: list[str],
    ) -> None:
        self.entries, self.judges, self.ridge = entries, judges, ridge
        entry_index = {entry: k for k, entry in enumerate(entries)}
        judge_index = {judge: j for j, judge in enumerate(judges)}
        self.ent = np.fromiter((entry_index[e] for e, _, _ in reviews), dtype=np.int64, count=len(reviews))
        self.jud = np.fromiter((judge_index[j] for _, j, _ in reviews), dtype=np.int64, count=len(reviews))
        x = np.fromiter((total for _, _, total in reviews), dtype=float, count=len(reviews))
        n_judges, n_entries = len(judges), len(entries)
        counts = np.bincount(self.jud, minlength=n_judges).astype(float)
        centre = np.bincount(self.jud, x, n_judges) / counts
        spread = np.sqrt(np.maximum(np.bincount(self.jud, (x - centre[self.jud]) ** 2, n_judges) / counts, 0.0))
        free = (counts >= MIN_GAIN_REVIEWS) & (spread > 1e-9 * (1 + np.abs(centre)))
        for j, judge in enumerate(judges):
            if counts[j] < MIN_GAIN_REVIEWS:
                warnings.append(f"gain_few_reviews:{judge}")
            elif not free[j]:
                warnings.append(f"gain_no_spread:{judge}")
        common = float(np.exp(np.mean(np.log(spread[free])))) if free.any() else float(np.std(x))
        common = common if common > 0 else 1.0
        scale = np.where(free, spread, common)
        self.z = (x - centre[self.jud]) / scale[self.jud]
        self.free = np.flatnonzero(free)
        self.gamma_column = np.full(n_judges, -1, dtype=np.int64)
        self.gamma_column[self.free] = n_judges + np.arange(len(self.free))
        self.n_parameters = n_judges + len(self.free)
        self.n_entries = n_entries
        self.free_scale = len(self.free) == n_judges  # only then is the scale (ρ·q, γ / ρ) left to the penalty
        self.q = np.bincount(self.ent, self.z, n_entries) / np.bincount(self.ent, minlength=n_entries)
        self.alpha = np.zeros(n_judges)
        self.gamma = np.ones(n_judges)
        self._solve()
        level = float(np.mean(centre))
        self.common = common
        self.points = level + common * self.q
        self.bias = centre + scale * self.alpha - level
        self.gain = scale * self.gamma / common
        residual = self.z - self.alpha[self.jud] - self.gamma[self.jud] * self.q[self.ent]
        self.rss = float(np.dot(residual, residual))
        self.df = len(reviews) - n_entries - self.n_parameters + 1 + int(self.free_scale)

    # --- the fit -----------------------------------------------------------------

    def _objective(self, q: np.ndarray, alpha: np.ndarray, gamma: np.ndarray) -> float:
        residual = self.z - alpha[self.jud] - gamma[self.jud] * q[self.ent]
        log_gain = np.log(gamma[self.free])
        return float(np.dot(residual, residual)) + self.ridge * (
            float(np.dot(alpha, alpha)) + float(np.dot(log_gain, log_gain))
        )

    def _system(
        self, newton: bool = False
    ) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray | sparse.csc_matrix, np.ndarray, np.ndarray]:
        """D, B, S and the right-hand sides (q and judge parts) of the Gauss-Newton step at the current point
        (``newton``: with the residuals' second-order terms, the exact Hessian)."""
        n_judges, ridge = len(self.judges), self.ridge
        g = self.gamma[self.jud]
        q = self.q[self.ent]
        residual = self.z - self.alpha[self.jud] - g * q
        d = np.maximum(np.bincount(self.ent, g * g, self.n_entries), 1e-12)
        rhs_q = np.bincount(self.ent, g * residual, self.n_entries)
        rhs_p = np.zeros(self.n_parameters)
        rhs_p[:n_judges] = np.bincount(self.jud, residual, n_judges) - ridge * self.alpha
        # d prediction / d η_j = γ_j·q_k
        gq = g * q
        gain_sums = np.bincount(self.jud, gq * residual, n_judges)
        rhs_p[n_judges:] = gain_sums[self.free] - ridge * np.log(self.gamma[self.free])
        has_gain = self.gamma_column[self.jud] >= 0
        rows = np.concatenate([self.ent, self.ent[has_gain]])
        columns = np.concatenate([self.jud, self.gamma_column[self.jud][has_gain]])
        cross = g * gq - residual * g if newton else g * gq
        values = np.concatenate([g, cross[has_gain]])
        b = sparse.csr_matrix((values, (rows, columns)), shape=(self.n_entries, self.n_parameters))
        counts = np.bincount(self.jud, minlength=n_judges).astype(float)
        q_sum = np.bincount(self.jud, gq, n_judges)
        q_squares = np.bincount(self.jud, gq * gq - (residual * gq if newton else 0.0), n_judges)
        free_columns = self.gamma_column[self.free]
        c_rows = np.concatenate([np.arange(n_judges), free_columns, self.free, free_columns])
        c_columns = np.concatenate([np.arange(n_judges), free_columns, free_columns, self.free])
        c_values = np.concatenate([counts + ridge, q_squares[self.free] + ridge, q_sum[self.free], q_sum[self.free]])
        c = sparse.csr_matrix((c_values, (c_rows, c_columns)), shape=(self.n_parameters,) * 2)
        scaled = sparse.diags(1 / np.sqrt(d)) @ b
        schur = (c - scaled.T @ scaled).tocsc()
        if self.n_parameters <= DENSE_PARAMETER_LIMIT:
            schur = schur.toarray()
        return d, b, schur, rhs_q, rhs_p

    @staticmethod
    def _solve_linear(schur: np.ndarray | sparse.csc_matrix, rhs: np.ndarray, *, definite: bool) -> np.ndarray | None:
        """S⁻¹·rhs: a dense S by its Cholesky factor (None when it is not positive definite and ``definite`` is
        asked for, else by LU), a sparse one by a sparse LU factorisation."""
        if not isinstance(schur, np.ndarray):
            return np.asarray(sparse_linalg.spsolve(schur, rhs))
        try:
            return np.asarray(dense_linalg.cho_solve(dense_linalg.cho_factor(schur), rhs))
        except np.linalg.LinAlgError:
            return None if definite else np.linalg.solve(schur, rhs)

    def _step(self, newton: bool) -> tuple[np.ndarray, np.ndarray, float] | None:
        """The (q, judge) step and the objective's decrease it promises (None for a Newton step when the exact
        Hessian is not positive definite or the step does not go down)."""
        d, b, schur, rhs_q, rhs_p = self._system(newton)
        step_p = self._solve_linear(schur, rhs_p - b.T @ (rhs_q / d), definite=newton)
        if step_p is None:
            return None
        step_q = (rhs_q - b @ step_p) / d
        promise = float(step_q @ rhs_q + step_p @ rhs_p)
        if newton and not promise > 0:
            return None
        return step_q, step_p, promise

    def _solve(self) -> None:
        """Gauss-Newton steps, then exact Newton steps once they are safe (positive definite and decreasing):
        Gauss-Newton alone crawls where the residuals are large."""
        n_judges = len(self.judges)
        current = self._objective(self.q, self.alpha, self.gamma)
        for iteration in range(MAX_ITERATIONS):
            found = self._step(newton=iteration >= 2)
            if found is None:
                found = self._step(newton=False)
            assert found is not None
            step_q, step_p, promise = found
            step_alpha = step_p[:n_judges]
            step_eta = np.zeros(n_judges)
            step_eta[self.free] = step_p[n_judges:]
            if promise <= ROUNDING * (1 + current):
                # What is left to gain is below the objective's rounding, so it cannot be line-searched:
                # take the last Newton step as it is (it only polishes the digits) and stop.
                self.q, self.alpha, self.gamma = self.q + step_q, self.alpha + step_alpha, self.gamma * np.exp(step_eta)
                break
            size = 1.0
            while True:
                q = self.q + size * step_q
                alpha = self.alpha + size * step_alpha
                with np.errstate(all="ignore"):  # a trial step too far: rejected below
                    gamma = self.gamma * np.exp(size * step_eta)
                    value = self._objective(q, alpha, gamma)
                value = value if math.isfinite(value) else math.inf
                if value <= current or size < 1e-10:
                    break
                size /= 2
            if value > current:  # no step decreases it: the optimum to rounding
                break
            self.q, self.alpha, self.gamma, current = q, alpha, gamma, value
            largest = size * max(float(np.max(np.abs(step_q), initial=0)), float(np.max(np.abs(step_p), initial=0)))
            if largest <= STEP_TOLERANCE * (1 + float(np.max(np.abs(self.q), initial=0))):
                break

    # --- the interval ------------------------------------------------------------

    def standard_errors(self, variance: float) -> tuple[np.ndarray, bool]:
        """se of each entry's score in points for the residual variance σ² (in z units), and whether S⁻¹ was exact."""
        d, b, schur, _, _ = self._system()
        exact = isinstance(schur, np.ndarray)
        weights = (sparse.diags(1 / d) @ b).tocsr()
        if exact:
            try:
                inverse = dense_linalg.cho_solve(dense_linalg.cho_factor(schur), np.eye(len(schur)))
            except np.linalg.LinAlgError:
                inverse = np.linalg.inv(schur)
            weights.sort_indices()
            counts = np.diff(weights.indptr)
            row = np.repeat(np.arange(self.n_entries), counts)
            per = counts[row]
            left = np.repeat(np.arange(weights.nnz), per)
            starts = np.repeat(np.cumsum(per) - per, per)
            right = weights.indptr[row[left]] + (np.arange(len(left)) - starts)
            cols, vals = weights.indices, weights.data
            pairs = vals[left] * vals[right] * inverse[cols[left], cols[right]]
            diagonal = 1 / d + np.bincount(row[left], pairs, self.n_entries)

            def times(vector: np.ndarray) -> np.ndarray:
                return vector / d + weights @ (inverse @ (weights.T @ vector))
        else:
            inverse_diagonal = 1 / schur.diagonal()
            squared = weights.multiply(weights)
            diagonal = 1 / d + squared @ inverse_diagonal

            def times(vector: np.ndarray) -> np.ndarray:
                return vector / d + weights @ (inverse_diagonal * (weights.T @ vector))

        size = self.n_entries
        spread = float(np.std(self.q))
        if spread > 0 and size > 1:
            u = (self.q - float(np.mean(self.q))) / spread
            a = np.full(size, 1 / size)
            bvec = u / size
            sa, sb = times(a), times(bvec)
            quad = diagonal - 2 * sa - 2 * u * sb + float(a @ sa) + 2 * u * float(a @ sb) + u * u * float(bvec @ sb)
        else:
            quad = diagonal
        return self.common * np.sqrt(variance * np.maximum(quad, 0.0)), exact
