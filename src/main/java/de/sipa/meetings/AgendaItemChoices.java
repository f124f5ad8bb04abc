package de.sipa.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;

/**
 * Agenda items offered to other modules that keep links to them (a place, a prevention project a meeting dealt
 * with), so that the meetings module need not know those records: the items of the meetings of the last twelve
 * months and of the next ones as choices "meeting:item", and a chosen or linked item read back. Only items the
 * reader may see: confidential ones stay with the body's members.
 */
@Service
@Transactional(readOnly = true)
public class AgendaItemChoices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int LABEL_LENGTH = 90;

    /** An agenda item offered in a select: its value "meeting:item" and what the select shows. */
    public record Choice(String value, String label) {
    }

    /** The agenda item a link points to, with its meeting's title and start. */
    public record Item(UUID meeting, UUID item, String meetingTitle, Instant meetingStartsAt, String itemTitle) {
    }

    private final Meetings meetings;
    private final MeetingRepository repository;
    private final Clock clock;

    AgendaItemChoices(Meetings meetings, MeetingRepository repository, Clock clock) {
        this.meetings = meetings;
        this.repository = repository;
        this.clock = clock;
    }

    /** The agenda items of the next meetings and of those of the last twelve months, as "meeting:item". */
    @PreAuthorize(MeetingPermissions.READ)
    public List<Choice> recent() {
        var zone = clock.getZone();
        var since = clock.instant().minus(Duration.ofDays(366));
        var recent = new ArrayList<Meeting>(meetings.page(null, true, PageRequest.of(0, 10)).getContent());
        meetings.page(null, false, PageRequest.of(0, 40)).getContent().stream()
                .filter(m -> m.startsAt().isAfter(since)).forEach(recent::add);
        var choices = new ArrayList<Choice>();
        for (var meeting : recent) {
            for (var item : meetings.agenda(meeting.id())) {
                choices.add(new Choice(meeting.id() + ":" + item.id(),
                        DAY.format(meeting.startsAt().atZone(zone).toLocalDate()) + " · " + shortened(meeting.title())
                                + ": " + shortened(item.title())));
            }
        }
        return choices;
    }

    /**
     * The agenda item a choice's value ("meeting:item") names; empty for a value that names none, or one the reader
     * may not see.
     */
    @PreAuthorize(MeetingPermissions.READ)
    public Optional<Item> chosen(String value) {
        var parts = value == null ? new String[0] : value.strip().split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return item(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The linked agenda item, where it still exists and the reader may see it. */
    @PreAuthorize(MeetingPermissions.READ)
    public Optional<Item> item(UUID meeting, UUID item) {
        var found = repository.find(CurrentUser.partnership(), new MeetingId(meeting));
        if (found.isEmpty()) {
            return Optional.empty(); // gone, or not the reader's partnership's
        }
        var m = found.get();
        return repository.agenda(m.id()).stream().filter(i -> i.id().equals(item)).findFirst()
                .filter(i -> !i.confidential() || meetings.isMember(m.body()))
                .map(i -> new Item(meeting, item, m.title(), m.startsAt(), i.title()));
    }

    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }
}
