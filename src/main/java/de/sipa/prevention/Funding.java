package de.sipa.prevention;

import java.math.BigDecimal;

/** Money for a project from one source (Stadt, Land, Stiftung, Sponsor …), in euros. */
public record Funding(String source, BigDecimal amount) {
}
