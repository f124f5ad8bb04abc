package de.sipa.reports;

import java.util.UUID;

/**
 * What the reporter gets back.
 *
 * @param publicId {@code null} while a moderated report waits for its check
 * @param token the secret of the status link (and the Open311 token)
 */
public record Receipt(ReportId report, String publicId, UUID token) {
}
