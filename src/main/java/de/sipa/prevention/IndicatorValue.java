package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A measured value over a period; {@code typed} is {@code null} for a linked indicator, whose value is counted live. */
public record IndicatorValue(UUID id, LocalDate from, LocalDate to, BigDecimal typed) {
}
