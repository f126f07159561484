"""The calibrated method: the additive judge-bias model, per connected component."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Mapping
from operator import mul

from judging.engine.ranking.inputs import CG_RELATIVE_TOLERANCE, DENSE_JUDGE_LIMIT, natural_key


def _components(totals: Mapping[tuple[str, str], float]) -> list[tuple[list[str], list[str]]]:
    """Connected components of the judge-entry graph as (entries, judges), each
    in natural order, numbered by their first entry."""
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(node: tuple[int, str]) -> tuple[int, str]:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for entry, judge in totals:
        a, b = (0, entry), (1, judge)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[tuple[int, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for node in parent:
        groups[find(node)][node[0]].append(node[1])
    found = [(sorted(entries, key=natural_key), sorted(judges, key=natural_key)) for entries, judges in groups.values()]
    return sorted(found, key=lambda group: natural_key(group[0][0]))


def _calibrate(
    totals: Mapping[tuple[str, str], float],
    components: list[tuple[list[str], list[str]]],
    ridge: float,
    warnings: list[str],
) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[float, float]]]:
    """The calibrated scores q_k, the judge biases b_j and the 90% intervals.

    Model, per connected component: x_jk = q_k + b_j + ε_jk with Σ_j b_j = 0,
    fitted by minimising

        Σ_(j,k) (x_jk - q_k - b_j)²  +  λ · Σ_j (b_j - m_j)²,   m_j = μ_j - μ̄,

    where μ_j is the mean of judge j's totals and μ̄ the mean of the μ_j. λ is
    in units of the residual variance s²: the penalty is a prior b_j ~ N(m_j,
    s²/λ), worth λ reviews; λ = 0 is the plain least-squares (fixed effects)
    fit, λ → ∞ just centres each judge's totals on μ̄.

    Why the shrinkage pulls b_j towards m_j and not towards 0: adding a constant
    c to all of judge j's totals must not change the ranking. It moves m_j by
    exactly c - c/J (μ̄ moves by c/J), so (q_k + c/J, b_j + c - c/J, b_i - c/J)
    has the same residuals and the same penalty as the old solution: the fit is
    exactly equivariant and every q_k of the judge's component moves by the
    same c/J (entries in other components, which nothing links, do not move:
    across components the order can change, hence the warning). With a penalty
    λ·Σ b_j² the judge's b_j absorbs only part of c (about n_j/(n_j + λ) of it)
    and the rest leaks into the q_k of that judge's entries, which can reorder
    them. m_j is also the natural prior: with a random assignment every judge
    sees entries of the same expected quality, so μ_j - μ̄ estimates b_j; the
    fit corrects it with the comparisons on shared entries.

    Solve: with y_jk = x_jk - μ_j, p_k = q_k - μ̄ and d_j = b_j - m_j the
    objective is Σ (y_jk - p_k - d_j)² + λ Σ d_j². For given d the best p_k is
    the mean of y_jk - d_j over the entry's reviews; eliminating p leaves the
    judges' normal equations S·d = g with S = L + λI, L_jj = n_j - Σ_(k∈j) 1/n_k,
    L_ji = -Σ_(k∈i∩j) 1/n_k and g_j = -Σ_(k∈j) ȳ_k. S is solved by conjugate
    gradients (sparse; exact after at most J steps, where alternating least
    squares — block Gauss-Seidel on the same equations — crawls on weakly linked
    designs); the solution is the fixed point of the alternating updates. S·1 =
    λ·1 and Σ_j g_j = 0, so the solution has Σ_j d_j = 0, i.e. Σ_j b_j = 0 (for
    λ = 0 the mean is subtracted).

    Interval: q_k ± t(0.95, df) · se_k with se_k² = s² · (1/n_k + a_kᵀ C a_k / n_k²),
    a_k the indicator of the entry's judges and C the covariance of d (in units
    of s²) restricted to Σ d = 0: C = (S + 11ᵀ)⁻¹ - 11ᵀ / (J (λ + J)), the
    posterior covariance under the prior above and a flat prior on q.
    s² = RSS / df pooled over the components, df = Σ (N - K - J + 1) (the
    unpenalised degrees of freedom, so s errs on the wide side). No interval
    when df ≤ 0 (warning ``interval_unavailable``). A component with more than
    DENSE_JUDGE_LIMIT judges uses the diagonal approximation C_jj ≈ 1/S_jj,
    C_ji ≈ 0 (warning ``interval_approximate``).
    """
    scores: dict[str, float] = {}
    bias: dict[str, float] = {}
    fits = []
    rss_total = 0.0
    df_total = 0
    component_of = {entry: n for n, (entries, _) in enumerate(components) for entry in entries}
    grouped: list[list[tuple[str, str, float]]] = [[] for _ in components]
    for (entry, judge), total in totals.items():  # natural order (see _read_scores)
        grouped[component_of[entry]].append((entry, judge, total))
    for (entries, judges), reviews in zip(components, grouped, strict=True):
        fit = _Fit(entries, judges, reviews, ridge)
        scores.update(zip(entries, fit.q, strict=True))
        bias.update(zip(judges, fit.b, strict=True))
        rss_total += fit.rss
        df_total += len(fit.y) - len(entries) - len(judges) + 1
        fits.append(fit)
    intervals: dict[str, tuple[float, float]] = {}
    if not components:
        return scores, bias, intervals
    if df_total <= 0:
        warnings.append("interval_unavailable")
        return scores, bias, intervals
    variance = rss_total / df_total
    t = student_t_95(df_total)
    approximate = False
    for fit in fits:
        approximate |= len(fit.judges) > DENSE_JUDGE_LIMIT
        for entry, q, spread in zip(fit.entries, fit.q, fit.standard_errors(variance), strict=True):
            intervals[entry] = (q - t * spread, q + t * spread)
    if approximate:
        warnings.append("interval_approximate")
    return scores, bias, intervals


class _Fit:
    """The calibrated fit of one connected component (see :func:`_calibrate`)."""

    def __init__(self, entries: list[str], judges: list[str], reviews: list[tuple[str, str, float]], ridge: float):
        self.entries, self.judges, self.ridge = entries, judges, ridge
        entry_index = {entry: k for k, entry in enumerate(entries)}
        judge_index = {judge: j for j, judge in enumerate(judges)}
        self.entry_judges: list[list[int]] = [[] for _ in entries]
        self.judge_entries: list[list[int]] = [[] for _ in judges]
        judge_totals: list[list[float]] = [[] for _ in judges]
        review_entry, review_judge, x = [], [], []
        for entry, judge, total in reviews:
            k, j = entry_index[entry], judge_index[judge]
            self.entry_judges[k].append(j)
            self.judge_entries[j].append(k)
            judge_totals[j].append(total)
            review_entry.append(k)
            review_judge.append(j)
            x.append(total)
        self.n_entry = [len(js) for js in self.entry_judges]
        judge_mean = [math.fsum(values) / len(values) for values in judge_totals]
        overall = math.fsum(judge_mean) / len(judges)
        self.y = [total - judge_mean[j] for total, j in zip(x, review_judge, strict=True)]
        entry_sums: list[list[float]] = [[] for _ in entries]
        for k, value in zip(review_entry, self.y, strict=True):
            entry_sums[k].append(value)
        y_bar = [math.fsum(values) / len(values) for values in entry_sums]
        g = [-sum(map(y_bar.__getitem__, ks)) for ks in self.judge_entries]
        d = self._solve(g)
        p = [y_bar[k] - sum(map(d.__getitem__, js)) / len(js) for k, js in enumerate(self.entry_judges)]
        self.q = [value + overall for value in p]
        self.b = [d[j] + judge_mean[j] - overall for j in range(len(judges))]
        self.rss = math.fsum(
            (value - p[k] - d[j]) ** 2 for value, k, j in zip(self.y, review_entry, review_judge, strict=True)
        )

    def _apply(self, v: list[float]) -> list[float]:
        """S·v without forming S."""
        per_entry = [sum(map(v.__getitem__, js)) / len(js) for js in self.entry_judges]
        return [
            (len(ks) + self.ridge) * v[j] - sum(map(per_entry.__getitem__, ks))
            for j, ks in enumerate(self.judge_entries)
        ]

    def _solve(self, g: list[float]) -> list[float]:
        """S·d = g by conjugate gradients; for λ = 0 (S singular along 1,
        g ⊥ 1) the iterates are kept orthogonal to 1."""
        size = len(g)
        d = [0.0] * size
        r = self._centred(g) if self.ridge == 0 else list(g)
        direction = list(r)
        rr = math.fsum(value * value for value in r)
        stop = (CG_RELATIVE_TOLERANCE**2) * rr
        for _ in range(2 * size + 20):
            if rr <= stop:
                break
            image = self._apply(direction)
            curvature = math.fsum(map(mul, direction, image))
            if curvature <= 0:  # only rounding noise left in the null space (λ = 0)
                break
            step = rr / curvature
            d = [a + step * b for a, b in zip(d, direction, strict=True)]
            r = [a - step * b for a, b in zip(r, image, strict=True)]
            if self.ridge == 0:
                r = self._centred(r)
            new_rr = math.fsum(value * value for value in r)
            direction = [a + (new_rr / rr) * b for a, b in zip(r, direction, strict=True)]
            rr = new_rr
        return self._centred(d)

    @staticmethod
    def _centred(values: list[float]) -> list[float]:
        shift = math.fsum(values) / len(values)
        return [value - shift for value in values]

    def standard_errors(self, variance: float) -> list[float]:
        """se_k of q_k for the residual variance s² (see :func:`_calibrate`)."""
        size, ridge = len(self.judges), self.ridge
        if size <= DENSE_JUDGE_LIMIT:
            covariance = self._covariance_within_entries()
            correction = 1 / (size * (ridge + size))
            quads = [
                math.fsum(covariance[a, b] for a in js for b in js) - len(js) ** 2 * correction
                for js in self.entry_judges
            ]
        else:
            diagonal = [len(ks) + ridge - math.fsum(1 / self.n_entry[k] for k in ks) for ks in self.judge_entries]
            quads = [math.fsum(1 / diagonal[j] for j in js if diagonal[j] > 0) for js in self.entry_judges]
        return [
            math.sqrt(variance * max(0.0, 1 / len(js) + quad / len(js) ** 2))
            for js, quad in zip(self.entry_judges, quads, strict=True)
        ]

    def _covariance_within_entries(self) -> dict[tuple[int, int], float]:
        """(S + 11ᵀ)⁻¹ at the judge pairs sharing an entry: a Cholesky factor
        L of S + 11ᵀ, the columns of L⁻¹, and (S + 11ᵀ)⁻¹_ab = column a · column b."""
        columns = self._inverse_columns(self._cholesky(self._augmented_matrix()))
        covariance: dict[tuple[int, int], float] = {}
        for js in self.entry_judges:
            for a in js:
                for b in js:
                    if (a, b) not in covariance:
                        low, high = min(a, b), max(a, b)
                        covariance[a, b] = covariance[b, a] = sum(map(mul, columns[low][high - low :], columns[high]))
        return covariance

    def _augmented_matrix(self) -> list[list[float]]:
        """S + 11ᵀ, dense (S alone is singular along 1 for λ = 0)."""
        size = len(self.judges)
        matrix = [[1.0] * size for _ in range(size)]
        for j, ks in enumerate(self.judge_entries):
            matrix[j][j] += len(ks) + self.ridge
        for js in self.entry_judges:
            weight = 1 / len(js)
            for a in js:
                row = matrix[a]
                for b in js:
                    row[b] -= weight
        return matrix

    @staticmethod
    def _cholesky(matrix: list[list[float]]) -> list[list[float]]:
        """The lower Cholesky factor L of a symmetric positive definite matrix: row i holds L[i][0..i]."""
        factor: list[list[float]] = []
        for i, row in enumerate(matrix):
            current: list[float] = []
            for j in range(i):
                other = factor[j]
                current.append((row[j] - sum(map(mul, current, other))) / other[j])
            current.append(math.sqrt(row[i] - sum(map(mul, current, current))))
            factor.append(current)
        return factor

    @staticmethod
    def _inverse_columns(factor: list[list[float]]) -> list[list[float]]:
        """The columns of L⁻¹ by forward substitution: column c holds rows c.. (L⁻¹ is lower triangular)."""
        size = len(factor)
        columns: list[list[float]] = []
        for c in range(size):
            column = [1 / factor[c][c]]
            for i in range(c + 1, size):
                row = factor[i]
                column.append(-sum(map(mul, row[c:i], column)) / row[i])
            columns.append(column)
        return columns


def student_t_95(df: int) -> float:
    """The 95th percentile of Student's t with ``df`` degrees of freedom (the
    half-width factor of a 90% interval): exact for 1 and 2, otherwise the
    Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5; error below 0.001 at
    3, 2·10⁻⁵ at 10)."""
    if df == 1:
        return math.tan(math.pi * 0.45)
    if df == 2:
        return 0.9 / math.sqrt(2 * 0.95 * 0.05)
    z = statistics.NormalDist().inv_cdf(0.95)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
