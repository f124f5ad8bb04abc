package de.sipa.volunteers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.Partnership;
import de.sipa.partners.People;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The citizens' side of volunteering, without login: the published offers, the sign-up with consent, and its
 * confirmation by the link mailed to the citizen (double opt-in). Only the hash of the link's token is stored, and
 * it is cleared once the link was used, so a link works once.
 */
@Service
@Transactional
public class PublicVolunteering {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 40;
    static final int MAX_MESSAGE = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()/ .-]{3,40}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OfferRepository offers;
    private final VolunteerRepository volunteers;
    private final People people;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final BaseUrl baseUrl;
    private final Clock clock;

    PublicVolunteering(OfferRepository offers, VolunteerRepository volunteers, People people,
            Notifications notifications, MailTexts mailTexts, BaseUrl baseUrl, Clock clock) {
        this.offers = offers;
        this.volunteers = volunteers;
        this.people = people;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The offers citizens may sign up for today. */
    @Transactional(readOnly = true)
    public List<VolunteerOffer> published(PartnershipId partnership) {
        return offers.published(partnership, LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Optional<VolunteerOffer> published(PartnershipId partnership, VolunteerOfferId id) {
        return offers.find(partnership, id).filter(o -> o.openOn(LocalDate.now(clock)));
    }

    /**
     * Stores the citizen's sign-up, unconfirmed, and mails the confirmation link. Bad input is refused with the
     * field's message key ({@code volunteer.<field>.…}) and nothing is stored.
     */
    public void signUp(Partnership partnership, VolunteerOfferId offerId, SignUp input) {
        var offer = published(partnership.id(), offerId).orElseThrow(() -> new NotFoundException("VolunteerOffer",
                offerId));
        var signUp = checked(input);
        var token = token();
        var id = VolunteerId.random();
        volunteers.insert(partnership.id(), offer.id(), id, signUp, hash(token), VolunteerStatus.UNCONFIRMED,
                clock.instant());
        notifications.send(mailTexts.mail(partnership.id(), signUp.email(), "mail.volunteer.confirm", signUp.name(),
                offer.title(), baseUrl.link("/buerger/" + partnership.slug() + "/ehrenamt/bestaetigen/" + token),
                VolunteerRetention.CONFIRMATION_WINDOW.toHours(), partnership.name()));
    }

    /** The offer an unused confirmation link belongs to, for the page with the button. */
    @Transactional(readOnly = true)
    public Optional<VolunteerOffer> pendingOffer(PartnershipId partnership, String token) {
        return pending(partnership, token)
                .flatMap(p -> offers.find(partnership, p.volunteer().offer()));
    }

    /**
     * Confirms the sign-up of the link; the link is used up then. The contact person learns of the new volunteer by
     * mail (without the volunteer's data: those are in SiPa).
     */
    public VolunteerOffer confirm(Partnership partnership, String token) {
        var pending = pending(partnership.id(), token)
                .orElseThrow(() -> new RuleViolationException("volunteer.confirm.invalid"));
        if (!volunteers.confirm(pending.volunteer().id(), clock.instant())) {
            throw new RuleViolationException("volunteer.confirm.invalid");
        }
        var offer = offers.find(partnership.id(), pending.volunteer().offer()).orElseThrow();
        var contact = CurrentUser.runAs(SipaUser.system(partnership.id()), () -> people.get(offer.contactPerson()));
        if (contact.email() != null && !contact.email().isBlank()) {
            notifications.send(mailTexts.mail(partnership.id(), contact.email(), "mail.volunteer.signedUp",
                    contact.fullName(), offer.title(), baseUrl.link("/ehrenamt/" + offer.id())));
        }
        return offer;
    }

    private Optional<VolunteerRepository.Pending> pending(PartnershipId partnership, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return volunteers.pending(hash(token)).filter(p -> p.partnership().equals(partnership))
                .filter(p -> p.volunteer().createdAt().plus(VolunteerRetention.CONFIRMATION_WINDOW)
                        .isAfter(clock.instant()));
    }

    /** The sign-up as it may be stored, or the first problem refused. */
    static SignUp checked(SignUp input) {
        var problems = problems(input);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return new SignUp(VolunteerOffers.line(input.name()), VolunteerOffers.line(input.email()),
                VolunteerOffers.line(input.phone()), VolunteerOffers.line(input.message()), true);
    }

    /** Every problem with the typed sign-up, each with its field's message key ({@code volunteer.<field>.…}). */
    public static List<RuleViolationException> problems(SignUp input) {
        var problems = new java.util.ArrayList<RuleViolationException>();
        var name = VolunteerOffers.line(input.name());
        if (name == null) {
            problems.add(new RuleViolationException("volunteer.name.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new RuleViolationException("volunteer.name.tooLong", MAX_NAME));
        }
        var email = VolunteerOffers.line(input.email());
        if (email == null) {
            problems.add(new RuleViolationException("volunteer.email.required"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add(new RuleViolationException("volunteer.email.invalid"));
        }
        var phone = VolunteerOffers.line(input.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new RuleViolationException("volunteer.phone.invalid"));
        }
        var message = VolunteerOffers.line(input.message());
        if (message != null && message.length() > MAX_MESSAGE) {
            problems.add(new RuleViolationException("volunteer.message.tooLong", MAX_MESSAGE));
        }
        if (!input.consent()) {
            problems.add(new RuleViolationException("volunteer.consent.required"));
        }
        return problems;
    }

    private static String token() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
