package de.sipa.networks;

/** A count as shared: hidden where it is a small cell or its complement; the rate is per 1,000 inhabitants. */
public record Cell(long count, boolean hidden, long population) {

    /** The count as shown, {@code null} where hidden. */
    public Long shown() {
        return hidden ? null : count;
    }

    /** Per 1,000 inhabitants, {@code null} where hidden or the population is not known. */
    public Double rate() {
        return hidden || population <= 0 ? null : count * 1000.0 / population;
    }
}
