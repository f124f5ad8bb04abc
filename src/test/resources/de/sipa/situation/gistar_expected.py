"""
Expected values for GetisOrdTests, computed three ways:

1. PySAL's own code: esda.G_Local(star=True, transform='B') with libpysal's queen lattice weights (lat2W, rook=False)
   and, for a grid with cells left out, a W built from the queen neighbours among the analysed cells. The sources are
   pysal/esda at 11450be and pysal/libpysal at 300dc173 (the packages are not installed here; their optional
   imports - shapely, pandas, numba ... - are stubbed, which G_Local's computation does not use).
2. The issue's formula written out in numpy (independent of esda).
3. The published example in esda's G_Local docstring (six points, DistanceBand(threshold=15), y = [2, 3, 3.2, 5, 8, 7],
   star=True, transform='B'): Zs = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331].

p is two-sided from the normal distribution (esda's p_norm is one-sided: p = 2 * p_norm), p_fdr is scipy's
Benjamini-Hochberg (scipy.stats.false_discovery_control, method='bh').

Run (from a directory holding esda/ and libpysal/ from `git archive` of those commits):
    python3 src/test/resources/de/sipa/situation/gistar_expected.py [path-to-that-directory]
Without the directory only 2. and 3. are computed.
"""
import sys
import types

import numpy as np
from scipy import stats

GRID = np.array([  # row 0 is the southern row; cell id = row * 5 + column, as libpysal's lat2W numbers them
    [0, 1, 0, 2, 0],
    [1, 0, 3, 1, 0],
    [0, 2, 9, 7, 1],
    [0, 1, 6, 8, 2],
    [1, 0, 1, 2, 0],
], dtype=float)

# An L-shaped area: cells marked 0 have their centre outside every district and take no part.
MASK = np.array([
    [1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1],
    [1, 1, 1, 0, 0],
    [1, 1, 1, 0, 0],
    [1, 1, 1, 0, 0],
], dtype=bool)


def queen_neighbours(mask):
    """Queen neighbours among the analysed cells (self excluded), keyed by analysed index in row-major order."""
    rows, cols = mask.shape
    index = -np.ones(mask.shape, dtype=int)
    index[mask] = np.arange(mask.sum())
    neighbours = {}
    for r in range(rows):
        for c in range(cols):
            if not mask[r, c]:
                continue
            found = []
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if (dr or dc) and 0 <= rr < rows and 0 <= cc < cols and mask[rr, cc]:
                        found.append(int(index[rr, cc]))
            neighbours[int(index[r, c])] = found
    return neighbours


def gi_star(x, neighbours):
    """The issue's formula: binary weights over the cell and its neighbours, the cell itself included."""
    n = len(x)
    mean = x.mean()
    s = np.sqrt((x ** 2).mean() - mean ** 2)
    z = np.empty(n)
    for i in range(n):
        members = [i] + neighbours[i]
        w_sum = len(members)
        w_sq = len(members)
        z[i] = (x[members].sum() - mean * w_sum) / (s * np.sqrt((n * w_sq - w_sum ** 2) / (n - 1)))
    return z


def esda_gi_star(x, neighbours, directory):
    from unittest import mock
    import importlib.abc
    import importlib.machinery

    stubbed = {'shapely', 'pandas', 'geopandas', 'sklearn', 'numba', 'platformdirs', 'requests', 'bs4',
               'packaging', 'jinja2', 'matplotlib', 'networkx', 'pyproj', 'fiona'}

    class Stubber(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path, target=None):
            if name.split('.')[0] in stubbed:
                return importlib.machinery.ModuleSpec(name, self, is_package=True)

        def create_module(self, spec):
            module = mock.MagicMock(name=spec.name)
            module.__path__, module.__spec__, module.__name__, module.__version__ = [], spec, spec.name, '2.0.0'
            return module

        def exec_module(self, module):
            pass

    sys.meta_path.append(Stubber())
    sys.path.insert(0, directory)
    package = types.ModuleType('esda')  # esda/__init__ pulls in scikit-learn; getisord.py alone needs libpysal
    package.__path__ = [directory + '/esda']
    sys.modules['esda'] = package
    from esda.getisord import G_Local
    import libpysal
    w = libpysal.weights.W(neighbours)
    return G_Local(x, w, transform='B', star=True, permutations=0).Zs


def show(name, z):
    p = 2 * stats.norm.sf(np.abs(z))
    p_fdr = stats.false_discovery_control(p, method='bh')
    print(name)
    print('z     =', ', '.join('%.10f' % v for v in z))
    print('p     =', ', '.join('%.10e' % v for v in p))
    print('p_fdr =', ', '.join('%.10e' % v for v in p_fdr))


def main():
    full = np.ones(GRID.shape, dtype=bool)
    cases = [('5x5 grid, all cells', GRID[full], queen_neighbours(full)),
             ('5x5 grid, L-shaped area', GRID[MASK], queen_neighbours(MASK))]
    for name, x, neighbours in cases:
        z = gi_star(x, neighbours)
        if len(sys.argv) > 1:
            z_esda = esda_gi_star(x, neighbours, sys.argv[1])
            print('%s: largest difference numpy vs. esda %.2e' % (name, np.abs(z - z_esda).max()))
            z = z_esda
        show(name, z)
    # The published example (esda's docstring): neighbours within distance 15 of each point.
    points = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)
    y = np.array([2, 3, 3.2, 5, 8, 7])
    distances = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    band = {i: [j for j in range(6) if j != i and distances[i, j] <= 15] for i in range(6)}
    show('esda docstring example', gi_star(y, band))
    print('neighbours', band)


main()
