package de.sipa.situation;

/**
 * One analysed cell of the grid.
 *
 * @param column column from the grid's western edge
 * @param row row from the grid's southern edge
 * @param count reports in the cell
 * @param z the Gi* z-score
 * @param p two-sided p-value
 * @param pFdr p-value corrected for the number of cells (Benjamini–Hochberg)
 * @param density kernel density at the cell's centre in reports per km²
 * @param corners the cell's corners in WGS84 as longitude/latitude pairs, counter-clockwise from the south-west,
 *     the first repeated at the end
 */
public record HotspotCell(int column, int row, int count, double z, double p, double pFdr, GiClass giClass,
        double density, double[][] corners) {

    /** The centre's latitude (mean of the four corners). */
    public double latitude() {
        return (corners[0][1] + corners[1][1] + corners[2][1] + corners[3][1]) / 4;
    }

    /** The centre's longitude (mean of the four corners). */
    public double longitude() {
        return (corners[0][0] + corners[1][0] + corners[2][0] + corners[3][0]) / 4;
    }
}
