package de.sipa.shared;

/**
 * WGS 84 / UTM (transverse Mercator, scale 0.9996 on the central meridian, false easting 500 km, northern
 * hemisphere), the projection in which SiPa measures in metres (the hotspot grid, a place's radius and buffer). The zone is the
 * one of the partnership's centre (zone 32 for 6°–12° E, 33 for 12°–18° E), so the grid is EPSG:326zz, which
 * agrees with the official ETRS89/UTM grid (EPSG:258zz) to well below a metre. Krüger's series to the third order
 * in n (as in Karney 2011, "Transverse Mercator with an accuracy of a few nanometers"), accurate to a millimetre
 * within a zone and a few zones beyond.
 */
public final class UtmProjection {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double K0 = 0.9996;
    private static final double FALSE_EASTING = 500_000.0;

    private static final double N = F / (2 - F);
    private static final double RECTIFYING_RADIUS = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);
    private static final double[] ALPHA = {
        N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16, 13 * N * N / 48 - 3 * N * N * N / 5, 61 * N * N * N / 240};
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96, N * N / 48 + N * N * N / 15, 17 * N * N * N / 480};
    private static final double[] DELTA = {
        2 * N - 2 * N * N / 3 - 2 * N * N * N, 7 * N * N / 3 - 8 * N * N * N / 5, 56 * N * N * N / 15};
    private static final double E_FACTOR = 2 * Math.sqrt(N) / (1 + N);

    private final int zone;
    private final double centralMeridian;

    private UtmProjection(int zone) {
        this.zone = zone;
        this.centralMeridian = Math.toRadians(zone * 6 - 183);
    }

    public static UtmProjection zone(int zone) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone " + zone);
        }
        return new UtmProjection(zone);
    }

    /** The UTM zone a longitude lies in (without the Norwegian and Svalbard exceptions). */
    public static UtmProjection forLongitude(double longitude) {
        return zone(Math.min(60, (int) Math.floor((longitude + 180) / 6) + 1));
    }

    public int zone() {
        return zone;
    }

    /** The EPSG code of the projected coordinates, e.g. {@code EPSG:32632}. */
    public String epsg() {
        return "EPSG:326" + String.format("%02d", zone);
    }

    /** A description for people, in the GeoJSON's properties. */
    public String description() {
        return "WGS 84 / UTM zone " + zone + "N (" + epsg() + ", transverse Mercator, metres)";
    }

    /** Easting and northing in metres of a WGS84 point, into {@code out[0]} and {@code out[1]}. */
    public void forward(double latitude, double longitude, double[] out) {
        double phi = Math.toRadians(latitude);
        double lambda = Math.toRadians(longitude) - centralMeridian;
        double sinPhi = Math.sin(phi);
        double t = Math.sinh(atanh(sinPhi) - E_FACTOR * atanh(E_FACTOR * sinPhi));
        double xiPrime = Math.atan2(t, Math.cos(lambda));
        double etaPrime = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
        double easting = etaPrime;
        double northing = xiPrime;
        for (int j = 1; j <= 3; j++) {
            easting += ALPHA[j - 1] * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
            northing += ALPHA[j - 1] * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
        }
        out[0] = FALSE_EASTING + K0 * RECTIFYING_RADIUS * easting;
        out[1] = K0 * RECTIFYING_RADIUS * northing;
    }

    /** Latitude and longitude in degrees of a point in metres, into {@code out[0]} and {@code out[1]}. */
    public void inverse(double easting, double northing, double[] out) {
        double xi = northing / (K0 * RECTIFYING_RADIUS);
        double eta = (easting - FALSE_EASTING) / (K0 * RECTIFYING_RADIUS);
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= 3; j++) {
            xiPrime -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            etaPrime -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double chi = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
        double phi = chi;
        for (int j = 1; j <= 3; j++) {
            phi += DELTA[j - 1] * Math.sin(2 * j * chi);
        }
        out[0] = Math.toDegrees(phi);
        out[1] = Math.toDegrees(centralMeridian + Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime)));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
