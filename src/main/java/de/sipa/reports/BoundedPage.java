package de.sipa.reports;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list counted only up to a bound: counting a million reports exactly takes longer than the page itself
 * (about 0.4 s), and nobody pages through more than {@link #BOUND} of them; a filter narrows the search instead.
 */
public final class BoundedPage<T> extends PageImpl<T> {

    /** How many entries are counted at most. */
    public static final int BOUND = 10_000;

    private final boolean moreThanCounted;

    /** @param counted the entries counted, at most {@code BOUND + 1} (one more says there are more than the bound) */
    BoundedPage(List<T> content, Pageable pageable, long counted) {
        super(content, pageable, Math.min(counted, BOUND));
        this.moreThanCounted = counted > BOUND;
    }

    /** Whether the list holds more entries than {@link #getTotalElements()} says (which is then the bound). */
    public boolean moreThanCounted() {
        return moreThanCounted;
    }

    @Override
    public <U> BoundedPage<U> map(Function<? super T, ? extends U> converter) {
        return new BoundedPage<>(getContent().stream().<U>map(converter).toList(), getPageable(),
                moreThanCounted ? BOUND + 1L : getTotalElements());
    }
}
