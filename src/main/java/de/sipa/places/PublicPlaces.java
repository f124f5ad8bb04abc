package de.sipa.places;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.PlainText;
import de.sipa.shared.RuleViolationException;

/**
 * The citizens' side of a published place: its public page, comments moderated like the texts of reports (shown
 * once the coordination approved them), and the rating "how safe do you feel here", at most once per device and
 * month, kept without IP address or account: only a hash of the place and the device's random token.
 */
@Service
@Transactional
public class PublicPlaces {

    static final int MAX_COMMENT = 2000;
    static final int SHOWN_COMMENTS = 50;
    /** How many months of ratings the pages show. */
    static final int RATING_MONTHS = 24;

    private final Places places;
    private final SafetyConceptRepository concepts;
    private final PublicPlaceRepository repository;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PublicPlaces(Places places, SafetyConceptRepository concepts, PublicPlaceRepository repository,
            AuditTrail auditTrail, Clock clock) {
        this.places = places;
        this.concepts = concepts;
        this.repository = repository;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The public page of a published place; dropped measures are left out. */
    @Transactional(readOnly = true)
    public Optional<PublicPlace> view(PartnershipId partnership, PlaceId id) {
        return places.published(partnership, id).map(place -> new PublicPlace(place, concepts.goals(id),
                concepts.measures(partnership, id).stream().filter(m -> m.status() != MeasureStatus.DROPPED).toList(),
                repository.comments(partnership, id, "APPROVED", SHOWN_COMMENTS), ratings(id)));
    }

    /** A citizen's comment; it waits for the coordination's look before it is shown. */
    public void comment(PartnershipId partnership, PlaceId id, String text) {
        published(partnership, id);
        var clean = PlainText.clean(text);
        if (clean == null || clean.isBlank()) {
            throw new RuleViolationException("publicPlace.comment.required");
        }
        if (clean.length() > MAX_COMMENT) {
            throw new RuleViolationException("publicPlace.comment.tooLong", MAX_COMMENT);
        }
        repository.insertComment(partnership, id, clean.strip(), clock.instant());
    }

    /**
     * A device's rating of the place this month, 1 (very unsafe) to 5 (very safe); a second one in the same month is
     * refused.
     */
    public void rate(PartnershipId partnership, PlaceId id, String deviceToken, int score) {
        published(partnership, id);
        if (score < 1 || score > 5) {
            throw new RuleViolationException("publicPlace.rating.invalid");
        }
        if (deviceToken == null || deviceToken.isBlank()) {
            throw new RuleViolationException("publicPlace.rating.noDevice");
        }
        if (!repository.rate(id, hash(id, deviceToken), YearMonth.now(clock), score)) {
            throw new RuleViolationException("publicPlace.rating.onceAMonth");
        }
    }

    /** Whether the device rated the place this month already. */
    @Transactional(readOnly = true)
    public boolean ratedThisMonth(PlaceId id, String deviceToken) {
        return deviceToken != null && !deviceToken.isBlank()
                && repository.rated(id, hash(id, deviceToken), YearMonth.now(clock));
    }

    /** The ratings per month of the last two years, for the staff's pages and the evaluation. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<RatingMonth> ratingsOf(PlaceId id) {
        places.place(id);
        return ratings(id);
    }

    @PreAuthorize(PlacePermissions.PUBLISH)
    @Transactional(readOnly = true)
    public List<PlaceComment> pendingComments(PlaceId id) {
        places.place(id);
        return repository.comments(CurrentUser.partnership(), id, "PENDING", SHOWN_COMMENTS);
    }

    /** The coordination decides whether a comment is shown on the public page. */
    @PreAuthorize(PlacePermissions.PUBLISH)
    public void moderate(PlaceId id, UUID comment, boolean publish) {
        var place = places.place(id);
        var found = repository.comment(CurrentUser.partnership(), comment).filter(c -> c.place().equals(id))
                .orElseThrow(() -> new NotFoundException("PlaceComment", comment));
        repository.moderate(found.id(), publish ? "APPROVED" : "HIDDEN", clock.instant());
        auditTrail.record(AuditAction.CHANGED, "PlaceComment", comment, auditTrail.summary(
                publish ? "audit.placeComment.approved" : "audit.placeComment.hidden", place.name()));
    }

    private List<RatingMonth> ratings(PlaceId id) {
        return repository.ratings(id, LocalDate.now(clock).withDayOfMonth(1).minusMonths(RATING_MONTHS - 1));
    }

    private Place published(PartnershipId partnership, PlaceId id) {
        return places.published(partnership, id).orElseThrow(() -> new NotFoundException("Place", id));
    }

    /** The device's token tied to the place, so that the stored hashes of two places cannot be matched. */
    static String hash(PlaceId place, String deviceToken) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((place + ":" + deviceToken.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
