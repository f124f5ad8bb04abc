"""
Expected UTM coordinates for UtmProjectionTests, computed independently of the Java code (Krüger's series there):
Snyder's series for the transverse Mercator ("Map Projections - A Working Manual", USGS Professional Paper 1395,
1987, equations 8-9 to 8-11, pp. 60-61), with the meridian arc M checked by numerical integration of the radius of
curvature (scipy.integrate.quad). Snyder's series is accurate to a few millimetres within a few degrees of the
central meridian, which is where the test points lie.

Run: python3 src/test/resources/de/sipa/situation/utm_expected.py
"""
import math

from scipy.integrate import quad

A = 6378137.0
F = 1 / 298.257223563
E2 = 2 * F - F * F
EP2 = E2 / (1 - E2)
K0 = 0.9996


def meridian_arc(phi):
    series = A * ((1 - E2 / 4 - 3 * E2 ** 2 / 64 - 5 * E2 ** 3 / 256) * phi
                  - (3 * E2 / 8 + 3 * E2 ** 2 / 32 + 45 * E2 ** 3 / 1024) * math.sin(2 * phi)
                  + (15 * E2 ** 2 / 256 + 45 * E2 ** 3 / 1024) * math.sin(4 * phi)
                  - (35 * E2 ** 3 / 3072) * math.sin(6 * phi))
    integral, _ = quad(lambda p: A * (1 - E2) / (1 - E2 * math.sin(p) ** 2) ** 1.5, 0, phi, epsabs=1e-9)
    assert abs(series - integral) < 1e-3, (series, integral)
    return integral


def utm(lat, lon, zone):
    phi = math.radians(lat)
    lam0 = math.radians(zone * 6 - 183)
    n = A / math.sqrt(1 - E2 * math.sin(phi) ** 2)
    t = math.tan(phi) ** 2
    c = EP2 * math.cos(phi) ** 2
    a = (math.radians(lon) - lam0) * math.cos(phi)
    x = K0 * n * (a + (1 - t + c) * a ** 3 / 6 + (5 - 18 * t + t * t + 72 * c - 58 * EP2) * a ** 5 / 120)
    y = K0 * (meridian_arc(phi) + n * math.tan(phi) * (a * a / 2 + (5 - t + 9 * c + 4 * c * c) * a ** 4 / 24
                                                        + (61 - 58 * t + t * t + 600 * c - 330 * EP2) * a ** 6 / 720))
    return 500000 + x, y


for name, lat, lon, zone in [('Stuttgart Schlossplatz', 48.7784, 9.1800, 32),
                             ('Freiburg', 47.9959, 7.8522, 32),
                             ('Berlin Alexanderplatz', 52.5219, 13.4132, 33),
                             ('on the central meridian of zone 32', 48.0, 9.0, 32)]:
    e, n = utm(lat, lon, zone)
    print('%-36s %9.4f %9.4f zone %d: E %.4f N %.4f' % (name, lat, lon, zone, e, n))
